package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier"
)

// quoteSpan is a direct quote being read: the tokens of its opening and
// closing marks (a quote running over several paragraphs closes in the
// last one).
type quoteSpan struct {
	open, close int
	speech      speech // the speaker, once found; kind is empty until then
	cue         int
	recipient   int
	// unread says a cue verb follows the quote ("...," the alliance
	// said) whose speaker could not be read: the quote does not go on
	// with the speaker of the quote before.
	unread bool
}

// minQuoteWords is the fewest words a quotation needs to count as a quote
// rather than a phrase set off in quotation marks ("protective custody").
const minQuoteWords = 4

// quoteSpans pairs the quotation marks of the text, paragraph by
// paragraph. A paragraph that ends inside a quote continues it when the
// next paragraph opens with a quotation mark, as news copy writes a long
// quote; otherwise the unclosed mark is ignored.
func (v *view) quoteSpans() []quoteSpan {
	toks := v.d.Tokens
	var out []quoteSpan
	open, openPara := -1, -1
	for k := range toks {
		w := toks[k].Text
		if !isQuoteMark(w) {
			continue
		}
		p := v.tokPara[k]
		if open >= 0 && p != openPara {
			if p == openPara+1 && v.opensParagraph(k) && !closingMark(w) {
				openPara = p // the quote goes on in this paragraph
				continue
			}
			open = -1 // the earlier quote was never closed
		}
		switch {
		case open < 0:
			if !closingMark(w) {
				open, openPara = k, p
			}
		case w == "“" || w == "«":
			open = k // an opening mark inside a quote restarts it
		default:
			// A short quote closed by a comma waits for its speaker
			// (`"Bring them home," she said`); without one it is dropped
			// below.
			if n := v.wordsBetween(open, k); n >= minQuoteWords || endsSentence(toks[k-1].Text) || n >= 2 && toks[k-1].Text == "," {
				out = append(out, quoteSpan{open: open, close: k, cue: -1, recipient: -1})
			}
			open = -1
		}
	}
	return out
}

// opensParagraph reports whether token k is the first of its paragraph.
func (v *view) opensParagraph(k int) bool { return k == 0 || v.tokPara[k-1] != v.tokPara[k] }

// wordsBetween counts the word tokens strictly between tokens a and b.
func (v *view) wordsBetween(a, b int) int {
	n := 0
	for k := a + 1; k < b; k++ {
		if r := []rune(v.d.Tokens[k].Text); len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
			n++
		}
	}
	return n
}

func endsSentence(s string) bool { return s == "." || s == "?" || s == "!" }

// quotes finds the direct quotes and their speakers; indirect holds the
// document's reported speech (speeches), whose source a quoted phrase inside
// it takes.
func (v *view) quotes(indirect []speech) []quoteSpan {
	qs := append([]quoteSpan(nil), v.qspans...)
	for i := range qs {
		q := &qs[i]
		found := v.speakerAfter(q) || v.speakerBefore(q)
		if !found {
			// A quoted phrase inside reported speech: `She said that ...
			// and that "no proscribed organisation is allowed ..."`.
			if sp := reportAt(indirect, q.open); sp != nil {
				q.speech, q.cue, found = *sp, sp.cue, true
			}
		}
		if !found {
			// `Nadeem denied the reports, calling them "a fabrication"`: a
			// participle after the speech act of its sentence.
			if sp := v.speechBeforeParticiple(indirect, q.open); sp != nil {
				q.speech, q.cue, found = *sp, sp.cue, true
			}
		}
		if !found {
			// A quote with no cue of its own continues the speaker of the
			// quote just before it in the paragraph, or of the paragraph
			// before when it opens its paragraph.
			if i > 0 && qs[i-1].speech.kind != "" && !q.unread {
				prev := qs[i-1]
				samePara := v.tokPara[prev.close] == v.tokPara[q.open]
				nextPara := v.opensParagraph(q.open) && v.tokPara[q.open] == v.tokPara[prev.close]+1
				if samePara || nextPara {
					q.speech = prev.speech
					q.cue, q.recipient = prev.cue, prev.recipient
				}
			}
		}
		if q.speech.kind != "" {
			q.speech.first, q.speech.last = q.open+1, q.close
			q.speech.quote = true
		}
	}
	// Without a speaker, a short quotation is a phrase in quotation marks
	// ("martyrs of the Brigade"), not a quote.
	out := qs[:0]
	for _, q := range qs {
		// (A quote a cue verb follows is one even when its speaker
		// cannot be read: `"We will not negotiate," Maiga added.`)
		if q.speech.kind != "" || q.unread || v.wordsBetween(q.open, q.close) >= minUnattributedWords {
			out = append(out, q)
		}
	}
	return out
}

// speechBeforeParticiple returns the speech act whose cue comes earlier
// in the sentence of token k when ", calling", ", describing" or another
// participle after a comma opens the phrase that holds k, or nil.
func (v *view) speechBeforeParticiple(indirect []speech, k int) *speech {
	first, _ := v.sentence(k)
	part := -1
	for j := k - 1; j > first && j >= k-6; j-- {
		if v.d.Tokens[j].POS == "VBG" && v.d.Tokens[j-1].Text == "," {
			part = j
			break
		}
	}
	if part < 0 {
		return nil
	}
	for i := range indirect {
		sp := &indirect[i]
		if sp.cue >= first && sp.cue < part && sp.kind != "" {
			return sp
		}
	}
	return nil
}

// minUnattributedWords is the fewest words a quote with no speaker found
// needs to be kept.
const minUnattributedWords = 8

// onlyAuxiliaries reports whether tokens [a, b) are all words that may sit
// between a subject and its verb.
func (v *view) onlyAuxiliaries(a, b int) bool {
	for k := a; k < b; k++ {
		if !betweenSubjectAndCue[v.lower(k)] {
			return false
		}
	}
	return true
}

// speakerAfter finds the speaker written after a quote: `" Menon said`,
// `," said one of the officials`, `," he told FNA`.
func (v *view) speakerAfter(q *quoteSpan) bool {
	toks := v.d.Tokens
	k := q.close + 1
	limit := min(len(toks), k+12)
	for j := k; j < limit; j++ {
		if isQuoteMark(toks[j].Text) || endsSentence(toks[j].Text) || v.tokPara[j] != v.tokPara[q.close] {
			limit = j
			break
		}
	}
	// `"...," according to a statement from the group.`
	if a := k + boolInt(k < limit && toks[k].Text == ","); a+2 < limit && v.lower(a) == "according" && v.lower(a+1) == "to" {
		if src, end, ok := v.sourceOf(a+2, limit); ok {
			q.speech = speech{kind: src.kind, source: src.entity, srcFirst: a, srcLast: end, cue: -1}
			return true
		}
	}
	// `"...," a statement quoted country director Marie Lambert as
	// saying`: the person quoted speaks.
	if p, cue, ok := v.quotedAs(k, limit); ok {
		q.speech = speech{kind: dossier.Named, source: p, srcFirst: cue, srcLast: cue + 1, cue: cue, verb: cueVerbs["say"]}
		q.cue = cue
		return true
	}
	for j := k; j < limit; j++ {
		verb, ok := v.cueAt(j)
		if !ok {
			continue
		}
		// Speaker between the quote and the verb, or after the verb.
		a := k
		for a < j && toks[a].Text == "," {
			a++
		}
		if src, end, ok := v.sourceOf(a, j); ok && end <= j {
			q.speech = speech{kind: src.kind, source: src.entity, srcFirst: a, srcLast: end, cue: j, verb: verb}
		} else if src, end, ok := v.sourceOf(j+1, limit); ok {
			q.speech = speech{kind: src.kind, source: src.entity, srcFirst: j + 1, srcLast: end, cue: j, verb: verb}
		} else {
			q.unread = true
			return false
		}
		q.cue = j
		q.recipient = v.recipientAfter(j, limit)
		return true
	}
	return false
}

// quotedAs finds "quoted X as saying" in tokens [k, limit): the person X
// and the token of "saying".
func (v *view) quotedAs(k, limit int) (int, int, bool) {
	for j := k; j < limit; j++ {
		if v.d.Tokens[j].Lemma != "quote" || !v.isVerb(j) {
			continue
		}
		for a := j + 1; a+1 < limit && a <= j+10; a++ {
			if v.lower(a) != "as" || v.lower(a+1) != "saying" {
				continue
			}
			for p := a - 1; p > j; p-- {
				if e := v.tokEnt[p]; e >= 0 && v.ents[e].Type == dossier.Person {
					return e, a + 1, true
				}
			}
			return -1, 0, false
		}
	}
	return -1, 0, false
}

// speakerBefore finds the speaker introducing a quote: `Azar told FNA: "`,
// `He said, "`.
func (v *view) speakerBefore(q *quoteSpan) bool {
	toks := v.d.Tokens
	first, _ := v.sentence(q.open)
	stop := q.open // the cue is looked for before this token
	if v.opensParagraph(q.open) {
		// `The ministry said in a statement:` closing the paragraph before.
		if q.open == 0 || toks[q.open-1].Text != ":" {
			return false
		}
		first, _ = v.sentence(q.open - 1)
		stop = q.open - 1
	}
	lo := max(first, stop-14)
	for j := stop - 1; j >= lo; j-- {
		if isQuoteMark(toks[j].Text) {
			break
		}
		verb, ok := v.cueAt(j)
		if !ok {
			continue
		}
		// `was described by Abu Dujana as "a French spy working for the
		// organisation"`: the agent of a passive cue speaks.
		if v.d.Tokens[j].POS == "VBN" && j+2 < stop && v.lower(j+1) == "by" {
			if src, end, ok := v.sourceOf(j+2, stop); ok && end < stop && (v.lower(end) == "as" || end+1 == stop) {
				q.speech = speech{kind: src.kind, source: src.entity, srcFirst: j + 2, srcLast: end, cue: j, verb: verb}
				q.cue = j
				return true
			}
		}
		src, start, end, ok := v.subjectBefore(j, first)
		if !ok {
			continue
		}
		q.speech = speech{kind: src.kind, source: src.entity, srcFirst: start, srcLast: end, cue: j, verb: verb}
		q.cue = j
		q.recipient = v.recipientAfter(j, stop)
		return true
	}
	// `Maiga was blunt: "..."`: a colon after a clause whose subject is a
	// person, or a pronoun standing for one, introduces that person's
	// words.
	if stop > first && toks[stop-1].Text == ":" {
		a := first
		for a < stop && (toks[a].POS == "RB" || toks[a].Text == ",") {
			a++
		}
		if src, end, ok := v.sourceOf(a, stop-1); ok && src.kind == dossier.Named && end < stop-1 && v.isVerb(end) {
			q.speech = speech{kind: src.kind, source: src.entity, srcFirst: a, srcLast: end, cue: -1}
			return true
		}
	}
	return false
}

// recipientAfter returns the entity told by a cue verb at j ("told FNA",
// "told reporters" has none), or -1.
func (v *view) recipientAfter(j, limit int) int {
	if v.d.Tokens[j].Lemma != "tell" || j+1 >= limit {
		return -1
	}
	k := j + 1
	if v.lower(k) == "the" && k+1 < limit {
		k++
	}
	if e := v.tokEnt[k]; e >= 0 && v.ents[e].Type != dossier.Person || e >= 0 && k == j+1 {
		return e
	}
	return -1
}

// quoteText returns the quoted words of q, without the marks and a comma
// that closes them.
func (v *view) quoteText(q quoteSpan) (string, int, int) {
	start, end := v.d.Tokens[q.open].End, v.d.Tokens[q.close].Start
	s := v.d.Text[start:end]
	trimmed := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	return trimmed[lead:], start + lead, start + len(trimmed)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
