// Package resolve links document-local entities across documents into
// global entities: the same person spelled three ways is one entity, two
// people who share a name in unrelated reports are not merged blindly, and
// places are resolved to the gazetteer so that a map can show them.
//
// Names are compared after normalisation (case, diacritics, punctuation),
// title stripping (Mufti, Lt Gen, chief), transliteration folding
// (Qaddoumi/Kaddoumi, Mohammed/Muhammad, al-/el-), a consonant-skeleton
// phonetic key, acronyms (JeM = Jaish-e-Mohammed) and Jaro-Winkler
// similarity. Candidates are found by blocking keys, so a run is near linear
// in the number of mentions; context (type, co-occurring entities, titles,
// country) moves a score over or under the merge threshold.
package resolve

import (
	"strings"

	"github.com/dossier-osint/dossier/gazetteer"
)

// Key is the stable key of a name, as written: lower case, diacritics
// folded, punctuation dropped (gazetteer.Key). Decisions are anchored on it.
func Key(name string) string { return gazetteer.Key(name) }

// particles are the articles and connectors dropped from a name before
// comparing: "al-Qaeda" and "Qaeda", "el-Sisi" and "Sisi".
var particles = map[string]bool{"al": true, "el": true, "ul": true, "the": true}

// StripTitles removes leading titles (honorifics, ranks, roles) from name
// and returns the rest and the full names of the titles removed: "Mufti
// Abdul Rauf" gives "Abdul Rauf" and ["Mufti"]. A name that is nothing but
// a title is returned unchanged.
func StripTitles(name string) (string, []string) {
	words := strings.Fields(name)
	var titles []string
	maxW := gazetteer.MaxTitleWords()
	for len(words) > 1 {
		found := 0
		for n := min(maxW, len(words)-1); n >= 1; n-- {
			if t, ok := gazetteer.Title(strings.Join(words[:n], " ")); ok {
				titles = append(titles, t.Name)
				found = n
				break
			}
		}
		if found == 0 {
			break
		}
		words = words[found:]
	}
	return strings.Join(words, " "), titles
}

// transliteration rewrites the letter groups that spellings of one name
// differ in.
var transliteration = strings.NewReplacer("ou", "u", "oo", "u", "ee", "i", "q", "k", "dh", "d", "ph", "f", "ck", "k", "y", "i")

// foldToken folds the transliteration variants of one lower-case ASCII
// token: ou/oo → u, ee → i, q → k, dh → d, ph → f, ck → k, o → u, e → a,
// doubled letters once, a final h after a vowel dropped. "qaddoumi" and
// "kaddoumi" both give "kadumi"; "mohammed", "muhammad" and "mohammad"
// give "muhamad".
func foldToken(t string) string {
	t = transliteration.Replace(t)
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case 'o':
			c = 'u'
		case 'e':
			c = 'a'
		}
		if n := len(b); n > 0 && b[n-1] == c {
			continue
		}
		b = append(b, c)
	}
	if n := len(b); n > 2 && b[n-1] == 'h' && isVowel(b[n-2]) {
		b = b[:n-1]
	}
	return string(b)
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// Skeleton is a phonetic key of one token: the folded token's first letter
// and its consonants, without h and w, doubled ones once. "Qaddoumi",
// "Quddumi" and "Kaddoumi" all give "kdm"; "Mohammed" and "Muhammad" give
// "mmd".
func Skeleton(token string) string {
	f := foldToken(token)
	if f == "" {
		return ""
	}
	b := []byte{f[0]}
	for i := 1; i < len(f); i++ {
		c := f[i]
		if isVowel(c) || c == 'h' || c == 'w' {
			continue
		}
		if b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// Name is a name taken apart for comparison.
type Name struct {
	// Raw is the name as written; Key its Key.
	Raw, Key string
	// Titles are the titles stripped from its front.
	Titles []string
	// Tokens are the words of the stripped name, particles dropped.
	Tokens []string
	// Folded is the transliteration-folded stripped name: the key that
	// finds an entity by name.
	Folded string
	// Skeleton is the phonetic key of every token, space separated.
	Skeleton string
	// Acronyms are the initials of the name, with and without connectors
	// (Jaish-e-Mohammed: "jem", "jm"), or the name itself if it looks like
	// an acronym (JeM: "jem").
	Acronyms []string
}

// stopWords are left out of one form of an acronym.
var stopWords = map[string]bool{"and": true, "of": true, "for": true, "the": true, "in": true, "de": true}

// connectors are left out of another form (Tehreek-e-Taliban Pakistan: TTP).
var connectors = map[string]bool{"e": true, "i": true, "ul": true, "al": true, "el": true, "o": true}

// ParseName takes a name apart.
func ParseName(raw string) Name {
	n := Name{Raw: raw, Key: Key(raw)}
	stripped, titles := StripTitles(raw)
	n.Titles = titles
	for _, t := range strings.Fields(Key(stripped)) {
		if !particles[t] {
			n.Tokens = append(n.Tokens, t)
		}
	}
	if len(n.Tokens) == 0 {
		n.Tokens = strings.Fields(Key(stripped))
	}
	folded := make([]string, len(n.Tokens))
	skel := make([]string, len(n.Tokens))
	for i, t := range n.Tokens {
		folded[i] = foldToken(t)
		skel[i] = Skeleton(t)
	}
	n.Folded = strings.Join(folded, " ")
	n.Skeleton = strings.Join(skel, " ")
	if looksLikeAcronym(raw) {
		n.Acronyms = []string{strings.ToLower(acronymPunct.Replace(raw))}
	} else if all := strings.Fields(n.Key); len(all) >= 2 {
		var a, b, c strings.Builder
		for _, t := range all {
			a.WriteByte(t[0])
			if !stopWords[t] {
				b.WriteByte(t[0])
				if !connectors[t] {
					c.WriteByte(t[0])
				}
			}
		}
		for _, s := range []string{a.String(), b.String(), c.String()} {
			if len(s) >= 2 && !contains(n.Acronyms, s) {
				n.Acronyms = append(n.Acronyms, s)
			}
		}
	}
	return n
}

// acronymPunct drops the dots, hyphens and spaces of an acronym (U.S.,
// Al-Q).
var acronymPunct = strings.NewReplacer(".", "", "-", "", " ", "")

// looksLikeAcronym: one word of 2 to 7 letters with at least two capitals
// (JeM, LeT, TTP, U.S.).
func looksLikeAcronym(s string) bool {
	if strings.ContainsRune(s, ' ') {
		return false
	}
	s = acronymPunct.Replace(s)
	if len(s) < 2 || len(s) > 7 {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return upper >= 2
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// NameKeys returns the keys that find an entity by name (store.FindEntities):
// the folded name, and the acronym when the name is one.
func NameKeys(name string) []string {
	n := ParseName(name)
	keys := []string{n.Folded}
	if looksLikeAcronym(name) && len(n.Acronyms) > 0 && n.Acronyms[0] != n.Folded {
		keys = append(keys, "acr:"+n.Acronyms[0])
	}
	return keys
}

// JaroWinkler returns the Jaro-Winkler similarity of a and b, 0 to 1, with
// the usual prefix scale 0.1 over at most four characters.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if len(a) <= 64 && len(b) <= 64 && isASCII(a) && isASCII(b) {
		return jaroWinklerASCII(a, b)
	}
	return jaroWinklerRunes(a, b)
}

// jaroWinklerRunes is JaroWinkler over the runes of a and b.
func jaroWinklerRunes(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	return jaroWinkler(ra, rb, make([]bool, len(ra)), make([]bool, len(rb)))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// jaroWinklerASCII is JaroWinkler for ASCII strings of at most 64 bytes
// (folded names nearly always are), without allocating: the resolver
// compares every candidate pair's names with it.
func jaroWinklerASCII(a, b string) float64 {
	var ba, bb [64]byte
	var ma, mb [64]bool
	la, lb := copy(ba[:], a), copy(bb[:], b)
	return jaroWinkler(ba[:la], bb[:lb], ma[:la], mb[:lb])
}

// jaroWinkler is the Jaro-Winkler similarity of the letters a and b; ma
// and mb are cleared scratch space as long as a and b.
func jaroWinkler[E byte | rune](a, b []E, ma, mb []bool) float64 {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(max(la, lb)/2-1, 0)
	matches := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-window), min(lb, i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			transpositions++
		}
		k++
	}
	m := float64(matches)
	jaro := (m/float64(la) + m/float64(lb) + (m-float64(transpositions)/2)/m) / 3
	prefix := 0
	for i := 0; i < min(4, la, lb) && a[i] == b[i]; i++ {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}
