package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier"
)

// Sentence is a run of tokens [First, Last) with its byte span
// [Start, End) = [toks[First].Start, toks[Last-1].End).
type Sentence struct {
	Start, End  int
	First, Last int
	// Boilerplate marks a line of scraped-page furniture ("Also read: ...",
	// "Read more: ..."): it is kept so that offsets stay complete, but
	// extractors should not read claims from it.
	Boilerplate bool
}

// Span returns the sentence's byte range.
func (s Sentence) Span() dossier.Span { return dossier.Span{Start: s.Start, End: s.End} }

// Sentences splits the tokens of text (as returned by Tokenize(text)) into
// sentences. The rules, in order:
//
//   - A blank line always ends a sentence, so a headline or a byline on a
//     line of its own followed by a blank line is a sentence. A single line
//     break does not end a sentence (scraped text wraps mid-sentence), except
//     before a bullet line ("- ", "• ") and around a boilerplate line.
//   - A line that starts with a boilerplate prefix (boilerplate.txt, such as
//     "Also read:") is one sentence up to its line end, flagged Boilerplate.
//   - ".", "!", "?" (and runs such as "?!") end a sentence unless the next
//     token starts with a lower-case letter or is a comma, semicolon or
//     colon ("'Why?' he asked" is one sentence). Closing quotes and brackets
//     written right after the mark belong to the sentence they close:
//     `He said, "We will act." Then he left.` is two sentences, the first
//     ending after the closing quote.
//   - An ellipsis ends a sentence only before a capitalised word or an
//     opening quote; "the talks ... stalled" is one sentence.
//   - A title abbreviation (Mr. Gen. Dr., abbreviations.txt) never ends a
//     sentence. Another abbreviation, an acronym (U.S., a.m.) or an initial
//     (J.) ends one only when the next word is a capitalised sentence
//     starter from starters.txt — closed-class words such as The, He, But,
//     In — or when a closing quote follows it. So "the U.S. Army" and
//     "J. K. Rowling" stay whole and "... to the U.S. The talks ..." is
//     split. A sentence that starts with a capitalised noun after "U.S." is
//     therefore missed; that is the trade-off chosen.
//
// A dateline ("NEW DELHI, April 22 (FNA) —") has no final punctuation and
// so stays with the sentence that follows it on its line.
func Sentences(text string, toks []Token) []Sentence {
	var out []Sentence
	first, boiler := 0, false
	cut := func(last int) {
		if last > first {
			out = append(out, Sentence{
				Start: toks[first].Start, End: toks[last-1].End,
				First: first, Last: last, Boilerplate: boiler,
			})
		}
		first, boiler = last, false
	}
	for i := 0; i < len(toks); i++ {
		lineStart := i == 0
		if i > 0 {
			nl := lineBreaks(text[toks[i-1].End:toks[i].Start])
			lineStart = nl > 0
			switch {
			case i == first:
			case nl >= 2:
				cut(i)
			case nl == 1 && (boiler || isBullet(toks, i) || isBoilerplate(text, toks[i].Start)):
				cut(i)
			}
		}
		if i == first && lineStart && isBoilerplate(text, toks[i].Start) {
			boiler = true
		}
		if boiler {
			continue
		}
		if end := sentenceEnd(toks, i); end > 0 {
			cut(end)
			i = end - 1
		}
	}
	cut(len(toks))
	return out
}

// lineBreaks counts the line breaks in a run of white space: a blank line
// counts two, as does a Unicode paragraph separator.
func lineBreaks(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 == len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xe2: // U+2028 line separator, U+2029 paragraph separator
			if strings.HasPrefix(gap[i:], "\u2028") {
				n++
			} else if strings.HasPrefix(gap[i:], "\u2029") {
				n += 2
			}
		}
	}
	return n
}

// isBullet reports whether token i is a list bullet: a dash or bullet sign
// followed by white space, at the start of a line.
func isBullet(toks []Token, i int) bool {
	if !toks[i].SpaceAfter {
		return false
	}
	switch toks[i].Text {
	case "-", "–", "—", "•", "·", "*", "▪", "●", "◦":
		return true
	}
	return false
}

// isBoilerplate reports whether the line starting at offset i starts with a
// boilerplate prefix.
func isBoilerplate(text string, i int) bool {
	for _, p := range boilerplate {
		if len(text)-i >= len(p) && strings.EqualFold(text[i:i+len(p)], p) {
			return true
		}
	}
	return false
}

type endKind uint8

const (
	noEnd endKind = iota
	fullEnd
	ellipsisEnd
	abbrevEnd
)

// sentenceEnd returns the index after the last token of a sentence that
// token i ends (with any closing quotes and brackets), or 0.
func sentenceEnd(toks []Token, i int) int {
	t := toks[i]
	kind := noEnd
	switch {
	case t.Kind == Punct && (t.Text == "." || t.Text[0] == '!' || t.Text[0] == '?'):
		kind = fullEnd
	case t.Kind == Punct && (t.Text == "…" || strings.HasPrefix(t.Text, "..")):
		kind = ellipsisEnd
	case t.Kind == Word && strings.HasSuffix(t.Text, "."):
		switch classify(t.Text) {
		case abbrevTitle:
			return 0
		case notAbbrev:
			kind = fullEnd
		default:
			kind = abbrevEnd
		}
	default:
		return 0
	}
	j := i + 1
	for j < len(toks) && toks[j-1].End == toks[j].Start && isCloser(toks[j].Text) {
		j++
	}
	if j == len(toks) {
		return j
	}
	if kind == abbrevEnd && j > i+1 {
		kind = fullEnd // "... for the U.S.” Then ..."
	}
	next := toks[j]
	r, _ := utf8.DecodeRuneInString(next.Text)
	switch kind {
	case fullEnd:
		if unicode.IsLower(r) || next.Text == "," || next.Text == ";" || next.Text == ":" {
			return 0
		}
		return j
	case ellipsisEnd:
		if unicode.IsUpper(r) || next.Text == "“" || next.Text == "\"" && toks[j-1].SpaceAfter {
			return j
		}
		return 0
	case abbrevEnd:
		if isStarter(next) {
			return j
		}
	}
	return 0
}

// isCloser reports whether a token closes a quotation or a bracket.
func isCloser(s string) bool {
	switch s {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

// isStarter reports whether tok is a capitalised sentence starter (also in
// all-capitals text: "THE").
func isStarter(tok Token) bool {
	if tok.Kind != Word {
		return false
	}
	if starters[tok.Text] {
		return true
	}
	if len(tok.Text) > 1 && strings.ToUpper(tok.Text) == tok.Text {
		return starters[tok.Text[:1]+strings.ToLower(tok.Text[1:])]
	}
	return false
}

// Paragraphs returns the byte spans of the paragraphs of text: runs of
// non-blank lines separated by blank lines, each span trimmed of the white
// space around it.
func Paragraphs(text string) []dossier.Span {
	var out []dossier.Span
	start, end := -1, -1
	for pos := 0; pos < len(text); {
		lineEnd := strings.IndexByte(text[pos:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += pos
		}
		lead := strings.IndexFunc(text[pos:lineEnd], notSpace)
		if lead < 0 {
			if start >= 0 {
				out = append(out, dossier.Span{Start: start, End: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = pos + lead
			}
			end = pos + strings.LastIndexFunc(text[pos:lineEnd], notSpace)
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		pos = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, dossier.Span{Start: start, End: end})
	}
	return out
}

func notSpace(r rune) bool { return !IsSpace(r) }
