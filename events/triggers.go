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

// humanNouns are people a verb like "seize" may take: then it is a
// kidnapping ("seized a Portuguese engineer"), not a seizure of goods.
var humanNouns = map[string]bool{"worker": true, "engineer": true, "hostage": true, "priest": true, "nurse": true,
	"doctor": true, "people": true, "person": true, "man": true, "woman": true, "child": true, "staff": true,
	"official": true, "councillor": true, "mayor": true, "tourist": true, "missionary": true, "colleague": true,
	"employee": true, "teacher": true, "student": true, "villager": true, "civilian": true, "driver": true,
	"journalist": true, "trader": true, "passenger": true, "sub-prefect": true, "prefect": true, "national": true}

// seizesPeople reports whether "seize" at token k takes people: a person
// or people noun just after the verb, or before its passive.
func seizesPeople(v *docView, k int) bool {
	human := func(j int) bool {
		e := v.d.Tokens[j].Entity
		return strings.HasSuffix(e, "PERSON") || strings.HasSuffix(e, "NORP") || humanNouns[v.lemma[j]]
	}
	s := v.d.Sentences[v.sentOf[k]]
	if v.d.Tokens[k].POS == "VBN" {
		for j := k - 1; j >= s.First && j >= k-6; j-- {
			if human(j) {
				return true
			}
		}
	}
	for j := k + 1; j < s.Last && j <= k+5; j++ {
		if human(j) {
			return true
		}
	}
	return false
}

// triggerType returns the event type token k of v announces, or "".
func triggerType(v *docView, k int) string {
	t := v.d.Tokens[k]
	l := v.lemma[k]
	if l == "seize" && strings.HasPrefix(t.POS, "VB") && seizesPeople(v, k) {
		return Attack
	}
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
	if noun && (typ == Release || typ == Arrest) && wanted(v, k) {
		return "" // "demanded the release of fighters": not (yet) an event
	}
	if l == "death" && k+1 < len(v.low) && deathCompounds[v.low[k+1]] {
		return "" // "the death toll", "a death sentence"
	}
	if typ == Release && verb && releasesText(v, k) {
		return "" // "the group released a video"
	}
	if (typ == Release || typ == Arrest) && t.POS == "VB" && k > 0 && v.low[k-1] == "to" {
		return "" // "efforts to free the hostages", "a plan to arrest him"
	}
	return typ
}

// deathCompounds follow "death" in nouns that name no death: "the death
// toll", "a death sentence", "death threats".
var deathCompounds = map[string]bool{"toll": true, "sentence": true, "sentences": true, "penalty": true,
	"threat": true, "threats": true, "row": true, "squad": true, "squads": true, "certificate": true, "warrant": true}

// textNouns are things a group or an office releases that are no people
// set free.
var textNouns = map[string]bool{"video": true, "statement": true, "audio": true, "recording": true, "footage": true,
	"photo": true, "photograph": true, "picture": true, "image": true, "report": true, "figure": true, "list": true,
	"message": true, "detail": true, "name": true, "document": true, "communique": true, "tape": true, "clip": true,
	"data": true, "result": true, "fund": true, "money": true, "information": true, "letter": true, "album": true}

// releasesText reports whether the object of the verb at k is a text or a
// recording ("released a video", "released the names of the dead").
func releasesText(v *docView, k int) bool {
	// "a video released on Sunday": the text before the participle.
	if p := v.d.Tokens[k].POS; p == "VBN" && k > 0 && textNouns[v.lemma[k-1]] {
		return true
	}
	last := v.d.Sentences[v.sentOf[k]].Last // sentOf is set up to k only
	for j := k + 1; j < last && j <= k+4; j++ {
		p := v.d.Tokens[j].POS
		if strings.HasPrefix(p, "NN") {
			if textNouns[v.lemma[j]] {
				return true
			}
			continue
		}
		if p != "DT" && p != "PRP$" && p != "CD" && !strings.HasPrefix(p, "JJ") {
			return false
		}
	}
	return false
}

// wantWords ask for what a noun after them names, which has not happened:
// "demanded the release", "calls for their release", "a warrant for the
// arrest".
var wantWords = map[string]bool{"for": true, "demand": true, "seek": true, "urge": true, "press": true,
	"negotiate": true, "ask": true, "plead": true, "push": true, "want": true, "await": true, "appeal": true}

// wanted reports whether the noun at k is what somebody asks for: a want
// word before it, with only determiners, possessives and modifiers between.
func wanted(v *docView, k int) bool {
	first := k - 6
	for j := k - 1; j >= 0 && j >= first && v.sentOf[j] == v.sentOf[k]; j-- {
		if wantWords[v.lemma[j]] {
			return true
		}
		p := v.d.Tokens[j].POS
		if p != "DT" && p != "PRP$" && p != "POS" && p != "CD" && !strings.HasPrefix(p, "JJ") && !strings.HasPrefix(p, "NN") {
			return false
		}
	}
	return false
}
