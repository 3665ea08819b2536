package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// graphFixture stores two documents and a hand-made resolution of them:
// E1 Hamza Rafiq (in both), E2 Kashmir Freedom Brigade, E3 Anantnag.
func graphFixture(t *testing.T) (*Store, []*dossier.Document) {
	t.Helper()
	s, _ := openTemp(t)
	ctx := context.Background()
	texts := []string{
		"Hamza Rafiq, a commander of the Kashmir Freedom Brigade, was seen in Anantnag on Friday, police said.",
		"Rafiq denied being a member of the Kashmir Freedom Brigade in a video released on Sunday.",
	}
	var docs []*dossier.Document
	for i, text := range texts {
		d := newDoc(text, i)
		ex := dossier.NewExtraction(d, "v-test")
		ex.Entities = []dossier.Entity{
			{ID: "e1", Type: dossier.Person, Name: []string{"Hamza Rafiq", "Rafiq"}[i], Mentions: []dossier.Mention{{Start: 0, End: 5, Text: "x"}}},
			{ID: "e2", Type: dossier.Org, Name: "Kashmir Freedom Brigade", Mentions: []dossier.Mention{{Start: 6, End: 9, Text: "y"}}},
		}
		if _, err := s.PutDocument(ctx, d, ex, store.Sketch{}); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	lat, lon := 33.73, 75.15
	r1 := &store.Resolution{Doc: docs[0].ID,
		New: []store.EntityProfile{
			{GlobalEntity: store.GlobalEntity{ID: 1, Type: dossier.Person, Name: "Hamza Rafiq"}, Keys: []string{"hamza rafik"}},
			{GlobalEntity: store.GlobalEntity{ID: 2, Type: dossier.Org, Name: "Kashmir Freedom Brigade", Aliases: []string{"KFB"}}, Keys: []string{"kashmir freedom brigade", "acr:kfb"}},
			{GlobalEntity: store.GlobalEntity{ID: 3, Type: dossier.GPE, Name: "Anantnag", Lat: &lat, Lon: &lon}, Keys: []string{"anantnag"}},
		},
		Members: []store.Member{{Local: "e1", Key: "hamza rafiq", Name: "Hamza Rafiq", Type: dossier.Person, Global: 1, Score: 1, Method: "new"},
			{Local: "e2", Key: "kashmir freedom brigade", Name: "Kashmir Freedom Brigade", Type: dossier.Org, Global: 2, Score: 1, Method: "new"}},
		Claims: []store.Claim{
			{Cluster: docs[0].ID, Published: "2026-04-21", Kind: "relation", Predicate: "member_of", Subject: 1, Object: 2, SubjectLocal: "e1", ObjectLocal: "e2",
				Modality: dossier.Asserted, AttributionKind: dossier.Organisation, Evidence: dossier.Evidence{Start: 0, End: 50, Text: texts[0]}},
			{Cluster: docs[0].ID, Kind: "event", Predicate: "visit", Event: "v1", Role: "traveller", Subject: 1, SubjectLocal: "e1", Place: 3,
				Date: "2026-04-17", Modality: dossier.Asserted, AttributionKind: dossier.Organisation, Evidence: dossier.Evidence{Text: texts[0]}},
		},
	}
	r2 := &store.Resolution{Doc: docs[1].ID,
		Members: []store.Member{{Local: "e1", Key: "rafiq", Name: "Rafiq", Type: dossier.Person, Global: 1, Score: 0.9, Method: "surname"},
			{Local: "e2", Key: "kashmir freedom brigade", Name: "Kashmir Freedom Brigade", Type: dossier.Org, Global: 2, Score: 1, Method: "exact"}},
		Claims: []store.Claim{{Cluster: docs[1].ID, Published: "2026-04-21", Kind: "relation", Predicate: "member_of", Subject: 1, Object: 2, SubjectLocal: "e1", ObjectLocal: "e2",
			Modality: dossier.Negated, AttributionKind: dossier.Named, Evidence: dossier.Evidence{Text: texts[1]}}},
		Decisions: []store.Decision{{Kind: store.DecisionMerge, A: store.MemberRef{Doc: docs[1].ID, Key: "rafiq"}, Who: "resolver", Automatic: true, Score: 0.9}},
	}
	if err := s.SaveResolution(ctx, r1, r2); err != nil {
		t.Fatal(err)
	}
	return s, docs
}

func TestGraphQueries(t *testing.T) {
	s, docs := graphFixture(t)
	ctx := context.Background()
	if ids, err := s.UnresolvedDocuments(ctx, 10); err != nil || len(ids) != 0 {
		t.Errorf("unresolved after saving: %v %v", ids, err)
	}
	e, err := s.Entity(ctx, 1)
	if err != nil || e.Members != 2 || e.Documents != 2 {
		t.Fatalf("entity 1 = %+v, %v", e, err)
	}
	if p, _ := s.Entity(ctx, 3); p.Lat == nil || *p.Lat != 33.73 {
		t.Errorf("place lost its coordinates: %+v", p)
	}
	if _, err := s.Entity(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("entity 99: %v", err)
	}
	if found, _ := s.FindEntities(ctx, []string{"acr:kfb"}, 5); len(found) != 1 || found[0].ID != 2 {
		t.Errorf("find KFB: %+v", found)
	}
	for _, tc := range []struct {
		name string
		id   int64
		f    store.ClaimFilter
		want int
	}{
		{"all of Rafiq", 1, store.ClaimFilter{}, 3},
		{"asserted only", 1, store.ClaimFilter{Modalities: []dossier.Modality{dossier.Asserted}}, 2},
		{"member_of", 2, store.ClaimFilter{Predicates: []string{"member_of"}}, 2},
		{"named sources", 2, store.ClaimFilter{AttributionKinds: []dossier.AttributionKind{dossier.Named}}, 1},
		{"April 2026", 1, store.ClaimFilter{From: "2026-04", To: "2026-04"}, 3},
		{"place", 3, store.ClaimFilter{}, 1},
		{"before 2026", 1, store.ClaimFilter{To: "2025-12-31"}, 0},
	} {
		cs, err := s.EntityClaims(ctx, tc.id, tc.f)
		if err != nil || len(cs) != tc.want {
			t.Errorf("%s: %d claims (%v), want %d", tc.name, len(cs), err, tc.want)
		}
	}
	// Split Rafiq of document 2 out, then merge back, then undo.
	ref := store.MemberRef{Doc: docs[1].ID, Key: "rafiq"}
	newID, did, err := s.SplitMembers(ctx, []store.MemberRef{ref}, store.Decision{A: ref, B: store.MemberRef{Doc: docs[0].ID, Key: "hamza rafiq"}, Who: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if g, _ := s.MemberOf(ctx, ref); g != newID {
		t.Errorf("after split, member in E%d, want E%d", g, newID)
	}
	if cs, _ := s.EntityClaims(ctx, newID, store.ClaimFilter{}); len(cs) != 1 || cs[0].Modality != dossier.Negated {
		t.Errorf("the split entity's claims: %+v (want the denial)", cs)
	}
	if _, _, err := s.SplitMembers(ctx, []store.MemberRef{ref}, store.Decision{}); err == nil {
		t.Error("splitting the only member out of an entity should fail")
	}
	if _, err := s.MergeEntities(ctx, 1, newID, store.Decision{A: store.MemberRef{Doc: docs[0].ID, Key: "hamza rafiq"}, B: ref, Who: "t", Why: "same"}); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entity(ctx, 1); e.Members != 2 {
		t.Errorf("after merge: %+v", e)
	}
	if _, err := s.Entity(ctx, newID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged entity still there: %v", err)
	}
	if err := s.MarkUndone(ctx, did, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkUndone(ctx, did, time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("undoing twice: %v", err)
	}
	active, _ := s.Decisions(ctx, false)
	all, _ := s.Decisions(ctx, true)
	if len(all) != 3 || len(active) != 2 {
		t.Errorf("decisions: %d active of %d, want 2 of 3", len(active), len(all))
	}
	// Reprocess clears the document's resolution; the global entities and
	// decisions stay.
	ex, _ := s.Extraction(ctx, docs[1].ID)
	if err := s.ReplaceExtraction(ctx, docs[1].ID, ex); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.UnresolvedDocuments(ctx, 10); len(ids) != 1 || ids[0] != docs[1].ID {
		t.Errorf("after reprocess unresolved = %v", ids)
	}
	if all2, _ := s.Decisions(ctx, true); len(all2) != 3 {
		t.Errorf("reprocess lost decisions")
	}
	if err := s.ResetResolution(ctx); err != nil {
		t.Fatal(err)
	}
	if all3, _ := s.Decisions(ctx, true); len(all3) != 2 {
		t.Errorf("reset should keep the 2 manual decisions and drop the automatic one: %d", len(all3))
	}
}

// A split that names one name in several documents moves every one of
// those members, each in its own document (an undone merge of an entity
// named alike in many reports takes them all back out).
func TestSplitMembersOfOneNameInSeveralDocuments(t *testing.T) {
	s, docs := graphFixture(t)
	ctx := context.Background()
	kfb := []store.MemberRef{{Doc: docs[0].ID, Key: "kashmir freedom brigade"}, {Doc: docs[1].ID, Key: "kashmir freedom brigade"}}
	if _, err := s.MergeEntities(ctx, 1, 2, store.Decision{A: kfb[0], B: store.MemberRef{Doc: docs[0].ID, Key: "hamza rafiq"}, Who: "t", Why: "a test"}); err != nil {
		t.Fatal(err)
	}
	newID, _, err := s.SplitMembers(ctx, kfb, store.Decision{A: kfb[0], Who: "t", Why: "not a place"})
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range kfb {
		if g, _ := s.MemberOf(ctx, ref); g != newID {
			t.Errorf("after the split, %s is in E%d, want E%d", ref, g, newID)
		}
	}
	if e, _ := s.Entity(ctx, 1); e.Members != 2 {
		t.Errorf("after the split E1 has %d members, want Rafiq's 2", e.Members)
	}
}
