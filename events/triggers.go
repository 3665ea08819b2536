package events

import "strings"

// The event types dossier extracts.
const (
	Attack    = "attack"
	Meeting   = "meeting"
	Visit     = "visit"
	Arrest    = "arrest"
	Release   = "release"
	Death     = "death"
	Statement = "statement"
	Training  = "training"
)

// triggers maps a lower-cased lemma to the event type it announces.
// Attack covers bombings, shootings, arson, kidnappings, massacres and
// ambushes.
var triggers = map[string]string{
	"attack": Attack, "assault": Attack, "bomb": Attack, "bombing": Attack, "explosion": Attack,
	"explode": Attack, "blast": Attack, "detonate": Attack, "dynamite": Attack, "shoot": Attack,
	"shooting": Attack, "gunfire": Attack, "kill": Attack, "killing": Attack, "murder": Attack,
	"assassinate": Attack, "assassination": Attack, "massacre": Attack, "slay": Attack,
	"ambush": Attack, "kidnap": Attack, "kidnapping": Attack, "abduct": Attack, "abduction": Attack,
	"arson": Attack, "burn": Attack, "torch": Attack, "raid": Attack, "sabotage": Attack,
	"wound": Attack, "injure": Attack, "hijack": Attack, "machinegun": Attack, "stab": Attack,
	"behead": Attack, "execute": Attack, "gun": Attack,
	"meet": Meeting, "meeting": Meeting, "rally": Meeting, "conference": Meeting, "summit": Meeting,
	"gathering": Meeting, "convene": Meeting, "congress": Meeting,
	"visit": Visit, "travel": Visit, "arrive": Visit, "tour": Visit,
	"arrest": Arrest, "detain": Arrest, "capture": Arrest, "apprehend": Arrest, "detention": Arrest,
	"release": Release, "free": Release, "freed": Release,
	"die": Death, "death": Death, "dead": Death,
	"statement": Statement, "communique": Statement, "announce": Statement, "declare": Statement,
	"claim": Statement, "deny": Statement,
	"train": Training, "training": Training,
}

// triggerType returns the event type token k of v announces, or "".
func triggerType(v *docView, k int) string {
	t := v.d.Tokens[k]
	l := v.lemma[k]
	typ := triggers[l]
	if typ == "" {
		typ = triggers[v.low[k]]
	}
	if typ == "" {
		return ""
	}
	noun, verb := strings.HasPrefix(t.POS, "NN"), strings.HasPrefix(t.POS, "VB")
	adj := strings.HasPrefix(t.POS, "JJ")
	switch l {
	case "gun", "free", "train", "tour", "claim", "burn", "dynamite", "bomb":
		// "gun" the weapon, "free" the adjective, "train" the vehicle,
		// "claim" as a noun of any kind: only verbs or their -ing nouns.
		if !verb && !(noun && strings.HasSuffix(v.low[k], "ing")) && l != "bomb" {
			return ""
		}
		if l == "bomb" && !verb && !noun {
			return ""
		}
	case "dead":
		// "was found dead"; "the dead" are people, not an event.
		if !adj || k == 0 || (v.lemma[k-1] != "be" && v.lemma[k-1] != "find" && v.low[k-1] != "found") {
			return ""
		}
		return typ
	}
	if typ == Visit && k > 0 && (v.low[k-1] == "most" || v.low[k-1] == "least" || v.low[k-1] == "widely") {
		return "" // "the most visited spot"
	}
	if pos := t.POS; pos == "VBN" && (typ == Visit || typ == Training) && (k == 0 || v.lemma[k-1] != "have") {
		// "the most visited spot", "men trained in its camps": a
		// participle describing, not an event told.
		if typ == Visit || v.low[k-1] == "well" {
			return ""
		}
	}
	if !noun && !verb {
		return ""
	}
	return typ
}
