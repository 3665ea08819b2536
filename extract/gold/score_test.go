package gold

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
)

// ent builds a predicted entity.
func ent(id string, t dossier.EntityType, name string, aliases ...string) dossier.Entity {
	return dossier.Entity{ID: id, Type: t, Name: name, Aliases: aliases}
}

// rel builds a predicted relation at evidence offset at.
func rel(typ, subj, obj, attr string, m dossier.Modality, at int) dossier.Relation {
	return dossier.Relation{Type: typ, Subject: subj, Object: obj, Attribution: attr, Modality: m,
		Evidence: dossier.Evidence{Start: at, End: at + 1}}
}

// goldDoc is the gold document the tests score against: an article about
// the Lashkar-e-Qahhar, its founder and his brother.
func goldDoc() *Document {
	return &Document{
		Title: "LeQ founder's brother runs charity, officials say",
		Entities: []Entity{
			{Type: dossier.Org, Name: "Lashkar-e-Qahhar", Aliases: []string{"LeQ"}},
			{Type: dossier.Person, Name: "Abdul Rauf Qasmi", Aliases: []string{"Qasmi"}},
			{Type: dossier.Person, Name: "Hafiz Abdul Wahid Qasmi", Aliases: []string{"Abdul Wahid Qasmi"}},
			{Type: dossier.GPE, Name: "Rawalakot"},
			{Type: dossier.Loc, Name: "Ménaka"},
			{Type: dossier.Org, Name: "Al-Rahmat Welfare Trust", Aliases: []string{"ARWT"}},
		},
		Relations: []Relation{
			{Type: "founder_of", Subject: "Abdul Rauf Qasmi", Object: "Lashkar-e-Qahhar", Attribution: dossier.Outlet, Modality: dossier.Asserted},
			{Type: "sibling_of", Subject: "Hafiz Abdul Wahid Qasmi", Object: "Abdul Rauf Qasmi", Attribution: dossier.Anonymous, Modality: dossier.Reported},
			{Type: "based_in", Subject: "Lashkar-e-Qahhar", Object: "Rawalakot", Attribution: dossier.Outlet, Modality: dossier.Asserted},
		},
		Events: []Event{
			{Type: "meeting", Date: "2026-02", Place: "Rawalakot", Attribution: dossier.Anonymous, Modality: dossier.Reported,
				Roles: []Role{{Role: "attendee", Name: "Abdul Rauf Qasmi"}, {Role: "attendee", Text: "officers of the bureau"}}},
			{Type: "attack", Date: "2026-04-21", Attribution: dossier.Outlet, Modality: dossier.Asserted,
				Roles: []Role{{Role: "perpetrator", Text: "gunmen"}, {Role: "victim", Text: "nine tourists"}}},
		},
		Quotes: []Quote{
			{Speaker: "Abdul Rauf Qasmi", StartsWith: "We did not do this", Cue: "said"},
			{Speaker: "", StartsWith: "The money came from the trust", Cue: "said"},
		},
	}
}

func TestEntityMatching(t *testing.T) {
	tests := []struct {
		name              string
		pred              []dossier.Entity
		wantPred, wantHit int
		wantType          map[string]Counts // checked only for the listed types
	}{
		{name: "exact canonical name", pred: []dossier.Entity{ent("e1", dossier.Org, "Lashkar-e-Qahhar")}, wantPred: 1, wantHit: 1},
		{name: "predicted acronym matches gold alias", pred: []dossier.Entity{ent("e1", dossier.Org, "LeQ")}, wantPred: 1, wantHit: 1},
		{name: "predicted alias matches gold name", pred: []dossier.Entity{ent("e1", dossier.Org, "Lashkar", "Lashkar-e-Qahhar")}, wantPred: 1, wantHit: 1},
		{name: "honorific and case stripped", pred: []dossier.Entity{ent("e1", dossier.Person, "MAULANA Abdul Rauf Qasmi")}, wantPred: 1, wantHit: 1},
		{name: "diacritics ignored", pred: []dossier.Entity{ent("e1", dossier.Loc, "Menaka")}, wantPred: 1, wantHit: 1},
		{name: "GPE and LOC compatible", pred: []dossier.Entity{ent("e1", dossier.GPE, "Ménaka")}, wantPred: 1, wantHit: 1,
			// The predicted GPE is right (Correct under GPE); the gold LOC is
			// found (Recalled under LOC); the gold GPE Rawalakot is not.
			wantType: map[string]Counts{"GPE": {Gold: 1, Predicted: 1, Recalled: 0, Correct: 1}, "LOC": {Gold: 1, Recalled: 1}}},
		{name: "wrong type does not match", pred: []dossier.Entity{ent("e1", dossier.Person, "Rawalakot")}, wantPred: 1, wantHit: 0},
		{name: "unknown name does not match", pred: []dossier.Entity{ent("e1", dossier.Person, "Tahira Mansoor")}, wantPred: 1, wantHit: 0},
		{name: "a gold entity is matched once", pred: []dossier.Entity{
			ent("e1", dossier.Person, "Qasmi"), ent("e2", dossier.Person, "Abdul Rauf Qasmi")}, wantPred: 2, wantHit: 1},
		{name: "brothers are two entities", pred: []dossier.Entity{
			ent("e1", dossier.Person, "Abdul Rauf Qasmi"), ent("e2", dossier.Person, "Hafiz Abdul Wahid Qasmi")}, wantPred: 2, wantHit: 2},
		{name: "MISC is not scored", pred: []dossier.Entity{ent("e1", dossier.Misc, "AK-47")}, wantPred: 0, wantHit: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &dossier.Extraction{Entities: tc.pred}
			s := ScoreDocument(goldDoc(), x)
			if s.Entities.Gold != 6 || s.Entities.Predicted != tc.wantPred || s.Entities.Recalled != tc.wantHit || s.Entities.Correct != tc.wantHit {
				t.Errorf("entities = %+v, want gold 6, predicted %d, matched %d", s.Entities, tc.wantPred, tc.wantHit)
			}
			for typ, want := range tc.wantType {
				if got := s.EntityTypes[typ]; got != want {
					t.Errorf("type %s = %+v, want %+v", typ, got, want)
				}
			}
		})
	}
}

func TestEntityMatchingPrefersCanonicalName(t *testing.T) {
	// "Qasmi" is an alias of the founder; his brother's full name must go
	// to the brother even though it also shares words with the founder.
	x := &dossier.Extraction{Entities: []dossier.Entity{
		ent("e1", dossier.Person, "Qasmi"),
		ent("e2", dossier.Person, "Abdul Wahid Qasmi"),
	}}
	s := ScoreDocument(goldDoc(), x)
	if s.Entities.Correct != 2 {
		t.Fatalf("entities = %+v, want both matched", s.Entities)
	}
}

func TestRelations(t *testing.T) {
	ents := []dossier.Entity{
		ent("e1", dossier.Org, "LeQ"),
		ent("e2", dossier.Person, "Abdul Rauf Qasmi"),
		ent("e3", dossier.Person, "Abdul Wahid Qasmi"),
		ent("e4", dossier.GPE, "Rawalakot"),
		ent("e5", dossier.Person, "Qasmi"), // a duplicate of e2
		ent("e6", dossier.Person, "Tahira Mansoor"),
	}
	atts := []dossier.Attribution{{ID: "a1", Kind: dossier.Outlet}, {ID: "a2", Kind: dossier.Anonymous}, {ID: "a3", Kind: dossier.Named}}
	tests := []struct {
		name                   string
		rels                   []dossier.Relation
		wantPred, wantHit      int
		wantAttr, wantAttrOK   int
		wantModal, wantModalOK int
	}{
		{name: "right relation, right attribution",
			rels:     []dossier.Relation{rel("founder_of", "e2", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 1, wantModal: 1, wantModalOK: 1},
		{name: "wrong type",
			rels:     []dossier.Relation{rel("leader_of", "e2", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 0},
		{name: "wrong subject",
			rels:     []dossier.Relation{rel("founder_of", "e3", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 0},
		{name: "unmatched subject",
			rels:     []dossier.Relation{rel("founder_of", "e6", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 0},
		{name: "reversed direction of an asymmetric relation",
			rels:     []dossier.Relation{rel("based_in", "e4", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 0},
		{name: "reversed symmetric relation matches",
			rels:     []dossier.Relation{rel("sibling_of", "e2", "e3", "a2", dossier.Reported, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 1, wantModal: 1, wantModalOK: 1},
		{name: "wrong attribution kind and modality",
			rels:     []dossier.Relation{rel("sibling_of", "e3", "e2", "a3", dossier.Hedged, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 0, wantModal: 1, wantModalOK: 0},
		{name: "missing attribution is wrong",
			rels:     []dossier.Relation{rel("founder_of", "e2", "e1", "", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 0, wantModal: 1, wantModalOK: 1},
		{name: "repeated relation counted once, the first in the text checked",
			rels: []dossier.Relation{
				rel("founder_of", "e2", "e1", "a2", dossier.Reported, 50),
				rel("founder_of", "e2", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 1, wantModal: 1, wantModalOK: 1},
		{name: "a duplicate entity still resolves",
			rels:     []dossier.Relation{rel("founder_of", "e5", "e1", "a1", dossier.Asserted, 10)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 1, wantModal: 1, wantModalOK: 1},
		{name: "duplicate entity and canonical one make one relation",
			rels: []dossier.Relation{
				rel("founder_of", "e5", "e1", "a1", dossier.Asserted, 10),
				rel("founder_of", "e2", "e1", "a1", dossier.Asserted, 20)},
			wantPred: 1, wantHit: 1, wantAttr: 1, wantAttrOK: 1, wantModal: 1, wantModalOK: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &dossier.Extraction{Entities: ents, Relations: tc.rels, Attributions: atts}
			s := ScoreDocument(goldDoc(), x)
			if s.Relations.Gold != 3 || s.Relations.Predicted != tc.wantPred || s.Relations.Recalled != tc.wantHit {
				t.Errorf("relations = %+v, want gold 3, predicted %d, matched %d", s.Relations, tc.wantPred, tc.wantHit)
			}
			if s.Attribution != (Accuracy{tc.wantAttr, tc.wantAttrOK}) {
				t.Errorf("attribution = %+v, want %d/%d", s.Attribution, tc.wantAttrOK, tc.wantAttr)
			}
			if s.Modality != (Accuracy{tc.wantModal, tc.wantModalOK}) {
				t.Errorf("modality = %+v, want %d/%d", s.Modality, tc.wantModalOK, tc.wantModal)
			}
		})
	}
}

func TestEvents(t *testing.T) {
	ents := []dossier.Entity{ent("e1", dossier.Person, "Qasmi"), ent("e2", dossier.GPE, "Rawalakot")}
	atts := []dossier.Attribution{{ID: "a1", Kind: dossier.Outlet}, {ID: "a2", Kind: dossier.Anonymous}}
	date := func(v string) *dossier.Date { return &dossier.Date{Text: v, Value: v} }
	tests := []struct {
		name                     string
		events                   []dossier.EventRecord
		wantPred, wantHit        int
		wantRoles                Counts
		wantDates, wantAttribute Accuracy
	}{
		{name: "nothing predicted", wantRoles: Counts{Gold: 5}},
		{name: "meeting with its attendee and place",
			events: []dossier.EventRecord{{ID: "v1", Type: "meeting", Date: date("2026-02"), Place: "e2", Attribution: "a2", Modality: dossier.Reported,
				Roles: []dossier.Role{{Role: "attendee", Entity: "e1"}, {Role: "attendee", Text: "three officers of the bureau"}}}},
			wantPred: 1, wantHit: 1, wantRoles: Counts{Gold: 5, Predicted: 3, Recalled: 3, Correct: 3},
			wantDates: Accuracy{1, 1}, wantAttribute: Accuracy{1, 1}},
		{name: "wrong type is no match",
			events: []dossier.EventRecord{{ID: "v1", Type: "visit", Place: "e2", Attribution: "a2",
				Roles: []dossier.Role{{Role: "traveller", Entity: "e1"}}}},
			wantPred: 1, wantHit: 0, wantRoles: Counts{Gold: 5, Predicted: 2}},
		{name: "wrong role name, wrong date, wrong attribution",
			events: []dossier.EventRecord{{ID: "v1", Type: "meeting", Date: date("2026-03"), Attribution: "a1",
				Roles: []dossier.Role{{Role: "host", Entity: "e1"}}}},
			wantPred: 1, wantHit: 1, wantRoles: Counts{Gold: 5, Predicted: 1},
			wantDates: Accuracy{1, 0}, wantAttribute: Accuracy{1, 0}},
		{name: "attack matched with text fillers (a head word fills, a role name must agree)",
			events: []dossier.EventRecord{{ID: "v1", Type: "attack", Date: date("2026-04-21"), Attribution: "a1", Modality: dossier.Asserted,
				Roles: []dossier.Role{{Role: "perpetrator", Text: "Gunmen"}, {Role: "victim", Text: "tourists"}, {Role: "weapon", Text: "men"}}}},
			wantPred: 1, wantHit: 1, wantRoles: Counts{Gold: 5, Predicted: 3, Recalled: 2, Correct: 2},
			wantDates: Accuracy{1, 1}, wantAttribute: Accuracy{1, 1}},
		{name: "two predicted meetings, one gold meeting",
			events: []dossier.EventRecord{
				{ID: "v1", Type: "meeting", Attribution: "a2"},
				{ID: "v2", Type: "meeting", Attribution: "a2", Roles: []dossier.Role{{Role: "attendee", Entity: "e1"}}}},
			wantPred: 2, wantHit: 1, wantRoles: Counts{Gold: 5, Predicted: 1, Recalled: 1, Correct: 1},
			wantDates: Accuracy{1, 0}, wantAttribute: Accuracy{1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &dossier.Extraction{Entities: ents, Events: tc.events, Attributions: atts}
			s := ScoreDocument(goldDoc(), x)
			if s.Events.Gold != 2 || s.Events.Predicted != tc.wantPred || s.Events.Recalled != tc.wantHit {
				t.Errorf("events = %+v, want gold 2, predicted %d, matched %d", s.Events, tc.wantPred, tc.wantHit)
			}
			if s.Roles != tc.wantRoles {
				t.Errorf("roles = %+v, want %+v", s.Roles, tc.wantRoles)
			}
			if s.Dates != tc.wantDates {
				t.Errorf("dates = %+v, want %+v", s.Dates, tc.wantDates)
			}
			if s.Attribution != tc.wantAttribute {
				t.Errorf("attribution = %+v, want %+v", s.Attribution, tc.wantAttribute)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	ents := []dossier.Entity{ent("e1", dossier.Person, "Qasmi"), ent("e2", dossier.Person, "Abdul Wahid Qasmi")}
	tests := []struct {
		name     string
		quotes   []dossier.Quote
		wantHit  int
		wantSpk  Accuracy
		wantPred int
	}{
		{name: "none"},
		{name: "found by its opening, speaker right",
			quotes:  []dossier.Quote{{Speaker: "e1", Text: "We did not do this, and we do not kill guests."}},
			wantHit: 1, wantSpk: Accuracy{1, 1}, wantPred: 1},
		{name: "found inside a longer quote, punctuation and case ignored",
			quotes:  []dossier.Quote{{Speaker: "e1", Text: "Listen: we did NOT do this!"}},
			wantHit: 1, wantSpk: Accuracy{1, 1}, wantPred: 1},
		{name: "wrong speaker",
			quotes:  []dossier.Quote{{Speaker: "e2", Text: "We did not do this"}},
			wantHit: 1, wantSpk: Accuracy{1, 0}, wantPred: 1},
		{name: "unattributed quote must have no speaker",
			quotes:  []dossier.Quote{{Speaker: "e2", Text: "The money came from the trust, he said"}},
			wantHit: 1, wantSpk: Accuracy{1, 0}, wantPred: 1},
		{name: "unattributed quote without speaker",
			quotes:  []dossier.Quote{{Text: "The money came from the trust"}},
			wantHit: 1, wantSpk: Accuracy{1, 1}, wantPred: 1},
		{name: "a different quote is not found",
			quotes:   []dossier.Quote{{Speaker: "e1", Text: "We did it"}},
			wantPred: 1},
		{name: "one prediction finds one gold quote only",
			quotes:  []dossier.Quote{{Speaker: "e1", Text: "We did not do this. The money came from the trust."}},
			wantHit: 1, wantSpk: Accuracy{1, 1}, wantPred: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &dossier.Extraction{Entities: ents, Quotes: tc.quotes}
			s := ScoreDocument(goldDoc(), x)
			if s.Quotes.Gold != 2 || s.Quotes.Recalled != tc.wantHit || s.Quotes.Predicted != tc.wantPred {
				t.Errorf("quotes = %+v, want gold 2, found %d, predicted %d", s.Quotes, tc.wantHit, tc.wantPred)
			}
			if s.Speakers != tc.wantSpk {
				t.Errorf("speakers = %+v, want %+v", s.Speakers, tc.wantSpk)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := Counts{Gold: 4, Predicted: 2, Recalled: 2, Correct: 1}
	if c.Precision() != 0.5 || c.Recall() != 0.5 || c.F1() != 0.5 {
		t.Errorf("P/R/F1 = %v %v %v, want 0.5 each", c.Precision(), c.Recall(), c.F1())
	}
	c = Counts{Gold: 3, Predicted: 1, Recalled: 1, Correct: 1}
	if math.Abs(c.F1()-0.5) > 1e-9 {
		t.Errorf("F1 = %v, want 0.5", c.F1())
	}
	if (Counts{}).F1() != 0 || (Counts{Gold: 2}).Precision() != 0 {
		t.Error("empty counts must score 0")
	}
}

func TestScoreAlignsDocuments(t *testing.T) {
	files := []*File{
		{Input: "feed.xml", Documents: []Document{
			*goldDoc(),
			{TextStarts: "KARACHI — Police in Karachi", Entities: []Entity{{Type: dossier.GPE, Name: "Karachi"}}},
			{Title: "A story nobody extracted", Entities: []Entity{{Type: dossier.GPE, Name: "Bamako"}}},
		}},
		{Input: "other.txt", Documents: []Document{{Title: "Other", Entities: []Entity{{Type: dossier.GPE, Name: "Niamey"}}}}},
	}
	x1 := &dossier.Extraction{Document: dossier.DocumentRef{Title: "LeQ Founder's Brother Runs Charity, Officials Say"},
		Entities: []dossier.Entity{ent("e1", dossier.Org, "LeQ")}}
	x2 := &dossier.Extraction{Entities: []dossier.Entity{ent("e1", dossier.GPE, "Karachi")}}
	x3 := &dossier.Extraction{Document: dossier.DocumentRef{Title: "Not in gold"}}
	preds := []Prediction{
		{Input: "testdata/feed.xml#1", Extraction: x1},
		{Input: "testdata/feed.xml#2", Text: "KARACHI - Police in Karachi on Tuesday arrested a man", Extraction: x2},
		{Input: "testdata/feed.xml#3", Extraction: x3},
	}
	files = ForInputs(files, preds)
	if len(files) != 1 || files[0].Input != "feed.xml" {
		t.Fatalf("ForInputs kept %d files, want feed.xml only", len(files))
	}
	r := Score(files, preds)
	if len(r.Documents) != 3 || r.Found != 2 {
		t.Fatalf("documents %d, found %d; want 3 documents, 2 found", len(r.Documents), r.Found)
	}
	if r.Documents[2].Found || r.Documents[2].Entities.Gold != 1 || r.Documents[2].Entities.Recall() != 0 {
		t.Errorf("missing document not counted as missed: %+v", r.Documents[2])
	}
	if r.Documents[1].Entities.Correct != 1 {
		t.Errorf("document found by its text prefix not scored: %+v", r.Documents[1].Entities)
	}
	if len(r.Unaligned) != 1 || !strings.Contains(r.Unaligned[0], "Not in gold") {
		t.Errorf("unaligned = %q", r.Unaligned)
	}
	if r.Total.Entities.Gold != 8 || r.Total.Entities.Correct != 2 {
		t.Errorf("total entities = %+v, want gold 8, correct 2", r.Total.Entities)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"TOTAL", "entities", "relations", "ACCURACY", "quote speaker", "ENTITY TYPE", "DOCUMENT", "[NOT FOUND]", "Not in gold"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"f1":`) || !strings.Contains(string(b), `"accuracy":`) {
		t.Errorf("JSON report lacks f1/accuracy: %s", b)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *Document)
		want string // "" for valid
	}{
		{name: "valid", edit: func(*Document) {}},
		{name: "unknown relation type", edit: func(d *Document) { d.Relations[0].Type = "funds" }, want: "unknown type"},
		{name: "relation names an unlisted entity", edit: func(d *Document) { d.Relations[0].Subject = "Qasmi" }, want: "not a listed entity"},
		{name: "bad attribution", edit: func(d *Document) { d.Relations[0].Attribution = "sources" }, want: "attribution"},
		{name: "bad modality", edit: func(d *Document) { d.Events[0].Modality = "alleged" }, want: "modality"},
		{name: "role with name and text", edit: func(d *Document) { d.Events[0].Roles[0].Text = "x" }, want: "exactly one"},
		{name: "unknown role", edit: func(d *Document) { d.Events[0].Roles[0].Role = "boss" }, want: "unknown role"},
		{name: "entity twice", edit: func(d *Document) { d.Entities = append(d.Entities, d.Entities[0]) }, want: "listed twice"},
		{name: "symmetric relation twice", edit: func(d *Document) {
			d.Relations = append(d.Relations, Relation{Type: "sibling_of", Subject: "Abdul Rauf Qasmi", Object: "Hafiz Abdul Wahid Qasmi",
				Attribution: dossier.Outlet, Modality: dossier.Asserted})
		}, want: "listed twice"},
		{name: "quote speaker unlisted", edit: func(d *Document) { d.Quotes[0].Speaker = "Wani" }, want: "not a listed entity"},
		{name: "no identity", edit: func(d *Document) { d.Title = "" }, want: "neither title nor text_starts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := goldDoc()
			tc.edit(d)
			f := &File{Input: "x.txt", Documents: []Document{*d}}
			err := f.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Maulana Abdul Rauf Qasmi", "abdul rauf qasmi"},
		{"Dr. Anjali Mehra", "anjali mehra"},
		{"Lt Gen Devraj Kataria", "devraj kataria"},
		{"Colonel-Major Issa Diarra", "issa diarra"},
		{"the Lashkar-e-Qahhar", "lashkar e qahhar"},
		{"Élodie Vachon", "elodie vachon"},
		{"Pakistan's", "pakistan"},
		{"Sheikh", "sheikh"}, // a lone honorific stays
	}
	for _, tc := range tests {
		if got := Normalise(tc.in); got != tc.want {
			t.Errorf("Normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestGoldFiles loads the project's gold files: they must be valid, name
// the input they describe, and cover every example, held-out and tuning
// article.
func TestGoldFiles(t *testing.T) {
	for _, set := range []struct {
		gold, inputs string
		docs         int
	}{
		{"../../testdata/golden/examples", "../../examples", 18},
		{"../../testdata/golden/heldout", "../../heldout", 6},
		{"../../testdata/golden/tuning", "../../tuning", 10},
		{"../../testdata/golden/tuning2", "../../tuning2", 6},
		{"../../testdata/golden/tuning3", "../../tuning3", 4},
		{"../../testdata/golden/tuning4", "../../tuning4", 4},
		{"../../testdata/golden/tuning5", "../../tuning5", 4},
		{"../../testdata/golden/tuning6", "../../tuning6", 4},
	} {
		files, err := Load(set.gold)
		if err != nil {
			t.Fatal(err)
		}
		docs := 0
		for _, f := range files {
			docs += len(f.Documents)
			if _, err := os.Stat(filepath.Join(set.inputs, f.Input)); err != nil {
				t.Errorf("%s: input %s: %v", f.Path, f.Input, err)
			}
			if want := f.Input + ".json"; filepath.Base(f.Path) != want {
				t.Errorf("%s: want the file named %s", f.Path, want)
			}
		}
		inputs, err := os.ReadDir(set.inputs)
		if err != nil {
			t.Fatal(err)
		}
		inputs = slices.DeleteFunc(inputs, func(e os.DirEntry) bool { return strings.HasSuffix(e.Name(), ".md") })
		if len(files) != len(inputs) {
			t.Errorf("%s: %d gold files for %d inputs", set.gold, len(files), len(inputs))
		}
		if docs != set.docs {
			t.Errorf("%s: %d gold documents, want %d", set.gold, docs, set.docs)
		}
	}
}
