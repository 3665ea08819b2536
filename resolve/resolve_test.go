package resolve_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// fixture builds a document and its extraction from text and the entities
// named in it; each entity is found at its first occurrence in the text.
type fixture struct {
	text     string
	entities []ent
	rels     [][3]string // type, subject name, object name
}

type ent struct {
	typ     dossier.EntityType
	name    string
	aliases []string
	titles  []string
}

func (f fixture) build(day int) (*dossier.Document, *dossier.Extraction) {
	doc := &dossier.Document{Text: f.text, Outlet: "Valley Courier", Published: time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC),
		Ingested: time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC)}
	doc.ID = dedup.ID(f.text)
	doc.Cluster = doc.ID
	ex := dossier.NewExtraction(doc, "test")
	ids := map[string]string{}
	for i, e := range f.entities {
		id := "e" + string(rune('1'+i))
		ids[e.name] = id
		start := strings.Index(f.text, e.name)
		x := dossier.Entity{ID: id, Type: e.typ, Name: e.name, Aliases: e.aliases,
			Mentions: []dossier.Mention{{Start: start, End: start + len(e.name), Text: e.name}}}
		if len(e.titles) > 0 {
			x.Attributes = map[string][]string{"titles": e.titles}
		}
		ex.Entities = append(ex.Entities, x)
	}
	for _, r := range f.rels {
		ex.Relations = append(ex.Relations, dossier.Relation{Type: r[0], Subject: ids[r[1]], Object: ids[r[2]], Confidence: 0.9,
			Modality: dossier.Asserted, Evidence: dossier.Evidence{Start: 0, End: len(f.text), Text: f.text}})
	}
	return doc, ex
}

var corpus = []fixture{
	{text: "Mufti Abdul Rauf Qaddoumi, the chief of Jaish-e-Mohammed (JeM), met Masood Azhar in Bahawalpur on Monday.",
		entities: []ent{{dossier.Person, "Abdul Rauf Qaddoumi", nil, []string{"Mufti", "chief"}}, {dossier.Org, "Jaish-e-Mohammed", []string{"JeM"}, nil},
			{dossier.Person, "Masood Azhar", nil, nil}, {dossier.GPE, "Bahawalpur", nil, nil}},
		rels: [][3]string{{"leader_of", "Abdul Rauf Qaddoumi", "Jaish-e-Mohammed"}}},
	{text: "Abdul Rauf Kaddoumi of the JeM addressed a gathering in Bahawalpur, where Azhar was also seen.",
		entities: []ent{{dossier.Person, "Abdul Rauf Kaddoumi", nil, nil}, {dossier.Org, "JeM", nil, nil}, {dossier.GPE, "Bahawalpur", nil, nil},
			{dossier.Person, "Azhar", nil, nil}},
		rels: [][3]string{{"member_of", "Abdul Rauf Kaddoumi", "JeM"}}},
	{text: "The boxer Mohammed Ali visited Louisville and the Kentucky Derby on Saturday.",
		entities: []ent{{dossier.Person, "Mohammed Ali", nil, nil}, {dossier.GPE, "Louisville", nil, nil}, {dossier.Event, "Kentucky Derby", nil, nil}}},
	{text: "Police in Sopore arrested Mohammed Ali, a district commander of Hizbul Mujahideen, on Tuesday.",
		entities: []ent{{dossier.GPE, "Sopore", nil, nil}, {dossier.Person, "Mohammed Ali", nil, []string{"commander"}}, {dossier.Org, "Hizbul Mujahideen", nil, nil}},
		rels:     [][3]string{{"member_of", "Mohammed Ali", "Hizbul Mujahideen"}}},
	{text: "Crowds in Louisville cheered as Muhammad Ali arrived for the Kentucky Derby.",
		entities: []ent{{dossier.GPE, "Louisville", nil, nil}, {dossier.Person, "Muhammad Ali", nil, nil}, {dossier.Event, "Kentucky Derby", nil, nil}}},
}

func openStore(t *testing.T, fixtures []fixture) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i, f := range fixtures {
		doc, ex := f.build(i + 1)
		if _, err := st.PutDocument(context.Background(), doc, ex, store.Sketch{}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// entityOf returns the global entity of the named local entity of fixture i.
func entityOf(t *testing.T, st *sqlite.Store, i int, name string) int64 {
	t.Helper()
	doc, _ := corpus[i].build(i + 1)
	id, err := st.MemberOf(context.Background(), store.MemberRef{Doc: doc.ID, Key: resolve.Key(name)})
	if err != nil {
		t.Fatalf("member %q of document %d: %v", name, i, err)
	}
	return id
}

func TestRunResolvesAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, corpus)
	sum, err := resolve.Run(ctx, st, false, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != len(corpus) || sum.Mentions != 17 {
		t.Fatalf("summary %+v: want %d documents, 17 mentions", sum, len(corpus))
	}
	for _, tc := range []struct {
		a    int
		an   string
		b    int
		bn   string
		same bool
	}{
		{0, "Abdul Rauf Qaddoumi", 1, "Abdul Rauf Kaddoumi", true},
		{0, "Jaish-e-Mohammed", 1, "JeM", true},
		{0, "Bahawalpur", 1, "Bahawalpur", true},
		{0, "Masood Azhar", 1, "Azhar", true}, // surname + shared neighbours
		{2, "Mohammed Ali", 4, "Muhammad Ali", true},
		{2, "Mohammed Ali", 3, "Mohammed Ali", false}, // same name, unrelated company
		{2, "Louisville", 4, "Louisville", true},
	} {
		a, b := entityOf(t, st, tc.a, tc.an), entityOf(t, st, tc.b, tc.bn)
		if (a == b) != tc.same {
			t.Errorf("%q (doc %d) → E%d, %q (doc %d) → E%d: same %v, want %v", tc.an, tc.a, a, tc.bn, tc.b, b, a == b, tc.same)
		}
	}
	boxer, commander := entityOf(t, st, 2, "Mohammed Ali"), entityOf(t, st, 3, "Mohammed Ali")
	cands, err := st.SameAs(ctx, commander)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) == 0 || cands[0].Other != boxer {
		t.Errorf("same-as candidates of the commander: %+v, want the boxer E%d", cands, boxer)
	}
	bw, err := st.Entity(ctx, entityOf(t, st, 0, "Bahawalpur"))
	if err != nil {
		t.Fatal(err)
	}
	if bw.Lat == nil || *bw.Lat < 28 || *bw.Lat > 30 || bw.Attributes["country"][0] != "PK" || bw.Documents != 2 {
		t.Errorf("Bahawalpur = %+v, want a place in Pakistan near 29.4N in 2 documents", bw)
	}
	q := entityOf(t, st, 0, "Abdul Rauf Qaddoumi")
	found, err := st.FindEntities(ctx, resolve.NameKeys("Quddumi Abdul Rauf"), 5)
	if err != nil {
		t.Fatal(err)
	}
	_ = found // word order differs: not a name key match, fine either way
	for _, name := range []string{"Abdul Rauf Kaddoumi", "abdul rauf qaddoumi", "Mufti Abdul Rauf Qaddoumi"} {
		found, err := st.FindEntities(ctx, resolve.NameKeys(name), 5)
		if err != nil || len(found) == 0 || found[0].ID != q {
			t.Errorf("FindEntities(%q) = %+v, %v; want E%d", name, found, err, q)
		}
	}
	if found, _ := st.FindEntities(ctx, resolve.NameKeys("JeM"), 5); len(found) == 0 || found[0].ID != entityOf(t, st, 0, "Jaish-e-Mohammed") {
		t.Errorf("FindEntities(JeM) = %+v", found)
	}
	claims, err := st.EntityClaims(ctx, q, store.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 2 {
		t.Errorf("claims of Qaddoumi: %+v, want leader_of and member_of", claims)
	}
	// A second run has nothing to do.
	if sum, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil || sum.Documents != 0 {
		t.Errorf("second run: %+v, %v", sum, err)
	}
}

func TestDecisionsSurviveReprocessAndRerun(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, corpus)
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	boxer, commander := entityOf(t, st, 2, "Mohammed Ali"), entityOf(t, st, 3, "Mohammed Ali")
	// An analyst decides they are the same after all (say), and that
	// Azhar of document 1 is not Masood Azhar.
	doc2, _ := corpus[2].build(3)
	doc3, _ := corpus[3].build(4)
	if _, err := st.MergeEntities(ctx, boxer, commander, store.Decision{A: store.MemberRef{Doc: doc2.ID, Key: "mohammed ali"},
		B: store.MemberRef{Doc: doc3.ID, Key: "mohammed ali"}, Who: "analyst", Why: "same man, per court records"}); err != nil {
		t.Fatal(err)
	}
	if entityOf(t, st, 3, "Mohammed Ali") != boxer {
		t.Fatal("merge did not move the commander")
	}
	azhar := entityOf(t, st, 1, "Azhar")
	doc1, ex1 := corpus[1].build(2)
	doc0, _ := corpus[0].build(1)
	a := store.MemberRef{Doc: doc1.ID, Key: "azhar"}
	b := store.MemberRef{Doc: doc0.ID, Key: "masood azhar"}
	newID, _, err := st.SplitMembers(ctx, []store.MemberRef{a}, store.Decision{A: a, B: b, Who: "analyst", Why: "a local cleric"})
	if err != nil {
		t.Fatal(err)
	}
	if newID == azhar || entityOf(t, st, 1, "Azhar") != newID || entityOf(t, st, 0, "Masood Azhar") != azhar {
		t.Fatal("split did not take Azhar out")
	}
	if found, _ := st.FindEntities(ctx, resolve.NameKeys("Azhar"), 5); len(found) != 1 || found[0].ID != newID {
		t.Errorf("after the split, the name Azhar finds %+v, want only E%d", found, newID)
	}
	if e, _ := st.Entity(ctx, azhar); slices.Contains(e.Aliases, "Azhar") {
		t.Errorf("Masood Azhar kept the alias of the member split out: %+v", e)
	}
	check := func(when string) {
		t.Helper()
		if entityOf(t, st, 3, "Mohammed Ali") != entityOf(t, st, 2, "Mohammed Ali") {
			t.Errorf("%s: the merge was lost", when)
		}
		if entityOf(t, st, 1, "Azhar") == entityOf(t, st, 0, "Masood Azhar") {
			t.Errorf("%s: the split was lost", when)
		}
	}
	// Reprocess document 1: its extraction is replaced, then resolved again.
	if err := st.ReplaceExtraction(ctx, doc1.ID, ex1); err != nil {
		t.Fatal(err)
	}
	if sum, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil || sum.Documents != 1 {
		t.Fatalf("after reprocess: %+v %v", sum, err)
	}
	check("after reprocess")
	// Start over: every automatic resolution is forgotten, manual
	// decisions replayed.
	sum, err := resolve.Run(ctx, st, true, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != len(corpus) || sum.Replayed == 0 {
		t.Errorf("full rerun: %+v", sum)
	}
	check("after a full rerun")
	ds, err := st.Decisions(ctx, true)
	if err != nil || len(ds) < 2 {
		t.Fatalf("decisions %+v %v", ds, err)
	}
}

func TestUndoAutomaticMergeAndRefusals(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, corpus)
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	ds, err := st.Decisions(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var auto *store.Decision
	for i, d := range ds {
		if d.Automatic && d.A.Key == "azhar" {
			auto = &ds[i]
		}
	}
	if auto == nil {
		t.Fatalf("no automatic decision for the surname match Azhar: %+v", ds)
	}
	masood := entityOf(t, st, 0, "Masood Azhar")
	if entityOf(t, st, 1, "Azhar") != masood {
		t.Fatal("Azhar was not joined to Masood Azhar")
	}
	if _, err := resolve.Undo(ctx, st, auto.ID, "analyst"); err != nil {
		t.Fatal(err)
	}
	if entityOf(t, st, 1, "Azhar") == masood {
		t.Error("undo left Azhar in Masood Azhar")
	}
	if _, err := resolve.Undo(ctx, st, auto.ID, "analyst"); !errors.Is(err, resolve.ErrDecision) {
		t.Errorf("undo twice: %v", err)
	}
	// The undone automatic merge became a not-same decision: a full
	// re-resolution does not join them again.
	if _, err := resolve.Run(ctx, st, true, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	if entityOf(t, st, 1, "Azhar") == entityOf(t, st, 0, "Masood Azhar") {
		t.Error("after resolve --all, Azhar joined Masood Azhar again")
	}
	// Refusals.
	q := entityOf(t, st, 0, "Abdul Rauf Qaddoumi")
	if _, err := resolve.Merge(ctx, st, q, q, "a", "b"); !errors.Is(err, resolve.ErrDecision) {
		t.Errorf("merge with itself: %v", err)
	}
	ms, _ := st.Members(ctx, q)
	var all []store.MemberRef
	for _, m := range ms {
		all = append(all, m.Ref())
	}
	if _, _, err := resolve.Split(ctx, st, q, all, "a", "b"); !errors.Is(err, resolve.ErrDecision) {
		t.Errorf("split of every member: %v", err)
	}
	if e, others, err := resolve.Find(ctx, st, "Mohammed Ali"); err != nil || len(others) != 1 || e.ID == others[0].ID {
		t.Errorf("Find(Mohammed Ali) = %+v, others %+v, %v: want the boxer and the commander", e, others, err)
	}
}

func TestShortFormJoinsItsDocumentsEntity(t *testing.T) {
	ix := resolve.NewIndex(nil, nil, resolve.Options{})
	globalOf := func(r *store.Resolution, name string) int64 {
		t.Helper()
		for _, m := range r.Members {
			if m.Name == name {
				return m.Global
			}
		}
		t.Fatalf("no member %q in %+v", name, r.Members)
		return 0
	}
	// The short form comes first in the extraction: it must still join.
	one := fixture{text: "The Brigade said the Valley Freedom Brigade did it; the Army, the Indian Army and the Pakistan Army were on alert.",
		entities: []ent{{dossier.Org, "Brigade", nil, nil}, {dossier.Org, "Valley Freedom Brigade", nil, nil},
			{dossier.Org, "Army", nil, nil}, {dossier.Org, "Indian Army", nil, nil}, {dossier.Org, "Pakistan Army", nil, nil}},
		rels: [][3]string{{"member_of", "Brigade", "Army"}}}
	doc, ex := one.build(1)
	r := ix.Document(doc, ex)
	vfb := globalOf(r, "Valley Freedom Brigade")
	if got := globalOf(r, "Brigade"); got != vfb {
		t.Errorf("Brigade → E%d, want the Valley Freedom Brigade E%d of its document", got, vfb)
	}
	army := globalOf(r, "Army")
	if army == globalOf(r, "Indian Army") || army == globalOf(r, "Pakistan Army") {
		t.Errorf("Army beside two armies joined one of them")
	}
	if len(r.Claims) != 1 || r.Claims[0].Subject != vfb {
		t.Errorf("claims %+v: want the Brigade's claim on E%d", r.Claims, vfb)
	}
	// In another report, "Brigade" alone is not the Valley Freedom Brigade.
	two := fixture{text: "A Brigade spokesman denied it.", entities: []ent{{dossier.Org, "Brigade", nil, nil}}}
	doc, ex = two.build(2)
	if got := globalOf(ix.Document(doc, ex), "Brigade"); got == vfb {
		t.Errorf("Brigade of another report joined the Valley Freedom Brigade E%d", vfb)
	}
}
