package events

import (
	"math"
	"math/rand"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// Word classes: distributional clusters of the training text's lemmas, so
// that a feature learnt from "soldiers" also speaks for "troopers" and one
// learnt from "dynamite" for "tnt". Each lemma seen often enough gets a
// coarse and a fine class: k-means over its context vector (the lemmas
// just before and after it and those within a few words, weighed by
// positive pointwise mutual information), reduced by a truncated SVD.

// The word classes' settings: how often a lemma must occur to get a class,
// how many context lemmas count, the SVD's dimensions, the window beyond
// the neighbours, and the numbers of coarse and fine classes.
const (
	classMinCount = 5
	classContexts = 2000
	classDims     = 64
	classWindow   = 3
	classCoarse   = 128
	classFine     = 512
	classIters    = 25
)

// wordClass returns the class key of a lemma: numbers share one.
func wordClass(lemma string) string {
	digits := false
	for _, r := range lemma {
		if r >= '0' && r <= '9' {
			digits = true
		} else if r != ',' && r != '.' && r != '-' {
			return lemma
		}
	}
	if digits {
		return "<num>"
	}
	return lemma
}

// wordClasses clusters the lemmas of texts (each a document's lemmas, one
// slice per sentence), deterministically.
func wordClasses(texts [][][]string) map[string][2]uint16 {
	count := map[string]int{}
	for _, doc := range texts {
		for _, s := range doc {
			for _, w := range s {
				count[wordClass(w)]++
			}
		}
	}
	words := make([]string, 0, len(count))
	for w, n := range count {
		if n >= classMinCount && !isPunct(w) {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(a, b int) bool {
		if count[words[a]] != count[words[b]] {
			return count[words[a]] > count[words[b]]
		}
		return words[a] < words[b]
	})
	row := make(map[string]int, len(words))
	for i, w := range words {
		row[w] = i
	}
	// contexts: the most frequent lemmas (punctuation included), as the
	// left neighbour, the right neighbour, or within the window.
	all := make([]string, 0, len(count))
	for w := range count {
		all = append(all, w)
	}
	sort.Slice(all, func(a, b int) bool {
		if count[all[a]] != count[all[b]] {
			return count[all[a]] > count[all[b]]
		}
		return all[a] < all[b]
	})
	ctxOf := map[string]int{}
	for i, w := range all[:min(classContexts, len(all))] {
		ctxOf[w] = i
	}
	nctx := 3 * len(ctxOf)
	co := make([]map[int]float64, len(words))
	for i := range co {
		co[i] = map[int]float64{}
	}
	for _, doc := range texts {
		for _, s := range doc {
			for i, w := range s {
				r, ok := row[wordClass(w)]
				if !ok {
					continue
				}
				for d := -classWindow; d <= classWindow; d++ {
					j := i + d
					if d == 0 || j < 0 || j >= len(s) {
						continue
					}
					c, ok := ctxOf[wordClass(s[j])]
					if !ok {
						continue
					}
					switch d {
					case -1:
						co[r][c]++
					case 1:
						co[r][len(ctxOf)+c]++
					default:
						co[r][2*len(ctxOf)+c]++
					}
				}
			}
		}
	}
	// positive PMI.
	rowSum := make([]float64, len(words))
	colSum := make([]float64, nctx)
	total := 0.0
	for i, m := range co {
		for c, x := range m {
			rowSum[i] += x
			colSum[c] += x
			total += x
		}
	}
	type cell struct {
		col int
		val float64
	}
	rows := make([][]cell, len(words))
	for i, m := range co {
		cols := make([]int, 0, len(m))
		for c := range m {
			cols = append(cols, c)
		}
		sort.Ints(cols)
		for _, c := range cols {
			// context counts smoothed (^0.75) as is usual for PMI.
			pmi := math.Log(m[c] * math.Pow(total, 0.75) / (rowSum[i] * math.Pow(colSum[c], 0.75)))
			if pmi > 0 {
				rows[i] = append(rows[i], cell{c, pmi})
			}
		}
	}
	// truncated SVD by random projection and two power iterations.
	rng := rand.New(rand.NewSource(1))
	k := classDims + 16
	n := len(words)
	if n < 2*classFine {
		return nil
	}
	mulA := func(x *mat.Dense) *mat.Dense { // A (n × nctx) · x (nctx × k)
		y := mat.NewDense(n, k, nil)
		for i, r := range rows {
			out := y.RawRowView(i)
			for _, e := range r {
				xr := x.RawRowView(e.col)
				for j := range k {
					out[j] += e.val * xr[j]
				}
			}
		}
		return y
	}
	mulAT := func(y *mat.Dense) *mat.Dense { // Aᵀ (nctx × n) · y (n × k)
		x := mat.NewDense(nctx, k, nil)
		for i, r := range rows {
			yr := y.RawRowView(i)
			for _, e := range r {
				out := x.RawRowView(e.col)
				for j := range k {
					out[j] += e.val * yr[j]
				}
			}
		}
		return x
	}
	// orth orthonormalises the columns of y (modified Gram-Schmidt).
	orth := func(y *mat.Dense) *mat.Dense {
		r, _ := y.Dims()
		cols := make([][]float64, k)
		for j := range k {
			c := make([]float64, r)
			for i := range r {
				c[i] = y.At(i, j)
			}
			for _, p := range cols[:j] {
				d := dot(c, p)
				for i := range c {
					c[i] -= d * p[i]
				}
			}
			if nrm := math.Sqrt(dot(c, c)); nrm > 0 {
				for i := range c {
					c[i] /= nrm
				}
			}
			cols[j] = c
		}
		q := mat.NewDense(r, k, nil)
		for j, c := range cols {
			for i, x := range c {
				q.Set(i, j, x)
			}
		}
		return q
	}
	omega := mat.NewDense(nctx, k, nil)
	for i := range nctx {
		for j := range k {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	q := orth(mulA(omega))
	for range 2 {
		q = orth(mulA(orth(mulAT(q))))
	}
	// B = Qᵀ A (k × nctx), its SVD B = U S Vᵀ; the words' vectors are
	// Q U S^½.
	bt := mulAT(q) // Aᵀ Q = Bᵀ
	var svd mat.SVD
	if !svd.Factorize(bt.T(), mat.SVDThin) {
		return nil
	}
	var u mat.Dense
	svd.UTo(&u)
	sv := svd.Values(nil)
	var emb mat.Dense
	emb.Mul(q, &u)
	vecs := make([][]float64, n)
	for i := range n {
		v := make([]float64, classDims)
		norm := 0.0
		for j := range classDims {
			v[j] = emb.At(i, j) * math.Sqrt(sv[j])
			norm += v[j] * v[j]
		}
		norm = math.Sqrt(norm)
		if norm > 0 {
			for j := range v {
				v[j] /= norm
			}
		}
		vecs[i] = v
	}
	coarse := kmeans(vecs, classCoarse, rng)
	fine := kmeans(vecs, classFine, rng)
	out := make(map[string][2]uint16, n)
	for i, w := range words {
		out[w] = [2]uint16{uint16(coarse[i]), uint16(fine[i])}
	}
	return out
}

// kmeans clusters unit vectors into k classes by cosine similarity
// (spherical k-means, k-means++ seeding from rng) and returns each
// vector's class.
func kmeans(vecs [][]float64, k int, rng *rand.Rand) []int {
	dim := len(vecs[0])
	cent := make([][]float64, k)
	// k-means++ seeding.
	cent[0] = append([]float64(nil), vecs[rng.Intn(len(vecs))]...)
	dist := make([]float64, len(vecs))
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	for c := 1; c < k; c++ {
		sum := 0.0
		for i, v := range vecs {
			dist[i] = min(dist[i], 1-dot(v, cent[c-1]))
			sum += max(dist[i], 0)
		}
		x := rng.Float64() * sum
		pick := len(vecs) - 1
		for i := range vecs {
			x -= max(dist[i], 0)
			if x <= 0 {
				pick = i
				break
			}
		}
		cent[c] = append([]float64(nil), vecs[pick]...)
	}
	assign := make([]int, len(vecs))
	for it := 0; it < classIters; it++ {
		changed := 0
		for i, v := range vecs {
			best, bs := 0, math.Inf(-1)
			for c, ce := range cent {
				if s := dot(v, ce); s > bs {
					best, bs = c, s
				}
			}
			if assign[i] != best || it == 0 {
				changed++
			}
			assign[i] = best
		}
		for c := range cent {
			cent[c] = make([]float64, dim)
		}
		for i, v := range vecs {
			for j, x := range v {
				cent[assign[i]][j] += x
			}
		}
		for c := range cent {
			norm := math.Sqrt(dot(cent[c], cent[c]))
			if norm == 0 {
				cent[c] = append([]float64(nil), vecs[rng.Intn(len(vecs))]...)
				continue
			}
			for j := range cent[c] {
				cent[c][j] /= norm
			}
		}
		if changed == 0 {
			break
		}
	}
	return assign
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// classOf returns the coarse and fine class of a lemma, and whether it
// has one.
func (v *docView) classOf(lemma string) (string, string, bool) {
	c, ok := v.classes[wordClass(lemma)]
	if !ok {
		return "", "", false
	}
	return "a" + strconv.Itoa(int(c[0])), "b" + strconv.Itoa(int(c[1])), true
}

// docLemmas returns the lemmas of v's document, one slice per sentence
// (boilerplate sentences left out).
func docLemmas(v *docView) [][]string {
	var out [][]string
	for _, s := range v.d.Sentences {
		if s.Boilerplate {
			continue
		}
		out = append(out, v.lemma[s.First:s.Last])
	}
	return out
}
