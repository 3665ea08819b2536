package ner

import "math"

// Beam decoding: each sentence is decoded left to right keeping the best
// few partial label sequences instead of one, so that one early wrong
// decision (a span opened that the transition constraints then force to run
// on through a score, "Rashid Noori 3-1") can be given up when later
// words score it badly.
// The features of the labels earlier in the document (history) are taken
// from the sentences before this one only, so that every hypothesis of a
// sentence sees the same ones; the labels of the sentence are recorded once
// it is decoded.

// maxBeam is the widest beam decoded.
const maxBeam = 8

// DefaultBeamTemp is the temperature of beam decoding, in nats per unit of
// the model's int16 scores: 0.001 was best on dev for beam 2 with three
// seeds (of 0.0005, 0.0007, 0.001, 0.0015).
const DefaultBeamTemp = 0.001

// beamPrune is how far behind the best hypothesis, in nats, another may be
// and still be kept (1 nat lost 0.06 dev F1 with beam 2; 2 and 3 nothing).
const beamPrune = 3

// expSteps is the number of steps per nat of the table of exp(-x); the
// table stops at expRange nats, beyond which exp(-x) counts as 0.
const (
	expSteps = 64
	expRange = 24
)

// setBeam sets the beam width and the temperature that turns score units
// into nats (beam.go).
func (m *Model) setBeam(k int, temp float32) {
	m.beam, m.temp = min(k, maxBeam), temp
	if k <= 1 {
		return
	}
	nc := len(m.lin.Classes)
	m.allow = make([]bool, (nc+1)*2*nc)
	for prev := -1; prev < nc; prev++ {
		for c := 0; c < nc; c++ {
			// A sentence of two words has its last word at 1 and words
			// before it at 0.
			m.allow[((prev+1)*2)*nc+c] = m.allowed(prev, c, 0, 2)
			m.allow[((prev+1)*2+1)*nc+c] = m.allowed(prev, c, 1, 2)
		}
	}
	if cap(m.expTab) < expSteps*expRange {
		m.expTab = make([]float32, expSteps*expRange)
	}
	for i := range m.expTab {
		m.expTab[i] = float32(math.Exp(-float64(i) / expSteps))
	}
}

// allowRow returns, per class, whether it may follow class prev (-1 at
// the start), at the sentence's last word or elsewhere.
func (m *Model) allowRow(prev int, last bool) []bool {
	nc := len(m.lin.Classes)
	r := (prev + 1) * 2
	if last {
		r++
	}
	return m.allow[r*nc : (r+1)*nc]
}

// exp returns exp(-d*temp) for a score difference d >= 0, from the table.
func (m *Model) exp(d int32) float32 {
	j := int(float32(d) * m.temp * expSteps)
	if j >= len(m.expTab) {
		return 0
	}
	return m.expTab[j]
}

// hyp is one partial label sequence: its score, its last two classes and
// the index of the hypothesis it extends at the previous word.
type hyp struct {
	score  float32
	p1, p2 int
	back   int
}

// beamScratch is the scratch space of beam decoding.
type beamScratch struct {
	// hyps holds room for maxBeam hypotheses per word of the sentence.
	hyps []hyp
	base []int32
}

// decode decodes one sentence of n words with beam width k. static(i, out)
// fills out with the scores of word i's features that do not depend on
// earlier decisions of the sentence; dyn(i, p1, p2, out) adds those of the
// previous two classes. The best sequence's classes go to cls.
func (b *beamScratch) decode(m *Model, n, k int, static func(i int, out []int32), dyn func(i, p1, p2 int, out []int32), cls []int) {
	nc := len(m.lin.Classes)
	if cap(b.hyps) < n*maxBeam {
		b.hyps = make([]hyp, n*maxBeam)
	}
	b.hyps = b.hyps[:n*maxBeam]
	if cap(b.base) < 2*nc {
		b.base = make([]int32, 2*nc)
	}
	base, sc := b.base[:nc], b.base[nc:2*nc]
	start := [1]hyp{{p1: -1, p2: -2, back: -1}}
	prev := start[:]
	for i := 0; i < n; i++ {
		static(i, base)
		cur := b.hyps[i*maxBeam : i*maxBeam : (i+1)*maxBeam]
		for h := range prev {
			ph := &prev[h]
			copy(sc, base)
			dyn(i, ph.p1, ph.p2, sc)
			// Each step's scores become log-probabilities over the classes
			// allowed after ph.p1 (softmax at the model's temperature).
			ok := m.allowRow(ph.p1, i == n-1)
			mx := int32(math.MinInt32)
			for c, v := range sc {
				if ok[c] && v > mx {
					mx = v
				}
			}
			var z float32
			for c, v := range sc {
				if ok[c] {
					z += m.exp(mx - v)
				}
			}
			lz := float32(math.Log(float64(z)))
			for c, v := range sc {
				if !ok[c] {
					continue
				}
				s := ph.score - float32(mx-v)*m.temp - lz
				// Hypotheses with the same last two classes have the same
				// future: keep the better one.
				dup := -1
				for j := range cur {
					if cur[j].p1 == c && cur[j].p2 == ph.p1 {
						dup = j
						break
					}
				}
				if dup >= 0 {
					if cur[dup].score >= s {
						continue
					}
					cur = append(cur[:dup], cur[dup+1:]...)
				}
				if len(cur) == k && cur[k-1].score >= s {
					continue
				}
				// Insert in descending order of score.
				j := len(cur)
				if j < k {
					cur = append(cur, hyp{})
				} else {
					j = k - 1
				}
				for j > 0 && cur[j-1].score < s {
					cur[j] = cur[j-1]
					j--
				}
				cur[j] = hyp{score: s, p1: c, p2: ph.p1, back: h}
			}
		}
		// A hypothesis far behind the best is dropped: most words are
		// decided with one.
		for len(cur) > 1 && cur[len(cur)-1].score < cur[0].score-beamPrune {
			cur = cur[:len(cur)-1]
		}
		prev = cur
	}
	h := 0
	for i := n - 1; i >= 0; i-- {
		x := b.hyps[i*maxBeam+h]
		cls[i] = x.p1
		h = x.back
	}
}
