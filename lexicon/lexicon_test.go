package lexicon

import (
	"slices"
	"testing"
)

func TestLemmaException(t *testing.T) {
	tests := []struct {
		word, pos, want string
		ok              bool
	}{
		{"went", "v", "go", true},
		{"went", "VBD", "go", true},
		{"Went", "verb", "go", true},
		{"was", "VBD", "be", true},
		{"found", "VBN", "find", true},
		{"saw", "v", "see", true},
		{"mice", "n", "mouse", true},
		{"mice", "NNS", "mouse", true},
		{"data", "n", "datum", true},
		{"leaves", "n", "leaf", true},
		{"better", "JJR", "good", true},
		{"best", "RBS", "well", true},
		{"amici curiae", "n", "amicus curiae", true},
		{"Bases-on-balls", "n", "base on balls", true},
		// Regular forms and wrong parts of speech are not exceptions.
		{"walked", "v", "", false},
		{"went", "n", "", false},
		{"mice", "v", "", false},
		{"went", "XX", "", false},
		{"", "v", "", false},
	}
	for _, tt := range tests {
		got, ok := LemmaException(tt.word, tt.pos)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LemmaException(%q, %q) = %q, %v; want %q, %v", tt.word, tt.pos, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLemmaExceptions(t *testing.T) {
	if got := LemmaExceptions("leaves", "n"); !slices.Equal(got, []string{"leaf", "leave"}) {
		t.Errorf("LemmaExceptions(leaves, n) = %q", got)
	}
	if got := LemmaExceptions("better", "a"); !slices.Equal(got, []string{"good", "well"}) {
		t.Errorf("LemmaExceptions(better, a) = %q", got)
	}
	got := LemmaExceptions("better", "a")
	got[0] = "changed"
	if l, _ := LemmaException("better", "a"); l != "good" {
		t.Error("LemmaExceptions returns shared storage")
	}
	if n := len(lemmaTable()); n < 5500 {
		t.Errorf("lemma table has %d entries, want about 5,900", n)
	}
}

func TestWordNetPOS(t *testing.T) {
	tests := map[string]string{
		"n": "n", "NN": "n", "NNPS": "n", "noun": "n",
		"v": "v", "VB": "v", "VBZ": "v", "MD": "v",
		"a": "a", "s": "a", "JJ": "a", "JJS": "a", "adjective": "a",
		"r": "r", "RB": "r", "RBR": "r", "adv": "r",
		"IN": "", "DT": "", "": "", "x": "",
	}
	for in, want := range tests {
		if got := WordNetPOS(in); got != want {
			t.Errorf("WordNetPOS(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsCommonWord(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"of", true}, {"Of", true}, {"ALONG", true}, {"the", true}, {"nice", true},
		{"reading", true}, {"walked", true}, {"cities", true},
		{"Srinagar", false}, {"Delhi", false}, {"Islamabad", false}, {"Pakistan", false},
		{"", false}, {"xqzzy", false},
	}
	for _, tt := range tests {
		if got := IsCommonWord(tt.word); got != tt.want {
			t.Errorf("IsCommonWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func BenchmarkLemmaException(b *testing.B) {
	LemmaException("went", "v")
	words := []string{"went", "mice", "walked", "better", "children", "ran"}
	for i := 0; b.Loop(); i++ {
		LemmaException(words[i%len(words)], "VBD")
	}
}

func BenchmarkIsCommonWord(b *testing.B) {
	IsCommonWord("of")
	words := []string{"Of", "along", "Srinagar", "Nice", "Delhi", "reading"}
	for i := 0; b.Loop(); i++ {
		IsCommonWord(words[i%len(words)])
	}
}
