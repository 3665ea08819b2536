// Package extract turns an annotated document (nlp.Doc) into the items of
// the dossier.extract/v1 contract: entities with all their mentions, and,
// as the rule engine grows, relations, events, quotes and attributions.
package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/text"
)

// entityGroup is one entity being assembled from mentions.
type entityGroup struct {
	typ      dossier.EntityType
	name     string
	names    map[string]bool
	mentions []dossier.Mention
	titles   []string
	first    int
}

// mention is an nlp mention on its way into an entity.
type mention struct {
	nlp.Mention
	// acronymOf is the mention whose bracketed acronym this is.
	acronymOf *nlp.Mention
}

// Entities groups the mentions of d into entities. Within one document:
// honorifics and ranks before a person's name are stripped from the name
// and kept as titles; the same name (ignoring case and spacing) is one
// entity; a person's lone surname or given name joins the full name it
// belongs to; an acronym defined in brackets after a name
// ("Inter-Services Coordination Bureau (ISCB)") joins that name, and so does
// every later use of the acronym, whatever type the recogniser gave it.
func Entities(d *nlp.Doc) []dossier.Entity {
	var groups []*entityGroup
	byKey := map[string]*entityGroup{}
	byAcronym := map[string]*entityGroup{}
	key := func(t dossier.EntityType, name string) string { return string(t) + "\x00" + nameKey(name) }

	mentions := append(withAcronyms(d), compoundPlaces(d)...)
	defined := map[string]bool{}
	for _, m := range mentions {
		if m.acronymOf != nil {
			defined[m.Text] = true
		}
	}
	// Full names first, so that a surname seen before its full name still
	// finds it, and uses of an acronym after its definition, wherever they
	// are; otherwise in the order of the text.
	sort.SliceStable(mentions, func(a, b int) bool {
		ua := defined[mentions[a].Text] && mentions[a].acronymOf == nil
		ub := defined[mentions[b].Text] && mentions[b].acronymOf == nil
		if ua != ub {
			return ub
		}
		na, nb := mentions[a].Last-mentions[a].First, mentions[b].Last-mentions[b].First
		if na != nb {
			return na > nb
		}
		return mentions[a].Start < mentions[b].Start
	})
	for _, m := range mentions {
		span, titles := stripTitles(d, m.Mention)
		if span.Start >= span.End {
			continue // the mention was all title ("the Mufti")
		}
		name := d.Text[span.Start:span.End]
		g := byAcronym[name]
		if g == nil && m.acronymOf != nil {
			g = byKey[key(m.acronymOf.Type, m.acronymOf.Text)]
		}
		if g == nil {
			g = byKey[key(m.Type, name)]
		}
		if g == nil && m.Type == dossier.Person {
			g = personByPart(d, groups, name)
		}
		if g == nil {
			g = &entityGroup{typ: m.Type, name: name, names: map[string]bool{}, first: span.Start}
			groups = append(groups, g)
		}
		if m.acronymOf != nil {
			byAcronym[name] = g
		}
		byKey[key(g.typ, name)] = g
		g.names[name] = true
		g.first = min(g.first, span.Start)
		g.mentions = append(g.mentions, dossier.Mention{Start: span.Start, End: span.End, Text: name})
		g.titles = appendNew(g.titles, titles...)
	}
	groups = mergeSpellings(groups)
	groups = mergeShortNames(groups)
	// Entities are numbered in the order of their first mention.
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].first < groups[b].first })
	out := make([]dossier.Entity, 0, len(groups))
	for i, g := range groups {
		g.name = canonicalName(g)
		e := dossier.Entity{ID: fmt.Sprintf("e%d", i+1), Type: g.typ, Name: g.name, Mentions: g.mentions}
		sort.Slice(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		for n := range g.names {
			if n != g.name {
				e.Aliases = append(e.Aliases, n)
			}
		}
		sort.Strings(e.Aliases)
		if len(g.titles) > 0 {
			e.Attributes = map[string][]string{"titles": g.titles}
		}
		out = append(out, e)
	}
	return out
}

// compoundPlaces returns, as mentions, the places that open hyphenated
// modifiers ("a Geneva-based research group", "the Iran-backed militia"),
// whose halves sit inside one token: the place is named there even when
// the story names it nowhere else. The mention covers the place's part of
// the token only, so no token is taken for the place and the relation
// rules read the compound as before (extract/relations.go, compounds).
func compoundPlaces(d *nlp.Doc) []mention {
	if !mixedCase(d.Text) {
		return nil
	}
	types := map[string]dossier.EntityType{}
	for _, m := range d.Mentions {
		types[m.Text] = m.Type
	}
	var out []mention
	for k, t := range d.Tokens {
		i := strings.LastIndexByte(t.Text, '-')
		if i <= 0 {
			continue
		}
		if _, ok := compoundRelations[strings.ToLower(t.Text[i+1:])]; !ok {
			continue
		}
		prefix := t.Text[:i]
		if !startsUpper(prefix) {
			continue
		}
		typ, named := types[prefix]
		if !named {
			if _, ok := gazetteer.Country(prefix); !ok && !gazetteer.IsPlace(prefix) {
				continue
			}
			typ = dossier.GPE
		}
		if typ != dossier.GPE && typ != dossier.Loc {
			continue
		}
		out = append(out, mention{Mention: nlp.Mention{Span: dossier.Span{Start: t.Start, End: t.Start + len(prefix)}, First: k, Last: k + 1, Type: typ, Text: prefix}})
	}
	return out
}

// withAcronyms returns the mentions of d plus, for each mention followed by
// a bracketed acronym ("Lashkar-e-Qahhar (LeQ)"), the acronym as a mention
// linked to it. An acronym the recogniser already tagged is linked too.
func withAcronyms(d *nlp.Doc) []mention {
	out := make([]mention, 0, len(d.Mentions))
	tagged := map[int]int{} // first token -> index in out
	for _, m := range d.Mentions {
		tagged[m.First] = len(out)
		out = append(out, mention{Mention: m})
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		k := m.Last
		if k+2 >= len(d.Tokens) || d.Tokens[k].Text != "(" || d.Tokens[k+2].Text != ")" || !isAcronym(d.Tokens[k+1].Text) {
			continue
		}
		t := d.Tokens[k+1]
		if j, ok := tagged[k+1]; ok && out[j].Last == k+2 {
			out[j].acronymOf = m
			continue
		}
		out = append(out, mention{Mention: nlp.Mention{Span: dossier.Span{Start: t.Start, End: t.End}, First: k + 1, Last: k + 2, Type: m.Type, Text: t.Text}, acronymOf: m})
	}
	return out
}

// isAcronym reports whether s looks like an acronym: two to eight letters
// with at least two capitals and no spaces (ISCB, LeQ, JeM).
func isAcronym(s string) bool {
	upper, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLetter(r) || r == '-' || r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 8 && upper >= 2
}

// canonicalName picks the name an entity goes by: its first full name,
// unless that is written in capitals (a dateline's "SRINAGAR") and another
// form of the same length is not.
func canonicalName(g *entityGroup) string {
	if strings.ToUpper(g.name) != g.name {
		return g.name
	}
	best := g.name
	for n := range g.names {
		if strings.ToUpper(n) != n && len(n) >= len(best) && (best == g.name || n < best) {
			best = n
		}
	}
	return best
}

// nameKey folds case, spacing and curly apostrophes.
func nameKey(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// personByPart finds the person whose full name has part as its last (or
// first) word. When several people share it ("Abdul Rauf Qasmi" and his
// brother "Abdul Wahid Qasmi"), the bare name stands, as news copy writes
// it, for the one named first in the story — unless both were first named
// in the same sentence ("Imran Wani and Tariq Wani were detained"), when
// nobody can tell.
func personByPart(d *nlp.Doc, groups []*entityGroup, part string) *entityGroup {
	var found *entityGroup
	parts := strings.Fields(part)
	ambiguous := false
	for _, g := range groups {
		if g.typ != dossier.Person {
			continue
		}
		words := strings.Fields(g.name)
		if len(words) <= len(parts) {
			continue
		}
		// The last word, the first, or in a three-word name the middle one
		// (a Spanish first surname: "Rojas" of "Hernan Rojas Quintero");
		// a name of several words must end the full name ("Ould Mbarek"
		// of "Abdoulaye Ould Mbarek").
		var match bool
		if len(parts) > 1 {
			// or begin it: "Abu Hudhayfa" of "Abu Hudhayfa al-Ansari"
			match = endsWithWords(words, parts) || endsWithWords(reversed(words), reversed(parts))
		} else {
			match = strings.EqualFold(words[len(words)-1], part) || strings.EqualFold(withoutArticle(words[len(words)-1]), part) ||
				strings.EqualFold(words[0], part) || len(words) == 3 && strings.EqualFold(words[1], part) ||
				len(words) >= 4 && len(part) >= 4 && slices.ContainsFunc(words[1:len(words)-1], func(w string) bool { return strings.EqualFold(w, part) })
		}
		if match {
			switch {
			case found == nil:
				found = g
			case sentenceOf(d, g.first) == sentenceOf(d, found.first):
				ambiguous = true
			case g.first < found.first:
				found, ambiguous = g, false
			}
		}
	}
	if ambiguous {
		return nil
	}
	return found
}

// withoutArticle returns a surname without the Arabic article or the
// Tuareg particle joined to it: "al-Tinié" -> "Tinié".
func withoutArticle(w string) string {
	for _, p := range []string{"al-", "Al-", "el-", "El-", "ag-", "Ag-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return rest
		}
	}
	return w
}

// reversed returns a reversed copy of words.
func reversed(words []string) []string {
	out := slices.Clone(words)
	slices.Reverse(out)
	return out
}

// endsWithWords reports whether words ends with tail, ignoring case.
func endsWithWords(words, tail []string) bool {
	off := len(words) - len(tail)
	for i, w := range tail {
		if !strings.EqualFold(words[off+i], w) {
			return false
		}
	}
	return true
}

// sentenceOf returns the index of the sentence holding byte offset off, or
// -1 when d has no sentences (as in tests that build a Doc by hand).
func sentenceOf(d *nlp.Doc, off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i == len(d.Sentences) {
		return -1
	}
	return i
}

// stripTitles removes honorifics and ranks at the head of a person mention
// and collects them, with those written just before the mention
// ("Inspector General Anjali Mehra" where only the name was tagged).
func stripTitles(d *nlp.Doc, m nlp.Mention) (dossier.Span, []string) {
	span := m.Span
	if m.Type != dossier.Person {
		return span, nil
	}
	if _, ok := gazetteer.Country(m.Text); ok {
		return span, nil // "Sri Lanka" taken for a person: no honorific in it
	}
	var titles []string
	first := m.First
	for first < m.Last {
		n, title := titleAt(d, first, m.Last)
		if n == 0 {
			// An office in front of a name of two words or more: "US
			// Attorney" Katherine Doyle-Marsh ("Judge" alone may be a
			// surname).
			if r, t := roleAt(d, first, m.Last); r > 0 && m.Last-first-r >= 2 {
				n, title = r, t
			}
		}
		if n == 0 {
			break
		}
		titles = append(titles, title)
		first += n
	}
	if first >= m.Last {
		return dossier.Span{Start: span.End, End: span.End}, titles
	}
	span.Start = d.Tokens[first].Start
	// Titles written before the mention.
	var before []string
	for k := m.First - 1; k >= 0 && k >= m.First-4; k-- {
		n, title := titleEndingAt(d, k)
		if n == 0 {
			break
		}
		before = append([]string{title}, before...)
		k -= n - 1
	}
	return span, append(before, titles...)
}

// titleAt returns the number of tokens and the text of an honorific or rank
// starting at token i (before limit), or 0.
func titleAt(d *nlp.Doc, i, limit int) (int, string) {
	for n := min(gazetteer.MaxTitleWords(), limit-i); n >= 1; n-- {
		if d.Tokens[i+n-1].Kind == text.Punct && d.Tokens[i+n-1].Text != "." {
			continue // "Senior Superintendent of Police (" is the title without its bracket
		}
		s := d.Text[d.Tokens[i].Start:d.Tokens[i+n-1].End]
		if t, ok := gazetteer.Title(s); ok && t.Class != "role" {
			return n, s
		}
	}
	return 0, ""
}

// roleAt returns the number of tokens and the text of a role title
// ("Attorney", "Foreign Minister") starting at token i (before limit), or 0.
func roleAt(d *nlp.Doc, i, limit int) (int, string) {
	for n := min(gazetteer.MaxTitleWords(), limit-i); n >= 1; n-- {
		if d.Tokens[i+n-1].Kind == text.Punct {
			continue
		}
		s := d.Text[d.Tokens[i].Start:d.Tokens[i+n-1].End]
		if t, ok := gazetteer.Title(s); ok && t.Class == gazetteer.TitleRole {
			return n, s
		}
	}
	return 0, ""
}

// titleEndingAt returns the number of tokens and the text of a title
// (honorific, rank or role) ending at token k, or 0.
func titleEndingAt(d *nlp.Doc, k int) (int, string) {
	for n := min(gazetteer.MaxTitleWords(), k+1); n >= 1; n-- {
		s := d.Text[d.Tokens[k-n+1].Start:d.Tokens[k].End]
		if !startsUpper(s) {
			continue
		}
		if _, ok := gazetteer.Title(s); ok {
			return n, s
		}
	}
	return 0, ""
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// appendNew appends the values not already in list.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		seen := false
		for _, x := range list {
			if strings.EqualFold(x, v) {
				seen = true
				break
			}
		}
		if !seen {
			list = append(list, v)
		}
	}
	return list
}

// mergeSpellings joins the groups of one document whose names are the same
// name spelt two ways ("Rawalakot" / "Rawalkot", "Parray" / "Parrey"): the
// same type (places count as one), the same first letter, an edit distance
// of one (two for names of nine letters or more), and not two names the
// gazetteer knows as different places ("Iran" / "Iraq").
func mergeSpellings(groups []*entityGroup) []*entityGroup {
	out := groups[:0]
	for _, g := range groups {
		var into *entityGroup
		for _, h := range out {
			if sameSpelling(g, h) {
				into = h
				break
			}
		}
		if into == nil {
			out = append(out, g)
			continue
		}
		into.absorb(g)
		// The better-attested spelling names the entity.
		if len(g.mentions) > len(into.mentions)-len(g.mentions) {
			into.name = g.name
		}
	}
	return out
}

// mergeShortNames folds an organisation called by the head word of its
// name alone ("the Alliance" for the Sahel Water Alliance, "the Front"),
// or by the own word that opens it ("Korvane" for Korvane Engineering
// Services), into the one organisation of the document whose name ends
// or opens with it; the full name stays the entity's name.
func mergeShortNames(groups []*entityGroup) []*entityGroup {
	out := groups[:0]
	for _, g := range groups {
		var into *entityGroup
		single := len(strings.Fields(g.name)) == 1 && !isAcronym(g.name)
		// "Korvane" for Korvane Engineering Services: the own name that
		// opens it, whatever the recogniser took it for, unless it is a
		// place or a person's surname too.
		own := single && (g.typ == dossier.Org || g.typ == dossier.Person || g.typ == dossier.Misc) && !townNamed(g.name) && !surnameOf(groups, g)
		if single && g.typ == dossier.Org || own {
			for _, h := range groups {
				ws := strings.Fields(h.name)
				if h == g || h.typ != dossier.Org || len(ws) < 2 {
					continue
				}
				last := g.typ == dossier.Org && strings.EqualFold(ws[len(ws)-1], g.name)
				first := own && strings.EqualFold(ws[0], g.name) && !isAcronym(ws[0])
				if !last && !first {
					continue
				}
				if into != nil {
					into = nil // two to choose from: leave it
					break
				}
				into = h
			}
		}
		if into == nil {
			out = append(out, g)
			continue
		}
		into.absorb(g)
	}
	return out
}

// surnameOf reports whether the one-word name of g ends the name of a
// person of groups ("Diallo" of "Moussa Diallo").
func surnameOf(groups []*entityGroup, g *entityGroup) bool {
	for _, h := range groups {
		ws := strings.Fields(h.name)
		if h != g && h.typ == dossier.Person && len(ws) > 1 && strings.EqualFold(ws[len(ws)-1], g.name) {
			return true
		}
	}
	return false
}

// absorb adds the names, mentions and titles of g to e.
func (e *entityGroup) absorb(g *entityGroup) {
	for n := range g.names {
		e.names[n] = true
	}
	e.mentions = append(e.mentions, g.mentions...)
	e.titles = appendNew(e.titles, g.titles...)
	e.first = min(e.first, g.first)
}

func sameSpelling(a, b *entityGroup) bool {
	place := func(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc }
	if a.typ != b.typ && !(place(a.typ) && place(b.typ)) {
		return false
	}
	x, y := strings.ToLower(a.name), strings.ToLower(b.name)
	// A person's surname alone, spelt another way: "Qasimi" and "Abdul
	// Rauf Qasmi".
	if a.typ == dossier.Person {
		xs, ys := strings.Fields(x), strings.Fields(y)
		if len(xs) == 1 && len(ys) > 1 {
			y = ys[len(ys)-1]
		} else if len(ys) == 1 && len(xs) > 1 {
			x = xs[len(xs)-1]
		}
	}
	if x == y || len(x) < 5 || len(y) < 5 || x[0] != y[0] {
		return false
	}
	limit := 1
	if len(x) >= 9 && len(y) >= 9 {
		limit = 2
	}
	if _, ok := gazetteer.Levenshtein(x, y, limit); !ok {
		return false
	}
	if place(a.typ) && gazetteer.IsPlace(a.name) && gazetteer.IsPlace(b.name) {
		return false
	}
	return true
}
