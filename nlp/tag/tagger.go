// Package tag assigns part-of-speech tags (Penn Treebank) and IOB chunk tags
// to the words of a sentence, and lemmas to tagged words.
//
// Both taggers are greedy averaged perceptrons over hashed features: each
// word is tagged left to right from features of its neighbourhood and of the
// tags already chosen. Training is deterministic for a given seed.
package tag

import (
	"compress/gzip"
	"fmt"
	"io"
	"math/rand"
	"strings"
)

// Kinds of Model.
const (
	KindPOS   = "pos"
	KindChunk = "chunk"
)

// Model is a trained sequence tagger: a part-of-speech tagger (Kind "pos")
// or a chunker (Kind "chunk"), which also reads the POS tags.
type Model struct {
	Kind string
	lin  *Linear
}

// TrainOptions controls training.
type TrainOptions struct {
	// Iterations over the training set (default 8).
	Iterations int
	// Seed for the order of examples and for case augmentation.
	Seed int64
	// Bits is log2 of the number of weight rows (default 18).
	Bits uint
	// CaseAugment is the share of sentences added again in upper case and
	// again in lower case, so the tagger copes with headlines, telexes and
	// lower-cased text (0 disables).
	CaseAugment float64
	// Log, when set, receives one line per iteration.
	Log io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 8
	}
	if o.Bits == 0 {
		o.Bits = 18
	}
}

// Train learns a part-of-speech tagger from sentences and their tags.
func Train(sents [][]string, tags [][]string, opt TrainOptions) *Model {
	return train(KindPOS, sents, nil, tags, opt)
}

// TrainChunker learns a chunker from sentences, their POS tags and their
// chunk tags (IOB1 or IOB2; the model outputs IOB2: B-NP, I-NP, O).
func TrainChunker(sents, pos, chunks [][]string, opt TrainOptions) *Model {
	iob2 := make([][]string, len(chunks))
	for i, c := range chunks {
		iob2[i] = ToIOB2(c)
	}
	return train(KindChunk, sents, pos, iob2, opt)
}

// ToIOB2 rewrites IOB1 tags (B- only between touching chunks of one type) as
// IOB2 (B- at the start of every chunk). IOB2 input is returned unchanged.
func ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			t = "B-" + t[2:]
		}
		out[i] = t
		prev = t
	}
	return out
}

func train(kind string, sents, pos, tags [][]string, opt TrainOptions) *Model {
	opt.defaults()
	rng := rand.New(rand.NewSource(opt.Seed))
	sents, pos, tags = augmentCase(rng, opt.CaseAugment, sents, pos, tags)
	classes, index := classSet(tags)

	// Static features of every token, computed once.
	type example struct {
		feats [][]uint64
		gold  []int
	}
	exs := make([]example, len(sents))
	var tb tokens
	for s, words := range sents {
		var p []string
		if pos != nil {
			p = pos[s]
		}
		tb.set(words, p)
		ex := example{feats: make([][]uint64, len(words)), gold: make([]int, len(words))}
		for i := range words {
			ex.feats[i] = tb.static(kind, i, nil)
			ex.gold[i] = index[tags[s][i]]
		}
		exs[s] = ex
	}

	tr := NewLinearTrainer(classes, opt.Bits)
	scores := make([]float32, len(classes))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var buf []uint64
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, s := range order {
			ex := exs[s]
			p1, p2 := -1, -2
			for i := range ex.feats {
				buf = append(buf[:0], ex.feats[i]...)
				buf = tb.dynamic(kind, ex.feats[i], p1, p2, buf)
				tr.Score(buf, scores)
				guess := argmax(scores)
				tr.Tick()
				tr.Update(buf, ex.gold[i], guess)
				if guess == ex.gold[i] {
					correct++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "%s iteration %d: train accuracy %.4f\n", kind, it+1, float64(correct)/float64(max(total, 1)))
		}
	}
	return &Model{Kind: kind, lin: tr.Average()}
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

func classSet(tags [][]string) ([]string, map[string]int) {
	index := map[string]int{}
	var classes []string
	for _, ts := range tags {
		for _, t := range ts {
			if _, ok := index[t]; !ok {
				index[t] = len(classes)
				classes = append(classes, t)
			}
		}
	}
	return classes, index
}

// augmentCase appends upper- and lower-cased copies of a share of the
// sentences, chosen with rng.
func augmentCase(rng *rand.Rand, share float64, sents, pos, tags [][]string) ([][]string, [][]string, [][]string) {
	if share <= 0 {
		return sents, pos, tags
	}
	n := len(sents)
	for s := 0; s < n; s++ {
		if rng.Float64() >= share {
			continue
		}
		for _, f := range []func(string) string{strings.ToUpper, strings.ToLower} {
			w := make([]string, len(sents[s]))
			for i, x := range sents[s] {
				w[i] = f(x)
			}
			sents = append(sents, w)
			tags = append(tags, tags[s])
			if pos != nil {
				pos = append(pos, pos[s])
			}
		}
	}
	return sents, pos, tags
}

// Tag returns one tag per word. For a chunker, use TagChunks.
func (m *Model) Tag(words []string) []string {
	return m.tag(words, nil)
}

// TagChunks returns one IOB2 chunk tag per word, given the words and their
// POS tags.
func (m *Model) TagChunks(words, pos []string) []string {
	return m.tag(words, pos)
}

func (m *Model) tag(words, pos []string) []string {
	out := make([]string, len(words))
	var tb tokens
	tb.set(words, pos)
	scores := make([]int32, len(m.lin.Classes))
	var buf []uint64
	p1, p2 := -1, -2
	for i := range words {
		buf = tb.static(m.Kind, i, buf[:0])
		n := len(buf)
		buf = tb.dynamic(m.Kind, buf[:n], p1, p2, buf)
		m.lin.Score(buf, scores)
		best := 0
		for c, v := range scores {
			if v > scores[best] {
				best = c
			}
		}
		out[i] = m.lin.Classes[best]
		p2, p1 = p1, best
	}
	return out
}

// Tags returns the tag set of the model.
func (m *Model) Tags() []string { return m.lin.Classes }

const modelMagic = "dossier-tagger-v1\n"

// Save writes the model, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save %s model: %w", m.Kind, err)
	}
	if _, err := io.WriteString(zw, modelMagic+m.Kind+"\n"); err != nil {
		return fmt.Errorf("save %s model: %w", m.Kind, err)
	}
	if _, err := m.lin.WriteTo(zw); err != nil {
		return fmt.Errorf("save %s model: %w", m.Kind, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save %s model: %w", m.Kind, err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load tagger model: %w", err)
	}
	defer zr.Close()
	hdr := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(zr, hdr); err != nil || string(hdr) != modelMagic {
		return nil, fmt.Errorf("load tagger model: not a dossier tagger model")
	}
	var kind []byte
	for {
		var b [1]byte
		if _, err := io.ReadFull(zr, b[:]); err != nil {
			return nil, fmt.Errorf("load tagger model: %w", err)
		}
		if b[0] == '\n' {
			break
		}
		kind = append(kind, b[0])
		if len(kind) > 16 {
			return nil, fmt.Errorf("load tagger model: bad kind")
		}
	}
	lin, err := ReadLinear(zr)
	if err != nil {
		return nil, fmt.Errorf("load %s model: %w", kind, err)
	}
	return &Model{Kind: string(kind), lin: lin}, nil
}
