package extract

import (
	"embed"
	"fmt"
	"strings"

	"github.com/dossier-osint/dossier"
)

//go:embed data/*.txt
var dataFS embed.FS

// cueVerb is a verb that attributes claims to its subject.
type cueVerb struct {
	negates, hedges bool
}

var (
	cueVerbs     = map[string]cueVerb{}
	speakerHeads = map[string]dossier.AttributionKind{}
	hedgeWords   [][]string
	negWords     = map[string]bool{}
	// orgHeads are the last words of organisations' names; orgOpeners
	// open transliterated ones ("Lashkar-e-...").
	orgHeads   = map[string]bool{}
	orgOpeners = map[string]bool{}
	// romanceOpeners head Spanish, French and Portuguese names, which
	// go on through "de", "du", "pour".
	romanceOpeners = map[string]bool{}
	// nameOpeners begin personal names ("Abdul", "Ghulam").
	nameOpeners = map[string]bool{}
	// placeHeads end the names of natural regions and features ("Swat
	// Valley"); placeOpeners open them ("line of" for "Line of Control").
	placeHeads   = map[string]bool{}
	placeOpeners = map[string]bool{}
	// facilityHeads end the names of buildings, roads and sites
	// ("Tribhuvan International Airport").
	facilityHeads = map[string]bool{}
)

func init() {
	for _, f := range dataLines("cues.txt") {
		var c cueVerb
		for _, flag := range f[1:] {
			switch flag {
			case "negates":
				c.negates = true
			case "hedges":
				c.hedges = true
			default:
				panic(fmt.Sprintf("extract: data/cues.txt: unknown flag %q", flag))
			}
		}
		cueVerbs[f[0]] = c
	}
	for _, f := range dataLines("speakers.txt") {
		if len(f) != 2 {
			panic(fmt.Sprintf("extract: data/speakers.txt: want 'head kind', got %q", strings.Join(f, " ")))
		}
		speakerHeads[f[0]] = dossier.AttributionKind(f[1])
	}
	for _, f := range dataLines("hedges.txt") {
		hedgeWords = append(hedgeWords, f)
	}
	for _, f := range dataLines("orgwords.txt") {
		set := orgHeads
		switch f[0] {
		case "transliterated":
			set = orgOpeners
		case "opener":
			set = romanceOpeners
		case "english":
		default:
			panic(fmt.Sprintf("extract: data/orgwords.txt: unknown class %q", f[0]))
		}
		for _, w := range f[1:] {
			set[w] = true
		}
	}
	for _, f := range dataLines("placewords.txt") {
		set := placeHeads
		switch f[0] {
		case "head":
		case "opener":
			set = placeOpeners
		case "facility":
			set = facilityHeads
		default:
			panic(fmt.Sprintf("extract: data/placewords.txt: unknown class %q", f[0]))
		}
		for _, w := range f[1:] {
			set[strings.ReplaceAll(w, "-", " ")] = true
		}
	}
	for _, f := range dataLines("nameparts.txt") {
		for _, w := range f {
			nameOpeners[w] = true
		}
	}
	for _, f := range dataLines("negations.txt") {
		negWords[f[0]] = true
	}
}

// dataLines returns the fields of each non-blank, non-comment line of an
// embedded data file.
func dataLines(name string) [][]string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("extract: " + err.Error())
	}
	var out [][]string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line))
	}
	return out
}
