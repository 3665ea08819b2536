package check

import (
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// ev is an event role claim: doc (its own cluster), event, type, role,
// entity, date, place.
func ev(doc, event, typ, role string, entity int64, date string, place int64, text string) store.Claim {
	return store.Claim{Doc: doc, Cluster: doc, Published: "2026-04-22", Kind: "event", Predicate: typ, Event: event, Role: role,
		Subject: entity, Date: date, Place: place, Modality: dossier.Asserted, AttributionKind: dossier.Outlet,
		Evidence: dossier.Evidence{Start: 0, End: len(text), Text: text}}
}

func rel(doc string, s, o int64, mod dossier.Modality, kind dossier.AttributionKind, text string) store.Claim {
	return store.Claim{Doc: doc, Cluster: doc, Kind: "relation", Predicate: "member_of", Subject: s, Object: o, Modality: mod,
		AttributionKind: kind, Evidence: dossier.Evidence{Text: text}}
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fn     func([]store.Claim) []Finding
		claims []store.Claim
		want   int
		kind   string
		inMsg  string
	}{
		{"attends after death", DeadAttendees, []store.Claim{
			ev("d1", "v1", "death", "victim", 7, "2026-03-02", 0, "Commander Imran Wani was killed in Kokernag on March 2."),
			ev("d2", "v1", "meeting", "attendee", 7, "2026-03-20", 9, "Wani addressed a rally in Rawalakot on March 20."),
		}, 1, KindDeadAttendee, "reported dead on 2026-03-02"},
		{"attends before death", DeadAttendees, []store.Claim{
			ev("d1", "v1", "death", "victim", 7, "2026-03-22", 0, "Wani was killed on March 22."),
			ev("d2", "v1", "meeting", "attendee", 7, "2026-03-20", 9, "Wani addressed a rally on March 20."),
			ev("d3", "v1", "meeting", "attendee", 7, "2026-03", 9, "Wani spoke at rallies in March."),
		}, 0, "", ""},
		{"one attack, two dates", EventConflicts, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 3, "2026-04-21", 11, "KFB gunmen attacked the Sheshbal camp on Tuesday."),
			ev("d1", "v1", "attack", "target", 4, "2026-04-21", 11, "KFB gunmen attacked the Sheshbal camp on Tuesday."),
			ev("d2", "v9", "attack", "perpetrator", 3, "2026-04-20", 11, "The camp at Sheshbal was attacked by the KFB on Monday."),
			ev("d2", "v9", "attack", "target", 4, "2026-04-20", 11, "The camp at Sheshbal was attacked by the KFB on Monday."),
		}, 1, KindEventConflict, "dates 2026-04-21 and 2026-04-20"},
		{"one attack, agreeing reports", EventConflicts, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 3, "2026-04-21", 11, "a"),
			ev("d1", "v1", "attack", "target", 4, "2026-04-21", 11, "a"),
			ev("d2", "v2", "attack", "perpetrator", 3, "2026-04-21", 11, "b"),
			ev("d2", "v2", "attack", "target", 4, "2026-04", 11, "b"),
		}, 0, "", ""},
		{"two places on one day", IncompatibleRoles, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 5, "2026-04-10", 20, "Baig chaired a meeting in Muzaffarabad on April 10."),
			ev("d2", "v1", "visit", "traveller", 5, "2026-04-10", 21, "Baig was in Doha on April 10, officials said."),
		}, 1, KindTwoPlaces, "on 2026-04-10"},
		{"perpetrator and victim", IncompatibleRoles, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 5, "", 0, "Baig attacked the convoy and was killed in it."),
			ev("d1", "v1", "attack", "victim", 5, "", 0, "Baig attacked the convoy and was killed in it."),
		}, 1, KindTwoPlaces, "both perpetrator and victim"},
		{"asserted and denied", AssertedAndDenied, []store.Claim{
			rel("d1", 1, 2, dossier.Asserted, dossier.Named, "Hamza Rafiq is a member of the KFB, the police chief said."),
			rel("d2", 1, 2, dossier.Negated, dossier.Named, "Rafiq has never been a member of the KFB, his lawyer said."),
		}, 1, KindAssertedDenied, "denied by 1"},
		{"anonymous only", AnonymousOnly, []store.Claim{
			rel("d1", 1, 2, dossier.Hedged, dossier.Anonymous, "Rafiq is believed to have joined the KFB, sources said."),
			rel("d2", 1, 2, dossier.Reported, dossier.Anonymous, "Intelligence sources say Rafiq joined the KFB."),
			rel("d3", 1, 6, dossier.Asserted, dossier.Named, "Rafiq joined the union, its secretary said."),
		}, 1, KindAnonymousSource, "only on anonymous sources (2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.fn(tc.claims)
			if len(got) != tc.want {
				t.Fatalf("%d findings %+v, want %d", len(got), got, tc.want)
			}
			if tc.want == 0 {
				return
			}
			f := got[0]
			if f.Kind != tc.kind || !strings.Contains(f.Message, tc.inMsg) {
				t.Errorf("finding %+v: want kind %s, message with %q", f.Flag, tc.kind, tc.inMsg)
			}
			if len(f.Evidence) < 2 || len(f.Docs) != len(f.Evidence) || f.Evidence[0].Text == "" {
				t.Errorf("finding %+v: want the evidence of both sides with their documents", f)
			}
		})
	}
}

func TestAllOnNothing(t *testing.T) {
	if got := All(nil); len(got) != 0 {
		t.Errorf("All(nil) = %v", got)
	}
}
