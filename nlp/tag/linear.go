package tag

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Linear is a multi-class linear model over hashed features: a feature hash
// selects a row of the weight table, and each row holds one weight per class.
// Weights are quantised to int16 with one scale for the table, which halves
// memory and keeps scoring in integer arithmetic.
type Linear struct {
	Classes []string
	bits    uint
	mask    uint64
	w       []int16
	scale   float32
}

// NumClasses returns the number of classes.
func (l *Linear) NumClasses() int { return len(l.Classes) }

// Score adds the weights of feats to scores, one entry per class.
func (l *Linear) Score(feats []uint64, scores []int32) {
	nc := len(l.Classes)
	for i := range scores {
		scores[i] = 0
	}
	scores = scores[:nc]
	for _, f := range feats {
		row := int(f&l.mask) * nc
		w := l.w[row : row+nc]
		for c, v := range w {
			scores[c] += int32(v)
		}
	}
}

// AddScores adds the weights of feats to scores without clearing them
// first, so that a caller can score a fixed part of the features once.
func (l *Linear) AddScores(feats []uint64, scores []int32) {
	nc := len(l.Classes)
	scores = scores[:nc]
	for _, f := range feats {
		row := int(f&l.mask) * nc
		w := l.w[row : row+nc]
		for c, v := range w {
			scores[c] += int32(v)
		}
	}
}

// LinearTrainer learns a Linear model with the averaged perceptron. Averages
// are kept lazily: a weight's running total is brought up to date only when
// the weight changes.
type LinearTrainer struct {
	classes []string
	bits    uint
	mask    uint64
	w       []float32
	total   []float64
	stamp   []int32
	step    int32
}

// NewLinearTrainer returns a trainer for the given classes with 2^bits rows.
func NewLinearTrainer(classes []string, bits uint) *LinearTrainer {
	n := (1 << bits) * len(classes)
	return &LinearTrainer{
		classes: classes, bits: bits, mask: 1<<bits - 1,
		w: make([]float32, n), total: make([]float64, n), stamp: make([]int32, n),
	}
}

// Score puts the current (not averaged) scores of feats in scores.
func (t *LinearTrainer) Score(feats []uint64, scores []float32) {
	nc := len(t.classes)
	for i := range scores[:nc] {
		scores[i] = 0
	}
	for _, f := range feats {
		row := int(f&t.mask) * nc
		w := t.w[row : row+nc]
		for c, v := range w {
			scores[c] += v
		}
	}
}

// Tick counts one training example; call it once per example, updated or not.
func (t *LinearTrainer) Tick() { t.step++ }

// Update moves weight from class guess to class truth for every feature.
func (t *LinearTrainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	nc := len(t.classes)
	for _, f := range feats {
		row := int(f&t.mask) * nc
		t.add(row+truth, 1)
		t.add(row+guess, -1)
	}
}

func (t *LinearTrainer) add(i int, d float32) {
	t.total[i] += float64(t.step-t.stamp[i]) * float64(t.w[i])
	t.stamp[i] = t.step
	t.w[i] += d
}

// Average returns the averaged model as trained so far; training may go on.
func (t *LinearTrainer) Average() *Linear {
	avg := make([]float32, len(t.w))
	steps := float64(t.step)
	if steps == 0 {
		steps = 1
	}
	var maxAbs float64
	for i, w := range t.w {
		tot := t.total[i] + float64(t.step-t.stamp[i])*float64(w)
		a := tot / steps
		avg[i] = float32(a)
		if math.Abs(a) > maxAbs {
			maxAbs = math.Abs(a)
		}
	}
	return quantise(t.classes, t.bits, avg, maxAbs)
}

func quantise(classes []string, bits uint, avg []float32, maxAbs float64) *Linear {
	l := &Linear{Classes: classes, bits: bits, mask: 1<<bits - 1, w: make([]int16, len(avg)), scale: 1}
	if maxAbs == 0 {
		return l
	}
	// 16000 rather than 32767 leaves headroom; weights below one step round
	// to zero, which also makes the saved table compress well.
	q := 16000 / maxAbs
	l.scale = float32(1 / q)
	for i, a := range avg {
		l.w[i] = int16(math.Round(float64(a) * q))
	}
	return l
}

// MeanLinear returns the model whose weights are the mean of the weights of
// ls, which must have the same classes and size: it scores as the sum of
// their scores does, an ensemble at the cost of one model.
func MeanLinear(ls []*Linear) (*Linear, error) {
	if len(ls) == 0 {
		return nil, errors.New("mean of no linear models")
	}
	first := ls[0]
	avg := make([]float32, len(first.w))
	for _, l := range ls {
		if l.bits != first.bits || len(l.Classes) != len(first.Classes) {
			return nil, fmt.Errorf("mean of linear models of different sizes (%d and %d bits, %d and %d classes)", first.bits, l.bits, len(first.Classes), len(l.Classes))
		}
		for i, v := range l.w {
			avg[i] += float32(v) * l.scale / float32(len(ls))
		}
	}
	var maxAbs float64
	for _, a := range avg {
		maxAbs = math.Max(maxAbs, math.Abs(float64(a)))
	}
	return quantise(first.Classes, first.bits, avg, maxAbs), nil
}

const linearMagic = "dossier-linear-v1"

// WriteTo writes the model in a compact binary form.
func (l *Linear) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	put := func(b []byte) {
		m, _ := bw.Write(b)
		n += int64(m)
	}
	putU32 := func(v uint32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], v)
		put(b[:])
	}
	put([]byte(linearMagic))
	putU32(uint32(l.bits))
	putU32(math.Float32bits(l.scale))
	putU32(uint32(len(l.Classes)))
	for _, c := range l.Classes {
		putU32(uint32(len(c)))
		put([]byte(c))
	}
	// Weights column by column (class-major) so that the many zero rows of
	// rare classes form long runs for the compressor.
	nc := len(l.Classes)
	rows := 1 << l.bits
	buf := make([]byte, 2*rows)
	for c := 0; c < nc; c++ {
		for r := 0; r < rows; r++ {
			binary.LittleEndian.PutUint16(buf[2*r:], uint16(l.w[r*nc+c]))
		}
		put(buf)
	}
	return n, bw.Flush()
}

// ReadLinear reads a model written by WriteTo.
func ReadLinear(r io.Reader) (*Linear, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(linearMagic))
	if _, err := io.ReadFull(br, magic); err != nil {
		return nil, fmt.Errorf("read linear model header: %w", err)
	}
	if string(magic) != linearMagic {
		return nil, errors.New("read linear model: not a dossier linear model")
	}
	var hdr [3]uint32
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("read linear model header: %w", err)
	}
	bits, nc := uint(hdr[0]), int(hdr[2])
	if bits > 26 || nc > 4096 || nc == 0 {
		return nil, fmt.Errorf("read linear model: implausible size (bits %d, classes %d)", bits, nc)
	}
	l := &Linear{bits: bits, mask: 1<<bits - 1, scale: math.Float32frombits(hdr[1])}
	for i := 0; i < nc; i++ {
		var n uint32
		if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
			return nil, fmt.Errorf("read linear model classes: %w", err)
		}
		if n > 256 {
			return nil, fmt.Errorf("read linear model: class name of %d bytes", n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("read linear model classes: %w", err)
		}
		l.Classes = append(l.Classes, string(b))
	}
	rows := 1 << bits
	l.w = make([]int16, rows*nc)
	buf := make([]byte, 2*rows)
	for c := 0; c < nc; c++ {
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("read linear model weights: %w", err)
		}
		for r := 0; r < rows; r++ {
			l.w[r*nc+c] = int16(binary.LittleEndian.Uint16(buf[2*r:]))
		}
	}
	return l, nil
}
