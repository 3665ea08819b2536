package browsertest

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/ingest/batch"
	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/server"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

var screenshots = flag.String("screenshots", "", "directory to write PNG screenshots of the main pages to")

// chromium returns the browser to drive, or skips (fails when
// DOSSIER_BROWSER_TESTS=1) when there is none.
func chromium(t testing.TB) string {
	t.Helper()
	// DOSSIER_CHROMIUM, when set, is the only browser tried.
	candidates := []string{"/usr/bin/chromium", "chromium"}
	if p := os.Getenv("DOSSIER_CHROMIUM"); p != "" {
		candidates = []string{p}
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "no chromium (" + strings.Join(candidates, ", ") + "): install Debian's chromium (apt-get install -y chromium) or set DOSSIER_CHROMIUM to run the browser tests"
	if os.Getenv("DOSSIER_BROWSER_TESTS") == "1" {
		t.Fatal(msg + "; DOSSIER_BROWSER_TESTS=1 requires them")
	}
	t.Skip(msg)
	return ""
}

// hostileText tries every way an article could run script in the page; a
// run sets window.__xss.
const hostileText = `<script>window.__xss=1</script> Police in <img src=x onerror="window.__xss=2"> Srinagar said the ` +
	`<a href="javascript:window.__xss=3">link</a> was fake. </div></main><script>window.__xss=4</script> ` +
	`<svg onload="window.__xss=5"></svg> <iframe src="javascript:window.__xss=6"></iframe> <body onload="window.__xss=7">`

// briefingText is an invented article for the reader's claims, quotes and
// attributions, which a hand-made extraction marks up the way the rule
// extractors will.
const briefingText = `Border force says infiltrators crossed near Poonch

POONCH, April 24 (Capital Wire) — Four armed men crossed the Line of Control near Poonch on Monday night, ` +
	`a Border Security Force spokesman said. "They came through the forest in the dark and we lost them by morning," ` +
	`Deputy Inspector General Arvind Mehra told Capital Wire. The group was allegedly led by Tariq Mir, a commander of ` +
	`the Kashmir Freedom Brigade, according to intelligence sources. The brigade denied any role.`

// span returns the first span of s in text (fixtures only: the server
// never searches text).
func span(t testing.TB, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the fixture", s)
	}
	return i, i + len(s)
}

func briefingExtraction(t testing.TB, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "hand-made")
	ent := func(id string, typ dossier.EntityType, name string, texts ...string) dossier.Entity {
		e := dossier.Entity{ID: id, Type: typ, Name: name}
		off := 0
		for _, s := range texts {
			a, b := span(t, tx[off:], s)
			e.Mentions = append(e.Mentions, dossier.Mention{Start: off + a, End: off + b, Text: s})
			off += b
		}
		return e
	}
	// Evidence is looked for after the headline, which repeats words of
	// the story.
	body, _ := span(t, tx, "\n\n")
	ev := func(s string) dossier.Evidence {
		a, b := span(t, tx[body:], s)
		return dossier.Evidence{Start: body + a, End: body + b, Text: s}
	}
	ex.Entities = []dossier.Entity{
		ent("e1", dossier.GPE, "Poonch", "Poonch", "POONCH", "Poonch"),
		ent("e2", dossier.Org, "Capital Wire", "Capital Wire", "Capital Wire"),
		ent("e3", dossier.Loc, "Line of Control", "Line of Control"),
		ent("e4", dossier.Org, "Border Security Force", "Border Security Force"),
		ent("e5", dossier.Person, "Arvind Mehra", "Arvind Mehra"),
		ent("e6", dossier.Person, "Tariq Mir", "Tariq Mir"),
		ent("e7", dossier.Org, "Kashmir Freedom Brigade", "Kashmir Freedom Brigade"),
	}
	ex.Entities[4].Attributes = map[string][]string{"titles": {"Deputy Inspector General"}}
	anon := ev("according to intelligence sources")
	ex.Attributions = []dossier.Attribution{
		{ID: "a1", Kind: dossier.Organisation, Source: "e4", Text: "a Border Security Force spokesman said"},
		{ID: "a2", Kind: dossier.Anonymous, Text: anon.Text, Start: anon.Start, End: anon.End},
		{ID: "a3", Kind: dossier.Outlet, Source: "e2", Text: "Capital Wire"},
	}
	ex.Relations = []dossier.Relation{
		{Type: "leader_of", Subject: "e6", Object: "e7", Confidence: 0.7, Modality: dossier.Hedged, Attribution: "a2",
			Evidence: ev("The group was allegedly led by Tariq Mir, a commander of the Kashmir Freedom Brigade, according to intelligence sources."), Rule: "led-by"},
		{Type: "member_of", Subject: "e6", Object: "e7", Confidence: 0.8, Modality: dossier.Asserted, Attribution: "a2",
			Evidence: ev("Tariq Mir, a commander of the Kashmir Freedom Brigade"), Rule: "appositive-role"},
	}
	date := ev("on Monday night")
	ex.Events = []dossier.EventRecord{{ID: "v1", Type: "attack", Trigger: ev("crossed"),
		Date: &dossier.Date{Text: "on Monday night", Value: "2026-04-20", Precision: "day", Start: date.Start, End: date.End}, Place: "e1",
		Roles: []dossier.Role{{Role: "perpetrator", Text: "Four armed men"}, {Role: "place", Entity: "e3"}}, Modality: dossier.Asserted,
		Attribution: "a1", Evidence: ev("Four armed men crossed the Line of Control near Poonch on Monday night, a Border Security Force spokesman said."), Rule: "cross-border"},
		{ID: "v2", Type: "statement", Trigger: ev("denied"), Roles: []dossier.Role{{Role: "speaker", Entity: "e7"}}, Modality: dossier.Negated,
			Attribution: "a3", Evidence: ev("The brigade denied any role."), Rule: "denial"}}
	q := ev(`"They came through the forest in the dark and we lost them by morning,"`)
	ex.Quotes = []dossier.Quote{{Speaker: "e5", Text: strings.Trim(q.Text, `",`), Cue: "told", Recipient: "e2", Start: q.Start, End: q.End, Rule: "quote-told"}}
	ex.Flags = []dossier.Flag{{Kind: "anonymous_only", Message: "Tariq Mir's leadership of the Kashmir Freedom Brigade rests on anonymous intelligence sources.", Entities: []string{"e6", "e7"}}}
	return ex
}

// hostileFile is a plain-text article, ingested as a file, whose text is
// full of markup; "Zorbaq" finds it.
const hostileFile = `Zorbaq police deny report <script>window.__xss=20</script>

SRINAGAR, April 25 (FNA) — Police in Srinagar said on Friday that a report by the <img src=x onerror="window.__xss=21"> ` +
	`Zorbaq Times was false. "Read it at <a href="javascript:window.__xss=22">this link</a>," said Inspector Ali Khan. ` +
	`<iframe srcdoc="<script>window.__xss=23</script>"></iframe> <body onload="window.__xss=24"> <object data="javascript:window.__xss=25"></object>
`

// newStore ingests examples/ with the real pipeline, as `dossier ingest
// examples/` does, and adds a hostile article whose extraction marks its
// markup as entity names.
func newStore(t testing.TB) (*sqlite.Store, *dossier.Document) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "browser.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	// The hostile article also goes through the real readers and
	// extractors, as a file a user might ingest.
	file := filepath.Join(t.TempDir(), "hostile-wire.txt")
	if err := os.WriteFile(file, []byte(hostileFile), 0o644); err != nil {
		t.Fatal(err)
	}
	// It goes in first, so that it is the oldest and out of the
	// screenshots.
	for _, inputs := range [][]string{{file}, {"../../examples"}} {
		sum, err := batch.Run(ctx, st, pipeline.New(pipeline.Options{}), inputs, batch.Options{})
		if err != nil || sum.New == 0 || sum.Failed > 0 {
			t.Fatalf("ingest %s: %+v %v", inputs, sum, err)
		}
	}
	d := &dossier.Document{Title: `<img src=x onerror="window.__xss=8">Hostile`, Text: hostileText, URL: "javascript:window.__xss=9",
		Outlet: `<script>window.__xss=10</script>`, Published: time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC),
		Ingested: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} // listed last, out of the screenshots
	d.ID = dedup.ID(d.Text)
	d.Cluster = d.ID
	ex := dossier.NewExtraction(d, "test")
	for i, s := range []string{`<script>window.__xss=1</script>`, "Srinagar", `<svg onload="window.__xss=5"></svg>`} {
		start := strings.Index(d.Text, s)
		ex.Entities = append(ex.Entities, dossier.Entity{ID: fmt.Sprintf("e%d", i+1), Type: dossier.Org, Name: s,
			Mentions: []dossier.Mention{{Start: start, End: start + len(s), Text: s}}})
	}
	if _, err := st.PutDocument(ctx, d, ex, dedup.Sketch(d.Text)); err != nil {
		t.Fatal(err)
	}
	b := &dossier.Document{Title: "Border force says infiltrators crossed near Poonch", Text: briefingText, Outlet: "Capital Wire",
		Dateline: "POONCH, April 24", Published: time.Date(2026, 4, 24, 0, 0, 0, 0, time.UTC)}
	b.ID = dedup.ID(b.Text)
	b.Cluster = b.ID
	if _, err := st.PutDocument(ctx, b, briefingExtraction(t, b), dedup.Sketch(b.Text)); err != nil {
		t.Fatal(err)
	}
	briefing = b
	// Link the entities across documents, as ingest does at its end.
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	return st, d
}

// briefing is the hand-marked article newStore stores.
var briefing *dossier.Document

// browser is one headless Chromium tab and what its pages wrote to the
// console.
type browser struct {
	ctx  context.Context
	base string
	mu   sync.Mutex
	logs []string
}

func newBrowser(t testing.TB, base string) *browser {
	t.Helper()
	exe := chromium(t)
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.WindowSize(1366, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	b := &browser{ctx: ctx, base: base}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.logs = append(b.logs, m.String()+" at "+m.URL)
				b.mu.Unlock()
			}
		}
	}()
	// Start from the light theme, whatever the machine prefers.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}}); err != nil {
		t.Fatal(err)
	}
	return b
}

// do runs actions, failing the test on error.
func (b *browser) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// clean fails the test if any page logged an error or threw since the last
// call.
func (b *browser) clean(t *testing.T) {
	t.Helper()
	// Console events arrive asynchronously: give the last ones a moment.
	_ = chromedp.Do(b.ctx, chromedp.Sleep(150*time.Millisecond))
	b.mu.Lock()
	logs := b.logs
	b.logs = nil
	b.mu.Unlock()
	for _, l := range logs {
		t.Errorf("console: %s", l)
	}
}

// noScriptRan fails if the hostile article's script ran.
func (b *browser) noScriptRan(t *testing.T) {
	t.Helper()
	if v := eval[string](t, b, `String(window.__xss)`); v != "undefined" {
		t.Errorf("a script from an article ran: window.__xss = %s", v)
	}
}

// shoot writes a screenshot of the viewport when -screenshots is set.
func (b *browser) shoot(t *testing.T, name string) {
	t.Helper()
	if *screenshots == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(*screenshots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
	t.Logf("wrote %s", path)
}

func getJSON(t testing.TB, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d", u, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
}

func TestBrowser(t *testing.T) {
	chromium(t) // skip before ingesting when there is no browser
	start := time.Now()
	st, hostile := newStore(t)
	t.Logf("ingested examples/ in %s", time.Since(start).Round(time.Millisecond))
	srv := httptest.NewServer(server.New(st, nil))
	t.Cleanup(srv.Close)
	start = time.Now()
	b := newBrowser(t, srv.URL)
	t.Logf("started chromium in %s", time.Since(start).Round(time.Millisecond))
	var docs struct {
		Documents []dossier.Document `json:"documents"`
	}
	getJSON(t, srv.URL+"/api/v1/documents?limit=500", &docs)

	t.Run("search finds a document and opens the reader", func(t *testing.T) {
		b.do(t, "open the start page", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS("#stats")))
		b.shoot(t, "home")
		// "/" focuses the search box from anywhere on the page.
		b.do(t, "press /", chromedp.Click(chromedp.CSS("h1")), chromedp.KeyEvent("/"))
		if id := eval[string](t, b, `document.activeElement.id`); id != "q" {
			t.Fatalf("after /, the focus is on %q, not the search box", id)
		}
		// chromedp sends the key's character apart from its keydown, so
		// the "/" lands in the box a browser would keep empty.
		b.do(t, "search", chromedp.Evaluate[chromedp.Void](`document.getElementById("q").value = ""`), chromedp.SendKeys(chromedp.CSS("#q"), "Anantnag\n"), chromedp.WaitVisible(chromedp.CSS("#hits a.title")))
		if n := eval[int](t, b, `document.querySelectorAll('#hits li').length`); n == 0 {
			t.Fatal("no hits for Anantnag")
		}
		if n := eval[int](t, b, `document.querySelectorAll('#entity-hits li').length`); n == 0 {
			t.Error("no entity names for Anantnag")
		}
		b.shoot(t, "search")
		title := eval[string](t, b, `document.querySelector('#hits a.title').textContent`)
		b.do(t, "open the first hit", chromedp.Click(chromedp.CSS("#hits a.title")), chromedp.WaitVisible(chromedp.CSS("#text")))
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err != nil || !strings.Contains(loc, "/documents/sha256") {
			t.Fatalf("clicking the hit went to %s (%v)", loc, err)
		}
		if h1 := eval[string](t, b, `document.querySelector('h1').textContent`); h1 != title {
			t.Errorf("reader of %q, clicked %q", h1, title)
		}
		b.clean(t)
	})

	t.Run("the reader highlights every mention", func(t *testing.T) {
		total := 0
		busiest, best := "", -1
		for _, d := range docs.Documents {
			var detail struct {
				Extraction dossier.Extraction `json:"extraction"`
			}
			getJSON(t, srv.URL+"/api/v1/documents/"+url.PathEscape(d.ID), &detail)
			if n := len(detail.Extraction.Entities); n > best {
				best, busiest = n, d.ID
			}
			want := 0
			for _, e := range detail.Extraction.Entities {
				want += len(e.Mentions)
			}
			b.do(t, "open "+d.ID, chromedp.Navigate(b.base+"/documents/"+url.PathEscape(d.ID)), chromedp.WaitReady(chromedp.CSS("#text")))
			got := eval[int](t, b, `document.querySelectorAll('#text .m').length`)
			if got != want {
				t.Errorf("%s (%s): %d highlighted mentions, the extraction has %d", d.Title, d.ID, got, want)
			}
			total += got
		}
		if total == 0 {
			t.Fatal("no mention highlighted in any document")
		}
		// Hovering a mention lights every mention of its entity and its
		// line in the side panel.
		b.do(t, "open the busiest document", chromedp.Navigate(b.base+"/documents/"+url.PathEscape(busiest)), chromedp.WaitVisible(chromedp.CSS("#text .m")))
		lit := eval[int](t, b, `(() => {
			const m = document.querySelector('#text .m');
			m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
			return document.querySelectorAll('.lit').length;
		})()`)
		if lit < 2 {
			t.Errorf("hovering a mention lit %d elements, want the mention and its panel entry at least", lit)
		}
		b.do(t, "unhover", chromedp.Evaluate[chromedp.Void](`document.getElementById('text').dispatchEvent(new MouseEvent('mouseleave'))`))
		// From the keyboard: Enter on an entity in the panel goes to its
		// first mention.
		b.do(t, "focus the third entity", chromedp.Focus(chromedp.CSS("#entities li:nth-child(3) button")), chromedp.KeyEvent("\r"))
		want := eval[string](t, b, `document.querySelector('#entities li:nth-child(3)').dataset.e`)
		if got := eval[string](t, b, `document.activeElement.classList.contains('m') ? document.activeElement.dataset.e : 'not a mention: ' + document.activeElement.tagName`); got != want {
			t.Errorf("Enter on entity %s focused %s", want, got)
		}
		b.do(t, "back to the top", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0); document.getElementById('text').dispatchEvent(new MouseEvent('mouseleave'))`))
		b.shoot(t, "reader")

		// Claims, quotes and attributions, from the hand-marked briefing.
		b.do(t, "open the briefing", chromedp.Navigate(b.base+"/documents/"+url.PathEscape(briefing.ID)), chromedp.WaitVisible(chromedp.CSS("#relations")))
		for _, tt := range []struct {
			sel  string
			want int
		}{
			{"#text .q", 1}, {"#text .ev.hedged", 7}, {"#text .negated", 3}, {"#relations li", 2}, {"#events li", 2}, {"#quotes li", 1},
			{".badge.attr-anonymous", 2}, {".badge.mod-hedged", 1}, {"#flags li", 1},
		} {
			if n := eval[int](t, b, `document.querySelectorAll('`+tt.sel+`').length`); n != tt.want {
				t.Errorf("%s: %d elements, want %d", tt.sel, n, tt.want)
			}
		}
		b.do(t, "jump to the evidence", chromedp.Click(chromedp.CSS("#relations a.jump")), chromedp.Sleep(100*time.Millisecond))
		if id := eval[string](t, b, `location.hash`); id != "#rel-1" {
			t.Errorf("the relation links to %q", id)
		}
		if n := eval[int](t, b, `document.querySelectorAll('#text .evidence-lit').length`); n != 7 {
			t.Errorf("the relation's evidence lit %d runs, want 7", n)
		}
		b.do(t, "top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		b.shoot(t, "reader-claims")
		b.clean(t)
	})

	t.Run("search leads to an entity, its profile and its network", func(t *testing.T) {
		// The entity with the most links in its network.
		var ents struct {
			Entities []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"entities"`
		}
		getJSON(t, srv.URL+"/api/v1/entities?limit=40", &ents)
		id, name, best := "", "", 0
		for _, e := range ents.Entities {
			var n struct {
				Edges []json.RawMessage `json:"edges"`
			}
			getJSON(t, srv.URL+"/api/v1/entities/"+e.ID+"/network", &n)
			if len(n.Edges) > best && !strings.ContainsAny(e.Name, "<>") {
				id, name, best = e.ID, e.Name, len(n.Edges)
			}
		}
		if best < 2 {
			t.Fatalf("no entity of the examples has two links: %+v", ents)
		}
		b.do(t, "search "+name, chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS("#q")),
			chromedp.SendKeys(chromedp.CSS("#q"), name+"\n"), chromedp.WaitVisible(chromedp.CSS("#entity-hits")))
		link := `#entity-hits a.chip[href="/entities/` + id + `"]`
		b.do(t, "open the profile", chromedp.Click(chromedp.CSS(link)), chromedp.WaitVisible(chromedp.CSS("#entity-name")))
		if h := eval[string](t, b, `document.getElementById('entity-name').textContent`); h != name {
			t.Errorf("the profile of %q, clicked %q", h, name)
		}
		claims := eval[int](t, b, `document.querySelectorAll('#relations .pclaim').length`)
		sentences := eval[int](t, b, `[...document.querySelectorAll('#relations .pclaim ul.evidence q')].filter((q) => q.textContent.length > 20).length`)
		docLinks := eval[int](t, b, `document.querySelectorAll('#relations .pclaim ul.evidence a[href^="/documents/sha256"]').length`)
		if claims == 0 || sentences < claims || docLinks < claims {
			t.Errorf("the profile shows %d claims, %d evidence sentences, %d links to documents", claims, sentences, docLinks)
		}
		b.shoot(t, "entity")
		b.clean(t)

		b.do(t, "open the network", chromedp.Click(chromedp.CSS("#network-link")), chromedp.WaitVisible(chromedp.CSS("#network.ready")))
		nodes := eval[int](t, b, `window.dossierNetwork.nodes().length`)
		if nodes < 3 || eval[string](t, b, `document.getElementById('network').dataset.nodes`) != fmt.Sprint(nodes) {
			t.Errorf("the network draws %d nodes", nodes)
		}
		if n := eval[int](t, b, `window.dossierNetwork.edges().length`); n != best {
			t.Errorf("the network draws %d edges, the API has %d", n, best)
		}
		if n := eval[int](t, b, `document.querySelectorAll('#network canvas').length`); n == 0 {
			t.Error("no canvas")
		}
		// Click, with the mouse, the middle of a link no entity covers.
		type point struct{ X, Y float64 }
		at := eval[point](t, b, `(() => {
			const cy = window.dossierNetwork, box = document.getElementById('network').getBoundingClientRect();
			for (const e of cy.edges()) {
				const m = e.renderedMidpoint();
				const covered = cy.nodes().some((n) => { const bb = n.renderedBoundingBox({includeLabels: true}); return m.x > bb.x1 - 4 && m.x < bb.x2 + 4 && m.y > bb.y1 - 4 && m.y < bb.y2 + 4; });
				if (!covered && m.x > 0 && m.y > 0 && m.x < box.width && m.y < box.height) return {X: box.left + m.x, Y: box.top + m.y};
			}
			return {X: -1, Y: -1};
		})()`)
		if at.X < 0 {
			t.Fatal("every link is under an entity")
		}
		b.do(t, "click a link", chromedp.MouseClickXY(at.X, at.Y), chromedp.WaitVisible(chromedp.CSS("#edge-evidence li")))
		if s := eval[string](t, b, `document.querySelector('#edge-evidence li q').textContent`); len(s) < 20 {
			t.Errorf("the evidence panel shows %q", s)
		}
		if href := eval[string](t, b, `document.querySelector('#edge-evidence li a').getAttribute('href')`); !strings.HasPrefix(href, "/documents/sha256") {
			t.Errorf("the evidence links to %q", href)
		}
		b.shoot(t, "network")
		// The evidence's link opens the article that says it.
		sentence := eval[string](t, b, `document.querySelector('#edge-evidence li q').textContent`)
		netURL, _ := chromedp.Run(b.ctx, chromedp.Location())
		b.do(t, "open the article", chromedp.Click(chromedp.CSS("#edge-evidence li a")), chromedp.WaitVisible(chromedp.CSS("#text")))
		if loc, _ := chromedp.Run(b.ctx, chromedp.Location()); !strings.Contains(loc, "/documents/sha256") {
			t.Errorf("the evidence link went to %s", loc)
		}
		if !strings.Contains(eval[string](t, b, `document.getElementById('text').textContent`), sentence) {
			t.Errorf("the article does not hold the sentence %q", sentence)
		}
		if n := eval[int](t, b, `document.querySelectorAll('#text .m').length`); n == 0 {
			t.Error("the article opened from the evidence has no mention highlighted")
		}
		b.clean(t)
		b.do(t, "back to the network", chromedp.Navigate(netURL), chromedp.WaitVisible(chromedp.CSS("#network.ready")))
		// A filter keeps the network drawn (or says it is empty).
		// The old page is marked, so that the wait is for the new one.
		b.do(t, "filter by modality", chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`),
			chromedp.SetValue(chromedp.CSS(`select[name="modality"]`), "asserted"), chromedp.Click(chromedp.CSS(`#filters button`)),
			chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) #network.ready")))
		if loc, _ := chromedp.Run(b.ctx, chromedp.Location()); !strings.Contains(loc, "modality=asserted") {
			t.Errorf("the filter went to %s", loc)
		}
		// A click on an entity opens its profile.
		node := eval[point](t, b, `(() => {
			const cy = window.dossierNetwork, box = document.getElementById('network').getBoundingClientRect();
			const n = cy.nodes().filter((n) => !n.data('centre'))[0] || cy.nodes()[0];
			window.__clicked = n.id();
			const p = n.renderedPosition();
			return {X: box.left + p.x, Y: box.top + p.y};
		})()`)
		want := eval[string](t, b, `window.__clicked`)
		b.do(t, "click an entity", chromedp.MouseClickXY(node.X, node.Y), chromedp.WaitVisible(chromedp.CSS("#entity-name")))
		if loc, _ := chromedp.Run(b.ctx, chromedp.Location()); !strings.HasSuffix(loc, "/entities/"+want) {
			t.Errorf("clicking %s went to %s", want, loc)
		}
		b.clean(t)

		b.do(t, "open the flags", chromedp.Navigate(b.base+"/flags"), chromedp.WaitReady(chromedp.CSS("footer")))
		if n := eval[int](t, b, `document.querySelectorAll('#flag-list .flagitem, #no-flags').length`); n == 0 {
			t.Error("the flags page shows neither flags nor their absence")
		}
		b.shoot(t, "flags")
		b.clean(t)
	})

	t.Run("the timeline draws events and zooms", func(t *testing.T) {
		testTimeline(t, b, srv.URL)
	})

	t.Run("the path page shows the evidence of every hop", func(t *testing.T) {
		testPath(t, b, srv.URL)
	})

	t.Run("documents list pages", func(t *testing.T) {
		b.do(t, "open the list", chromedp.Navigate(b.base+"/documents?limit=8"), chromedp.WaitVisible(chromedp.CSS("#documents")))
		if n := eval[int](t, b, `document.querySelectorAll('#documents li').length`); n != 8 {
			t.Errorf("first page: %d documents, want 8", n)
		}
		b.shoot(t, "documents")
		b.do(t, "next page", chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.CSS(`a[rel="prev"]`)))
		if n := eval[int](t, b, `document.querySelectorAll('#documents li').length`); n == 0 {
			t.Error("the second page is empty")
		}
		b.clean(t)
	})

	t.Run("the map shows markers", func(t *testing.T) {
		var places struct {
			Places []json.RawMessage `json:"places"`
		}
		getJSON(t, srv.URL+"/api/v1/places?limit=500", &places)
		if len(places.Places) == 0 {
			t.Fatal("no place resolved from the examples")
		}
		b.do(t, "open the map", chromedp.Navigate(b.base+"/map"), chromedp.WaitVisible(chromedp.CSS("#map.ready")), chromedp.Sleep(600*time.Millisecond))
		b.shoot(t, "map")
		markers := eval[int](t, b, `document.querySelectorAll('#map path.place-marker').length`)
		if markers != len(places.Places) {
			t.Errorf("%d markers, %d places", markers, len(places.Places))
		}
		if land := eval[int](t, b, `document.querySelectorAll('#map .leaflet-overlay-pane path').length`); land < markers+100 {
			t.Errorf("the basemap drew %d shapes", land-markers)
		}
		// A marker's popup links to the documents that name the place.
		b.do(t, "open a popup", chromedp.Evaluate[chromedp.Void](`document.querySelector('#map path.place-marker').dispatchEvent(new MouseEvent('click', {bubbles: true}))`),
			chromedp.WaitVisible(chromedp.CSS(".place-popup a")))
		href := eval[string](t, b, `document.querySelector('.place-popup a').getAttribute('href')`)
		if !strings.HasPrefix(href, "/documents/sha256") {
			t.Errorf("popup links to %q", href)
		}
		b.clean(t)
	})

	t.Run("dark mode toggle", func(t *testing.T) {
		b.do(t, "open the start page", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS("#theme-toggle")))
		bg := func() string { return eval[string](t, b, `getComputedStyle(document.body).backgroundColor`) }
		light := bg()
		b.do(t, "toggle", chromedp.Click(chromedp.CSS("#theme-toggle")))
		dark := bg()
		if dark == light || eval[string](t, b, `document.documentElement.dataset.theme`) != "dark" {
			t.Fatalf("the toggle did not switch to dark: %s → %s", light, dark)
		}
		// The choice holds on the next page.
		b.do(t, "open the map", chromedp.Navigate(b.base+"/map"), chromedp.WaitVisible(chromedp.CSS("#map.ready")), chromedp.Sleep(600*time.Millisecond))
		if got := bg(); got != dark {
			t.Errorf("the next page is %s, not dark %s", got, dark)
		}
		b.shoot(t, "map-dark")
		b.do(t, "open a reader", chromedp.Navigate(b.base+"/documents/"+url.PathEscape(docs.Documents[len(docs.Documents)-1].ID)), chromedp.WaitVisible(chromedp.CSS("#text")))
		b.shoot(t, "reader-dark")
		b.do(t, "toggle back", chromedp.Click(chromedp.CSS("#theme-toggle")))
		if got := bg(); got != light {
			t.Errorf("toggling back gave %s, want %s", got, light)
		}
		b.clean(t)
	})

	t.Run("no script from an article runs", func(t *testing.T) {
		var found struct {
			Hits []struct {
				ID string `json:"id"`
			} `json:"hits"`
		}
		getJSON(t, srv.URL+"/api/v1/search?q=Zorbaq", &found)
		if len(found.Hits) != 1 {
			t.Fatalf("the ingested hostile file: %d hits", len(found.Hits))
		}
		// The hostile article's entities, whose names are markup, have
		// profiles and networks too.
		var marked struct {
			Entities []struct {
				ID string `json:"id"`
			} `json:"entities"`
		}
		getJSON(t, srv.URL+"/api/v1/entities?q=xss", &marked)
		if len(marked.Entities) == 0 {
			t.Fatal("no global entity from the hostile article")
		}
		var graphPages []string
		for _, e := range marked.Entities {
			graphPages = append(graphPages, "/entities/"+e.ID, "/network?entity="+e.ID)
		}
		for _, path := range append(graphPages,
			"/documents/"+url.PathEscape(found.Hits[0].ID), "/?q=Zorbaq",
			"/documents/"+url.PathEscape(hostile.ID), "/documents", "/map", "/flags", "/network", "/?q="+url.QueryEscape("<script>window.__xss=11</script>"), "/?q=script",
		) {
			b.do(t, "open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("footer")))
			b.noScriptRan(t)
			// The map's own SVG, drawn by Leaflet, is not from an article.
			live := eval[int](t, b, `[...document.querySelectorAll('main script, main img, main svg, main iframe, main object, main embed, main [onerror], main [onload], main a[href^="javascript:"]')].filter((e) => !e.closest('#map')).length`)
			if live != 0 {
				t.Errorf("%s: %d live elements from articles in the page", path, live)
			}
		}
		// The network island writes names and evidence as text only.
		b.do(t, "open a hostile network", chromedp.Navigate(b.base+"/network?entity="+marked.Entities[0].ID), chromedp.WaitVisible(chromedp.CSS("#network.ready")),
			chromedp.Evaluate[chromedp.Void](`(() => { window.dossierNetwork.edges().forEach((e) => { e.emit('tap'); }); })()`), chromedp.Sleep(100*time.Millisecond))
		b.noScriptRan(t)
		if n := eval[int](t, b, `document.querySelectorAll('#edge-panel script, #edge-panel img, #edge-panel svg, #edge-panel iframe, #edge-panel [onerror], #edge-panel [onload]').length`); n != 0 {
			t.Errorf("the evidence panel holds %d live elements from the article", n)
		}
		b.do(t, "open the hostile reader", chromedp.Navigate(b.base+"/documents/"+url.PathEscape(hostile.ID)), chromedp.WaitReady(chromedp.CSS("#text")))
		if n := eval[int](t, b, `document.querySelectorAll('#text script, #text img, #text svg, #text iframe, main script').length`); n != 0 {
			t.Errorf("the reader holds %d live elements from the article", n)
		}
		if n := eval[int](t, b, `document.querySelectorAll('#text .m').length`); n != 3 {
			t.Errorf("%d mentions highlighted in the hostile article, want 3", n)
		}
		if !strings.Contains(eval[string](t, b, `document.getElementById('text').textContent`), "<script>window.__xss=1</script>") {
			t.Error("the article's markup is not shown as text")
		}
		b.clean(t)
	})

	// Last, as it changes the store (and then undoes the change).
	t.Run("log in, merge and undo", func(t *testing.T) {
		testDecisions(t, b, st)
	})

	var _ store.Store = st
}
