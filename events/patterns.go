package events

import (
	"strings"

	"github.com/dossier-osint/dossier"
)

// Patterns read attack roles that the classifier may miss in any kind of
// report: the claimant of an attack, the object of a killing verb, the
// subject of a passive one, and the agent after "by".

// victimVerbs take their victim as object ("killed nine people") or as
// passive subject ("two guards were kidnapped").
var victimVerbs = map[string]bool{
	"kill": true, "murder": true, "assassinate": true, "kidnap": true, "abduct": true, "shoot": true,
	"wound": true, "injure": true, "massacre": true, "slay": true, "behead": true, "stab": true, "execute": true,
}

// fireVerbs take their victim after "on" or "at" ("opened fire on tourists").
var fireVerbs = map[string]bool{"fire": true, "shoot": true}

// attackRoles adds the pattern roles of the attack whose trigger is e's.
func attackRoles(v *docView, ms []mentionRef, e *event) {
	d := v.d
	s := d.Sentences[e.sent]
	add := func(role string, a, b int) {
		if a >= b {
			return
		}
		sp := dossier.Span{Start: d.Tokens[a].Start, End: d.Tokens[b-1].End}
		// "Top commander Sheikh Imran Wani": the person, not the title.
		for _, m := range ms {
			if m.typ == dossier.Person && m.Start >= sp.Start && m.End <= sp.End {
				sp = m.Span
				break
			}
		}
		r := dossier.Role{Role: role, Text: d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End, Entity: entityAt(ms, sp)}
		e.rec.Roles = appendRole(e.rec.Roles, r)
	}
	for k := s.First; k < s.Last; k++ {
		l := v.lemma[k]
		pos := d.Tokens[k].POS
		switch {
		case l == "claim" && strings.HasPrefix(pos, "VB") && (v.sentHasAttack(e.sent) || v.sentHas(e.sent, "responsibility")):
			// "the KFB claimed the attack": the claimant is the
			// perpetrator it says it is.
			if a, b, ok := v.agentBefore(ms, s.First, k); ok {
				add(Perpetrator, a, b)
			}
		case victimVerbs[l] && (pos == "VBN" || pos == "VBD") && k > s.First && v.lemma[k-1] != "be" && v.lemma[k-1] != "have" && reducedPassiveEnd(v, k+1, s.Last):
			// "Nepali man killed in Kashmir attack", "a man killed when
			// gunmen attacked": a reduced passive.
			if a, b, ok := v.npEndingAt(k, s.First); ok && v.personish(a, b) {
				add(Victim, a, b)
			}
		case victimVerbs[l] && (pos == "VBD" || pos == "VBG" || pos == "VBZ" || pos == "VBP" || pos == "VB"):
			if k > s.First && v.lemma[k-1] == "be" {
				continue // "were killed": handled as passive below
			}
			if a, b, ok := v.npAt(k+1, s.Last); ok && v.personish(a, b) {
				add(Victim, a, b)
			}
		case victimVerbs[l] && pos == "VBN" && k > s.First && v.lemma[k-1] == "be":
			if a, b, ok := v.npEndingAt(k-1, s.First); ok && v.personish(a, b) {
				add(Victim, a, b)
			}
			if k+1 < s.Last && v.low[k+1] == "by" {
				if a, b, ok := v.npAt(k+2, s.Last); ok {
					add(Perpetrator, a, b)
				}
			}
		case fireVerbs[l] && k+1 < s.Last && (v.low[k+1] == "on" || v.low[k+1] == "at"):
			if a, b, ok := v.npAt(k+2, s.Last); ok && v.personish(a, b) {
				add(Victim, a, b)
			}
		}
	}
}

// reducedPassiveEnd reports whether token i (sentence end at last) can
// follow the verb of a reduced passive: a preposition, "when", a comma or
// the end of the sentence, not an object.
func reducedPassiveEnd(v *docView, i, last int) bool {
	if i >= last {
		return true
	}
	switch v.low[i] {
	case "in", "at", "on", "near", "when", "during", "after", ",", ".", "by", "while", "outside":
		return true
	}
	return false
}

func (v *docView) sentHasAttack(si int) bool {
	s := v.d.Sentences[si]
	for k := s.First; k < s.Last; k++ {
		if v.trig[k] == Attack {
			return true
		}
	}
	return false
}

func (v *docView) sentHas(si int, lemma string) bool {
	s := v.d.Sentences[si]
	for k := s.First; k < s.Last; k++ {
		if v.lemma[k] == lemma {
			return true
		}
	}
	return false
}

// agentBefore returns the person or organisation mention nearest before
// token k, within the sentence starting at first.
func (v *docView) agentBefore(ms []mentionRef, first, k int) (int, int, bool) {
	lo, hi := v.d.Tokens[first].Start, v.d.Tokens[k].Start
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Start >= lo && m.End <= hi && (m.typ == dossier.Org || m.typ == dossier.Person) {
			return tokenAt(v.d, m.Start), tokenAt(v.d, m.End), true
		}
	}
	return 0, 0, false
}

// npAt returns the noun phrase starting at token i (before last), without
// its determiner.
func (v *docView) npAt(i, last int) (int, int, bool) {
	d := v.d
	if i >= last || !startsNP(d, i) {
		return 0, 0, false
	}
	j := i + 1
	for j < last && d.Tokens[j].Chunk == "I-NP" {
		j++
	}
	for i < j && leading[v.low[i]] {
		i++
	}
	return i, j, i < j
}

// npEndingAt returns the noun phrase ending just before token k.
func (v *docView) npEndingAt(k, first int) (int, int, bool) {
	d := v.d
	j := k
	if j <= first || !startsNP(d, j-1) {
		return 0, 0, false
	}
	i := j - 1
	for i > first && d.Tokens[i].Chunk == "I-NP" {
		i--
	}
	for i < j && leading[v.low[i]] {
		i++
	}
	return i, j, i < j
}

// people are head nouns of phrases that name people.
var people = map[string]bool{
	"people": true, "person": true, "tourist": true, "civilian": true, "villager": true, "peasant": true,
	"student": true, "worker": true, "soldier": true, "policeman": true, "officer": true, "guard": true,
	"man": true, "woman": true, "child": true, "visitor": true, "passenger": true, "pilgrim": true,
	"journalist": true, "leader": true, "official": true, "member": true, "resident": true, "farmer": true,
	"militant": true, "rebel": true, "guerrilla": true, "insurgent": true, "fighter": true, "commander": true,
	"policemen": true, "men": true, "women": true, "children": true, "servicemen": true, "tribesmen": true,
	"priest": true, "judge": true, "mayor": true, "worshipper": true, "trader": true, "driver": true,
}

// personish reports whether phrase [a, b) names people: a person entity or
// a people noun as its head.
func (v *docView) personish(a, b int) bool {
	h := headOf(v.d, a, b)
	if strings.HasSuffix(v.d.Tokens[h].Entity, "PERSON") {
		return true
	}
	return people[v.lemma[h]] || people[v.low[h]]
}
