package ner

import "strings"

// Recased returns a copy of sents with every word passed through f (for
// example strings.ToUpper), to measure how the recogniser copes with text
// in one case; tags are kept.
func Recased(sents []Sentence, f func(string) string) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		c := s
		c.Words = make([]string, len(s.Words))
		for j, w := range s.Words {
			c.Words[j] = f(w)
		}
		out[i] = c
	}
	return out
}

// CaseReport scores the recogniser on sents as written, upper-cased and
// lower-cased.
func CaseReport(m *Model, sents []Sentence) (mixed, upper, lower Scores) {
	pos, chunk := posChunkers()
	score := func(ss []Sentence) Scores {
		gold := make([][]string, len(ss))
		for i, s := range ss {
			gold[i] = s.Tags
		}
		return Evaluate(gold, Predict(m, pos, chunk, ss))
	}
	return score(sents), score(Recased(sents, strings.ToUpper)), score(Recased(sents, strings.ToLower))
}
