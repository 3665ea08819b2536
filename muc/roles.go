package muc

import (
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/nlp"
)

// IsOrganisation decides whether a perpetrator filler is an organisation
// (PerpOrg) rather than individuals (PerpInd).
type IsOrganisation func(text string, entityType dossier.EntityType) bool

// MapEvents maps dossier's attack events to the MUC-4 roles: perpetrator
// to PerpOrg when org says the filler is an organisation, else PerpInd;
// target and weapon to Target and Weapon; victim to Victim when the victim
// is named (MUC-4's Victim slot takes "named human victims": "the mayor"
// or "nine tourists" are victims to dossier, not to MUC). Other events and
// roles have no MUC counterpart. d is the document the roles' offsets
// point into.
func MapEvents(evs []dossier.EventRecord, ents []dossier.Entity, d *nlp.Doc, org IsOrganisation) map[string][]string {
	text := d.Text
	types := map[string]dossier.EntityType{}
	full := map[string]string{}
	for _, e := range ents {
		types[e.ID] = e.Type
		full[e.ID] = fullName(e, text)
	}
	var names []string
	for _, e := range ents {
		if e.Type == dossier.Person {
			names = append(names, full[e.ID])
		}
	}
	out := map[string][]string{}
	for _, ev := range evs {
		if ev.Type != events.Attack {
			continue
		}
		for _, r := range ev.Roles {
			s := r.Text
			if r.End > r.Start && r.End <= len(text) {
				s = text[r.Start:r.End]
			}
			if s == "" {
				continue
			}
			var role string
			switch r.Role {
			case events.Perpetrator:
				role = "PerpInd"
				if org(s, types[r.Entity]) {
					role = "PerpOrg"
				}
			case events.Target:
				role = "Target"
			case events.Victim:
				if types[r.Entity] != dossier.Person && !named(d, r.Start, r.End) {
					continue
				}
				role = "Victim"
			case events.Weapon:
				role = "Weapon"
			default:
				continue
			}
			if f := full[r.Entity]; f != "" && fullNames[role] && types[r.Entity] == dossier.Person && len(strings.Fields(f)) > len(strings.Fields(s)) {
				s = f
			}
			if fullNames[role] {
				s = longerName(s, names)
			}
			out[role] = append(out[role], s)
		}
	}
	for role := range fullNames {
		out[role] = dropPartNames(out[role])
	}
	return out
}

// dropPartNames drops from names those whose words are a run of the words
// of a longer one ("bernardo jaramillo" beside "bernardo jaramillo ossa"):
// one person, reported once.
func dropPartNames(names []string) []string {
	var out []string
	for i, s := range names {
		w := strings.Fields(strings.ToLower(s))
		part := false
		for j, o := range names {
			f := strings.Fields(strings.ToLower(o))
			if j != i && len(f) > len(w) && containsRun(f, w) {
				part = true
				break
			}
		}
		if !part {
			out = append(out, s)
		}
	}
	return out
}

// fullNames are the MUC roles whose fillers MapEvents reports by their
// fullest mention: a person named "Romero" after "Oscar Arnulfo Romero" is
// scored by the full name, as MUC-4 answer keys give it.
var fullNames = map[string]bool{"Victim": true}

// longerName returns the longest of names (persons' fullest mentions)
// whose words hold the words of s in a row, or s when none does: a victim
// named "Gonzalez" or "Antonio Roldan" that the entity resolver did not
// join to "Jorge Adolfo Vargas Gonzalez" or "Antonio Roldan Betancur" of
// the same report is scored by the full name.
func longerName(s string, names []string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return s
	}
	best, n := s, len(w)
	for _, name := range names {
		f := strings.Fields(strings.ToLower(name))
		if len(f) > n && containsRun(f, w) {
			best, n = name, len(f)
		}
	}
	return best
}

// containsRun reports whether words holds run as consecutive words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for j, x := range run {
			if words[i+j] != x {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// fullName returns the mention of e with the most words (the first of
// them), read from text.
func fullName(e dossier.Entity, text string) string {
	best, n := "", 0
	for _, m := range e.Mentions {
		s := m.Text
		if m.End > m.Start && m.End <= len(text) {
			s = text[m.Start:m.End]
		}
		if k := len(strings.Fields(s)); k > n {
			best, n = s, k
		}
	}
	return best
}

// named reports whether the phrase at [start, end) of d is a name: its
// last word is not a common noun, a pronoun or a number.
func named(d *nlp.Doc, start, end int) bool {
	last := -1
	for i, t := range d.Tokens {
		if t.Start >= start && t.End <= end {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	switch d.Tokens[last].POS {
	case "NN", "NNS", "PRP", "CD":
		return false
	}
	return true
}

// ModelOrganisation is the IsOrganisation of a model: an organisation
// entity, or a name the model's lexicon of organisation words knows.
func ModelOrganisation(m *events.Model) IsOrganisation {
	return func(text string, t dossier.EntityType) bool {
		return t == dossier.Org || m.IsOrganisation(text)
	}
}

// modelClass is the events model class each MUC role trains.
var modelClass = map[string]string{
	"PerpInd": events.Perpetrator, "PerpOrg": events.Perpetrator + ":organisation",
	"Target": events.Target, "Victim": events.Victim, "Weapon": events.Weapon,
}
