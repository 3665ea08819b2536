// Package ner finds names of people, organisations, places and other named
// things (PER, ORG, LOC, MISC) in tokenised sentences.
//
// The recogniser is a greedy averaged perceptron over hashed features of the
// word, its neighbours, their shapes, POS tags and chunks from dossier's own
// tagger (package tag), word clusters and case statistics from unlabelled
// text (Lexicon). It decodes left to right with BILOU tags under transition
// constraints and returns IOB2 tags.
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
	Log         io.Writer
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
	feats [][]uint64
	clust []uint64
	gold  []int
}

// Train learns a recogniser from train and picks the iteration count on dev.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, Report, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 12
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	var rep Report
	m := &Model{lexText: opt.Lexicon}
	if len(opt.Lexicon) > 0 {
		lex, err := ReadLexicon(bytes.NewReader(opt.Lexicon))
		if err != nil {
			return nil, rep, err
		}
		m.lex = lex
	}
	classes := newClasses()
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	// Case augmentation: upper- and lower-cased copies of a share of the
	// sentences; their POS and chunks come from the tagger like the rest.
	words, gold := make([][]string, 0, len(train)), make([][]string, 0, len(train))
	for _, s := range train {
		words = append(words, s.Words)
		gold = append(gold, s.Tags)
	}
	n := len(words)
	for s := 0; s < n; s++ {
		if rng.Float64() >= opt.CaseAugment {
			continue
		}
		for _, f := range []func(string) string{strings.ToUpper, strings.ToLower} {
			w := make([]string, len(words[s]))
			for i, x := range words[s] {
				w[i] = f(x)
			}
			words = append(words, w)
			gold = append(gold, gold[s])
		}
	}
	rep.Sentences = len(words)
	m.lin = nil
	exs := make([]example, len(words))
	var sb sentence
	for s, ws := range words {
		pos := opt.POS.Tag(ws)
		chunks := opt.Chunker.TagChunks(ws, pos)
		sb.set(m.lex, ws, pos, chunks)
		b := bilou(gold[s])
		ex := example{feats: make([][]uint64, len(ws)), gold: make([]int, len(ws)), clust: make([]uint64, len(ws))}
		for i := range ws {
			ex.feats[i] = sb.features(i, nil)
			ex.gold[i] = index[b[i]]
			ex.clust[i] = sb.clust[1][i]
		}
		exs[s] = ex
	}
	devWords, devGold := make([][]string, len(dev)), make([][]string, len(dev))
	for i, s := range dev {
		devWords[i], devGold[i] = s.Words, s.Tags
	}
	// Dev POS and chunks are tagged once.
	devPOS, devChunks := make([][]string, len(dev)), make([][]string, len(dev))
	for i, ws := range devWords {
		devPOS[i] = opt.POS.Tag(ws)
		devChunks[i] = opt.Chunker.TagChunks(ws, devPOS[i])
	}

	tr := tag.NewLinearTrainer(classes, opt.Bits)
	probe := &Model{lin: tr.Average(), lex: m.lex}
	probe.index()
	scores := make([]float32, len(classes))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var buf []uint64
	var best *tag.Linear
	bestF := -1.0
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, s := range order {
			ex := exs[s]
			p1, p2 := -1, -2
			for i := range ex.feats {
				buf = append(buf[:0], ex.feats[i]...)
				buf = dynamic(ex.feats[i], ex.clust[i], p1, p2, buf)
				tr.Score(buf, scores)
				prev := p1
				if prev < 0 {
					prev = -1
				}
				guess := -1
				for c := range scores {
					if probe.allowed(prev, c, i, len(ex.feats)) && (guess < 0 || scores[c] > scores[guess]) {
						guess = c
					}
				}
				tr.Tick()
				tr.Update(buf, ex.gold[i], guess)
				p2, p1 = p1, guess
			}
		}
		lin := tr.Average()
		probe.lin = lin
		pred := make([][]string, len(dev))
		for i := range dev {
			pred[i] = probe.Tag(devWords[i], devPOS[i], devChunks[i])
		}
		sc := Evaluate(devGold, pred)
		f := sc.Overall.F1()
		rep.DevF1 = append(rep.DevF1, f)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "ner iteration %d: dev F1 %.4f\n", it+1, f)
		}
		if f > bestF || len(dev) == 0 {
			bestF, best, rep.Best, rep.Dev = f, lin, it+1, sc
		}
	}
	m.lin = best
	m.index()
	return m, rep, nil
}

// Tag returns one IOB2 tag per word ("B-PER", "I-ORG", "O"), given the
// words and their POS and chunk tags from dossier's own tagger.
func (m *Model) Tag(words, pos, chunks []string) []string {
	out := make([]string, len(words))
	if len(words) == 0 {
		return out
	}
	var sb sentence
	sb.set(m.lex, words, pos, chunks)
	scores := make([]int32, len(m.lin.Classes))
	buf := make([]uint64, 0, 96)
	p1, p2 := -1, -2
	for i := range words {
		buf = sb.features(i, buf[:0])
		k := len(buf)
		buf = dynamic(buf[:k], sb.clust[1][i], p1, p2, buf)
		m.lin.Score(buf, scores)
		guess := -1
		for c, v := range scores {
			if m.allowed(p1, c, i, len(words)) && (guess < 0 || v > scores[guess]) {
				guess = c
			}
		}
		switch m.prefix[guess] {
		case 'B', 'U':
			out[i] = "B-" + Types[m.typ[guess]]
		case 'I', 'L':
			out[i] = "I-" + Types[m.typ[guess]]
		default:
			out[i] = "O"
		}
		p2, p1 = p1, guess
	}
	return out
}

const modelMagic = "dossier-ner-v1\n"

// Save writes the model, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	io.WriteString(zw, modelMagic)
	binary.Write(zw, binary.LittleEndian, uint32(len(m.lexText)))
	zw.Write(m.lexText)
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
	if _, err := io.ReadFull(zr, hdr); err != nil || string(hdr) != modelMagic {
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
	if m.lin, err = tag.ReadLinear(zr); err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	m.index()
	return m, nil
}
