// Package dedup recognises the same story twice: exact duplicates by a hash
// of the normalised text, and near duplicates (a wire story republished with
// small edits) by MinHash signatures over word shingles, bucketed with
// locality-sensitive hashing so that finding candidates stays cheap as the
// store grows.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier/store"
	"golang.org/x/text/unicode/norm"
)

// Parameters of the sketch. 32 bands of 4 rows make two texts with a shingle
// Jaccard similarity of 0.5 share a band with probability 0.87, and of 0.7
// with probability above 0.9999; Threshold then decides on the estimate.
const (
	// Hashes is the length of a MinHash signature.
	Hashes = 128
	// Rows is the number of signature values hashed into one band key.
	Rows = 4
	// Bands is the number of LSH band keys per document.
	Bands = Hashes / Rows
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 5
	// Threshold is the estimated Jaccard similarity of shingle sets from
	// which two documents are the same story.
	Threshold = 0.5
)

// Normalize returns the form of text that decides exact duplicates:
// Unicode NFC, whitespace runs folded to one space, trimmed. Case and
// punctuation are kept: a changed word makes a different text.
func Normalize(text string) string {
	text = norm.NFC.String(text)
	return strings.Join(strings.Fields(text), " ")
}

// ID returns the document ID of text: "sha256:" and the hex digest of its
// normalised form.
func ID(text string) string {
	sum := sha256.Sum256([]byte(Normalize(text)))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// words returns the lower-cased alphanumeric words of text.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingles returns the 64-bit hashes of the ShingleWords-word shingles of
// text (of the whole text when it is shorter).
func shingles(text string) []uint64 {
	ws := words(text)
	n := len(ws) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		end := min(i+ShingleWords, len(ws))
		out = append(out, fnv64(ws[i:end]))
	}
	return out
}

// fnv64 hashes words with FNV-1a, a space between words.
func fnv64(ws []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i, w := range ws {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit permutation.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// seeds are the fixed per-row seeds of the MinHash family.
var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	for i := range s {
		s[i] = mix(uint64(i) + 0x5eed)
	}
	return s
}()

// Sketch computes the MinHash signature of text and its LSH band keys.
// A text with no words gets an empty sketch, which matches nothing.
func Sketch(text string) store.Sketch {
	if len(words(text)) == 0 {
		return store.Sketch{}
	}
	sig := make([]uint32, Hashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, sh := range shingles(text) {
		for i, seed := range seeds {
			if v := uint32(mix(sh^seed) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return store.Sketch{Signature: sig, Bands: bandKeys(sig)}
}

// bandKeys hashes each band of Rows signature values into one key; the band
// index is part of the key so equal values in different bands do not meet.
func bandKeys(sig []uint32) []uint64 {
	keys := make([]uint64, 0, Bands)
	var buf [4 * Rows]byte
	for b := 0; b < Bands; b++ {
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[4*r:], sig[b*Rows+r])
		}
		h := mix(uint64(b) << 56)
		for _, c := range buf {
			h = mix(h ^ uint64(c))
		}
		keys = append(keys, h)
	}
	return keys
}

// Similarity estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions where they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Closest returns the candidate most similar to sig at or above Threshold,
// and its similarity; ok is false when none is.
func Closest(sig []uint32, cands []store.Candidate) (best store.Candidate, sim float64, ok bool) {
	for _, c := range cands {
		if s := Similarity(sig, c.Signature); s >= Threshold && s > sim {
			best, sim, ok = c, s, true
		}
	}
	return best, sim, ok
}
