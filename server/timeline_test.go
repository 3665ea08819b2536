package server

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/resolve"
)

// chronicleText is an invented report with three events that name their
// participants: two dated, one the report gives no date to.
const chronicleText = `KUPWARA, May 3 (FNA) — Soldiers arrested Bilal Rather in Kupwara on April 28, the army said. ` +
	`Rather had met Javed Lone in Sopore on April 2, police said. ` +
	`Lone later denied that he knew Rather <script>window.__xss=30</script>.`

func chronicleExtraction(t *testing.T, d *dossier.Document) *dossier.Extraction {
	tx := d.Text
	ex := dossier.NewExtraction(d, "test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.GPE, Name: "Kupwara", Mentions: []dossier.Mention{mention(t, tx, "KUPWARA")}},
		{ID: "e2", Type: dossier.Person, Name: "Bilal Rather", Mentions: []dossier.Mention{mention(t, tx, "Bilal Rather")}},
		{ID: "e3", Type: dossier.Person, Name: "Javed Lone", Mentions: []dossier.Mention{mention(t, tx, "Javed Lone")}},
		{ID: "e4", Type: dossier.GPE, Name: "Sopore", Mentions: []dossier.Mention{mention(t, tx, "Sopore")}},
		{ID: "e5", Type: dossier.Org, Name: "army", Mentions: []dossier.Mention{mention(t, tx, "army")}},
	}
	ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: dossier.Organisation, Source: "e5", Text: "the army said"}}
	ex.Events = []dossier.EventRecord{
		{ID: "v1", Type: "arrest", Trigger: evidence(t, tx, "arrested"), Date: &dossier.Date{Text: "April 28", Value: "2026-04-28"}, Place: "e1",
			Roles: []dossier.Role{{Role: "arrested", Entity: "e2"}, {Role: "place", Entity: "e1"}}, Modality: dossier.Asserted, Attribution: "a1",
			Evidence: evidence(t, tx, "Soldiers arrested Bilal Rather in Kupwara on April 28, the army said.")},
		{ID: "v2", Type: "meeting", Trigger: evidence(t, tx, "met"), Date: &dossier.Date{Text: "April 2", Value: "2026-04-02"}, Place: "e4",
			Roles: []dossier.Role{{Role: "participant", Entity: "e2"}, {Role: "participant", Entity: "e3"}}, Modality: dossier.Reported,
			Evidence: evidence(t, tx, "Rather had met Javed Lone in Sopore on April 2, police said.")},
		{ID: "v3", Type: "statement", Trigger: evidence(t, tx, "denied"), Roles: []dossier.Role{{Role: "speaker", Entity: "e3"}}, Modality: dossier.Negated,
			Evidence: evidence(t, tx, "Lone later denied that he knew Rather <script>window.__xss=30</script>.")},
	}
	ex.Relations = []dossier.Relation{{Type: "met_with", Subject: "e2", Object: "e3", Modality: dossier.Reported,
		Evidence: evidence(t, tx, "Rather had met Javed Lone in Sopore on April 2, police said.")}}
	return ex
}

// chronicleFixture is the usual fixture plus the chronicle.
func chronicleFixture(t *testing.T) *fixture {
	f := newFixture(t)
	d := &dossier.Document{Title: "Army arrests Bilal Rather <b>in Kupwara</b>", Text: chronicleText, Outlet: "FNA",
		Published: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC), Ingested: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)}
	putDoc(t, f.st, d, chronicleExtraction)
	if _, err := resolve.Run(context.Background(), f.st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	return f
}

// validTimeline checks body against the OpenAPI schema of the timeline.
func validTimeline(t *testing.T, body string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := openAPISchema(t, "EventTimeline").Validate(inst); err != nil {
		t.Errorf("the timeline does not match its schema: %v\n%s", err, body)
	}
}

func TestEventTimeline(t *testing.T) {
	f := chronicleFixture(t)
	u := f.srv.URL + "/api/v1/timeline"
	for _, tt := range []struct {
		query, want string
		total       int
		first, last string
		types       string
		next        bool
	}{
		{"", "2026-04-02 meeting, 2026-04-28 arrest, 2026-05-03 statement", 3, "2026-04-02", "2026-05-03", "arrest meeting statement", false},
		{"?from=2026-04-10&to=2026-04", "2026-04-28 arrest", 1, "2026-04-02", "2026-05-03", "arrest meeting statement", false},
		{"?type=meeting,statement", "2026-04-02 meeting, 2026-05-03 statement", 2, "2026-04-02", "2026-05-03", "arrest meeting statement", false},
		{"?modality=negated", "2026-05-03 statement", 1, "2026-05-03", "2026-05-03", "statement", false},
		{"?entity=Javed+Lone", "2026-04-02 meeting, 2026-05-03 statement", 2, "2026-04-02", "2026-05-03", "meeting statement", false},
		{"?limit=1&offset=1", "2026-04-28 arrest", 3, "2026-04-02", "2026-05-03", "arrest meeting statement", true},
		{"?from=2027", "", 0, "2026-04-02", "2026-05-03", "arrest meeting statement", false},
	} {
		t.Run(tt.query, func(t *testing.T) {
			resp, body := get(t, u+tt.query)
			if resp.StatusCode != 200 {
				t.Fatalf("%d: %s", resp.StatusCode, body)
			}
			validTimeline(t, body)
			tl := decode[eventTimeline](t, body)
			if got := eventsWhen(tl.Events); got != tt.want {
				t.Errorf("events %q, want %q", got, tt.want)
			}
			if tl.Total != tt.total || tl.First != tt.first || tl.Last != tt.last || strings.Join(tl.Types, " ") != tt.types || (tl.NextOffset != nil) != tt.next {
				t.Errorf("total %d, span %s..%s, types %v, next %v", tl.Total, tl.First, tl.Last, tl.Types, tl.NextOffset)
			}
		})
	}
	_, body := get(t, u+"?entity=Javed+Lone&type=meeting")
	tl := decode[eventTimeline](t, body)
	if tl.Entity == nil || tl.Entity.Name != "Javed Lone" || len(tl.Events) != 1 {
		t.Fatalf("Javed Lone's meetings: %s", body)
	}
	ev := tl.Events[0]
	var roles []string
	for _, r := range ev.Roles {
		roles = append(roles, r.Role+":"+r.Entity.Name)
	}
	// The entity's events carry every participant, not only the entity.
	if strings.Join(roles, " ") != "participant:Bilal Rather participant:Javed Lone" || ev.Place == nil || ev.Place.Name != "Sopore" ||
		!ev.Dated || ev.Modality != dossier.Reported || !strings.HasPrefix(ev.Evidence.Text, "Rather had met") || ev.Title == "" {
		t.Errorf("the meeting: %+v", ev)
	}
	for _, q := range []string{"?from=April", "?to=2026-4-1", "?modality=certain", "?limit=0"} {
		if resp, body := get(t, u+q); resp.StatusCode != 400 {
			t.Errorf("%s: %d %s", q, resp.StatusCode, body)
		}
	}
	if resp, _ := get(t, u+"?entity=Nobody+Atall"); resp.StatusCode != 404 {
		t.Errorf("an unknown entity: %d", resp.StatusCode)
	}
}

func TestTimelineAndPathPages(t *testing.T) {
	f := chronicleFixture(t)
	resp, body := get(t, f.srv.URL+"/timeline")
	if resp.StatusCode != 200 {
		t.Fatalf("timeline: %d", resp.StatusCode)
	}
	for _, want := range []string{`id="timeline"`, `data-first="2026-04-02"`, `data-last="2026-05-03"`, `src="/static/dist/timeline.js"`,
		"Soldiers arrested Bilal Rather", "3 events", `<option value="arrest">arrest</option>`,
		"&lt;script&gt;window.__xss=30&lt;/script&gt;", "Army arrests Bilal Rather &lt;b&gt;in Kupwara&lt;/b&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("the timeline page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>window") || strings.Contains(body, "<b>in Kupwara") {
		t.Error("the timeline page carries the article's markup")
	}
	_, body = get(t, f.srv.URL+"/timeline?entity=Javed+Lone&type=statement")
	if !strings.Contains(body, "Timeline of <a") || !strings.Contains(body, "1 event ") || strings.Contains(body, "Soldiers arrested") {
		t.Errorf("Javed Lone's statements:\n%s", body)
	}
	_, body = get(t, f.srv.URL+"/timeline?from=2030")
	if !strings.Contains(body, `id="no-events"`) {
		t.Error("an empty period does not say so")
	}

	resp, body = get(t, f.srv.URL+"/path?a="+url.QueryEscape("Bilal Rather")+"&b="+url.QueryEscape("Javed Lone"))
	if resp.StatusCode != 200 || !strings.Contains(body, `id="hops"`) || !strings.Contains(body, "Rather had met Javed Lone in Sopore on April 2, police said.") {
		t.Errorf("path: %d\n%s", resp.StatusCode, body)
	}
	for q, code := range map[string]int{"?a=Bilal+Rather&b=Nobody+Atall": 404, "?a=Bilal+Rather": 200, "": 200} {
		if resp, _ := get(t, f.srv.URL+"/path"+q); resp.StatusCode != code {
			t.Errorf("path%s: %d, want %d", q, resp.StatusCode, code)
		}
	}
	_, body = get(t, f.srv.URL+"/path?a=Bilal+Rather&b=Anantnag")
	if !strings.Contains(body, `id="no-path"`) {
		t.Error("no path is not said")
	}
}
