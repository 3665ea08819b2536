package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/nlp/tag"
)

// docInfo is what the recogniser knows of the document a sentence belongs
// to: how each word is written elsewhere in it, and (while decoding) which
// labels the same word has received so far.
type docInfo struct {
	// caps maps a word's lower-cased hash to capsSeenUpper and capsSeenLower:
	// how it is written in the middle of the document's mixed-case
	// sentences.
	caps map[uint64]uint8
	// hist counts the labels given so far to each word: O, then Types.
	hist map[uint64][5]uint16
	// agg counts the labels of each word in the whole document from the
	// first pass, when there is a second.
	agg map[uint64][5]uint16
}

const (
	capsSeenUpper = 1
	capsSeenLower = 2
)

func (d *docInfo) reset(doc [][]string) {
	if d.caps == nil {
		d.caps = map[uint64]uint8{}
		d.hist = map[uint64][5]uint16{}
		d.agg = map[uint64][5]uint16{}
	}
	clear(d.caps)
	clear(d.hist)
	clear(d.agg)
	for _, words := range doc {
		if tag.SentenceCase(words) != 0 {
			continue
		}
		for i, w := range words {
			if i == 0 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				continue
			}
			h := tag.HashLower(w)
			if unicode.IsUpper(r) {
				d.caps[h] |= capsSeenUpper
			} else {
				d.caps[h] |= capsSeenLower
			}
		}
	}
}

// record counts a label of type typ (-1 for O) for the word with hash h.
func (d *docInfo) record(h uint64, typ int) { count(d.hist, h, typ) }

func count(m map[uint64][5]uint16, h uint64, typ int) {
	c := m[h]
	if c[typ+1] < 65535 {
		c[typ+1]++
	}
	m[h] = c
}

// histCode summarises the labels word h received earlier in the document:
// the most frequent entity type (1..4, 0 for none) and a bucket of the
// share of entity labels; ok is false when the word has not been seen.
func (d *docInfo) histCode(h uint64) (maj, share uint64, ok bool) {
	c, ok := d.hist[h]
	if !ok {
		return 0, 0, false
	}
	return summarise(c)
}

// aggCode summarises the first-pass labels of word h elsewhere in the
// document, leaving out its own first-pass label own (-1 for O).
func (d *docInfo) aggCode(h uint64, own int) (maj, share uint64, ok bool) {
	c := d.agg[h]
	if c[own+1] > 0 {
		c[own+1]--
	}
	if c == ([5]uint16{}) {
		return 0, 0, false
	}
	return summarise(c)
}

func summarise(c [5]uint16) (maj, share uint64, ok bool) {
	total, ent := 0, 0
	best := 0
	for k := 1; k < 5; k++ {
		ent += int(c[k])
		if c[k] > 0 && (best == 0 || c[k] > c[best]) {
			best = k
		}
	}
	total = ent + int(c[0])
	switch {
	case ent == 0:
		share = 0
	case ent*2 < total:
		share = 1
	case ent < total:
		share = 2
	default:
		share = 3
	}
	return uint64(best), share, true
}
