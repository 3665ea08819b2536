// Package norm turns a name into the lookup key that the gazetteer tables are
// indexed by, so that the generator and the runtime agree byte for byte.
package norm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special folds letters that Unicode does not decompose into a base letter
// plus a combining mark.
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i",
	'ħ': "h", 'Ħ': "h", 'þ': "th", 'Þ': "th", 'ŀ': "l", 'Ŀ': "l", 'ŧ': "t", 'Ŧ': "t",
	'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ŋ': "ng", 'Ŋ': "ng", 'ĸ': "k", 'ɛ': "e", 'Ɛ': "e",
	'ɔ': "o", 'Ɔ': "o", 'ə': "e", 'Ə': "e", 'ǝ': "e", 'ʻ': "", 'ʼ': "", 'ʾ': "", 'ʿ': "",
}

// Key returns the normalised lookup key of s: lower case, diacritics folded
// to their base letters, apostrophes and full stops removed, hyphens, dashes
// and other punctuation turned into single spaces, and outer space trimmed.
// "São Tomé", "Sao-Tome" and "sao tome" share the key "sao tome"; "Gen." and
// "Gen" share "gen"; "Ma'arrat" becomes "maarrat".
func Key(s string) string {
	if k, ok := cleanKey(s); ok {
		return k
	}
	var buf [64]byte
	return string(AppendKey(buf[:0], s))
}

// AppendKey appends Key(s) to dst and returns the extended slice; loaders use
// it to put many keys in one buffer.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return appendASCIIKey(dst, s, start)
	}
	space := true // suppress leading space and runs of spaces
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := special[r]; ok {
			if rep != "" {
				dst = append(dst, rep...)
				space = false
			}
			continue
		}
		switch {
		case isDropped(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			space = false
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	for len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// isDropped reports whether r vanishes from a key without leaving a space:
// apostrophes of every kind and the full stop of abbreviations.
func isDropped(r rune) bool {
	switch r {
	case '\'', '`', '´', '‘', '’', '′', '.', 'ʹ':
		return true
	}
	return false
}

// cleanKey returns s itself when it is already a key made only of ASCII
// lower-case letters and digits, saving an allocation.
func cleanKey(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "", false
		}
	}
	return s, true
}

// appendASCIIKey is AppendKey for plain ASCII input, which is most of the
// table; start is where the key begins in dst.
func appendASCIIKey(dst []byte, s string, start int) []byte {
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			dst = append(dst, c)
			space = false
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
			space = false
		case c == '\'' || c == '`' || c == '.':
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	for len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}
