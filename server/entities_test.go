package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// globalID returns the id ("E12") of the global entity named name.
func globalID(t *testing.T, st store.Store, name string) string {
	t.Helper()
	e, _, err := resolve.Find(context.Background(), st, name)
	if err != nil {
		t.Fatalf("find %s: %v", name, err)
	}
	return e.Ref()
}

// ledgerText corroborates the report's leadership claim from another
// outlet, with a named source, and adds a meeting and a quote.
const ledgerText = `SRINAGAR, April 23 — Abdul Rauf, the Jaish commander, met Imran Lone in Srinagar last week, police said. ` +
	`"We are ready for talks," Abdul Rauf said in a recorded message.`

func ledgerExtraction(t *testing.T, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.GPE, Name: "Srinagar", Mentions: []dossier.Mention{mention(t, tx, "SRINAGAR")}},
		{ID: "e2", Type: dossier.Person, Name: "Abdul Rauf", Mentions: []dossier.Mention{mention(t, tx, "Abdul Rauf")}},
		{ID: "e3", Type: dossier.Org, Name: "Jaish", Mentions: []dossier.Mention{mention(t, tx, "Jaish")}},
		{ID: "e4", Type: dossier.Person, Name: "Imran Lone", Mentions: []dossier.Mention{mention(t, tx, "Imran Lone")}},
	}
	ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: dossier.Organisation, Text: "police said"}}
	ex.Relations = []dossier.Relation{
		{Type: "leader_of", Subject: "e2", Object: "e3", Confidence: 0.9, Modality: dossier.Asserted, Attribution: "a1",
			Evidence: evidence(t, tx, "Abdul Rauf, the Jaish commander, met Imran Lone in Srinagar last week, police said.")},
		{Type: "met_with", Subject: "e2", Object: "e4", Confidence: 0.8, Modality: dossier.Asserted, Attribution: "a1",
			Evidence: evidence(t, tx, "Abdul Rauf, the Jaish commander, met Imran Lone in Srinagar last week, police said.")},
	}
	q := evidence(t, tx, `"We are ready for talks,"`)
	ex.Quotes = []dossier.Quote{{Speaker: "e2", Text: "We are ready for talks,", Cue: "said", Start: q.Start, End: q.End}}
	return ex
}

// denialText denies the leadership claim.
const denialText = `The Jaish said on Friday that Abdul Rauf was never its commander.`

func denialExtraction(t *testing.T, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.Org, Name: "Jaish", Mentions: []dossier.Mention{mention(t, tx, "Jaish")}},
		{ID: "e2", Type: dossier.Person, Name: "Abdul Rauf", Mentions: []dossier.Mention{mention(t, tx, "Abdul Rauf")}},
	}
	ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: dossier.Organisation, Source: "e1", Text: "The Jaish said"}}
	ex.Relations = []dossier.Relation{{Type: "leader_of", Subject: "e2", Object: "e1", Confidence: 0.7, Modality: dossier.Negated, Attribution: "a1",
		Evidence: evidence(t, tx, denialText)}}
	return ex
}

// newGraphFixture is the fixture with two more reports about the same
// people, resolved into one graph.
func newGraphFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	putDoc(t, f.st, &dossier.Document{Title: "Commander met Lone", Text: ledgerText, Outlet: "Valley Ledger",
		Published: time.Date(2026, 4, 23, 0, 0, 0, 0, time.UTC)}, ledgerExtraction)
	putDoc(t, f.st, &dossier.Document{Title: "Jaish denies", Text: denialText, Outlet: "Frontier Herald",
		Published: time.Date(2026, 4, 24, 0, 0, 0, 0, time.UTC)}, denialExtraction)
	if _, err := resolve.Run(context.Background(), f.st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEntityAPI(t *testing.T) {
	f := newGraphFixture(t)
	u := f.srv.URL
	rauf, jaish, lone := globalID(t, f.st, "Abdul Rauf"), globalID(t, f.st, "Jaish"), globalID(t, f.st, "Imran Lone")

	_, body := get(t, u+"/api/v1/entities?q=rauf")
	l := decode[entityList](t, body)
	if len(l.Entities) != 1 || l.Entities[0].ID != rauf || l.Entities[0].Type != dossier.Person || l.Entities[0].Documents != 3 {
		t.Errorf("entities named rauf: %s", body)
	}
	_, body = get(t, u+"/api/v1/entities?limit=2")
	if l := decode[entityList](t, body); len(l.Entities) == 0 || l.NextOffset == nil {
		t.Errorf("first page of all entities: %s", body)
	}

	_, body = get(t, u+"/api/v1/entities/"+rauf)
	p := decode[profile](t, body)
	if p.Entity.Name != "Abdul Rauf" || len(p.Documents) != 3 || len(p.Quotes) != 1 || p.Quotes[0].Text != "We are ready for talks," {
		t.Errorf("profile: %s", body)
	}
	var lead *profileClaim
	for _, g := range p.Relations {
		for i, c := range g.Claims {
			if g.Type == "leader_of" && c.Object != nil && c.Object.ID == jaish {
				lead = &g.Claims[i]
			}
		}
	}
	if lead == nil {
		t.Fatalf("no leader_of claim in the profile: %s", body)
	}
	// Two reports assert it (one hedged, on anonymous sources), one denies it.
	if lead.Corroboration != 2 || lead.Denials != 1 || len(lead.Sources) != 3 || lead.AnonymousOnly || lead.Hedged {
		t.Errorf("leader_of: %+v", lead)
	}
	for _, s := range lead.Sources {
		if s.Doc == "" || s.Title == "" || s.Evidence.Text == "" || !strings.Contains(s.Evidence.Text, "Rauf") {
			t.Errorf("source without its evidence: %+v", s)
		}
	}
	if p.Kinds[dossier.Anonymous] != 1 || p.Kinds[dossier.Organisation] == 0 {
		t.Errorf("attribution kinds: %v", p.Kinds)
	}
	if len(p.Flags) == 0 {
		t.Errorf("no flag on a claim asserted and denied: %s", body)
	}

	_, body = get(t, u+"/api/v1/entities/"+rauf+"/network")
	n := decode[network](t, body)
	edge := func(n network, a, b string) *networkEdge {
		for i, e := range n.Edges {
			if e.Source == a && e.Target == b || e.Source == b && e.Target == a {
				return &n.Edges[i]
			}
		}
		return nil
	}
	if len(n.Nodes) < 3 || n.Nodes[0].ID != rauf || !n.Nodes[0].Centre || n.Nodes[0].Centrality != 1 {
		t.Errorf("network nodes: %+v", n.Nodes)
	}
	if e := edge(n, rauf, jaish); e == nil || e.Weight != 2 || e.Hedged || e.Anonymous || len(e.Claims) != 2 || !slices.Contains(e.Predicates, "leader_of") {
		t.Errorf("Rauf–Jaish: %+v", e)
	}
	if e := edge(n, rauf, lone); e == nil || e.Predicates[0] != "met_with" || e.Claims[0].Title != "Commander met Lone" {
		t.Errorf("Rauf–Lone: %+v", e)
	}
	// Filtered to hedged claims, the link rests on anonymous sources only.
	_, body = get(t, u+"/api/v1/entities/"+rauf+"/network?modality=hedged")
	n = decode[network](t, body)
	if e := edge(n, rauf, jaish); e == nil || !e.Hedged || !e.Anonymous || e.Weight != 1 || edge(n, rauf, lone) != nil {
		t.Errorf("hedged network: %s", body)
	}
	_, body = get(t, u+"/api/v1/entities/"+lone+"/network?depth=2")
	if n := decode[network](t, body); edge(n, rauf, jaish) == nil || n.Depth != 2 {
		t.Errorf("depth 2 from Lone does not reach Jaish: %s", body)
	}

	_, body = get(t, u+"/api/v1/path?a="+url.QueryEscape("Imran Lone")+"&b=Jaish")
	pa := decode[path](t, body)
	if !pa.Found || len(pa.Hops) != 2 || pa.Hops[0].From.ID != lone || pa.Hops[1].To.ID != jaish || len(pa.Hops[1].Claims) == 0 {
		t.Errorf("path Lone → Jaish: %s", body)
	}

	_, body = get(t, u+"/api/v1/entities/"+rauf+"/timeline")
	tl := decode[timeline](t, body)
	if len(tl.Claims) < 3 || tl.Claims[0].Published > tl.Claims[len(tl.Claims)-1].Published {
		t.Errorf("timeline: %s", body)
	}

	_, body = get(t, u+"/api/v1/flags")
	fl := decode[flagList](t, body)
	found := false
	for _, f := range fl.Flags {
		if f.Kind == "asserted-and-denied" {
			found = true
			if len(f.Evidence) < 2 || f.Evidence[0].Doc == "" || strings.Contains(f.Text, rauf) {
				t.Errorf("flag: %+v", f)
			}
		}
	}
	if !found || fl.Total != len(fl.Flags) {
		t.Errorf("flags: %s", body)
	}
}

func TestEntityPages(t *testing.T) {
	f := newGraphFixture(t)
	u := f.srv.URL
	rauf := globalID(t, f.st, "Abdul Rauf")
	for _, tt := range []struct {
		path string
		code int
		want []string
	}{
		{"/entities/" + rauf, 200, []string{"Abdul Rauf", "leader of", "We are ready for talks,", "Commander met Lone",
			`href="/documents/sha256`, `href="/network?entity=` + rauf, "2 sources", "denied by 1", "asserted and denied"}},
		{"/entities/E999999", 404, nil},
		{"/entities/nope", 404, nil},
		{"/network?entity=" + url.QueryEscape("Abdul Rauf"), 200, []string{`data-src="/api/v1/entities/` + rauf + `/network"`, `<option value="leader_of">leader of</option>`, "/static/dist/network.js",
			`<a href="/entities/` + rauf + `">Abdul Rauf</a>`, "leader of"}},
		{"/network?entity=" + rauf + "&depth=2&modality=hedged", 200, []string{`data-src="/api/v1/entities/` + rauf + `/network?depth=2&amp;modality=hedged"`, `<option value="hedged" selected>`}},
		{"/network?entity=" + rauf + "&depth=5", 400, nil},
		{"/network", 200, []string{`id="choices"`, `href="/network?entity=` + rauf + `"`}},
		{"/network?entity=Nobody+Atall", 404, []string{"No entity is named “Nobody Atall”"}},
		{"/flags", 200, []string{"asserted and denied", "Abdul Rauf", "Jaish denies"}},
		{"/?q=rauf", 200, []string{`href="/entities/` + rauf + `"`}},
		{"/documents/" + url.PathEscape(f.report.ID), 200, []string{`class="profile-link" href="/entities/` + rauf + `"`}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, u+tt.path)
			if resp.StatusCode != tt.code {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("the page lacks %q", w)
				}
			}
			if bad := liveMarkup(t, body); len(bad) > 0 {
				t.Errorf("live markup: %q", bad)
			}
		})
	}
	// The Network and Flags items lead to their pages.
	_, body := get(t, u+"/flags")
	if !strings.Contains(body, `<a href="/flags" aria-current="page">Flags</a>`) || !strings.Contains(body, `<a href="/network">Network</a>`) {
		t.Error("the navigation lacks Network or Flags")
	}
}

// TestEntityPagesEscape opens the profile and network of every entity,
// including those read from the hostile article, whose names and relation
// types are markup.
func TestEntityPagesEscape(t *testing.T) {
	f := newFixture(t)
	_, body := get(t, f.srv.URL+"/api/v1/entities?limit=100")
	l := decode[entityList](t, body)
	if len(l.Entities) < 5 {
		t.Fatalf("%d entities", len(l.Entities))
	}
	hostileNames := 0
	for _, e := range l.Entities {
		if strings.Contains(e.Name, "<") {
			hostileNames++
		}
		for _, path := range []string{"/entities/" + e.ID, "/network?entity=" + e.ID, "/api/v1/entities/" + e.ID + "/network?depth=2"} {
			resp, body := get(t, f.srv.URL+path)
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", path, resp.StatusCode)
				continue
			}
			if strings.HasPrefix(path, "/api/") {
				if strings.Contains(body, "<") {
					t.Errorf("%s: JSON with unescaped markup", path)
				}
				continue
			}
			if bad := liveMarkup(t, body); len(bad) > 0 {
				t.Errorf("%s: live markup: %q", path, bad)
			}
		}
	}
	if hostileNames == 0 {
		t.Error("no entity of the hostile article is listed")
	}
	for _, path := range []string{"/flags", "/network", "/network?entity=" + url.QueryEscape("<script>window.__xss=1</script>")} {
		_, body := get(t, f.srv.URL+path)
		if bad := liveMarkup(t, body); len(bad) > 0 {
			t.Errorf("%s: live markup: %q", path, bad)
		}
	}
}

// TestNoEntitiesYet shows the empty states on an empty store.
func TestNoEntitiesYet(t *testing.T) {
	st := emptyStore(t)
	srv := httptest.NewServer(New(st, nil))
	t.Cleanup(srv.Close)
	for _, path := range []string{"/network", "/flags"} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != 200 || !strings.Contains(body, "No entities yet") || !strings.Contains(body, "dossier ingest examples/") {
			t.Errorf("%s: %d, no empty state", path, resp.StatusCode)
		}
	}
	_, body := get(t, srv.URL+"/api/v1/entities")
	if l := decode[entityList](t, body); len(l.Entities) != 0 || l.NextOffset != nil {
		t.Errorf("entities of an empty store: %s", body)
	}
	_, body = get(t, srv.URL+"/api/v1/flags")
	if fl := decode[flagList](t, body); fl.Total != 0 || len(fl.Flags) != 0 {
		t.Errorf("flags of an empty store: %s", body)
	}
}

func emptyStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
