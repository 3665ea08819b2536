package events

import (
	"strings"

	"github.com/dossier-osint/dossier/nlp"
)

// candidate is a noun phrase that may fill a role: tokens [first, last)
// of sentence sent.
type candidate struct {
	first, last int
	sent        int
	// head is the index of the head token (the last noun of the phrase).
	head int
	// kind says how the phrase was cut from its chunk: "np" for the whole
	// chunk, "tail" for a shorter phrase ending at the same head, "conj"
	// for a conjunct, "ent" for an entity mention inside a chunk.
	kind string
	// outer is the index of the whole-chunk candidate this one was cut
	// from (itself for a whole chunk).
	outer int
}

// determiner words dropped from the front of a phrase.
var leading = map[string]bool{"the": true, "a": true, "an": true}

// candidates returns the noun phrases of d: each NP chunk (chunks split
// only by quotation marks are joined), its conjuncts, its shorter tails
// ending at the same head, and the entity mentions inside it.
func candidates(d *nlp.Doc) []candidate {
	var out []candidate
	for si, s := range d.Sentences {
		if s.Boilerplate {
			continue
		}
		for i := s.First; i < s.Last; {
			if !startsNP(d, i) {
				i++
				continue
			}
			j := i + 1
			for {
				for j < s.Last && strings.HasPrefix(d.Tokens[j].Chunk, "I-NP") {
					j++
				}
				// join "the " santo tomas " farm": quote, NP, quote, NP.
				k := j
				for k < s.Last && isQuote(d.Tokens[k].Text) {
					k++
				}
				if k > j && k < s.Last && d.Tokens[k].Chunk != "O" && strings.HasSuffix(d.Tokens[k].Chunk, "NP") {
					j = k + 1
					continue
				}
				break
			}
			out = appendPhrase(out, d, si, i, j, i)
			// "offices of the union", "merino 's home": the phrase
			// joined to the next chunk.
			if k := j; k < s.Last-1 && (strings.EqualFold(d.Tokens[k].Text, "of") || d.Tokens[j-1].POS == "POS" || d.Tokens[k].POS == "POS") {
				if strings.EqualFold(d.Tokens[k].Text, "of") {
					k++
				}
				if k < s.Last && startsNP(d, k) {
					m := k + 1
					for m < s.Last && strings.HasPrefix(d.Tokens[m].Chunk, "I-NP") {
						m++
					}
					out = appendPhrase(out, d, si, i, m, -1)
				}
			}
			i = j
		}
	}
	return out
}

func startsNP(d *nlp.Doc, i int) bool {
	c := d.Tokens[i].Chunk
	return c == "B-NP" || c == "I-NP"
}

func isQuote(s string) bool {
	switch s {
	case `"`, "“", "”", "'", "‘", "’", "``", "''":
		return true
	}
	return false
}

// appendPhrase adds the candidates of chunk [i, j) to out.
// A joined phrase (base < 0) adds itself alone.
func appendPhrase(out []candidate, d *nlp.Doc, si, i, j, base int) []candidate {
	// drop leading determiners and punctuation, trailing punctuation.
	for i < j && (leading[strings.ToLower(d.Tokens[i].Text)] || isPunct(d.Tokens[i].Text)) && !isQuote(d.Tokens[i].Text) {
		i++
	}
	for j > i && isPunct(d.Tokens[j-1].Text) && !(isQuote(d.Tokens[j-1].Text) && j-1 > i) {
		j--
	}
	if i >= j {
		return out
	}
	outer := len(out)
	add := func(a, b int, kind string) {
		for a < b && (isPunct(d.Tokens[a].Text) && !isQuote(d.Tokens[a].Text) || leading[strings.ToLower(d.Tokens[a].Text)]) {
			a++
		}
		for b > a && isPunct(d.Tokens[b-1].Text) && !isQuote(d.Tokens[b-1].Text) {
			b--
		}
		if a >= b {
			return
		}
		for _, c := range out[outer:] {
			if c.first == a && c.last == b {
				return
			}
		}
		out = append(out, candidate{first: a, last: b, sent: si, head: headOf(d, a, b), kind: kind, outer: outer})
	}
	if base < 0 {
		add(i, j, "join")
		return out
	}
	add(i, j, "np")
	// prefixes ending at an inner noun: "car bomb" of "car bomb attack".
	for k := i; k < j-1; k++ {
		if strings.HasPrefix(d.Tokens[k].POS, "NN") {
			add(i, k+1, "prefix")
			add(k, k+1, "noun")
		}
	}
	// conjuncts: split at "and", "or" and commas.
	parts := [][2]int{}
	a := i
	for k := i; k < j; k++ {
		w := strings.ToLower(d.Tokens[k].Text)
		if w == "and" || w == "or" || w == "," {
			parts = append(parts, [2]int{a, k})
			a = k + 1
		}
	}
	if len(parts) > 0 {
		parts = append(parts, [2]int{a, j})
		for _, p := range parts {
			add(p[0], p[1], "conj")
		}
	}
	// tails ending at the last token: drop numbers, adjectives, titles.
	for k := i + 1; k < j && k < i+5; k++ {
		add(k, j, "tail")
	}
	// entity mentions inside the chunk.
	for _, m := range d.Mentions {
		if m.First >= i && m.Last <= j && (m.First > i || m.Last < j) {
			add(m.First, m.Last, "ent")
		}
	}
	return out
}

func isPunct(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 {
			return false
		}
	}
	return true
}

// headOf returns the head of phrase [a, b): its last noun, or its last
// token.
func headOf(d *nlp.Doc, a, b int) int {
	for k := b - 1; k >= a; k-- {
		if strings.HasPrefix(d.Tokens[k].POS, "NN") || d.Tokens[k].POS == "PRP" || d.Tokens[k].POS == "CD" {
			return k
		}
	}
	return b - 1
}

// phraseText returns the text of tokens [a, b).
func phraseText(d *nlp.Doc, a, b int) string {
	return d.Text[d.Tokens[a].Start:d.Tokens[b-1].End]
}
