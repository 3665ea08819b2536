package tag

import "testing"

func TestLemma(t *testing.T) {
	tests := []struct{ word, pos, want string }{
		{"attacked", "VBD", "attack"},
		{"released", "VBN", "release"},
		{"releasing", "VBG", "release"},
		{"raised", "VBD", "raise"},
		{"focused", "VBD", "focus"},
		{"biased", "VBN", "bias"},
		{"pleased", "VBN", "please"},
		{"freed", "VBN", "free"},
		{"agreed", "VBD", "agree"},
		{"passed", "VBD", "pass"},
		{"visited", "VBD", "visit"},
		{"dying", "VBG", "die"},
		{"stopped", "VBD", "stop"},
		{"added", "VBD", "add"},
		{"erred", "VBD", "err"},
		{"planning", "VBG", "plan"},
		{"killed", "VBN", "kill"},
		{"hoped", "VBD", "hope"},
		{"announced", "VBD", "announce"},
		{"carried", "VBD", "carry"},
		{"making", "VBG", "make"},
		{"planning", "VBG", "plan"},
		{"says", "VBZ", "say"},
		{"was", "VBD", "be"},
		{"said", "VBD", "say"},
		{"militias", "NNS", "militia"},
		{"women", "NNS", "woman"},
		{"countries", "NNS", "country"},
		{"churches", "NNS", "church"},
		{"Officials", "NNS", "official"},
		{"bus", "NN", "bus"},
		{"crisis", "NN", "crisis"},
		{"Islamabad", "NNP", "Islamabad"},
		{"bigger", "JJR", "big"},
		{"happiest", "JJS", "happy"},
		{"better", "JJR", "good"},
		{"The", "DT", "the"},
	}
	for _, tt := range tests {
		if got := Lemma(tt.word, tt.pos); got != tt.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tt.word, tt.pos, got, tt.want)
		}
	}
}
