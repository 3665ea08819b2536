package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dossier-osint/dossier"
)

// validAgainst checks body against schema name of the OpenAPI document.
func validAgainst(t *testing.T, name, body string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := openAPISchema(t, name).Validate(inst); err != nil {
		t.Errorf("response does not match %s: %v\n%s", name, err, body)
	}
}

// listing gets u, which must answer 200 with a body that matches schema,
// and decodes it.
func listing[T any](t *testing.T, u, schema string) (T, string) {
	t.Helper()
	resp, body := get(t, u)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
	}
	validAgainst(t, schema, body)
	return decode[T](t, body), body
}

// eventsWhen lists events as "date type".
func eventsWhen(events []timelineEvent) string {
	var w []string
	for _, e := range events {
		w = append(w, e.When+" "+e.Type)
	}
	return strings.Join(w, ", ")
}

// wantStatus checks that each query of u answers code with an error that
// names the parameter at fault.
func wantStatus(t *testing.T, u string, code int, queries map[string]string) {
	t.Helper()
	for q, says := range queries {
		resp, body := get(t, u+q)
		if resp.StatusCode != code || !strings.Contains(body, says) {
			t.Errorf("%s: %d %s, want %d saying %q", q, resp.StatusCode, body, code, says)
		}
		validAgainst(t, "Error", body)
	}
}

func TestClaimsAPI(t *testing.T) {
	f := newGraphFixture(t)
	u := f.srv.URL + "/api/v1/claims"
	rauf, jaish := globalID(t, f.st, "Abdul Rauf"), globalID(t, f.st, "Jaish")
	list := func(query string) claimList {
		t.Helper()
		l, _ := listing[claimList](t, u+query, "ClaimList")
		return l
	}
	says := func(l claimList) string {
		var s []string
		for _, c := range l.Claims {
			o := ""
			if c.Object != nil {
				o = c.Object.Name
			}
			s = append(s, c.Subject.Name+" "+c.Predicate+" "+o)
		}
		return strings.Join(s, ", ")
	}

	all := list("")
	if all.Total != 3 || len(all.Claims) != 3 || all.NextOffset != nil || all.Truncated {
		t.Fatalf("every claim: %+v", all)
	}
	// The most corroborated first: two reports assert it, one denies it.
	lead := all.Claims[0]
	if lead.Kind != "relation" || lead.Predicate != "leader_of" || lead.Subject.ID != rauf || lead.Object == nil || lead.Object.ID != jaish ||
		lead.Corroboration != 2 || lead.Denials != 1 || len(lead.Sources) != 3 {
		t.Fatalf("the leadership claim: %+v", lead)
	}
	attributions := map[string]bool{}
	for _, s := range lead.Sources {
		if s.Doc == "" || s.Title == "" || !strings.Contains(s.Evidence.Text, "Rauf") || len(s.Kinds) != 1 || len(s.Modality) != 1 {
			t.Errorf("a source without its evidence, document or attribution: %+v", s)
		}
		attributions[s.Attribution] = true
	}
	if !attributions["police said"] || !attributions["The Jaish said"] || !attributions["sources revealed"] {
		t.Errorf("the sources' attributions: %v", attributions)
	}

	for _, tt := range []struct {
		query, want   string
		corroboration int
	}{
		{"?min_corroboration=2", "Abdul Rauf leader_of Jaish", 2},
		{"?min_corroboration=3", "", 0},
		{"?type=leader_of&attribution=anonymous", "Abdul Rauf leader_of Jaish", 1},
		{"?type=leader_of,met_with&attribution=organisation&min_corroboration=1", "Abdul Rauf leader_of Jaish, Abdul Rauf met_with Imran Lone", 1},
		{"?type=met_with&type=leader_of&modality=negated", "Abdul Rauf leader_of Jaish", 0},
		{"?entity=Imran+Lone", "Abdul Rauf met_with Imran Lone", 1},
		{"?entity=" + jaish + "&modality=hedged,asserted", "Abdul Rauf leader_of Jaish", 2},
		{"?from=2026-04-23&to=2026-04-23&type=leader_of", "Abdul Rauf leader_of Jaish", 1},
		{"?from=2026-04-24", "Abdul Rauf leader_of Jaish", 0},
		{"?to=2026-03", "", 0},
		{"?kind=event", "", 0},
	} {
		t.Run(tt.query, func(t *testing.T) {
			l := list(tt.query)
			if got := says(l); got != tt.want {
				t.Errorf("claims %q, want %q", got, tt.want)
			}
			if l.Total != len(l.Claims) || len(l.Claims) > 0 && l.Claims[0].Corroboration != tt.corroboration {
				t.Errorf("total %d, claims %+v", l.Total, l.Claims)
			}
		})
	}
	if l := list("?entity=Imran+Lone"); l.Entity == nil || l.Entity.Name != "Imran Lone" {
		t.Errorf("the entity is not named: %+v", l.Entity)
	}

	// Paging.
	p1, p2, p3 := list("?limit=1"), list("?limit=1&offset=1"), list("?limit=2&offset=2")
	if p1.Total != 3 || len(p1.Claims) != 1 || p1.NextOffset == nil || *p1.NextOffset != 1 || says(p1) != says(all)[:len(says(p1))] {
		t.Errorf("first page: %+v", p1)
	}
	if len(p2.Claims) != 1 || p2.NextOffset == nil || *p2.NextOffset != 2 || says(p2) == says(p1) {
		t.Errorf("second page: %+v", p2)
	}
	if len(p3.Claims) != 1 || p3.NextOffset != nil {
		t.Errorf("last page: %+v", p3)
	}
	if l := list("?offset=50"); len(l.Claims) != 0 || l.Total != 3 || l.NextOffset != nil {
		t.Errorf("past the end: %+v", l)
	}

	wantStatus(t, u, 400, map[string]string{
		"?limit=0":                             "limit",
		"?limit=101":                           "from 1 to 100",
		"?offset=-1":                           "offset",
		"?min_corroboration=-1":                "min_corroboration",
		"?min_corroboration=two":               "min_corroboration",
		"?min_corroboration=10000":             "min_corroboration",
		"?from=April":                          "from, to",
		"?to=2026-4":                           "from, to",
		"?modality=certain":                    "modality",
		"?attribution=rumour":                  "attribution",
		"?kind=quote":                          "kind",
		"?type=" + url.QueryEscape("<b>x</b>"): "type",
	})
	wantStatus(t, u, 404, map[string]string{"?entity=Nobody+Atall": "not found"})

	// Event roles are claims too.
	g := chronicleFixture(t)
	l, body := listing[claimList](t, g.srv.URL+"/api/v1/claims?kind=event&type=meeting", "ClaimList")
	if l.Total != 2 {
		t.Fatalf("the meeting's roles: %s", body)
	}
	for _, c := range l.Claims {
		if c.Kind != "event" || c.Role != "participant" || c.Place == nil || c.Place.Name != "Sopore" || c.Date != "2026-04-02" {
			t.Errorf("a role in the meeting: %+v", c)
		}
	}
}

func TestEventsAPI(t *testing.T) {
	f := chronicleFixture(t)
	u := f.srv.URL + "/api/v1/events"
	list := func(query string) eventList {
		t.Helper()
		l, _ := listing[eventList](t, u+query, "EventList")
		return l
	}
	for _, tt := range []struct {
		query, want string
		total       int
		next        bool
	}{
		{"", "2026-04-02 meeting, 2026-04-28 arrest, 2026-05-03 statement", 3, false},
		{"?place=Sopore", "2026-04-02 meeting", 1, false},
		{"?place=Kupwara&type=arrest", "2026-04-28 arrest", 1, false},
		{"?entity=Javed+Lone", "2026-04-02 meeting, 2026-05-03 statement", 2, false},
		{"?entity=Javed+Lone&place=Sopore", "2026-04-02 meeting", 1, false},
		{"?entity=Javed+Lone&place=Kupwara", "", 0, false},
		{"?type=arrest,statement&from=2026-04-10", "2026-04-28 arrest, 2026-05-03 statement", 2, false},
		{"?from=2026-04&to=2026-04", "2026-04-02 meeting, 2026-04-28 arrest", 2, false},
		{"?attribution=organisation", "2026-04-28 arrest", 1, false},
		{"?limit=2", "2026-04-02 meeting, 2026-04-28 arrest", 3, true},
		{"?limit=2&offset=2", "2026-05-03 statement", 3, false},
		{"?offset=9", "", 3, false},
	} {
		t.Run(tt.query, func(t *testing.T) {
			l := list(tt.query)
			if got := eventsWhen(l.Events); got != tt.want {
				t.Errorf("events %q, want %q", got, tt.want)
			}
			if l.Total != tt.total || (l.NextOffset != nil) != tt.next {
				t.Errorf("total %d, next %v", l.Total, l.NextOffset)
			}
		})
	}
	l := list("?place=Kupwara")
	if l.Place == nil || l.Place.Name != "Kupwara" || len(l.Events) != 1 {
		t.Fatalf("the events at Kupwara: %+v", l)
	}
	ev := l.Events[0]
	if ev.Event != "v1" || ev.AttributionKind != dossier.Organisation || ev.AttributionText != "the army said" || ev.Title == "" ||
		len(ev.Roles) != 1 || ev.Roles[0].Entity.Name != "Bilal Rather" || !strings.HasPrefix(ev.Evidence.Text, "Soldiers arrested") {
		t.Errorf("the arrest: %+v", ev)
	}
	wantStatus(t, u, 400, map[string]string{
		"?limit=501":          "limit",
		"?from=May":           "from, to",
		"?modality=certain":   "modality",
		"?attribution=rumour": "attribution",
	})
	wantStatus(t, u, 404, map[string]string{"?place=Nowhere+Atall": "not found", "?entity=Nobody+Atall": "not found"})
}

func TestQuotesAPI(t *testing.T) {
	f := newGraphFixture(t)
	u := f.srv.URL + "/api/v1/quotes"
	rauf := globalID(t, f.st, "Abdul Rauf")
	list := func(query string) (quoteList, string) {
		t.Helper()
		return listing[quoteList](t, u+query, "QuoteList")
	}
	texts := func(l quoteList) string {
		var s []string
		for _, q := range l.Quotes {
			s = append(s, q.Text)
		}
		return strings.Join(s, " | ")
	}

	all, body := list("")
	if len(all.Quotes) != 3 || all.NextOffset != nil {
		t.Fatalf("every quote: %s", body)
	}
	// The hostile article's quote is data: JSON escapes its markup.
	if strings.Contains(body, "<script>") || strings.Contains(body, "<a href") {
		t.Error("the quotes' markup is not escaped")
	}
	var kumar *listedQuote
	for i, q := range all.Quotes {
		if q.Doc == "" || q.Title == "" || q.Speaker == nil || q.End <= q.Start {
			t.Errorf("a quote without its document or speaker: %+v", q)
		}
		if q.Text == "We will find them," {
			kumar = &all.Quotes[i]
		}
	}
	if kumar == nil || kumar.Cue != "told" || kumar.Speaker.Name != "Vijay Kumar" || kumar.Speaker.Entity == nil ||
		kumar.Recipient == nil || kumar.Recipient.Name != "FNA" || kumar.Recipient.Type != dossier.Org || kumar.Doc != f.report.ID || kumar.Published != "2026-04-21" {
		t.Errorf("the inspector's quote: %+v", kumar)
	}

	for _, tt := range []struct{ query, want string }{
		{"?speaker=Abdul+Rauf", "We are ready for talks,"},
		{"?speaker=" + rauf, "We are ready for talks,"},
		{"?speaker=Jaish", ""},
		{"?doc=" + url.QueryEscape(f.report.ID), "We will find them,"},
		{"?speaker=Abdul+Rauf&doc=" + url.QueryEscape(f.report.ID), ""},
	} {
		t.Run(tt.query, func(t *testing.T) {
			if l, _ := list(tt.query); texts(l) != tt.want {
				t.Errorf("quotes %q, want %q", texts(l), tt.want)
			}
		})
	}
	if l, _ := list("?speaker=Abdul+Rauf"); l.Speaker == nil || l.Speaker.ID != rauf || l.Quotes[0].Speaker.Entity.ID != rauf {
		t.Errorf("Abdul Rauf's quotes: %+v", l)
	}

	// Paging: the pages are the whole list, in order.
	var paged []string
	for off, more := 0, true; more; {
		l, _ := list("?limit=2&offset=" + itoa(off))
		paged = append(paged, texts(l))
		more = l.NextOffset != nil
		if more {
			off = *l.NextOffset
		}
		if len(paged) > 3 {
			t.Fatal("paging does not end")
		}
	}
	if strings.Join(paged, " | ") != texts(all) || len(paged) != 2 {
		t.Errorf("pages %q, want %q", paged, texts(all))
	}

	wantStatus(t, u, 400, map[string]string{"?limit=0": "limit", "?limit=501": "limit", "?offset=x": "offset",
		"?doc=" + strings.Repeat("a", 200): "doc"})
	wantStatus(t, u, 404, map[string]string{"?speaker=Nobody+Atall": "not found", "?doc=sha256:00": "not found"})
}
