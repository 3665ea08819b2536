package corroboration

import (
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

func claim(doc, cluster string, kind dossier.AttributionKind, mod dossier.Modality) store.Claim {
	return store.Claim{Doc: doc, Cluster: cluster, Kind: "relation", Predicate: "leader_of", Subject: 1, Object: 2,
		AttributionKind: kind, Modality: mod, Evidence: dossier.Evidence{Text: "Qaddoumi heads the group, " + doc + " said."}}
}

func TestGroup(t *testing.T) {
	for _, tc := range []struct {
		name          string
		claims        []store.Claim
		corroboration int
		denials       int
		anonymousOnly bool
	}{
		{"one syndicated story is one source", []store.Claim{
			claim("d1", "c1", dossier.Named, dossier.Asserted),
			claim("d2", "c1", dossier.Named, dossier.Asserted),
			claim("d3", "c1", dossier.Named, dossier.Asserted)}, 1, 0, false},
		{"two clusters are two sources", []store.Claim{
			claim("d1", "c1", dossier.Anonymous, dossier.Hedged),
			claim("d2", "c2", dossier.Named, dossier.Reported)}, 2, 0, false},
		{"anonymous only", []store.Claim{
			claim("d1", "c1", dossier.Anonymous, dossier.Asserted),
			claim("d2", "c2", dossier.Anonymous, dossier.Hedged)}, 2, 0, true},
		{"a denial does not corroborate", []store.Claim{
			claim("d1", "c1", dossier.Named, dossier.Asserted),
			claim("d2", "c2", dossier.Organisation, dossier.Negated)}, 1, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := Group(tc.claims)
			if len(g) != 1 {
				t.Fatalf("%d groups, want 1", len(g))
			}
			if g[0].Corroboration != tc.corroboration || g[0].Denials != tc.denials || g[0].AnonymousOnly() != tc.anonymousOnly {
				t.Errorf("got corroboration %d, denials %d, anonymous only %v; want %d, %d, %v",
					g[0].Corroboration, g[0].Denials, g[0].AnonymousOnly(), tc.corroboration, tc.denials, tc.anonymousOnly)
			}
		})
	}
	// Different objects are different claims.
	a, b := claim("d1", "c1", dossier.Named, dossier.Asserted), claim("d2", "c2", dossier.Named, dossier.Asserted)
	b.Object = 3
	if g := Group([]store.Claim{a, b}); len(g) != 2 {
		t.Errorf("%d groups, want 2", len(g))
	}
}
