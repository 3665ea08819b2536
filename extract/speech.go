package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/nlp/text"
)

// speech is an act of saying or asserting found in the text: who says it,
// the cue that says so, and the tokens whose claims it covers.
type speech struct {
	kind   dossier.AttributionKind
	source int // entity index of the source, or -1
	// srcFirst, srcLast are the tokens naming the source; attribution
	// text runs over them and the cue.
	srcFirst, srcLast int
	cue               int // token of the cue verb, or -1 ("according to")
	verb              cueVerb
	first, last       int // the tokens whose claims it covers
	quote             bool
}

// covers reports whether token k is in the speech's scope.
func (s *speech) covers(k int) bool { return s.first <= k && k < s.last }

// attributionText is the text that attributes: "Menon said",
// "according to two officials".
func (s *speech) attributionText(v *view) (string, dossier.Span) {
	a, b := s.srcFirst, s.srcLast
	if s.cue >= 0 {
		a, b = min(a, s.cue), max(b, s.cue+1)
	}
	if a >= b {
		return "", dossier.Span{}
	}
	return v.textOf(a, b), v.span(a, b)
}

// source is who a phrase names as the source of a claim.
type source struct {
	kind   dossier.AttributionKind
	entity int
}

// sourceOf reads the noun phrase starting at token a (and ending before
// limit) as a source: a named person, an organisation, an unnamed source
// ("two officials", "one of the officials", "sources") or a pronoun. It
// returns the source and the end of the phrase, or ok=false.
func (v *view) sourceOf(a, limit int) (source, int, bool) {
	toks := v.d.Tokens
	titled := false
	// Titles left outside the name: "Dr" Arvind Menon, "Inspector General",
	// "Defence Minister" Laura Restrepo.
	for a < limit && v.tokEnt[a] < 0 {
		n, _ := titleAt(v.d, a, limit)
		if n == 0 {
			if m, class := v.titleSpan(a, limit); m > 0 && class == "role" && v.holderAfter(a+m, limit) {
				n = m
			} else if m := v.portfolioTitle(a, limit); m > 0 && v.holderAfter(a+m, limit) {
				n = m
			}
		}
		if n == 0 {
			break
		}
		a += n
		titled = true
		// "Senior Superintendent of Police (SSP)": the title's acronym.
		if a+2 < limit && toks[a].Text == "(" && toks[a+2].Text == ")" {
			a += 3
		}
	}
	if a >= limit {
		return source{}, a, false
	}
	// "the Sahel Water Alliance said": the name after its article.
	if !titled && v.lower(a) == "the" && a+1 < limit && v.tokEnt[a+1] >= 0 && v.ents[v.tokEnt[a+1]].Type == dossier.Org {
		a++
	}
	// "the jihadist group Katibat al-Rimal said", "the charity SWA said":
	// what the organisation is, before its name.
	if !titled && v.lower(a) == "the" {
		for n := a + 1; n < limit && n <= a+4 && v.tokEnt[n] < 0 && (strings.HasPrefix(toks[n].POS, "JJ") || strings.HasPrefix(toks[n].POS, "NN")); n++ {
			if e := v.tokEnt[min(n+1, limit-1)]; n+1 < limit && e >= 0 && v.ents[e].Type == dossier.Org && speakerHeads[strings.ToLower(toks[n].Lemma)] == dossier.Organisation {
				a = n + 1
				break
			}
		}
	}
	// "SSP Anantnag Irfan Qadri", "Governor of Kano State Aminu Bello": the
	// place of the office, then its holder.
	if titled {
		a = v.skipOfPlace(a, limit)
	}
	if e := v.tokEnt[a]; titled && e >= 0 && v.ents[e].Type == dossier.GPE {
		b := a
		for b < limit && v.tokEnt[b] == e {
			b++
		}
		if p := v.tokEnt[min(b, limit-1)]; b < limit && p >= 0 && v.ents[p].Type == dossier.Person {
			a = b
		}
	}
	// "US Attorney Katherine Doyle-Marsh", "Pakistani Foreign Minister X",
	// "SWA director Marie Leblanc": a country or an organisation before
	// the title of the person who speaks.
	if e := v.tokEnt[a]; e >= 0 && (v.ents[e].Type == dossier.GPE || v.ents[e].Type == dossier.NORP || v.ents[e].Type == dossier.Org) {
		b := a
		for b < limit && v.tokEnt[b] == e {
			b++
		}
		if b < limit && (v.lower(b) == "'s" || v.lower(b) == "’s") {
			b++
		}
		// A word or two may qualify the title: "Mali's Security Minister".
		// ("the Alliance's Mali director": a place may qualify it too.)
		for mod := 0; mod <= 2 && b+mod < limit && (v.tokEnt[b+mod] < 0 || v.placeOrPeople(v.tokEnt[b+mod])); mod++ {
			t := b + mod
			if m, _ := v.titleSpan(t, limit); m > 0 {
				// The holder at once or in apposition: "SWA's country
				// director, Marie Lambert, said", "Kenya's ambassador to
				// Mali, Joseph Kiprono, said".
				h := v.officeTail(t+m, limit)
				if h+1 < limit && toks[h].Text == "," {
					h++
				}
				if p := v.tokEnt[min(h, limit-1)]; h < limit && p >= 0 && v.ents[p].Type == dossier.Person {
					end := v.mentionEnd(h, limit)
					return source{kind: dossier.Named, entity: p}, end, true
				}
				break
			}
		}
	}
	// An entity mention at the head of the phrase.
	if e := v.tokEnt[a]; e >= 0 {
		b := a
		for b < limit && v.tokEnt[b] == e {
			b++
		}
		// "the KaR leader said", "the group's leader added": the person
		// the story gave that title in that organisation.
		if v.ents[e].Type == dossier.Org {
			t := b
			if t < limit && (v.lower(t) == "'s" || v.lower(t) == "’s") {
				t++
			}
			if m, class := v.titleSpan(t, limit); m > 0 && class == "role" && !isSpokesperson(v.d.Tokens[t+m-1].Lemma) && (t+m >= limit || v.tokEnt[t+m] < 0) {
				if p := v.holderBefore(a, v.textOf(t, t+m), e); p >= 0 {
					return source{kind: dossier.Named, entity: p}, t + m, true
				}
				// "the SWA director said" with no director named: a
				// person the text does not name.
				if t+m >= limit || !(v.tokEnt[t+m] >= 0 || t+m+1 < limit && v.d.Tokens[t+m].Text == "," && v.tokEnt[t+m+1] >= 0) {
					return source{kind: dossier.Anonymous, entity: -1}, t + m, true
				}
			}
		}
		// "a JeS spokesperson", "Pakistan's foreign ministry": the entity
		// modifies a speaker noun that follows; "Ganie's brother" is not
		// Ganie.
		poss := b < limit && (v.lower(b) == "'s" || v.lower(b) == "’s")
		// "said SWA's Marie Lambert": the organisation's person speaks.
		if poss && v.ents[e].Type == dossier.Org {
			if p, end, ok := v.personAfterTitles(b+1, limit); ok {
				return source{kind: dossier.Named, entity: p}, end, true
			}
		}
		hb, kind, ok := v.speakerHead(b, limit)
		if poss && !ok {
			hb, kind, ok = v.speakerHead(b+1, limit)
		}
		if ok && v.ents[e].Type == dossier.Person {
			if poss {
				return source{kind: dossier.Anonymous, entity: -1}, hb, true
			}
			ok = false
		}
		if ok {
			// "CCTA spokesperson Meenakshi Rawat", "PRO-BAR spokesperson
			// Lt. Col. Rowena Dizon", "a KaR spokesman, Abu Yahya,": the
			// person speaks.
			if p, end, ok := v.personAfterTitles(hb, limit); ok {
				return source{kind: dossier.Named, entity: p}, end, true
			}
			if hb+1 < limit && toks[hb].Text == "," {
				if p, end, ok := v.personAfterTitles(hb+1, limit); ok && (end >= limit || toks[end].Text == ",") {
					return source{kind: dossier.Named, entity: p}, end, true
				}
			}
			// "UN officials" are anonymous; "the UN report" is the UN's,
			// "a Cameroonian intelligence report" the state's.
			// ("Indian media reports" are the media's.)
			if kind == dossier.Anonymous && !isSpokesperson(v.d.Tokens[hb-1].Lemma) && !(documentHeads[strings.ToLower(v.d.Tokens[hb-1].Lemma)] && (v.ents[e].Type == dossier.Org || v.placeOrPeople(e) && !v.mediaIn(b, hb))) {
				return source{kind: dossier.Anonymous, entity: -1}, hb, true
			}
			return source{kind: dossier.Organisation, entity: e}, hb, true
		}
		if v.outlets[e] {
			// "The SPA reported": the outlet's own word.
			return source{kind: dossier.Outlet, entity: e}, b, true
		}
		return source{kind: kindOfEntity(v.ents[e].Type), entity: e}, b, true
	}
	if w := v.lower(a); (personPronouns[w] || groupPronouns[w]) && !v.possessiveBeforeNoun(a, limit) {
		e, ok := v.pronounEnt[a]
		switch {
		case !ok:
			return source{}, a, false
		case e == unnamed:
			return source{kind: dossier.Anonymous, entity: -1}, a + 1, true
		case e == unnamedBody:
			return source{kind: dossier.Organisation, entity: -1}, a + 1, true
		}
		return source{kind: kindOfEntity(v.ents[e].Type), entity: e}, a + 1, true
	}
	// "one of the officials", "two of the gunmen", "two of them".
	if k := a + 1; k+1 < limit && v.lower(k) == "of" && (toks[a].POS == "CD" || v.lower(a) == "one" || v.lower(a) == "some") {
		if v.lower(k+1) == "them" || v.lower(k+1) == "those" {
			return source{kind: dossier.Anonymous, entity: -1}, k + 2, true
		}
		if src, end, ok := v.sourceOf(k+1, limit); ok {
			return src, end, true
		}
	}
	// "the group's leader said": the person the story made its leader.
	if v.lower(a) == "the" && a+3 < limit && groupNouns[v.lower(a+1)] && (v.lower(a+2) == "'s" || v.lower(a+2) == "’s") {
		if e, ok := v.pronounEnt[a+1]; ok && e >= 0 {
			if m, class := v.titleSpan(a+3, limit); m > 0 && class == "role" && !isSpokesperson(v.d.Tokens[a+3+m-1].Lemma) {
				if p := v.holderBefore(a, v.textOf(a+3, a+3+m), e); p >= 0 {
					return source{kind: dossier.Named, entity: p}, a + 3 + m, true
				}
			}
		}
	}
	// "the group said": the organisation it stands for.
	if v.lower(a) == "the" && a+1 < limit && groupNouns[v.lower(a+1)] && (a+2 >= limit || v.lower(a+2) != "'s" && v.lower(a+2) != "’s") {
		if e, ok := v.pronounEnt[a+1]; ok && e >= 0 {
			return source{kind: dossier.Organisation, entity: e}, a + 2, true
		}
	}
	// "The minister added": the person last given that title.
	// "The army spokesman said": a word or two may qualify the title.
	for t := a + 1; v.lower(a) == "the" && t < limit && t <= a+3; t++ {
		if m, class := v.titleSpan(t, limit); m > 0 {
			// "the governor of Kidal, Moussa Ag Intalla,": the holder in
			// apposition.
			if h := v.officeTail(t+m, limit); h+1 < limit && v.d.Tokens[h].Text == "," {
				if p, end, ok := v.personAfterTitles(h+1, limit); ok && (end >= limit || toks[end].Text == "," || endsSentence(toks[end].Text)) {
					return source{kind: dossier.Named, entity: p}, end, true
				}
			}
			if class == "role" && (t+m >= limit || v.tokEnt[t+m] < 0 && v.lower(t+m) != "of" && v.lower(t+m) != "for") {
				if e := v.titledBefore(a, v.textOf(t, t+m)); e >= 0 {
					return source{kind: dossier.Named, entity: e}, t + m, true
				}
			}
			break
		}
		if v.tokEnt[t] >= 0 || !strings.HasPrefix(v.d.Tokens[t].POS, "NN") && !strings.HasPrefix(v.d.Tokens[t].POS, "JJ") {
			break
		}
	}
	b, kind, ok := v.speakerHead(a, limit)
	if !ok {
		return source{}, a, false
	}
	// "the lawyer said" after "Me Emmanuel Tchouta Fokam, a Maroua
	// lawyer,": the person the text described so.
	if kind == dossier.Anonymous && v.lower(a) == "the" && toks[b-1].POS == "NN" && (b >= limit || v.lower(b) != "of") {
		if p := v.describedAs(a, toks[b-1].Lemma); p >= 0 {
			return source{kind: dossier.Named, entity: p}, b, true
		}
	}
	// "a police spokesman", "a ministry statement", "court documents": the
	// word of a body with no name.
	// So is "a Cameroonian intelligence report", not "Indian media
	// reports".
	body := false
	if doc := documentHeads[strings.ToLower(toks[b-1].Lemma)]; doc || isSpokesperson(toks[b-1].Lemma) {
		for j := a; j < b-1; j++ {
			body = body || v.tokEnt[j] < 0 && speakerHeads[strings.ToLower(toks[j].Lemma)] == dossier.Organisation || doc && v.tokEnt[j] >= 0 && v.placeOrPeople(v.tokEnt[j])
		}
		body = body && !v.mediaIn(a, b-1)
		if body {
			kind = dossier.Organisation
		}
	}
	src := source{kind: kind, entity: -1}
	// "The new message, signed by KFB spokesperson Abdullah el-Ghazi,": the
	// paper is the signer's word.
	if documentHeads[strings.ToLower(toks[b-1].Lemma)] {
		c := b
		if c < limit && toks[c].Text == "," {
			c++
		}
		if c+1 < limit && (v.lower(c) == "signed" || v.lower(c) == "issued" || v.lower(c) == "written") && v.lower(c+1) == "by" {
			if src, end, ok := v.sourceOf(c+2, limit); ok && src.kind == dossier.Named {
				return src, end, true
			}
		}
		// "A statement attributed to KaR".
		if c+2 < limit && v.lower(c) == "attributed" && v.lower(c+1) == "to" {
			if src, end, ok := v.sourceOf(c+2, limit); ok && src.entity >= 0 {
				return src, end, true
			}
		}
	}
	// "a United Nations report": a paper of an organisation is the
	// organisation's word.
	if documentHeads[strings.ToLower(toks[b-1].Lemma)] {
		for j := a; j < b-1; j++ {
			if e := v.tokEnt[j]; e >= 0 && v.ents[e].Type == dossier.Org {
				return source{kind: dossier.Organisation, entity: e}, b, true
			}
		}
	}
	// "police spokeswoman Rowena Dizon": the name follows the head.
	if e := v.tokEnt[min(b, limit-1)]; b < limit && e >= 0 && v.ents[e].Type == dossier.Person {
		end := v.mentionEnd(b, limit)
		return source{kind: dossier.Named, entity: e}, end, true
	}
	// "its spokesman, Andres Pineda,": the apposition names the speaker
	// (not "according to the indictment, Vorontsev met ...").
	// So does "a spokesman for the Malian army, Colonel X,".
	if kind == dossier.Anonymous && !documentHeads[strings.ToLower(toks[b-1].Lemma)] {
		c := b
		if c < limit && (v.lower(c) == "for" || v.lower(c) == "of" || v.lower(c) == "at") {
			// ("the brother of one of the hostages, Ibrahima Diop,")
			for c++; c < limit && c < b+7 && toks[c].Text != "," && (toks[c].POS == "DT" || toks[c].POS == "CD" || v.lower(c) == "of" || strings.HasPrefix(toks[c].POS, "JJ") || strings.HasPrefix(toks[c].POS, "NN")); c++ {
			}
		}
		// One person names one speaker ("prosecutors, Quiñónez ran" does
		// not), and the apposition closes ("According to prosecutors,
		// Quiñónez ran the gang" is the clause the source vouches for).
		if c+1 < limit && toks[c].Text == "," && toks[b-1].POS != "NNS" {
			if e, end, ok := v.personAfterTitles(c+1, limit); ok && (end >= limit || toks[end].Text == ",") {
				return source{kind: dossier.Named, entity: e}, end, true
			}
		}
	}
	// "a pony handler who gave his name only as Bashir".
	if e := v.namedAs(b, limit); e >= 0 {
		// The phrase ends after the name: "a man who identified himself as
		// Abu Hudhayfa, spokesman of HAS, said".
		end := b
		for end < limit && v.tokEnt[end] != e {
			end++
		}
		for end < limit && v.tokEnt[end] == e {
			end++
		}
		return source{kind: dossier.Named, entity: e}, end, true
	}
	// "the Central Counter-Terrorism Agency said": the head noun ends the
	// organisation's own name.
	if e := v.tokEnt[b-1]; kind == dossier.Organisation && e >= 0 && v.ents[e].Type == dossier.Org && src.entity < 0 {
		src.entity = e
	}
	// "the statement said": the statement of the organisation last named,
	// not the channel it was posted on ("a statement posted on its
	// Al-Bayyina media outlet").
	if kind == dossier.Organisation && !body && isSpokesperson(toks[b-1].Lemma) {
		if e := v.lastIssuer(a); e >= 0 {
			src.entity = e
		}
	}
	// "The report says": the report of the organisation last named ("the
	// Centre for Conflict Data published a report"), not "an intelligence
	// report" or "reports".
	if kind == dossier.Anonymous && !body && v.lower(a) == "the" && b == a+2 && toks[b-1].POS == "NN" && documentHeads[strings.ToLower(toks[b-1].Lemma)] {
		if e := v.lastIssuer(a); e >= 0 {
			src = source{kind: dossier.Organisation, entity: e}
		}
	}
	// "a spokesperson for the JeS", "officials of the ministry", "a
	// statement from the charity", "a statement by the army".
	if b+1 < limit && (v.lower(b) == "for" || v.lower(b) == "of" || v.lower(b) == "at" || v.lower(b) == "from" || v.lower(b) == "by") {
		head, k := toks[b-1].Lemma, b+1
		if v.lower(k) == "the" && k+1 < limit {
			k++
		}
		// "a statement from Niger's justice ministry", "a statement by the
		// Nigerien army": the place or people the body answers to.
		if e := v.entAt(k); e >= 0 && v.placeOrPeople(e) {
			n := k
			for n < limit && v.entAt(n) == e {
				n++
			}
			if n+1 < limit && toks[n].POS == "POS" {
				n++
			}
			if n < limit && v.tokEnt[n] < 0 && strings.HasPrefix(toks[n].POS, "NN") {
				k = n
			} else if n == limit || toks[n].POS != "POS" {
				// "the governor of Agadez": the place of the office.
				b = n
			}
		}
		if e := v.entAt(k); e >= 0 && v.ents[e].Type == dossier.Org {
			if kind == dossier.Organisation || isSpokesperson(head) {
				src = source{kind: dossier.Organisation, entity: e}
			}
			for k < limit && v.entAt(k) == e {
				k++
			}
			b = k
		} else if v.tokEnt[k] < 0 {
			// "a spokesman for the governor": an office with no name.
			n := k
			for n < limit && n < k+3 && v.tokEnt[n] < 0 && (strings.HasPrefix(toks[n].POS, "NN") || strings.HasPrefix(toks[n].POS, "JJ")) {
				n++
			}
			if n > k && strings.HasPrefix(toks[n-1].POS, "NN") {
				b = n
				// "a spokesman for the interior ministry" speaks for it.
				if isSpokesperson(head) && speakerHeads[strings.ToLower(toks[n-1].Lemma)] == dossier.Organisation {
					src = source{kind: dossier.Organisation, entity: -1}
				}
			}
		}
	}
	// "a Mozambican army officer in Pemba, who asked not to be named,":
	// where the source is.
	if b+1 < limit && (v.lower(b) == "in" || v.lower(b) == "at") {
		if e := v.tokEnt[b+1]; e >= 0 && v.placeOrPeople(e) {
			for b++; b < limit && v.tokEnt[b] == e; b++ {
			}
		}
	}
	// "a police officer there said"
	if b < limit && (v.lower(b) == "there" || v.lower(b) == "here") {
		b++
	}
	return src, b, true
}

// skipOfPlace returns the token after "of" (and "the") at k when a place
// follows ("Governor of Menaka Daouda Maiga"), else k.
func (v *view) skipOfPlace(k, limit int) int {
	if k >= limit || v.lower(k) != "of" {
		return k
	}
	j := k + 1
	if j < limit && v.lower(j) == "the" {
		j++
	}
	if j < limit && v.tokEnt[j] >= 0 && v.ents[v.tokEnt[j]].Type == dossier.GPE {
		return j
	}
	return k
}

// portfolioTitle returns the length of a role title that one or two
// capitalised words qualify at token k ("Communication Minister",
// "Water Resources Minister", "Police Commissioner"), or 0.
func (v *view) portfolioTitle(k, limit int) int {
	for n := 1; n <= 2 && k+n < limit; n++ {
		t := v.d.Tokens[k+n-1]
		if v.tokEnt[k+n-1] >= 0 || !strings.HasPrefix(t.POS, "NN") && !strings.HasPrefix(t.POS, "JJ") || !unicode.IsUpper([]rune(t.Text)[0]) {
			return 0
		}
		if m, class := v.titleSpan(k+n, limit); m > 0 && class == "role" {
			return n + m
		}
	}
	return 0
}

// placeOrPeople reports whether entity e is a place or a people
// (GPE, LOC, NORP).
func (v *view) placeOrPeople(e int) bool {
	t := v.ents[e].Type
	return t == dossier.GPE || t == dossier.Loc || t == dossier.NORP
}

// officeTail returns the token after the place or body of an office
// that follows a title ending before token k ("to Mali", "in the Sahel",
// "for West Africa", "of the interior ministry"), else k.
func (v *view) officeTail(k, limit int) int {
	if k+1 >= limit {
		return k
	}
	switch v.lower(k) {
	case "to", "in", "for", "of", "at":
	default:
		return k
	}
	j := k + 1
	if v.lower(j) == "the" {
		j++
	}
	if j < limit && v.tokEnt[j] >= 0 {
		if t := v.ents[v.tokEnt[j]].Type; t == dossier.Person {
			return k
		}
		return v.mentionEnd(j, limit)
	}
	n := j
	for n < limit && n < j+3 && v.tokEnt[n] < 0 && (strings.HasPrefix(v.d.Tokens[n].POS, "NN") || strings.HasPrefix(v.d.Tokens[n].POS, "JJ")) {
		n++
	}
	if n > j && strings.HasPrefix(v.d.Tokens[n-1].POS, "NN") {
		return n
	}
	return k
}

// holderAfter reports whether a person's name follows a title ending
// before token k: at once, or after the title's bracketed acronym and the
// place of the office ("(SSP) Anantnag Irfan Qadri").
func (v *view) holderAfter(k, limit int) bool {
	if k+2 < limit && v.d.Tokens[k].Text == "(" && v.d.Tokens[k+2].Text == ")" {
		k += 3
	}
	k = v.skipOfPlace(k, limit)
	if k < limit && v.tokEnt[k] >= 0 && v.ents[v.tokEnt[k]].Type == dossier.GPE {
		for e := v.tokEnt[k]; k < limit && v.tokEnt[k] == e; k++ {
		}
	}
	return k < limit && v.tokEnt[k] >= 0 && v.ents[v.tokEnt[k]].Type == dossier.Person
}

// titledBefore returns the person last named before token k (within
// about three sentences) whose titles end with title ("the minister" for
// "Security Minister Daoud Aly Mohammedine"), or -1.
func (v *view) titledBefore(k int, title string) int {
	// "interior minister of Niger" is a minister.
	return v.personTitledBefore(k, k-120, func(head, _ string) bool { return strings.HasSuffix(head, strings.ToLower(title)) })
}

// personTitledBefore returns the person last named before token k, from
// token from on, one of whose titles match accepts ("interior minister of
// Niger": head "interior minister", of "Niger"), or -1.
func (v *view) personTitledBefore(k, from int, match func(head, of string) bool) int {
	for j := k - 1; j >= max(from, 0); j-- {
		e := v.tokEnt[j]
		if e < 0 || v.ents[e].Type != dossier.Person {
			continue
		}
		for _, t := range v.ents[e].Attributes["titles"] {
			head, of, _ := strings.Cut(t, " of ")
			if match(strings.ToLower(head), of) {
				return e
			}
		}
	}
	return -1
}

// holderBefore returns the person named before token k whose titles give
// them title in organisation org ("leader of Katibat al-Rimal" for "the
// KaR leader"), or -1.
func (v *view) holderBefore(k int, title string, org int) int {
	if e := v.personTitledBefore(k, 0, func(head, of string) bool {
		return strings.HasSuffix(head, strings.ToLower(title)) && (of == v.ents[org].Name || containsFold(v.ents[org].Aliases, of))
	}); e >= 0 {
		return e
	}
	// "Qasmi, who founded the LeQ": the relation the title names.
	if t, ok := gazetteer.Title(title); ok && t.Relation != "" && t.Relation != "role_of" && t.Relation != "member_of" {
		for _, r := range v.rels {
			if r.rel.Type == t.Relation && r.object == org && r.anchor < k && v.ents[r.subject].Type == dossier.Person {
				return r.subject
			}
		}
	}
	return -1
}

// personAfterTitles returns the person named at token k, after any
// honorifics and ranks ("Lt. Col. Rowena Dizon"), and the end of the name.
func (v *view) personAfterTitles(k, limit int) (int, int, bool) {
	for k < limit && v.tokEnt[k] < 0 {
		t, _ := titleAt(v.d, k, limit)
		if t == 0 {
			break
		}
		k += t
	}
	if k >= limit || v.tokEnt[k] < 0 || v.ents[v.tokEnt[k]].Type != dossier.Person {
		return -1, k, false
	}
	return v.tokEnt[k], v.mentionEnd(k, limit), true
}

// mentionEnd returns the token after the entity mention that starts at
// token k (k itself when no mention does), before limit.
func (v *view) mentionEnd(k, limit int) int {
	e := v.tokEnt[min(k, len(v.tokEnt)-1)]
	end := k
	for end < limit && e >= 0 && v.tokEnt[end] == e {
		end++
	}
	return end
}

// documentHeads are the sources that are papers, not people: no name in
// apposition after them is their speaker.
var documentHeads = map[string]bool{"assessment": true, "report": true, "document": true, "dossier": true, "record": true, "indictment": true, "filing": true, "chargesheet": true, "statement": true, "message": true, "intelligence": true,
	"claim": true, "communique": true, "communiqué": true, "video": true, "recording": true, "letter": true, "post": true, "note": true, "memo": true}

// possessiveBeforeNoun reports whether the pronoun at token a modifies a
// noun after it ("His wife said"), so that the noun is the source.
func (v *view) possessiveBeforeNoun(a, limit int) bool {
	w := v.lower(a)
	if w != "his" && w != "her" && w != "its" && w != "their" || a+1 >= limit {
		return false
	}
	p := v.d.Tokens[a+1].POS
	return strings.HasPrefix(p, "NN") || strings.HasPrefix(p, "JJ")
}

// namedAs finds, in tokens [a, limit), the person a description goes on
// to name: "who gave his name only as Bashir", "identified as Sajid
// Mehmood", "named Tariq Lone". It returns -1 when there is none.
func (v *view) namedAs(a, limit int) int {
	for k := a; k+1 < limit && k < a+10; k++ {
		w := v.lower(k)
		if w == "," && k > a+1 || endsSentence(w) || isQuoteMark(w) {
			break
		}
		if w == "as" || w == "named" || w == "called" || w == "name" && v.lower(k+1) == "," && k+2 < limit {
			n := k + 1
			if w == "name" {
				n++ // "who gave only her first name, Oumou,"
			}
			if e := v.tokEnt[n]; e >= 0 && !typeIn(v.ents[e].Type, []dossier.EntityType{dossier.GPE, dossier.Loc, dossier.Fac, dossier.NORP}) {
				return e
			}
		}
	}
	return -1
}

// channelWords name where a statement is posted, not who issues it.
var channelWords = map[string]bool{"media": true, "outlet": true, "channel": true, "radio": true, "television": true,
	"tv": true, "website": true, "account": true, "agency": true, "news": true, "telegram": true}

// lastIssuer returns the organisation last named before token k (within
// 80 tokens) that is no channel: neither a name with a channel word nor one
// followed by one ("its Al-Bayyina media outlet"); -1 when none.
func (v *view) lastIssuer(k int) int {
	for j := k - 1; j >= 0 && j >= k-80; j-- {
		e := v.tokEnt[j]
		if e < 0 || v.ents[e].Type != dossier.Org || v.outlets[e] || j+1 < len(v.d.Tokens) && channelWords[v.lower(j+1)] {
			continue
		}
		channel := false
		for _, w := range strings.Fields(strings.ToLower(v.ents[e].Name)) {
			channel = channel || channelWords[w]
		}
		if !channel {
			// The one its sentence is about, named first: "The ministry
			// confirmed that a suspect had been arrested by the DSIS".
			return v.firstFitting(j, func(f int) bool { return f >= 0 && v.ents[f].Type == dossier.Org && !v.outlets[f] }, e)
		}
	}
	return -1
}

// mediaIn reports whether a word of tokens [a, b) names the media
// ("Indian media reports").
func (v *view) mediaIn(a, b int) bool {
	for j := a; j < b; j++ {
		if speakerHeads[strings.ToLower(v.d.Tokens[j].Lemma)] == dossier.Outlet {
			return true
		}
	}
	return false
}

// describedAs returns the person last described before token k by the
// noun lemma in apposition ("Tchouta Fokam, a Maroua lawyer,"; "His
// lawyer, Fati Issa-Garba,"; "lawyer Fati Issa"), or -1.
func (v *view) describedAs(k int, lemma string) int {
	toks := v.d.Tokens
	person := func(j int) bool {
		return j >= 0 && j < len(toks) && v.tokEnt[j] >= 0 && v.ents[v.tokEnt[j]].Type == dossier.Person
	}
	for j := k - 1; j >= 0 && j >= k-400; j-- {
		if toks[j].Lemma != lemma || v.tokEnt[j] >= 0 {
			continue
		}
		// The person after: "lawyer Fati Issa", "His lawyer, Fati Issa".
		if n := j + 1; person(n) || n+1 < len(toks) && toks[n].Text == "," && person(n+1) {
			if !person(n) {
				n++
			}
			return v.tokEnt[n]
		}
		// The person before, the noun closing its apposition: "X, a
		// Maroua lawyer", "X, 41, a livestock trader".
		for p := j - 1; p >= 0 && p >= j-8; p-- {
			if person(p) {
				if toks[p+1].Text == "," {
					return v.tokEnt[p]
				}
				break
			}
			if t := toks[p]; v.tokEnt[p] >= 0 && !v.placeOrPeople(v.tokEnt[p]) || v.isVerb(p) || endsSentence(t.Text) {
				break
			}
		}
	}
	return -1
}

// lastOf returns the entity of type t last named before token k, or -1.
func (v *view) lastOf(k int, t dossier.EntityType) int {
	for j := k - 1; j >= 0 && j >= k-80; j-- {
		if e := v.tokEnt[j]; e >= 0 && v.ents[e].Type == t {
			return e
		}
	}
	return -1
}

// isSpokesperson reports whether a lemma names someone who speaks for an
// organisation.
func isSpokesperson(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "spokesperson", "spokesman", "spokeswoman", "statement", "message":
		return true
	}
	return false
}

// speakerHead reads a plain noun phrase from token a whose head noun names
// a kind of source ("the officials", "a senior police officer",
// "intelligence sources"), returning its end and kind.
func (v *view) speakerHead(a, limit int) (int, dossier.AttributionKind, bool) {
	toks := v.d.Tokens
	b := a
	for b < limit && b < a+6 {
		p := toks[b].POS
		_, head := speakerHeads[strings.ToLower(toks[b].Lemma)]
		if !(p == "DT" || p == "CD" || p == "PRP$" || strings.HasPrefix(p, "JJ") || strings.HasPrefix(p, "NN") || p == "POS" || head) {
			break
		}
		if v.tokEnt[b] >= 0 && b > a && v.ents[v.tokEnt[b]].Type == dossier.Person {
			break
		}
		b++
	}
	// The head is the last noun of the run.
	for h := b - 1; h >= a; h-- {
		if _, head := speakerHeads[strings.ToLower(toks[h].Lemma)]; !head && !strings.HasPrefix(toks[h].POS, "NN") {
			continue
		}
		// A plural may speak for a body its singular does not:
		// "prosecutors said" is the prosecution's word, "a prosecutor
		// said" one person's.
		if kind, ok := speakerHeads[strings.ToLower(toks[h].Text)]; ok {
			return h + 1, kind, true
		}
		lemma := strings.ToLower(toks[h].Lemma)
		if kind, ok := speakerHeads[lemma]; ok {
			return h + 1, kind, true
		}
		if kind, ok := speakerHeads[strings.TrimSuffix(strings.ToLower(toks[h].Text), "s")]; ok {
			return h + 1, kind, true
		}
		return 0, "", false
	}
	return 0, "", false
}

// kindOfEntity is the attribution kind of a source entity.
func kindOfEntity(t dossier.EntityType) dossier.AttributionKind {
	if t == dossier.Person {
		return dossier.Named
	}
	return dossier.Organisation
}

// skippable words between a subject and its cue verb ("has always
// denied", "also said", "later told").
var betweenSubjectAndCue = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true,
	"also": true, "always": true, "later": true, "earlier": true, "further": true, "again": true,
	"repeatedly": true, "separately": true, "previously": true, "recently": true, "reportedly": true,
	"will": true, "would": true, "could": true, "may": true, "might": true, "did": true, "does": true, "do": true,
	"not": true, "never": true, "then": true, "first": true, "now": true, "publicly": true, "privately": true,
}

// speeches finds the indirect-speech acts of the document: "X said
// (that) ...", "..., officials said", "according to X", "Sources reveal
// that ...", and their scopes.
func (v *view) speeches() []speech {
	var out []speech
	for i, sent := range v.d.Sentences {
		if sent.Boilerplate {
			continue
		}
		// A dateline is the outlet's: no source in the lead vouches for
		// "BUNIA, Democratic Republic of Congo, March 6 (Monitor) —".
		if i < 4 {
			if end := v.datelineEnd(sent.First, sent.Last); end > sent.First {
				sent.First = end
			}
		}
		for k := sent.First; k < sent.Last; k++ {
			// "according to X"
			if v.lower(k) == "according" && k+2 < sent.Last && v.lower(k+1) == "to" {
				a := k + 2
				// "according to the CCTA", "according to the Bamako-based
				// CESS": the article and modifier before a name.
				if n := a + 1; n < sent.Last && v.lower(a) == "the" {
					if n+1 < sent.Last && isModifierCompound(v.d.Tokens[n].Text) {
						n++
					}
					if v.tokEnt[n] >= 0 && v.ents[v.tokEnt[n]].Type == dossier.Org {
						a = n
					}
				}
				src, end, ok := v.sourceOf(a, sent.Last)
				if !ok {
					continue
				}
				// "according to X" vouches for its whole sentence.
				sp := speech{kind: src.kind, source: src.entity, srcFirst: k, srcLast: end, cue: -1, first: sent.First, last: sent.Last}
				out = append(out, sp)
				continue
			}
			if sp, ok := v.learntFrom(k, sent.First, sent.Last); ok {
				out = append(out, sp)
				continue
			}
			if sp, ok := v.reportsThat(k, sent.First, sent.Last); ok {
				out = append(out, sp)
				continue
			}
			verb, ok := v.cueAt(k)
			if !ok || v.notSaid(k, sent.First) {
				continue
			}
			if sp, ok := v.speechAt(k, verb, sent.First, sent.Last); ok {
				out = append(out, sp)
			}
		}
	}
	return out
}

// notSaid reports whether cue verb k is negated ("the government has not
// commented on whether the arrest was linked to the kidnapping", "police
// declined to comment on"): what follows is nobody's word.
func (v *view) notSaid(k, first int) bool {
	for j := k - 1; j >= first && j >= k-3; j-- {
		switch v.lower(j) {
		case "not", "never", "n't":
			return true
		case "to":
			return j > first && (v.lower(j-1) == "declined" || v.lower(j-1) == "refused")
		}
		if v.d.Tokens[j].POS != "RB" && !betweenSubjectAndCue[v.lower(j)] {
			return false
		}
	}
	return false
}

// learntFrom reads "SPA has learned from security sources that ...",
// "the newspaper heard from two officials that ...": the outlet passes on
// what the source after "from" told it.
func (v *view) learntFrom(k, first, last int) (speech, bool) {
	l := v.d.Tokens[k].Lemma
	if l != "learn" && l != "hear" || !v.isVerb(k) || k+2 >= last || v.lower(k+1) != "from" {
		return speech{}, false
	}
	src, end, ok := v.sourceOf(k+2, last)
	if !ok || src.kind == dossier.Outlet {
		return speech{}, false
	}
	after := end
	for t := end; t < last && t <= end+6; t++ {
		if v.lower(t) == "that" {
			after = t + 1
			break
		}
	}
	return speech{kind: src.kind, source: src.entity, srcFirst: k + 2, srcLast: end, cue: k, first: after, last: last}, after < last
}

// reportsThat reads "There were unconfirmed reports that ...", "amid
// reports that ...": unnamed reports vouch for the clause after "that",
// and hedge it when unconfirmed.
func (v *view) reportsThat(k, first, last int) (speech, bool) {
	t := v.d.Tokens[k]
	if t.Lemma != "report" && t.Lemma != "rumour" && t.Lemma != "rumor" || t.POS != "NNS" || k+1 >= last || v.lower(k+1) != "that" {
		return speech{}, false
	}
	hedged := false
	for j := k - 1; j >= first && j >= k-3; j-- {
		if v.tokEnt[j] >= 0 || v.isVerb(j) && v.d.Tokens[j].Lemma != "be" {
			return speech{}, false // "Indian media reports", "he denied reports"
		}
		switch v.lower(j) {
		case "unconfirmed", "unverified":
			hedged = true
		}
	}
	return speech{kind: dossier.Anonymous, source: -1, srcFirst: k, srcLast: k + 1, cue: k, verb: cueVerb{hedges: hedged}, first: k + 2, last: last}, k+2 < last
}

// speechAt reads the speech act around cue verb k in the sentence of
// tokens [first, last).
func (v *view) speechAt(k int, verb cueVerb, first, last int) (speech, bool) {
	// "Rather is believed to be ...", "X was named as ...": a passive cue
	// hedges or reports; its subject is not the one who speaks.
	if j := k - 1; j >= first && v.d.Tokens[k].POS == "VBN" && (v.d.Tokens[j].Lemma == "be" || j > first && betweenSubjectAndCue[v.lower(j)] && v.d.Tokens[j-1].Lemma == "be") {
		// "X is believed by intelligence officials to be ...": the agent
		// is the source, and vouches for the sentence.
		// So is "The arrest was announced by the interior ministry on
		// Wednesday".
		// ("was confirmed on Wednesday by Niger's interior ministry,
		// which said")
		if by := v.cueAdjunctEnd(k+1, last); by+1 < last && v.lower(by) == "by" {
			if src, end, ok := v.sourceOf(by+1, last); ok && (end < last && v.lower(end) == "to" || v.cueAdjunctEnd(end, last) >= last-1 || v.lower(end) == ",") {
				return speech{kind: src.kind, source: src.entity, srcFirst: by + 1, srcLast: end, cue: k, verb: verb, first: first, last: last}, true
			}
		}
		return speech{}, false
	}
	// "The man, identified as Sajid Mehmood, was arrested": a participle
	// set off after a noun is a passive; nobody speaks.
	if v.d.Tokens[k].POS == "VBN" && k > first && v.d.Tokens[k-1].Text == "," {
		return speech{}, false
	}
	// "Four aid workers kidnapped, group suspected": a verb that needs
	// an object, with none, is a passive; nobody speaks.
	if objectCues[v.d.Tokens[k].Lemma] && (k+1 >= last || v.d.Tokens[k+1].Kind == text.Punct) {
		return speech{}, false
	}
	// "KaR claimed responsibility for the abduction", "claimed the
	// kidnapping": a claim of a deed is a statement (an event), and the
	// deed is the outlet's to tell; "claimed that ...", "claimed to" and
	// "claims it holds five" report.
	if v.d.Tokens[k].Lemma == "claim" && k+1 < last && v.d.Tokens[k].POS != "NN" && v.d.Tokens[k].POS != "NNS" {
		switch v.lower(k + 1) {
		case "that", "to", "it", "they", "he", "she", ",":
		default:
			return speech{}, false
		}
	}
	// Subject before the verb.
	if src, start, end, ok := v.subjectBefore(k, first); ok {
		sp := speech{kind: src.kind, source: src.entity, srcFirst: start, srcLast: end, cue: k, verb: verb}
		after := v.complementStart(k, last)
		// "..., Kanwar said, repeating ...": a cue set off by commas in the
		// middle of a sentence vouches for what came before it.
		midway := k+1 < last && v.d.Tokens[k+1].Text == "," && start > first+2 && v.d.Tokens[start-1].Text == ","
		// "Moussa ould Sidi, the ministry said, is the brother of ...": set
		// off between a subject and its verb, the cue vouches for the
		// whole sentence.
		if midway && k+2 < last && v.d.Tokens[k+2].POS != "VBG" && !v.hasVerb(first, start-1) && v.hasVerb(k+2, last) {
			sp.first, sp.last = first, last
			return sp, true
		}
		// "a charity that Indian investigators link to the attack", "who
		// officials say is the brother of": a cue in a relative clause
		// vouches for that clause only, not for the sentence around it.
		if start-1 > first && (relativePronouns[v.lower(start-1)] || v.lower(start-1) == "that") {
			end := k + 1
			for end < last && v.d.Tokens[end].Text != "," && v.d.Tokens[end].Text != ";" {
				end++
			}
			sp.first, sp.last = k+1, end
			return sp, sp.first < sp.last
		}
		// "X met officials on Wednesday, the embassy said in a statement,
		// and visited ...": the sentence goes on after the cue's own
		// words, which vouch for all of it.
		if c := v.cueAdjunctEnd(k+1, last); start > first+2 && v.d.Tokens[start-1].Text == "," && c+1 < last && v.d.Tokens[c].Text == "," && (v.lower(c+1) == "and" || v.lower(c+1) == "but") {
			sp.first, sp.last = first, last
			return sp, true
		}
		if !midway && after < last-1 && (v.hasVerb(after, last) || predicativeCues[v.d.Tokens[k].Lemma] && v.d.Tokens[k-1].Text != ",") {
			sp.first, sp.last = after, last
		} else {
			// "..., the officials said." covers what came before.
			sp.first, sp.last = first, start
		}
		return sp, sp.first < sp.last
	}
	if j := k - 1; j >= first && !isQuoteMark(v.d.Tokens[j].Text) && v.d.Tokens[j].Text != "," && !betweenSubjectAndCue[v.lower(j)] {
		return speech{}, false // a subject that names no source
	}
	// Inverted: "..., said one of the officials" (not "..., says it holds
	// five", where the source opens a clause of its own).
	if src, end, ok := v.sourceOf(k+1, last); ok && !(end < last && v.isVerb(end)) {
		return speech{kind: src.kind, source: src.entity, srcFirst: k + 1, srcLast: end, cue: k, verb: verb, first: first, last: max(first, k-1)}, k-1 > first
	}
	return speech{}, false
}

// cueAdjunctEnd returns the token after the words at k that tell how or
// when a source spoke ("in a statement", "on Tuesday", "in a video posted
// online", "by telephone from Johannesburg"), k itself when there are
// none.
func (v *view) cueAdjunctEnd(k, last int) int {
	toks := v.d.Tokens
	for k < last {
		switch {
		case v.lower(k) == "in" && k+1 < last:
			j := k + 1
			for j < last && j <= k+3 && (toks[j].POS == "DT" || strings.HasPrefix(toks[j].POS, "JJ") || toks[j].POS == "PRP$") {
				j++
			}
			if j >= last || !documentHeads[strings.ToLower(toks[j].Lemma)] {
				return k
			}
			k = j + 1
		case (v.lower(k) == "by" || v.lower(k) == "over") && k+1 < last && channels[v.lower(k+1)]:
			// "said by telephone"
			k += 2
		case v.lower(k) == "over" && k+2 < last && v.lower(k+1) == "the" && channels[v.lower(k+2)]:
			k += 3
		case v.lower(k) == "from" && k+1 < last && v.tokEnt[k+1] >= 0 && v.placeOrPeople(v.tokEnt[k+1]):
			// "said by telephone from Johannesburg"
			e := v.tokEnt[k+1]
			for k++; k < last && v.tokEnt[k] == e; k++ {
			}
		case v.lower(k) == "on" || v.lower(k) == "late" || v.lower(k) == "early" || v.isDateToken(k):
			j := k
			for j < last && (v.lower(j) == "on" || v.lower(j) == "late" || v.lower(j) == "early" || v.isDateToken(j)) {
				j++
			}
			if j == k+1 && !v.isDateToken(k) {
				return k
			}
			k = j
		default:
			return k
		}
	}
	return k
}

// channels are what a source speaks by ("said by telephone", "told
// reporters over the phone").
var channels = map[string]bool{"telephone": true, "phone": true, "email": true, "e-mail": true, "radio": true}

// objectCues are cue verbs that take an object ("suspect the group",
// "blame the army"): without one they are passives.
var objectCues = map[string]bool{"suspect": true, "blame": true, "accuse": true}

// predicativeCues say what their object is without a clause: "identified
// the man as Ali Maiga, a member of the group", "described him as its
// treasurer": the words after the cue are the claim.
var predicativeCues = map[string]bool{"identify": true, "describe": true, "name": true}

// namesSomeone reports whether tokens [a, b) name a person, or a name
// nothing was recognised in ("who gave her name as Fatou").
func (v *view) namesSomeone(a, b int) bool {
	for j := a; j < b; j++ {
		e := v.tokEnt[j]
		if e >= 0 && v.ents[e].Type == dossier.Person || e < 0 && v.d.Tokens[j].POS == "NNP" {
			return true
		}
	}
	return false
}

// clauseLinks after a comma begin a clause of their own: "The
// authorities are silent, but a government official said" (not "who asked
// not to be named because he ...").
var clauseLinks = map[string]bool{"but": true, "while": true, "whereas": true, "although": true, "though": true, "because": true}

// clauseStart finds where the clause whose subject ends at token j starts:
// after the last comma, quote mark, semicolon, "that" or "but" before it. With
// appositive set, the subject is followed by an apposition set off by
// commas ("Dr Arvind Menon, a senior fellow at the CFS, said"), and the
// comma that opens it is passed over.
func (v *view) clauseStart(j, first int, appositive bool) int {
	k := j
	for k > first {
		w := v.d.Tokens[k-1].Text
		if w == ";" || isQuoteMark(w) || strings.EqualFold(w, "that") || w == ":" || isDash(w) || !appositive && relativePronouns[strings.ToLower(w)] || clauseLinks[strings.ToLower(w)] && k >= 2 && v.d.Tokens[k-2].Text == "," {
			break
		}
		if w == "," {
			next := strings.ToLower(v.d.Tokens[k].Text)
			// "Ernesto Villareal, commander of the 6th Division, said": a
			// title of something, not a title before a name.
			title, _ := v.titleSpan(k, j+1)
			ofSomething := title > 0 && k+title <= j && v.tokEnt[k] < 0 && (v.lower(k+title) == "of" || v.lower(k+title) == "for" || v.lower(k+title) == "at")
			if appositive && (next == "a" || next == "an" || next == "the" || next == "his" || next == "her" || next == "their" || next == "its" || next == "who" || next == "which" || next == "whose" || v.d.Tokens[k].POS == "VBG" || v.d.Tokens[k].POS == "VBN" || ofSomething || v.possessiveOrgAt(k, j)) {
				// "Juan Perez, 41, a researcher at ..., said": an age
				// before the apposition.
				if k >= first+3 && v.d.Tokens[k-2].POS == "CD" && v.d.Tokens[k-3].Text == "," {
					k -= 3
				}
				appositive = false
				k--
				continue
			}
			break
		}
		k--
	}
	return k
}

// subjectBefore finds the source written before a cue verb at token k of
// a sentence starting at first: over auxiliaries ("has always denied") and
// an apposition set off by commas ("Moussa Coulibaly, speaking to reporters
// in Bamako, said"). It returns the source and its first and end tokens.
func (v *view) subjectBefore(k, first int) (source, int, int, bool) {
	j := k - 1
	for j >= first && betweenSubjectAndCue[v.lower(j)] {
		j--
	}
	// "The claim was signed by Abou Hafs, who said": the name the
	// relative pronoun stands for.
	if j-2 >= first && (v.lower(j) == "who" || v.lower(j) == "which") && v.d.Tokens[j-1].Text == "," {
		if e := v.tokEnt[j-2]; e >= 0 && (v.ents[e].Type == dossier.Person || v.ents[e].Type == dossier.Org) && !v.outlets[e] {
			start := j - 2
			for start > first && v.tokEnt[start-1] == e {
				start--
			}
			return source{kind: kindOfEntity(v.ents[e].Type), entity: e}, start, j - 1, true
		}
	}
	// "X, the head of the JeS, on Saturday denied": a date before the verb.
	if j > first && v.isDateToken(j) {
		d := j
		for d > first && v.isDateToken(d-1) {
			d--
		}
		if w := v.lower(d - 1); w == "on" || w == "last" || w == "this" || w == "late" || w == "early" {
			j = d - 2
			for j >= first && betweenSubjectAndCue[v.lower(j)] {
				j--
			}
		}
	}
	// "Residents reached by telephone said", "officials contacted by SPA
	// said", "sources quoted by local media said": a participle phrase
	// between the source and its verb.
	part := -1
	for p := j; p > first && p >= j-6; p-- {
		t := v.d.Tokens[p]
		if t.Text == "," || isQuoteMark(t.Text) || v.isVerb(p) && t.POS != "VBN" {
			break
		}
		if t.POS == "VBN" && p < j && v.lower(p+1) == "by" {
			part = p
			break
		}
	}
	if part > first {
		j = part - 1
	}
	// "The interior ministry, in a statement read on state television,
	// said": how the source spoke, set off between it and its verb.
	aside := -1
	if j > first && v.d.Tokens[j].Text == "," {
		for c := j - 2; c > first && c >= j-14; c-- {
			if v.d.Tokens[c].Text == "," {
				if v.lower(c+1) == "in" && v.speechActBetween(c+1, j) {
					aside, j = c, c-1
				}
				break
			}
		}
	}
	appositive := false
	if aside < 0 && j > first && v.d.Tokens[j].Text == "," && !isQuoteMark(v.d.Tokens[j-1].Text) {
		j--
		appositive = true
	}
	if j < first || isQuoteMark(v.d.Tokens[j].Text) || v.d.Tokens[j].Text == "," {
		return source{}, 0, 0, false
	}
	// "the Central Counter-Terrorism Agency (CCTA) said", "Police in
	// Karachi said": an acronym in brackets or the place of the source
	// after its head.
	tailEnd := j + 1
	j = v.skipSourceTail(j, first)
	start := v.clauseStart(j, first, appositive)
	src, end, ok := v.sourceOf(start, j+1)
	if ok && end == j+1 {
		end = tailEnd
	}
	// "a man who identified himself as Abu Hudhayfa, spokesman of HAS,
	// said": the relative clause belongs to the subject. So does "a
	// security source who asked not to be named told".
	if !ok && start-2 >= first && relativePronouns[v.lower(start-1)] {
		if s2 := v.clauseStart(start-2, first, false); s2 < start-1 {
			if src2, end2, ok2 := v.sourceOf(s2, j+1); ok2 && src2.kind == dossier.Named {
				src, end, ok, start = src2, end2, true, s2
			} else if src2, end2, ok2 := v.sourceOf(s2, start-1); ok2 && end2 == start-1 && !v.namesSomeone(start, j+1) {
				src, end, ok, start = src2, j+1, true, s2
			}
		}
	}
	// "the organisation and local officials said": the first of two
	// coordinated sources stands for both.
	if ok && end < k && v.lower(end) == "and" {
		if _, end2, ok2 := v.sourceOf(end+1, j+1); ok2 && (v.onlyAuxiliaries(end2, k) || end2 == j+1) {
			end = k
			for end > start && betweenSubjectAndCue[v.lower(end-1)] {
				end--
			}
		}
	}
	// Between the source and the verb only auxiliaries, or the apposition.
	if !ok || !(v.onlyAuxiliaries(end, k) || appositive && end < k && v.d.Tokens[end].Text == "," || part > first && end == part || end == aside) {
		return source{}, 0, 0, false
	}
	return src, start, end, true
}

// skipSourceTail returns the token before what may follow a source's head
// and end at token j: a bracketed acronym ("Agency (CCTA)") or the place it
// is in ("Police in Karachi", "officials in Kabul"); j itself otherwise.
func (v *view) skipSourceTail(j, first int) int {
	toks := v.d.Tokens
	// "the UN mission in Mali (MINUSMA)": the acronym, then the place.
	if j-3 >= first && toks[j].Text == ")" && toks[j-2].Text == "(" && isAcronym(toks[j-1].Text) {
		j -= 3
	}
	if e := v.tokEnt[j]; e >= 0 && v.ents[e].Type == dossier.GPE {
		i := j
		for i >= first && v.tokEnt[i] == e {
			i--
		}
		if i-1 >= first && (v.lower(i) == "in" || v.lower(i) == "from") && v.tokEnt[i-1] < 0 && strings.HasPrefix(toks[i-1].POS, "NN") {
			return i - 1
		}
	}
	// "A source in the Nigerien police", "an official at the interior
	// ministry", "an officer with the gendarmerie": the body the unnamed
	// source is in.
	for i := j; i > first+1 && i >= j-6; i-- {
		t := toks[i]
		if i < j && (t.Text == "," || v.isVerb(i)) {
			break
		}
		switch v.lower(i) {
		case "in", "at", "with", "within", "inside":
			if kind, ok := speakerHeads[strings.ToLower(toks[i-1].Lemma)]; ok && kind == dossier.Anonymous && i < j {
				return i - 1
			}
		}
	}
	// "Sources close to the investigation", "officials familiar with the
	// matter": what the unnamed source is near.
	for i := j; i > first && i >= j-7; i-- {
		w := v.lower(i)
		if (w == "close" || w == "familiar" || w == "briefed") && i+1 <= j && (v.lower(i+1) == "to" || v.lower(i+1) == "with" || v.lower(i+1) == "on") {
			if _, ok := speakerHeads[strings.ToLower(toks[i-1].Lemma)]; ok {
				return i - 1
			}
		}
	}
	return j
}

// possessiveOrgAt reports whether an organisation's or a country's name
// in the possessive starts at token k, before limit: "AVI's country
// director" in apposition.
func (v *view) possessiveOrgAt(k, limit int) bool {
	e := v.tokEnt[k]
	if e < 0 || v.ents[e].Type != dossier.Org && v.ents[e].Type != dossier.GPE {
		return false
	}
	for k < limit && v.tokEnt[k] == e {
		k++
	}
	return k < limit && (v.lower(k) == "'s" || v.lower(k) == "’s")
}

// relativePronouns open a relative clause, whose subject follows them
// ("the KFB, which investigators say is backed by ...").
var relativePronouns = map[string]bool{"which": true, "who": true, "whom": true}

// complementStart returns the first token of what a cue verb at k says:
// after a recipient ("told FNA"), "that", a colon or a date ("said on
// Friday that").
func (v *view) complementStart(k, last int) int {
	j := k + 1
	if v.d.Tokens[k].Lemma == "tell" {
		if _, end, ok := v.sourceOf(j, last); ok {
			j = end
		} else if e := v.tokEnt[j]; e >= 0 {
			for j < last && v.tokEnt[j] == e {
				j++
			}
		}
		// "told a gathering of several thousand people in Rawalakot on
		// Sunday that ...": what was said starts after "that".
		for t := j; t < last && t <= j+15 && !v.isVerb(t) && !isQuoteMark(v.d.Tokens[t].Text); t++ {
			if v.lower(t) == "that" {
				j = t
				break
			}
		}
	}
	for j < last {
		w := v.lower(j)
		if w == "that" || w == ":" || w == "," || w == "on" || w == "in" || w == "last" || w == "this" || v.isDateToken(j) {
			j++
			continue
		}
		break
	}
	return j
}

// isDateToken reports whether token k is part of a date expression.
func (v *view) isDateToken(k int) bool {
	t := v.d.Tokens[k]
	for _, dv := range v.d.Dates {
		if t.Start >= dv.Start && t.End <= dv.End {
			return true
		}
	}
	return false
}

// hasVerb reports whether tokens [a, b) hold a verb.
func (v *view) hasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if v.isVerb(k) {
			return true
		}
	}
	return false
}

// isQuoteMark reports whether s is a double quotation mark.
func isQuoteMark(s string) bool {
	return s == `"` || s == "“" || s == "”" || s == "«" || s == "»"
}

// closingMark reports whether s only closes a quote: ” and the » of French
// and West African copy.
func closingMark(s string) bool { return s == "”" || s == "»" }

// datelineEnd returns the token after the dash that ends a dateline
// opening the sentence [first, last) — a place first, a dash within 20
// tokens — or first when there is none.
func (v *view) datelineEnd(first, last int) int {
	if e := v.tokEnt[first]; e < 0 || v.ents[e].Type != dossier.GPE && v.ents[e].Type != dossier.Loc {
		return first
	}
	for k := first + 1; k < last && k < first+20; k++ {
		if isDash(v.d.Tokens[k].Text) && k+1 < last {
			return k + 1
		}
	}
	return first
}

// isDash reports whether s is a dash, as after a dateline ("ISLAMABAD
// (Capital Wire) - ...").
func isDash(s string) bool { return s == "-" || s == "—" || s == "–" || s == "--" }
