package tag

import (
	"unicode"
	"unicode/utf8"
)

// Feature hashing: every feature is a 64-bit hash built from a template
// number and the hashes of the strings it combines. Nothing is allocated;
// the model maps the hash to a row of its weight table.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashString returns the FNV-1a hash of s.
func HashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashLower returns the hash of the lower-cased form of s without building
// that string: HashLower(s) == HashString(strings.ToLower(s)) for ASCII and
// for most of Unicode.
func HashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var buf [utf8.UTFMax]byte
		m := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for j := 0; j < m; j++ {
			h ^= uint64(buf[j])
			h *= fnvPrime
		}
	}
	return h
}

// Mix combines a template number with up to three component hashes into one
// feature hash.
func Mix(tmpl, a, b, c uint64) uint64 {
	h := tmpl*0x9E3779B97F4A7C15 ^ a
	h = (h ^ h>>31) * 0xBF58476D1CE4E5B9
	h ^= b
	h = (h ^ h>>29) * 0x94D049BB133111EB
	h ^= c
	h = (h ^ h>>32) * 0xD6E8FEB86659FD93
	return h ^ h>>29
}

// Prefix returns the first n runes of s (all of s when it is shorter).
func Prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Suffix returns the last n runes of s (all of s when it is shorter).
func Suffix(s string, n int) string {
	i := len(s)
	for i > 0 && n > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
	}
	return s[i:]
}

// Shape classes of a word: upper, lower, digit, other. ShapeHash returns the
// hash of the word's shape with runs longer than two collapsed ("Xxx" for
// "Islamabad", "dd-dd" for "12-05"), and the hash of the short shape with
// every run collapsed to one character ("Xx").
func ShapeHash(s string) (shape, short uint64) {
	shape, short = fnvOffset, fnvOffset
	var last rune = -1
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
			if c >= utf8.RuneSelf {
				c = '*'
			}
		}
		if c == last {
			run++
		} else {
			run = 1
			short ^= uint64(c)
			short *= fnvPrime
		}
		last = c
		if run <= 2 {
			shape ^= uint64(c)
			shape *= fnvPrime
		}
	}
	return shape, short
}

// Caps describes the capitalisation of a word.
type Caps uint8

// Capitalisation classes.
const (
	CapsNone  Caps = iota // no letters
	CapsLower             // all letters lower case
	CapsInit              // first letter upper, some lower
	CapsUpper             // all letters upper case
	CapsMixed             // anything else ("iPhone", "McDonald")
)

// CapsOf returns the capitalisation class of s.
func CapsOf(s string) Caps {
	upper, lower, first := 0, 0, true
	initUpper := false
	for _, r := range s {
		if unicode.IsUpper(r) {
			if first {
				initUpper = true
			}
			upper++
			first = false
		} else if unicode.IsLower(r) {
			lower++
			first = false
		}
	}
	switch {
	case upper == 0 && lower == 0:
		return CapsNone
	case upper == 0:
		return CapsLower
	case lower == 0:
		return CapsUpper
	case initUpper && upper == 1:
		return CapsInit
	}
	return CapsMixed
}

// SentenceCase classifies a sentence as mixed (0), all upper (1) or all
// lower (2) case, judged on its words with letters.
func SentenceCase(words []string) uint64 {
	up, low, n := 0, 0, 0
	for _, w := range words {
		switch CapsOf(w) {
		case CapsUpper:
			up++
			n++
		case CapsLower:
			low++
			n++
		case CapsInit, CapsMixed:
			n++
		}
	}
	switch {
	case n == 0:
		return 0
	case up == n && n > 1:
		return 1
	case low == n:
		return 2
	}
	return 0
}
