package muc

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/nlp"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The Popular Front", "popular front"},
		{"  a   car bomb ", "car bomb"},
		{"AN EXPLOSIVE DEVICE", "explosive device"},
		{"the", "the"},
		{"theatre guards", "theatre guards"},
		{`the "el dorado" hotel`, `"el dorado" hotel`},
		{"", ""},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScoreMatching(t *testing.T) {
	gold := Roles{
		"PerpInd": {{"gunmen", "armed men"}, {"urban commandos"}},
		"PerpOrg": {{"popular front", "pf"}},
		"Target":  {{"police station"}},
		"Victim":  {},
		"Weapon":  {{"car bomb"}},
	}
	for _, tc := range []struct {
		name              string
		pred              map[string][]string
		pred0, gold0, hit map[string]int
	}{
		{
			name: "alternatives match, each gold entity once",
			pred: map[string][]string{
				"PerpInd": {"Gunmen", "the armed men", "urban commandos"},
				"PerpOrg": {"PF"},
				"Weapon":  {"a car bomb", "A CAR BOMB"},
			},
			pred0: map[string]int{"PerpInd": 3, "PerpOrg": 1, "Weapon": 1},
			hit:   map[string]int{"PerpInd": 2, "PerpOrg": 1, "Weapon": 1},
		},
		{
			name:  "wrong role does not match",
			pred:  map[string][]string{"Target": {"gunmen"}, "Victim": {"police station"}},
			pred0: map[string]int{"Target": 1, "Victim": 1},
			hit:   map[string]int{},
		},
		{
			name:  "partial string does not match",
			pred:  map[string][]string{"Target": {"station"}},
			pred0: map[string]int{"Target": 1},
			hit:   map[string]int{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScore()
			s.Add(tc.pred, gold)
			for _, r := range RoleNames {
				c := s.Roles[r]
				if c.Pred != tc.pred0[r] || c.Match != tc.hit[r] || c.Gold != len(gold[r]) {
					t.Errorf("%s: pred/gold/match = %d/%d/%d, want %d/%d/%d", r, c.Pred, c.Gold, c.Match, tc.pred0[r], len(gold[r]), tc.hit[r])
				}
			}
		})
	}
}

func TestScoreMaximumMatching(t *testing.T) {
	// "guards" fits both entities; a greedy matcher giving it to the first
	// would leave "night guards" unmatched.
	gold := Roles{"Victim": {{"guards", "night guards"}, {"guards", "bank guards"}}}
	s := NewScore()
	s.Add(map[string][]string{"Victim": {"guards", "night guards"}}, gold)
	if got := s.Roles["Victim"].Match; got != 2 {
		t.Errorf("matches = %d, want 2", got)
	}
}

func TestScoreMicroAndFalseAlarms(t *testing.T) {
	s := NewScore()
	s.Add(map[string][]string{"PerpInd": {"rebels"}}, Roles{"PerpInd": {{"rebels"}}, "Target": {{"bridge"}}})
	s.Add(map[string][]string{"Weapon": {"grenade"}}, Roles{})
	s.Add(nil, Roles{})
	m := s.Micro()
	if m.Pred != 2 || m.Gold != 2 || m.Match != 1 {
		t.Fatalf("micro = %+v", m)
	}
	if math.Abs(m.F1()-0.5) > 1e-9 {
		t.Errorf("F1 = %v, want 0.5", m.F1())
	}
	if s.NoIncident != 2 || s.FalseAlarms != 1 || s.FalseAlarmRate() != 0.5 {
		t.Errorf("no incident %d, false alarms %d", s.NoIncident, s.FalseAlarms)
	}
	var b strings.Builder
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PerpInd", "micro", "50.00", "false alarms 1 (50.0%)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestParseDateline(t *testing.T) {
	for _, tc := range []struct {
		in, place, agency, date string
		ok                      bool
	}{
		{"PORTO VERDE, 14 MAR 89 (RADIO SUR)", "PORTO VERDE", "RADIO SUR", "1989-03-14", true},
		{"SAN ISIDRO, 2 JAN 90 -- (WIRE)", "SAN ISIDRO", "WIRE", "1990-01-02", true},
		{"CAPITAL CITY, 30 DEC 88", "CAPITAL CITY", "", "1988-12-30", true},
		{"NO DATE HERE", "", "", "", false},
	} {
		dl, ok := ParseDateline(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseDateline(%q) ok = %v", tc.in, ok)
			continue
		}
		if !ok {
			continue
		}
		if dl.Place != tc.place || dl.Agency != tc.agency || dl.Date.Format(time.DateOnly) != tc.date {
			t.Errorf("ParseDateline(%q) = %+v, want %s %s %s", tc.in, dl, tc.place, tc.agency, tc.date)
		}
	}
}

func TestRead(t *testing.T) {
	in := `{"docid": "T-1", "dateline": "X, 1 FEB 90", "text": "rebels burned a bus.", "text_upper": "REBELS BURNED A BUS.", "templates": [{"incident_type": "arson", "roles": {"PerpInd": [["rebels"]], "Target": [["bus"]]}}], "roles": {"PerpInd": [["rebels"]], "PerpOrg": [], "Target": [["bus"]], "Victim": [], "Weapon": []}}

{"docid": "T-2", "dateline": "X, 2 FEB 90", "text": "the talks went on.", "text_mixed_case": "The talks went on.", "templates": [], "roles": {}}
`
	docs, err := Read(strings.NewReader(in), "test.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || !docs[0].HasIncident() || docs[1].HasIncident() {
		t.Fatalf("docs = %+v", docs)
	}
	if docs[0].Input() != "REBELS BURNED A BUS." || docs[1].Input() != "The talks went on." {
		t.Errorf("inputs %q, %q", docs[0].Input(), docs[1].Input())
	}
	if got := docs[0].Roles["Target"]; len(got) != 1 || got[0][0] != "bus" {
		t.Errorf("roles = %v", docs[0].Roles)
	}
	for _, bad := range []string{`{"docid": "T-3", "text": 5}`, `{"text": "no id"}`} {
		if _, err := Read(strings.NewReader(bad), "bad.jsonl"); err == nil || !strings.Contains(err.Error(), "bad.jsonl line 1") {
			t.Errorf("Read(%s) error = %v", bad, err)
		}
	}
}

func TestMapEvents(t *testing.T) {
	text := "The Red Hand Front said its men shot the mayor and Elena Ruiz with rifles and burned the town hall."
	d := nlp.Annotate(text, time.Time{})
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	role := func(name, s, ent string) dossier.Role {
		a, b := span(s)
		return dossier.Role{Role: name, Text: s, Start: a, End: b, Entity: ent}
	}
	ents := []dossier.Entity{{ID: "e1", Type: dossier.Org, Name: "Red Hand Front"}, {ID: "e2", Type: dossier.Person, Name: "Elena Ruiz"}}
	evs := []dossier.EventRecord{
		{Type: events.Attack, Roles: []dossier.Role{
			role(events.Perpetrator, "Red Hand Front", "e1"),
			role(events.Perpetrator, "its men", ""),
			role(events.Victim, "the mayor", ""),
			role(events.Victim, "Elena Ruiz", "e2"),
			role(events.Weapon, "rifles", ""),
			role(events.Target, "the town hall", ""),
		}},
		{Type: events.Statement, Roles: []dossier.Role{role(events.Speaker, "Red Hand Front", "e1")}},
	}
	org := func(s string, t dossier.EntityType) bool { return t == dossier.Org }
	got := MapEvents(evs, ents, d, org)
	want := map[string][]string{
		"PerpOrg": {"Red Hand Front"}, "PerpInd": {"its men"}, "Victim": {"Elena Ruiz"},
		"Weapon": {"rifles"}, "Target": {"the town hall"},
	}
	for _, r := range RoleNames {
		if strings.Join(got[r], "|") != strings.Join(want[r], "|") {
			t.Errorf("%s = %q, want %q", r, got[r], want[r])
		}
	}
}

func TestMapEventsVictimFullName(t *testing.T) {
	// The resolver kept "Ruiz" apart from "Elena Maria Ruiz"; the victim is
	// scored by the full name all the same. "Tomas Vega Lind", whose entity
	// knows only "Lind", keeps the name the role gives.
	text := "Gunmen shot Elena Maria Ruiz on Monday. Ruiz died later. Tomas Vega Lind was wounded."
	d := nlp.Annotate(text, time.Time{})
	at := func(s string, n int) (int, int) {
		i := -1
		for range n {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return i, i + len(s)
	}
	a, b := at("Ruiz", 2)
	c, e := at("Tomas Vega Lind", 1)
	f, g := at("Elena Maria Ruiz", 1)
	ents := []dossier.Entity{
		{ID: "e1", Type: dossier.Person, Name: "Elena Maria Ruiz", Mentions: []dossier.Mention{{Start: f, End: g, Text: "Elena Maria Ruiz"}}},
		{ID: "e2", Type: dossier.Person, Name: "Ruiz", Mentions: []dossier.Mention{{Start: a, End: b, Text: "Ruiz"}}},
		{ID: "e3", Type: dossier.Person, Name: "Lind", Mentions: []dossier.Mention{{Start: c + 11, End: e, Text: "Lind"}}},
	}
	evs := []dossier.EventRecord{{Type: events.Attack, Roles: []dossier.Role{
		{Role: events.Victim, Text: "Ruiz", Start: a, End: b, Entity: "e2"},
		{Role: events.Victim, Text: "Tomas Vega Lind", Start: c, End: e, Entity: "e3"},
	}}}
	got := MapEvents(evs, ents, d, func(string, dossier.EntityType) bool { return false })
	if want := "Elena Maria Ruiz|Tomas Vega Lind"; strings.Join(got["Victim"], "|") != want {
		t.Errorf("Victim = %q, want %q", got["Victim"], want)
	}
}

func TestDropPartNames(t *testing.T) {
	got := dropPartNames([]string{"Marta Elena Ruiz", "Marta Elena", "Ruiz Torres", "Pedro Alba"})
	want := []string{"Marta Elena Ruiz", "Ruiz Torres", "Pedro Alba"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("dropPartNames = %q, want %q", got, want)
	}
}
