package events

import (
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
)

// deathWords end the phrase that says who died: "among the two militants
// killed", "among the dead".
var deathWords = map[string]bool{"killed": true, "dead": true, "died": true, "slain": true}

// deniedDeaths finds the people a sentence says were not among the dead
// ("Wani was not among the two militants killed"): each is a death event
// with the person as subject and negated modality, so that a report of
// the same death elsewhere can be flagged as contradicted.
func deniedDeaths(d *nlp.Doc, mentions []mentionRef) []dossier.EventRecord {
	var out []dossier.EventRecord
	for _, s := range d.Sentences {
		if s.Boilerplate {
			continue
		}
		for k := s.First; k+2 < s.Last; k++ {
			if !isNot(d.Tokens[k].Text) || !strings.EqualFold(d.Tokens[k+1].Text, "among") {
				continue
			}
			trigger := -1
			for j := k + 2; j < s.Last && j <= k+8; j++ {
				if deathWords[strings.ToLower(d.Tokens[j].Text)] {
					trigger = j
					break
				}
			}
			if trigger < 0 {
				continue
			}
			subject, ok := personBefore(d, mentions, k, s.First)
			if !ok {
				continue
			}
			t := d.Tokens[trigger]
			ev := dossier.EventRecord{
				Type:     Death,
				Trigger:  dossier.Evidence{Start: t.Start, End: t.End, Text: t.Text},
				Roles:    []dossier.Role{{Role: Subject, Entity: subject.entity, Start: subject.Start, End: subject.End, Text: d.Text[subject.Start:subject.End]}},
				Modality: dossier.Negated,
				Evidence: dossier.Evidence{Start: s.Start, End: s.End, Text: d.Text[s.Start:s.End]},
				Rule:     "pattern:not-among-dead",
			}
			out = append(out, ev)
		}
	}
	return out
}

func isNot(w string) bool { return strings.EqualFold(w, "not") || w == "n't" }

// personBefore returns the person mention closest before token k in the
// sentence starting at first (the subject of "was not among").
func personBefore(d *nlp.Doc, mentions []mentionRef, k, first int) (mentionRef, bool) {
	lo, hi := d.Tokens[first].Start, d.Tokens[k].Start
	var best mentionRef
	found := false
	for _, m := range mentions {
		if m.typ == dossier.Person && m.Start >= lo && m.End <= hi && (!found || m.Start > best.Start) {
			best, found = m, true
		}
	}
	return best, found
}
