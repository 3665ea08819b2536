package events

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier/nlp"
)

// TrainingDoc is a document annotated at the document level: for each
// role, the entities filling it, each a list of alternative strings.
type TrainingDoc struct {
	Doc *nlp.Doc
	// Fillers maps a class to its entities, each a list of alternative
	// strings. A class is a role ("perpetrator", "target", "victim",
	// "weapon"), or a role and a kind after a colon
	// ("perpetrator:organisation"), which the model tells apart but
	// Extract reports as the role.
	Fillers map[string][][]string
	// Organisations lists the perpetrator fillers that are organisations.
	Organisations []string
}

// TrainOptions set the training of a Model.
type TrainOptions struct {
	Iterations int     // passes over the data (default 8)
	Rate       float64 // initial learning rate (default 0.05)
	L2         float64 // L2 penalty per example (default 1e-6)
	MinCount   int     // a feature must occur this often (default 3)
	Seed       int64   // shuffling seed (default 1)
	// Roles fixes the classes' order; by default the roles of the data,
	// sorted.
	Roles []string
	// NoChunkModel leaves out the second, chunk-level model (see
	// Model.ChunkWeights).
	NoChunkModel bool
	// NoWordClasses leaves out the word-class features (see
	// Model.WordClasses).
	NoWordClasses bool
	// NoRoleSent leaves out the per-role sentence gates (see
	// Model.RoleSent).
	NoRoleSent bool
}

// normalise is the comparison form of a filler: lower-cased, spaces
// collapsed, a leading article dropped.
func normalise(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for len(f) > 1 && leading[f[0]] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// example is one labelled candidate of document doc.
type example struct {
	feats []int32
	class int
	doc   int
}

// fit trains a multinomial logistic regression on exs by stochastic
// gradient descent and returns its weights, nc per feature.
func fit(ctx context.Context, exs []example, nfeat, nc int, opt TrainOptions) ([]float64, error) {
	exs = append([]example(nil), exs...)
	w := make([]float64, nfeat*nc)
	rng := rand.New(rand.NewSource(opt.Seed))
	p := make([]float64, nc)
	for it := 0; it < opt.Iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(exs), func(a, b int) { exs[a], exs[b] = exs[b], exs[a] })
		rate := opt.Rate / (1 + float64(it))
		for _, ex := range exs {
			for c := range p {
				p[c] = 0
			}
			for _, k := range ex.feats {
				row := w[int(k)*nc : int(k)*nc+nc]
				for c := range nc {
					p[c] += row[c]
				}
			}
			softmax(p)
			for c := range nc {
				g := p[c]
				if c == ex.class {
					g -= 1
				}
				if g == 0 {
					continue
				}
				for _, k := range ex.feats {
					i := int(k)*nc + c
					w[i] -= rate * (g + opt.L2*w[i])
				}
			}
		}
	}
	return w, nil
}

// Train fits a role classifier to docs: every candidate noun phrase whose
// text equals one of a role's fillers is an example of that role, every
// other candidate an example of None.
func Train(ctx context.Context, docs []TrainingDoc, opt TrainOptions) (*Model, error) {
	if opt.Iterations == 0 {
		opt.Iterations = 8
	}
	if opt.Rate == 0 {
		opt.Rate = 0.05
	}
	if opt.L2 == 0 {
		opt.L2 = 1e-6
	}
	if opt.MinCount == 0 {
		opt.MinCount = 3
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	roles := opt.Roles
	if roles == nil {
		seen := map[string]bool{}
		for _, d := range docs {
			for r := range d.Fillers {
				if !seen[r] {
					seen[r] = true
					roles = append(roles, r)
				}
			}
		}
		sort.Strings(roles)
	}
	m := &Model{Classes: append([]string{None}, roles...), Features: map[string]int32{},
		Thresholds: map[string]float64{}, OrgWords: orgWords(docs), Iterations: opt.Iterations, Seed: opt.Seed}
	classOf := map[string]int{}
	for i, c := range m.Classes {
		classOf[c] = i
	}
	// count features, then keep those seen MinCount times.
	type raw struct {
		feats      []string
		class      int
		chunkClass int
		doc        int
	}
	var raws []raw
	counts := map[string]int{}
	views := make([]*docView, len(docs))
	for di, td := range docs {
		views[di] = newDocView(td.Doc)
	}
	if !opt.NoWordClasses {
		texts := make([][][]string, len(views))
		for i, v := range views {
			texts[i] = docLemmas(v)
		}
		m.WordClasses = wordClasses(texts)
	}
	for di, td := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gold := map[string]int{}
		for _, r := range roles {
			for _, e := range td.Fillers[r] {
				for _, a := range e {
					if _, dup := gold[normalise(a)]; !dup {
						gold[normalise(a)] = classOf[r]
					}
				}
			}
		}
		v := views[di]
		v.classes = m.WordClasses
		cands := candidates(td.Doc)
		v.salience(cands)
		chunkClass := map[int]int{}
		for _, c := range cands {
			if cls := gold[normalise(phraseText(td.Doc, c.first, c.last))]; cls != 0 {
				if _, ok := chunkClass[c.outer]; !ok {
					chunkClass[c.outer] = cls
				}
			}
		}
		for _, c := range cands {
			f := v.features(c)
			cls := gold[normalise(phraseText(td.Doc, c.first, c.last))]
			for _, s := range f {
				counts[s]++
			}
			raws = append(raws, raw{f, cls, chunkClass[c.outer], di})
		}
	}
	names := make([]string, 0, len(counts))
	for s, n := range counts {
		if n >= opt.MinCount {
			names = append(names, s)
		}
	}
	sort.Strings(names)
	for i, s := range names {
		m.Features[s] = int32(i)
	}
	exs := make([]example, len(raws))
	for i, r := range raws {
		ex := example{class: r.class, doc: r.doc}
		for _, s := range r.feats {
			if k, ok := m.Features[s]; ok {
				ex.feats = append(ex.feats, k)
			}
		}
		exs[i] = ex
	}
	nc := len(m.Classes)
	w, err := fit(ctx, exs, len(names), nc, opt)
	if err != nil {
		return nil, err
	}
	m.Weights = toFloat32(w)
	if !opt.NoChunkModel {
		for i, r := range raws {
			exs[i].class = r.chunkClass
		}
		w, err := fit(ctx, exs, len(names), nc, opt)
		if err != nil {
			return nil, err
		}
		m.ChunkWeights = toFloat32(w)
	}
	for _, r := range roles {
		m.Thresholds[r] = 0.5
	}
	if err := m.trainGate(ctx, docs, opt); err != nil {
		return nil, err
	}
	if err := m.trainSentGate(ctx, docs, opt); err != nil {
		return nil, err
	}
	if !opt.NoRoleSent {
		if err := m.trainRoleSent(ctx, docs, opt); err != nil {
			return nil, err
		}
	}
	// weights under 0.02 dropped: MUC-4 dev ±0 against 0.01, a file of
	// 5.9 MB instead of 7.2 with the chunk-level model.
	return m.prune(0.02), nil
}

// prune drops the features whose weights are all below eps in magnitude.
func (m *Model) prune(eps float64) *Model {
	nc := len(m.Classes)
	feats := map[string]int32{}
	var w, cw []float32
	names := make([]string, 0, len(m.Features))
	for s := range m.Features {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		row := m.Weights[int(m.Features[s])*nc : int(m.Features[s])*nc+nc]
		var crow []float32
		if len(m.ChunkWeights) > 0 {
			crow = m.ChunkWeights[int(m.Features[s])*nc : int(m.Features[s])*nc+nc]
		}
		keep := false
		for _, x := range append(append([]float32(nil), row...), crow...) {
			if math.Abs(float64(x)) >= eps {
				keep = true
			}
		}
		if keep {
			feats[s] = int32(len(w) / nc)
			w = append(w, row...)
			cw = append(cw, crow...)
		}
	}
	m.Features, m.Weights, m.ChunkWeights = feats, w, cw
	return m
}

// orgWords returns the full names and last words of perpetrator
// organisations that are seen more often as organisations than in other
// perpetrator fillers.
func orgWords(docs []TrainingDoc) map[string]bool {
	org, ind := map[string]int{}, map[string]int{}
	for _, d := range docs {
		isOrg := map[string]bool{}
		for _, o := range d.Organisations {
			isOrg[normalise(o)] = true
		}
		for _, e := range append(d.Fillers[Perpetrator], d.Fillers[Perpetrator+":organisation"]...) {
			for _, a := range e {
				n := normalise(a)
				f := strings.Fields(n)
				if len(f) == 0 {
					continue
				}
				keys := []string{n}
				if len(f) > 1 {
					keys = append(keys, f[len(f)-1])
				}
				for _, k := range keys {
					if isOrg[n] {
						org[k]++
					} else {
						ind[k]++
					}
				}
			}
		}
	}
	out := map[string]bool{}
	for k, n := range org {
		if n > ind[k] {
			out[k] = true
		}
	}
	return out
}

// String describes the model in one line.
func (m *Model) String() string {
	return fmt.Sprintf("events model: %d features, classes %v, %d iterations", len(m.Features), m.Classes, m.Iterations)
}
