package events

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
)

// None is the class of a phrase that fills no role.
const None = "none"

// Model is the role classifier: a multinomial logistic regression over the
// features of a candidate noun phrase (its words, the words and verbs around
// it, the triggers of its sentence, document-level counts), with a
// probability threshold per role.
type Model struct {
	// Classes are None followed by the roles ("perpetrator", "target"...).
	Classes []string
	// Features maps a feature to its row of Weights.
	Features map[string]int32
	// Weights holds len(Classes) weights per feature.
	Weights []float32
	// ChunkWeights, when present, are a second set of len(Classes)
	// weights per feature, trained with chunk-level labels (every phrase
	// cut from a chunk that holds a role's filler is an example of that
	// role). A phrase's probability is then the geometric mean of the
	// first model's and of the second's best over the phrases of its
	// chunk, weighed by ChunkMix.
	ChunkWeights []float32
	// ChunkMix is, per role, the weight of the chunk-level model in a
	// phrase's probability: own^(1-w) × chunk^w (0 when missing).
	ChunkMix map[string]float64
	// WordClasses maps a lemma to its coarse and fine distributional
	// class, learnt from the training text (see classes.go); nil for a
	// model trained without them.
	WordClasses map[string][2]uint16
	// Thresholds is the probability a phrase needs to fill each role.
	Thresholds map[string]float64
	// OrgWords are words seen in the names of perpetrator organisations
	// more often than in those of perpetrator individuals.
	OrgWords map[string]bool
	// GateFeatures and GateWeights are the incident gate (see gate.go).
	// A phrase's score for a role is its probability times the gate's
	// probability of an incident raised to GatePower.
	GateFeatures map[string]int32
	GateWeights  []float32
	GatePower    float64
	// GateNorm says the gate divides its sum of weights by the square
	// root of the number of features it knows in the document.
	GateNorm bool
	// SentFeatures and SentWeights are the sentence gate (see gate.go):
	// the probability that a sentence names a role filler. When present,
	// the incident probability is the document gate's times that of the
	// document's likeliest sentence raised to SentPower.
	SentFeatures map[string]int32
	SentWeights  []float32
	SentPower    float64
	// RoleSent, when present, holds per role a sentence gate (see
	// gate.go): the probability that a sentence names a filler of that
	// role. A phrase's probability is then multiplied by its sentence's
	// raised to RoleSentPower (0 when missing).
	RoleSent      map[string]*SentGate
	RoleSentPower map[string]float64
	// GateMin is the gate's probability below which a document has no
	// attack roles at all.
	GateMin float64
	// Limit is the most fillers a document has for one role (0: no
	// limit).
	Limit int
	// Reranker, when not nil, rescores the (text, role) pairs of a
	// document from the probabilities of all their mentions (see
	// rerank.go); the thresholds then apply to its probabilities.
	Reranker *Reranker
	// Iterations and Seed record how the model was trained.
	Iterations int
	Seed       int64
}

//go:embed model/roles.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the shipped model (events/model/roles.gz, reproduced by
// `dossier train events`).
func Default() *Model {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Decode(bytes.NewReader(embedded))
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("events: decode embedded model: %v", defaultErr))
	}
	return defaultModel
}

// Encode writes m, gob-encoded and gzip'd, to w.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("encode events model: %w", err)
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("decode events model: %w", err)
	}
	var m Model
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("decode events model: %w", err)
	}
	if len(m.Classes) == 0 || len(m.Weights) != len(m.Features)*len(m.Classes) {
		return nil, fmt.Errorf("decode events model: %d weights for %d features and %d classes", len(m.Weights), len(m.Features), len(m.Classes))
	}
	if len(m.ChunkWeights) != 0 && len(m.ChunkWeights) != len(m.Weights) {
		return nil, fmt.Errorf("decode events model: %d chunk weights for %d weights", len(m.ChunkWeights), len(m.Weights))
	}
	for r, g := range m.RoleSent {
		if g == nil || len(g.Features) != len(g.Weights) {
			return nil, fmt.Errorf("decode events model: bad sentence gate for %s", r)
		}
	}
	if m.Reranker != nil {
		for r, w := range m.Reranker.Weights {
			if len(w) != numRerankFeatures {
				return nil, fmt.Errorf("decode events model: %d reranker weights for %s, want %d", len(w), r, numRerankFeatures)
			}
		}
	}
	return &m, nil
}

// probs returns the class probabilities of a candidate with features f.
func (m *Model) probs(f []string, out []float64) []float64 {
	return m.probsOf(m.Weights, f, out)
}

// probsOf returns the class probabilities of a candidate with features f
// under weights ws (Weights or ChunkWeights).
func (m *Model) probsOf(ws []float32, f []string, out []float64) []float64 {
	nc := len(m.Classes)
	out = out[:0]
	for range nc {
		out = append(out, 0)
	}
	for _, s := range f {
		row, ok := m.Features[s]
		if !ok {
			continue
		}
		w := ws[int(row)*nc : int(row)*nc+nc]
		for c := range nc {
			out[c] += float64(w[c])
		}
	}
	softmax(out)
	return out
}

func softmax(x []float64) {
	mx := math.Inf(-1)
	for _, v := range x {
		mx = max(mx, v)
	}
	sum := 0.0
	for i, v := range x {
		x[i] = math.Exp(v - mx)
		sum += x[i]
	}
	for i := range x {
		x[i] /= sum
	}
}

// IsOrganisation reports whether a perpetrator's name looks like that of an
// organisation rather than of individuals, by the words of perpetrator
// names seen in training.
func (m *Model) IsOrganisation(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	if m.OrgWords[strings.Join(f, " ")] {
		return true
	}
	return m.OrgWords[f[len(f)-1]]
}

// Size returns the number of features and of classes.
func (m *Model) Size() (features, classes int) { return len(m.Features), len(m.Classes) }
