package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier/nlp/tag"
)

// phraseGaz is a gazetteer of multi-word names: hashed sequences of
// lower-cased words, each with the entity types it was seen as. The
// recogniser's is built from the entity mentions of its training data.
type phraseGaz struct {
	// m maps the hash of a word sequence to a bit set: bit k for name
	// class k (Types, then the classes below), bitPrefix when a longer
	// name starts with the sequence.
	m      map[uint64]uint16
	maxLen int
	// text keeps the entries ("bits\tword word") for Save.
	text map[string]uint16
	// uni counts the labels of each word in the training data (O, then
	// Types), keyed by lower-cased hash; uniText keeps them for Save.
	uni     map[uint64][5]uint16
	uniText map[string][5]uint16
}

// Name classes of the gazetteer after the four entity types: places of the
// GeoNames table, countries, and demonyms (from package gazetteer).
const (
	classPlace = iota + 4
	classCountry
	classDemonym
	gazClasses
)

const (
	bitPrefix = 1 << 15
	// maxPhrase is the longest name the gazetteer keeps, in words.
	maxPhrase = 8
)

func newPhraseGaz() *phraseGaz {
	return &phraseGaz{m: map[uint64]uint16{}, text: map[string]uint16{},
		uni: map[uint64][5]uint16{}, uniText: map[string][5]uint16{}}
}

func phraseStep(h, low uint64) uint64 { return tag.Mix(fPhrase, h, low, 0) }

// add records words (as written; compared lower-cased) as a name of type k.
func (g *phraseGaz) add(words []string, k int) {
	if len(words) == 0 || len(words) > maxPhrase {
		return
	}
	var h uint64
	for i, w := range words {
		h = phraseStep(h, tag.HashLower(w))
		if i < len(words)-1 {
			g.m[h] |= bitPrefix
		}
	}
	g.m[h] |= 1 << k
	if len(words) > g.maxLen {
		g.maxLen = len(words)
	}
	g.text[strings.ToLower(strings.Join(words, " "))] |= 1 << k
}

// addLow records the word sequence with lower-cased hashes low as a name of
// type k, for matching only (it is not saved).
func (g *phraseGaz) addLow(low []uint64, k int) {
	if len(low) == 0 || len(low) > maxPhrase {
		return
	}
	var h uint64
	for i, l := range low {
		h = phraseStep(h, l)
		if i < len(low)-1 {
			g.m[h] |= bitPrefix
		}
	}
	g.m[h] |= 1 << k
	if len(low) > g.maxLen {
		g.maxLen = len(low)
	}
}

// Position codes of a word inside a gazetteer match.
const (
	gazNone = iota
	gazB
	gazI
	gazL
	gazU
)

// spanCode is the place of word k in the span of words [first, last]:
// gazU for a span of one word, else gazB, gazI or gazL.
func spanCode(k, first, last int) int {
	switch {
	case first == last:
		return gazU
	case k == first:
		return gazB
	case k == last:
		return gazL
	}
	return gazI
}

// mark sets, for every word, 3 bits per class (class k at bits 3k..3k+2):
// the word's position in the longest name of that class starting leftmost.
func (g *phraseGaz) mark(low []uint64, out []uint32) {
	for i := range out {
		out[i] = 0
	}
	if g == nil || len(g.m) == 0 {
		return
	}
	var end [gazClasses]int
	for i := range low {
		for k := range end {
			end[k] = -1
		}
		var h uint64
		for j := i; j < len(low) && j-i < g.maxLen; j++ {
			h = phraseStep(h, low[j])
			v, ok := g.m[h]
			if !ok {
				break
			}
			for k := range end {
				if v&(1<<k) != 0 {
					end[k] = j
				}
			}
			if v&bitPrefix == 0 {
				break
			}
		}
		for k, j := range end {
			if j < 0 {
				continue
			}
			shift := uint(3 * k)
			if out[i]>>shift&7 != 0 {
				continue // inside an earlier match of this type
			}
			for p := i; p <= j; p++ {
				code := uint32(spanCode(p, i, j))
				out[p] = out[p]&^(7<<shift) | code<<shift
			}
		}
	}
}

// trainPhrases builds the gazetteer of the entity mentions of sents, leaving
// out the documents for which skip returns true.
func trainPhrases(sents []Sentence, skip func(doc int) bool) *phraseGaz {
	g := newPhraseGaz()
	kinds := map[string]int{}
	for k, t := range Types {
		kinds[t] = k
	}
	for _, s := range sents {
		if skip != nil && skip(s.Doc) {
			continue
		}
		types := make([]int, len(s.Words))
		for i := range types {
			types[i] = -1
		}
		for _, sp := range Spans(s.Tags) {
			if k, ok := kinds[sp.Type]; ok {
				g.add(s.Words[sp.Start:sp.End], k)
				for i := sp.Start; i < sp.End; i++ {
					types[i] = k
				}
			}
		}
		for i, w := range s.Words {
			g.addUni(strings.ToLower(w), types[i], 1)
		}
	}
	return g
}

// addUni counts n labels of type k (-1 for O) for word w (lower-cased).
func (g *phraseGaz) addUni(w string, k int, n int) {
	c := g.uniText[w]
	c[k+1] = uint16(min(int(c[k+1])+n, 65535))
	g.uniText[w] = c
	g.uni[tag.HashLower(w)] = c
}

// uniCode summarises the training labels of the word with hash h: 0 when
// unseen, else 1 + 4*(majority type, 0 for none) + share bucket.
func (g *phraseGaz) uniCode(h uint64) uint64 {
	if g == nil {
		return 0
	}
	c, ok := g.uni[h]
	if !ok {
		return 0
	}
	maj, share, _ := summarise(c)
	return 1 + 4*maj + share
}

// write writes the entries, one "bits<TAB>words" line each, sorted.
func (g *phraseGaz) write(w io.Writer) error {
	keys := make([]string, 0, len(g.text))
	for k := range g.text {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw := bufio.NewWriter(w)
	for _, k := range keys {
		fmt.Fprintf(bw, "%d\t%s\n", g.text[k], k)
	}
	keys = keys[:0]
	for k := range g.uniText {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := g.uniText[k]
		fmt.Fprintf(bw, "u\t%d %d %d %d %d\t%s\n", c[0], c[1], c[2], c[3], c[4], k)
	}
	return bw.Flush()
}

// readPhrases reads entries written by write.
func readPhrases(b []byte) (*phraseGaz, error) {
	g := newPhraseGaz()
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		bits, words, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("phrase line %d: no tab", line)
		}
		if bits == "u" {
			counts, w, ok := strings.Cut(words, "\t")
			var c [5]int
			if _, err := fmt.Sscan(counts, &c[0], &c[1], &c[2], &c[3], &c[4]); !ok || err != nil {
				return nil, fmt.Errorf("phrase line %d: bad word counts", line)
			}
			for k, n := range c {
				g.addUni(w, k-1, n)
			}
			continue
		}
		var v int
		if _, err := fmt.Sscan(bits, &v); err != nil {
			return nil, fmt.Errorf("phrase line %d: %w", line, err)
		}
		ws := strings.Fields(words)
		for k := 0; k < gazClasses; k++ {
			if v&(1<<k) != 0 {
				g.add(ws, k)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read phrases: %w", err)
	}
	return g, nil
}

// addNames adds every name of names (words separated by spaces) as class k.
func (g *phraseGaz) addNames(names []string, k int) {
	for _, n := range names {
		g.add(strings.Fields(n), k)
	}
}

// merge adds the entries of o.
func (g *phraseGaz) merge(o *phraseGaz) {
	if o == nil {
		return
	}
	for w, c := range o.uniText {
		for k, n := range c {
			g.addUni(w, k-1, int(n))
		}
	}
	for text, bits := range o.text {
		ws := strings.Fields(text)
		for k := 0; k < gazClasses; k++ {
			if bits&(1<<k) != 0 {
				g.add(ws, k)
			}
		}
	}
}
