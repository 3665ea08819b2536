package tag

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// synthetic is a tiny corpus written for the tests.
func synthetic() (sents, tags [][]string) {
	lines := []string{
		"the/DT rebels/NNS attacked/VBD a/DT convoy/NN ./.",
		"a/DT soldier/NN was/VBD killed/VBN ./.",
		"the/DT army/NN said/VBD rebels/NNS fled/VBD ./.",
		"police/NNS arrested/VBD the/DT leader/NN ./.",
		"the/DT minister/NN visited/VBD a/DT village/NN ./.",
		"officials/NNS said/VBD the/DT village/NN was/VBD calm/JJ ./.",
	}
	for _, l := range lines {
		var w, tg []string
		for _, tok := range strings.Fields(l) {
			i := strings.LastIndexByte(tok, '/')
			w, tg = append(w, tok[:i]), append(tg, tok[i+1:])
		}
		sents, tags = append(sents, w), append(tags, tg)
	}
	return sents, tags
}

func TestTrainDeterministic(t *testing.T) {
	sents, tags := synthetic()
	opt := TrainOptions{Iterations: 5, Seed: 7, Bits: 12, CaseAugment: 0.5}
	var saved [2][]byte
	for k := range saved {
		var b bytes.Buffer
		if err := Train(sents, tags, opt).Save(&b); err != nil {
			t.Fatal(err)
		}
		saved[k] = b.Bytes()
	}
	if !bytes.Equal(saved[0], saved[1]) {
		t.Fatal("two trainings with the same seed gave different models")
	}
}

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	sents, tags := synthetic()
	m := Train(sents, tags, TrainOptions{Iterations: 10, Seed: 1, Bits: 12})
	for i, s := range sents {
		if got := m.Tag(s); !reflect.DeepEqual(got, tags[i]) {
			t.Errorf("Tag(%v) = %v, want %v", s, got, tags[i])
		}
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Kind != KindPOS {
		t.Errorf("Kind = %q after Load", m2.Kind)
	}
	for _, s := range sents {
		if a, b := m.Tag(s), m2.Tag(s); !reflect.DeepEqual(a, b) {
			t.Errorf("loaded model tags %v as %v, original as %v", s, b, a)
		}
	}
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Error("Load accepted garbage")
	}
}

func TestToIOB2(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I-NP I-NP B-NP I-VP O I-PP", "B-NP I-NP B-NP B-VP O B-PP"},
		{"B-NP I-NP O B-VP", "B-NP I-NP O B-VP"},
		{"I-NP I-VP I-VP", "B-NP B-VP I-VP"},
	}
	for _, tt := range tests {
		if got := strings.Join(ToIOB2(strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("ToIOB2(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestDefaultModels(t *testing.T) {
	words := strings.Fields("The rebels attacked a police station in the northern town on Tuesday , officials said .")
	pos := DefaultPOS().Tag(words)
	want := map[int]string{0: "DT", 1: "NNS", 2: "VBD", 3: "DT", 12: ",", 13: "NNS", 14: "VBD", 15: "."}
	for i, w := range want {
		if pos[i] != w {
			t.Errorf("POS of %q = %s, want %s (all: %v)", words[i], pos[i], w, pos)
		}
	}
	chunks := DefaultChunker().TagChunks(words, pos)
	wantChunks := map[int]string{0: "B-NP", 1: "I-NP", 2: "B-VP", 3: "B-NP", 4: "I-NP", 5: "I-NP", 6: "B-PP"}
	for i, w := range wantChunks {
		if chunks[i] != w {
			t.Errorf("chunk of %q = %s, want %s (all: %v)", words[i], chunks[i], w, chunks)
		}
	}
	// Upper-cased text (headlines, telexes) is tagged much the same.
	upper := strings.Fields(strings.ToUpper(strings.Join(words, " ")))
	same := 0
	for i, p := range DefaultPOS().Tag(upper) {
		if p == pos[i] {
			same++
		}
	}
	if same < len(words)-2 {
		t.Errorf("upper-cased sentence: only %d of %d POS tags agree", same, len(words))
	}
}

func TestHashLowerMatchesToLower(t *testing.T) {
	for _, w := range []string{"Islamabad", "ÉCOLE", "McDonald's", "İstanbul", "", "abc"} {
		if HashLower(w) != HashString(strings.ToLower(w)) && !strings.ContainsRune(w, 'İ') {
			t.Errorf("HashLower(%q) differs from HashString(ToLower)", w)
		}
	}
}

func BenchmarkPOS(b *testing.B) {
	words := strings.Fields("The Pakistani army said on Tuesday that militants from the Lashkar group had attacked a checkpoint near Peshawar , killing three soldiers and wounding five civilians .")
	m := DefaultPOS()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(words)
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "tokens/s")
}
