package gold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// honorifics are the words stripped from the front of a name before names
// are compared: religious and academic titles, ranks and forms of address.
var honorifics = map[string]bool{
	"mufti": true, "sheikh": true, "shaikh": true, "maulana": true, "maulvi": true, "mullah": true,
	"imam": true, "qari": true, "allama": true,
	"dr": true, "prof": true, "professor": true, "mr": true, "mrs": true, "ms": true, "sir": true,
	"gen": true, "general": true, "lt": true, "lieutenant": true, "col": true, "colonel": true,
	"major": true, "maj": true, "brig": true, "brigadier": true, "capt": true, "captain": true,
	"commander": true, "cmdr": true, "sgt": true, "sergeant": true, "inspector": true,
	"ambassador": true, "president": true, "minister": true, "senator": true,
}

// stripMarks removes combining marks after canonical decomposition: "é" → "e".
var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Normalise returns the form in which names and quote openings are
// compared: lower case, without diacritics, punctuation turned into spaces,
// a leading "the" and leading honorifics ("Mufti", "Dr", "Gen.") removed, a
// trailing possessive "'s" removed, spaces collapsed.
func Normalise(s string) string {
	if t, _, err := transform.String(stripMarks, s); err == nil {
		s = t
	}
	s = strings.ToLower(s)
	s = strings.NewReplacer("’s ", " ", "'s ", " ").Replace(s + " ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && (words[0] == "the" || honorifics[words[0]]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// normaliseText is Normalise for running text (quotes, role fillers): it
// keeps leading words.
func normaliseText(s string) string {
	if t, _, err := transform.String(stripMarks, s); err == nil {
		s = t
	}
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
