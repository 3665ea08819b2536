package events_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/extract"
	"github.com/dossier-osint/dossier/nlp"
)

// inventedDocs builds small attack reports from templates: each names a
// perpetrator group, a target and a weapon in varied sentences, with a
// distractor organisation that is no perpetrator.
func inventedDocs(n int) []events.TrainingDoc {
	groups := []string{"red dawn commandos", "mountain brigade", "river front fighters", "black hand cell", "dawn raiders"}
	targets := []string{"power station", "bus depot", "grain silo", "radio mast", "water works"}
	weapons := []string{"dynamite", "grenades", "mortars", "incendiary bombs", "rockets"}
	others := []string{"chamber of commerce", "teachers union", "football league", "farmers cooperative", "medical council"}
	var out []events.TrainingDoc
	for i := range n {
		g, tg, w, o := groups[i%5], targets[(i/5)%5], weapons[(i+2)%5], others[(i+3)%5]
		text := fmt.Sprintf("the %s attacked the %s with %s last night , police said . "+
			"the %s condemned the attack on the %s . "+
			"officials said the %s used %s in the attack .", g, tg, w, o, tg, g, w)
		out = append(out, events.TrainingDoc{
			Doc:     nlp.Annotate(text, time.Time{}),
			Fillers: map[string][][]string{events.Perpetrator: {{g}}, events.Target: {{tg}}, events.Weapon: {{w}}},
		})
	}
	return out
}

func TestTrainLearnsRoles(t *testing.T) {
	m, err := events.Train(context.Background(), inventedDocs(40), events.TrainOptions{Iterations: 6, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{events.Perpetrator, events.Target, events.Weapon} {
		m.Thresholds[r] = 0.5
	}
	// An unseen group, target and weapon in the same kinds of sentences.
	text := "the lowland cell attacked the railway bridge with grenades on sunday , police said . " +
		"the chamber of commerce condemned the attack on the railway bridge ."
	d := nlp.Annotate(text, time.Time{})
	checkLowlandFillers(t, m, d)

	// The model survives encoding.
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := events.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	a, b := m.Fillers(d), m2.Fillers(d)
	if len(a) != len(b) {
		t.Fatalf("decoded model finds %d fillers, original %d", len(b), len(a))
	}
	for i := range a {
		if a[i].Text != b[i].Text || a[i].Role != b[i].Role {
			t.Errorf("filler %d: %+v after decoding, %+v before", i, b[i], a[i])
		}
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	if _, err := events.Decode(strings.NewReader("not a model")); err == nil {
		t.Error("Decode accepted garbage")
	}
}

func TestSelect(t *testing.T) {
	text := "Rebels of the Front bombed the bridge. The rebels fled. The bridge collapsed."
	d := nlp.Annotate(text, time.Time{})
	sp := func(s string, nth int) dossier.Span {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return dossier.Span{Start: i, End: i + len(s)}
	}
	f := func(role, s string, nth int, p float64) events.Filler {
		span := sp(s, nth)
		return events.Filler{Role: role, Prob: p, Incident: 1, Span: span, Text: text[span.Start:span.End]}
	}
	scored := []events.Filler{
		f(events.Perpetrator, "Rebels", 0, 0.3),
		f(events.Perpetrator, "rebels", 0, 0.3), // same text: 1-(0.7*0.7) = 0.51
		f(events.Target, "bridge", 0, 0.45),
		f(events.Target, "bridge", 1, 0.2), // 1-(0.55*0.8) = 0.56
		f(events.Perpetrator, "Front", 0, 0.2),
		f(events.Victim, "Front", 0, 0.9), // role without a threshold
	}
	th := map[string]float64{events.Perpetrator: 0.5, events.Target: 0.5}
	got := events.Select(scored, th, 0, 0, 0)
	var names []string
	for _, x := range got {
		names = append(names, x.Role+":"+x.Text)
	}
	if want := "perpetrator:Rebels target:bridge"; strings.Join(names, " ") != want {
		t.Errorf("Select = %q, want %q", names, want)
	}
	// A document the gate doubts loses its fillers.
	for i := range scored {
		scored[i].Incident = 0.1
	}
	if got := events.Select(scored, th, 1, 0, 0); len(got) != 0 {
		t.Errorf("gated Select = %+v, want none", got)
	}
	// Below the gate's minimum, nothing at all.
	for i := range scored {
		scored[i].Prob = 0.99
	}
	if got := events.Select(scored, th, 0.25, 0.2, 0); len(got) != 0 {
		t.Errorf("Select under the gate's minimum = %+v, want none", got)
	}
	_ = d
}

func TestSelectOnePhrasePerEntity(t *testing.T) {
	text := "Masked gunmen set off 20 kg of dynamite. The gunmen fled. The dynamite destroyed a kiosk."
	f := func(role, s string, p float64) events.Filler {
		i := strings.Index(text, s)
		return events.Filler{Role: role, Prob: p, Incident: 1, Span: dossier.Span{Start: i, End: i + len(s)}, Text: s}
	}
	scored := []events.Filler{
		f(events.Perpetrator, "Masked gunmen", 0.6),
		f(events.Perpetrator, "gunmen", 0.5),
		f(events.Weapon, "20 kg of dynamite", 0.4),
		f(events.Weapon, "dynamite", 0.7),
		f(events.Target, "kiosk", 0.6),
	}
	th := map[string]float64{events.Perpetrator: 0.3, events.Target: 0.3, events.Weapon: 0.3}
	var names []string
	for _, x := range events.Select(scored, th, 0, 0, 0) {
		names = append(names, x.Role+":"+x.Text)
	}
	if want := "perpetrator:Masked gunmen weapon:dynamite target:kiosk"; strings.Join(names, " ") != want {
		t.Errorf("Select = %q, want %q", names, want)
	}
}

func TestDefaultModel(t *testing.T) {
	m := events.Default()
	feats, classes := m.Size()
	if feats < 1000 || classes < 5 {
		t.Errorf("shipped model has %d features and %d classes", feats, classes)
	}
	for _, r := range []string{events.Perpetrator, events.Target, events.Victim, events.Weapon} {
		if _, ok := m.Thresholds[r]; !ok {
			t.Errorf("no threshold for %s", r)
		}
	}
	if !m.IsOrganisation("Farabundo Marti National Liberation Front") && !m.IsOrganisation("the liberation front") {
		t.Error("a liberation front is not an organisation")
	}
}

func BenchmarkExtract(b *testing.B) {
	d := nlp.Annotate(report, published)
	ents := extract.Entities(d)
	b.SetBytes(int64(len(report)))
	b.ResetTimer()
	for range b.N {
		events.Extract(d, ents)
	}
}

func TestSentenceGate(t *testing.T) {
	docs := inventedDocs(30)
	places := []string{"town square", "market hall", "school yard", "harbour front", "city park"}
	for i := range 30 {
		text := fmt.Sprintf("the mayor opened a festival in the %s on sunday . "+
			"officials said the crowd enjoyed the music .", places[i%5])
		docs = append(docs, events.TrainingDoc{Doc: nlp.Annotate(text, time.Time{}), Fillers: map[string][][]string{}})
	}
	m, err := events.Train(context.Background(), docs, events.TrainOptions{Iterations: 4, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.SentWeights) == 0 || m.SentPower == 0 {
		t.Fatalf("no sentence gate: %d weights, power %v", len(m.SentWeights), m.SentPower)
	}
	attack := nlp.Annotate("the lowland cell attacked the railway bridge with grenades , police said .", time.Time{})
	calm := nlp.Annotate("the mayor opened a fair in the old harbour on monday .", time.Time{})
	if a, c := m.Incident(attack), m.Incident(calm); a <= c {
		t.Errorf("incident probability of an attack report %.3f, of a festival report %.3f", a, c)
	}
	// the weapon's sentence gate prefers the sentence of the attack to
	// that of the fair.
	both := nlp.Annotate("The lowland cell attacked the railway bridge with grenades. The mayor opened a fair in the old harbour.", time.Time{})
	sent := map[int]float64{}
	for _, f := range m.Scored(both, 0) {
		if f.Role == events.Weapon {
			sent[f.Sentence] = f.Sent
		}
	}
	if len(sent) != 2 || sent[0] <= sent[1] {
		t.Errorf("weapon sentence gate by sentence: %v, want the first higher", sent)
	}
}

func TestMixChunkModel(t *testing.T) {
	m := &events.Model{ChunkMix: map[string]float64{"victim": 0.5}}
	fs := []events.Filler{{Role: "victim", Own: 0.04, Chunk: 0.64}, {Role: "target", Own: 0.3, Chunk: 0.9}}
	m.Mix(fs)
	if math.Abs(fs[0].Prob-0.16) > 1e-9 || fs[1].Prob != 0.3 {
		t.Errorf("Mix: got %v and %v, want 0.16 and 0.3", fs[0].Prob, fs[1].Prob)
	}
}

// checkLowlandFillers checks the roles a model trained on the invented
// reports of this file reads in the lowland-cell report: the group, the
// bridge and the grenades, and not the chamber of commerce.
func checkLowlandFillers(t *testing.T, m *events.Model, d *nlp.Doc) {
	t.Helper()
	got := map[string][]string{}
	for _, f := range m.Fillers(d) {
		got[f.Role] = append(got[f.Role], strings.ToLower(f.Text))
	}
	for role, want := range map[string]string{events.Perpetrator: "lowland cell", events.Target: "railway bridge", events.Weapon: "grenades"} {
		if !contains(got[role], want) {
			t.Errorf("%s = %q, want %q among them", role, got[role], want)
		}
	}
	if contains(got[events.Perpetrator], "chamber of commerce") {
		t.Errorf("the distractor is a perpetrator: %q", got[events.Perpetrator])
	}
}
