// Package events reads events from an annotated document: attacks
// (bombings, shootings, arson, kidnappings, massacres, ambushes), meetings
// and rallies, visits, arrests, releases, deaths, statements and training,
// each with its trigger, date, place and roles.
//
// Triggers come from a lexicon of verbs and nouns. The roles of attacks
// (perpetrator, target, victim, weapon) come from a trained classifier over
// the document's noun phrases (Model, trained by `dossier train events`):
// it reads the words of a phrase and the words, verbs and triggers around
// it, but never their case, so it works on upper- and lower-case wires
// alike. A filler found away from any trigger is given to the nearest
// attack of the document; a document with no attack trigger has no attack
// roles. The roles of the other events come from rules over entities and
// the words around the trigger.
package events

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/dates"
)

// The roles of dossier's events.
const (
	Perpetrator = "perpetrator"
	Target      = "target"
	Victim      = "victim"
	Weapon      = "weapon"
	Attendee    = "attendee"
	Organiser   = "organiser"
	Traveller   = "traveller"
	Destination = "destination"
	Subject     = "subject"
	Speaker     = "speaker"
)

// ModelRule is the Rule of roles and events read by the trained model.
const ModelRule = "model:events"

// Extract returns the events of d with the shipped model; ents are the
// document's entities (extract.Entities), whose ids the roles and places
// use.
func Extract(d *nlp.Doc, ents []dossier.Entity) []dossier.EventRecord {
	return Default().Extract(d, ents)
}

// Extract returns the events of d, reading attack roles with m.
func (m *Model) Extract(d *nlp.Doc, ents []dossier.Entity) []dossier.EventRecord {
	return Assemble(d, ents, m.Fillers(d))
}

// event is an event being assembled.
type event struct {
	rec     dossier.EventRecord
	sent    int
	trigger int
	// dated counts the date and place its own sentence gives (0-2).
	dated int
	// mentions are the later mentions merged into it.
	mentions []*event
}

// Assemble builds the events of d from its triggers and the attack role
// fillers (as returned by Model.Fillers).
func Assemble(d *nlp.Doc, ents []dossier.Entity, fillers []Filler) []dossier.EventRecord {
	v := newDocView(d)
	mentions := mentionIndex(ents)
	var evs []*event
	seen := map[[2]int]bool{} // (sentence, type index) already has an event
	year := latestYear(d)
	for si, s := range d.Sentences {
		if s.Boilerplate {
			continue
		}
		for k := s.First; k < s.Last; k++ {
			typ := v.trig[k]
			if typ == "" {
				continue
			}
			key := [2]int{si, typeIndex(typ)}
			if seen[key] {
				continue
			}
			seen[key] = true
			t := d.Tokens[k]
			e := &event{sent: si, trigger: k, rec: dossier.EventRecord{
				Type:     typ,
				Trigger:  dossier.EvidenceOf(d.Text, t.Span()),
				Roles:    []dossier.Role{},
				Modality: modality(v, s.First, s.Last, k),
				Evidence: dossier.EvidenceOf(d.Text, s.Span()),
				Rule:     "trigger:" + v.lemma[k],
			}}
			e.rec.Date = dateOf(d, s.Start, s.End, typ)
			e.rec.Place = placeOf(v, mentions, s.First, s.Last, k)
			if e.rec.Date != nil {
				e.dated++
			}
			if e.rec.Place != "" {
				e.dated++
			}
			if typ != Attack {
				ruleRoles(v, mentions, e)
				if prev := sameEvent(evs, e, year); prev != nil {
					prev.merge(e)
					continue
				}
				evs = append(evs, e)
				continue
			}
			attackRoles(v, mentions, e)
			if prev := sameAttack(evs, e, year); prev != nil {
				prev.merge(e)
				continue
			}
			evs = append(evs, e)
		}
	}
	attachFillers(d, evs, mentions, fillers)
	out := make([]dossier.EventRecord, 0, len(evs))
	for _, e := range evs {
		e.tellFully(d)
		if e.rec.Type == Attack && len(e.rec.Roles) > 0 {
			e.rec.Rule = ModelRule + "+" + e.rec.Rule
		}
		e.rec.ID = fmt.Sprintf("v%d", len(out)+1)
		out = append(out, e.rec)
	}
	for _, rec := range deniedDeaths(d, mentions) {
		rec.ID = fmt.Sprintf("v%d", len(out)+1)
		out = append(out, rec)
	}
	return out
}

// sameAttack returns the attack of evs that attack e retells: the latest
// one, unless the two are given different dates. News reports come back to
// their attack again and again ("the attack", "the killing").
func sameAttack(evs []*event, e *event, year string) *event {
	for i := len(evs) - 1; i >= 0; i-- {
		p := evs[i]
		if p.rec.Type != Attack {
			continue
		}
		if !datesAgree(p.rec.Date, e.rec.Date, year) {
			return nil
		}
		return p
	}
	return nil
}

// datesAgree reports whether two mentions dated a and b (nil for none)
// may tell one event: not two different dates, nor one undated and one
// dated in a year before the story's ("In 2024, the group kidnapped two
// missionaries" is not this week's kidnapping).
func datesAgree(a, b *dossier.Date, year string) bool {
	switch {
	case a != nil && b != nil:
		return a.Value == b.Value || within(a.Value, b.Value) || within(b.Value, a.Value)
	case a != nil:
		return !before(a.Value, year)
	case b != nil:
		return !before(b.Value, year)
	}
	return true
}

// within reports whether ISO day (or month) fine lies in the coarser
// period coarse: "2026-10-06" in "2026-W41", "2026-10" or "2026".
func within(coarse, fine string) bool {
	if len(coarse) >= len(fine) {
		return false
	}
	if monday, ok := dates.WeekStart(coarse); ok {
		day, err := time.Parse(time.DateOnly, fine)
		return err == nil && !day.Before(monday) && day.Before(monday.AddDate(0, 0, 7))
	}
	return strings.HasPrefix(fine, coarse+"-")
}

// before reports whether ISO date v lies in a year before year.
func before(v, year string) bool {
	return len(v) >= 4 && year != "" && v[:4] < year
}

// latestYear returns the latest year among the dates of d ("" for none):
// the year of the story, as news copy dates what it reports.
func latestYear(d *nlp.Doc) string {
	y := ""
	for _, dv := range d.Dates {
		if len(dv.Value) >= 4 && dv.Value[:4] > y && dv.Value[0] >= '0' && dv.Value[0] <= '9' {
			y = dv.Value[:4]
		}
	}
	return y
}

// sameEvent returns the event of evs that event e (not an attack) retells:
// the latest of its type, unless the two are given different dates or
// different entities in the same role ("Police arrested A ... B was
// arrested on Tuesday" are two arrests; "Niger arrests brother of KaR
// leader ... Moussa Sidi was detained ... the arrest" is one).
func sameEvent(evs []*event, e *event, year string) *event {
	for i := len(evs) - 1; i >= 0; i-- {
		p := evs[i]
		if p.rec.Type != e.rec.Type {
			continue
		}
		if !datesAgree(p.rec.Date, e.rec.Date, year) || rolesConflict(p.rec.Roles, e.rec.Roles) {
			return nil
		}
		// "None has been arrested" tells of no arrest to retell.
		if (p.rec.Modality == dossier.Negated) != (e.rec.Modality == dossier.Negated) {
			continue
		}
		return p
	}
	return nil
}

// rolesConflict reports whether a and b fill one role with different
// entities and share none of them.
func rolesConflict(a, b []dossier.Role) bool {
	for _, ra := range a {
		if ra.Entity == "" {
			continue
		}
		other, shared := false, false
		for _, rb := range b {
			if rb.Role != ra.Role || rb.Entity == "" {
				continue
			}
			if rb.Entity == ra.Entity {
				shared = true
			} else {
				other = true
			}
		}
		if other && !shared {
			return true
		}
	}
	return false
}

// ofBetween reports whether "of" comes between tokens a and b.
func (v *docView) ofBetween(a, b int) bool {
	for j := a + 1; j < b; j++ {
		if v.low[j] == "of" {
			return true
		}
	}
	return false
}

// merge adds what a later mention o of the same event tells: its roles, and
// its date and place where e has none.
func (e *event) merge(o *event) {
	if e.rec.Date == nil {
		e.rec.Date = o.rec.Date
	}
	if e.rec.Place == "" {
		e.rec.Place = o.rec.Place
	}
	for _, r := range o.rec.Roles {
		e.rec.Roles = appendRole(e.rec.Roles, r)
	}
	e.mentions = append(e.mentions, o)
}

// tellFully makes the mention of e that tells the most of it (the most
// roles read from its sentence; the first of equals) the one its trigger,
// evidence and modality come from, when the first mention tells next to
// nothing: "Police arrest cleric ... Rizwan was detained at his home in
// Kattankudy by officers of the CTID, the superintendent said" is stated
// by the superintendent. A first mention that names who or where stays
// the first clear statement.
func (e *event) tellFully(d *nlp.Doc) {
	best, bestN := e, e.told(d, e.rec.Roles)
	if bestN > 1 {
		return
	}
	for _, m := range e.mentions {
		if n := m.told(d, e.rec.Roles); n > bestN {
			best, bestN = m, n
		}
	}
	if best == e {
		return
	}
	e.rec.Trigger, e.rec.Evidence, e.rec.Modality, e.rec.Rule = best.rec.Trigger, best.rec.Evidence, best.rec.Modality, best.rec.Rule
}

// told counts the roles of rs read from the sentence of mention m, and
// whether that sentence dates and places the event.
func (m *event) told(d *nlp.Doc, rs []dossier.Role) int {
	s := d.Sentences[m.sent]
	n := m.dated
	for _, r := range rs {
		if r.End > r.Start && r.Start >= s.Start && r.End <= s.End {
			n++
		}
	}
	return n
}

var typeOrder = []string{Attack, Meeting, Visit, Arrest, Release, Death, Statement, Training}

func typeIndex(t string) int {
	for i, x := range typeOrder {
		if x == t {
			return i
		}
	}
	return len(typeOrder)
}

// attachFillers gives each filler to the attack of its sentence or, where
// its sentence has none, to the nearest attack before it (or after it when
// there is none before). Fillers of a document with no attack are dropped.
func attachFillers(d *nlp.Doc, evs []*event, mentions []mentionRef, fillers []Filler) {
	var attacks []*event
	for _, e := range evs {
		if e.rec.Type == Attack {
			attacks = append(attacks, e)
		}
	}
	if len(attacks) == 0 {
		return
	}
	for _, f := range fillers {
		var best *event
		bestD := 1 << 30
		for _, e := range attacks {
			for _, m := range append([]*event{e}, e.mentions...) {
				dist := f.Sentence - m.sent
				if dist < 0 {
					dist = -dist*2 + 1 // prefer an attack told before the filler
				} else {
					dist *= 2
				}
				if dist < bestD {
					best, bestD = e, dist
				}
			}
		}
		if spanFilled(best.rec.Roles, f.Span, RoleOf(f.Role)) {
			continue // a pattern has given the phrase another role
		}
		r := dossier.Role{Role: RoleOf(f.Role), Text: f.Text, Start: f.Span.Start, End: f.Span.End}
		if id := entityAt(mentions, f.Span); id != "" {
			r.Entity = id
		}
		best.rec.Roles = appendRole(best.rec.Roles, r)
	}
}

// RoleOf returns the event role of a model class: the class up to a colon
// ("perpetrator:organisation" is a perpetrator).
func RoleOf(class string) string {
	r, _, _ := strings.Cut(class, ":")
	return r
}

// spanFilled reports whether a role of rs other than role overlaps span s.
func spanFilled(rs []dossier.Role, s dossier.Span, role string) bool {
	for _, r := range rs {
		if r.Role != role && r.End > r.Start && r.Start < s.End && s.Start < r.End {
			return true
		}
	}
	return false
}

// appendRole adds r unless the same role already has the same filler.
func appendRole(rs []dossier.Role, r dossier.Role) []dossier.Role {
	for _, x := range rs {
		if x.Role == r.Role && (r.Entity != "" && x.Entity == r.Entity || x.Start == r.Start && x.End == r.End) {
			return rs
		}
	}
	return append(rs, r)
}

// mentionRef is one mention of an entity.
type mentionRef struct {
	dossier.Span
	entity string
	typ    dossier.EntityType
}

func mentionIndex(ents []dossier.Entity) []mentionRef {
	var out []mentionRef
	for _, e := range ents {
		for _, m := range e.Mentions {
			out = append(out, mentionRef{Span: m.Span(), entity: e.ID, typ: e.Type})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// entityAt returns the entity whose mention is span s, or whose mention s
// is made of apart from words before it ("the guerrilla FMLN").
func entityAt(ms []mentionRef, s dossier.Span) string {
	for _, m := range ms {
		if m.Start >= s.Start && m.End == s.End {
			return m.entity
		}
	}
	return ""
}

// datelineEnd matches what follows the date of a dateline: an optional
// agency in brackets, then a dash or colon ("March 3 (Wire) — ").
var datelineEnd = regexp.MustCompile(`^\s*(\([^()\n]{1,40}\))?\s*(—|–|--|-|:)`)

// saidOn matches the words before the date of a reporting clause: "said
// on Tuesday", "told Niger Horizon on Saturday", "said in a statement on".
var saidOn = regexp.MustCompile(`\b(said|says|told|announced|added|stated|confirmed|reported)\b[^,.;:"“”]{0,30}$`)

// dateOf returns the first date expression within [start, end), leaving
// out the date of a dateline, which says when the report was filed, and,
// unless the event is itself a statement, the date of a reporting clause
// ("the group that claimed the kidnapping said on Tuesday"), which says
// when it was told.
func dateOf(d *nlp.Doc, start, end int, typ string) *dossier.Date {
	for _, x := range d.Dates {
		if x.Start >= start && x.End <= end {
			if x.Start-start < 40 && datelineEnd.MatchString(d.Text[x.End:min(len(d.Text), x.End+48)]) {
				continue
			}
			if typ != Statement && saidOn.MatchString(d.Text[max(start, x.Start-48):x.Start]) {
				continue
			}
			dt := x.Date()
			return &dt
		}
	}
	return nil
}

// placeOf returns the place of the event triggered at token k: the place
// entity after "in", "at" or "near" nearest the trigger, else any place
// entity of the sentence.
func placeOf(v *docView, ms []mentionRef, first, last, k int) string {
	d := v.d
	lo, hi := d.Tokens[first].Start, d.Tokens[last-1].End
	best, bestD, fallback := "", 1<<30, ""
	for _, m := range ms {
		if m.Start < lo || m.End > hi || !isPlace(m.typ) {
			continue
		}
		if fallback == "" {
			fallback = m.entity
		}
		i := tokenAt(d, m.Start)
		if i <= first {
			continue
		}
		switch v.low[i-1] {
		case "in", "at", "near", "outside", "inside":
		default:
			continue
		}
		dist := i - k
		if dist < 0 {
			dist = -dist
		}
		if dist < bestD {
			best, bestD = m.entity, dist
		}
	}
	if best != "" {
		return best
	}
	return fallback
}

func isPlace(t dossier.EntityType) bool {
	return t == dossier.GPE || t == dossier.Loc || t == dossier.Fac
}

// tokenAt returns the index of the token starting at byte off (or the
// first after it).
func tokenAt(d *nlp.Doc, off int) int {
	return sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= off })
}

// hedges and negations that change an event's modality when they come
// shortly before its trigger.
var (
	hedgeWords = map[string]bool{"allegedly": true, "reportedly": true, "apparently": true, "suspected": true,
		"alleged": true, "may": true, "might": true, "possibly": true, "purportedly": true}
	negWords = map[string]bool{"not": true, "never": true, "no": true, "n't": true, "denied": true, "deny": true, "denies": true}
)

// modality returns hedged or negated when a hedge or negation comes within
// four tokens before trigger k (within the sentence), else asserted.
func modality(v *docView, first, last, k int) dossier.Modality {
	for i := max(first, k-4); i < k; i++ {
		switch {
		case negWords[v.low[i]] && !v.unsaid(i, k):
			return dossier.Negated
		case hedgeWords[v.low[i]]:
			return dossier.Hedged
		}
	}
	return dossier.Asserted
}

// unsaid reports whether a speech verb comes between negation i and
// trigger k: "has not commented on the arrest" denies no arrest.
func (v *docView) unsaid(i, k int) bool {
	for j := i + 1; j < k; j++ {
		if unsaidVerbs[v.lemma[j]] {
			return true
		}
	}
	return false
}

// unsaidVerbs say that something was (not) told, not that it happened.
var unsaidVerbs = map[string]bool{"comment": true, "say": true, "confirm": true, "disclose": true, "reveal": true, "explain": true,
	"respond": true, "react": true, "name": true, "specify": true, "announce": true}

// ruleRoles fills the roles of a non-attack event from the entities of its
// sentence: the nearest person or organisation before the trigger is its
// agent (attendee, traveller, speaker, subject), those after it its other
// participants or, for a visit, the place visited.
func ruleRoles(v *docView, ms []mentionRef, e *event) {
	d := v.d
	s := d.Sentences[e.sent]
	k := e.trigger
	lo, hi := s.Start, s.End
	var before, after []mentionRef
	for _, m := range ms {
		if m.Start < lo || m.End > hi {
			continue
		}
		if m.End <= d.Tokens[k].Start {
			before = append(before, m)
		} else if m.Start >= d.Tokens[k].End {
			after = append(after, m)
		}
	}
	agentish := func(m mentionRef) bool { return m.typ == dossier.Person || m.typ == dossier.Org }
	add := func(role string, m mentionRef) {
		e.rec.Roles = appendRole(e.rec.Roles, dossier.Role{Role: role, Entity: m.entity, Text: d.Text[m.Start:m.End], Start: m.Start, End: m.End})
	}
	lastAgent := func() (mentionRef, bool) {
		for i := len(before) - 1; i >= 0; i-- {
			if agentish(before[i]) {
				return before[i], true
			}
		}
		return mentionRef{}, false
	}
	passive := k > s.First && v.lemma[k-1] == "be"
	switch e.rec.Type {
	case Meeting:
		if m, ok := lastAgent(); ok {
			add(Attendee, m)
		}
		for _, m := range after {
			if agentish(m) && tokenAt(d, m.Start)-k <= 8 {
				add(Attendee, m)
			}
		}
	case Visit:
		if m, ok := lastAgent(); ok {
			add(Traveller, m)
		}
		for _, m := range after {
			if isPlace(m.typ) || m.typ == dossier.Org {
				add(Destination, m)
				break
			}
		}
	case Death:
		// "X died", "X was found dead": the person just before; "the
		// death of X": the person just after.
		if m, ok := lastAgent(); ok && m.typ == dossier.Person && k-tokenAt(d, m.End) <= 3 {
			add(Subject, m)
		}
		for _, m := range after {
			if m.typ == dossier.Person && tokenAt(d, m.Start)-k <= 3 && k+1 < s.Last && v.low[k+1] == "of" {
				add(Subject, m)
			}
			break
		}
	case Arrest, Release:
		// "police arrested X" / "X was arrested".
		if passive {
			if m, ok := lastAgent(); ok && m.typ == dossier.Person {
				add(Subject, m)
			}
			return
		}
		// The object, not a name inside it: in "arrested the brother of
		// the KaR leader" the KaR is not arrested.
		for _, m := range after {
			if agentish(m) && !v.ofBetween(k, tokenAt(d, m.Start)) {
				add(Subject, m)
			}
			break
		}
	case Statement:
		if m, ok := lastAgent(); ok {
			add(Speaker, m)
		}
	case Training:
		// "the group trained fighters" / "X was trained in Y" / "X
		// trained in Y".
		if m, ok := lastAgent(); ok && k-tokenAt(d, m.End) <= 3 {
			add(Subject, m)
			return
		}
		if v.d.Tokens[k].POS == "VBD" || v.d.Tokens[k].POS == "VBZ" {
			for _, m := range after {
				if m.typ == dossier.Person && tokenAt(d, m.Start)-k <= 3 {
					add(Subject, m)
				}
				break
			}
		}
	}
}
