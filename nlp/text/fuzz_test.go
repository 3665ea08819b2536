package text

import "testing"

func FuzzTokenize(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Add("Mr. Khan's U.S. trip... “Why?” he asked.\n\nAlso read: x")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkOffsets(t, s, toks)
		checkSentences(t, s, toks, Sentences(s, toks))
		prev := 0
		for _, p := range Paragraphs(s) {
			if p.Start < prev || p.End <= p.Start || p.End > len(s) {
				t.Fatalf("bad paragraph %v after %d", p, prev)
			}
			prev = p.End
		}
	})
}
