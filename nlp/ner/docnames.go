package ner

// docNames holds the names the first pass found in one document: for each
// name (a sequence of lower-cased words), how often the sequence occurs in
// the document and how often the first pass labelled it, as a whole, with
// each type. The second pass sees, for each word, its place in a name of
// each type found elsewhere in the document and the share of the other
// occurrences labelled so, never counting the occurrence being tagged: one
// wrong first-pass label then shows as a minority, not as the name's type.
type docNames struct {
	m      map[uint64]docName
	maxLen int
}

type docName struct {
	// lab counts the occurrences labelled as a whole name of each type.
	lab [4]uint16
	// occ counts the occurrences of the word sequence, labelled or not.
	occ uint16
	// name is set when some occurrence was labelled; prefix when a longer
	// name starts with the sequence.
	name, prefix bool
}

// build fills d from the first-pass classes of the words with lower-cased
// hashes low; lens are the sentences' lengths (low and classes run through
// the whole document).
func (d *docNames) build(m *Model, low []uint64, classes []int, lens []int) {
	if d.m == nil {
		d.m = map[uint64]docName{}
	}
	clear(d.m)
	d.maxLen = 0
	add := func(s, e, k int) {
		if e-s+1 > maxPhrase || (m.docMulti && s == e) {
			return
		}
		var h uint64
		for j := s; j <= e; j++ {
			h = phraseStep(h, low[j])
			if j < e {
				v := d.m[h]
				v.prefix = true
				d.m[h] = v
			}
		}
		v := d.m[h]
		v.name = true
		v.lab[k]++
		d.m[h] = v
		d.maxLen = max(d.maxLen, e-s+1)
	}
	start := -1
	for i, c := range classes {
		switch m.prefix[c] {
		case 'U':
			add(i, i, m.typ[c])
			start = -1
		case 'B':
			start = i
		case 'L':
			if start >= 0 {
				add(start, i, m.typ[c])
			}
			start = -1
		case 'O':
			start = -1
		}
	}
	if len(d.m) == 0 {
		return
	}
	off := 0
	for _, n := range lens {
		s := low[off : off+n]
		for i := range s {
			var h uint64
			for j := i; j < n && j-i < d.maxLen; j++ {
				h = phraseStep(h, s[j])
				v, ok := d.m[h]
				if !ok {
					break
				}
				if v.name {
					v.occ++
					d.m[h] = v
				}
				if !v.prefix {
					break
				}
			}
		}
		off += n
	}
}

// isSpan reports whether the first-pass classes label words s..e, exactly,
// as one name of type k.
func (m *Model) isSpan(classes []int, s, e, k int) bool {
	if s == e {
		return m.prefix[classes[s]] == 'U' && m.typ[classes[s]] == k
	}
	if m.prefix[classes[s]] != 'B' || m.typ[classes[s]] != k || m.prefix[classes[e]] != 'L' {
		return false
	}
	for j := s + 1; j < e; j++ {
		if m.prefix[classes[j]] != 'I' {
			return false
		}
	}
	return true
}

// Share buckets of docNames.mark: the share of the other occurrences of a
// name that the first pass labelled with the type.
const (
	shareFew  = 1 // under half
	shareMost = 2 // half or more, not all
	shareAll  = 3
)

// mark sets, for every word of one sentence (lower-cased hashes low,
// first-pass classes classes), 5 bits per type (type k at bits 5k..5k+4):
// the word's place (gazB..gazU) in the longest name of that type starting
// leftmost that the first pass labelled so at some other occurrence, plus
// 8 times the share bucket of those labels among the other occurrences.
func (d *docNames) mark(m *Model, low []uint64, classes []int, out []uint32) {
	clear(out)
	if len(d.m) == 0 {
		return
	}
	var end, others [4]int
	for i := range low {
		for k := range end {
			end[k] = -1
		}
		var h uint64
		for j := i; j < len(low) && j-i < d.maxLen; j++ {
			h = phraseStep(h, low[j])
			v, ok := d.m[h]
			if !ok {
				break
			}
			for k, c := range v.lab {
				if c == 0 {
					continue
				}
				n := int(c)
				if m.isSpan(classes, i, j, k) {
					n--
				}
				if n == 0 {
					continue
				}
				end[k] = j
				share := shareAll
				switch occ := int(v.occ) - 1; {
				case 2*n < occ:
					share = shareFew
				case n < occ:
					share = shareMost
				}
				others[k] = share
			}
			if !v.prefix {
				break
			}
		}
		for k, j := range end {
			if j < 0 {
				continue
			}
			shift := uint(5 * k)
			if out[i]>>shift&7 != 0 {
				continue // inside an earlier match of this type
			}
			for p := i; p <= j; p++ {
				code := uint32(spanCode(p, i, j))
				code |= uint32(others[k]) << 3
				out[p] = out[p]&^(31<<shift) | code<<shift
			}
		}
	}
}
