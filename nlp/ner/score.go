package ner

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Span is an entity mention: tokens [Start, End) of a sentence and its type.
type Span struct {
	Start, End int
	Type       string
}

// Spans reads the entity spans off IOB1 or IOB2 tags with the rules of the
// conlleval script: a chunk starts at B-, at I- after O or after another
// type, and ends before any such start.
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i, t := range tags {
		prefix, ty := split(t)
		begins := prefix == "B" || (prefix == "I" && ty != typ)
		if start >= 0 && (prefix == "O" || begins) {
			out = append(out, Span{start, i, typ})
			start, typ = -1, ""
		}
		if begins {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(tags), typ})
	}
	return out
}

func split(t string) (prefix, typ string) {
	if t == "O" || len(t) < 2 || t[1] != '-' {
		return "O", ""
	}
	return t[:1], t[2:]
}

// Count is the tally for one entity type.
type Count struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted (0 when nothing was predicted).
func (c Count) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold (0 when there is no gold entity).
func (c Count) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are conlleval scores: an entity counts as correct only when its
// span and type both match a gold entity exactly.
type Scores struct {
	ByType  map[string]Count
	Overall Count
	// Tokens and TokensCorrect count tokens whose tag (type and inside or
	// outside, ignoring the B/I distinction) matches.
	Tokens, TokensCorrect int
}

// Evaluate scores predicted tags against gold tags, sentence by sentence.
// Both may be IOB1 or IOB2.
func Evaluate(gold, pred [][]string) Scores {
	s := Scores{ByType: map[string]Count{}}
	for k := range gold {
		g, p := Spans(gold[k]), Spans(pred[k])
		set := map[Span]bool{}
		for _, x := range g {
			set[x] = true
			c := s.ByType[x.Type]
			c.Gold++
			s.ByType[x.Type] = c
		}
		for _, x := range p {
			c := s.ByType[x.Type]
			c.Predicted++
			if set[x] {
				c.Correct++
			}
			s.ByType[x.Type] = c
		}
		for i := range gold[k] {
			_, gt := split(gold[k][i])
			_, pt := split(pred[k][i])
			s.Tokens++
			if gt == pt {
				s.TokensCorrect++
			}
		}
	}
	for _, c := range s.ByType {
		s.Overall.Gold += c.Gold
		s.Overall.Predicted += c.Predicted
		s.Overall.Correct += c.Correct
	}
	return s
}

// WriteTable prints the scores as a per-type table.
func (s Scores) WriteTable(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-8s %6s %6s %6s %9s %6s %6s\n", "type", "gold", "pred", "ok", "precision", "recall", "F1")
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	row := func(name string, c Count) {
		fmt.Fprintf(bw, "%-8s %6d %6d %6d %9.2f %6.2f %6.2f\n", name, c.Gold, c.Predicted, c.Correct, 100*c.Precision(), 100*c.Recall(), 100*c.F1())
	}
	for _, t := range types {
		row(t, s.ByType[t])
	}
	row("overall", s.Overall)
	fmt.Fprintf(bw, "token accuracy %.2f%% (%d tokens)\n", 100*ratio(s.TokensCorrect, s.Tokens), s.Tokens)
	return bw.Flush()
}

// WriteConllevalOutput writes "token gold predicted" per line with a blank
// line between sentences, the input format of the conlleval script.
func WriteConllevalOutput(w io.Writer, words, gold, pred [][]string) error {
	bw := bufio.NewWriter(w)
	for k := range words {
		for i, word := range words[k] {
			fmt.Fprintf(bw, "%s %s %s\n", strings.ReplaceAll(word, " ", "_"), gold[k][i], pred[k][i])
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
