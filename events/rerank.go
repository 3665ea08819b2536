package events

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
)

// Reranker is the second stage of the role model: where the first stage
// scores each phrase on its own, the reranker scores each (phrase text,
// role) of a document from what the first stage says of all its mentions
// and of the document's other phrases: the best and summed probabilities,
// its rank among the document's phrases for the role, how often and how
// early it is mentioned, the incident gate, its entity type, how the
// phrase was cut, and the probabilities of the phrases beside it (an
// apposition, a list) and of the chunk it was cut from. It is a binary logistic regression per role, trained on
// first-stage probabilities of documents the first stage did not see
// (cross-validation folds).
type Reranker struct {
	// Weights holds, for each role class, numRerankFeatures weights, one
	// per feature that groups computes.
	Weights map[string][]float64
}

// group is the mentions of one text that the first stage gives one role.
type group struct {
	role, text string
	fillers    []int // indexes into the scored fillers, best first
	max, sum   float64
	miss       float64 // product of (1 - prob)
	sents      map[int]bool
	first      int
	feats      []float64
}

// numRerankFeatures is the number of features of a group.
const numRerankFeatures = 48

// groups gathers scored (the first stage's fillers of d) into groups and
// computes their features.
func groups(d *nlp.Doc, scored []Filler) []*group {
	byKey := map[[2]string]*group{}
	var gs []*group
	for i, f := range scored {
		k := [2]string{f.Role, normalise(f.Text)}
		g := byKey[k]
		if g == nil {
			g = &group{role: f.Role, text: k[1], miss: 1, sents: map[int]bool{}, first: f.Sentence}
			byKey[k] = g
			gs = append(gs, g)
		}
		g.fillers = append(g.fillers, i)
		g.max = max(g.max, f.Prob)
		g.sum += f.Prob
		g.miss *= 1 - f.Prob
		g.sents[f.Sentence] = true
		g.first = min(g.first, f.Sentence)
	}
	if len(gs) == 0 {
		return nil
	}
	near := neighbours(d, scored)
	for _, g := range gs {
		sort.SliceStable(g.fillers, func(a, b int) bool { return better(scored[g.fillers[a]], scored[g.fillers[b]]) })
	}
	// rank of each group among the groups of its role.
	byRole := map[string][]*group{}
	for _, g := range gs {
		byRole[g.role] = append(byRole[g.role], g)
	}
	rank := map[*group]int{}
	top := map[string]float64{}
	strong := map[string]int{}
	for r, rs := range byRole {
		sort.SliceStable(rs, func(a, b int) bool {
			if rs[a].max != rs[b].max {
				return rs[a].max > rs[b].max
			}
			return rs[a].text < rs[b].text
		})
		for i, g := range rs {
			rank[g] = i + 1
			if g.max >= 0.1 {
				strong[r]++
			}
		}
		top[r] = rs[0].max
	}
	// the best probability each text has for any other role.
	other := map[string]map[string]float64{}
	for _, g := range gs {
		if other[g.text] == nil {
			other[g.text] = map[string]float64{}
		}
		other[g.text][g.role] = g.max
	}
	firstAttack := -1
	v := newDocView(d)
	if v.attacks > 0 {
		firstAttack = v.firstAttack
	}
	types := map[dossier.Span]dossier.EntityType{}
	for _, m := range d.Mentions {
		types[m.Span] = m.Type
	}
	gate := scored[0].Incident
	for _, g := range gs {
		best := scored[g.fillers[0]]
		x := make([]float64, numRerankFeatures)
		x[0] = 1
		x[1] = logit(g.max)
		x[2] = math.Log(g.sum)
		x[3] = logit(1 - g.miss)
		x[4] = math.Log(float64(len(g.fillers)))
		x[5] = math.Log(float64(len(g.sents)))
		r := rank[g]
		x[6+min(r, 4)-1] = 1 // 6..9: rank 1, 2, 3, 4+
		x[10] = math.Log(float64(r))
		x[11] = g.max / top[g.role]
		switch {
		case g.first == 0:
			x[12] = 1
		case g.first == 1:
			x[13] = 1
		case g.first <= 3:
			x[14] = 1
		case g.first <= 7:
			x[15] = 1
		default:
			x[16] = 1
		}
		switch {
		case firstAttack < 0:
			x[17] = 1
		case g.first < firstAttack:
			x[18] = 1
		case g.first == firstAttack:
			x[19] = 1
		case g.first <= firstAttack+2:
			x[20] = 1
		default:
			x[21] = 1
		}
		x[22] = logit(gate)
		n := len(splitWords(g.text))
		x[23+min(n, 4)-1] = 1 // 23..26: 1, 2, 3, 4+ words
		switch types[best.Span] {
		case dossier.Person:
			x[27] = 1
		case dossier.Org:
			x[28] = 1
		case dossier.GPE, dossier.Loc, dossier.Fac:
			x[29] = 1
		case "":
			x[30] = 1
		default:
			x[31] = 1
		}
		switch best.kind {
		case "np":
			x[32] = 1
		case "tail":
			x[33] = 1
		case "conj":
			x[34] = 1
		case "ent":
			x[35] = 1
		case "join":
			x[36] = 1
		default: // prefix, noun
			x[37] = 1
		}
		oth := 0.0
		for r, p := range other[g.text] {
			if RoleOf(r) != RoleOf(g.role) {
				oth = max(oth, p)
			}
		}
		x[38] = logit(max(oth, ScoreFloor/2))
		if oth > g.max {
			x[39] = 1
		}
		x[40] = math.Log(1 + float64(strong[g.role]))
		x[41] = math.Log(1 + float64(len(d.Sentences)))
		x[42] = math.Log(1 + float64(v.attacks))
		if len(g.sents) > 1 && g.first == 0 {
			x[43] = 1 // in the lead and told again
		}
		// what the first stage says of the phrases next to its mentions
		// (an apposition, a list) and of the chunks they were cut from.
		nb, outer := 0.0, 0.0
		for _, i := range g.fillers {
			nb = max(nb, near[i].side)
			outer = max(outer, near[i].outer)
		}
		x[44] = logit(max(nb, ScoreFloor/2))
		x[45] = logit(max(outer, ScoreFloor/2))
		if nb > g.max {
			x[46] = 1
		}
		if outer > g.max {
			x[47] = 1
		}
		g.feats = x
	}
	return gs
}

// nearProbs are, for one scored filler, the first stage's best probability
// of its role for a phrase beside it across a comma, "and", "or" or a
// bracket, and for the whole chunk it was cut from.
type nearProbs struct{ side, outer float64 }

// neighbours returns the nearProbs of each of scored.
func neighbours(d *nlp.Doc, scored []Filler) []nearProbs {
	type rk struct {
		role  string
		outer int
	}
	chunk := map[rk]float64{}
	bySent := map[int][]int{}
	for i, f := range scored {
		if f.kind == "np" {
			k := rk{f.Role, f.outer}
			chunk[k] = max(chunk[k], f.Prob)
		}
		bySent[f.Sentence] = append(bySent[f.Sentence], i)
	}
	out := make([]nearProbs, len(scored))
	for i, f := range scored {
		out[i].outer = chunk[rk{f.Role, f.outer}]
		for _, j := range bySent[f.Sentence] {
			o := scored[j]
			if o.Role != f.Role || j == i {
				continue
			}
			var gap string
			switch {
			case o.Span.End <= f.Span.Start && f.Span.Start-o.Span.End <= 8:
				gap = d.Text[o.Span.End:f.Span.Start]
			case f.Span.End <= o.Span.Start && o.Span.Start-f.Span.End <= 8:
				gap = d.Text[f.Span.End:o.Span.Start]
			default:
				continue
			}
			switch strings.Join(strings.Fields(gap), " ") {
			case ",", "and", ", and", "or", "(", ")", ", (":
				out[i].side = max(out[i].side, o.Prob)
			}
		}
	}
	return out
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func logit(p float64) float64 {
	p = min(max(p, 1e-4), 1-1e-4)
	return math.Log(p / (1 - p))
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Rerank returns, for each (text, role) of the first stage's fillers of d,
// its best mention with the reranker's probability as Prob; the fillers of
// roles the reranker has no weights for are returned as they are. Without
// a reranker it returns scored.
func (m *Model) Rerank(d *nlp.Doc, scored []Filler) []Filler {
	if m.Reranker == nil || len(scored) == 0 {
		return scored
	}
	var out []Filler
	for _, f := range scored {
		if _, ok := m.Reranker.Weights[f.Role]; !ok {
			out = append(out, f) // a role it does not rescore
		}
	}
	for _, g := range groups(d, scored) {
		w, ok := m.Reranker.Weights[g.role]
		if !ok {
			continue
		}
		f := scored[g.fillers[0]]
		z := 0.0
		for i, x := range g.feats {
			z += w[i] * x
		}
		f.Prob = sigmoid(z)
		out = append(out, f)
	}
	return out
}

// RerankDoc is a training document of the reranker: its gold fillers and
// the first stage's fillers of it, by a model that did not see it.
type RerankDoc struct {
	TrainingDoc
	Scored []Filler
}

// TrainReranker fits a reranker for roles (model classes) on docs by Newton's method
// (deterministic) with an L2 penalty of l2 (default 1).
func TrainReranker(docs []RerankDoc, roles []string, l2 float64) (*Reranker, error) {
	if l2 == 0 {
		l2 = 1
	}
	xs := map[string][][]float64{}
	ys := map[string][]float64{}
	for _, td := range docs {
		gold := map[string]map[string]bool{}
		for _, r := range roles {
			gold[r] = map[string]bool{}
			for _, e := range td.Fillers[r] {
				for _, a := range e {
					gold[r][normalise(a)] = true
				}
			}
		}
		for _, g := range groups(td.Doc, td.Scored) {
			if _, ok := gold[g.role]; !ok {
				continue
			}
			y := 0.0
			if gold[g.role][g.text] {
				y = 1
			}
			xs[g.role] = append(xs[g.role], g.feats)
			ys[g.role] = append(ys[g.role], y)
		}
	}
	rr := &Reranker{Weights: map[string][]float64{}}
	for _, r := range roles {
		if len(xs[r]) == 0 {
			continue
		}
		w, err := newton(xs[r], ys[r], l2, 30)
		if err != nil {
			return nil, fmt.Errorf("rerank %s: %w", r, err)
		}
		rr.Weights[r] = w
	}
	return rr, nil
}

// newton fits a binary logistic regression with an L2 penalty (not on the
// first, bias, feature) by Newton's method.
func newton(xs [][]float64, ys []float64, l2 float64, iters int) ([]float64, error) {
	n := len(xs[0])
	w := make([]float64, n)
	for range iters {
		g := make([]float64, n)
		h := make([][]float64, n)
		for i := range h {
			h[i] = make([]float64, n)
		}
		for k, x := range xs {
			z := 0.0
			for i, v := range x {
				z += w[i] * v
			}
			p := sigmoid(z)
			e := p - ys[k]
			s := p * (1 - p)
			for i, v := range x {
				if v == 0 {
					continue
				}
				g[i] += e * v
				for j, u := range x {
					if u != 0 {
						h[i][j] += s * v * u
					}
				}
			}
		}
		for i := 1; i < n; i++ {
			g[i] += l2 * w[i]
			h[i][i] += l2
		}
		h[0][0] += 1e-6
		step, err := solve(h, g)
		if err != nil {
			return nil, err
		}
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change = max(change, math.Abs(step[i]))
		}
		if change < 1e-8 {
			break
		}
	}
	return w, nil
}

// solve returns x with a x = b by Gaussian elimination with partial
// pivoting (a and b are overwritten).
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) < 1e-12 {
			return nil, fmt.Errorf("singular system")
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			if f == 0 {
				continue
			}
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x, nil
}
