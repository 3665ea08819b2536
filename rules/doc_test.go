package rules

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocExamples keeps docs/rules.md honest: its complete rule file
// must load, and every pattern in the first column of its syntax tables
// must compile.
func TestDocExamples(t *testing.T) {
	src, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Skipf("docs not found: %v", err)
	}
	doc := string(src)

	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(doc, -1)
	files := 0
	for _, b := range blocks {
		if !strings.Contains(b[1], "\nrules:\n") {
			continue
		}
		files++
		set, err := ParseFile("docs/rules.md", []byte(b[1]))
		if err != nil {
			t.Errorf("rule file in docs/rules.md does not load:\n%v", err)
			continue
		}
		if len(set.Rules) == 0 || len(set.Rules[0].Examples) == 0 {
			t.Errorf("rule file in docs/rules.md has no rules or examples")
		}
	}
	if files == 0 {
		t.Error("docs/rules.md has no complete rule file")
	}

	defs := map[string]string{"CUE": `[lemma=say|tell]`, "LEADER": `[lemma=chief]`}
	row := regexp.MustCompile("^\\| `((?:[^`])+)` \\|")
	patterns := 0
	inTable := false
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(line, "| write |"):
			inTable = true
			continue
		case !strings.HasPrefix(line, "|"):
			inTable = false
		}
		m := row.FindStringSubmatch(line)
		if !inTable || m == nil {
			continue
		}
		p := strings.ReplaceAll(m[1], `\|`, "|")
		if strings.HasPrefix(p, "( ") || strings.HasPrefix(p, "(?<") || p == "a b c" || p == "a | b" {
			continue // schematic rows
		}
		patterns++
		if _, err := Compile(p, defs); err != nil {
			t.Errorf("docs/rules.md pattern %q: %v", p, err)
		}
	}
	if patterns < 15 {
		t.Errorf("found only %d table patterns in docs/rules.md", patterns)
	}
}
