// Package check looks for inconsistencies across reports in the resolved
// claim graph: a person said to attend something after their death, one
// event reported with different dates or places, someone in two places at
// once, a claim asserted by one source and denied by another, a death
// reported by one source and denied by another, a claim that rests only on
// anonymous sources. Each finding is a dossier.Flag with the
// evidence of both sides.
package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/corroboration"
	"github.com/dossier-osint/dossier/store"
)

// Flag kinds.
const (
	KindDeadAttendee    = "dead-attendee"
	KindEventConflict   = "event-conflict"
	KindTwoPlaces       = "incompatible-roles"
	KindAssertedDenied  = "asserted-and-denied"
	KindAnonymousSource = "anonymous-only"
	KindDisputedDeath   = "disputed-death"
)

// Finding is a flag with the documents its evidence comes from (Docs[i]
// is the document of Flag.Evidence[i]).
type Finding struct {
	dossier.Flag
	Docs []string `json:"documents"`
}

// finding builds a Finding from the claims on each side.
func finding(kind, msg string, entities []int64, claims ...store.Claim) Finding {
	f := Finding{Flag: dossier.Flag{Kind: kind, Message: msg}}
	for _, e := range entities {
		f.Entities = append(f.Entities, store.EntityID(e))
	}
	for _, c := range claims {
		f.Evidence = append(f.Evidence, c.Evidence)
		f.Docs = append(f.Docs, c.Doc)
	}
	return f
}

// presence are the roles that put an entity at the event.
var presence = map[string]bool{"attendee": true, "traveller": true, "host": true, "organiser": true, "speaker": true, "perpetrator": true}

// deathRoles are the roles of the one who died in a death event.
var deathRoles = map[string]bool{"victim": true, "subject": true}

// after reports whether date a is strictly later than date b at the
// precision both have ("2026-04-02" is after "2026-03"; "2026-03-09" is not
// after "2026-03").
func after(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	n := min(len(a), len(b))
	return a[:n] > b[:n]
}

// day reports whether a date has day precision.
func day(d string) bool { return len(d) == len("2026-04-21") }

// DeadAttendees flags an entity said to take part in an event dated after
// a reported death.
func DeadAttendees(claims []store.Claim) []Finding {
	deaths := map[int64]store.Claim{}
	for _, c := range claims {
		if c.Kind == "event" && c.Predicate == "death" && deathRoles[c.Role] && c.Date != "" && c.Modality != dossier.Negated {
			if d, ok := deaths[c.Subject]; !ok || after(d.Date, c.Date) {
				deaths[c.Subject] = c
			}
		}
	}
	var out []Finding
	for _, c := range claims {
		d, ok := deaths[c.Subject]
		if !ok || c.Kind != "event" || !presence[c.Role] || c.Modality == dossier.Negated || !after(c.Date, d.Date) {
			continue
		}
		out = append(out, finding(KindDeadAttendee,
			fmt.Sprintf("%s is reported dead on %s but said to be %s of a %s on %s", store.EntityID(c.Subject), d.Date, c.Role, c.Predicate, c.Date),
			[]int64{c.Subject}, d, c))
	}
	return out
}

// killed reports whether claim c says its subject died: the subject or
// victim of a death, or (when attack victims count) the victim of an
// attack, whatever the modality.
func killed(c store.Claim, attacks bool) bool {
	return c.Kind == "event" && (c.Predicate == "death" && deathRoles[c.Role] || attacks && c.Predicate == "attack" && c.Role == "victim")
}

// compatibleDates reports whether two claims' dates may be of one day:
// either is unknown, they agree at the precision both have, or both are
// to the day and at most a day apart.
func compatibleDates(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	n := min(len(a), len(b))
	return a[:n] == b[:n] || daysApart(a, b) <= 1
}

// DisputedDeaths flags a death that one source reports and another
// denies ("X was not among the dead"): a negated death of an entity
// against a death or an attack in which the same entity is a victim, from
// another source, on a compatible date. The flag carries the evidence of
// both sides. Unlike AssertedAndDenied, it does not need the two reports
// to agree on the place or on the role.
func DisputedDeaths(claims []store.Claim) []Finding {
	denied := map[int64][]store.Claim{}
	for _, c := range claims {
		if killed(c, false) && c.Modality == dossier.Negated {
			denied[c.Subject] = append(denied[c.Subject], c)
		}
	}
	var out []Finding
	for _, subject := range sortedKeys(denied) {
		var yes, no store.Claim
		sources, deniers := map[string]bool{}, map[string]bool{}
		for _, c := range claims {
			if c.Subject != subject || !killed(c, true) || c.Modality == dossier.Negated {
				continue
			}
			for _, d := range denied[subject] {
				if d.Cluster == c.Cluster || !compatibleDates(c.Date, d.Date) {
					continue
				}
				if yes.Doc == "" {
					yes, no = c, d
				}
				sources[c.Cluster] = true
				deniers[d.Cluster] = true
			}
		}
		if yes.Doc == "" {
			continue
		}
		when := ""
		if yes.When() != "" {
			when = " on " + yes.When()
		}
		out = append(out, finding(KindDisputedDeath,
			fmt.Sprintf("%s is reported killed%s by %d source(s) and said not to be among the dead by %d", store.EntityID(subject), when, len(sources), len(deniers)),
			[]int64{subject}, yes, no))
	}
	return out
}

// sortedKeys returns the keys of m in increasing order.
func sortedKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// event is one event as reported in one document.
type event struct {
	doc, cluster, typ, date, published string
	place                              int64
	roles                              map[[2]string]bool // (entity, role)
	claim                              store.Claim
}

// events gathers the event claims by (document, event).
func events(claims []store.Claim) []*event {
	index := map[[2]string]*event{}
	var out []*event
	for _, c := range claims {
		if c.Kind != "event" || c.Event == "" || c.Modality == dossier.Negated {
			continue
		}
		k := [2]string{c.Doc, c.Event}
		e, ok := index[k]
		if !ok {
			e = &event{doc: c.Doc, cluster: c.Cluster, typ: c.Predicate, date: c.Date, published: c.Published, place: c.Place,
				roles: map[[2]string]bool{}, claim: c}
			index[k] = e
			out = append(out, e)
		}
		e.roles[[2]string{store.EntityID(c.Subject), c.Role}] = true
	}
	return out
}

// shared counts the participants two reports have in the same roles.
func shared(a, b *event) int {
	n := 0
	for r := range a.roles {
		if b.roles[r] {
			n++
		}
	}
	return n
}

// sameEvent reports whether two reports, from different sources, are
// likely of one event, so that a difference between them is a conflict
// rather than two happenings: the same type, and either two participants
// in the same roles at the same place or on dates (to the day) at most a
// day apart, or one participant at the same place a day apart at most.
// Two meetings of the same people on different days in different towns,
// or one person's doings on one day in two places (IncompatibleRoles
// flags those), are not one event reported two ways.
func sameEvent(a, b *event) bool {
	if a.typ != b.typ || a.cluster == b.cluster {
		return false
	}
	s := shared(a, b)
	nearDay := day(a.date) && day(b.date) && daysApart(a.date, b.date) <= 1
	samePlace := a.place != 0 && a.place == b.place
	return s >= 2 && (samePlace || nearDay) || s == 1 && samePlace && nearDay
}

// conflict says how two reports of one event differ: dates (both to the
// day) or places (both known); "" when they agree.
func conflict(a, b *event) string {
	var what []string
	if day(a.date) && day(b.date) && a.date != b.date {
		what = append(what, fmt.Sprintf("dates %s and %s", a.date, b.date))
	}
	if a.place != 0 && b.place != 0 && a.place != b.place {
		what = append(what, fmt.Sprintf("places %s and %s", store.EntityID(a.place), store.EntityID(b.place)))
	}
	return strings.Join(what, " and ")
}

// agrees reports whether some other event of b's document, of a's type,
// is a report of a that agrees with it: then b is another happening that
// document tells of, not a conflicting report of a.
func agrees(a, b *event, byDoc map[string][]*event) bool {
	for _, o := range byDoc[b.doc] {
		if o != b && sameEvent(a, o) && conflict(a, o) == "" {
			return true
		}
	}
	return false
}

// daysApart is a rough distance between two ISO dates (day precision).
func daysApart(a, b string) int {
	if !day(a) || !day(b) {
		return 1 << 30
	}
	num := func(s string) int {
		var y, m, d int
		fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d)
		return y*372 + m*31 + d
	}
	x := num(a) - num(b)
	if x < 0 {
		x = -x
	}
	return x
}

// EventConflicts flags one event reported with different dates (both to
// the day) or different places by different sources. Two reports are of
// one event only on strong evidence (see sameEvent), and not when either
// document tells of another event that agrees with the other report.
func EventConflicts(claims []store.Claim) []Finding {
	evs := events(claims)
	byDoc := map[string][]*event{}
	for _, e := range evs {
		byDoc[e.doc] = append(byDoc[e.doc], e)
	}
	// Compare only reports sharing a participant in a role (blocking), so
	// the check stays near linear.
	byRole := map[[2]string][]int{}
	for i, e := range evs {
		for r := range e.roles {
			if len(byRole[r]) < 200 {
				byRole[r] = append(byRole[r], i)
			}
		}
	}
	var out []Finding
	done := map[[2]int]bool{}
	for _, list := range byRole {
		for x := range list {
			for y := x + 1; y < len(list); y++ {
				i, j := list[x], list[y]
				if done[[2]int{i, j}] {
					continue
				}
				done[[2]int{i, j}] = true
				a, b := evs[i], evs[j]
				if !sameEvent(a, b) {
					continue
				}
				what := conflict(a, b)
				if what == "" || agrees(a, b, byDoc) || agrees(b, a, byDoc) {
					continue
				}
				out = append(out, finding(KindEventConflict,
					fmt.Sprintf("one %s reported with different %s", a.typ, what),
					participants(a, b), a.claim, b.claim))
			}
		}
	}
	return sorted(out)
}

// participants lists the entities two events share.
func participants(a, b *event) []int64 {
	var out []int64
	for r := range a.roles {
		if b.roles[r] {
			if id, ok := store.ParseEntityID(r[0]); ok && !containsID(out, id) {
				out = append(out, id)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func containsID(l []int64, id int64) bool {
	for _, x := range l {
		if x == id {
			return true
		}
	}
	return false
}

// IncompatibleRoles flags an entity present at two events in different
// places on the same day, and an entity that is both perpetrator and victim
// of one event.
func IncompatibleRoles(claims []store.Claim) []Finding {
	var out []Finding
	type at struct {
		entity int64
		date   string
	}
	seen := map[at][]store.Claim{}
	roles := map[[2]string]map[int64]store.Claim{} // (doc,event) → entity → perpetrator claim
	for _, c := range claims {
		if c.Kind != "event" || c.Modality == dossier.Negated {
			continue
		}
		k := [2]string{c.Doc, c.Event}
		if c.Role == "perpetrator" {
			if roles[k] == nil {
				roles[k] = map[int64]store.Claim{}
			}
			roles[k][c.Subject] = c
		}
		if !presence[c.Role] || !day(c.Date) || c.Place == 0 {
			continue
		}
		a := at{c.Subject, c.Date}
		for _, o := range seen[a] {
			if o.Place != c.Place && o.Cluster != c.Cluster || o.Place != c.Place && o.Doc == c.Doc && o.Event != c.Event {
				out = append(out, finding(KindTwoPlaces,
					fmt.Sprintf("%s is placed at %s and at %s on %s", store.EntityID(c.Subject), store.EntityID(o.Place), store.EntityID(c.Place), c.Date),
					[]int64{c.Subject, o.Place, c.Place}, o, c))
				break
			}
		}
		seen[a] = append(seen[a], c)
	}
	for _, c := range claims {
		if c.Kind == "event" && c.Role == "victim" && c.Modality != dossier.Negated {
			if p, ok := roles[[2]string{c.Doc, c.Event}][c.Subject]; ok {
				out = append(out, finding(KindTwoPlaces,
					fmt.Sprintf("%s is both perpetrator and victim of one %s", store.EntityID(c.Subject), c.Predicate),
					[]int64{c.Subject}, p, c))
			}
		}
	}
	return out
}

// AssertedAndDenied flags a claim that one source asserts (or reports, or
// hedges) and another denies.
func AssertedAndDenied(claims []store.Claim) []Finding {
	var out []Finding
	for _, g := range corroboration.Group(claims) {
		if g.Corroboration == 0 || g.Denials == 0 {
			continue
		}
		var yes, no store.Claim
		for _, c := range g.Claims {
			if c.Modality == dossier.Negated && no.Doc == "" {
				no = c
			} else if c.Modality != dossier.Negated && yes.Doc == "" {
				yes = c
			}
		}
		ents := []int64{g.Key.Subject}
		if g.Key.Object != 0 {
			ents = append(ents, g.Key.Object)
		}
		out = append(out, finding(KindAssertedDenied,
			fmt.Sprintf("%s %s %s: asserted by %d source(s), denied by %d", store.EntityID(g.Key.Subject), g.Key.Predicate, objectOf(g.Key), g.Corroboration, g.Denials),
			ents, yes, no))
	}
	return out
}

func objectOf(k corroboration.Key) string {
	if k.Object != 0 {
		return store.EntityID(k.Object)
	}
	return k.Role
}

// AnonymousOnly flags a claim whose every supporting source is anonymous.
func AnonymousOnly(claims []store.Claim) []Finding {
	var out []Finding
	for _, g := range corroboration.Group(claims) {
		if !g.AnonymousOnly() {
			continue
		}
		ents := []int64{g.Key.Subject}
		if g.Key.Object != 0 {
			ents = append(ents, g.Key.Object)
		}
		var support []store.Claim
		for _, c := range g.Claims {
			if c.Modality != dossier.Negated && len(support) < 4 {
				support = append(support, c)
			}
		}
		out = append(out, finding(KindAnonymousSource,
			fmt.Sprintf("%s %s %s rests only on anonymous sources (%d)", store.EntityID(g.Key.Subject), g.Key.Predicate, objectOf(g.Key), g.Corroboration),
			ents, support...))
	}
	return out
}

// sorted orders findings by kind, message and first document, so output
// is stable.
func sorted(out []Finding) []Finding {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		if out[i].Message != out[j].Message {
			return out[i].Message < out[j].Message
		}
		return strings.Join(out[i].Docs, ",") < strings.Join(out[j].Docs, ",")
	})
	return out
}

// All runs every check.
func All(claims []store.Claim) []Finding {
	var out []Finding
	for _, fn := range []func([]store.Claim) []Finding{DeadAttendees, DisputedDeaths, EventConflicts, IncompatibleRoles, AssertedAndDenied, AnonymousOnly} {
		out = append(out, fn(claims)...)
	}
	return sorted(out)
}
