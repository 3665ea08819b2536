package extract

import (
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
)

// News copy often introduces a set of people by what they are to an
// organisation and names them later: "Gunmen abducted four staff of Sahel
// Water Aid (SWA) on Sunday. The four were identified as Paul Gagnon, a
// Canadian engineer, ...". staffRefs finds such sets ("four staff of SWA",
// "its workers", "SWA employees") and the words that refer back to them in
// the same sentence or the next three ("the four", "the hostages", "those
// taken", "they"), and maps each to the organisation, so that a relation
// rule can read "The four were identified as A, B and C" as membership.

// staffNouns are plural nouns for the people of an organisation.
var staffNouns = map[string]bool{"staff": true, "staffers": true, "employees": true, "workers": true, "members": true,
	"volunteers": true, "personnel": true, "crew": true, "colleagues": true}

// staffRefNouns, after "the", refer back to such a set ("the hostages").
var staffRefNouns = map[string]bool{"hostages": true, "captives": true, "missing": true, "abducted": true, "kidnapped": true,
	"victims": true, "detainees": true, "prisoners": true}

// numberWords are the counts that refer back to a set ("the four").
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true}

// isStaffNoun reports whether token k is a plural noun for an
// organisation's people: "staff", "workers", or the plural of a title
// that makes a member ("engineers", "fighters").
func (v *view) isStaffNoun(k int) bool {
	w := v.lower(k)
	if staffNouns[w] {
		return true
	}
	if !strings.HasSuffix(w, "s") || !strings.HasPrefix(v.d.Tokens[k].POS, "NN") {
		return false
	}
	t, ok := gazetteer.Title(w)
	return ok && t.Class == gazetteer.TitleRole && t.Relation == "member_of"
}

// staffOrgAt returns the organisation whose people the staff noun at token
// k names, or -1: "SWA (aid) staff", "staff of (the) SWA", "its staff".
func (v *view) staffOrgAt(k int) int {
	first, last := v.sentence(k)
	isOrg := func(j int) int {
		if j < first || j >= last {
			return -1
		}
		if e := v.entAt(j); e >= 0 && v.ents[e].Type == dossier.Org && !v.outlets[e] {
			return e
		}
		return -1
	}
	// Before: up to two modifiers between ("SWA aid workers").
	for j := k - 1; j >= first && j >= k-3; j-- {
		if e := isOrg(j); e >= 0 {
			return e
		}
		if p := v.d.Tokens[j].POS; !strings.HasPrefix(p, "NN") && !strings.HasPrefix(p, "JJ") || v.tokEnt[j] >= 0 {
			break
		}
	}
	// After: "of", "from", "with", "for" or "at", then the name.
	if j := k + 1; j < last {
		switch v.lower(j) {
		case "of", "from", "with", "for", "at":
			j++
			if j < last && v.lower(j) == "the" {
				j++
			}
			return isOrg(j)
		}
	}
	return -1
}

// staffRefs maps the tokens that name or refer back to an organisation's
// people to that organisation.
func (v *view) staffRefs() map[int]int {
	refs := map[int]int{}
	lastOrg, lastSent := -1, -10
	for si, s := range v.d.Sentences {
		if s.Boilerplate {
			continue
		}
		for k := s.First; k < s.Last; k++ {
			if v.isStaffNoun(k) {
				if org := v.staffOrgAt(k); org >= 0 {
					refs[k] = org
					lastOrg, lastSent = org, si
					continue
				}
			}
			if lastOrg < 0 || si-lastSent > 3 {
				continue
			}
			if v.refersToStaff(k, s.First) {
				refs[k] = lastOrg
			}
		}
	}
	return refs
}

// refersToStaff reports whether token k refers back to a set of people:
// "the four", "the hostages", "the abducted workers", "those taken",
// "They" opening a sentence, "named them as".
func (v *view) refersToStaff(k, sentFirst int) bool {
	w := v.lower(k)
	switch {
	case w == "they":
		return k == sentFirst
	case w == "them":
		// "The charity named them as ..."
		return k > sentFirst && (v.d.Tokens[k-1].Lemma == "name" || v.d.Tokens[k-1].Lemma == "identify")
	case w == "those":
		return k+1 < len(v.d.Tokens) && v.d.Tokens[k+1].POS == "VBN"
	}
	// "The Canadian, Paul Gagnon,", "the other Malian", "The Senegalese
	// hostage, Fatou Diop": one of the set by nationality.
	if v.isNationality(k) && k > sentFirst {
		j := k - 1
		if v.lower(j) == "other" && j > sentFirst {
			j--
		}
		next := ""
		if k+1 < len(v.d.Tokens) {
			next = v.lower(k + 1)
		}
		return v.lower(j) == "the" && (next == "," || staffRefNouns[next+"s"] || staffRefNouns[next] || next == "national" || next == "citizen")
	}
	if !numberWords[w] && !staffRefNouns[w] && !staffNouns[w] && !v.isStaffNoun(k) {
		return false
	}
	// "the", then up to two adjectives or participles, then the word.
	j := k - 1
	for j >= sentFirst && j >= k-3 && v.lower(j) != "the" {
		if p := v.d.Tokens[j].POS; !strings.HasPrefix(p, "JJ") && p != "VBN" || v.tokEnt[j] >= 0 {
			return false
		}
		j--
	}
	return j >= sentFirst && v.lower(j) == "the"
}

// isNationality reports whether token k is a demonym ("Canadian",
// "Malian").
func (v *view) isNationality(k int) bool {
	if e := v.tokEnt[k]; e >= 0 && v.ents[e].Type == dossier.NORP {
		return true
	}
	_, ok := gazetteer.Demonym(v.d.Tokens[k].Text)
	return ok
}
