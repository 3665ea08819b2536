package gazetteer

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// fuzzyIndex is a trigram index over every distinct place key. A key is
// padded to "\x01\x01key\x02\x02" and contributes its distinct byte
// trigrams. Two strings within edit distance d share all but at most 3d of
// the query's distinct trigrams (an edit touches at most three), so a match
// must appear in at least one of any 3d+1 of the query's posting lists: the
// rarest 3d+1 lists give the candidates, the others are checked by binary
// search, and the survivors get a banded Levenshtein check.
type fuzzyIndex struct {
	keys []string
	// postings[gram] is a span of post: key numbers, ascending.
	postings map[uint32]span
	post     []int32
	// firstOfLen[l] is the first key number of keys of l runes; keys are
	// numbered shortest first.
	firstOfLen [257]int32
}

// keyLen is a key's length in runes, capped at 255.
func keyLen(k string) int { return min(utf8.RuneCountInString(k), 255) }

type span struct{ start, end int32 }

var fuzzy = sync.OnceValue(func() *fuzzyIndex { return buildFuzzy(mustPlaces()) })

// buildFuzzy indexes the trigrams of every key of t, in two passes (count,
// then fill) so that all posting lists share one array.
func buildFuzzy(t *placeTable) *fuzzyIndex {
	// Number keys by length (a counting sort), so that every posting list,
	// ascending by key number, is also ascending by key length.
	var firstOfLen [257]int32
	for k := range t.byKey {
		firstOfLen[keyLen(k)+1]++
	}
	for l := 1; l < len(firstOfLen); l++ {
		firstOfLen[l] += firstOfLen[l-1]
	}
	keys := make([]string, len(t.byKey))
	next0 := firstOfLen
	for k := range t.byKey {
		l := keyLen(k)
		keys[next0[l]] = k
		next0[l]++
	}
	ix := &fuzzyIndex{keys: keys, firstOfLen: firstOfLen}
	counts := make(map[uint32]int32, 1<<15)
	var grams []uint32
	total := 0
	for _, k := range keys {
		grams = trigrams(k, grams[:0])
		for _, g := range grams {
			counts[g]++
		}
		total += len(grams)
	}
	ix.postings = make(map[uint32]span, len(counts))
	next := make(map[uint32]int32, len(counts))
	off := int32(0)
	// Lay out lists in gram order so the layout is deterministic.
	order := make([]uint32, 0, len(counts))
	for g := range counts {
		order = append(order, g)
	}
	slices.Sort(order)
	for _, g := range order {
		ix.postings[g] = span{off, off + counts[g]}
		next[g] = off
		off += counts[g]
	}
	ix.post = make([]int32, total)
	for i, k := range keys {
		grams = trigrams(k, grams[:0])
		for _, g := range grams {
			ix.post[next[g]] = int32(i)
			next[g]++
		}
	}
	return ix
}

// list returns the posting list of gram g.
func (ix *fuzzyIndex) list(g uint32) []int32 {
	s, ok := ix.postings[g]
	if !ok {
		return nil
	}
	return ix.post[s.start:s.end]
}

// trigrams appends the distinct padded byte trigrams of key to dst.
func trigrams(key string, dst []uint32) []uint32 {
	start := len(dst)
	at := func(i int) uint32 {
		switch {
		case i < 2:
			return 1
		case i >= len(key)+2:
			return 2
		}
		return uint32(key[i-2])
	}
	for i := 0; i < len(key)+2; i++ {
		g := at(i)<<16 | at(i+1)<<8 | at(i+2)
		if !slices.Contains(dst[start:], g) {
			dst = append(dst, g)
		}
	}
	return dst
}

// Fuzzy returns the places whose name, ASCII name or alternate name is
// within maxDist edits (Levenshtein, on keys) of name, for misspellings:
// Fuzzy("Rawalkot", 1) finds Rawalakot. Results are ordered by distance,
// then as Places orders them (countries, own names before alternate names,
// population), each place once.
//
// Short names get fewer edits than asked for, since almost any short word is
// two edits from some village: the distance is capped at (runes−1)/3, so a
// name of 3 runes or fewer matches exactly, 4–6 runes allow one edit and
// 7–9 allow two.
func Fuzzy(name string, maxDist int) []Place {
	k := Key(name)
	n := utf8.RuneCountInString(k)
	d := min(maxDist, (n-1)/3)
	if n == 0 || d < 0 {
		return nil
	}
	if d == 0 {
		return Places(name)
	}
	t := mustPlaces()
	ix := fuzzy()
	grams := trigrams(k, nil)
	// Repetitive keys ("aaaaaa") have few distinct trigrams; keep at least
	// one that a match must share.
	d = min(d, (len(grams)-1)/3)
	if d == 0 {
		return Places(name)
	}
	need := len(grams) - 3*d
	// Only keys within d of the query's length can match: cut every list
	// to that range of key numbers.
	lo, hi := ix.firstOfLen[max(n-d, 0)], ix.firstOfLen[min(n+d+1, 256)]
	lists := make([][]int32, len(grams))
	for i, g := range grams {
		l := ix.list(g)
		a, _ := slices.BinarySearch(l, lo)
		b, _ := slices.BinarySearch(l, hi)
		lists[i] = l[a:b]
	}
	slices.SortFunc(lists, func(a, b []int32) int { return cmp.Compare(len(a), len(b)) })
	rare, common := lists[:3*d+1], lists[3*d+1:]
	type hit struct {
		key  int32
		dist int
	}
	var hits []hit
	pos := make([]int, len(common))
	for _, c := range mergeCount(rare) {
		i, count := c.key, int(c.count)
		if count+len(common) < need {
			continue
		}
		// Candidates ascend, so each common list is searched forward from
		// where the previous candidate left it.
		for j := 0; j < len(common) && count < need && count+len(common)-j >= need; j++ {
			l := common[j]
			p, ok := slices.BinarySearch(l[pos[j]:], i)
			pos[j] += p
			if ok {
				count++
			}
		}
		if count < need {
			continue
		}
		if dist, ok := Levenshtein(k, ix.keys[i], d); ok {
			hits = append(hits, hit{i, dist})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	var out []Place
	seen := map[int32]bool{}
	var refs []placeRef
	for lo := 0; lo < len(hits); {
		hi := lo
		refs = refs[:0]
		for hi < len(hits) && hits[hi].dist == hits[lo].dist {
			refs = t.refs(refs, ix.keys[hits[hi].key])
			hi++
		}
		slices.SortFunc(refs, t.compare)
		for _, r := range refs {
			if i := r.index(); !seen[i] {
				seen[i] = true
				out = append(out, t.places[i])
			}
		}
		lo = hi
	}
	return out
}

// keyCount is a key number and the number of posting lists it is in.
type keyCount struct {
	key   int32
	count int32
}

// mergeCount merges ascending posting lists into ascending key numbers,
// each with the number of lists holding it.
func mergeCount(lists [][]int32) []keyCount {
	var acc, tmp []keyCount
	for _, l := range lists {
		tmp = tmp[:0]
		i, j := 0, 0
		for i < len(acc) && j < len(l) {
			switch {
			case acc[i].key < l[j]:
				tmp = append(tmp, acc[i])
				i++
			case acc[i].key > l[j]:
				tmp = append(tmp, keyCount{l[j], 1})
				j++
			default:
				tmp = append(tmp, keyCount{acc[i].key, acc[i].count + 1})
				i++
				j++
			}
		}
		tmp = append(tmp, acc[i:]...)
		for ; j < len(l); j++ {
			tmp = append(tmp, keyCount{l[j], 1})
		}
		acc, tmp = tmp, acc
	}
	return acc
}

// Levenshtein returns the edit distance between a and b (by rune) when it
// is at most limit, computing only the diagonal band of width 2·limit+1 and
// giving up as soon as a whole row exceeds limit. It is how names spelt
// two ways are told from different names, here and in package extract.
func Levenshtein(a, b string, limit int) (int, bool) {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > limit {
		return 0, false
	}
	const inf = 1 << 30
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-limit), min(len(rb), i+limit)
		if lo > 1 {
			cur[lo-1] = inf
		} else {
			cur[0] = i
		}
		rowMin := inf
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if ra[i-1] != rb[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < len(rb) {
			cur[hi+1] = inf
		}
		if rowMin > limit {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[len(rb)] > limit {
		return 0, false
	}
	return prev[len(rb)], true
}
