package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/rules"
)

// Claims fills in what ex says beyond its entities: the direct quotes and
// their speakers, the relations, and for every relation and event who
// asserts it (its attribution) and how (its modality). ex.Entities must
// already hold the entities of d (see Entities); ex.Events, when set, get
// their attribution and modality here. doc gives the outlet or agency that
// asserts whatever nobody in the text is said to. rs holds the relation
// rules (nil: the shipped ones, DefaultRules).
func Claims(d *nlp.Doc, doc *dossier.Document, ex *dossier.Extraction, rs *rules.RuleSet) {
	if rs == nil {
		rs = DefaultRules()
	}
	v := newView(d, ex.Entities)
	a := newAttributions(v, doc)
	// Relations first: the titles they give ("interior minister of Niger")
	// name the speaker of "the minister said".
	rels := v.relations(rs)
	v.rels = rels
	addTitles(ex.Entities, rels)
	v.titleMentions(ex.Entities)

	indirect := v.speeches()
	qs := v.quotes(indirect)
	var sps []speech
	for _, q := range qs {
		if q.speech.kind != "" {
			sps = append(sps, q.speech)
		}
	}
	sps = append(sps, indirect...)

	ex.Quotes = ex.Quotes[:0]
	for _, q := range qs {
		ex.Quotes = append(ex.Quotes, v.quoteOut(q))
		if q.speech.kind != "" {
			a.of(&q.speech)
		}
	}
	for _, r := range rels {
		sp := reportAt(sps, r.anchor)
		if sp == nil {
			// "The charity named the four as A, B and C": a relation read
			// from a cue's own words is that source's.
			sp = cueOf(sps, r.anchor)
		}
		self := false
		if sp == nil {
			// "a man who identified himself as the group's spokesman, Abu
			// Ayman, said": the source's own word about itself.
			sp = v.selfDescribed(sps, r)
			self = sp != nil
		}
		if sp != nil && !self && describesSource(v, sp, r) {
			// '"...," her brother, Julien Vautrin, told WAW': the reporter
			// says who the speaker is.
			sp = nil
		}
		if lead := v.leadOf(r.anchor); lead >= 0 && sp == nil {
			sp = v.leadReport(sps, lead)
		}
		r.rel.Attribution = a.of(sp)
		r.rel.Modality = v.modality(r.anchor, sp)
		ex.Relations = append(ex.Relations, r.rel)
	}
	for i := range ex.Events {
		e := &ex.Events[i]
		anchor := v.tokenAt(e.Trigger.Start)
		if anchor >= len(d.Tokens) {
			continue
		}
		sp := reportAt(sps, anchor)
		if lead := v.leadOf(anchor); lead >= 0 && sp == nil {
			// A headline sums up the lead: "Motorcycle bomb kills four"
			// is what the lead says police said.
			sp = v.leadReport(sps, lead)
		}
		if e.Type == "statement" {
			// A statement is the act of the one who makes it; whoever
			// speaks in its own sentence ("His lawyer said ... and denied
			// that") is that speaker, not a source for it.
			sp = innermostOutside(sps, anchor, v.tokSent[anchor], v.tokSent)
		}
		e.Attribution = a.of(sp)
		if e.Modality == "" || e.Modality == dossier.Asserted {
			e.Modality = v.modality(anchor, sp)
		}
	}
	ex.Attributions = a.list
	if ex.Attributions == nil {
		ex.Attributions = []dossier.Attribution{} // the schema's lists are never null
	}
}

// describesSource reports whether relation r is read from the words that
// describe the source of sp just before its name ("her brother, Julien
// Vautrin, told"): a relation of the source itself, anchored at most five
// tokens before it.
func describesSource(v *view, sp *speech, r relation) bool {
	if sp.source < 0 || r.subject != sp.source && r.object != sp.source {
		return false
	}
	if r.anchor < sp.srcFirst {
		return sp.srcFirst-r.anchor <= 5
	}
	// "according to the Humanitarian Access Monitor (HAM), a Geneva-based
	// research group": the words naming or set off after the name.
	if r.anchor < sp.srcLast {
		return true
	}
	// "The BNIA confirmed the arrest in a statement signed by its
	// spokesman, X": the words that say how the source spoke.
	if sp.cue >= 0 && r.anchor > sp.cue && r.anchor-sp.cue <= 14 && v.speechActBetween(sp.cue+1, r.anchor) {
		return true
	}
	j, toks := sp.srcLast, v.d.Tokens
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" {
		j += 3 // the name's acronym
	}
	if j >= len(toks) || toks[j].Text != "," || r.anchor <= j {
		return false
	}
	// "The charity, which has worked in Mali since 2012 and is based in
	// Montreal, said": the apposition between the source and its verb.
	if sp.cue > j {
		return r.anchor < sp.cue
	}
	return r.anchor-j <= 6
}

// speechActBetween reports whether tokens [a, b) tell how a source spoke
// rather than what it said: "in a statement", "in a video posted on",
// "signed by", "issued by".
func (v *view) speechActBetween(a, b int) bool {
	toks := v.d.Tokens
	for j := a; j < b; j++ {
		w := v.lower(j)
		if (w == "signed" || w == "issued") && j+1 < b && v.lower(j+1) == "by" {
			return true
		}
		if w == "in" && j+1 < b {
			k := j + 1
			for k < b && k <= j+3 && !documentHeads[strings.ToLower(toks[k].Lemma)] && (toks[k].POS == "DT" || strings.HasPrefix(toks[k].POS, "JJ") || toks[k].POS == "PRP$") {
				k++
			}
			if k < b && documentHeads[strings.ToLower(toks[k].Lemma)] && (k+1 >= b || toks[k+1].Text != "that") {
				return true
			}
		}
	}
	return false
}

// reportAt returns the speech act that reports token k: the one with the
// narrowest scope covering it or, when that speech is itself reported by
// another ("ONRAT believes ..., one of the officials said"), the outermost
// report, the source the outlet relies on. It returns nil when the claim is
// the outlet's own.
func reportAt(sps []speech, k int) *speech {
	var best *speech
	for i := range sps {
		s := &sps[i]
		if s.covers(k) && (best == nil || s.last-s.first < best.last-best.first) {
			best = s
		}
	}
	if best != nil {
		// Nested reports ("ONRAT believes ..., one of the officials
		// said"): the source the outlet relies on is the outermost, the
		// one whose cue no other speech covers.
		seen := map[*speech]bool{best: true}
		for range sps {
			var outer *speech
			for i := range sps {
				s := &sps[i]
				// s reports best: it covers best's cue, and best does not
				// cover s's, unless s is a report that trails what it
				// covers ("A believes ..., B said").
				reports := best.cue >= 0 && s.covers(best.cue) && (s.cue < 0 || !best.covers(s.cue) || s.last <= s.srcFirst)
				if !seen[s] && reports && s.covers(k) && (outer == nil || s.last-s.first < outer.last-outer.first) {
					outer = s
				}
			}
			if outer == nil {
				break
			}
			best = outer
			seen[best] = true
		}
	}
	return best
}

// leadOf returns, for a token of the headline (the first paragraph, a
// single sentence, when the text goes on), the first token of the lead
// sentence after its dateline; otherwise -1.
func (v *view) leadOf(k int) int {
	if v.tokPara[k] != 0 || len(v.d.Sentences) < 2 || v.tokSent[k] != 0 {
		return -1
	}
	// A headline ends with no full stop; a first paragraph that does is
	// the lead itself (a record whose title is given apart).
	if h := v.d.Sentences[0]; h.Last > h.First && v.d.Tokens[h.Last-1].Text == "." {
		return -1
	}
	lead := v.d.Sentences[1]
	if v.tokPara[lead.First] == 0 {
		return -1
	}
	return v.datelineEnd(lead.First, lead.Last)
}

// cueOf returns the speech act whose cue is token k, or nil.
func cueOf(sps []speech, k int) *speech {
	for i := range sps {
		if sps[i].cue == k {
			return &sps[i]
		}
	}
	return nil
}

// selfDescribed returns, for relation r of a person who describes
// themself ("a man who introduced himself as the group's spokesman, Abu
// Khattab"), that person's own speech: theirs where they speak in the
// sentence, else the self-description itself; nil for other relations.
func (v *view) selfDescribed(sps []speech, r relation) *speech {
	p := r.subject
	if p < 0 || v.ents[p].Type != dossier.Person {
		return nil
	}
	first, _ := v.sentence(r.anchor)
	self := -1
	for j := r.anchor; j >= first && j >= r.anchor-12; j-- {
		if w := v.lower(j); (w == "himself" || w == "herself") && j+1 < len(v.d.Tokens) && v.lower(j+1) == "as" && j > first && v.isVerb(j-1) {
			self = j - 1
			break
		}
	}
	if self < 0 {
		return nil
	}
	for i := range sps {
		if sps[i].source == p && sps[i].cue >= 0 && v.tokSent[sps[i].cue] == v.tokSent[self] {
			return &sps[i]
		}
	}
	name := v.lastMentionBefore(min(r.anchor+12, len(v.d.Tokens)), p)
	return &speech{kind: dossier.Named, source: p, srcFirst: name, srcLast: v.mentionEnd(name, len(v.d.Tokens)), cue: self, first: self, last: self + 1}
}

// leadReport returns the source the lead sentence starting at token lead
// rests on: the report covering its first verb ("Gunmen abducted ...,
// security sources said"), or the one that verb makes ("Police said
// gunmen ..."); nil when the lead is the outlet's own.
func (v *view) leadReport(sps []speech, lead int) *speech {
	_, last := v.sentence(lead)
	for k := lead; k < last; k++ {
		if !v.isVerb(k) {
			continue
		}
		if sp := reportAt(sps, k); sp != nil {
			return sp
		}
		return cueOf(sps, k)
	}
	return reportAt(sps, lead)
}

// innermostOutside is innermost among the speech acts whose cue is not
// in sentence sent (tokSent gives each token's sentence).
func innermostOutside(sps []speech, k, sent int, tokSent []int) *speech {
	var best *speech
	for i := range sps {
		s := &sps[i]
		if s.cue >= 0 && tokSent[s.cue] == sent || s.srcFirst >= 0 && s.srcFirst < len(tokSent) && tokSent[s.srcFirst] == sent {
			continue
		}
		if s.covers(k) && (best == nil || s.last-s.first < best.last-best.first) {
			best = s
		}
	}
	return best
}

// quoteOut turns a quote into the contract's form.
func (v *view) quoteOut(q quoteSpan) dossier.Quote {
	text, start, end := v.quoteText(q)
	out := dossier.Quote{Text: text, Start: start, End: end, Rule: "quote"}
	if q.speech.kind == "" {
		return out
	}
	// People and organisations speak; a country speaks through a body the
	// text does not name ("Canada's foreign ministry said"), which the
	// quote's attribution keeps.
	if e := q.speech.source; e >= 0 && (v.ents[e].Type == dossier.Person || v.ents[e].Type == dossier.Org) {
		out.Speaker = v.ents[e].ID
	}
	if q.cue >= 0 {
		out.Cue = v.d.Tokens[q.cue].Text
		a, b := v.sentence(q.cue)
		out.Date = v.dateNear(a, b, q.cue)
	}
	if q.recipient >= 0 {
		out.Recipient = v.ents[q.recipient].ID
	}
	return out
}

// attributions collects the distinct attributions of a document.
type attributions struct {
	v      *view
	doc    *dossier.Document
	list   []dossier.Attribution
	byKey  map[string]string
	outlet string
}

func newAttributions(v *view, doc *dossier.Document) *attributions {
	return &attributions{v: v, doc: doc, byKey: map[string]string{}}
}

// of returns the id of the attribution for a speech act (nil: the outlet),
// adding it to the list the first time.
func (a *attributions) of(sp *speech) string {
	var at dossier.Attribution
	if sp == nil {
		at = a.outletAttribution()
	} else {
		at.Kind = sp.kind
		if sp.source >= 0 {
			at.Source = a.v.ents[sp.source].ID
		}
		text, span := sp.attributionText(a.v)
		at.Text, at.Start, at.End = text, span.Start, span.End
	}
	key := fmt.Sprintf("%s\x00%s\x00%s", at.Kind, at.Source, strings.ToLower(at.Text))
	if id, ok := a.byKey[key]; ok {
		return id
	}
	at.ID = fmt.Sprintf("a%d", len(a.list)+1)
	a.list = append(a.list, at)
	a.byKey[key] = at.ID
	return at.ID
}

// outletAttribution is the attribution to the publisher: the agency named
// in the dateline, or the outlet.
func (a *attributions) outletAttribution() dossier.Attribution {
	at := dossier.Attribution{Kind: dossier.Outlet}
	if a.doc != nil {
		at.Text = a.doc.Agency
		if at.Text == "" {
			at.Text = a.doc.Outlet
		}
	}
	if at.Text == "" {
		at.Text = "the publisher"
	}
	for _, e := range a.v.ents {
		if strings.EqualFold(e.Name, at.Text) || containsFold(e.Aliases, at.Text) {
			at.Source = e.ID
			break
		}
	}
	return at
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// modality says how the claim anchored at token k is put: negated by a
// denial or a negation just before it, hedged by a hedge in its clause or
// a source that only believes it, reported when someone in the text says
// it, asserted when the outlet does.
func (v *view) modality(k int, sp *speech) dossier.Modality {
	first, last := v.sentence(k)
	if sp != nil && sp.verb.negates {
		return dossier.Negated
	}
	for j := max(first, k-4); j < k; j++ {
		if negWords[v.lower(j)] {
			return dossier.Negated
		}
	}
	if sp != nil && sp.verb.hedges {
		return dossier.Hedged
	}
	if v.hedgedAround(k, max(first, k-8), min(last, k+4)) {
		return dossier.Hedged
	}
	if sp != nil && sp.kind != dossier.Outlet {
		return dossier.Reported
	}
	return dossier.Asserted
}

// hedgedAround reports whether a hedge starts in tokens [a, b).
func (v *view) hedgedAround(k, a, b int) bool {
	for j := a; j < b; j++ {
		for _, h := range hedgeWords {
			if j+len(h) > len(v.d.Tokens) {
				continue
			}
			match := true
			for i, w := range h {
				if v.lower(j+i) != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// relation is a relation found in the text with the token that anchors it
// (its predicate), from which its attribution and modality are read.
type relation struct {
	rel    dossier.Relation
	anchor int
	// subject and object are entity indexes; title is the title that
	// made the relation ("chief"), if any.
	subject, object int
	title           string
	// subjectRef and objectRef stand for a subject or object named only
	// by a title, until the holder is known; sentFirst is its sentence.
	subjectRef, objectRef *titleRef
	sentFirst             int
}

// titleMentions adds to each person the mentions that name them by a title
// they hold: "the ambassador" after "Israel's Ambassador to India Reuven
// Azar", "the cleric" after "Khalid Nadeem, a cleric". The person is the
// one last named before who holds that title.
func (v *view) titleMentions(ents []dossier.Entity) {
	for k := 0; k+1 < len(v.d.Tokens); k++ {
		if v.lower(k) != "the" || v.tokEnt[k+1] >= 0 {
			continue
		}
		n, class := v.titleSpan(k+1, len(v.d.Tokens))
		if n == 0 || class == gazetteer.TitleHonorific {
			continue
		}
		end := k + 1 + n
		if end < len(v.d.Tokens) && (v.lower(end) == "of" || v.lower(end) == "for" || v.tokEnt[end] >= 0 || strings.HasPrefix(v.d.Tokens[end].POS, "NN")) {
			continue // "the chief of the LeQ", "the chief minister"
		}
		title := strings.ToLower(v.textOf(k+1, end))
		holder := -1
		for j := k - 1; j >= 0 && j >= k-300 && holder < 0; j-- {
			e := v.tokEnt[j]
			if e < 0 || ents[e].Type != dossier.Person {
				continue
			}
			for _, t := range ents[e].Attributes["titles"] {
				if t = strings.ToLower(t); t == title || strings.HasPrefix(t, title+" ") {
					holder = e
					break
				}
			}
		}
		if holder < 0 {
			continue
		}
		span := v.span(k+1, end)
		ents[holder].Mentions = append(ents[holder].Mentions, dossier.Mention{Start: span.Start, End: span.End, Text: v.d.Text[span.Start:span.End]})
		sort.Slice(ents[holder].Mentions, func(a, b int) bool { return ents[holder].Mentions[a].Start < ents[holder].Mentions[b].Start })
		for i := k + 1; i < end; i++ {
			v.tokEnt[i] = holder
		}
	}
}
