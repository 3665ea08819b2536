package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// graphDoc is a fixture document: text, entities (found at their first
// occurrence), relations and events between them by name.
type graphDoc struct {
	text      string
	published string
	entities  [][2]string // type, name
	aliases   map[string][]string
	relations []graphRel
	events    []graphEvent
}

type graphRel struct {
	typ, subj, obj string
	mod            dossier.Modality
	kind           dossier.AttributionKind
}

type graphEvent struct {
	typ, date, place string
	roles            [][2]string // role, entity name
}

var graphCorpus = []graphDoc{
	{text: "Mufti Abdul Rauf Qaddoumi, the chief of Jaish-e-Sadiqeen (JeS), met Masud Anwar in Bahawalpur on Monday.", published: "2026-03-03",
		entities:  [][2]string{{"PERSON", "Abdul Rauf Qaddoumi"}, {"ORG", "Jaish-e-Sadiqeen"}, {"PERSON", "Masud Anwar"}, {"GPE", "Bahawalpur"}},
		aliases:   map[string][]string{"Jaish-e-Sadiqeen": {"JeS"}},
		relations: []graphRel{{"leader_of", "Abdul Rauf Qaddoumi", "Jaish-e-Sadiqeen", dossier.Asserted, ""}},
		events:    []graphEvent{{"meeting", "2026-03-02", "Bahawalpur", [][2]string{{"attendee", "Abdul Rauf Qaddoumi"}, {"attendee", "Masud Anwar"}}}}},
	{text: "Abdul Rauf Kaddoumi of the JeS recruited Imran Wani last year, police sources said.", published: "2026-03-04",
		entities: [][2]string{{"PERSON", "Abdul Rauf Kaddoumi"}, {"ORG", "JeS"}, {"PERSON", "Imran Wani"}},
		relations: []graphRel{{"member_of", "Abdul Rauf Kaddoumi", "JeS", dossier.Asserted, ""},
			{"member_of", "Imran Wani", "JeS", dossier.Reported, dossier.Anonymous}}},
	{text: "Imran Wani was never a member of the JeS, his family told reporters in Anantnag.", published: "2026-03-05",
		entities:  [][2]string{{"PERSON", "Imran Wani"}, {"ORG", "JeS"}, {"GPE", "Anantnag"}},
		relations: []graphRel{{"member_of", "Imran Wani", "JeS", dossier.Negated, dossier.Named}}},
	{text: "Police said Imran Wani was killed in a gunfight in Kokernag on March 1.", published: "2026-03-02",
		entities: [][2]string{{"PERSON", "Imran Wani"}, {"LOC", "Kokernag"}},
		events:   []graphEvent{{"death", "2026-03-01", "Kokernag", [][2]string{{"victim", "Imran Wani"}}}}},
	{text: "Imran Wani addressed a gathering of the JeS in Rawalakot on March 10, sources claimed.", published: "2026-03-11",
		entities: [][2]string{{"PERSON", "Imran Wani"}, {"ORG", "JeS"}, {"GPE", "Rawalakot"}},
		events:   []graphEvent{{"meeting", "2026-03-10", "Rawalakot", [][2]string{{"attendee", "Imran Wani"}}}}},
}

// graphStore writes graphCorpus into a new store and returns its path.
func graphStore(t *testing.T) (string, []string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "g.db")
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []string
	for i, gd := range graphCorpus {
		pub, _ := time.Parse("2006-01-02", gd.published)
		doc := &dossier.Document{Text: gd.text, Outlet: "Valley Courier", Published: pub, Ingested: pub.Add(time.Duration(i) * time.Minute)}
		doc.ID = dedup.ID(gd.text)
		doc.Cluster = doc.ID
		ids = append(ids, doc.ID)
		ex := dossier.NewExtraction(doc, "test")
		local := map[string]string{}
		span := func(s string) dossier.Evidence {
			i := strings.Index(gd.text, s)
			return dossier.Evidence{Start: i, End: i + len(s), Text: s}
		}
		for j, e := range gd.entities {
			id := "e" + string(rune('1'+j))
			local[e[1]] = id
			sp := span(e[1])
			ex.Entities = append(ex.Entities, dossier.Entity{ID: id, Type: dossier.EntityType(e[0]), Name: e[1], Aliases: gd.aliases[e[1]],
				Mentions: []dossier.Mention{{Start: sp.Start, End: sp.End, Text: e[1]}}})
		}
		sentence := dossier.Evidence{Start: 0, End: len(gd.text), Text: gd.text}
		for j, r := range gd.relations {
			rel := dossier.Relation{Type: r.typ, Subject: local[r.subj], Object: local[r.obj], Confidence: 0.9, Modality: r.mod, Evidence: sentence}
			if r.kind != "" {
				aid := "a" + string(rune('1'+j))
				ex.Attributions = append(ex.Attributions, dossier.Attribution{ID: aid, Kind: r.kind, Text: "said"})
				rel.Attribution = aid
			}
			ex.Relations = append(ex.Relations, rel)
		}
		for j, e := range gd.events {
			x := dossier.EventRecord{ID: "v" + string(rune('1'+j)), Type: e.typ, Date: &dossier.Date{Value: e.date}, Place: local[e.place],
				Modality: dossier.Asserted, Evidence: sentence}
			for _, r := range e.roles {
				x.Roles = append(x.Roles, dossier.Role{Role: r[0], Entity: local[r[1]]})
			}
			ex.Events = append(ex.Events, x)
		}
		if _, err := st.PutDocument(context.Background(), doc, ex, store.Sketch{}); err != nil {
			t.Fatal(err)
		}
	}
	return db, ids
}

// runJSON runs a command with --json and decodes its output into v.
func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	r := dossierRun(t, "", append(args, "--json")...)
	if r.code != exitOK {
		t.Fatalf("%v: exit %d\n%s\n%s", args, r.code, r.stdout, r.stderr)
	}
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, r.stdout)
	}
}

func TestResolveEntityPathTimelineTopFlags(t *testing.T) {
	db, _ := graphStore(t)
	if r := dossierRun(t, "", "--db", db, "resolve"); r.code != exitOK || !strings.Contains(r.stdout, "resolved 5 documents") {
		t.Fatalf("resolve: %+v", r)
	}
	var p entityProfile
	runJSON(t, &p, "--db", db, "entity", "Abdul Rauf Kaddoumi")
	if p.Entity.Name != "Abdul Rauf Qaddoumi" || len(p.Members) != 2 || len(p.Claims) != 4 {
		t.Errorf("entity Kaddoumi: %+v, %d members, %d claims; want Qaddoumi with 2 members, 4 claims (leader, member, two at the meeting)", p.Entity, len(p.Members), len(p.Claims))
	}
	r := dossierRun(t, "", "--db", db, "entity", "JeS")
	if r.code != exitOK || !strings.Contains(r.stdout, "Jaish-e-Sadiqeen") || !strings.Contains(r.stdout, "denied by 1") {
		t.Errorf("entity JeS:\n%s%s", r.stdout, r.stderr)
	}
	if r := dossierRun(t, "", "--db", db, "entity", "Nobody Atall"); r.code != exitUsage {
		t.Errorf("entity of an unknown name: exit %d", r.code)
	}

	r = dossierRun(t, "", "--db", db, "path", "Masud Anwar", "Imran Wani")
	if r.code != exitOK {
		t.Fatalf("path: %+v", r)
	}
	for _, want := range []string{"Masud Anwar", "Abdul Rauf Qaddoumi", "Jaish-e-Sadiqeen", "Imran Wani", "police sources said", "met Masud Anwar in Bahawalpur"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("path output lacks %q:\n%s", want, r.stdout)
		}
	}
	var hops []map[string]any
	runJSON(t, &hops, "--db", db, "path", "Masud Anwar", "Imran Wani")
	if len(hops) != 3 {
		t.Errorf("path has %d hops, want 3: Azhar–Qaddoumi–JeS–Wani", len(hops))
	}
	runJSON(t, &hops, "--db", db, "path", "Masud Anwar", "Imran Wani", "--attribution", "named,outlet")
	if len(hops) != 0 {
		t.Errorf("without anonymous claims there is no path, got %d hops", len(hops))
	}

	var tl []store.Claim
	runJSON(t, &tl, "--db", db, "timeline", "Imran Wani")
	if len(tl) < 4 || tl[0].When() != "2026-03-01" {
		t.Errorf("timeline of Wani: %+v", tl)
	}
	var top []struct {
		Entity int64
		Value  float64
	}
	runJSON(t, &top, "--db", db, "top", "--by", "degree", "--limit", "3")
	// Qaddoumi (JeS, Azhar, Bahawalpur) and Wani (JeS, Kokernag, Rawalakot).
	if len(top) != 3 || top[0].Value != 3 || top[1].Value != 3 || top[2].Value >= 3 {
		t.Errorf("top by degree: %+v", top)
	}
	for _, by := range []string{"pagerank", "betweenness"} {
		if r := dossierRun(t, "", "--db", db, "top", "--by", by); r.code != exitOK || !strings.Contains(r.stdout, "1. ") {
			t.Errorf("top by %s:\n%s%s", by, r.stdout, r.stderr)
		}
	}
	if r := dossierRun(t, "", "--db", db, "top", "--by", "fame"); r.code != exitUsage {
		t.Errorf("top --by fame: exit %d", r.code)
	}

	var flags []map[string]any
	runJSON(t, &flags, "--db", db, "flags")
	kinds := map[string]bool{}
	for _, f := range flags {
		kinds[f["kind"].(string)] = true
	}
	for _, k := range []string{"dead-attendee", "asserted-and-denied", "anonymous-only"} {
		if !kinds[k] {
			t.Errorf("flags lack %s: %v", k, flags)
		}
	}
}

func TestMergeSplitNotSameDecisions(t *testing.T) {
	db, ids := graphStore(t)
	if r := dossierRun(t, "", "--db", db, "resolve"); r.code != exitOK {
		t.Fatalf("resolve: %+v", r)
	}
	var p entityProfile
	runJSON(t, &p, "--db", db, "entity", "Abdul Rauf Qaddoumi")
	q := p.Entity.Ref()

	// Split the Kaddoumi of document 2 out.
	var split map[string]int64
	runJSON(t, &split, "--db", db, "split", q, "--mention", ids[1][:16], "--why", "another man of that name")
	runJSON(t, &p, "--db", db, "entity", q)
	if len(p.Members) != 1 {
		t.Fatalf("after split %s has %d members", q, len(p.Members))
	}
	other := store.EntityID(split["new"])

	// Merge them back, by hand.
	if r := dossierRun(t, "", "--db", db, "merge", q, other); r.code != exitUsage {
		t.Errorf("merge without --why: exit %d", r.code)
	}
	var merged map[string]int64
	runJSON(t, &merged, "--db", db, "merge", q, other, "--why", "the court record gives both spellings")
	runJSON(t, &p, "--db", db, "entity", q)
	if len(p.Members) != 2 {
		t.Fatalf("after merge %s has %d members", q, len(p.Members))
	}

	var ds []store.Decision
	runJSON(t, &ds, "--db", db, "decisions")
	if len(ds) != 2 || ds[0].Kind != store.DecisionSplit || ds[1].Kind != store.DecisionMerge || ds[1].Why == "" || ds[1].Automatic {
		t.Fatalf("decisions %+v", ds)
	}
	// Undo the merge: apart again.
	if r := dossierRun(t, "", "--db", db, "decisions", "undo", itoa(merged["decision"])); r.code != exitOK || !strings.Contains(r.stdout, "undone") {
		t.Fatalf("undo: %+v", r)
	}
	runJSON(t, &p, "--db", db, "entity", q)
	if len(p.Members) != 1 {
		t.Fatalf("after undo %s has %d members", q, len(p.Members))
	}
	runJSON(t, &ds, "--db", db, "decisions")
	if len(ds) != 1 {
		t.Errorf("active decisions after undo: %+v", ds)
	}
	if r := dossierRun(t, "", "--db", db, "decisions", "undo", itoa(merged["decision"])); r.code != exitUsage {
		t.Errorf("undoing twice: exit %d", r.code)
	}

	// Starting over keeps the split (a manual decision), so Kaddoumi of
	// document 2 stays apart.
	if r := dossierRun(t, "", "--db", db, "resolve", "--all"); r.code != exitOK {
		t.Fatalf("resolve --all: %+v", r)
	}
	runJSON(t, &p, "--db", db, "entity", "Abdul Rauf Qaddoumi")
	if len(p.Members) != 1 {
		t.Errorf("after resolve --all the split was lost: %d members", len(p.Members))
	}

	// not-same between two different people is recorded.
	var ns map[string]int64
	runJSON(t, &ns, "--db", db, "not-same", "Masud Anwar", "Imran Wani", "--why", "different men")
	if ns["decision"] == 0 {
		t.Error("not-same recorded no decision")
	}
	if r := dossierRun(t, "", "--db", db, "decisions"); r.code != exitOK || !strings.Contains(r.stdout, "not-same") {
		t.Errorf("decisions:\n%s", r.stdout)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
