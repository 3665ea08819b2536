package events

import (
	"math"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
)

// Filler is a noun phrase the model gives a role.
type Filler struct {
	Role string
	// Prob is the model's probability of the role: Own and Chunk mixed
	// by the model's ChunkMix (see Model.Mix).
	Prob float64
	// Own is the first model's probability of the phrase, Chunk the
	// chunk-level model's best over the phrases of its chunk (Own when
	// the model has none).
	Own, Chunk float64
	// Sent is the role's sentence gate's probability for the phrase's
	// sentence (1 when the model has none; 0 counts as unknown).
	Sent float64
	// Incident is the gate's probability that the document reports an
	// attack.
	Incident float64
	// Score is Prob weighed by Incident (set by Select).
	Score float64
	// Span is the phrase's byte range, Text its text.
	Span dossier.Span
	Text string
	// Sentence is the index of the phrase's sentence in the Doc.
	Sentence int
	// outer is 1 + the index of the chunk the phrase was cut from (0:
	// not made by Scored).
	outer int
	// kind is how the phrase was cut from its chunk (see candidate).
	kind string
}

// Scored returns every candidate phrase of d with, for each role whose
// probability (Own or Chunk) is at least floor, a Filler, its Prob mixed
// by Mix. It is the raw material of Fillers, exported so that thresholds
// can be tuned.
func (m *Model) Scored(d *nlp.Doc, floor float64) []Filler {
	v := newDocView(d)
	v.classes = m.WordClasses
	cands := candidates(d)
	v.salience(cands)
	probs := make([][]float64, len(cands))
	var chunkBest [][]float64
	if len(m.ChunkWeights) > 0 {
		chunkBest = make([][]float64, len(cands))
	}
	for i, c := range cands {
		f := v.features(c)
		probs[i] = m.probs(f, nil)
		if chunkBest != nil {
			q := m.probsOf(m.ChunkWeights, f, nil)
			if b := chunkBest[c.outer]; b == nil {
				chunkBest[c.outer] = q
			} else {
				for k := range b {
					b[k] = max(b[k], q[k])
				}
			}
		}
	}
	gate := m.incident(v)
	type sentKey struct {
		cls string
		si  int
	}
	sent := map[sentKey]float64{}
	sentProb := func(cls string, si int) float64 {
		g := m.RoleSent[cls]
		if g == nil {
			return 1
		}
		k := sentKey{cls, si}
		if p, ok := sent[k]; ok {
			return p
		}
		p := g.prob(v, si)
		sent[k] = p
		return p
	}
	var out []Filler
	for i, c := range cands {
		p, q := probs[i], probs[i]
		if chunkBest != nil {
			q = chunkBest[c.outer]
		}
		for k, cls := range m.Classes {
			if cls == None || p[k] < floor && q[k] < floor {
				continue
			}
			sp := dossier.Span{Start: d.Tokens[c.first].Start, End: d.Tokens[c.last-1].End}
			out = append(out, Filler{Role: cls, Own: p[k], Chunk: q[k], Sent: sentProb(cls, c.sent), Incident: gate, Span: sp, Text: d.Text[sp.Start:sp.End],
				Sentence: c.sent, outer: c.outer + 1, kind: c.kind})
		}
	}
	m.Mix(out)
	return out
}

// Mix sets the probability of each of scored from its Own and Chunk
// probabilities by the model's ChunkMix, times its sentence's probability
// under the role's sentence gate (Sent) raised to the role's
// RoleSentPower.
func (m *Model) Mix(scored []Filler) {
	for i := range scored {
		f := &scored[i]
		w := m.ChunkMix[f.Role]
		f.Prob = math.Pow(f.Own, 1-w) * math.Pow(f.Chunk, w)
		if e := m.RoleSentPower[f.Role]; e != 0 && f.Sent > 0 {
			f.Prob *= math.Pow(f.Sent, e)
		}
	}
}

// Select keeps, of scored fillers of a document the incident gate gives at
// least gateMin, at most limit per role (when limit > 0), those at or
// above their role's threshold; of the phrases cut from one chunk only the most probable for
// each role; and of the phrases with one text (after normalising) only the
// most probable for each role. The result is in text order.
func Select(scored []Filler, thresholds map[string]float64, gatePower, gateMin float64, limit int) []Filler {
	type key struct {
		role string
		n    int
	}
	bestOuter := map[key]int{}
	for i := range scored {
		f := &scored[i]
		f.Score = f.Prob
		if gatePower != 0 {
			f.Score *= math.Pow(f.Incident, gatePower)
		}
		if _, ok := thresholds[f.Role]; !ok || f.Incident < gateMin {
			continue
		}
		k := key{f.Role, f.outer}
		if f.outer == 0 {
			k.n = -1 - i // a filler not made by Scored is its own chunk
		}
		if j, ok := bestOuter[k]; !ok || better(*f, scored[j]) {
			bestOuter[k] = i
		}
	}
	// the mentions of one text combine: the text fills the role unless
	// every mention fails to (a noisy or).
	type tkey struct{ role, text string }
	bestText := map[tkey]int{}
	miss := map[tkey]float64{}
	for _, i := range bestOuter {
		f := scored[i]
		k := tkey{f.Role, normalise(f.Text)}
		if _, ok := miss[k]; !ok {
			miss[k] = 1
		}
		miss[k] *= 1 - f.Score
		if j, ok := bestText[k]; !ok || better(f, scored[j]) {
			bestText[k] = i
		}
	}
	for k := range bestText {
		if 1-miss[k] < thresholds[k.role] {
			delete(bestText, k)
		}
	}
	// byRole groups the texts kept by role, most probable first.
	byRole := func() map[string][]tkey {
		out := map[string][]tkey{}
		for k := range bestText {
			out[k.role] = append(out[k.role], k)
		}
		for _, ks := range out {
			sort.Slice(ks, func(a, b int) bool {
				if miss[ks[a]] != miss[ks[b]] {
					return miss[ks[a]] < miss[ks[b]]
				}
				return ks[a].text < ks[b].text
			})
		}
		return out
	}
	// one entity, two phrases: of texts of one role where one ends the
	// other ("urban guerrillas", "guerrillas"; "55 kg of dynamite",
	// "dynamite"), only the most probable stays.
	for _, ks := range byRole() {
		var kept []string
		for _, k := range ks {
			dup := false
			for _, t := range kept {
				if endsWith(t, k.text) || endsWith(k.text, t) {
					dup = true
					break
				}
			}
			if dup {
				delete(bestText, k)
				continue
			}
			kept = append(kept, k.text)
		}
	}
	if limit > 0 {
		for _, ks := range byRole() {
			for _, k := range ks[min(limit, len(ks)):] {
				delete(bestText, k)
			}
		}
	}
	out := make([]Filler, 0, len(bestText))
	for _, i := range bestText {
		out = append(out, scored[i])
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Span.Start != out[b].Span.Start {
			return out[a].Span.Start < out[b].Span.Start
		}
		return out[a].Role < out[b].Role
	})
	return out
}

// ScoreFloor is the probability below which Fillers does not consider a
// phrase for a role at all (threshold tuning uses the same floor).
const ScoreFloor = 0.01

// Fillers returns the role fillers of d that the model is confident of:
// the first stage's phrases, rescored by the reranker when the model has
// one (see Rerank), then Select.
func (m *Model) Fillers(d *nlp.Doc) []Filler {
	return Select(m.Rerank(d, m.Scored(d, ScoreFloor)), m.Thresholds, m.GatePower, m.GateMin, m.Limit)
}

// better reports whether filler a beats b: a higher score, or the same
// score earlier in the text (so that the choice does not depend on map
// order).
func better(a, b Filler) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Span.Start < b.Span.Start || a.Span.Start == b.Span.Start && a.Span.End < b.Span.End
}

// endsWith reports whether phrase a ends with the words of phrase b (and is
// longer).
func endsWith(a, b string) bool {
	return len(a) > len(b) && strings.HasSuffix(a, b) && a[len(a)-len(b)-1] == ' '
}
