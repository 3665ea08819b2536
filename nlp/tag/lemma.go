package tag

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/dossier-osint/dossier/lexicon"
)

//go:embed lemma_exceptions.txt
var lemmaExceptionsText string

var (
	lemmaOnce       sync.Once
	lemmaExceptions map[string]string // "form class" -> lemma
)

func loadLemmaExceptions() {
	lemmaExceptions = map[string]string{}
	for _, line := range strings.Split(lemmaExceptionsText, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		lemmaExceptions[f[0]+" "+f[1]] = f[2]
	}
}

// posClass maps a Penn Treebank tag to the lemmatiser's word class: v, n,
// a, or "" for words that are not inflected.
func posClass(pos string) string {
	switch {
	case strings.HasPrefix(pos, "VB") || pos == "MD":
		return "v"
	case pos == "NNS" || pos == "NN":
		return "n"
	case pos == "JJR" || pos == "JJS" || pos == "RBR" || pos == "RBS":
		return "a"
	}
	return ""
}

// Lemma returns the dictionary form of word given its Penn Treebank POS tag:
// "attacked"/VBD → "attack", "militias"/NNS → "militia", "women"/NNS →
// "woman". Proper nouns keep their case and form; other words are
// lower-cased. Irregular forms come from an embedded exception list,
// regular ones from suffix rules.
func Lemma(word, pos string) string {
	if pos == "NNP" || pos == "NNPS" {
		return word
	}
	w := strings.ToLower(word)
	class := posClass(pos)
	if class == "" {
		return w
	}
	lemmaOnce.Do(loadLemmaExceptions)
	if l, ok := lemmaExceptions[w+" "+class]; ok {
		return l
	}
	switch class {
	case "n":
		if pos == "NNS" {
			return nounSingular(w)
		}
	case "v":
		switch pos {
		case "VBD", "VBN":
			return verbStem(w, "ed")
		case "VBG":
			return verbStem(w, "ing")
		case "VBZ":
			return nounSingular(w)
		}
	case "a":
		if pos == "JJR" || pos == "RBR" {
			return adjStem(w, "er")
		}
		return adjStem(w, "est")
	}
	return w
}

func nounSingular(w string) string {
	switch {
	case len(w) <= 3 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "oes") && len(w) > 5:
		return w[:len(w)-2]
	}
	return w[:len(w)-1]
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// verbStem strips "ed" or "ing": "stopped" → "stop", "hoped" → "hope",
// "carried" → "carry", "making" → "make".
func verbStem(w, suf string) string {
	if !strings.HasSuffix(w, suf) || len(w) < len(suf)+2 {
		return w
	}
	s := w[:len(w)-len(suf)]
	if suf == "ed" && strings.HasSuffix(s, "i") && len(s) > 2 {
		return s[:len(s)-1] + "y"
	}
	n := len(s)
	// doubled final consonant after a consonant and one vowel: stopped,
	// planning (but not "killed", "passed", nor "added", "erred").
	if n >= 4 && s[n-1] == s[n-2] && !isVowel(s[n-1]) && strings.IndexByte("lsz", s[n-1]) < 0 && isVowel(s[n-3]) && !isVowel(s[n-4]) {
		return s[:n-1]
	}
	// The word list decides where it can: "released" is "release" (no
	// "releas"), "focused" is "focus" (no "focuse"), "freed" is "free".
	if n >= 2 {
		bare, withE := lexicon.IsCommonWord(s), lexicon.IsCommonWord(s+"e")
		switch {
		case withE && !bare:
			return s + "e"
		case bare && !withE:
			return s
		case bare && withE && s[n-1] == 's' && s[n-2] != 's':
			// "pleased": "pleas" is a plural, "please" the verb.
			return s + "e"
		}
	}
	// consonant-vowel-consonant endings that drop a silent e: hoped, making.
	if n >= 2 && needsE(s) {
		return s + "e"
	}
	return s
}

// needsE guesses whether a stem lost a final "e": "hop" (hoped), "mak"
// (making), "us" (used), "announc" (announced), "involv".
func needsE(s string) bool {
	n := len(s)
	last := s[n-1]
	switch {
	case strings.HasSuffix(s, "c") || strings.HasSuffix(s, "v") || strings.HasSuffix(s, "z") || strings.HasSuffix(s, "g") && !strings.HasSuffix(s, "ng"):
		return true
	case strings.HasSuffix(s, "us") || strings.HasSuffix(s, "as") && n <= 4 || strings.HasSuffix(s, "ur") && n > 3:
		return true
	}
	if n >= 3 && !isVowel(last) && isVowel(s[n-2]) && !isVowel(s[n-3]) && strings.IndexByte("wxyrn", last) < 0 {
		// a single short syllable: hop, mak, vot, tak — but not "visit".
		vowels := 0
		for i := 0; i < n; i++ {
			if isVowel(s[i]) {
				vowels++
			}
		}
		return vowels == 1
	}
	return false
}

func adjStem(w, suf string) string {
	if !strings.HasSuffix(w, suf) || len(w) < len(suf)+3 {
		return w
	}
	s := w[:len(w)-len(suf)]
	n := len(s)
	switch {
	case strings.HasSuffix(s, "i"):
		return s[:n-1] + "y"
	case n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]):
		return s[:n-1]
	case strings.HasSuffix(s, "g") || strings.HasSuffix(s, "r") && isVowel(s[n-2]) && n <= 3:
		return s + "e"
	}
	return s
}
