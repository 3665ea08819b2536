package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"
	"unicode"
)

// ClusterSizes are the granularities of the word clusters in the lexicon.
var ClusterSizes = [3]int{32, 128, 512}

// Cluster groups the words of corpus (sentences of lower-cased words) that
// occur at least minCount times by the words seen next to them: each word
// becomes a vector of left and right neighbour counts over the most frequent
// words, and k-means (cosine, seeded) partitions the vectors once for each
// size in ClusterSizes. Cluster numbers start at 1.
func Cluster(corpus [][]string, minCount int, seed int64) map[string][3]uint16 {
	freq := map[string]int{}
	for _, s := range corpus {
		for _, w := range s {
			freq[w]++
		}
	}
	vocab := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	const contexts = 1500
	ctxIndex := map[string]int{}
	for i, w := range vocab {
		if i == contexts {
			break
		}
		ctxIndex[w] = i
	}
	wordIndex := make(map[string]int, len(vocab))
	for i, w := range vocab {
		wordIndex[w] = i
	}
	dims := 2*contexts + 2
	counts := make([]map[int]float32, len(vocab))
	for i := range counts {
		counts[i] = map[int]float32{}
	}
	ctxOf := func(s []string, j int) int {
		if j < 0 {
			return 2 * contexts
		}
		if j >= len(s) {
			return 2*contexts + 1
		}
		if c, ok := ctxIndex[s[j]]; ok {
			return c
		}
		return -1
	}
	for _, s := range corpus {
		for j, w := range s {
			wi, ok := wordIndex[w]
			if !ok {
				continue
			}
			if c := ctxOf(s, j-1); c >= 0 {
				counts[wi][c]++
			}
			if c := ctxOf(s, j+1); c >= 0 {
				if c < contexts {
					c += contexts
				}
				counts[wi][c]++
			}
		}
	}
	// Sparse unit vectors of square-rooted counts.
	type entry struct {
		dim int
		v   float32
	}
	vecs := make([][]entry, len(vocab))
	for i, m := range counts {
		var norm float64
		for d, c := range m {
			v := float32(math.Sqrt(float64(c)))
			vecs[i] = append(vecs[i], entry{d, v})
			norm += float64(v * v)
		}
		sort.Slice(vecs[i], func(a, b int) bool { return vecs[i][a].dim < vecs[i][b].dim })
		n := float32(math.Sqrt(norm))
		for k := range vecs[i] {
			vecs[i][k].v /= n
		}
	}
	out := make(map[string][3]uint16, len(vocab))
	rng := rand.New(rand.NewSource(seed))
	for level, k := range ClusterSizes {
		if k > len(vocab) {
			k = len(vocab)
		}
		cent := make([]float32, k*dims)
		for c, p := range rng.Perm(len(vocab))[:k] {
			for _, e := range vecs[p] {
				cent[c*dims+e.dim] = e.v
			}
		}
		assign := make([]int, len(vocab))
		sims := make([]float32, k)
		for iter := 0; iter < 12; iter++ {
			for i, v := range vecs {
				for c := range sims {
					sims[c] = 0
				}
				for _, e := range v {
					col := e.dim
					for c := 0; c < k; c++ {
						sims[c] += e.v * cent[c*dims+col]
					}
				}
				best := 0
				for c, s := range sims {
					if s > sims[best] {
						best = c
					}
				}
				assign[i] = best
			}
			for i := range cent {
				cent[i] = 0
			}
			for i, v := range vecs {
				c := assign[i]
				for _, e := range v {
					cent[c*dims+e.dim] += e.v
				}
			}
			for c := 0; c < k; c++ {
				row := cent[c*dims : (c+1)*dims]
				var n float64
				for _, x := range row {
					n += float64(x * x)
				}
				if n == 0 {
					continue
				}
				inv := float32(1 / math.Sqrt(n))
				for j := range row {
					row[j] *= inv
				}
			}
		}
		for i, w := range vocab {
			e := out[w]
			e[level] = uint16(assign[i] + 1)
			out[w] = e
		}
	}
	return out
}

// lowerTokens splits text into lower-cased word tokens, splitting off
// punctuation, for cluster statistics.
func lowerTokens(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-':
			cur.WriteRune(r)
		case unicode.IsSpace(r):
			flush()
		default:
			flush()
			out = append(out, string(r))
		}
	}
	flush()
	return out
}

// BuildLexiconCommand writes the lexicon table to outPath: word clusters
// from the words of the CoNLL files (lower-cased) and the "text" field of
// the JSONL files (MUC-4 style, one document per line), case statistics
// from the CoNLL training file only (capsPath), and the cases of the words
// of the word list at dictPath (none when empty).
func BuildLexiconCommand(capsPath string, conllPaths, jsonlPaths []string, dictPath, outPath string, logw io.Writer) error {
	var dict map[string]uint8
	if dictPath != "" {
		d, err := ReadWordList(dictPath)
		if err != nil {
			return err
		}
		dict = d
	}
	var corpus [][]string
	caps := NewCapStats()
	for _, p := range conllPaths {
		sents, err := ReadCoNLLFile(p)
		if err != nil {
			return err
		}
		for _, s := range sents {
			if p == capsPath {
				caps.Add(s.Words)
			}
			lw := make([]string, len(s.Words))
			for i, w := range s.Words {
				lw[i] = strings.ToLower(w)
			}
			corpus = append(corpus, lw)
		}
	}
	for _, p := range jsonlPaths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<24), 1<<24)
		for sc.Scan() {
			var doc struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				f.Close()
				return fmt.Errorf("read %s: %w", p, err)
			}
			for _, s := range strings.Split(doc.Text, ". ") {
				corpus = append(corpus, lowerTokens(s))
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
	}
	fmt.Fprintf(logw, "clustering %d sentences\n", len(corpus))
	clusters := Cluster(corpus, 3, Seed)
	f, err := os.Create(outPath)
	if err != nil {
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	if err := WriteLexicon(f, clusters, caps, Gazetteer(), dict); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	return f.Close()
}
