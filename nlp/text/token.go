// Package text splits a document's text into tokens, sentences and
// paragraphs, keeping exact byte offsets into the text: for every token t of
// text, text[t.Start:t.End] == t.Text. Every later stage (tagger, entity
// recogniser, date finder, extractors) reads these offsets and never searches
// the text again.
//
// Tokens follow the Penn Treebank conventions where they matter to a
// tagger trained on them: possessives and clitics are split ("Pakistan's" →
// "Pakistan" "'s", "didn't" → "did" "n't"), punctuation is split off words,
// currency signs and percent signs are tokens of their own ("$5" → "$" "5",
// "25%" → "25" "%"). Unlike the Treebank, a period that belongs to an
// abbreviation, an acronym or an initial stays on its token even at the end
// of a sentence ("U.S.", "Mr.", "J."), because offsets cannot be duplicated;
// the sentence splitter decides whether such a token also ends a sentence.
//
// Everything here is deterministic, allocation-light and free of I/O; the
// abbreviation, sentence-starter and boilerplate lists are embedded data
// files (abbreviations.txt, starters.txt, boilerplate.txt).
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier"
)

// Kind is the lexical class of a token.
type Kind uint8

// The kinds of token.
const (
	Word    Kind = iota // letters, digits and joiners: "Jaish-e-Mohammed", "U.S.", "Mr.", "F-16"
	Number              // "1,200", "3.5", "1990s", "2019-2021", "24/7"
	Ordinal             // "21st", "2nd"
	Date                // "2026-04-21", "21/04/2026"
	Time                // "10:30", "10:30:15"
	Punct               // . , ; : ! ? " “ ” ‘ ’ ( ) [ ] — – - ... …
	Symbol              // $ € £ ₹ % & + = / * and other symbols
	URL                 // "https://example.com/a?b=c", "www.example.org", "example.com"
	Email               // "press@example.org"
	Hashtag             // "#Pahalgam"
	Handle              // "@PIB_India"
)

var kindNames = [...]string{"Word", "Number", "Ordinal", "Date", "Time", "Punct", "Symbol", "URL", "Email", "Hashtag", "Handle"}

// String returns the name of the kind ("Word", "Punct"...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one token with exact byte offsets into the document text:
// text[Start:End] == Text always.
type Token struct {
	Text       string
	Start, End int
	// SpaceAfter is true when whitespace (including a line break) follows.
	SpaceAfter bool
	Kind       Kind
}

// Span returns the token's byte range.
func (t Token) Span() dossier.Span { return dossier.Span{Start: t.Start, End: t.End} }

// IsSpace reports whether r separates tokens: Unicode white space and the
// invisible zero-width space, word joiner and byte-order mark that scraped
// pages are full of. Every byte of a text that is not part of a separator is
// part of exactly one token.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\n', '\t', '\r', '\f', '\v':
		return true
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// Tokenize splits text into tokens. It never fails: bytes that are not
// valid UTF-8 become one-byte Symbol tokens.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				if n := len(toks); n > 0 {
					toks[n-1].SpaceAfter = true
				}
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); IsSpace(r) {
			if n := len(toks); n > 0 {
				toks[n-1].SpaceAfter = true
			}
			i += size
			continue
		}
		toks = scan(text, i, toks)
		i = toks[len(toks)-1].End
	}
	return toks
}

// emit appends the token text[start:end].
func emit(toks []Token, text string, start, end int, kind Kind) []Token {
	return append(toks, Token{Text: text[start:end], Start: start, End: end, Kind: kind})
}

// scan appends the token or tokens (a word and its clitic) starting at i.
func scan(s string, i int, toks []Token) []Token {
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	switch {
	case (r == 'h' || r == 'H' || r == 'w' || r == 'W') && urlStart(s, i):
		return emit(toks, s, i, scanURL(s, i), URL)
	case r == '#' && i+1 < len(s) && isWordStart(s, i+1):
		return emit(toks, s, i, scanRun(s, i+1), Hashtag)
	case r == '@' && i+1 < len(s) && isWordStart(s, i+1):
		return emit(toks, s, i, scanRun(s, i+1), Handle)
	case isWordRune(r):
		if r < utf8.RuneSelf {
			if e := scanEmail(s, i); e > 0 {
				return emit(toks, s, i, e, Email)
			}
			if e := scanDomain(s, i); e > 0 {
				return emit(toks, s, i, e, URL)
			}
		}
		if r >= '0' && r <= '9' {
			return scanNumber(s, i, toks)
		}
		return scanWord(s, i, scanRun(s, i), toks)
	}
	return scanPunct(s, i, r, size, toks)
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// runeAt decodes the rune at i (utf8.RuneError, 0 past the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordStart(s string, i int) bool {
	r, _ := runeAt(s, i)
	return isWordRune(r)
}

func isLetterAt(s string, i int) bool {
	r, _ := runeAt(s, i)
	return unicode.IsLetter(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scanRun returns the end of the run of word runes starting at i.
func scanRun(s string, i int) int {
	for i < len(s) {
		r, size := runeAt(s, i)
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// digits returns the end of the run of ASCII digits starting at i.
func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// wordEnds reports whether no word rune follows position i.
func wordEnds(s string, i int) bool { return !isWordStart(s, i) }

// scanNumber scans a token starting with a digit: a date, a time, a number
// with thousands separators and decimals, an ordinal, a decade, or a word
// that starts with digits ("4G", "26-year-old").
func scanNumber(s string, i int, toks []Token) []Token {
	d := digits(s, i)
	n := d - i
	// 2026-04-21
	if n == 4 && d+6 <= len(s) && s[d] == '-' && isDigit(s[d+1]) && isDigit(s[d+2]) && s[d+3] == '-' &&
		isDigit(s[d+4]) && isDigit(s[d+5]) && wordEnds(s, d+6) && (d+6 == len(s) || s[d+6] != '-') {
		return emit(toks, s, i, d+6, Date)
	}
	// 21/04/2026, 4/5/26
	if n <= 2 && d < len(s) && s[d] == '/' {
		m := digits(s, d+1)
		if m-d-1 >= 1 && m-d-1 <= 2 && m < len(s) && s[m] == '/' {
			y := digits(s, m+1)
			if (y-m-1 == 4 || y-m-1 == 2) && wordEnds(s, y) && (y == len(s) || s[y] != '/') {
				return emit(toks, s, i, y, Date)
			}
		}
	}
	// 10:30, 10:30:15
	if n <= 2 && d+3 <= len(s) && s[d] == ':' && isDigit(s[d+1]) && isDigit(s[d+2]) && !(d+3 < len(s) && isDigit(s[d+3])) {
		e := d + 3
		if e+3 <= len(s) && s[e] == ':' && isDigit(s[e+1]) && isDigit(s[e+2]) && !(e+3 < len(s) && isDigit(s[e+3])) {
			e += 3
		}
		return emit(toks, s, i, e, Time)
	}
	// 24/7, 1/2
	if d+1 < len(s) && s[d] == '/' && isDigit(s[d+1]) {
		e := digits(s, d+1)
		if wordEnds(s, e) && (e == len(s) || s[e] != '/') {
			return emit(toks, s, i, e, Number)
		}
	}
	// 1,200,000 and 3.5
	e := d
	for e+3 < len(s) && s[e] == ',' && isDigit(s[e+1]) && isDigit(s[e+2]) && isDigit(s[e+3]) &&
		(e+4 == len(s) || !isDigit(s[e+4])) {
		e += 4
	}
	if e+1 < len(s) && s[e] == '.' && isDigit(s[e+1]) {
		e = digits(s, e+1)
	}
	kind := Number
	if e == d && e < len(s) && isASCIILetter(s[e]) {
		// 21st, 2nd, 3rd, 4th; 1990s
		l := e
		for l < len(s) && isASCIILetter(s[l]) {
			l++
		}
		if wordEnds(s, l) {
			switch strings.ToLower(s[e:l]) {
			case "st", "nd", "rd", "th":
				kind = Ordinal
				e = l
			case "s":
				e = l
			}
		}
	}
	if e == d && isWordStart(s, e) {
		// 4G, 9mm, 10am: a word that starts with digits.
		return scanWord(s, i, scanRun(s, e), toks)
	}
	if e < len(s) && isHyphen(s, e) > 0 {
		// 2019-2021, 26-year-old, 1,200-strong
		if end, allDigits := hyphenChain(s, e); end > e {
			if !allDigits {
				kind = Word
			}
			return emit(toks, s, i, end, kind)
		}
	}
	return emit(toks, s, i, e, kind)
}

// isHyphen returns the byte length of the hyphen at i (ASCII hyphen-minus,
// U+2010 hyphen, U+2011 non-breaking hyphen), or 0.
func isHyphen(s string, i int) int {
	if s[i] == '-' {
		return 1
	}
	if strings.HasPrefix(s[i:], "\u2010") || strings.HasPrefix(s[i:], "\u2011") {
		return 3
	}
	return 0
}

// hyphenChain extends a token over "-segment" parts starting at the hyphen
// at i. It returns the new end (i when there is nothing to join) and
// whether every joined segment is all digits.
func hyphenChain(s string, i int) (int, bool) {
	end, allDigits := i, true
	for end < len(s) {
		h := isHyphen(s, end)
		if h == 0 || !isWordStart(s, end+h) {
			break
		}
		e := scanRun(s, end+h)
		if digits(s, end+h) != e {
			allDigits = false
		}
		end = e
	}
	return end, allDigits
}

// scanWord scans a word whose first run of word runes is s[i:e]: joins
// hyphenated parts, inner apostrophes and "AT&T"-style ampersands, keeps
// the period of an abbreviation, an acronym or an initial, and splits
// clitics off.
func scanWord(s string, i, e int, toks []Token) []Token {
	// Acronyms with inner periods: U.S., I.S.I., a.m., e.g.
	if e == i+1 && e+2 < len(s) && s[e] == '.' && isASCIILetter(s[i]) && isASCIILetter(s[e+1]) && wordEnds(s, e+2) {
		end := e
		for end+2 <= len(s) && s[end] == '.' && isASCIILetter(s[end+1]) && wordEnds(s, end+2) {
			end += 2
		}
		if end < len(s) && s[end] == '.' {
			end++
		}
		if end < len(s) && isHyphen(s, end) > 0 { // U.S.-led
			end, _ = hyphenChain(s, end)
		}
		return emit(toks, s, i, end, Word)
	}
	for e < len(s) {
		c := s[e]
		switch {
		case isHyphen(s, e) > 0:
			h := isHyphen(s, e)
			if !isWordStart(s, e+h) {
				goto done
			}
			e = scanRun(s, e+h)
		case c == '\'' || strings.HasPrefix(s[e:], "’"):
			w := 1
			if c != '\'' {
				w = len("’")
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:e])
			if !unicode.IsLetter(prev) || !isLetterAt(s, e+w) {
				goto done
			}
			e = scanRun(s, e+w)
		case c == '&':
			if e+1 < len(s) && s[e-1] >= 'A' && s[e-1] <= 'Z' && s[e+1] >= 'A' && s[e+1] <= 'Z' {
				e = scanRun(s, e+1)
			} else {
				goto done
			}
		default:
			goto done
		}
	}
done:
	word := s[i:e]
	if k := clitic(word); k > 0 {
		toks = emit(toks, s, i, e-k, Word)
		return emit(toks, s, e-k, e, Word)
	}
	if e < len(s) && s[e] == '.' && (e+1 == len(s) || s[e+1] != '.') {
		attach := false
		switch abbreviations[word] {
		case abbrevTitle, abbrevOther:
			attach = true
		case abbrevNumber:
			j := e + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			attach = j < len(s) && isDigit(s[j])
		default:
			attach = isInitial(word)
		}
		if attach {
			return emit(toks, s, i, e+1, Word)
		}
	}
	kind := Word
	if digits(s, i) == e {
		kind = Number
	}
	return emit(toks, s, i, e, kind)
}

// clitic returns the byte length of a Penn Treebank clitic ending word
// ("'s", "n't", "'ll", "’re"...), or 0 when word has none or is only the
// clitic.
func clitic(word string) int {
	a := strings.LastIndexByte(word, '\'')
	w := 1
	if b := strings.LastIndex(word, "’"); b > a {
		a, w = b, len("’")
	}
	if a <= 0 {
		return 0
	}
	suffix := strings.ToLower(word[a+w:])
	switch suffix {
	case "s", "re", "ve", "ll", "d", "m":
		return len(word) - a
	case "t":
		if a >= 2 && (word[a-1] == 'n' || word[a-1] == 'N') {
			return len(word) - a + 1
		}
	}
	return 0
}

// urlStart reports whether a URL starts at i.
func urlStart(s string, i int) bool {
	for _, p := range [...]string{"http://", "https://", "www."} {
		if len(s)-i > len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			r, _ := runeAt(s, i+len(p))
			return !IsSpace(r) && r != utf8.RuneError
		}
	}
	return false
}

// scanURL returns the end of the URL starting at i: up to white space or a
// character that cannot be in a URL, without trailing punctuation or an
// unbalanced closing bracket.
func scanURL(s string, i int) int {
	e := i
	for e < len(s) {
		c := s[e]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c >= utf8.RuneSelf {
			break
		}
		e++
	}
	return trimURL(s, i, e)
}

func trimURL(s string, i, e int) int {
	for e > i {
		switch s[e-1] {
		case '.', ',', ';', ':', '!', '?', '\'':
			e--
			continue
		case ')':
			if strings.Count(s[i:e], "(") < strings.Count(s[i:e], ")") {
				e--
				continue
			}
		case ']':
			if strings.Count(s[i:e], "[") < strings.Count(s[i:e], "]") {
				e--
				continue
			}
		}
		break
	}
	return e
}

// tlds are the top-level domains that make "name.tld" a URL without a
// scheme. Country codes are limited to the regions dossier reads most.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "info": true,
	"io": true, "news": true, "tv": true, "uk": true, "in": true, "pk": true, "af": true,
	"ir": true, "il": true, "ae": true, "au": true, "ca": true, "de": true, "fr": true,
	"ru": true, "cn": true, "bd": true, "lk": true, "np": true, "eu": true,
}

// scanDomain returns the end of a bare domain name ("pib.gov.in",
// "Dawn.com", "example.com/path") starting at i, or 0. The top-level
// domain must be lower case and known.
func scanDomain(s string, i int) int {
	e, labels, last := i, 0, i
	for {
		start := e
		for e < len(s) && (isASCIILetter(s[e]) || isDigit(s[e]) || s[e] == '-') {
			e++
		}
		if e == start {
			return 0
		}
		labels++
		last = start
		if e+1 < len(s) && s[e] == '.' && isASCIILetter(s[e+1]) {
			e++
			continue
		}
		break
	}
	if labels < 2 || !tlds[s[last:e]] || isWordStart(s, e) || e-i < 4 {
		return 0
	}
	if e < len(s) && s[e] == '/' {
		return scanURL(s, i)
	}
	return e
}

// scanEmail returns the end of the e-mail address starting at i, or 0.
func scanEmail(s string, i int) int {
	e := i
	for e < len(s) && (isASCIILetter(s[e]) || isDigit(s[e]) || strings.IndexByte("._%+-", s[e]) >= 0) {
		e++
	}
	if e == i || e >= len(s) || s[e] != '@' {
		return 0
	}
	e++
	start := e
	for e < len(s) && (isASCIILetter(s[e]) || isDigit(s[e]) || s[e] == '-' || s[e] == '.') {
		e++
	}
	for e > start && s[e-1] == '.' {
		e--
	}
	dot := strings.LastIndexByte(s[start:e], '.') + start
	if dot <= start || dot >= e-2 {
		return 0
	}
	for j := dot + 1; j < e; j++ {
		if !isASCIILetter(s[j]) {
			return 0
		}
	}
	return e
}

// scanPunct appends the punctuation or symbol token starting at i.
func scanPunct(s string, i int, r rune, size int, toks []Token) []Token {
	switch r {
	case '.', '-', '!', '?':
		// Ellipsis "...", dash "--", "?!" and "!!!" are one token each.
		e := i + 1
		for e < len(s) && (s[e] == s[i] || r != '.' && r != '-' && (s[e] == '!' || s[e] == '?')) {
			e++
		}
		return emit(toks, s, i, e, Punct)
	}
	if r == utf8.RuneError && size == 1 {
		return emit(toks, s, i, i+1, Symbol)
	}
	kind := Symbol
	if r < utf8.RuneSelf {
		if strings.ContainsRune(",;:'\"()[]{}", r) {
			kind = Punct
		}
	} else if unicode.IsPunct(r) {
		kind = Punct
	}
	return emit(toks, s, i, i+size, kind)
}
