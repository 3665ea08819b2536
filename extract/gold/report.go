package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Counts are the numbers behind precision and recall: how many items gold
// lists, how many were predicted, how many gold items were found (Recalled)
// and how many predicted items are right (Correct). With one-to-one matching
// Recalled and Correct are equal; they differ in per-type tables where a
// gold LOC matched by a predicted GPE counts under each side's own type.
type Counts struct {
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Recalled  int `json:"recalled"`
	Correct   int `json:"correct"`
}

// Precision is Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Recalled/Gold, 0 when gold lists nothing.
func (c Counts) Recall() float64 { return ratio(c.Recalled, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) plus(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Recalled += o.Recalled
	c.Correct += o.Correct
}

// MarshalJSON adds precision, recall and F1 to the counts.
func (c Counts) MarshalJSON() ([]byte, error) {
	type plain Counts
	return json.Marshal(struct {
		plain
		P  float64 `json:"precision"`
		R  float64 `json:"recall"`
		F1 float64 `json:"f1"`
	}{plain(c), round(c.Precision()), round(c.Recall()), round(c.F1())})
}

// Accuracy counts the checks of one attribute (a quote's speaker, a
// claim's attribution kind) over the items matched.
type Accuracy struct {
	Total   int `json:"total"`
	Correct int `json:"correct"`
}

// Value is Correct/Total, 0 when nothing was checked.
func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

func (a *Accuracy) add(ok bool) {
	a.Total++
	if ok {
		a.Correct++
	}
}

func (a *Accuracy) plus(o Accuracy) {
	a.Total += o.Total
	a.Correct += o.Correct
}

// MarshalJSON adds the accuracy value.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	type plain Accuracy
	return json.Marshal(struct {
		plain
		V float64 `json:"accuracy"`
	}{plain(a), round(a.Value())})
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func round(f float64) float64 { return float64(int(f*10000+0.5)) / 10000 }

// DocScore is the score of one gold document (or, in Report.Total, of all).
type DocScore struct {
	Input    string `json:"input,omitempty"`
	Document string `json:"document,omitempty"`
	// Found says whether a prediction was aligned with the document.
	Found         bool              `json:"found"`
	Entities      Counts            `json:"entities"`
	EntityTypes   map[string]Counts `json:"entity_types"`
	Relations     Counts            `json:"relations"`
	RelationTypes map[string]Counts `json:"relation_types"`
	Events        Counts            `json:"events"`
	EventTypes    map[string]Counts `json:"event_types"`
	Roles         Counts            `json:"roles"`
	// Quotes counts gold quotes found among the predicted ones.
	Quotes Counts `json:"quotes"`
	// Speakers and Recipients are checked over the gold quotes found.
	Speakers   Accuracy `json:"speakers"`
	Recipients Accuracy `json:"recipients"`
	// Attribution and Modality are checked over matched relations and
	// events; Dates over matched events whose gold gives a date.
	Attribution Accuracy `json:"attribution"`
	Modality    Accuracy `json:"modality"`
	Dates       Accuracy `json:"dates"`
	// Confusions counts the checked attributions and speakers by what the
	// gold says and what was predicted ("attribution of relation: person →
	// outlet", "speaker: PERSON → none"), so that a set's errors can be read
	// by kind without reading its texts.
	Confusions map[string]int `json:"confusions,omitempty"`
	// Errors lists what was missed and what was predicted wrongly, for
	// reading (not summed into Report.Total).
	Errors Errors `json:"errors"`
}

// Errors are the items of one document that did not match: gold items
// missed and predicted items with no gold counterpart.
type Errors struct {
	MissedEntities    []string `json:"missed_entities,omitempty"`
	SpuriousEntities  []string `json:"spurious_entities,omitempty"`
	MissedRelations   []string `json:"missed_relations,omitempty"`
	SpuriousRelations []string `json:"spurious_relations,omitempty"`
	MissedQuotes      []string `json:"missed_quotes,omitempty"`
	// WrongSpeakers are the quotes found with another speaker than the
	// gold's: "starts with…: gold → predicted".
	WrongSpeakers []string `json:"wrong_speakers,omitempty"`
	// WrongAttributions are the relations found with another attribution
	// kind than the gold's: "type(subject, object): gold → predicted".
	WrongAttributions []string `json:"wrong_attributions,omitempty"`
}

func addTo(m *map[string]Counts, k string, f func(*Counts)) {
	if *m == nil {
		*m = map[string]Counts{}
	}
	c := (*m)[k]
	f(&c)
	(*m)[k] = c
}

func (s *DocScore) addType(t string, f func(*Counts))      { addTo(&s.EntityTypes, t, f) }
func (s *DocScore) addRelType(t string, f func(*Counts))   { addTo(&s.RelationTypes, t, f) }
func (s *DocScore) addEventType(t string, f func(*Counts)) { addTo(&s.EventTypes, t, f) }

// confuse adds n to confusion k.
func (s *DocScore) confuse(k string, n int) {
	if s.Confusions == nil {
		s.Confusions = map[string]int{}
	}
	s.Confusions[k] += n
}

func (s *DocScore) plus(o *DocScore) {
	s.Entities.plus(o.Entities)
	s.Relations.plus(o.Relations)
	s.Events.plus(o.Events)
	s.Roles.plus(o.Roles)
	s.Quotes.plus(o.Quotes)
	s.Speakers.plus(o.Speakers)
	s.Recipients.plus(o.Recipients)
	s.Attribution.plus(o.Attribution)
	s.Modality.plus(o.Modality)
	s.Dates.plus(o.Dates)
	for k, n := range o.Confusions {
		s.confuse(k, n)
	}
	for k, c := range o.EntityTypes {
		addTo(&s.EntityTypes, k, func(t *Counts) { t.plus(c) })
	}
	for k, c := range o.RelationTypes {
		addTo(&s.RelationTypes, k, func(t *Counts) { t.plus(c) })
	}
	for k, c := range o.EventTypes {
		addTo(&s.EventTypes, k, func(t *Counts) { t.plus(c) })
	}
}

// Report is the score of a set of predictions against gold: one DocScore
// per gold document and their sum.
type Report struct {
	Documents []DocScore `json:"documents"`
	Total     DocScore   `json:"total"`
	// Found is how many gold documents a prediction was aligned with.
	Found int `json:"found"`
	// Unaligned lists predictions with no gold document ("input (title)").
	Unaligned []string `json:"unaligned,omitempty"`
}

func (r *Report) total() {
	r.Total = DocScore{Found: true}
	r.Found = 0
	for i := range r.Documents {
		r.Total.plus(&r.Documents[i])
		if r.Documents[i].Found {
			r.Found++
		}
	}
	r.Total.Found = r.Found == len(r.Documents)
}

// Write prints the report as tables: totals, accuracies, scores by type and
// one line per document.
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	t := &r.Total
	fmt.Fprintf(tw, "Extraction scores: %d gold documents, %d found\n\n", len(r.Documents), r.Found)

	fmt.Fprintln(tw, "TOTAL\tgold\tpred\tfound\tright\tP\tR\tF1\t")
	counts := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n", name, c.Gold, c.Predicted, c.Recalled, c.Correct,
			pct(c.Precision(), c.Predicted), pct(c.Recall(), c.Gold), pct(c.F1(), c.Gold+c.Predicted))
	}
	counts("entities", t.Entities)
	counts("relations", t.Relations)
	counts("events", t.Events)
	counts("event roles", t.Roles)
	counts("quotes", t.Quotes)
	fmt.Fprintln(tw)

	fmt.Fprintln(tw, "ACCURACY\tright\tchecked\taccuracy\t")
	acc := func(name string, a Accuracy) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", name, a.Correct, a.Total, pct(a.Value(), a.Total))
	}
	acc("quote speaker", t.Speakers)
	acc("quote recipient", t.Recipients)
	acc("attribution kind", t.Attribution)
	acc("modality", t.Modality)
	acc("event date", t.Dates)
	fmt.Fprintln(tw)

	byType := func(title string, m map[string]Counts) {
		fmt.Fprintf(tw, "%s\tgold\tpred\tfound\tright\tP\tR\tF1\t\n", title)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			counts(k, m[k])
		}
		fmt.Fprintln(tw)
	}
	byType("ENTITY TYPE", t.EntityTypes)
	byType("RELATION TYPE", t.RelationTypes)
	byType("EVENT TYPE", t.EventTypes)
	if len(t.Confusions) > 0 {
		fmt.Fprintln(tw, "GOLD → PREDICTED\tcount\t")
		keys := make([]string, 0, len(t.Confusions))
		for k := range t.Confusions {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(tw, "%s\t%d\t\n", k, t.Confusions[k])
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	dw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(dw, "DOCUMENT\tent F1\trel F1\tevt F1\trole F1\tquote R\tspeaker\tattrib\t")
	for _, d := range r.Documents {
		name := d.Input + ": " + clip(d.Document, 48)
		if !d.Found {
			name += " [NOT FOUND]"
		}
		fmt.Fprintf(dw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name,
			pct(d.Entities.F1(), d.Entities.Gold+d.Entities.Predicted),
			pct(d.Relations.F1(), d.Relations.Gold+d.Relations.Predicted),
			pct(d.Events.F1(), d.Events.Gold+d.Events.Predicted),
			pct(d.Roles.F1(), d.Roles.Gold+d.Roles.Predicted),
			pct(d.Quotes.Recall(), d.Quotes.Gold),
			pct(d.Speakers.Value(), d.Speakers.Total),
			pct(d.Attribution.Value(), d.Attribution.Total))
	}
	if err := dw.Flush(); err != nil {
		return err
	}
	if len(r.Unaligned) > 0 {
		fmt.Fprintf(w, "\nNot in gold (not scored): %d\n", len(r.Unaligned))
		for _, u := range r.Unaligned {
			fmt.Fprintf(w, "  %s\n", u)
		}
	}
	return nil
}

// WriteErrors prints, per document, the gold items missed and the
// predicted items that match no gold item.
func (r *Report) WriteErrors(w io.Writer) error {
	for _, d := range r.Documents {
		e := d.Errors
		fmt.Fprintf(w, "\n== %s: %s\n", d.Input, d.Document)
		list := func(what string, items []string) {
			if len(items) > 0 {
				fmt.Fprintf(w, "  %s (%d): %s\n", what, len(items), strings.Join(items, "; "))
			}
		}
		list("missed entities", e.MissedEntities)
		list("spurious entities", e.SpuriousEntities)
		list("missed relations", e.MissedRelations)
		list("spurious relations", e.SpuriousRelations)
		list("missed quotes", e.MissedQuotes)
		list("wrong speakers", e.WrongSpeakers)
		list("wrong attribution kinds", e.WrongAttributions)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// pct formats a ratio as a percentage, or "-" when its denominator is 0.
func pct(v float64, denom int) string {
	if denom == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", 100*v)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
