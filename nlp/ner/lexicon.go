package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/nlp/tag"
)

// Lexicon holds what is known about words independently of the labelled
// data: word clusters learnt from unlabelled text, how often a word is
// capitalised in the middle of a sentence (a clue that survives upper- and
// lower-cased input) and gazetteer classes. Words are keyed by the hash of
// their lower-cased form.
type Lexicon struct {
	words map[uint64]lexEntry
}

type lexEntry struct {
	// clusters at three granularities, 0 when unknown.
	clusters [3]uint16
	// capRatio buckets the share of mid-sentence occurrences that are
	// capitalised (1..6) combined with frequency; 0 when unseen.
	capRatio uint8
	// gaz is a gazetteer class, 0 when none.
	gaz uint8
	// dict tells how an English word list writes the word: dictLower,
	// dictCapital or both; 0 when it is not listed.
	dict uint8
}

// Word-list cases of a lexicon entry.
const (
	dictLower   = 1
	dictCapital = 2
)

func (l *Lexicon) lookup(h uint64) lexEntry {
	if l == nil {
		return lexEntry{}
	}
	return l.words[h]
}

// CapStats counts, for each lower-cased word, its mid-sentence occurrences
// and how many of those were capitalised.
type CapStats struct {
	Total, Capitalised map[string]int
}

// NewCapStats returns empty counts.
func NewCapStats() *CapStats {
	return &CapStats{Total: map[string]int{}, Capitalised: map[string]int{}}
}

// Add counts the words of one mixed-case sentence; the first word, and any
// sentence in upper case, are skipped because their case says nothing.
func (c *CapStats) Add(words []string) {
	if tag.SentenceCase(words) != 0 {
		return
	}
	for i, w := range words {
		if i == 0 {
			continue
		}
		r := []rune(w)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		lw := strings.ToLower(w)
		c.Total[lw]++
		if unicode.IsUpper(r[0]) {
			c.Capitalised[lw]++
		}
	}
}

func capBucket(total, capd int) uint8 {
	if total == 0 {
		return 0
	}
	r := float64(capd) / float64(total)
	var b uint8
	switch {
	case r == 0:
		b = 1
	case r < 0.1:
		b = 2
	case r < 0.5:
		b = 3
	case r < 0.9:
		b = 4
	case r < 1:
		b = 5
	default:
		b = 6
	}
	if total >= 5 {
		b += 6
	}
	return b
}

// WriteLexicon writes the lexicon table: "word<TAB>c1 c2 c3<TAB>capRatio<TAB>total<TAB>gaz<TAB>dict"
// per line, from cluster assignments (may be nil), case statistics,
// gazetteer classes (may be nil) and the cases in which a word list writes
// each word (dictLower|dictCapital, may be nil; see ReadWordList).
func WriteLexicon(w io.Writer, clusters map[string][3]uint16, caps *CapStats, gaz map[string]uint8, dict map[string]uint8) error {
	words := map[string]bool{}
	for k := range clusters {
		words[k] = true
	}
	for k, n := range caps.Total {
		if n >= 2 {
			words[k] = true
		}
	}
	for k := range gaz {
		words[k] = true
	}
	for k := range dict {
		words[k] = true
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sortStrings(keys)
	bw := bufio.NewWriter(w)
	for _, k := range keys {
		c := clusters[k]
		fmt.Fprintf(bw, "%s\t%d %d %d\t%d\t%d\t%d\t%d\n", k, c[0], c[1], c[2], capBucket(caps.Total[k], caps.Capitalised[k]), caps.Total[k], gaz[k], dict[k])
	}
	return bw.Flush()
}

// ReadLexicon reads a table written by WriteLexicon.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	l := &Lexicon{words: map[uint64]lexEntry{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 5 {
			return nil, fmt.Errorf("lexicon line %d: want 5 fields, have %d", line, len(f))
		}
		var e lexEntry
		for k, s := range strings.Fields(f[1]) {
			if k < 3 {
				v, err := strconv.Atoi(s)
				if err != nil {
					return nil, fmt.Errorf("lexicon line %d: %w", line, err)
				}
				e.clusters[k] = uint16(v)
			}
		}
		b, err1 := strconv.Atoi(f[2])
		g, err2 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("lexicon line %d: bad number", line)
		}
		e.capRatio, e.gaz = uint8(b), uint8(g)
		if len(f) > 5 {
			d, err := strconv.Atoi(f[5])
			if err != nil {
				return nil, fmt.Errorf("lexicon line %d: bad number", line)
			}
			e.dict = uint8(d)
		}
		l.words[tag.HashLower(f[0])] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return l, nil
}

// ReadWordList reads a word list with one word a line (such as
// /usr/share/dict/words) into lower-cased words and the cases the list
// writes them in (dictLower, dictCapital). Possessives are skipped.
func ReadWordList(path string) (map[string]uint8, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]uint8{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.ContainsRune(w, '\'') {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		c := uint8(dictLower)
		if unicode.IsUpper(r) {
			c = dictCapital
		}
		out[strings.ToLower(w)] |= c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}
