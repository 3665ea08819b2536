package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/text"
)

// CompleteMentions corrects and completes the recogniser's mentions in d
// with evidence from the whole document, and rewrites the tokens' entity
// tags to match:
//
//   - a name defined by a bracketed acronym ("Lashkar-e-Qahhar (LeQ)",
//     "Al-Rahmat Welfare Trust (ARWT)") is one mention, found from the
//     acronym's letters even where the recogniser missed or split it;
//   - every later use of a defined acronym is a mention of that type;
//   - a run of capitalised words ending in an organisation's head word
//     ("Al-Rahmat Welfare Trust", "Islamabad Institute of Regional
//     Security") or opening with a transliterated one ("Lashkar-e-...")
//     is one organisation;
//   - an acronym the recogniser took for a place or a miscellany is an
//     organisation unless the gazetteer knows it as a place, and a name
//     opening with "Abdul", "Ghulam", "Abu"... is a person;
//   - a mention led by an honorific ("Hafiz", "Mufti", "Dr") is a person;
//   - a person's name runs on over a following capitalised surname the
//     recogniser left out ("Abdul Rauf" + "Qasmi");
//   - a one-word mention that is the surname of a person named in the
//     document is a person ("Nadeem", tagged as a place).
func CompleteMentions(d *nlp.Doc) {
	ms := append([]nlp.Mention(nil), d.Mentions...)
	// In text all in capitals or all in small letters, the case of a word
	// says nothing of whether it is a name: only the acronyms defined in
	// brackets and honorifics are read there.
	mixed := mixedCase(d.Text)
	if mixed {
		ms = cleanMentions(d, ms)
		ms = joinConnected(d, ms)
		ms = organisationNames(d, ms)
		ms = countryNames(d, ms)
		ms = splitCountries(d, ms)
		ms = splitPlaceHolders(d, ms)
		ms = territoryNames(d, ms)
	}
	ms = retypeByForm(d, ms)
	ms = joinPatronymics(d, ms)
	ms = personCues(d, ms)
	ms = dropTitles(d, ms)
	if mixed {
		ms = titledHolders(d, ms)
		ms = portfolioWords(d, ms)
	}
	if mixed {
		ms = untaggedAcronyms(d, ms)
	}
	ms, acronyms := defineAcronyms(d, ms)
	ms = useAcronyms(d, ms, acronyms)
	for i := range ms {
		if ms[i].Type != dossier.Person && startsWithHonorific(d, ms[i]) {
			ms[i].Type = dossier.Person
		}
	}
	if mixed {
		ms = extendPersons(d, ms)
		ms = slices.DeleteFunc(ms, func(m nlp.Mention) bool { return m.Last <= m.First })
		ms = toldAgencies(d, ms)
		ms = datelineOutlet(d, ms)
	}
	// A number is no name ("her son Jamal, 12").
	ms = slices.DeleteFunc(ms, func(m nlp.Mention) bool { return strings.Trim(m.Text, "0123456789.,") == "" })
	ms = splitConjoinedNames(d, ms)
	harmoniseSurnames(d, ms)
	harmoniseTypes(ms)
	if mixed {
		knownPlaces(d, ms)
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].First < ms[b].First })
	d.Mentions = ms
	for i := range d.Tokens {
		d.Tokens[i].Entity = "O"
	}
	for _, m := range ms {
		for k := m.First; k < m.Last; k++ {
			prefix := "I-"
			if k == m.First {
				prefix = "B-"
			}
			d.Tokens[k].Entity = prefix + string(m.Type)
		}
	}
}

// mentionOfTypeAt reports whether a mention of one of the types ts
// covers token k.
func mentionOfTypeAt(ms []nlp.Mention, k int, ts ...dossier.EntityType) bool {
	if i := coveringMention(ms, k); i >= 0 {
		return slices.Contains(ts, ms[i].Type)
	}
	return false
}

// nameJoiners join two halves of one Portuguese, Spanish, French or
// Italian name: "Mocímboa da Praia", "Maria do Céu Nogueira".
var nameJoiners = map[string]bool{"da": true, "do": true, "dos": true, "das": true, "de": true, "del": true, "di": true, "du": true}

// joinConnected joins two people, or two places, that the recogniser
// found on either side of a name connector into one name.
func joinConnected(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	sort.Slice(ms, func(a, b int) bool { return ms[a].First < ms[b].First })
	place := func(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc }
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		for i+1 < len(ms) {
			n := ms[i+1]
			if n.First != m.Last+1 || !nameJoiners[d.Tokens[m.Last].Text] || !(m.Type == dossier.Person && n.Type == dossier.Person || place(m.Type) && place(n.Type)) {
				break
			}
			m = mentionOf(d, m.First, n.Last, m.Type)
			i++
		}
		out = append(out, m)
	}
	return out
}

// mentionOf builds the mention of tokens [first, last).
func mentionOf(d *nlp.Doc, first, last int, typ dossier.EntityType) nlp.Mention {
	s, e := d.Tokens[first].Start, d.Tokens[last-1].End
	return nlp.Mention{Span: dossier.Span{Start: s, End: e}, First: first, Last: last, Type: typ, Text: d.Text[s:e]}
}

// replaceSpan removes the mentions overlapping tokens [first, last) and adds m.
func replaceSpan(ms []nlp.Mention, m nlp.Mention) []nlp.Mention {
	out := ms[:0]
	for _, x := range ms {
		if x.Last <= m.First || x.First >= m.Last {
			out = append(out, x)
		}
	}
	return append(out, m)
}

// coveringMention returns the index of the mention covering token k, or -1.
func coveringMention(ms []nlp.Mention, k int) int {
	for i, m := range ms {
		if m.First <= k && k < m.Last {
			return i
		}
	}
	return -1
}

// defineAcronyms finds "NAME (ACR)" definitions and makes NAME one mention.
// It returns the mentions and the type of each defined acronym.
func defineAcronyms(d *nlp.Doc, ms []nlp.Mention) ([]nlp.Mention, map[string]dossier.EntityType) {
	acronyms := map[string]dossier.EntityType{}
	for k := 1; k+2 < len(d.Tokens); k++ {
		if d.Tokens[k].Text != "(" || d.Tokens[k+2].Text != ")" || !isAcronym(d.Tokens[k+1].Text) {
			continue
		}
		acr := d.Tokens[k+1].Text
		first, ok := expansionStart(d, k, acr)
		if !ok {
			continue
		}
		if _, isTitle := gazetteer.Title(d.Text[d.Tokens[first].Start:d.Tokens[k-1].End]); isTitle {
			continue // "Senior Superintendent of Police (SSP)" is a rank
		}
		typ := dossier.Org
		// Keep the recogniser's type when it tagged the whole name (or its
		// head) as something other than a miscellany.
		if i := coveringMention(ms, k-1); i >= 0 && ms[i].Type != dossier.Misc && ms[i].Type != dossier.Person {
			typ = ms[i].Type
		}
		ms = replaceSpan(ms, mentionOf(d, first, k, typ))
		ms = replaceSpan(ms, mentionOf(d, k+1, k+2, typ))
		acronyms[acr] = typ
	}
	return ms, acronyms
}

// nameConnectors may sit inside a name without adding to its acronym.
var nameConnectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "in": true, "on": true, "de": true, "&": true,
	"du": true, "des": true, "del": true, "la": true, "le": true, "pour": true, "y": true, "et": true, "al": true, "el": true}

// expansionStart finds the first token of the name that acronym acr, in
// brackets at token k, abbreviates: the capitalised words before it whose
// initials (and the initials of their hyphenated parts) spell acr.
func expansionStart(d *nlp.Doc, k int, acr string) (int, bool) {
	// First with the articles of hyphenated names ("al-", "e-") counting
	// no letter ("Ahl al-Fajr Jamaat (AFJ)"), then with them counting
	// ("Jaish-e-Mohammed (JeM)").
	// Small words ("for", "of") count a letter only when the name cannot
	// be spelt without them: "Front for the Victory of the Believers
	// (FVB)", but "Forces for Democracy (FfD)".
	for _, connectors := range []bool{false, true} {
		for _, skip := range []bool{true, false} {
			if j, ok := expansionFrom(d, k, acr, skip, connectors); ok {
				return j, true
			}
		}
	}
	return 0, false
}

// nameArticles are the small words inside hyphenated transliterated
// names: the "al" of "al-Fajr", the "e" of "Jaish-e-Mohammed".
var nameArticles = map[string]bool{"al": true, "el": true, "ul": true, "ud": true, "e": true, "i": true, "wal": true}

func expansionFrom(d *nlp.Doc, k int, acr string, skipArticles, connectorsCount bool) (int, bool) {
	letters := []rune(strings.ToLower(strings.ReplaceAll(acr, ".", "")))
	// Walk back over the words, consuming acronym letters from the end.
	need := len(letters)
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		w := d.Tokens[j].Text
		if nameConnectors[strings.ToLower(w)] && j < k-1 {
			if connectorsCount && need > 0 && letters[need-1] == unicode.ToLower([]rune(w)[0]) {
				need--
			}
			continue
		}
		r := []rune(w)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			return 0, false
		}
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' })
		// The parts' initials must be the acronym letters just before
		// those already consumed (a part may also contribute nothing when
		// it is a joiner such as the "e" of Jaish-e-Mohammed but the
		// acronym skips it).
		for p := len(parts) - 1; p >= 0; p-- {
			init := unicode.ToLower([]rune(parts[p])[0])
			if skipArticles && len(parts) > 1 && nameArticles[parts[p]] {
				continue
			}
			if need > 0 && letters[need-1] == init {
				need--
			} else if p == 0 {
				return 0, false // a word's first part must count
			}
		}
		// (A name may end in a lower-case article: "Harakat Ahl
		// al-Sahil (HAS)".)
		if !unicode.IsUpper(r[0]) && !(len(parts) > 1 && (j < k-1 || nameArticles[parts[0]])) {
			return 0, false
		}
		if need == 0 {
			return j, true
		}
	}
	return 0, false
}

// useAcronyms tags every untagged use of a defined acronym.
func useAcronyms(d *nlp.Doc, ms []nlp.Mention, acronyms map[string]dossier.EntityType) []nlp.Mention {
	if len(acronyms) == 0 {
		return ms
	}
	for k, t := range d.Tokens {
		typ, ok := acronyms[t.Text]
		if !ok {
			continue
		}
		if i := coveringMention(ms, k); i >= 0 {
			m := ms[i]
			switch {
			case m.First == k && m.Last == k+1:
				ms[i].Type = typ
			case m.First == k && m.Type != typ && typ == dossier.Org:
				// "SWA staffers Ibrahim Keita" taken for one name: the
				// acronym is the organisation's, the rest stays.
				ms[i] = mentionOf(d, k+1, m.Last, m.Type)
				ms = append(ms, mentionOf(d, k, k+1, typ))
			}
			continue
		}
		ms = append(ms, mentionOf(d, k, k+1, typ))
	}
	return ms
}

// startsWithHonorific reports whether m begins with an honorific or rank
// (not a role: "Minister" may head an organisation's name).
func startsWithHonorific(d *nlp.Doc, m nlp.Mention) bool {
	n, _ := titleAt(d, m.First, m.Last)
	return n > 0 && n < m.Last-m.First
}

// extendPersons lets a person's mention take in the capitalised words
// around it when they are untagged proper nouns ("Abdul Rauf" + "Qasmi",
// "Khaled" + "al-Qaddoumi").
func extendPersons(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := range ms {
		m := &ms[i]
		// "Khaled" + "al-Qaddoumi": a particle name makes a person.
		// ("Djama'at Souyouf" + "al-Tawhid" is a group's name.)
		if m.Last < len(d.Tokens) && isParticleName(d.Tokens[m.Last].Text) && coveringMention(ms, m.Last) < 0 && m.Type != dossier.Org && !orgOpener(d.Tokens[m.First].Text) {
			m.Type = dossier.Person
		}
		if m.Type != dossier.Person {
			continue
		}
		last := m.Last
		for last < len(d.Tokens) && last < m.Last+4 {
			t := d.Tokens[last]
			// "Hamood" + "bin Said" + "al-Rawahi": a patronymic joins the
			// names after it; a particle name after it is the surname,
			// whatever the recogniser made of it.
			if patronymics[strings.ToLower(t.Text)] && last+1 < len(d.Tokens) && startsUpper(d.Tokens[last+1].Text) && d.Tokens[last+1].Kind == text.Word && coveringMention(ms, last+1) < 0 {
				last += 2 // the father's name, whatever its part of speech ("Said")
				continue
			}
			if i := coveringMention(ms, last); i >= 0 && isParticleName(t.Text) && ms[i].First == last && ms[i].Last == last+1 && ms[i].Type != dossier.Org && ms[i].Type != dossier.Person {
				ms[i].Type = dossier.Person
				ms[i].Last = ms[i].First // emptied; dropped below
				last++
				continue
			}
			if !(t.POS == "NNP" || isParticleName(t.Text)) || !nameLike(t) || coveringMention(ms, last) >= 0 || isAcronym(t.Text) || last >= m.Last+2 && !isParticleName(t.Text) {
				break
			}
			if gazetteer.IsCommonWord(t.Text) || sentenceStartsAt(d, last) {
				break
			}
			if _, ok := gazetteer.Title(t.Text); ok {
				break
			}
			last++
		}
		first := m.First
		for first > 0 && first > m.First-2 {
			t := d.Tokens[first-1]
			if !(t.POS == "NNP" || !sentenceStartsAt(d, first-1)) || !startsUpper(t.Text) || coveringMention(ms, first-1) >= 0 || isAcronym(t.Text) || gazetteer.IsCommonWord(t.Text) || titleWord(t.Text) {
				break
			}
			first--
		}
		if last > m.Last || first < m.First {
			*m = mentionOf(d, first, last, dossier.Person)
		}
	}
	return ms
}

// sentenceStartsAt reports whether token k begins a sentence.
func sentenceStartsAt(d *nlp.Doc, k int) bool {
	for _, s := range d.Sentences {
		if s.First == k {
			return true
		}
	}
	return false
}

// harmoniseSurnames retypes a mention as a person when it ends in the last
// word of a person's full name in the document ("Nadeem" after "Khalid
// Nadeem", "Moussa Keita" beside "Ibrahim Keita"), unless it names a
// country, or when it is the first words of a longer full name ("Sidi
// Mohamed" of "Sidi Mohamed ag Alla") and no place or organisation's name.
func harmoniseSurnames(d *nlp.Doc, ms []nlp.Mention) {
	surnames := map[string]bool{}
	for _, m := range ms {
		if m.Type == dossier.Person && m.Last-m.First >= 2 {
			surnames[d.Tokens[m.Last-1].Text] = true
		}
	}
	fullNames := personFullNames(ms)
	for i := range ms {
		m := &ms[i]
		last := d.Tokens[m.Last-1].Text
		if m.Type == dossier.Person || orgHeads[strings.ToLower(last)] || m.Last-m.First > 3 {
			continue
		}
		if _, ok := gazetteer.Country(m.Text); ok {
			continue
		}
		if surnames[last] && !placeOrOrgWords(m.Text) || (beginsFullName(fullNames, strings.Fields(m.Text)) || m.Last-m.First == 1 && wordOfFullName(fullNames, m.Text)) && !placeOrOrgName(m.Text) {
			m.Type = dossier.Person
		}
	}
}

// knownPlaces retypes as a place every mention of a name the recogniser
// took for a person or an organisation when the name is a country or a
// capital the gazetteer knows ("northern Burkina Faso", "If Niamey is
// holding his brother"), or when one of its mentions stands where only a
// place does: "south of Gossi", "the town of Sebba", or after "in",
// "near", "outside" when the gazetteer knows it as a place. Names that are
// words of a person's full name in the document, open with an honorific,
// or hold an organisation's head word are left alone.
func knownPlaces(d *nlp.Doc, ms []nlp.Mention) {
	fullNames := personFullNames(ms)
	personWord := func(words []string) bool {
		for _, n := range fullNames {
			if len(n) <= len(words) {
				continue
			}
			for i := 0; i+len(words) <= len(n); i++ {
				if slices.Equal(n[i:i+len(words)], words) {
					return true
				}
			}
		}
		return false
	}
	places := map[string]bool{}
	for _, m := range ms {
		if m.Type != dossier.Person && m.Type != dossier.Org || m.Last-m.First > 3 || places[m.Text] {
			continue
		}
		if startsWithHonorific(d, m) || placeOrOrgWords(m.Text) || personWord(strings.Fields(m.Text)) {
			continue
		}
		if _, ok := gazetteer.Country(m.Text); ok {
			places[m.Text] = true
			continue
		}
		ps := gazetteer.Places(m.Text)
		capital := len(ps) > 0 && ps[0].Feature == "PPLC"
		strong, weak := placeCue(d, m.First)
		// "Cabo Delgado province", "the Kidal region"; "the governor of
		// Cabo Delgado" governs no person.
		if m.Last < len(d.Tokens) && placeSuffixes[d.Tokens[m.Last].Text] {
			strong = true
		}
		if m.Type == dossier.Person && m.First >= 2 && d.Tokens[m.First-1].Text == "of" && territorialTitles[strings.ToLower(d.Tokens[m.First-2].Text)] {
			strong = true
		}
		places[m.Text] = capital || strong || weak && len(ps) > 0
	}
	for i := range ms {
		if (ms[i].Type == dossier.Person || ms[i].Type == dossier.Org) && places[ms[i].Text] {
			ms[i].Type = dossier.GPE
		}
	}
}

// placeCue reads the words before token k for a place: strong when only
// a place can follow ("south of", "the town of"), weak when a place
// mostly does ("in", "near").
func placeCue(d *nlp.Doc, k int) (strong, weak bool) {
	if k == 0 {
		return false, false
	}
	prev := strings.ToLower(d.Tokens[k-1].Text)
	if k+1 < len(d.Tokens) && (d.Tokens[k+1].Text == "'s" || d.Tokens[k+1].Text == "’s") {
		// "in Diallo's house".
		return false, false
	}
	if prev == "of" && k >= 2 {
		switch w := strings.ToLower(d.Tokens[k-2].Text); {
		case settlementWords[w], w == "outskirts", w == "suburbs",
			w == "north", w == "south", w == "east", w == "west", w == "northeast", w == "northwest", w == "southeast", w == "southwest":
			return true, false
		}
	}
	switch prev {
	case "in", "near", "outside", "around":
		return false, true
	}
	return false, false
}

// personFullNames returns the words of the names of two words or more
// that the mentions ms give people.
func personFullNames(ms []nlp.Mention) [][]string {
	var out [][]string
	for _, m := range ms {
		if m.Type == dossier.Person && m.Last-m.First >= 2 {
			out = append(out, strings.Fields(m.Text))
		}
	}
	return out
}

// beginsFullName reports whether words are the first words of one of the
// longer names.
func beginsFullName(names [][]string, words []string) bool {
	for _, n := range names {
		if len(n) > len(words) && slices.Equal(n[:len(words)], words) {
			return true
		}
	}
	return false
}

// wordOfFullName reports whether w is a word, of four letters or more,
// inside one of the names of three words or more ("Rizwan" of "Mohamed
// Rizwan Abdul Cader").
func wordOfFullName(names [][]string, w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, n := range names {
		if len(n) >= 3 && slices.Contains(n[1:len(n)-1], w) {
			return true
		}
	}
	return false
}

// placeOrOrgName reports whether name has a word that heads or opens an
// organisation's name, or is a place the gazetteer knows.
func placeOrOrgName(name string) bool {
	return placeOrOrgWords(name) || len(gazetteer.Places(name)) > 0
}

// placeOrOrgWords reports whether name has a word that heads or opens an
// organisation's name.
func placeOrOrgWords(name string) bool {
	for _, w := range strings.Fields(name) {
		if orgHeads[strings.ToLower(w)] || orgOpeners[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// splitConjoinedNames splits a mention that joins two names with "and"
// into two mentions:
//
//   - two names each known on its own, as a place of the gazetteer or as
//     a mention elsewhere in the document ("Pahalgam and Kokernag",
//     "Kokernag and the Margan valley" -> "Kokernag", "Margan"); a place
//     becomes a GPE;
//   - two names of two words or more with no word of an organisation's
//     name ("Claire Dubois and Ousmane Faye", taken for one
//     organisation): two people.
//
// A name the gazetteer knows whole ("Trinidad and Tobago") or with a word
// that heads or opens an organisation's name ("Jammu and Kashmir Police")
// stays one.
func splitConjoinedNames(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	alone := map[string]bool{}
	for _, m := range ms {
		alone[m.Text] = true
	}
	text := func(a, b int) string { return d.Text[d.Tokens[a].Start:d.Tokens[b-1].End] }
	isPlace := func(s string) bool {
		if _, ok := gazetteer.Country(s); ok {
			return true
		}
		return len(gazetteer.Places(s)) > 0
	}
	var out []nlp.Mention
	for _, m := range ms {
		and := -1
		for k := m.First + 1; k < m.Last-1; k++ {
			if d.Tokens[k].Text == "and" {
				and = k
				break
			}
		}
		if and < 0 || isPlace(m.Text) {
			out = append(out, m)
			continue
		}
		right := and + 1
		if d.Tokens[right].Text == "the" {
			right++
		}
		// A "person" is split only into two places the gazetteer knows:
		// "between Gao and Menaka".
		if m.Type == dossier.Person && (right >= m.Last || !isPlace(text(m.First, and)) || !isPlace(text(right, m.Last))) {
			out = append(out, m)
			continue
		}
		if right >= m.Last || !allNameLike(d, m.First, and) || !allNameLike(d, right, m.Last) {
			out = append(out, m)
			continue
		}
		l, r := text(m.First, and), text(right, m.Last)
		switch {
		case (isPlace(l) || alone[l]) && (isPlace(r) || alone[r]):
			for _, h := range [][2]int{{m.First, and}, {right, m.Last}} {
				typ := m.Type
				if isPlace(text(h[0], h[1])) && typ != dossier.GPE && typ != dossier.Loc {
					typ = dossier.GPE
				}
				out = append(out, mentionOf(d, h[0], h[1], typ))
			}
		case (isPlace(l) || isPlace(r)) && and-m.First <= 2 && m.Last-right <= 2 && !placeOrOrgWords(m.Text):
			// A place and a name of its shape: "Pahalgam and Kokernag".
			typ := m.Type
			if typ != dossier.GPE && typ != dossier.Loc {
				typ = dossier.GPE
			}
			out = append(out, mentionOf(d, m.First, and, typ), mentionOf(d, right, m.Last, typ))
		case right == and+1 && and-m.First >= 2 && m.Last-right >= 2 && !placeOrOrgName(m.Text):
			out = append(out, mentionOf(d, m.First, and, dossier.Person), mentionOf(d, right, m.Last, dossier.Person))
		default:
			out = append(out, m)
		}
	}
	return out
}

// allNameLike reports whether tokens [first, last) are all capitalised
// words.
func allNameLike(d *nlp.Doc, first, last int) bool {
	for k := first; k < last; k++ {
		if !nameLike(d.Tokens[k]) {
			return false
		}
	}
	return true
}

// isModifierCompound reports whether w is a hyphenated modifier whose last
// part is a small word ("Bahawalpur-based", "Pakistan-administered"), which
// describes a name rather than being part of it.
func isModifierCompound(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || len(w)-i-1 < 3 || territoryModifiers[strings.ToLower(w[i+1:])] {
		return false
	}
	for _, r := range w[i+1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// territoryModifiers make a compound part of a place's name:
// "Pakistan-administered Kashmir", "Israeli-occupied Golan Heights".
var territoryModifiers = map[string]bool{"administered": true, "occupied": true, "controlled": true, "held": true}

// territoryNames joins a compound like "Pakistan-administered" to the
// place after it: the two are one region's name, a LOC.
func territoryNames(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for k := 0; k+1 < len(d.Tokens); k++ {
		w := d.Tokens[k].Text
		i := strings.LastIndexByte(w, '-')
		if i <= 0 || !territoryModifiers[strings.ToLower(w[i+1:])] || !startsUpper(w) {
			continue
		}
		j := coveringMention(ms, k+1)
		if j < 0 || ms[j].First != k+1 || (ms[j].Type != dossier.GPE && ms[j].Type != dossier.Loc && ms[j].Type != dossier.Misc) {
			continue
		}
		ms = replaceSpan(ms, mentionOf(d, k, ms[j].Last, dossier.Loc))
	}
	return ms
}

// calendarWords are the names of days and months, which end no name
// ("the Agency on Monday").
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
}

// nameLike reports whether a token can begin or end a name: a capitalised
// word or number, or a particle joined to one ("al-Qaddoumi", "el-Ghazi").
func nameLike(t nlp.Token) bool {
	r := []rune(t.Text)
	if len(r) == 0 {
		return false
	}
	if unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) {
		return true
	}
	if i := strings.IndexAny(t.Text, "-’'"); i > 0 && i+1 < len(t.Text) {
		rest := []rune(t.Text[i+1:])
		return len(rest) > 0 && unicode.IsUpper(rest[0])
	}
	return false
}

// cleanMentions splits the recogniser's mentions at punctuation and trims
// words that cannot begin or end a name ("Kataria, who commands" ->
// "Kataria"; "Abdullah el-Ghazi are believed" -> "Abdullah el-Ghazi").
func cleanMentions(d *nlp.Doc, in []nlp.Mention) []nlp.Mention {
	out := make([]nlp.Mention, 0, len(in))
	for _, m := range in {
		start := m.First
		for k := m.First; k <= m.Last; k++ {
			if k < m.Last && !isNameBreak(d.Tokens[k]) && !foreignToName(d.Tokens[k], m.Type) {
				continue
			}
			a, b := start, k
			for a < b && (!nameLike(d.Tokens[a]) || calendarWords[strings.ToLower(d.Tokens[a].Text)] || isModifierCompound(d.Tokens[a].Text)) {
				a++
			}
			for b > a && (!nameLike(d.Tokens[b-1]) || calendarWords[strings.ToLower(d.Tokens[b-1].Text)]) {
				b--
			}
			if a < b {
				if a == m.First && b == m.Last {
					out = append(out, m)
				} else {
					out = append(out, mentionOf(d, a, b, m.Type))
				}
			}
			start = k + 1
		}
	}
	return out
}

// personParticles are the lower-case words a person's name may hold
// ("Mansour bin Fahd", "Ludwig van Beethoven").
var personParticles = map[string]bool{"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "ul": true, "ud": true, "de": true, "da": true, "van": true, "von": true, "der": true, "e": true}

// nameInfixes are the lower-case words other names may hold ("Line of
// Control", "Centre for Frontier Studies", "Bay of Bengal").
var nameInfixes = map[string]bool{"of": true, "for": true, "and": true, "the": true, "de": true, "e": true, "ul": true, "al": true, "el": true, "fi": true, "des": true, "du": true, "la": true, "le": true}

// foreignToName reports whether a lower-case word cannot be inside a name
// of type typ: "Khalid Nadeem in Bahawalpur" is two names.
func foreignToName(t nlp.Token, typ dossier.EntityType) bool {
	if t.Kind != text.Word || nameLike(t) {
		return false
	}
	if typ == dossier.Person {
		return !personParticles[t.Text]
	}
	return !nameInfixes[t.Text]
}

// isNameBreak reports whether a token cannot be inside a name.
func isNameBreak(t nlp.Token) bool {
	if t.Kind != text.Punct {
		return false
	}
	return t.Text != "&" && t.Text != "-"
}

// harmoniseTypes gives every mention of the same text the type most of
// them have (a tie keeps the first mention's type), so that "Daksum" is a
// place throughout when the recogniser once called it a person.
func harmoniseTypes(ms []nlp.Mention) {
	counts := map[string]map[dossier.EntityType]int{}
	first := map[string]dossier.EntityType{}
	for _, m := range ms {
		c := counts[m.Text]
		if c == nil {
			c = map[dossier.EntityType]int{}
			counts[m.Text] = c
			first[m.Text] = m.Type
		}
		c[m.Type]++
	}
	for i := range ms {
		c := counts[ms[i].Text]
		if len(c) < 2 {
			continue
		}
		best := first[ms[i].Text]
		for t, n := range c {
			if n > c[best] {
				best = t
			}
		}
		ms[i].Type = best
	}
}

// toldAgencies tags as an organisation the outlet someone "told": "told
// FNA", "told the Valley Ledger", "told Capital Wire" (an untagged acronym
// or run of capitalised words, or a name the recogniser took for a place).
func toldAgencies(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for k := 1; k < len(d.Tokens); k++ {
		if d.Tokens[k-1].Lemma != "tell" {
			continue
		}
		a := k
		if strings.EqualFold(d.Tokens[a].Text, "the") && a+1 < len(d.Tokens) {
			a++
		}
		b := a
		for b < len(d.Tokens) && b < a+4 && capitalised(d, b) {
			b++
		}
		if b == a || (b-a == 1 && !isAcronym(d.Tokens[a].Text) && a == k) {
			continue // "told Rao": a single capitalised word may be a person
		}
		if i := coveringMention(ms, a); i >= 0 {
			if ms[i].Type == dossier.Loc || ms[i].Type == dossier.GPE || ms[i].Type == dossier.Misc {
				if ms[i].First == a && ms[i].Last == b {
					ms[i].Type = dossier.Org
				}
			}
			continue
		}
		if coveringMention(ms, b-1) < 0 {
			ms = append(ms, mentionOf(d, a, b, dossier.Org))
		}
	}
	return ms
}

// datelineOutlet tags as an organisation the outlet a dateline names in
// brackets after its date: "GUAYAQUIL, Ecuador, March 10 (Andean Post) --",
// whatever the recogniser made of it.
func datelineOutlet(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	dated := false
	for k := 0; k+2 < len(d.Tokens) && k < 40; k++ {
		t := d.Tokens[k]
		if t.Kind == text.Number || strings.HasPrefix(t.Entity, "B-DATE") || monthWord(t.Text) {
			dated = true
		}
		if t.Text != "(" || !dated {
			continue
		}
		a, b := k+1, k+1
		for b < len(d.Tokens) && b < a+5 && (capitalised(d, b) || b > a && nameInfixes[d.Tokens[b].Text]) {
			b++
		}
		if b == a || b+1 >= len(d.Tokens) || d.Tokens[b].Text != ")" || !dashLike(d.Tokens[b+1].Text) {
			return ms
		}
		outlet := mentionOf(d, a, b, dossier.Org)
		out := ms[:0]
		for _, m := range ms {
			if m.Text == outlet.Text {
				m.Type = dossier.Org // the outlet named again: "told the Andean Post"
			}
			if m.Last <= a || m.First >= b {
				out = append(out, m)
			}
		}
		return append(out, outlet)
	}
	return ms
}

// monthWord reports whether w names a month ("March", "Feb.", "Sept").
func monthWord(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return false
	}
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return w == "sept"
}

// dashLike reports whether w is a dash, as datelines end: "—", "–", "-",
// "--".
func dashLike(w string) bool {
	return w == "—" || w == "–" || w == "-" || w == "--" || w == "―"
}

// mixedCase reports whether s is written in ordinary mixed case: some
// capitals, but most letters small.
func mixedCase(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	return upper > 0 && lower > 2*upper
}

// capitalised reports whether token k can be part of a proper name: a
// capitalised word tagged as a proper noun or already in a mention.
func capitalised(d *nlp.Doc, k int) bool {
	t := d.Tokens[k]
	if !nameLike(t) || t.Kind != text.Word || calendarWords[strings.ToLower(t.Text)] {
		return false
	}
	return strings.HasPrefix(t.POS, "NNP") || t.Entity != "O" && t.Entity != "" || strings.Contains(t.Text, "-") || elided(t.Text)
}

// elided reports whether w is a capitalised word behind an elided French
// or Italian article or preposition: "d'Études", "l'Unité".
func elided(w string) bool {
	i := strings.IndexAny(w, "'’")
	return i > 0 && i <= 2 && strings.ToLower(w[:i]) == w[:i]
}

// orgOpener reports whether a word opens a transliterated organisation's
// name: "Lashkar-e-Qahhar", "Hizb-ul-Wadi", "Tehrik-i-Azadi".
func orgOpener(w string) bool {
	w = strings.NewReplacer("'", "", "’", "").Replace(w) // "Jama'at"
	first, _, _ := strings.Cut(strings.ToLower(w), "-")
	return orgOpeners[first] || orgOpeners[strings.ToLower(w)]
}

// organisationNames makes one organisation mention of each run of
// capitalised words that ends in an organisation's head word, joined
// through "of", "for" and "and" ("Ministry of External Affairs"), or that
// opens with a transliterated one.
func organisationNames(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	n := len(d.Tokens)
	for k := 0; k < n; {
		// "the Bamako-based Centre d'Etudes ...": the name starts after
		// the modifier.
		if !capitalised(d, k) || isModifierCompound(d.Tokens[k].Text) {
			k++
			continue
		}
		j := k
		for j < n && capitalised(d, j) && (j == k || !sentenceStartsAt(d, j)) {
			j++
		}
		end := j
		joined := false
		// "Institute" + "of" + "Regional Security", "Centre" + "for" + ...;
		// "Frente Andino" + "de" + "Liberacion".
		romance := romanceOpeners[strings.ToLower(d.Tokens[k].Text)]
		for end+1 < n {
			c := 0 // connecting words: "of", "de", "pour la"
			switch {
			case orgHeads[strings.ToLower(d.Tokens[end-1].Text)] && (d.Tokens[end].Text == "of" || d.Tokens[end].Text == "for"):
				c = 1
				if end+2 < n && d.Tokens[end+1].Text == "the" {
					c = 2 // "Ministry of the Interior"
				}
			case joined && !romance && d.Tokens[end].Text == "and" && end+2 <= n && !mentionOfTypeAt(ms, end+1, dossier.Person, dossier.GPE):
				// "Ministry of the Interior and Decentralisation",
				// "Department of International Relations and Cooperation".
				c = 1
			case romance && romanceConnectors[d.Tokens[end].Text]:
				c = 1
				if end+2 < n && romanceConnectors[d.Tokens[end+1].Text] {
					c = 2
				}
			}
			if c == 0 || !capitalised(d, end+c) || sentenceStartsAt(d, end+c) {
				break
			}
			e := end + c
			for e < n && capitalised(d, e) && !sentenceStartsAt(d, e) {
				e++
			}
			end, joined = e, true
		}
		// Leave a sentence's first word alone unless it is in a mention or
		// a noun or adjective: "The Desert Brigade" starts at "Desert".
		start := k
		if p := d.Tokens[start].POS; sentenceStartsAt(d, start) && d.Tokens[start].Entity == "O" && !orgOpener(d.Tokens[start].Text) && !strings.HasPrefix(p, "NN") && !strings.HasPrefix(p, "JJ") {
			start++
		}
		// Leave a person's name and a title at the front alone.
		for start < end {
			// (a one-word "person" is more likely the name's first word:
			// "Sahel" of "Sahel Water Action")
			if i := coveringMention(ms, start); i >= 0 && ms[i].Type == dossier.Person && ms[i].Last < end && !romance && !orgOpener(d.Tokens[ms[i].First].Text) && ms[i].Last-ms[i].First >= 2 {
				start = ms[i].Last
			} else if titleWord(d.Tokens[start].Text) && !orgHeads[strings.ToLower(d.Tokens[start].Text)] || isModifierCompound(d.Tokens[start].Text) {
				start++
			} else {
				break
			}
		}
		// "Los Halcones del Valle", "Las Fuerzas de ...": an article opens
		// a name only when a connector joins it ("Los Angeles" is one
		// place).
		article := articleOpeners[d.Tokens[k].Text]
		isOrg := joined || romance && end-k >= 2 && !article
		if end-start >= 2 && orgHeads[strings.ToLower(d.Tokens[end-1].Text)] {
			isOrg = true
		}
		for i := start; i < end && !isOrg; i++ {
			if orgOpener(d.Tokens[i].Text) {
				isOrg = true
			}
		}
		// "the Philippine Army's 6th Infantry Division": the ordinal is
		// part of the name.
		if isOrg && start > 0 && start == k && ordinalWord(d.Tokens[start-1].Text) {
			start--
		}
		// "The Ministry of ..." opening a sentence: the article is no part
		// of the name.
		if isOrg && start+1 < end && d.Tokens[start].POS == "DT" {
			start++
		}
		if isOrg && start < end && !sameMention(ms, start, end, dossier.Org) {
			ms = replaceSpan(ms, mentionOf(d, start, end, dossier.Org))
		}
		// "St. Sebastian's Church", "Batticaloa Magistrate's Court": a name
		// in the possessive before a building's or a court's head word.
		if !isOrg && end+2 < n && (d.Tokens[end].Text == "'s" || d.Tokens[end].Text == "’s") && possessiveHeads[d.Tokens[end+1].Text] &&
			!capitalised(d, end+2) && !townNamed(d.Text[d.Tokens[start].Start:d.Tokens[end-1].End]) {
			typ := dossier.Org
			if facilityHeads[strings.ToLower(d.Tokens[end+1].Text)] {
				typ = dossier.Fac
			}
			ms = replaceSpan(ms, mentionOf(d, start, end+2, typ))
			end += 2
		}
		k = max(j, end)
	}
	return ms
}

// articleOpeners are the Spanish articles that open gangs' and groups'
// names ("Los Halcones del Valle"); they are romance openers only through
// a connector.
var articleOpeners = map[string]bool{"Los": true, "Las": true}

// possessiveHeads are the head words a name in the possessive may come
// before in the name of a building or a court ("St. Sebastian's Church").
var possessiveHeads = map[string]bool{"Church": true, "Cathedral": true, "Mosque": true, "Shrine": true, "Temple": true,
	"Court": true, "College": true, "School": true, "Hospital": true, "Market": true, "Square": true}

// ordinalWord reports whether w is an ordinal number in digits: "6th",
// "1st", "23rd".
func ordinalWord(w string) bool {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	suffix := strings.ToLower(w[n-2:])
	if suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" {
		return false
	}
	return strings.Trim(w[:n-2], "0123456789") == ""
}

// romanceConnectors join the words of a Spanish, French or Portuguese
// organisation's name.
var romanceConnectors = map[string]bool{"de": true, "del": true, "du": true, "des": true, "la": true, "pour": true, "para": true, "por": true, "et": true, "y": true, "e": true, "do": true, "da": true}

// portfolioWords drops the mention of a word that qualifies the title of
// the person named after it, which the recogniser took for an
// organisation: "Interior" of "Interior Minister Hama Souley", "Defence"
// of "Defence Secretary X".
func portfolioWords(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	isPerson := func(k int) bool {
		i := coveringMention(ms, k)
		return i >= 0 && ms[i].Type == dossier.Person && ms[i].First == k
	}
	out := ms[:0]
	for _, m := range ms {
		_, country := gazetteer.Country(m.Text)
		if (m.Type == dossier.Org || m.Type == dossier.Misc) && !country && !isAcronym(m.Text) && m.Last-m.First == 1 && m.Last+1 < len(d.Tokens) {
			n, _ := roleAt(d, m.Last, len(d.Tokens))
			_, known := gazetteer.Title(m.Text + " " + d.Tokens[m.Last].Text)
			if n > 0 && isPerson(m.Last+n) && (known || gazetteer.IsCommonWord(strings.ToLower(m.Text))) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// titledHolders makes a person of the name after a title that the
// recogniser took, with the title, for an organisation or a place:
// "Interior Minister Paul Yameogo", "Communication Minister Aminata
// Sow". The title (one or two capitalised words may qualify a role:
// "Water Resources Minister") is left out of the mention; the name must be
// two capitalised words or more with no word of an organisation's name.
func titledHolders(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type == dossier.Person || m.Last-m.First < 3 {
			continue
		}
		n := 0
		for q := 0; q <= 2 && n == 0 && m.First+q < m.Last; q++ {
			for w := min(gazetteer.MaxTitleWords(), m.Last-m.First-q-2); w >= 1; w-- {
				a := m.First + q
				if _, ok := gazetteer.Title(d.Text[d.Tokens[a].Start:d.Tokens[a+w-1].End]); ok {
					n = q + w
					break
				}
			}
			if q < 2 && !capitalised(d, m.First+q) {
				break
			}
		}
		if n == 0 || m.Last-(m.First+n) < 2 {
			continue
		}
		rest := d.Text[d.Tokens[m.First+n].Start:d.Tokens[m.Last-1].End]
		if placeOrOrgWords(rest) || placeOrOrgWords(d.Text[d.Tokens[m.First].Start:d.Tokens[m.First+n-1].End]) {
			continue
		}
		all := true
		for k := m.First + n; k < m.Last; k++ {
			all = all && (capitalised(d, k) || patronymics[d.Tokens[k].Text])
		}
		if all {
			*m = mentionOf(d, m.First+n, m.Last, dossier.Person)
		}
	}
	return ms
}

// titleWord reports whether w is an honorific, rank or role.
func titleWord(w string) bool {
	_, ok := gazetteer.Title(w)
	return ok
}

// sameMention reports whether a mention of typ covers exactly [a, b).
func sameMention(ms []nlp.Mention, a, b int, typ dossier.EntityType) bool {
	i := coveringMention(ms, a)
	return i >= 0 && ms[i].First == a && ms[i].Last == b && ms[i].Type == typ
}

// retypeByForm corrects types that the form of a name settles: an acronym
// that is not a known place is an organisation ("KFB" tagged as a place);
// a name opening with "Abdul", "Ghulam", "Abu"... is a person's.
func retypeByForm(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Last-m.First == 1 && isAcronym(m.Text) && (m.Type == dossier.Loc || m.Type == dossier.GPE || m.Type == dossier.Misc):
			// A mixed-case acronym ("KaR", "JeM") is never a place's.
			if _, ok := gazetteer.Country(m.Text); !ok && (!gazetteer.IsPlace(m.Text) || strings.ToUpper(m.Text) != m.Text) {
				m.Type = dossier.Org
			}
		case m.Type != dossier.Loc && m.Type != dossier.GPE && m.Last-m.First >= 2 && featureName(d, m):
			m.Type = dossier.Loc
		case m.Type != dossier.Fac && m.Last-m.First >= 2 && facilityHeads[strings.ToLower(d.Tokens[m.Last-1].Text)]:
			m.Type = dossier.Fac
		case m.Type != dossier.GPE && m.Last-m.First >= 2 && d.Tokens[m.Last-1].Text == "City" && !orgHeads[strings.ToLower(d.Tokens[m.Last-2].Text)]:
			m.Type = dossier.GPE // "Cotabato City", "Mexico City"
		case m.Type != dossier.GPE && m.Type != dossier.Loc && m.Type != dossier.Fac && m.Type != dossier.NORP && !isAcronym(m.Text) && placeBefore(d, m):
			m.Type = dossier.GPE
		case m.Type != dossier.Org && m.Last-m.First >= 2 && (d.Tokens[m.First].Text == "Los" || d.Tokens[m.First].Text == "Las") && m.Last-m.First == 2 && strings.HasSuffix(d.Tokens[m.Last-1].Text, "s") && !gazetteer.IsPlace(m.Text):
			// "Los Centinelas", "Las Fuerzas": a gang or a group ("Los
			// Angeles" is a place).
			m.Type = dossier.Org
		case m.Type == dossier.Misc && m.Last-m.First == 1 && isParticleName(m.Text) && (m.First == 0 || !nameLike(d.Tokens[m.First-1]) || sentenceStartsAt(d, m.First-1)):
			// "al-Qaeda", "al-Shabaab" alone: a group's name, not a
			// miscellany (a person's would follow a given name).
			m.Type = dossier.Org
		case m.Type != dossier.Person && m.Type != dossier.Org && isParticleName(m.Text) && (m.Last-m.First > 1 || m.First > 0 && capitalised(d, m.First-1)):
			m.Type = dossier.Person
		case m.Type != dossier.Person && nameOpeners[strings.ToLower(d.Tokens[m.First].Text)] && !orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)]:
			m.Type = dossier.Person
		}
	}
	return ms
}

// settlementWords name the kind of place whose name follows "of": "the
// village of Kani Reş", "the town of Ayorou".
var settlementWords = map[string]bool{"village": true, "town": true, "city": true, "district": true, "province": true, "region": true, "municipality": true, "hamlet": true, "settlement": true, "county": true, "commune": true}

// placeBefore reports whether the words before mention m make it a place:
// "the village of" X, or "in", "near", "from" a town the gazetteer knows.
func placeBefore(d *nlp.Doc, m *nlp.Mention) bool {
	k := m.First
	if orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)] {
		return false
	}
	if k >= 2 && strings.EqualFold(d.Tokens[k-1].Text, "of") && settlementWords[strings.ToLower(d.Tokens[k-2].Text)] {
		return true
	}
	if k >= 1 && m.Type != dossier.Person {
		switch strings.ToLower(d.Tokens[k-1].Text) {
		case "in", "near", "from", "outside":
			return townNamed(m.Text)
		}
	}
	return false
}

// featureName reports whether mention m is named as a natural region, a
// feature or a line on the map: "Swat Valley", "Line of Control" (not
// "Valley Ledger", whose last word heads no place).
func featureName(d *nlp.Doc, m *nlp.Mention) bool {
	last := strings.ToLower(d.Tokens[m.Last-1].Text)
	if placeHeads[last] && !orgHeads[last] {
		return true
	}
	two := strings.ToLower(d.Tokens[m.First].Text + " " + d.Tokens[m.First+1].Text)
	return placeOpeners[two]
}

// patronymics are the capitalised words that join a person's given name
// to a father's or a clan's ("Almoustapha Ag Alhassane", "Ahmed Ould
// Mbarek", "Fatima Bint Saleh").
var patronymics = map[string]bool{"ag": true, "ould": true, "wuld": true, "bin": true, "bint": true, "mint": true, "ibn": true, "ben": true}

// personCues retypes as a person's the names that only a person's can be
// from their form or the words after them: a patronymic inside the name
// ("Almoustapha Ag" + "Alhassane", taken in), or an age in commas after it
// ("Ag Alhassane, 41, was ...").
func personCues(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := range ms {
		m := &ms[i]
		if m.Type == dossier.Person || orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)] || isAcronym(m.Text) {
			continue
		}
		patronymic := false
		for k := m.First; k < m.Last; k++ {
			if patronymics[strings.ToLower(d.Tokens[k].Text)] && startsUpper(d.Tokens[k].Text) && (k > m.First || m.Last-m.First >= 2) {
				patronymic = true
			}
		}
		last := m.Last
		if patronymics[strings.ToLower(d.Tokens[last-1].Text)] && last < len(d.Tokens) && capitalised(d, last) && coveringMention(ms, last) < 0 {
			last++ // "Almoustapha Ag" + "Alhassane"
			patronymic = true
		}
		if patronymic || agedAfter(d, m.Last) || m.Type == dossier.Org && describedAsPerson(d, m.Last) || givenNameBefore(d, m.First) {
			*m = mentionOf(d, m.First, last, dossier.Person)
		}
	}
	return ms
}

// givenNameBefore reports whether the words before token k give the name
// that follows as a person's: "who gave only her first name, Oumou",
// "who gave his name as Bashir".
func givenNameBefore(d *nlp.Doc, k int) bool {
	j := k - 1
	if j >= 0 && (d.Tokens[j].Text == "," || strings.EqualFold(d.Tokens[j].Text, "as")) {
		j--
	}
	if j < 1 || d.Tokens[j].Lemma != "name" {
		return false
	}
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		if l := d.Tokens[i].Lemma; l == "give" || l == "identify" {
			return true
		}
	}
	return false
}

// personNouns are the nouns that describe a person in apposition ("X, a
// former teacher from Ansongo"), besides titles and family words.
var personNouns = map[string]bool{
	"teacher": true, "trader": true, "farmer": true, "student": true, "lawyer": true, "doctor": true,
	"resident": true, "native": true, "businessman": true, "businesswoman": true, "preacher": true,
	"cleric": true, "imam": true, "shopkeeper": true, "merchant": true, "labourer": true, "laborer": true,
	"herder": true, "fisherman": true, "mechanic": true, "carpenter": true, "tailor": true, "smuggler": true,
	"veteran": true, "father": true, "mother": true, "citizen": true, "national": true, "politician": true,
}

// describedAsPerson reports whether an apposition after token k-1 describes
// a person: ", a former teacher", ", the group's founder", ", 41,".
func describedAsPerson(d *nlp.Doc, k int) bool {
	if k+2 >= len(d.Tokens) || d.Tokens[k].Text != "," {
		return false
	}
	j := k + 1
	if w := strings.ToLower(d.Tokens[j].Text); w != "a" && w != "an" {
		return false
	}
	for j++; j < len(d.Tokens) && j < k+6; j++ {
		w := strings.ToLower(d.Tokens[j].Text)
		if personNouns[w] || nounGender[w] != unknownGender {
			return true
		}
		if t, ok := gazetteer.Title(w); ok && t.Class != "" {
			return true
		}
		if p := d.Tokens[j].POS; !strings.HasPrefix(p, "JJ") && !strings.HasPrefix(p, "NN") && !strings.HasPrefix(p, "VBN") {
			return false
		}
	}
	return false
}

// joinPatronymics makes one person's name of a name, a patronymic in
// small letters and the names after it, whatever the recogniser made of
// the parts: "Hamadou" + "ould" + "Cheikh Sidi", "Moussa" + "ag" +
// "Intalla".
func joinPatronymics(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for k := 1; k+1 < len(d.Tokens); k++ {
		w := d.Tokens[k].Text
		if !patronymics[w] || !startsUpper(d.Tokens[k-1].Text) || !startsUpper(d.Tokens[k+1].Text) {
			continue // only the small-letter forms: "ould", "ag", "bin"
		}
		first, last := k-1, k+2
		if i := coveringMention(ms, k-1); i >= 0 {
			first = ms[i].First
		}
		if i := coveringMention(ms, k+1); i >= 0 {
			last = max(last, ms[i].Last)
		}
		for last < len(d.Tokens) && last < k+4 && startsUpper(d.Tokens[last].Text) && d.Tokens[last].Kind == text.Word && coveringMention(ms, last) < 0 && !sentenceStartsAt(d, last) {
			last++
		}
		ms = replaceSpan(ms, mentionOf(d, first, last, dossier.Person))
		k = last
	}
	return ms
}

// agedAfter reports whether an age in commas follows token k-1: ", 41,".
func agedAfter(d *nlp.Doc, k int) bool {
	if k+2 >= len(d.Tokens) || d.Tokens[k].Text != "," || d.Tokens[k+2].Text != "," {
		return false
	}
	n, err := strconv.Atoi(d.Tokens[k+1].Text)
	return err == nil && n >= 12 && n <= 110
}

// isParticleName reports whether a name opens with a particle that
// personal names take: "al-Qaddoumi", "el-Ghazi", "bin Fahd" (so do some
// organisations' names, "al-Qaeda": callers look at the words around).
func isParticleName(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "al-") || strings.HasPrefix(l, "el-") || strings.HasPrefix(l, "bin ") || strings.HasPrefix(l, "ibn ")
}

// untaggedAcronyms tags as organisations the acronyms the recogniser left
// out that can only be names: written in mixed case ("LeQ", "JeM"), or
// followed by a role ("KFB chief", "CCTA spokesperson").
func untaggedAcronyms(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for k, t := range d.Tokens {
		if !isAcronym(t.Text) || coveringMention(ms, k) >= 0 {
			continue
		}
		if _, ok := gazetteer.Country(t.Text); ok {
			continue
		}
		mixed := strings.ToUpper(t.Text) != t.Text
		role := false
		if k+1 < len(d.Tokens) {
			if ti, ok := gazetteer.Title(d.Tokens[k+1].Text); ok && ti.Class == gazetteer.TitleRole {
				role = true
			}
		}
		if mixed || role {
			ms = append(ms, mentionOf(d, k, k+1, dossier.Org))
		}
	}
	return ms
}

// splitCountries splits a mention that runs a country's name into the name
// after it ("Ambassador to India Ingrid Solberg" tagged "India Ingrid"):
// the country is a place, and the rest a person when a name follows.
func splitCountries(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Last-m.First < 2 || orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)] {
			continue
		}
		if _, ok := gazetteer.Country(d.Tokens[m.First].Text); !ok {
			continue
		}
		rest := m.Type
		if m.Last-m.First >= 3 || m.Last < len(d.Tokens) && capitalised(d, m.Last) && coveringMention(ms, m.Last) < 0 {
			rest = dossier.Person
		}
		if rest != dossier.Person {
			continue // "India Gate", "Pakistan Army": one name
		}
		ms[i] = mentionOf(d, m.First, m.First+1, dossier.GPE)
		ms = append(ms, mentionOf(d, m.First+1, m.Last, rest))
	}
	return ms
}

// countryNames makes one place of a country's name of several words
// that the recogniser cut up or typed otherwise: "Democratic Republic of
// Congo" read as "Democratic" + "Congo". Single words are left to the
// recogniser ("Georgia" may be a person).
func countryNames(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for k := 0; k < len(d.Tokens); k++ {
		if !capitalised(d, k) {
			continue
		}
		for n := min(6, len(d.Tokens)-k); n >= 2; n-- {
			if !capitalised(d, k+n-1) {
				continue
			}
			name := d.Text[d.Tokens[k].Start:d.Tokens[k+n-1].End]
			if _, ok := gazetteer.Country(name); !ok {
				continue
			}
			if i := coveringMention(ms, k); i >= 0 && ms[i].First == k && ms[i].Last == k+n {
				break // already one mention
			}
			out := ms[:0]
			for _, m := range ms {
				if m.Last <= k || m.First >= k+n {
					out = append(out, m)
				}
			}
			ms = append(out, mentionOf(d, k, k+n, dossier.GPE))
			k += n - 1
			break
		}
	}
	return ms
}

// splitPlaceHolders splits a mention that runs a place into the name of
// the person holding an office there, when a title comes just before it
// ("Deputy Commissioner of Anantnag Tariq Lone" tagged "Anantnag Tariq
// Lone", "SSP Baramulla Nadia Rather"): the place is a place, the rest a
// person of two words or more. The place is one or two words the
// gazetteer knows.
func splitPlaceHolders(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		// The title may be inside the mention: "SSP Anantnag Irfan Qadri".
		t, _ := titleAt(d, m.First, m.Last)
		p := m.First + t
		if m.Type == dossier.GPE || m.Last-p < 2 || t == 0 && !titleBefore(d, m.First) {
			continue
		}
		for n := min(2, m.Last-p-1); n >= 1; n-- {
			place := d.Text[d.Tokens[p].Start:d.Tokens[p+n-1].End]
			// The holder keeps two words at least, with the next word
			// ("Anantnag Tariq" + "Lone"): "Minister Hassan Bello
			// visited" is no minister of a town called Hassan.
			short := m.Last-p-n < 2 && (m.Last >= len(d.Tokens) || !capitalised(d, m.Last))
			if short || nameOpeners[strings.ToLower(place)] || !townNamed(place) || !capitalised(d, p+n) || orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)] {
				continue
			}
			if m.Last-p-n >= 2 && placeSuffixes[strings.ToLower(d.Tokens[p+n].Text)] {
				n++ // "Kano State", "Helmand Province"
			}
			ms[i] = mentionOf(d, p, p+n, dossier.GPE)
			ms = append(ms, mentionOf(d, p+n, m.Last, dossier.Person))
			break
		}
	}
	return ms
}

// townNamed reports whether name is a country or the own name of a place
// of at least 5,000 people: an alternate name or a hamlet ("Marc", "Awa")
// is more likely a given name.
func townNamed(name string) bool {
	if _, ok := gazetteer.Country(name); ok {
		return true
	}
	for _, p := range gazetteer.Places(name) {
		if p.Population >= 5000 && (strings.EqualFold(p.ASCII, name) || strings.EqualFold(p.Name, name)) {
			return true
		}
	}
	return false
}

// territorialTitles are offices held over a place ("the governor of").
var territorialTitles = map[string]bool{"governor": true, "mayor": true, "prefect": true, "sub-prefect": true, "administrator": true, "premier": true, "governors": true, "mayors": true}

// placeSuffixes are the words that end the name of an administrative
// division after its proper name.
var placeSuffixes = map[string]bool{"state": true, "province": true, "district": true, "division": true, "region": true, "county": true, "governorate": true, "prefecture": true}

// titleBefore reports whether an office title ends just before token k,
// or before an "of" or a bracketed acronym just before it ("SSP",
// "Deputy Commissioner of", "Senior Superintendent of Police (SSP)").
func titleBefore(d *nlp.Doc, k int) bool {
	if k > 0 && strings.EqualFold(d.Tokens[k-1].Text, "of") {
		k--
	} else if k >= 3 && d.Tokens[k-1].Text == ")" && d.Tokens[k-3].Text == "(" {
		k -= 3
	}
	for n := 1; n <= gazetteer.MaxTitleWords() && n <= k; n++ {
		s := d.Text[d.Tokens[k-n].Start:d.Tokens[k-1].End]
		if t, ok := gazetteer.Title(s); ok && (t.Class == gazetteer.TitleRole || t.Class == gazetteer.TitleRank) {
			return true
		}
	}
	return false
}

// dropTitles removes mentions that are only a title ("Interior Minister"
// tagged as an organisation before the minister's name): a title is not an
// entity.
func dropTitles(d *nlp.Doc, ms []nlp.Mention) []nlp.Mention {
	out := ms[:0]
	for _, m := range ms {
		if t, ok := gazetteer.Title(m.Text); ok && t.Class != "" && !orgHeads[strings.ToLower(d.Tokens[m.Last-1].Text)] {
			continue
		}
		out = append(out, m)
	}
	return out
}
