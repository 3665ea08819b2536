// Package ner finds names of people, organisations, places and other named
// things (PER, ORG, LOC, MISC) in tokenised sentences.
//
// The recogniser is a greedy averaged perceptron over hashed features of the
// word, its neighbours, their shapes, POS tags and chunks from dossier's own
// tagger (package tag), word clusters and case statistics from unlabelled
// text (Lexicon), and gazetteers of names. It reads a document at a time
// (TagDocument): how a word is written elsewhere in the document and the
// labels it received earlier are features, and a second pass sees the first
// pass's labels of every occurrence. It decodes left to right with BILOU
// tags under transition constraints and returns IOB2 tags.
package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-osint/dossier/nlp/tag"
)

func sortStrings(s []string) { sort.Strings(s) }

// Types are the entity types of the CoNLL-2003 scheme.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Model is a trained named-entity recogniser.
type Model struct {
	lin     *tag.Linear
	lex     *Lexicon
	lexText []byte
	// gaz is the gazetteer of names from the training data.
	gaz *phraseGaz
	// noHistory turns off the labels-earlier-in-the-document features.
	noHistory bool
	// twoPass tags a document twice, the second time with the first
	// pass's labels of every word elsewhere in the document.
	twoPass bool
	// runs adds the features of name runs (sentence.nameRuns).
	runs bool
	// ctx2 adds the second pass's features of the first pass's classes of
	// the next words and of the names it found in the document (context2).
	ctx2 bool
	// docNames adds, with ctx2, the word's place in the names the first
	// pass found in the document.
	docNames bool
	// docMulti keeps only the document's names of two words or more.
	docMulti bool
	// beam is the beam width of decoding (1 or less: greedy); temp turns
	// score units into nats for it, and expTab is its table of exp(-x).
	beam   int
	temp   float32
	expTab []float32
	allow  []bool
	// per class: prefix (B, I, L, U, O) and type index
	prefix []byte
	typ    []int
}

func newClasses() []string {
	cl := []string{"O"}
	for _, t := range Types {
		for _, p := range []string{"B", "I", "L", "U"} {
			cl = append(cl, p+"-"+t)
		}
	}
	return cl
}

func (m *Model) index() {
	m.prefix = make([]byte, len(m.lin.Classes))
	m.typ = make([]int, len(m.lin.Classes))
	for c, name := range m.lin.Classes {
		m.prefix[c] = name[0]
		m.typ[c] = -1
		for k, t := range Types {
			if len(name) > 2 && name[2:] == t {
				m.typ[c] = k
			}
		}
	}
}

// allowed reports whether class c may follow class prev (-1 at the start)
// at position i of n.
func (m *Model) allowed(prev, c, i, n int) bool {
	open := prev >= 0 && (m.prefix[prev] == 'B' || m.prefix[prev] == 'I')
	switch m.prefix[c] {
	case 'I', 'L':
		if !open || m.typ[prev] != m.typ[c] {
			return false
		}
	default:
		if open {
			return false
		}
	}
	if i == n-1 && (m.prefix[c] == 'B' || m.prefix[c] == 'I') {
		return false
	}
	return true
}

// TrainOptions controls training of the recogniser.
type TrainOptions struct {
	// POS and Chunker produce the POS and chunk features, for training and
	// dev sentences alike; the files' own columns are never used.
	POS, Chunker *tag.Model
	// Lexicon is the table of word clusters and case statistics, as text
	// (see WriteLexicon); empty for none.
	Lexicon []byte
	// Iterations is the most passes over the training set (default 12);
	// the pass with the best dev F1 is kept.
	Iterations int
	Seed       int64
	// Bits is log2 of the number of weight rows (default 20).
	Bits uint
	// CaseAugment is the share of sentences added again upper-cased and
	// again lower-cased.
	CaseAugment float64
	// Folds is the number of document folds for the gazetteer of training
	// names (default 10): a training document sees the names of the others.
	Folds int
	// NoPhrases and NoHistory turn off the gazetteer of training names and
	// the document-history features (for ablations).
	NoPhrases, NoHistory bool
	// NoTwoPass turns off the second pass over each document.
	NoTwoPass bool
	// NoRuns turns off the name-run features.
	NoRuns bool
	// Context2 adds the second pass's features of the next words'
	// first-pass classes and of the names the first pass found in the
	// document (see context2).
	Context2 bool
	// NoDocNames turns off, of the second pass's features, those of the
	// names the first pass found in the document.
	NoDocNames bool
	// DocNameDrop is the chance that a training document's second pass
	// goes without the features of the document's first-pass names (drawn
	// per document and iteration), so that the model does not trust them
	// more than their accuracy on new text warrants.
	DocNameDrop float64
	// DocNamesMulti keeps, of the document's first-pass names, only those
	// of two words or more: a single word is left to the word-level
	// features of its other occurrences.
	DocNamesMulti bool
	// Jackknife takes the first-pass labels that a training document's
	// second pass sees from one of two helper models, each trained (first
	// pass only) on half of the documents, the half without this one: the
	// labels are then as wrong as the first pass's on new text, and the
	// second pass learns how far to trust them.
	Jackknife bool
	// Beam is the beam width of decoding (0 or 1: greedy), for choosing
	// the iteration on dev and in the saved model; training itself stays
	// greedy. BeamTemp turns the model's score units into nats (default
	// DefaultBeamTemp).
	Beam     int
	BeamTemp float64
	// Ensemble is the number of training runs (different shuffles) whose
	// kept weights are averaged into the model (default 1).
	Ensemble int
	// Places, Countries and Demonyms are names (words separated by spaces)
	// for the gazetteer features, from outside the training data.
	Places, Countries, Demonyms []string
	Log                         io.Writer
}

// Report describes a training run.
type Report struct {
	// DevF1 per iteration, and the iteration kept (1-based).
	DevF1     []float64
	Best      int
	Dev       Scores
	Sentences int
}

// bilou converts tags (IOB1 or IOB2) to BILOU class names.
func bilou(tags []string) []string {
	out := make([]string, len(tags))
	for i := range out {
		out[i] = "O"
	}
	for _, s := range Spans(tags) {
		if s.End-s.Start == 1 {
			out[s.Start] = "U-" + s.Type
			continue
		}
		out[s.Start] = "B-" + s.Type
		for i := s.Start + 1; i < s.End-1; i++ {
			out[i] = "I-" + s.Type
		}
		out[s.End-1] = "L-" + s.Type
	}
	return out
}

type example struct {
	feats             [][]uint64
	low, short, clust []uint64
	ctx               []uint64
	gold              []int
}

// docGroups splits sents into runs of one document each (by Sentence.Doc).
func docGroups(sents []Sentence) [][]Sentence {
	var out [][]Sentence
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && sents[j].Doc == sents[i].Doc {
			j++
		}
		out = append(out, sents[i:j])
		i = j
	}
	return out
}

// Train learns a recogniser from train and picks the iteration count on dev.
// Sentences are read document by document (Sentence.Doc), as TagDocument
// reads them.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, Report, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 12
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	if opt.Folds <= 1 {
		opt.Folds = 10
	}
	var rep Report
	m := &Model{lexText: opt.Lexicon, runs: !opt.NoRuns, ctx2: opt.Context2 && !opt.NoTwoPass}
	m.docNames = m.ctx2 && !opt.NoDocNames
	m.docMulti = m.docNames && opt.DocNamesMulti
	if opt.BeamTemp <= 0 {
		opt.BeamTemp = DefaultBeamTemp
	}
	if len(opt.Lexicon) > 0 {
		lex, err := ReadLexicon(bytes.NewReader(opt.Lexicon))
		if err != nil {
			return nil, rep, err
		}
		m.lex = lex
	}
	// The gazetteer of training names: the model keeps the whole of it; each
	// training document sees only the names of the other folds, so that the
	// feature is as reliable in training as on unseen text.
	base := newPhraseGaz()
	base.addNames(opt.Places, classPlace)
	base.addNames(opt.Countries, classCountry)
	base.addNames(opt.Demonyms, classDemonym)
	withBase := func(g *phraseGaz) *phraseGaz {
		out := newPhraseGaz()
		out.merge(base)
		if !opt.NoPhrases {
			out.merge(g)
		}
		return out
	}
	m.gaz = withBase(trainPhrases(train, nil))
	foldGaz := make([]*phraseGaz, opt.Folds)
	for f := range foldGaz {
		foldGaz[f] = withBase(trainPhrases(train, func(d int) bool { return d%opt.Folds == f }))
	}
	classes := newClasses()
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	// Case augmentation: upper- and lower-cased copies of a share of the
	// documents; their POS and chunks come from the tagger like the rest.
	type trainDoc struct {
		words, gold [][]string
		fold        int
	}
	var docs []trainDoc
	for _, g := range docGroups(train) {
		d := trainDoc{fold: g[0].Doc % opt.Folds}
		for _, s := range g {
			d.words = append(d.words, s.Words)
			d.gold = append(d.gold, s.Tags)
		}
		docs = append(docs, d)
	}
	n := len(docs)
	for k := 0; k < n; k++ {
		if rng.Float64() >= opt.CaseAugment {
			continue
		}
		for _, f := range []func(string) string{strings.ToUpper, strings.ToLower} {
			d := trainDoc{fold: docs[k].fold, gold: docs[k].gold}
			for _, ws := range docs[k].words {
				w := make([]string, len(ws))
				for i, x := range ws {
					w[i] = f(x)
				}
				d.words = append(d.words, w)
			}
			docs = append(docs, d)
		}
	}
	exs := make([][]example, len(docs))
	var sb sentence
	sb.runs = m.runs
	var info docInfo
	for k, d := range docs {
		info.reset(d.words)
		rep.Sentences += len(d.words)
		for s, ws := range d.words {
			pos := opt.POS.Tag(ws)
			chunks := opt.Chunker.TagChunks(ws, pos)
			sb.set(m.lex, foldGaz[d.fold], &info, ws, pos, chunks)
			b := bilou(d.gold[s])
			ex := example{feats: make([][]uint64, len(ws)), gold: make([]int, len(ws)),
				clust: append([]uint64(nil), sb.clust[1]...), ctx: append([]uint64(nil), sb.dctx...),
				low: append([]uint64(nil), sb.low...), short: append([]uint64(nil), sb.short...)}
			for i := range ws {
				ex.feats[i] = sb.features(i, nil)
				ex.gold[i] = index[b[i]]
			}
			exs[k] = append(exs[k], ex)
		}
	}
	devDocs := docGroups(dev)
	devWords, devPOS, devChunks := make([][][]string, len(devDocs)), make([][][]string, len(devDocs)), make([][][]string, len(devDocs))
	var devGold [][]string
	for k, g := range devDocs {
		for _, s := range g {
			p := opt.POS.Tag(s.Words)
			devWords[k] = append(devWords[k], s.Words)
			devPOS[k] = append(devPOS[k], p)
			devChunks[k] = append(devChunks[k], opt.Chunker.TagChunks(s.Words, p))
			devGold = append(devGold, s.Tags)
		}
	}

	m.noHistory = opt.NoHistory
	m.twoPass = !opt.NoTwoPass
	var bests []*tag.Linear
	for run := 0; run < max(opt.Ensemble, 1); run++ {
		tr := tag.NewLinearTrainer(classes, opt.Bits)
		if run > 0 {
			rng = rand.New(rand.NewSource(opt.Seed + int64(run)*7919))
		}
		probe := &Model{lin: tr.Average(), lex: m.lex, gaz: m.gaz, noHistory: m.noHistory, twoPass: m.twoPass, runs: m.runs, ctx2: m.ctx2, docNames: m.docNames, docMulti: m.docMulti}
		probe.index()
		probe.setBeam(opt.Beam, float32(opt.BeamTemp))
		hist := &info
		if opt.NoHistory {
			hist = nil
		}
		scores := make([]float32, len(classes))
		order := make([]int, len(exs))
		for i := range order {
			order[i] = i
		}
		var buf []uint64
		var best *tag.Linear
		bestF := -1.0
		var own [][]int8
		var ownC [][]int
		var ownLow []uint64
		var ownAll, ownLens []int
		var dnames docNames
		var dmark []uint32
		drop := rand.New(rand.NewSource(opt.Seed + 17))
		var stepWith func(tr *tag.LinearTrainer, learn bool, ex example, agg []int8, first []int, types []int8, cls []int)
		// step decodes one sentence greedily with the trainer's current
		// weights and learns from it; with agg, the second pass's features
		// are added (with first, the first pass's classes, when ctx2). It
		// returns the label types (-1 for O) in types and the classes in cls.
		// With Jackknife, aux[h] learns the first pass from the documents
		// of half h and labels the other half's.
		var aux [2]*tag.LinearTrainer
		if opt.Jackknife && m.twoPass {
			aux[0], aux[1] = tag.NewLinearTrainer(classes, opt.Bits), tag.NewLinearTrainer(classes, opt.Bits)
		}
		step := func(ex example, agg []int8, first []int, types []int8, cls []int) {
			stepWith(tr, true, ex, agg, first, types, cls)
		}
		stepWith = func(tr *tag.LinearTrainer, learn bool, ex example, agg []int8, first []int, types []int8, cls []int) {
			p1, p2 := -1, -2
			for i := range ex.feats {
				buf = append(buf[:0], ex.feats[i]...)
				buf = dynamic(ex.feats[i], ex.clust[i], ex.ctx[i], p1, p2, buf)
				buf = history(hist, ex.low, ex.short, i, buf)
				if agg != nil {
					buf = aggregate(&info, ex.low, ex.short, agg, i, buf)
					if first != nil {
						buf = context2(first, dmark, ex.short, i, buf)
					}
				}
				tr.Score(buf, scores)
				guess := -1
				for c := range scores {
					if probe.allowed(p1, c, i, len(ex.feats)) && (guess < 0 || scores[c] > scores[guess]) {
						guess = c
					}
				}
				if learn {
					tr.Tick()
					tr.Update(buf, ex.gold[i], guess)
				}
				if hist != nil {
					hist.record(ex.low[i], probe.typ[guess])
				}
				types[i] = int8(probe.typ[guess])
				if cls != nil {
					cls[i] = guess
				}
				p2, p1 = p1, guess
			}
		}
		for it := 0; it < opt.Iterations; it++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, k := range order {
				clear(info.hist)
				clear(info.agg)
				own, ownC = own[:0], ownC[:0]
				ownLow, ownAll, ownLens = ownLow[:0], ownAll[:0], ownLens[:0]
				for _, ex := range exs[k] {
					types := make([]int8, len(ex.feats))
					cls := make([]int, len(ex.feats))
					step(ex, nil, nil, types, cls)
					own, ownC = append(own, types), append(ownC, cls)
					ownLow, ownAll = append(ownLow, ex.low...), append(ownAll, cls...)
					ownLens = append(ownLens, len(ex.feats))
				}
				if !m.twoPass {
					continue
				}
				if aux[0] != nil {
					// The helper of this document's half learns from it;
					// the other one's labels stand for the first pass.
					h := docs[k].fold % 2
					clear(info.hist)
					for _, ex := range exs[k] {
						stepWith(aux[h], true, ex, nil, nil, make([]int8, len(ex.feats)), nil)
					}
					clear(info.hist)
					ownAll = ownAll[:0]
					for s, ex := range exs[k] {
						stepWith(aux[1-h], false, ex, nil, nil, own[s], ownC[s])
						ownAll = append(ownAll, ownC[s]...)
					}
				}
				for s, ex := range exs[k] {
					for i, t := range own[s] {
						count(info.agg, ex.low[i], int(t))
					}
				}
				useNames := m.docNames && (opt.DocNameDrop <= 0 || drop.Float64() >= opt.DocNameDrop)
				if useNames {
					dnames.build(probe, ownLow, ownAll, ownLens)
				}
				clear(info.hist)
				var scratch []int8
				for s, ex := range exs[k] {
					if cap(scratch) < len(ex.feats) {
						scratch = make([]int8, len(ex.feats))
					}
					var first []int
					if m.ctx2 {
						first = ownC[s]
						if cap(dmark) < len(ex.feats) {
							dmark = make([]uint32, len(ex.feats))
						}
						dmark = dmark[:len(ex.feats)]
						if useNames {
							dnames.mark(probe, ex.low, first, dmark)
						} else {
							clear(dmark)
						}
					}
					step(ex, own[s], first, scratch[:len(ex.feats)], nil)
				}
			}
			lin := tr.Average()
			probe.lin = lin
			var pred [][]string
			for k := range devDocs {
				pred = append(pred, probe.TagDocument(devWords[k], devPOS[k], devChunks[k])...)
			}
			sc := Evaluate(devGold, pred)
			f := sc.Overall.F1()
			rep.DevF1 = append(rep.DevF1, f)
			if opt.Log != nil {
				fmt.Fprintf(opt.Log, "ner run %d iteration %d: dev F1 %.4f\n", run+1, it+1, f)
			}
			if f > bestF || len(dev) == 0 {
				bestF, best, rep.Best, rep.Dev = f, lin, it+1, sc
			}
		}
		bests = append(bests, best)
	}
	if len(bests) == 1 {
		m.lin = bests[0]
		m.index()
		m.setBeam(opt.Beam, float32(opt.BeamTemp))
		return m, rep, nil
	}
	lin, err := tag.MeanLinear(bests)
	if err != nil {
		return nil, rep, err
	}
	m.lin = lin
	m.index()
	m.setBeam(opt.Beam, float32(opt.BeamTemp))
	var pred [][]string
	for k := range devDocs {
		pred = append(pred, m.TagDocument(devWords[k], devPOS[k], devChunks[k])...)
	}
	rep.Dev = Evaluate(devGold, pred)
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "ner mean of %d runs: dev F1 %.4f\n", len(bests), rep.Dev.Overall.F1())
	}
	return m, rep, nil
}

// tagState is the scratch space of one tagging call.
type tagState struct {
	sb  sentence
	doc docInfo
	// per word of the document: static scores (one per class), lower-case
	// hash, short shape, cluster, first-pass type and final class.
	static            []int32
	low, short, clust []uint64
	ctx               []uint64
	fWord, fShape     []uint64
	types             []int8
	class             []int
	buf               []uint64
	// first holds the first-pass classes and names the names the first
	// pass found, for the second pass's context2 features; dmark is the
	// scratch space of one sentence's name marks.
	first []int
	names docNames
	lens  []int
	dmark []uint32
	bs    beamScratch
}

var tagStates = sync.Pool{New: func() any { return new(tagState) }}

// Tag returns one IOB2 tag per word ("B-PER", "I-ORG", "O"), given the
// words and their POS and chunk tags from dossier's own tagger. The
// sentence is read as a document of its own; TagDocument reads a whole
// document, which lets the recogniser use what the rest of it says.
func (m *Model) Tag(words, pos, chunks []string) []string {
	if len(words) == 0 {
		return []string{}
	}
	return m.TagDocument([][]string{words}, [][]string{pos}, [][]string{chunks})[0]
}

// TagDocument tags the sentences of one document (words, POS and chunk tags
// per sentence, in order) and returns one IOB2 tag per word. Document-level
// features see how each word is written elsewhere in the document, the
// labels it received in earlier sentences and, in a second pass, the labels
// the first pass gave it everywhere in the document.
func (m *Model) TagDocument(words, pos, chunks [][]string) [][]string {
	st := tagStates.Get().(*tagState)
	defer tagStates.Put(st)
	st.doc.reset(words)
	nc := len(m.lin.Classes)
	n := 0
	for _, ws := range words {
		n += len(ws)
	}
	st.static = growInt32(st.static, n*nc)
	st.low, st.short, st.clust = grow(st.low, n), grow(st.short, n), grow(st.clust, n)
	st.fWord, st.fShape, st.ctx = grow(st.fWord, n), grow(st.fShape, n), grow(st.ctx, n)
	if cap(st.types) < n {
		st.types, st.class = make([]int8, n), make([]int, n)
	}
	st.types, st.class = st.types[:n], st.class[:n]
	off := 0
	for s, ws := range words {
		if len(ws) == 0 {
			continue
		}
		st.sb.runs = m.runs
		st.sb.set(m.lex, m.gaz, &st.doc, ws, pos[s], chunks[s])
		for i := range ws {
			st.buf = st.sb.features(i, st.buf[:0])
			st.low[off+i], st.short[off+i], st.clust[off+i] = st.sb.low[i], st.sb.short[i], st.sb.clust[1][i]
			st.fWord[off+i], st.fShape[off+i], st.ctx[off+i] = st.buf[0], st.buf[1], st.sb.dctx[i]
			m.lin.Score(st.buf, st.static[(off+i)*nc:(off+i+1)*nc])
		}
		off += len(ws)
	}
	doc := &st.doc
	if m.noHistory {
		doc = nil
	}
	m.pass(st, words, doc, false)
	if m.twoPass {
		for i, t := range st.types {
			count(st.doc.agg, st.low[i], int(t))
		}
		clear(st.doc.hist)
		if m.ctx2 {
			st.first = append(st.first[:0], st.class...)
			if m.docNames {
				st.lens = st.lens[:0]
				for _, ws := range words {
					st.lens = append(st.lens, len(ws))
				}
				st.names.build(m, st.low, st.first, st.lens)
			}
		}
		m.pass(st, words, doc, true)
	}
	out := make([][]string, len(words))
	off = 0
	for s, ws := range words {
		out[s] = make([]string, len(ws))
		for i := range ws {
			c := st.class[off+i]
			switch m.prefix[c] {
			case 'B', 'U':
				out[s][i] = "B-" + Types[m.typ[c]]
			case 'I', 'L':
				out[s][i] = "I-" + Types[m.typ[c]]
			default:
				out[s][i] = "O"
			}
		}
		off += len(ws)
	}
	return out
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// pass decodes every sentence of the document greedily from the static
// scores, adding the features of earlier decisions; second adds the first
// pass's labels (st.types, read before they are overwritten per sentence).
func (m *Model) pass(st *tagState, words [][]string, doc *docInfo, second bool) {
	if m.beam > 1 {
		m.passBeam(st, words, doc, second)
		return
	}
	nc := len(m.lin.Classes)
	var scores [32]int32
	off := 0
	for _, ws := range words {
		n := len(ws)
		low, short, clust := st.low[off:off+n], st.short[off:off+n], st.clust[off:off+n]
		types := st.types[off : off+n]
		var own [64]int8
		first := own[:0]
		if second {
			first = append(first, types...)
			if m.ctx2 {
				m.markDocNames(st, low, off, n)
			}
		}
		p1, p2 := -1, -2
		for i := 0; i < n; i++ {
			copy(scores[:nc], st.static[(off+i)*nc:])
			st.buf = history(doc, low, short, i, st.buf[:0])
			if second {
				st.buf = aggregate(&st.doc, low, short, first, i, st.buf)
				if m.ctx2 {
					st.buf = context2(st.first[off:off+n], st.dmark, short, i, st.buf)
				}
			}
			m.lin.AddScores(st.buf, scores[:nc])
			// dynamic needs the word and shape features first, as
			// features writes them.
			st.buf = append(st.buf[:0], st.fWord[off+i], st.fShape[off+i])
			st.buf = dynamic(st.buf[:2], clust[i], st.ctx[off+i], p1, p2, st.buf)[2:]
			m.lin.AddScores(st.buf, scores[:nc])
			guess := -1
			for c, v := range scores[:nc] {
				if m.allowed(p1, c, i, n) && (guess < 0 || v > scores[guess]) {
					guess = c
				}
			}
			if doc != nil {
				doc.record(low[i], m.typ[guess])
			}
			types[i] = int8(m.typ[guess])
			st.class[off+i] = guess
			p2, p1 = p1, guess
		}
		off += n
	}
}

// markDocNames sets st.dmark for the n words at off of a second pass: the
// marks of the document's first-pass names, or none.
func (m *Model) markDocNames(st *tagState, low []uint64, off, n int) {
	if cap(st.dmark) < n {
		st.dmark = make([]uint32, n)
	}
	st.dmark = st.dmark[:n]
	if m.docNames {
		st.names.mark(m, low, st.first[off:off+n], st.dmark)
	} else {
		clear(st.dmark)
	}
}

// passBeam is pass with beam decoding (beam.go): the labels of a sentence
// are recorded in the document's history once it is decoded.
func (m *Model) passBeam(st *tagState, words [][]string, doc *docInfo, second bool) {
	nc := len(m.lin.Classes)
	off := 0
	var first []int8
	var low, short, clust []uint64
	static := func(i int, out []int32) {
		copy(out, st.static[(off+i)*nc:(off+i+1)*nc])
		st.buf = history(doc, low, short, i, st.buf[:0])
		if second {
			st.buf = aggregate(&st.doc, low, short, first, i, st.buf)
			if m.ctx2 {
				st.buf = context2(st.first[off:off+len(low)], st.dmark, short, i, st.buf)
			}
		}
		m.lin.AddScores(st.buf, out)
	}
	dyn := func(i, p1, p2 int, out []int32) {
		st.buf = append(st.buf[:0], st.fWord[off+i], st.fShape[off+i])
		st.buf = dynamic(st.buf[:2], clust[i], st.ctx[off+i], p1, p2, st.buf)[2:]
		m.lin.AddScores(st.buf, out)
	}
	var own [64]int8
	for _, ws := range words {
		n := len(ws)
		low, short, clust = st.low[off:off+n], st.short[off:off+n], st.clust[off:off+n]
		types := st.types[off : off+n]
		first = own[:0]
		if second {
			first = append(first, types...)
			if m.ctx2 {
				m.markDocNames(st, low, off, n)
			}
		}
		cls := st.class[off : off+n]
		st.bs.decode(m, n, m.beam, static, dyn, cls)
		for i, c := range cls {
			if doc != nil {
				doc.record(low[i], m.typ[c])
			}
			types[i] = int8(m.typ[c])
		}
		off += n
	}
}

const (
	modelMagicV1 = "dossier-ner-v1\n"
	modelMagic   = "dossier-ner-v2\n"
)

// Save writes the model, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	io.WriteString(zw, modelMagic)
	binary.Write(zw, binary.LittleEndian, uint32(len(m.lexText)))
	zw.Write(m.lexText)
	var flags byte
	if m.noHistory {
		flags |= 1
	}
	if m.twoPass {
		flags |= 2
	}
	if m.runs {
		flags |= 4
	}
	if m.ctx2 {
		flags |= 8
	}
	if m.docNames {
		flags |= 16
	}
	if m.docMulti {
		flags |= 32
	}
	if m.beam > 1 {
		flags |= 64
	}
	zw.Write([]byte{flags})
	if m.beam > 1 {
		zw.Write([]byte{byte(m.beam)})
		binary.Write(zw, binary.LittleEndian, m.temp)
	}
	var gz bytes.Buffer
	if m.gaz != nil {
		if err := m.gaz.write(&gz); err != nil {
			return fmt.Errorf("save ner model: %w", err)
		}
	}
	binary.Write(zw, binary.LittleEndian, uint32(gz.Len()))
	zw.Write(gz.Bytes())
	if _, err := m.lin.WriteTo(zw); err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	defer zr.Close()
	hdr := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(zr, hdr); err != nil || (string(hdr) != modelMagic && string(hdr) != modelMagicV1) {
		return nil, fmt.Errorf("load ner model: not a dossier ner model")
	}
	var n uint32
	if err := binary.Read(zr, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	if n > 1<<28 {
		return nil, fmt.Errorf("load ner model: lexicon of %d bytes", n)
	}
	m := &Model{lexText: make([]byte, n)}
	if _, err := io.ReadFull(zr, m.lexText); err != nil {
		return nil, fmt.Errorf("load ner model lexicon: %w", err)
	}
	if n > 0 {
		if m.lex, err = ReadLexicon(bytes.NewReader(m.lexText)); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
	}
	if string(hdr) == modelMagic {
		var flags [1]byte
		if _, err := io.ReadFull(zr, flags[:]); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
		m.noHistory = flags[0]&1 != 0
		m.twoPass = flags[0]&2 != 0
		m.runs = flags[0]&4 != 0
		m.ctx2 = flags[0]&8 != 0
		m.docNames = flags[0]&16 != 0
		m.docMulti = flags[0]&32 != 0
		if flags[0]&64 != 0 {
			var k [1]byte
			if _, err := io.ReadFull(zr, k[:]); err != nil {
				return nil, fmt.Errorf("load ner model: %w", err)
			}
			if k[0] > maxBeam {
				return nil, fmt.Errorf("load ner model: beam of %d", k[0])
			}
			m.beam = int(k[0])
			if err := binary.Read(zr, binary.LittleEndian, &m.temp); err != nil {
				return nil, fmt.Errorf("load ner model: %w", err)
			}
		}
		if err := binary.Read(zr, binary.LittleEndian, &n); err != nil {
			return nil, fmt.Errorf("load ner model: %w", err)
		}
		if n > 1<<28 {
			return nil, fmt.Errorf("load ner model: gazetteer of %d bytes", n)
		}
		gz := make([]byte, n)
		if _, err := io.ReadFull(zr, gz); err != nil {
			return nil, fmt.Errorf("load ner model gazetteer: %w", err)
		}
		if n > 0 {
			if m.gaz, err = readPhrases(gz); err != nil {
				return nil, fmt.Errorf("load ner model: %w", err)
			}
		}
	} else {
		m.noHistory = true
	}
	if m.lin, err = tag.ReadLinear(zr); err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	m.index()
	m.setBeam(m.beam, m.temp)
	return m, nil
}
