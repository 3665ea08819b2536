package events_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/extract"
	"github.com/dossier-osint/dossier/nlp"
)

// report is an invented wire report of an ambush, written for this test.
const report = `Gunmen kill three policemen in Tarvana ambush

PUERTO LINDO, March 3 (Coastal Wire) — Gunmen ambushed a police patrol on the road to Tarvana on Monday, killing three policemen and wounding two others, the interior ministry said.

The Popular Revolutionary Front claimed responsibility for the attack in a statement read on a local radio station. Witnesses said the attackers fired rifles from a hillside and set off a car bomb as a second patrol arrived.

Two of the dead were identified as Sergeant Mateo Ibarra and Constable Luis Pardo.`

var published = time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)

func extractAll(t *testing.T, text string) ([]dossier.EventRecord, map[string]dossier.Entity) {
	t.Helper()
	d := nlp.Annotate(text, published)
	ents := extract.Entities(d)
	byID := map[string]dossier.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	evs := events.Extract(d, ents)
	checkOffsets(t, text, evs, byID)
	return evs, byID
}

// checkOffsets checks what every event must satisfy: ids in order, spans
// that point at their text, entities that exist.
func checkOffsets(t *testing.T, text string, evs []dossier.EventRecord, ents map[string]dossier.Entity) {
	t.Helper()
	for i, e := range evs {
		if want := "v" + itoa(i+1); e.ID != want {
			t.Errorf("event %d id %q, want %q", i, e.ID, want)
		}
		for _, ev := range []dossier.Evidence{e.Trigger, e.Evidence} {
			if !(dossier.Span{Start: ev.Start, End: ev.End}).Valid(len(text)) || text[ev.Start:ev.End] != ev.Text {
				t.Errorf("%s: evidence %+v does not match the text", e.ID, ev)
			}
		}
		if e.Trigger.Start < e.Evidence.Start || e.Trigger.End > e.Evidence.End {
			t.Errorf("%s: trigger %+v outside its evidence", e.ID, e.Trigger)
		}
		if e.Place != "" {
			if _, ok := ents[e.Place]; !ok {
				t.Errorf("%s: place %q is no entity", e.ID, e.Place)
			}
		}
		for _, r := range e.Roles {
			if r.End <= r.Start || text[r.Start:r.End] != r.Text {
				t.Errorf("%s: role %+v does not match the text", e.ID, r)
			}
			if r.Entity != "" {
				if _, ok := ents[r.Entity]; !ok {
					t.Errorf("%s: role entity %q is no entity", e.ID, r.Entity)
				}
			}
		}
	}
}

func itoa(n int) string {
	return strings.TrimLeft(strings.Repeat("0", 0)+string(rune('0'+n/10))+string(rune('0'+n%10)), "0")
}

// fillers returns the texts filling role in e, and the names of the
// entities among them.
func fillers(e dossier.EventRecord, role string, ents map[string]dossier.Entity) []string {
	var out []string
	for _, r := range e.Roles {
		if r.Role != role {
			continue
		}
		out = append(out, r.Text)
		if r.Entity != "" {
			out = append(out, ents[r.Entity].Name)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// ofType returns the events of evs of type typ.
func ofType(evs []dossier.EventRecord, typ string) []dossier.EventRecord {
	var out []dossier.EventRecord
	for _, e := range evs {
		if e.Type == typ {
			out = append(out, e)
		}
	}
	return out
}

func TestExtractAttackReport(t *testing.T) {
	evs, ents := extractAll(t, report)
	attacks := ofType(evs, events.Attack)
	// The headline, the ambush, "the attack", the car bomb: one incident.
	if len(attacks) != 1 {
		t.Fatalf("%d attacks, want 1: %+v", len(attacks), attacks)
	}
	a := attacks[0]
	if a.Date == nil || a.Date.Value != "2026-03-02" {
		t.Errorf("date = %+v, want 2026-03-02 (the Monday before publication)", a.Date)
	}
	if p := ents[a.Place]; p.Name != "Tarvana" {
		t.Errorf("place = %q (%s), want Tarvana", p.Name, a.Place)
	}
	for _, tc := range []struct{ role, filler string }{
		{events.Perpetrator, "Gunmen"},
		{events.Perpetrator, "Popular Revolutionary Front"},
		{events.Victim, "three policemen"},
		{events.Weapon, "rifles"},
	} {
		if got := fillers(a, tc.role, ents); !contains(got, tc.filler) {
			t.Errorf("%s = %q, want %q among them", tc.role, got, tc.filler)
		}
	}
	if got := fillers(a, events.Victim, ents); contains(got, "Popular Revolutionary Front") || contains(got, "Gunmen") {
		t.Errorf("victims %q include a perpetrator", got)
	}
	if a.Modality != dossier.Asserted || !strings.HasPrefix(a.Rule, events.ModelRule) {
		t.Errorf("modality %q, rule %q", a.Modality, a.Rule)
	}
}

func TestExtractRuleEvents(t *testing.T) {
	for _, tc := range []struct {
		name, text, typ string
		roles           map[string]string // role -> a filler it must have
		place           string
		date            string
		modality        dossier.Modality
	}{
		{
			name: "meeting", text: "Foreign Minister Anna Berg met Prime Minister Tomas Lind in Oslo on Tuesday.",
			typ: events.Meeting, roles: map[string]string{events.Attendee: "Tomas Lind"}, place: "Oslo", date: "2026-03-03",
		},
		{
			name: "visit", text: "President Karl Weber visited Nairobi on Friday to open a new hospital.",
			typ: events.Visit, roles: map[string]string{events.Traveller: "Karl Weber", events.Destination: "Nairobi"}, date: "2026-02-27",
		},
		{
			name: "arrest", text: "Police in Lagos arrested Daniel Okoro on Sunday after a raid on his home.",
			typ: events.Arrest, roles: map[string]string{events.Subject: "Daniel Okoro"}, place: "Lagos",
		},
		{
			name: "passive arrest", text: "Daniel Okoro was arrested in Lagos late on Sunday, police said.",
			typ: events.Arrest, roles: map[string]string{events.Subject: "Daniel Okoro"},
		},
		{
			name: "statement", text: "The National Union issued a statement condemning the decision.",
			typ: events.Statement, roles: map[string]string{events.Speaker: "National Union"},
		},
		{
			name: "negated attack", text: "The army said its soldiers did not attack the village of Ostrava.",
			typ: events.Attack, modality: dossier.Negated,
		},
		{
			name: "hedged attack", text: "Rebels allegedly attacked a convoy near Ostrava last week.",
			typ: events.Attack, modality: dossier.Hedged,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs, ents := extractAll(t, tc.text)
			var e *dossier.EventRecord
			for i := range evs {
				if evs[i].Type == tc.typ {
					e = &evs[i]
					break
				}
			}
			if e == nil {
				t.Fatalf("no %s event in %+v", tc.typ, evs)
			}
			for role, want := range tc.roles {
				if got := fillers(*e, role, ents); !contains(got, want) {
					t.Errorf("%s = %q, want %q among them", role, got, want)
				}
			}
			if tc.place != "" && ents[e.Place].Name != tc.place {
				t.Errorf("place = %q, want %q", ents[e.Place].Name, tc.place)
			}
			if tc.date != "" && (e.Date == nil || e.Date.Value != tc.date) {
				t.Errorf("date = %+v, want %s", e.Date, tc.date)
			}
			want := tc.modality
			if want == "" {
				want = dossier.Asserted
			}
			if e.Modality != want {
				t.Errorf("modality = %q, want %q", e.Modality, want)
			}
		})
	}
}

func TestNoEventsWithoutTriggers(t *testing.T) {
	evs, _ := extractAll(t, "The committee published its annual budget report. Markets were calm.")
	if len(evs) != 0 {
		t.Errorf("events = %+v, want none", evs)
	}
}

func TestDeniedDeath(t *testing.T) {
	text := "SRINAGAR, April 27 (FNA) — Sheikh Farooq Mir was not among the two militants killed in a gunfight on Saturday, police said on Monday."
	d := nlp.Annotate(text, time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC))
	ents := extract.Entities(d)
	for _, ev := range events.Extract(d, ents) {
		if ev.Type != events.Death || ev.Modality != dossier.Negated {
			continue
		}
		for _, r := range ev.Roles {
			if r.Role == events.Subject && strings.Contains(r.Text, "Farooq Mir") {
				return
			}
		}
	}
	t.Fatalf("no negated death of Farooq Mir in %+v", events.Extract(d, ents))
}

// TestRetoldEventsAreOne checks that an arrest told again later in the
// report is one event, and that the arrests of two people stay two.
func TestRetoldEventsAreOne(t *testing.T) {
	for _, tt := range []struct {
		name, text, typ string
		want            int
	}{
		{"one arrest told three times", "Police arrest brother of militia chief\n\nNIAMEY, March 12 (Coastal Wire) — Police arrested Moussa Keita, the brother of the militia's leader, near Agadez on Tuesday, officials said.\n\nThe interior ministry confirmed the arrest in a statement. Keita was detained at a checkpoint, it said.", events.Arrest, 1},
		{"two people arrested", "NIAMEY, March 12 (Coastal Wire) — Police arrested Moussa Keita in Agadez on Tuesday.\n\nOn Wednesday, soldiers arrested Ibrahim Sow in Tahoua.", events.Arrest, 2},
		// The group claimed on Tuesday what was done on Sunday: the date
		// of the saying is not the kidnapping's.
		{"a kidnapping and its claim", "BAMAKO, March 14 (Coastal Wire) — Gunmen kidnapped four aid workers near Menaka on Sunday.\n\nThe Desert Brigade, which claimed the kidnapping, said on Tuesday it was holding five people.", events.Attack, 1},
		// "last week" holds the day the kidnapping is dated later.
		{"a kidnapping last week and on February 25", "NOUAKCHOTT, March 3 (Coastal Wire) — The group, which last week kidnapped three aid workers in Mali, has been weakened.\n\nThe group claimed the abduction of the three near Goundam on February 25.", events.Attack, 1},
		{"this week's abduction and one in 2024", "BAMAKO, March 14, 2026 (Coastal Wire) — Gunmen abducted four aid workers near Menaka on Sunday.\n\nIn 2024, the same group kidnapped two Italian missionaries.", events.Attack, 2},
	} {
		evs, _ := extractAll(t, tt.text)
		if n := len(ofType(evs, tt.typ)); n != tt.want {
			t.Errorf("%s: %d %s events, want %d: %+v", tt.name, n, tt.typ, tt.want, evs)
		}
	}
}

// TestReleaseIsOfPeople checks that releasing a video, demanding a
// release and planning one are no release events, and that freeing
// hostages is.
func TestReleaseIsOfPeople(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"NIAMEY, March 12 (Coastal Wire) — The group released a video of the hostages on Sunday.", 0},
		{"NIAMEY, March 12 (Coastal Wire) — In a video released on Sunday, the group named its demands.", 0},
		{"NIAMEY, March 12 (Coastal Wire) — The group demanded the release of fighters held in Niger.", 0},
		{"NIAMEY, March 12 (Coastal Wire) — Families called for their release on Monday.", 0},
		{"NIAMEY, March 12 (Coastal Wire) — Qatar is working to free the hostages.", 0},
		{"NIAMEY, March 12 (Coastal Wire) — The group released two hostages on Sunday.", 1},
	} {
		evs, _ := extractAll(t, tc.text)
		n := 0
		for _, e := range evs {
			if e.Type == events.Release {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%q: %d release events, want %d", tc.text, n, tc.want)
		}
	}
}

// TestDeathTollIsNoDeath checks that "death toll" and "death threats" name
// no death.
func TestDeathTollIsNoDeath(t *testing.T) {
	evs, _ := extractAll(t, "NIAMEY, March 12 (Coastal Wire) — The army did not give a death toll. The reporter had received death threats.")
	for _, e := range evs {
		if e.Type == events.Death {
			t.Errorf("death event %q from %q", e.Trigger.Text, e.Evidence.Text)
		}
	}
}

// TestFullestMentionTellsTheEvent checks that an event told first in
// passing and then in full takes its trigger from the full telling.
func TestFullestMentionTellsTheEvent(t *testing.T) {
	text := "Police arrest cleric in east\n\nCOLOMBO, April 2 (Lanka Wire) — Police have arrested a cleric, a spokesman said on Thursday.\n\nMohamed Rizwan was detained at his home in Kattankudy on Tuesday night by officers of the Counter Terrorism Investigation Division, Nihal Wickramaratne told reporters."
	evs, _ := extractAll(t, text)
	arrests := ofType(evs, events.Arrest)
	if len(arrests) != 1 {
		t.Fatalf("%d arrests, want 1: %+v", len(arrests), evs)
	}
	if got := arrests[0].Trigger.Text; got != "detained" {
		t.Errorf("trigger %q, want the full telling's \"detained\"", got)
	}
}

// TestUncommentedIsNotDenied checks that "has not commented on the
// arrest" leaves the arrest asserted.
func TestUncommentedIsNotDenied(t *testing.T) {
	evs, _ := extractAll(t, "NIAMEY, March 12 (Coastal Wire) — The Desert Brigade has not commented on the arrest.")
	for _, e := range evs {
		if e.Type == events.Arrest && e.Modality == dossier.Negated {
			t.Errorf("arrest %q negated by a silence", e.Trigger.Text)
		}
	}
	evs, _ = extractAll(t, "NIAMEY, March 12 (Coastal Wire) — Police did not arrest anyone.")
	for _, e := range evs {
		if e.Type == events.Arrest && e.Modality != dossier.Negated {
			t.Errorf("'did not arrest': modality %s, want negated", e.Modality)
		}
	}
}

// TestSeizedPeopleAreKidnapped checks that seizing people is an attack
// and seizing goods is not.
func TestSeizedPeopleAreKidnapped(t *testing.T) {
	for text, want := range map[string]int{
		"PEMBA, May 21 (Tagus Herald) — Insurgents seized a Portuguese engineer and his colleague near Montepuez.": 1,
		"PEMBA, May 21 (Tagus Herald) — Two engineers were seized on a road near Montepuez.":                       1,
		"PEMBA, May 21 (Tagus Herald) — Customs officers seized two tonnes of fuel near Montepuez.":                0,
	} {
		evs, _ := extractAll(t, text)
		if n := len(ofType(evs, events.Attack)); n != want {
			t.Errorf("%q: %d attacks, want %d", text, n, want)
		}
	}
}
