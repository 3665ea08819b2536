package extract

import (
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/text"
)

// view is an annotated document together with its entities, indexed the
// way the claim extractors read it: which entity, sentence and paragraph
// each token belongs to.
type view struct {
	d        *nlp.Doc
	ents     []dossier.Entity
	tokEnt   []int // entity index of each token, or -1
	tokSent  []int // sentence index of each token, or -1
	tokPara  []int // paragraph index of each token
	paraSpan []dossier.Span
	// pronounEnt maps a pronoun's token to the entity it stands for.
	pronounEnt map[int]int
	// qspans are the document's paired quotation marks (quoteSpans).
	qspans []quoteSpan
	// outlets are the organisations a dateline names (the agency).
	outlets map[int]bool
	// staffRef maps the words that name an organisation's people ("four
	// staff of SWA", "the four") to the organisation (see staffRefs).
	staffRef map[int]int
	// rels are the relations read from the text, once read (Claims reads
	// them before the speech acts, whose sources they help name).
	rels []relation
}

func newView(d *nlp.Doc, ents []dossier.Entity) *view {
	v := &view{d: d, ents: ents}
	n := len(d.Tokens)
	v.tokEnt = make([]int, n)
	v.tokSent = make([]int, n)
	v.tokPara = make([]int, n)
	for i := range n {
		v.tokEnt[i], v.tokSent[i] = -1, -1
	}
	for ei, e := range ents {
		for _, m := range e.Mentions {
			for k := v.tokenAt(m.Start); k < n && d.Tokens[k].End <= m.End; k++ {
				v.tokEnt[k] = ei
			}
		}
	}
	for si, s := range d.Sentences {
		for k := s.First; k < s.Last; k++ {
			v.tokSent[k] = si
		}
	}
	v.paraSpan = text.Paragraphs(d.Text)
	p := 0
	for k, t := range d.Tokens {
		for p+1 < len(v.paraSpan) && t.Start >= v.paraSpan[p].End {
			p++
		}
		v.tokPara[k] = p
	}
	v.qspans = v.quoteSpans()
	v.resolvePronouns()
	v.staffRef = v.staffRefs()
	return v
}

// tokenAt returns the index of the first token that starts at or after off.
func (v *view) tokenAt(off int) int {
	return sort.Search(len(v.d.Tokens), func(i int) bool { return v.d.Tokens[i].Start >= off })
}

// lower returns token k in lower case.
func (v *view) lower(k int) string { return strings.ToLower(v.d.Tokens[k].Text) }

// sentence returns the token range of the sentence holding token k.
func (v *view) sentence(k int) (int, int) {
	if s := v.tokSent[k]; s >= 0 {
		return v.d.Sentences[s].First, v.d.Sentences[s].Last
	}
	return k, k + 1
}

// isVerb reports whether token k is tagged as a verb.
func (v *view) isVerb(k int) bool { return strings.HasPrefix(v.d.Tokens[k].POS, "VB") }

// cueAt returns the cue verb at token k, if any.
func (v *view) cueAt(k int) (cueVerb, bool) {
	// "Hamood bin Said al-Rawahi": a word of a name says nothing.
	if e := v.tokEnt[k]; e >= 0 && v.ents[e].Type == dossier.Person {
		return cueVerb{}, false
	}
	if !v.isVerb(k) && !v.verbBeforeThat(k) && !v.verbAfterSpeaker(k) {
		return cueVerb{}, false
	}
	c, ok := cueVerbs[v.d.Tokens[k].Lemma]
	return c, ok
}

// verbBeforeThat reports whether token k, which the tagger did not call a
// verb, stands between a noun and "that" as a verb would ("Sources reveal
// that").
func (v *view) verbBeforeThat(k int) bool {
	toks := v.d.Tokens
	if k == 0 || k+1 >= len(toks) || !strings.EqualFold(toks[k+1].Text, "that") {
		return false
	}
	p := toks[k-1].POS
	return p == "NNS" || p == "NNPS" || p == "PRP"
}

// verbAfterSpeaker reports whether token k, which the tagger did not call
// a verb, follows a noun that names a kind of source, as a verb would
// ("investigators describe", "officials say").
func (v *view) verbAfterSpeaker(k int) bool {
	if k == 0 {
		return false
	}
	prev := v.d.Tokens[k-1]
	_, ok := speakerHeads[strings.ToLower(prev.Lemma)]
	return ok && strings.HasSuffix(strings.ToLower(prev.Text), "s") && v.d.Tokens[k].POS != "DT"
}

func typeIn(t dossier.EntityType, ts []dossier.EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// pronouns that may stand for a person or a group already named.
var (
	personPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "his": true}
	groupPronouns  = map[string]bool{"they": true, "it": true, "its": true, "their": true}
	// institutionHeads end the names of public bodies, courts, companies
	// and schools, which "the group" or "the movement" does not stand for.
	institutionHeads = map[string]bool{"nations": true, "ministry": true, "army": true, "police": true, "court": true,
		"council": true, "commission": true, "bank": true, "parliament": true, "government": true, "embassy": true,
		"office": true, "committee": true, "assembly": true, "senate": true, "cabinet": true, "tribunal": true,
		"university": true, "department": true, "directorate": true, "secretariat": true, "bureau": true,
		"mission": true, "fund": true, "programme": true, "program": true, "institute": true, "college": true,
		"academy": true, "corporation": true, "company": true, "ministries": true, "presidency": true,
		"centre": true, "center": true, "studies": true, "research": true, "foundation": true}
	// groupNouns, after "the", stand for an organisation already named.
	groupNouns = map[string]bool{"group": true, "outfit": true, "organisation": true, "organization": true, "movement": true, "charity": true, "trust": true, "agency": true, "militia": true, "network": true}
	// describingNouns among them say what kind of body it is: they stand
	// only for one the text called so ("SWA, a Canadian charity").
	describingNouns = map[string]bool{"charity": true, "trust": true, "agency": true}
)

// unnamed is what a pronoun stands for when it refers to somebody the text
// describes but never names ("His father, a farmer, said ... he said").
const unnamed = -2

// unnamedBody is what "it" or "they" stands for when it refers to a body
// the text never names ("The interior ministry said ... It said").
const unnamedBody = -3

// entAt returns the entity named at token k, directly or through a
// pronoun, or -1.
func (v *view) entAt(k int) int {
	if e := v.tokEnt[k]; e >= 0 {
		return e
	}
	if e, ok := v.pronounEnt[k]; ok && e >= 0 {
		return e
	}
	return -1
}

// subjectOfCue reports whether the pronoun at token k is the subject of a
// cue verb ("he said", "she told reporters").
func (v *view) subjectOfCue(k int) bool {
	for j := k + 1; j < len(v.d.Tokens) && j <= k+3; j++ {
		if _, ok := v.cueAt(j); ok {
			return true
		}
		if !betweenSubjectAndCue[v.lower(j)] {
			return false
		}
	}
	return false
}

// opensSentence reports whether token k is among the first two of its
// sentence.
func (v *view) opensSentence(k int) bool {
	first, _ := v.sentence(k)
	return k-first < 2
}

// firstOrgBefore returns the first organisation named in token k's
// sentence before k, or -1.
func (v *view) firstOrgBefore(k int) int {
	first, _ := v.sentence(k)
	for j := first; j < k; j++ {
		if e := v.tokEnt[j]; e >= 0 && v.ents[e].Type == dossier.Org && !v.outlets[e] {
			return e
		}
	}
	return -1
}

// firstOrgOfPreviousSentence returns the first organisation named in the
// sentence before token k's, or -1.
func (v *view) firstOrgOfPreviousSentence(k int) int {
	s := v.tokSent[k]
	if s <= 0 {
		return -1
	}
	prev := v.d.Sentences[s-1]
	for j := prev.First; j < prev.Last; j++ {
		if e := v.tokEnt[j]; e >= 0 && v.ents[e].Type == dossier.Org && !v.outlets[e] {
			return e
		}
	}
	return -1
}

// gender of a person, as far as the text shows it.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// titleGender is the gender some honorifics imply.
var titleGender = map[string]gender{
	"mr": male, "mr.": male, "sheikh": male, "maulana": male, "mufti": male, "hafiz": male, "sir": male,
	"mrs": female, "mrs.": female, "ms": female, "ms.": female, "begum": female, "madam": female, "lady": female,
}

// nounGender gives the gender of the nouns that introduce a person ("her
// husband, Abdulrahman Ali", "his son Jamal", "the widow X").
var nounGender = map[string]gender{
	"husband": male, "son": male, "father": male, "brother": male, "uncle": male, "nephew": male, "grandson": male,
	"grandfather": male, "stepson": male, "man": male, "boy": male, "widower": male, "businessman": male,
	"wife": female, "daughter": female, "mother": female, "sister": female, "aunt": female, "niece": female,
	"granddaughter": female, "grandmother": female, "stepdaughter": female, "woman": female, "girl": female,
	"widow": female, "businesswoman": female, "spokeswoman": female, "chairwoman": female,
}

// resolvePronouns links each he/she/they in reading order to the entity it
// most likely stands for: the person (or group, for they/it) who last
// spoke, when that fits, or else the last one named. A person's gender is
// learnt from honorifics and from the pronouns already resolved to them,
// so that "she" skips a man just named.
func (v *view) resolvePronouns() {
	v.pronounEnt = map[int]int{}
	nouns := v.orgNouns()
	genders := make([]gender, len(v.ents))
	for i, e := range v.ents {
		for _, t := range e.Attributes["titles"] {
			if g, ok := titleGender[strings.ToLower(t)]; ok {
				genders[i] = g
			}
		}
	}
	// "Her husband, Abdulrahman Ali": a gendered noun just before a
	// person's mention.
	for k := 1; k < len(v.d.Tokens); k++ {
		e := v.tokEnt[k]
		if e < 0 || v.tokEnt[k-1] == e || v.ents[e].Type != dossier.Person || genders[e] != unknownGender {
			continue
		}
		j := k - 1
		if v.d.Tokens[j].Text == "," && j > 0 {
			j--
		}
		if g, ok := nounGender[v.lower(j)]; ok {
			genders[e] = g
			continue
		}
		// "Aminata Sarr, his wife, said": the noun in apposition after.
		end := k
		for end < len(v.d.Tokens) && v.tokEnt[end] == e {
			end++
		}
		if end+2 < len(v.d.Tokens) && v.d.Tokens[end].Text == "," {
			switch v.lower(end + 1) {
			case "his", "her", "their", "the", "a", "an":
				if g, ok := nounGender[v.lower(end+2)]; ok {
					genders[e] = g
				}
			}
		}
	}
	inQuote := make([]bool, len(v.d.Tokens))
	for _, q := range v.qspans {
		for k := q.open; k <= q.close; k++ {
			inQuote[k] = true
		}
	}
	// The outlet of a dateline ("BAMAKO, March 14 (SPA) —") is not what
	// "the group" or "it" stands for.
	v.outlets = map[int]bool{}
	for i, sent := range v.d.Sentences {
		if i >= 4 {
			break
		}
		for k := sent.First; k < v.datelineEnd(sent.First, sent.Last); k++ {
			if e := v.tokEnt[k]; e >= 0 && v.ents[e].Type == dossier.Org {
				v.outlets[e] = true
			}
		}
	}
	// "told the Tribune": the outlet's short name is the outlet too.
	var short []int
	for e := range v.ents {
		for o := range v.outlets {
			if v.ents[e].Type == dossier.Org && strings.HasSuffix(v.ents[o].Name, " "+v.ents[e].Name) {
				short = append(short, e)
			}
		}
	}
	for _, e := range short {
		v.outlets[e] = true
	}
	outlets := v.outlets
	speaker := -1     // the entity that last spoke
	speakerPara := -1 // the paragraph where they spoke
	lastSrc, lastSrcPara := source{entity: -1}, -1
	for k := range v.d.Tokens {
		if s := v.tokSent[k]; s >= 0 && v.d.Sentences[s].First == k && !inQuote[k] {
			// "In Bamako, a Malian security official welcomed the
			// arrest. '...,' he said": an unnamed person who acts speaks
			// next.
			if v.unnamedActs(k, v.d.Sentences[s].Last) {
				speaker, speakerPara = unnamed, v.tokPara[k]
			}
		}
		if cue, ok := v.cueAt(k); ok && !inQuote[k] {
			first, last := v.sentence(k)
			// Only people who speak change who "he" or "she" most likely
			// is: "which Indian media reported" does not.
			// "Parray denied the allegations." speaks even with nothing
			// reported after the verb.
			src, ok := source{}, false
			if s, start, _, found := v.subjectBefore(k, first); found && !(v.d.Tokens[k].POS == "VBN" && k > first && v.d.Tokens[k-1].Lemma == "be") {
				// "the ambassador said": a title whose holder is not
				// known yet (titles come from the relations, read later)
				// leaves the speaker as it was.
				src, ok = s, !(s.entity < 0 && v.lower(start) == "the" && v.titledPhrase(start+1, k))
			} else if sp, found := v.speechAt(k, cue, first, last); found {
				src, ok = source{kind: sp.kind, entity: sp.source}, true
			}
			if ok {
				lastSrc, lastSrcPara = src, v.tokPara[k]
				switch {
				case src.entity >= 0 && v.ents[src.entity].Type == dossier.Person:
					speaker, speakerPara = src.entity, v.tokPara[k]
				case src.entity < 0 && src.kind == dossier.Anonymous:
					speaker, speakerPara = unnamed, v.tokPara[k]
				}
			}
		}
		w := v.lower(k)
		var want dossier.EntityType
		var g gender
		switch w {
		case "he", "him", "his":
			want, g = dossier.Person, male
		case "she", "her":
			want, g = dossier.Person, female
		case "they", "it", "its", "their":
			want = dossier.Org
		default:
			// "the group", "the outfit" stand for the organisation last
			// named; "the council", "the party" for the last one whose
			// name ends in that word.
			if k == 0 || v.lower(k-1) != "the" || v.tokEnt[k] >= 0 || !strings.HasPrefix(v.d.Tokens[k].POS, "NN") {
				continue
			}
			if !groupNouns[w] {
				if e := v.orgHeadedBy(k); e >= 0 {
					v.pronounEnt[k] = e
				}
				continue
			}
			// "the charity" when one organisation was called a charity.
			if e := v.describedOrgBefore(k, v.d.Tokens[k].Lemma, nouns); e >= 0 {
				v.pronounEnt[k] = e
				continue
			}
			if describingNouns[w] {
				// "the charity": the organisation last named, unless the
				// text called it something else ("an armed group").
				if e := v.lastOf(k, dossier.Org); e >= 0 && !v.outlets[e] && !calledOtherwise(nouns[e], w) {
					v.pronounEnt[k] = e
				}
				continue
			}
			want = dossier.Org
		}
		// "the group" is no public body: not the United Nations of "a
		// United Nations report" named just before.
		body := groupNouns[w] && !describingNouns[w]
		// "Ibrahima Sarr, his younger brother,": "his" is somebody else's.
		apposed := -1
		if (w == "his" || w == "her") && k >= 2 && v.lower(k-1) == "," {
			apposed = v.tokEnt[k-2]
		}
		fits := func(e int) bool {
			return e >= 0 && e < len(v.ents) && v.ents[e].Type == want && (genders[e] == unknownGender || genders[e] == g) && !outlets[e] && e != apposed &&
				!(body && v.institution(e))
		}
		// Inside a quote, "he" is somebody the speaker talks about.
		found := -1
		switch {
		case want == dossier.Person && v.unnamedRelative(k):
			found = unnamed
		case (w == "it" || w == "they") && !inQuote[k] && v.subjectOfCue(k) && lastSrc.entity < 0 && lastSrcPara >= v.tokPara[k]-1 &&
			(lastSrc.kind == dossier.Organisation || w == "they" && lastSrc.kind == dossier.Anonymous):
			// "Security sources said ... He is a member of KaR, they
			// said": the unnamed sources or body go on.
			found = unnamedBody
			if lastSrc.kind == dossier.Anonymous {
				found = unnamed
			}
		case want == dossier.Org && v.opensSentence(k):
			// "Its spokespersons ..." opening a sentence: the organisation
			// the sentence before was about, its first one named.
			found = v.firstOrgOfPreviousSentence(k)
		case want == dossier.Org && (w == "its" || w == "their") && v.firstOrgBefore(k) < 0:
			// "its spokesman" in a sentence that names no organisation
			// before it: the one the sentence before was about.
			found = v.firstOrgOfPreviousSentence(k)
		case speaker == unnamed && want == dossier.Person && !inQuote[k] && v.subjectOfCue(k) && v.namedSince(k, fits, unnamed, speakerPara) < 0:
			// "..., the official said. ... he said": the unnamed source
			// goes on, unless a paragraph since named somebody else.
			found = unnamed
		case want == dossier.Person && !inQuote[k] && !v.subjectOfCue(k) && v.opensClause(k) && v.firstOfPreviousSentence(k, fits) >= 0:
			// "He has run the ARWT since 2015" opening a sentence: the
			// person the sentence before was about, not the last speaker.
			found = v.firstOfPreviousSentence(k, fits)
		case fits(speaker) && !inQuote[k] && speakerPara != v.tokPara[k] && v.namedSince(k, fits, speaker, speakerPara) >= 0:
			// A new paragraph about somebody else: "Sarr's brother,
			// Ibrahima Sarr, spoke by telephone. "...," he told SPA."
			found = v.namedSince(k, fits, speaker, speakerPara)
		case fits(speaker) && !inQuote[k] && (v.subjectOfCue(k) || !v.namedJustBefore(k, fits, speaker)):
			found = speaker
		}
		if found == -1 && want == dossier.Person && !inQuote[k] && v.opensClause(k) {
			// "He held talks ..." opening a sentence: the person the
			// sentence before was about, named first in it (its subject,
			// in news copy), rather than the last one it named.
			found = v.firstOfPreviousSentence(k, fits)
		}
		if found == -1 {
			// ("'... holding Mette,' he told the radio": he who speaks is
			// not somebody his quote names.)
			cueSubject := !inQuote[k] && v.subjectOfCue(k)
			for j := k - 1; j >= 0 && j >= k-150; j-- {
				if fits(v.tokEnt[j]) && !(inQuote[k] && v.tokEnt[j] == speaker) && !(cueSubject && inQuote[j]) {
					found = v.tokEnt[j]
					break
				}
			}
		}
		if found >= 0 && body {
			// "the group" with none named in its sentence: of the sentence
			// that last named one, the group it is about (named first,
			// its subject in news copy), not one named in passing: in
			// "KaR receives weapons from the ISSP. ... the group", KaR.
			if j := v.lastMentionBefore(k, found); v.tokSent[k] != v.tokSent[j] {
				found = v.firstFitting(j, fits, found)
			}
		}
		if found == -1 {
			continue
		}
		v.pronounEnt[k] = found
		if found >= 0 && g != unknownGender && !inQuote[k] {
			genders[found] = g
		}
	}
}

// unnamedActs reports whether the sentence of tokens [first, last) opens
// (after a short phrase and a comma) with an unnamed person of a kind that
// speaks, as the subject of a verb: "In Bamako, a Malian security official
// welcomed the arrest".
func (v *view) unnamedActs(first, last int) bool {
	a := first
	for j := first; j < last && j < first+5; j++ {
		if v.d.Tokens[j].Text == "," {
			a = j + 1
			break
		}
	}
	if a >= last || v.lower(a) != "a" && v.lower(a) != "an" {
		return false
	}
	src, end, ok := v.sourceOf(a, last)
	return ok && src.kind == dossier.Anonymous && src.entity < 0 && end < last && v.isVerb(end) && v.d.Tokens[end-1].POS == "NN"
}

// titledPhrase reports whether a title of the gazetteer runs up to the
// words before token k from token a ("ambassador", "interior minister").
func (v *view) titledPhrase(a, k int) bool {
	for j := a; j < k; j++ {
		if n, _ := v.titleSpan(j, k); n > 0 && j+n >= k-2 {
			return true
		}
	}
	return false
}

// institution reports whether entity e's name holds a word of public
// bodies, schools and companies ("Bamako Institute for Security
// Studies").
func (v *view) institution(e int) bool {
	for _, w := range strings.Fields(strings.ToLower(v.ents[e].Name)) {
		if institutionHeads[w] {
			return true
		}
	}
	return false
}

// lastMentionBefore returns the last token before k that names entity e
// (k itself when none does).
func (v *view) lastMentionBefore(k, e int) int {
	for j := k - 1; j >= 0; j-- {
		if v.tokEnt[j] == e {
			return j
		}
	}
	return k
}

// firstFitting returns the first entity that fits named (or referred to)
// in the sentence of token j, or fallback.
func (v *view) firstFitting(j int, fits func(int) bool, fallback int) int {
	first, last := v.sentence(j)
	for i := first; i < last; i++ {
		if fits(v.tokEnt[i]) {
			return v.tokEnt[i]
		}
		// "the group" there, already read: the group it stood for.
		if e, ok := v.pronounEnt[i]; ok && fits(e) {
			return e
		}
	}
	return fallback
}

// orgHeadedBy returns the organisation named last before token k whose
// name ends in the word at k ("the council" for the Eastern Province Ulama
// Council), or -1. The word must be a head word of organisations' names,
// and the name must be named within the 400 tokens before.
func (v *view) orgHeadedBy(k int) int {
	w := v.lower(k)
	if !orgHeads[w] || k+1 < len(v.d.Tokens) && v.tokEnt[k+1] >= 0 {
		return -1
	}
	for j := k - 2; j >= 0 && j >= k-400; j-- {
		e := v.tokEnt[j]
		if e < 0 || v.ents[e].Type != dossier.Org || v.outlets[e] {
			continue
		}
		if strings.ToLower(lastWord(v.ents[e].Name)) == w {
			return e
		}
	}
	return -1
}

// unnamedRelative reports whether the pronoun at token k is the subject
// of what somebody never named says of himself: "a man who says he is a
// member of the brigade".
func (v *view) unnamedRelative(k int) bool {
	if k < 3 || !v.isVerb(k-1) || (v.d.Tokens[k-1].Lemma != "say" && v.d.Tokens[k-1].Lemma != "claim") || v.lower(k-2) != "who" {
		return false
	}
	return v.tokEnt[k-3] < 0 && strings.HasPrefix(v.d.Tokens[k-3].POS, "NN")
}

// opensClause reports whether token k is the subject of its sentence:
// nothing but a date or a short adverbial before it ("On Monday he").
func (v *view) opensClause(k int) bool {
	first, _ := v.sentence(k)
	// "According to the CCTA, he ...": the attribution does not count.
	if k-first > 3 && v.lower(first) == "according" && v.lower(first+1) == "to" && v.lower(k-1) == "," && k-first <= 10 {
		first = k
	}
	for j := first; j < k; j++ {
		if v.tokEnt[j] >= 0 || v.isVerb(j) || k-first > 4 {
			return false
		}
	}
	return true
}

// firstOfPreviousSentence returns the first entity that fits named in the
// sentence before token k's, or -1 when none does or the sentence before
// is in another paragraph.
func (v *view) firstOfPreviousSentence(k int, fits func(int) bool) int {
	s := v.tokSent[k]
	if s == 0 {
		return -1
	}
	prev := v.d.Sentences[s-1]
	if v.tokPara[prev.First] != v.tokPara[k] {
		return -1
	}
	for j := prev.First; j < prev.Last; j++ {
		if fits(v.tokEnt[j]) {
			return v.tokEnt[j]
		}
	}
	return -1
}

// namedSince returns the last entity that fits, other than speaker, named
// before token k outside quotes in the paragraphs after speakerPara (where
// the speaker last spoke), or -1.
func (v *view) namedSince(k int, fits func(int) bool, speaker, speakerPara int) int {
	for j := k - 1; j >= 0 && v.tokPara[j] > speakerPara; j-- {
		if e := v.tokEnt[j]; e != speaker && fits(e) && !v.inQuote(j) {
			return e
		}
	}
	return -1
}

// inQuote reports whether token k is inside a quotation.
func (v *view) inQuote(k int) bool {
	for _, q := range v.qspans {
		if q.open < k && k < q.close {
			return true
		}
	}
	return false
}

// namedJustBefore reports whether somebody other than the last speaker who
// fits the pronoun at token k is named in its sentence or the one before:
// in "Wani, 34, comes from Kokernag. Police records say he was a member",
// "he" is Wani, whoever spoke last. A pronoun that says something ("he
// said") is still taken for the speaker.
func (v *view) namedJustBefore(k int, fits func(int) bool, speaker int) bool {
	s := v.tokSent[k]
	for j := k - 1; j >= 0 && v.tokSent[j] >= s-1; j-- {
		if e := v.tokEnt[j]; fits(e) {
			return e != speaker
		}
	}
	return false
}

// span returns the byte span of tokens [a, b).
func (v *view) span(a, b int) dossier.Span {
	return dossier.Span{Start: v.d.Tokens[a].Start, End: v.d.Tokens[b-1].End}
}

// textOf returns the text of tokens [a, b).
func (v *view) textOf(a, b int) string {
	s := v.span(a, b)
	return v.d.Text[s.Start:s.End]
}

// evidence returns the evidence of tokens [a, b).
func (v *view) evidence(a, b int) dossier.Evidence {
	s := v.span(a, b)
	return dossier.Evidence{Start: s.Start, End: s.End, Text: v.d.Text[s.Start:s.End]}
}

// dateNear returns the date expression inside tokens [a, b) closest to
// token k, or nil.
func (v *view) dateNear(a, b, k int) *dossier.Date {
	lo, hi := v.d.Tokens[a].Start, v.d.Tokens[b-1].End
	at := v.d.Tokens[k].Start
	var best *dossier.Date
	bestDist := 1 << 30
	for _, dv := range v.d.Dates {
		if dv.Start < lo || dv.End > hi {
			continue
		}
		dist := abs(dv.Start - at)
		if dist < bestDist {
			dd := dv.Date()
			best, bestDist = &dd, dist
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
