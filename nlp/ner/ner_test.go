package ner

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/nlp/models"
	"github.com/dossier-osint/dossier/nlp/tag"
)

func tagWords(m *Model, sentence string) (words, tags []string) {
	words = strings.Fields(sentence)
	pos := tag.DefaultPOS().Tag(words)
	return words, m.Tag(words, pos, tag.DefaultChunker().TagChunks(words, pos))
}

// entities returns "TYPE:words" for every span found.
func entities(words, tags []string) []string {
	var out []string
	for _, s := range Spans(tags) {
		out = append(out, s.Type+":"+strings.Join(words[s.Start:s.End], " "))
	}
	return out
}

func TestDefaultModelTagsWrittenSentences(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The United Nations said on Monday that 40 people were killed in clashes near Mogadishu .",
			[]string{"ORG:United Nations", "LOC:Mogadishu"}},
		{"Prime Minister Benazir Bhutto flew to London to meet British officials .",
			[]string{"PER:Benazir Bhutto", "LOC:London", "MISC:British"}},
		{"GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A POST IN SAN MIGUEL .",
			[]string{"ORG:FARABUNDO MARTI NATIONAL LIBERATION FRONT", "LOC:SAN MIGUEL"}},
	}
	for _, tt := range tests {
		words, tags := tagWords(Default(), tt.sentence)
		if got := entities(words, tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s\n got %v\nwant %v", tt.sentence, got, tt.want)
		}
	}
}

// TestDefaultModelHardSentence pins what the shipped model gets of a hard
// sentence: an unseen hyphenated organisation name and a four-word Urdu
// name. It finds the place and the person, but (a known weakness, see the
// models README) cuts the name short and misses the organisation; when a
// better model finds them, tighten this test to the full answer.
func TestDefaultModelHardSentence(t *testing.T) {
	words, tags := tagWords(Default(), "Maulana Abdul Rauf Qasmi , chief of Lashkar-e-Qahhar , met officials in Islamabad on Tuesday .")
	got := entities(words, tags)
	full := []string{"PER:Maulana Abdul Rauf Qasmi", "ORG:Lashkar-e-Qahhar", "LOC:Islamabad"}
	if reflect.DeepEqual(got, full) {
		return
	}
	var per, loc bool
	for _, s := range Spans(tags) {
		per = per || s.Type == "PER" && s.Start == 0 && s.End >= 3
		loc = loc || s.Type == "LOC" && words[s.Start] == "Islamabad" && s.End == s.Start+1
	}
	if !per || !loc {
		t.Errorf("got %v, want at least a PER from Maulana and LOC:Islamabad (ideally %v)", got, full)
	}
	t.Logf("known miss: got %v, full answer %v", got, full)
}

func TestTagIsValidIOB2(t *testing.T) {
	words, tags := tagWords(Default(), "Officials of the Red Cross in Geneva said John Smith of Reuters left Kabul .")
	for i, tg := range tags {
		if strings.HasPrefix(tg, "I-") && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != tg[2:]) {
			t.Errorf("tag %d %s of %v does not continue an entity (%v)", i, tg, words, tags)
		}
	}
	if got := Default().Tag(nil, nil, nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
}

// synthetic builds a small, invented training set.
func synthetic(n int, seed int64) []Sentence {
	rng := rand.New(rand.NewSource(seed))
	people := []string{"Anna Koval", "Tariq Mansoor", "Pedro Alves", "Mei Lin"}
	places := []string{"Kandor", "Port Selim", "Varna"}
	orgs := []string{"Red Banner Front", "Northern Bank"}
	var out []Sentence
	for i := 0; i < n; i++ {
		var s Sentence
		add := func(text, typ string) {
			for k, w := range strings.Fields(text) {
				s.Words = append(s.Words, w)
				t := "O"
				if typ != "" {
					t = "I-" + typ
					if k == 0 {
						t = "B-" + typ
					}
				}
				s.Tags = append(s.Tags, t)
			}
		}
		add(people[rng.Intn(len(people))], "PER")
		add("of the", "")
		add(orgs[rng.Intn(len(orgs))], "ORG")
		add("arrived in", "")
		add(places[rng.Intn(len(places))], "LOC")
		add(".", "")
		s.POS = make([]string, len(s.Words))
		s.Chunks = make([]string, len(s.Words))
		out = append(out, s)
	}
	return out
}

func TestTrainDeterministic(t *testing.T) {
	train, dev := synthetic(40, 1), synthetic(10, 2)
	opt := TrainOptions{POS: tag.DefaultPOS(), Chunker: tag.DefaultChunker(), Iterations: 3, Seed: 5, Bits: 14, CaseAugment: 0.3}
	var saved [2][]byte
	for k := range saved {
		m, rep, err := Train(train, dev, opt)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Dev.Overall.F1() < 0.9 {
			t.Errorf("synthetic dev F1 = %.3f, want >= 0.9", rep.Dev.Overall.F1())
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		saved[k] = b.Bytes()
	}
	if !bytes.Equal(saved[0], saved[1]) {
		t.Fatal("two trainings with the same seed gave different models")
	}
	m, err := Load(bytes.NewReader(saved[0]))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Mei Lin of the Northern Bank arrived in Varna .")
	pos := tag.DefaultPOS().Tag(words)
	got := entities(words, m.Tag(words, pos, tag.DefaultChunker().TagChunks(words, pos)))
	want := []string{"PER:Mei Lin", "ORG:Northern Bank", "LOC:Varna"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded model: got %v, want %v", got, want)
	}
}

func TestSpansConllevalSemantics(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		// IOB1: B- only between touching entities of one type.
		{"I-PER I-PER B-PER O I-LOC", []Span{{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}}},
		// IOB2.
		{"B-ORG I-ORG O B-LOC B-LOC", []Span{{0, 2, "ORG"}, {3, 4, "LOC"}, {4, 5, "LOC"}}},
		// A type change starts a new entity even under I-.
		{"I-ORG I-LOC I-LOC", []Span{{0, 1, "ORG"}, {1, 3, "LOC"}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		if got := Spans(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%s) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	gold := [][]string{
		strings.Fields("I-PER I-PER O I-LOC O I-ORG I-ORG"),
		strings.Fields("O I-MISC O"),
	}
	pred := [][]string{
		// PER exact (IOB2 vs IOB1 gold), LOC missed, ORG only partly found.
		strings.Fields("B-PER I-PER O O O B-ORG O"),
		strings.Fields("O B-MISC O"),
	}
	s := Evaluate(gold, pred)
	want := map[string]Count{
		"PER":  {Gold: 1, Predicted: 1, Correct: 1},
		"LOC":  {Gold: 1, Predicted: 0, Correct: 0},
		"ORG":  {Gold: 1, Predicted: 1, Correct: 0},
		"MISC": {Gold: 1, Predicted: 1, Correct: 1},
	}
	if !reflect.DeepEqual(s.ByType, want) {
		t.Errorf("ByType = %v, want %v", s.ByType, want)
	}
	if s.Overall != (Count{Gold: 4, Predicted: 3, Correct: 2}) {
		t.Errorf("Overall = %+v", s.Overall)
	}
	if p, r := s.Overall.Precision(), s.Overall.Recall(); p != 2.0/3 || r != 0.5 {
		t.Errorf("P, R = %v, %v", p, r)
	}
	if f := s.Overall.F1(); f < 0.5714 || f > 0.5715 {
		t.Errorf("F1 = %v, want 4/7", f)
	}
	var b bytes.Buffer
	if err := WriteConllevalOutput(&b, [][]string{{"Kabul", "fell"}}, [][]string{{"I-LOC", "O"}}, [][]string{{"B-LOC", "O"}}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "Kabul I-LOC B-LOC\nfell O O\n\n" {
		t.Errorf("conlleval output = %q", got)
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nAid NN I-NP O\nreached VBD I-VP O\nHerat NNP I-NP I-LOC\n. . O O\n\n-DOCSTART- -X- O O\n\nRain NN I-NP O\n"
	s, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || len(s[0].Words) != 4 || s[0].Tags[2] != "I-LOC" || s[0].POS[1] != "VBD" || s[1].Doc != 2 || s[0].Doc != 1 {
		t.Errorf("ReadCoNLL = %+v", s)
	}
	if _, err := ReadCoNLL(strings.NewReader("word NN I-NP X-PER\n")); err == nil {
		t.Error("accepted a bad entity tag")
	}
}

// TestEvalIgnoresPOSAndChunkColumns checks that evaluation tags with
// dossier's own tagger: garbage in the file's POS and chunk columns leaves
// the scores unchanged.
func TestEvalIgnoresPOSAndChunkColumns(t *testing.T) {
	text := "-DOCSTART- -X- O O\n\n" +
		"Rebels NNS I-NP O\nattacked VBD I-VP O\nKunduz NNP I-NP I-LOC\non IN I-PP O\nFriday NNP I-NP O\n, , O O\nGeneral NNP I-NP O\nAhmad NNP I-NP I-PER\nNoori NNP I-NP I-PER\nsaid VBD I-VP O\n. . O O\n\n" +
		"The DT I-NP O\nRed NNP I-NP I-ORG\nCrescent NNP I-NP I-ORG\nsent VBD I-VP O\naid NN I-NP O\n. . O O\n"
	garbage := func(s string) string {
		var out []string
		for i, line := range strings.Split(s, "\n") {
			f := strings.Fields(line)
			if len(f) == 4 && f[0] != "-DOCSTART-" {
				f[1], f[2] = []string{"CD", "UH", "SYM"}[i%3], []string{"I-ADJP", "B-VP", "O"}[i%3]
			}
			out = append(out, strings.Join(f, " "))
		}
		return strings.Join(out, "\n")
	}
	dir := t.TempDir()
	var tables [2]string
	var scores [2]Scores
	for k, content := range []string{text, garbage(text)} {
		path := filepath.Join(dir, "in.txt")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		sc, err := EvalCommand(t.Context(), path, filepath.Join(dir, "out.txt"), "", &b)
		if err != nil {
			t.Fatal(err)
		}
		tables[k], scores[k] = b.String(), sc
	}
	if tables[0] != tables[1] {
		t.Errorf("scores changed with garbage POS/chunk columns:\n%s\nvs\n%s", tables[0], tables[1])
	}
	if scores[0].Overall.Gold != 3 {
		t.Errorf("gold entities = %d, want 3", scores[0].Overall.Gold)
	}
	out, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "Rebels O O\nattacked O O\nKunduz I-LOC ") {
		t.Errorf("conlleval output starts %q", string(out)[:40])
	}
}

// TestBeam checks that beam decoding returns valid IOB2 tags and that the
// beam width and temperature survive Save and Load.
func TestBeam(t *testing.T) {
	m, err := Load(bytes.NewReader(models.NER))
	if err != nil {
		t.Fatal(err)
	}
	m.setBeam(2, DefaultBeamTemp)
	words := strings.Fields("Rashid Noori 3-1 ( Kabul ) beat Omar Saidi at the Herat Open , the Afghan Tennis Federation said on Friday .")
	posM, chunkM := posChunkers()
	pos := posM.Tag(words)
	tags := m.Tag(words, pos, chunkM.TagChunks(words, pos))
	if len(tags) != len(words) {
		t.Fatalf("%d tags for %d words", len(tags), len(words))
	}
	for i, tg := range tags {
		if strings.HasPrefix(tg, "I-") && (i == 0 || tags[i-1] == "O" || tags[i-1][2:] != tg[2:]) {
			t.Errorf("tag %d %s after %v", i, tg, tags[:i])
		}
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.beam != 2 || m2.temp != DefaultBeamTemp {
		t.Errorf("loaded beam %d temp %g, want 2 %g", m2.beam, m2.temp, DefaultBeamTemp)
	}
	if got := m2.Tag(words, pos, chunkM.TagChunks(words, pos)); strings.Join(got, " ") != strings.Join(tags, " ") {
		t.Errorf("after Load: %v, want %v", got, tags)
	}
}
