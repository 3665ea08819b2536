package browsertest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/server"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// testTimeline checks the timeline page: the axis draws every event, the
// zoom narrows the period shown and the list with it, Apply lists the
// period, the type filter keeps one type, and a dot leads to its event.
func testTimeline(t *testing.T, b *browser, api string) {
	var all struct {
		Total int      `json:"total"`
		First string   `json:"first"`
		Last  string   `json:"last"`
		Types []string `json:"types"`
	}
	getJSON(t, api+"/api/v1/timeline?limit=1", &all)
	if all.Total < 5 || len(all.Types) < 2 {
		t.Fatalf("the examples have %d events of %d types", all.Total, len(all.Types))
	}
	b.do(t, "open the timeline", chromedp.Navigate(b.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS("#timeline.ready")))
	shown := eval[int](t, b, `Number(document.getElementById('timeline').dataset.shown)`)
	if shown != all.Total {
		t.Errorf("the axis shows %d events, the API has %d", shown, all.Total)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#timeline-axis circle.dot').length`); n == 0 || n > shown {
		t.Errorf("%d dots for %d events", n, shown)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#timeline-axis .tick-label').length`); n < 2 {
		t.Errorf("%d labelled ticks on the axis", n)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#events li.event').length`); n != min(all.Total, 100) {
		t.Errorf("the list has %d events, want %d", n, min(all.Total, 100))
	}
	for _, sel := range []string{"#events li.event q", "#events li.event .roles a", "#events li.event a[href^='/documents/sha256']"} {
		if eval[int](t, b, `document.querySelectorAll("`+sel+`").length`) == 0 {
			t.Errorf("no %s in the list", sel)
		}
	}
	b.shoot(t, "timeline")
	b.clean(t)

	// Zoom in twice: the period halves each time; the list keeps its
	// events, and the form takes the period's dates.
	type view struct {
		From, To       string
		Shown, Listed  int
		Outside        int
		FormFrom, Form string
	}
	look := func() view {
		return eval[view](t, b, `(() => {
			const box = document.getElementById('timeline'), f = document.getElementById('timeline-filters');
			const outside = [...document.querySelectorAll('#events li[data-when]')].filter((li) => !li.hidden && (li.dataset.when.slice(0, 10) < box.dataset.from.slice(0, li.dataset.when.length) || li.dataset.when.slice(0, 10) > box.dataset.to)).length;
			return {From: box.dataset.from, To: box.dataset.to, Shown: Number(box.dataset.shown), Listed: Number(box.dataset.listed), Outside: outside,
				FormFrom: f.elements.from.value, Form: f.elements.to.value};
		})()`)
	}
	days := func(v view) float64 {
		a, _ := time.Parse(time.DateOnly, v.From)
		z, _ := time.Parse(time.DateOnly, v.To)
		return z.Sub(a).Hours()/24 + 1
	}
	whole := look()
	b.do(t, "zoom in", chromedp.Click(chromedp.CSS("#zoom-in")), chromedp.Click(chromedp.CSS("#zoom-in")))
	in := look()
	if r := days(in) / days(whole); r < 0.2 || r > 0.3 {
		t.Errorf("two zooms in show %s..%s of %s..%s (%.2f of the days)", in.From, in.To, whole.From, whole.To, r)
	}
	if in.Shown > whole.Shown || in.Outside != 0 || in.FormFrom != in.From || in.Form != in.To {
		t.Errorf("zoomed in: %+v", in)
	}
	// From the keyboard on the axis: "-" zooms out, "0" shows everything.
	b.do(t, "zoom out with -", chromedp.Focus(chromedp.CSS("#timeline-axis")), chromedp.KeyEvent("-"))
	if out := look(); days(out) <= days(in) {
		t.Errorf("- did not zoom out: %s..%s", out.From, out.To)
	}
	b.do(t, "show all with 0", chromedp.KeyEvent("0"))
	if v := look(); v.From != whole.From || v.To != whole.To || v.Shown != whole.Shown {
		t.Errorf("0 shows %+v, want %+v", v, whole)
	}
	// The end slider pulls the end of the period in.
	b.do(t, "slide the end", chromedp.SetValue(chromedp.CSS("#zoom-end"), "500"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('zoom-end').dispatchEvent(new Event('input'))`))
	slid := look()
	if slid.From != whole.From || slid.To >= whole.To || slid.Outside != 0 {
		t.Errorf("the end slider at half: %+v", slid)
	}

	// Apply lists every event of the period, from the server.
	b.do(t, "zoom in and apply", chromedp.Click(chromedp.CSS("#zoom-all")), chromedp.Click(chromedp.CSS("#zoom-in")),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`), chromedp.Click(chromedp.CSS("#timeline-filters button")),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) #timeline.ready")))
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	u, err := url.Parse(loc)
	if err != nil || u.Query().Get("from") == "" || u.Query().Get("to") == "" {
		t.Fatalf("Apply went to %s", loc)
	}
	var period struct {
		Total int `json:"total"`
	}
	getJSON(t, api+"/api/v1/timeline?limit=1&from="+u.Query().Get("from")+"&to="+u.Query().Get("to"), &period)
	if n := eval[int](t, b, `document.querySelectorAll('#events li.event').length`); n != min(period.Total, 100) || period.Total >= all.Total {
		t.Errorf("the period %s..%s lists %d events; the API has %d of %d", u.Query().Get("from"), u.Query().Get("to"), n, period.Total, all.Total)
	}
	if v := look(); v.Outside != 0 || v.From != u.Query().Get("from") {
		t.Errorf("the applied period: %+v", v)
	}

	// The type filter keeps one type of event, on the axis and in the list.
	typ := all.Types[0]
	b.do(t, "filter by type", chromedp.Navigate(b.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS("#timeline.ready")),
		chromedp.SetValue(chromedp.CSS(`#timeline-filters select[name="type"]`), typ),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`), chromedp.Click(chromedp.CSS("#timeline-filters button")),
		chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) #timeline.ready")))
	var ofType struct {
		Total int `json:"total"`
	}
	getJSON(t, api+"/api/v1/timeline?limit=1&type="+url.QueryEscape(typ), &ofType)
	badges := eval[[]string](t, b, `[...document.querySelectorAll('#events li.event > .badge:not(.mod)')].map((b) => b.textContent)`)
	for _, got := range badges {
		if got != typ {
			t.Errorf("filtered by %s, the list shows a %s", typ, got)
		}
	}
	if len(badges) != min(ofType.Total, 100) || eval[int](t, b, `Number(document.getElementById('timeline').dataset.shown)`) != ofType.Total {
		t.Errorf("type %s: %d listed, the API has %d", typ, len(badges), ofType.Total)
	}

	// A click on a dot lights its event in the list.
	b.do(t, "click a dot", chromedp.Evaluate[chromedp.Void](`document.querySelector('#timeline-axis circle.dot').dispatchEvent(new MouseEvent('click', {bubbles: true}))`))
	if n := eval[int](t, b, `document.querySelectorAll('#events li.lit').length`); n != 1 {
		t.Errorf("a click on a dot lit %d events", n)
	}
	b.clean(t)
}

// testPath checks the path page: names typed into the form are
// suggested, and the path it finds shows the evidence of every hop.
func testPath(t *testing.T, b *browser, api string) {
	// Two entities two links apart or more.
	var ents struct {
		Entities []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"entities"`
	}
	getJSON(t, api+"/api/v1/entities?limit=40", &ents)
	type hop struct {
		Claims []struct {
			Evidence struct {
				Text string `json:"text"`
			} `json:"evidence"`
		} `json:"claims"`
	}
	var from, to string
	var hops []hop
	for _, e := range ents.Entities {
		if strings.ContainsAny(e.Name, "<>") {
			continue
		}
		var n struct {
			Nodes []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"nodes"`
			Edges []struct {
				Source string `json:"source"`
				Target string `json:"target"`
			} `json:"edges"`
		}
		getJSON(t, api+"/api/v1/entities/"+e.ID+"/network?depth=2", &n)
		near := map[string]bool{e.ID: true}
		for _, ed := range n.Edges {
			if ed.Source == e.ID || ed.Target == e.ID {
				near[ed.Source], near[ed.Target] = true, true
			}
		}
		for _, o := range n.Nodes {
			if near[o.ID] || strings.ContainsAny(o.Name, "<>") {
				continue
			}
			var p struct {
				Found bool  `json:"found"`
				Hops  []hop `json:"hops"`
			}
			getJSON(t, api+"/api/v1/path?a="+e.ID+"&b="+o.ID, &p)
			if p.Found && len(p.Hops) >= 2 {
				from, to, hops = e.Name, o.ID, p.Hops
				break
			}
		}
		if from != "" {
			break
		}
	}
	if from == "" {
		t.Fatal("no two entities of the examples are two links apart")
	}
	b.do(t, "open the path page", chromedp.Navigate(b.base+"/path"), chromedp.WaitVisible(chromedp.CSS("#path-a")),
		chromedp.SendKeys(chromedp.CSS("#path-a"), from[:min(len(from), 5)]))
	// The suggestions come from the API as one types.
	b.do(t, "wait for suggestions", chromedp.Poll[chromedp.Void](`document.querySelectorAll('#entity-suggest option').length > 0`, chromedp.WithPollingTimeout(5*time.Second)))
	if !eval[bool](t, b, `[...document.querySelectorAll('#entity-suggest option')].some((o) => o.value === `+jsString(from)+` || o.label.includes(`+jsString(from)+`))`) {
		t.Errorf("typing %q does not suggest %q", from[:min(len(from), 5)], from)
	}
	b.do(t, "find the path", chromedp.SetValue(chromedp.CSS("#path-a"), from), chromedp.SetValue(chromedp.CSS("#path-b"), to),
		chromedp.Click(chromedp.CSS("#path-form button")), chromedp.WaitVisible(chromedp.CSS("#hops")))
	got := eval[[][]string](t, b, `[...document.querySelectorAll('#hops > li.hop')].map((li) => [...li.querySelectorAll('ul.evidence q')].map((q) => q.textContent))`)
	if len(got) != len(hops) {
		t.Fatalf("the page shows %d hops, the API %d", len(got), len(hops))
	}
	for i, h := range hops {
		if len(got[i]) != len(h.Claims) {
			t.Errorf("hop %d: %d sentences, the API has %d", i+1, len(got[i]), len(h.Claims))
			continue
		}
		for j, c := range h.Claims {
			if got[i][j] != c.Evidence.Text || len(got[i][j]) < 10 {
				t.Errorf("hop %d, claim %d: %q, want %q", i+1, j+1, got[i][j], c.Evidence.Text)
			}
		}
	}
	if n := eval[int](t, b, `document.querySelectorAll('#hops li.hop ul.evidence a[href^="/documents/sha256"]').length`); n < len(hops) {
		t.Errorf("%d links to the documents for %d hops", n, len(hops))
	}
	b.shoot(t, "path")
	b.clean(t)
}

// jsString quotes s for a script.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// testDecisions logs in with the write token on a writable server over
// st, merges two entities from a profile's form, undoes the merge from the
// decisions page, and checks that a form posted without its CSRF token is
// refused.
func testDecisions(t *testing.T, b *browser, st *sqlite.Store) {
	const token = "browser-test-token-0123456789"
	s := server.New(st, nil)
	if err := s.EnableWrites(token); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	ctx := context.Background()
	find := func(name string) string {
		t.Helper()
		e, _, err := resolve.Find(ctx, st, name)
		if err != nil {
			t.Fatalf("find %s: %v", name, err)
		}
		return e.Ref()
	}
	// Two people of the examples, neither of them the other; the second
	// named in several documents, so that the undo must take every one of
	// its members back out.
	var ents struct {
		Entities []struct {
			ID, Name, Type string
			Documents      int
		} `json:"entities"`
	}
	getJSON(t, srv.URL+"/api/v1/entities?limit=100", &ents)
	var a, other, otherName string
	for _, e := range ents.Entities {
		if e.Type != "PERSON" || strings.ContainsAny(e.Name, "<>") || find(e.Name) != e.ID {
			continue
		}
		if a == "" {
			a = e.ID
		} else if e.Documents >= 2 {
			other, otherName = e.ID, e.Name
			break
		}
	}
	if other == "" {
		t.Fatal("the examples have fewer than two people")
	}

	b.do(t, "open the decisions", chromedp.Navigate(srv.URL+"/decisions"), chromedp.WaitVisible(chromedp.CSS("#login-link")))
	b.do(t, "log in", chromedp.Click(chromedp.CSS("#login-link")), chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.SendKeys(chromedp.CSS("#who"), "Browser Test"),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`),
		chromedp.Submit(chromedp.CSS("#token")), chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) h1")))
	if loc, _ := chromedp.Run(b.ctx, chromedp.Location()); !strings.HasSuffix(loc, "/decisions") {
		t.Fatalf("the login led to %s", loc)
	}
	if main := eval[string](t, b, `document.querySelector('main').textContent`); !strings.Contains(main, "Recording as Browser Test") {
		t.Errorf("the decisions page does not say who is recording: %q", main[:min(len(main), 400)])
	}
	// The session cookie is out of reach of scripts.
	if c := eval[string](t, b, `document.cookie`); strings.Contains(c, "dossier_session") {
		t.Errorf("scripts can read the session cookie: %q", c)
	}
	b.clean(t)

	// A form without its CSRF token is refused, and changes nothing.
	before := eval[int](t, b, `document.querySelectorAll('#decisions tbody tr').length`)
	b.do(t, "open a profile", chromedp.Navigate(srv.URL+"/entities/"+a), chromedp.WaitVisible(chromedp.CSS("#merge-form")))
	b.do(t, "post a merge without its token", chromedp.Evaluate[chromedp.Void](`document.querySelector('#merge-form input[name="csrf"]').remove()`),
		chromedp.SendKeys(chromedp.CSS("#merge-other"), other), chromedp.SendKeys(chromedp.CSS("#merge-why"), "a test with no token"),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`),
		chromedp.Click(chromedp.CSS("#merge-button")), chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) footer")))
	if msg := eval[string](t, b, `document.querySelector('main').textContent`); !strings.Contains(msg, "security token is missing") {
		t.Errorf("a merge without the CSRF token: %q", strings.TrimSpace(msg))
	}
	if got := find(otherName); got != other {
		t.Fatalf("a merge without the CSRF token moved %s to %s", otherName, got)
	}
	// The refusal's 403 is the point here, not a page error.
	b.mu.Lock()
	b.logs = nil
	b.mu.Unlock()

	// The merge, as a user makes it.
	b.do(t, "merge", chromedp.Navigate(srv.URL+"/entities/"+a), chromedp.WaitVisible(chromedp.CSS("#merge-form")),
		chromedp.SendKeys(chromedp.CSS("#merge-other"), other), chromedp.SendKeys(chromedp.CSS("#merge-why"), "the same man, says the browser test"),
		chromedp.Click(chromedp.CSS("#merge-button")), chromedp.WaitVisible(chromedp.CSS("#done")))
	if got := find(otherName); got != a {
		t.Fatalf("after the merge %s is %s, want %s", otherName, got, a)
	}
	done := eval[string](t, b, `document.querySelector('#done a').getAttribute('href')`)
	if !strings.Contains(eval[string](t, b, `document.getElementById('names') ? document.getElementById('names').textContent : ''`), otherName) {
		t.Errorf("the merged profile does not list %q among its names", otherName)
	}
	b.do(t, "review the decision", chromedp.Click(chromedp.CSS("#done a")), chromedp.WaitVisible(chromedp.CSS("#decisions tr.done")))
	if n := eval[int](t, b, `document.querySelectorAll('#decisions tbody tr').length`); n != before+1 {
		t.Errorf("%d decisions listed after the merge, %d before", n, before)
	}
	row := eval[string](t, b, `document.querySelector('#decisions tr.done').textContent`)
	if !strings.Contains(row, "merge") || !strings.Contains(row, "the same man, says the browser test") || !strings.Contains(row, "Browser Test") {
		t.Errorf("the decision (%s) reads %q", done, row)
	}
	b.shoot(t, "decisions")
	// The old page is marked, so that the wait is for the new one.
	b.do(t, "undo", chromedp.Evaluate[chromedp.Void](`document.body.dataset.old = '1'`),
		chromedp.Click(chromedp.CSS("#decisions tr.done button.undo")), chromedp.WaitVisible(chromedp.CSS("body:not([data-old]) #show-all")))
	ds, err := st.Decisions(ctx, true)
	if err != nil || len(ds) == 0 || ds[len(ds)-1].Active() || len(ds[len(ds)-1].Moved) == 0 {
		t.Fatalf("the merge is not undone: %v %+v", err, ds)
	}
	for _, ref := range ds[len(ds)-1].Moved {
		if id, err := st.MemberOf(ctx, ref); err != nil || store.EntityID(id) == a {
			t.Errorf("after the undo %s is in %s (%v)", ref, store.EntityID(id), err)
		}
	}
	if got := find(otherName); got == a {
		t.Errorf("after the undo %s is still found as %s", otherName, a)
	}
	b.do(t, "show undone decisions", chromedp.Click(chromedp.CSS("#show-all")), chromedp.WaitVisible(chromedp.CSS("#decisions tr.undone")))
	if n := eval[int](t, b, `document.querySelectorAll('#decisions tr.undone').length`); n == 0 {
		t.Error("the undone merge is not listed as undone")
	}
	b.clean(t)
}
