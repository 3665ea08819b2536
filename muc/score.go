package muc

import (
	"fmt"
	"io"
	"strings"
)

// Normalize puts a role filler in the form the matching rule compares:
// lower-cased, spaces collapsed, a leading article dropped.
func Normalize(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for len(f) > 1 {
		switch f[0] {
		case "the", "a", "an":
			f = f[1:]
			continue
		}
		break
	}
	return strings.Join(f, " ")
}

// Counts are the predicted, gold and matched fillers of one role (or of
// all roles together).
type Counts struct {
	Pred, Gold, Match int
}

// P returns the precision (0 when nothing was predicted).
func (c Counts) P() float64 { return ratio(c.Match, c.Pred) }

// R returns the recall (0 when there is nothing to find).
func (c Counts) R() float64 { return ratio(c.Match, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
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

// Score accumulates the scores of documents.
type Score struct {
	// Roles holds the counts of each MUC role.
	Roles map[string]*Counts
	// Docs counts the documents scored; NoIncident those whose gold has no
	// role filler at all, and FalseAlarms those of them where something was
	// predicted.
	Docs, NoIncident, FalseAlarms int
}

// NewScore returns an empty score.
func NewScore() *Score {
	s := &Score{Roles: map[string]*Counts{}}
	for _, r := range RoleNames {
		s.Roles[r] = &Counts{}
	}
	return s
}

// Add scores one document: pred maps each role to the predicted strings,
// gold is the document's gold roles. Within a role, predictions equal after
// Normalize count once; a prediction matches a gold entity when it equals
// one of the entity's alternatives after Normalize, and each gold entity
// is matched at most once (the matching is a maximum one between
// predictions and entities).
func (s *Score) Add(pred map[string][]string, gold Roles) {
	s.Docs++
	nGold, nPred := 0, 0
	for _, r := range RoleNames {
		c := s.Roles[r]
		p := dedupe(pred[r])
		g := gold[r]
		c.Pred += len(p)
		c.Gold += len(g)
		c.Match += match(p, g)
		nGold += len(g)
		nPred += len(p)
	}
	if nGold == 0 {
		s.NoIncident++
		if nPred > 0 {
			s.FalseAlarms++
		}
	}
}

// Micro returns the counts summed over the roles.
func (s *Score) Micro() Counts {
	var t Counts
	for _, r := range RoleNames {
		c := s.Roles[r]
		t.Pred += c.Pred
		t.Gold += c.Gold
		t.Match += c.Match
	}
	return t
}

// FalseAlarmRate is the share of no-incident documents for which something
// was predicted.
func (s *Score) FalseAlarmRate() float64 { return ratio(s.FalseAlarms, s.NoIncident) }

// Write prints a table of precision, recall and F1 per role and
// micro-averaged, and the false-alarm rate.
func (s *Score) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %6s %6s %6s\n", "role", "pred", "gold", "match", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-8s %6d %6d %6d %6.2f %6.2f %6.2f\n", name, c.Pred, c.Gold, c.Match, 100*c.P(), 100*c.R(), 100*c.F1())
	}
	for _, r := range RoleNames {
		row(r, *s.Roles[r])
	}
	row("micro", s.Micro())
	fmt.Fprintf(&b, "documents %d, no incident %d, false alarms %d (%.1f%%)\n",
		s.Docs, s.NoIncident, s.FalseAlarms, 100*s.FalseAlarmRate())
	_, err := io.WriteString(w, b.String())
	return err
}

// dedupe returns the distinct normalised predictions, in order.
func dedupe(p []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range p {
		n := Normalize(s)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// match returns the size of a maximum matching between normalised
// predictions and gold entities, an edge joining a prediction to an entity
// one of whose alternatives it equals.
func match(pred []string, gold [][]string) int {
	edges := make([][]int, len(pred))
	for i, p := range pred {
		for j, alts := range gold {
			for _, a := range alts {
				if Normalize(a) == p {
					edges[i] = append(edges[i], j)
					break
				}
			}
		}
	}
	owner := make([]int, len(gold))
	for j := range owner {
		owner[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range edges[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || try(owner[j], seen) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	n := 0
	for i := range pred {
		if try(i, make([]bool, len(gold))) {
			n++
		}
	}
	return n
}
