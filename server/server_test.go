package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// hostile is an article whose text tries to run script in the page, in
// every way an article could: a script element, an event handler, a
// javascript: link, markup that closes the reader's elements, a quote and
// an entity name carrying the same.
const hostile = `<script>window.__xss=1</script> Officials in <img src=x onerror="window.__xss=2"> Srinagar said ` +
	`the attack was planned. "<a href="javascript:window.__xss=3">click</a></div></main><script>window.__xss=4</script>" ` +
	`said <svg onload="window.__xss=5">Ahmad Dar</svg>, sources revealed. <iframe src="javascript:window.__xss=6"></iframe>`

// reportText is an ordinary article with every kind of highlight.
const reportText = `SRINAGAR, April 21 (FNA) — Gunmen killed nine tourists near Anantnag on Tuesday, police said. ` +
	`"We will find them," Inspector General Vijay Kumar told FNA. The Jaish commander Abdul Rauf allegedly planned the attack, sources revealed.`

// at returns the span of the n-th (from 0) occurrence of s in text; test
// fixtures only, the server never searches text.
func at(t *testing.T, text, s string, n int) (int, int) {
	t.Helper()
	off := 0
	for range n {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q not in fixture", s)
		}
		off += i + len(s)
	}
	i := strings.Index(text[off:], s)
	if i < 0 {
		t.Fatalf("%q not in fixture", s)
	}
	return off + i, off + i + len(s)
}

func mention(t *testing.T, text, s string) dossier.Mention {
	a, b := at(t, text, s, 0)
	return dossier.Mention{Start: a, End: b, Text: s}
}

func evidence(t *testing.T, text, s string) dossier.Evidence {
	a, b := at(t, text, s, 0)
	return dossier.Evidence{Start: a, End: b, Text: s}
}

// reportExtraction is a hand-made extraction of reportText using every
// part of the contract.
func reportExtraction(t *testing.T, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.GPE, Name: "Srinagar", Mentions: []dossier.Mention{mention(t, tx, "SRINAGAR")}},
		{ID: "e2", Type: dossier.GPE, Name: "Anantnag", Mentions: []dossier.Mention{mention(t, tx, "Anantnag")}},
		{ID: "e3", Type: dossier.Person, Name: "Vijay Kumar", Mentions: []dossier.Mention{mention(t, tx, "Vijay Kumar")},
			Attributes: map[string][]string{"titles": {"Inspector General"}}},
		{ID: "e4", Type: dossier.Org, Name: "FNA", Mentions: []dossier.Mention{mention(t, tx, "FNA"), {Start: strings.LastIndex(tx, "FNA"), End: strings.LastIndex(tx, "FNA") + 3, Text: "FNA"}}},
		{ID: "e5", Type: dossier.Org, Name: "Jaish", Mentions: []dossier.Mention{mention(t, tx, "Jaish")}},
		{ID: "e6", Type: dossier.Person, Name: "Abdul Rauf", Mentions: []dossier.Mention{mention(t, tx, "Abdul Rauf")}},
	}
	ex.Attributions = []dossier.Attribution{
		{ID: "a1", Kind: dossier.Anonymous, Text: "sources revealed"},
		{ID: "a2", Kind: dossier.Named, Source: "e3", Text: "police said"},
	}
	ex.Attributions[0].Start, ex.Attributions[0].End = at(t, tx, "sources revealed", 0)
	ex.Relations = []dossier.Relation{{Type: "leader_of", Subject: "e6", Object: "e5", Confidence: 0.8, Modality: dossier.Hedged,
		Attribution: "a1", Evidence: evidence(t, tx, "The Jaish commander Abdul Rauf allegedly planned the attack, sources revealed."), Rule: "title-of-org"}}
	ex.Events = []dossier.EventRecord{{ID: "v1", Type: "attack", Trigger: evidence(t, tx, "killed"),
		Date: &dossier.Date{Text: "Tuesday", Value: "2026-04-21"}, Place: "e2",
		Roles:    []dossier.Role{{Role: "perpetrator", Text: "Gunmen"}, {Role: "victim", Text: "nine tourists"}, {Role: "place", Entity: "e2"}},
		Modality: dossier.Asserted, Attribution: "a2", Evidence: evidence(t, tx, "Gunmen killed nine tourists near Anantnag on Tuesday, police said.")}}
	q := evidence(t, tx, `"We will find them,"`)
	ex.Quotes = []dossier.Quote{{Speaker: "e3", Text: "We will find them,", Cue: "told", Recipient: "e4", Start: q.Start, End: q.End}}
	ex.Flags = []dossier.Flag{{Kind: "anonymous_only", Message: "The leadership claim rests on anonymous sources.", Entities: []string{"e6"}}}
	return ex
}

// hostileExtraction marks up the hostile article as an extractor fooled by
// it might: entity names, quotes and attributions full of markup.
func hostileExtraction(t *testing.T, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.GPE, Name: "Srinagar", Mentions: []dossier.Mention{mention(t, tx, "Srinagar")}},
		{ID: "e2", Type: dossier.Person, Name: `<svg onload="window.__xss=7">Ahmad Dar`, Mentions: []dossier.Mention{mention(t, tx, `<svg onload="window.__xss=5">Ahmad Dar</svg>`)}},
		{ID: "e\"><script>x</script>", Type: dossier.Org, Name: `<script>window.__xss=8</script>`, Mentions: []dossier.Mention{mention(t, tx, `<script>window.__xss=1</script>`)}},
	}
	q := evidence(t, tx, `"<a href="javascript:window.__xss=3">click</a></div></main><script>window.__xss=4</script>"`)
	ex.Quotes = []dossier.Quote{{Speaker: "e2", Text: q.Text, Start: q.Start, End: q.End}}
	ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: dossier.Anonymous, Text: `<img src=x onerror="window.__xss=9">`}}
	ex.Relations = []dossier.Relation{{Type: `<b onclick="x">leader_of</b>`, Subject: "e2", Object: "e1", Modality: dossier.Hedged, Attribution: "a1",
		Evidence: evidence(t, tx, `<iframe src="javascript:window.__xss=6"></iframe>`)}}
	ex.Flags = []dossier.Flag{{Kind: "<script>", Message: `<img src=x onerror="window.__xss=10">`}}
	return ex
}

// fixture is a server on a small store.
type fixture struct {
	srv     *httptest.Server
	st      *sqlite.Store
	report  *dossier.Document
	hostile *dossier.Document
}

func putDoc(t *testing.T, st store.Store, d *dossier.Document, ex func(*testing.T, *dossier.Document) *dossier.Extraction) {
	t.Helper()
	d.ID = dedup.ID(d.Text)
	d.Cluster = d.ID
	if _, err := st.PutDocument(context.Background(), d, ex(t, d), dedup.Sketch(d.Text)); err != nil {
		t.Fatal(err)
	}
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st}
	f.report = &dossier.Document{Title: "Nine killed near Anantnag", Text: reportText, URL: "https://example.test/a", Outlet: "FNA",
		Published: time.Date(2026, 4, 21, 0, 0, 0, 0, time.UTC), Ingested: time.Date(2026, 4, 22, 0, 0, 0, 0, time.UTC)}
	putDoc(t, st, f.report, reportExtraction)
	f.hostile = &dossier.Document{Title: `Hostile "title" <b>bold</b><script>window.__xss=11</script>`, Text: hostile,
		URL: "javascript:window.__xss=12", Outlet: `<i onmouseover="x">Outlet</i>`, Byline: `<img src=x onerror=alert(1)>`,
		Published: time.Date(2026, 4, 22, 0, 0, 0, 0, time.UTC), Ingested: time.Date(2026, 4, 22, 0, 0, 1, 0, time.UTC)}
	putDoc(t, st, f.hostile, hostileExtraction)
	// Link the documents' entities into global ones, as ingest does.
	if _, err := resolve.Run(context.Background(), st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(New(st, nil))
	t.Cleanup(f.srv.Close)
	return f
}

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %T: %v in %s", v, err, body)
	}
	return v
}

func TestAPI(t *testing.T) {
	f := newFixture(t)
	u := f.srv.URL
	resp, body := get(t, u+"/healthz")
	if resp.StatusCode != 200 || !strings.Contains(body, `"ok"`) {
		t.Fatalf("healthz: %d %s", resp.StatusCode, body)
	}

	_, body = get(t, u+"/api/v1/documents?limit=1")
	list := decode[documentList](t, body)
	if len(list.Documents) != 1 || list.NextOffset == nil || *list.NextOffset != 1 || list.Documents[0].ID != f.hostile.ID {
		t.Fatalf("first page: %+v", list)
	}
	if list.Documents[0].Text != "" {
		t.Error("the list carries document texts")
	}
	_, body = get(t, u+"/api/v1/documents?limit=1&offset=1")
	if last := decode[documentList](t, body); len(last.Documents) != 1 || last.NextOffset != nil || last.Documents[0].ID != f.report.ID {
		t.Fatalf("last page: %+v", last)
	}

	_, body = get(t, u+"/api/v1/documents/"+url.PathEscape(f.report.ID))
	detail := decode[documentDetail](t, body)
	if detail.Document.Text != f.report.Text || len(detail.Extraction.Entities) != 6 || len(detail.Extraction.Quotes) != 1 {
		t.Fatalf("document detail: %+v", detail)
	}

	_, body = get(t, u+"/api/v1/search?q=Anantnag")
	sr := decode[searchResult](t, body)
	if len(sr.Hits) != 1 || sr.Hits[0].ID != f.report.ID {
		t.Fatalf("search hits: %s", body)
	}
	if len(sr.Entities) != 1 || sr.Entities[0].Name != "Anantnag" || sr.Entities[0].Occurrences[0].Entity != "e2" {
		t.Fatalf("search entities: %s", body)
	}
	// Both documents name Srinagar; page through them one at a time.
	_, body = get(t, u+"/api/v1/search?q=srinagar&limit=1")
	p1 := decode[searchResult](t, body)
	_, body = get(t, u+"/api/v1/search?q=srinagar&limit=1&offset=1")
	p2 := decode[searchResult](t, body)
	if len(p1.Hits) != 1 || p1.NextOffset == nil || len(p2.Hits) != 1 || p2.NextOffset != nil || p1.Hits[0].ID == p2.Hits[0].ID {
		t.Fatalf("search pages: %+v / %+v", p1, p2)
	}
	if len(p1.Entities) != 1 || p1.Entities[0].Documents != 2 || len(p2.Entities) != 0 {
		t.Errorf("entity names on the first page only: %+v / %+v", p1.Entities, p2.Entities)
	}

	_, body = get(t, u+"/api/v1/places")
	pl := decode[placeList](t, body)
	if pl.Total != 2 || len(pl.Places) != 2 || pl.Places[0].Name != "Srinagar" || pl.Places[0].Count != 2 || pl.Places[0].Country != "IN" {
		t.Fatalf("places: %s", body)
	}
	if p := pl.Places[0]; p.Lat < 33 || p.Lat > 35 || p.Lon < 74 || p.Lon > 76 || len(p.Names) != 1 {
		t.Errorf("Srinagar at %v,%v as %v", p.Lat, p.Lon, p.Names)
	}

	_, body = get(t, u+"/api/v1/stats")
	if st := decode[store.Stats](t, body); st.Documents != 2 || st.Quotes != 2 || st.Relations != 2 {
		t.Errorf("stats: %+v", st)
	}

	for _, tt := range []struct {
		path string
		code int
	}{
		{"/api/v1/documents/sha256:nope", 404},
		{"/api/v1/documents?limit=0", 400},
		{"/api/v1/documents?limit=501", 400},
		{"/api/v1/documents?offset=-1", 400},
		{"/api/v1/documents?limit=x", 400},
		{"/api/v1/search?q=a&limit=100000", 400},
		{"/api/v1/places?offset=zz", 400},
		{"/api/v1/nothing", 404},
	} {
		resp, body := get(t, u+tt.path)
		if resp.StatusCode != tt.code {
			t.Errorf("%s: %d, want %d", tt.path, resp.StatusCode, tt.code)
		}
		if !strings.Contains(body, `"error"`) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: error body %q is not a JSON error", tt.path, body)
		}
	}
}

// liveMarkup lists what in an HTML page could run script: inline scripts,
// scripts from anywhere but the bundles, event-handler attributes,
// javascript: URLs, frames and plugins.
func liveMarkup(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				src := ""
				for _, a := range n.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if !strings.HasPrefix(src, "/static/dist/") || n.FirstChild != nil {
					bad = append(bad, "script "+src)
				}
			case "iframe", "object", "embed", "svg", "img", "base", "form":
				// The server's own forms: search and the network's filters.
				if n.Data != "form" || attr(n, "action") != "/" && attr(n, "action") != "/network" {
					bad = append(bad, "element "+n.Data)
				}
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || (a.Key == "style") {
					bad = append(bad, n.Data+" "+a.Key+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestPagesHaveNoLiveMarkupFromArticles(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{
		"/", "/documents", "/map", "/documents/" + url.PathEscape(f.hostile.ID), "/documents/" + url.PathEscape(f.report.ID),
		"/?q=" + url.QueryEscape("<script>window.__xss=13</script>"), "/?q=Srinagar", "/?q=script", "/?q=svg",
		"/documents/" + url.PathEscape(`<script>x</script>`),
	} {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+path)
			if resp.StatusCode != 200 && resp.StatusCode != 404 {
				t.Fatalf("%d", resp.StatusCode)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe") {
				t.Fatalf("CSP %q", csp)
			}
			if bad := liveMarkup(t, body); len(bad) > 0 {
				t.Errorf("live markup from untrusted text: %q", bad)
			}
			if strings.Contains(body, "__xss") && !strings.Contains(body, "&lt;") {
				t.Errorf("the sentinel is on the page without escaping")
			}
		})
	}
	// The hostile text is shown, escaped, not dropped.
	_, body := get(t, f.srv.URL+"/documents/"+url.PathEscape(f.hostile.ID))
	if !strings.Contains(body, "&lt;script&gt;window.__xss=1&lt;/script&gt;") {
		t.Error("the reader does not show the article's markup as text")
	}
}

func TestReaderHighlights(t *testing.T) {
	f := newFixture(t)
	_, body := get(t, f.srv.URL+"/documents/"+url.PathEscape(f.report.ID))
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var text strings.Builder
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && attr(n, "id") == "text" {
			in = true
		}
		if in && n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		if in && n.Type == html.ElementNode {
			for _, c := range strings.Fields(attr(n, "class")) {
				count[c]++
			}
			if id := attr(n, "id"); id != "" && id != "text" {
				count["#"+id]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	if text.String() != f.report.Text {
		t.Fatalf("the reader changes the text:\n%q\n%q", text.String(), f.report.Text)
	}
	for _, tt := range []struct {
		what string
		want int
	}{
		{"m", 7}, {"PERSON", 2}, {"ORG", 3}, {"GPE", 2},
		{"#quote-1", 1}, {"#rel-1", 1}, {"#event-v1", 1},
		{"hedged", 7}, // the hedged sentence: 2 mentions, 4 runs around them, the attribution cue
		{"attr-anonymous", 1},
	} {
		if count[tt.what] != tt.want {
			t.Errorf("%s: %d elements, want %d (all: %v)", tt.what, count[tt.what], tt.want, count)
		}
	}
	for _, want := range []string{
		`id="ent-e3"`, "Inspector General", `class="badge attr-anonymous"`, "anonymous: sources revealed",
		`class="badge mod mod-hedged"`, "leader of", "nine tourists", "The leadership claim rests on anonymous sources.",
		`href="#ent-e2">Anantnag</a>`, "“We will find them,”",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("reader lacks %q", want)
		}
	}
}

func TestRuns(t *testing.T) {
	text := "Abdul Rauf met Azar in Delhi."
	m := func(id string, typ dossier.EntityType, spans ...[2]int) dossier.Entity {
		e := dossier.Entity{ID: id, Type: typ, Name: id}
		for _, s := range spans {
			e.Mentions = append(e.Mentions, dossier.Mention{Start: s[0], End: s[1]})
		}
		return e
	}
	tests := []struct {
		name     string
		ex       dossier.Extraction
		want     []string // run texts, mentions in [brackets], classes after |
		mentions int
	}{
		{"plain", dossier.Extraction{}, []string{"Abdul Rauf met Azar in Delhi."}, 0},
		{"mentions", dossier.Extraction{Entities: []dossier.Entity{m("e1", dossier.Person, [2]int{0, 10}), m("e2", dossier.GPE, [2]int{23, 28})}},
			[]string{"[Abdul Rauf]", " met Azar in ", "[Delhi]", "."}, 2},
		{"overlap keeps the longer first", dossier.Extraction{Entities: []dossier.Entity{m("e1", dossier.Person, [2]int{6, 10}), m("e2", dossier.Person, [2]int{0, 10})}},
			[]string{"[Abdul Rauf]", " met Azar in Delhi."}, 1},
		{"out of range is dropped", dossier.Extraction{Entities: []dossier.Entity{m("e1", dossier.Person, [2]int{20, 99}, [2]int{5, 3})}},
			[]string{"Abdul Rauf met Azar in Delhi."}, 0},
		{"quote widened to whole mention", dossier.Extraction{Entities: []dossier.Entity{m("e1", dossier.Person, [2]int{0, 10})},
			Quotes: []dossier.Quote{{Start: 6, End: 14}}},
			[]string{"[Abdul Rauf]|q", " met|q", " Azar in Delhi."}, 1},
		{"nested evidence and trigger", dossier.Extraction{Entities: []dossier.Entity{m("e1", dossier.Person, [2]int{15, 19})},
			Events: []dossier.EventRecord{{ID: "v1", Modality: dossier.Hedged, Evidence: dossier.Evidence{Start: 0, End: 29}, Trigger: dossier.Evidence{Start: 11, End: 14}}}},
			[]string{"Abdul Rauf |ev hedged", "met|ev hedged trig", " |ev hedged", "[Azar]|ev hedged", " in Delhi.|ev hedged"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			n := 0
			for _, r := range runs(text, &tt.ex) {
				s := r.Text
				if r.Mention != nil {
					s = "[" + s + "]"
					n++
				}
				if r.Classes != "" {
					s += "|" + r.Classes
				}
				got = append(got, s)
			}
			if strings.Join(got, "/") != strings.Join(tt.want, "/") {
				t.Errorf("runs\n got %q\nwant %q", got, tt.want)
			}
			if n != tt.mentions {
				t.Errorf("%d mentions, want %d", n, tt.mentions)
			}
		})
	}
}

func TestPaginationLinks(t *testing.T) {
	f := newFixture(t)
	_, body := get(t, f.srv.URL+"/documents?limit=1")
	if !strings.Contains(body, `href="/documents?limit=1&amp;offset=1"`) || strings.Contains(body, `rel="prev"`) {
		t.Errorf("first page links: %s", body)
	}
	_, body = get(t, f.srv.URL+"/documents?limit=1&offset=1")
	if !strings.Contains(body, `rel="prev" href="/documents?limit=1"`) || strings.Contains(body, `rel="next"`) {
		t.Errorf("last page links")
	}
	_, body = get(t, f.srv.URL+"/documents?offset=40")
	if !strings.Contains(body, "No documents on this page") {
		t.Errorf("past the end")
	}
	for _, path := range []string{"/documents?limit=0", "/documents?limit=501", "/?q=x&offset=-1", "/map?limit=abc"} {
		resp, body := get(t, f.srv.URL+path)
		if resp.StatusCode != 400 || !strings.Contains(body, "want a number") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := get(t, f.srv.URL+"/no/such/page"); resp.StatusCode != 404 {
		t.Errorf("unknown page: %d", resp.StatusCode)
	}
}

func TestEmptyStoreSaysWhatToDo(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, nil))
	defer srv.Close()
	for _, path := range []string{"/", "/documents", "/map"} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != 200 || !strings.Contains(body, "dossier ingest examples/") {
			t.Errorf("%s: the empty page does not tell a new user to ingest (%d)", path, resp.StatusCode)
		}
	}
}

func TestStaticAssetsAreEmbedded(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct{ path, ctype, contains string }{
		{"/static/dist/app.js", "text/javascript", "dossier-theme"},
		{"/static/dist/theme.js", "text/javascript", "localStorage"},
		{"/static/dist/map.js", "text/javascript", "Leaflet"},
		{"/static/dist/map.css", "text/css", ".leaflet-container"},
		{"/static/dist/app.css", "text/css", "prefers-color-scheme"},
		{"/static/dist/countries-50m.json", "application/json", `"Topology"`},
		{"/static/favicon.svg", "image/svg+xml", "<svg"},
	} {
		resp, body := get(t, f.srv.URL+tt.path)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) || !strings.Contains(body, tt.contains) {
			t.Errorf("%s: %d %s, contains %q: %v", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.contains, strings.Contains(body, tt.contains))
		}
	}
	// Every asset a page or a style sheet names is served.
	_, css := get(t, f.srv.URL+"/static/dist/map.css")
	for _, part := range strings.Split(css, "url(")[1:] {
		ref, _, _ := strings.Cut(part, ")")
		ref = strings.Trim(ref, `"'`)
		if strings.HasPrefix(ref, "data:") {
			continue
		}
		if resp, _ := get(t, f.srv.URL+"/static/dist/"+ref); resp.StatusCode != 200 {
			t.Errorf("map.css names %s: %d", ref, resp.StatusCode)
		}
	}
}
