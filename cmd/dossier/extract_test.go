package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestExtractMatchesSchema runs `dossier extract` on every example article
// and validates each JSON object against docs/extract-schema.json, then
// checks the document header. (TestIngestExamplesTwice checks offsets against
// the stored text.)
func TestExtractMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../docs/extract-schema.json")
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	files, err := filepath.Glob(filepath.Join(examplesDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	objects := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		r := dossierRun(t, "", "extract", "--published", "2026-04-25", f)
		if r.code != exitOK {
			t.Errorf("extract %s: exit %d: %s", f, r.code, r.stderr)
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			objects++
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(sc.Text()))
			if err != nil {
				t.Fatalf("%s: output is not JSON: %v", f, err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("%s: output does not match the schema: %v", f, err)
			}
		}
	}
	if objects < 12 {
		t.Fatalf("only %d documents extracted from examples/", objects)
	}
}

func TestExtractStdinAndPublished(t *testing.T) {
	text := "NEW DELHI, April 22 (FNA) — Officials said on Wednesday that the investigation into the Anantnag attack was widening.\n"
	r := dossierRun(t, text, "extract", "--published", "2026-04-22", "-")
	if r.code != exitOK {
		t.Fatalf("extract -: %+v", r)
	}
	var x struct {
		Schema   string
		Document struct{ ID, Published string }
		Entities []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &x); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, r.stdout)
	}
	if x.Schema != "dossier.extract/v1" || x.Document.Published != "2026-04-22" || !strings.HasPrefix(x.Document.ID, "sha256:") {
		t.Fatalf("unexpected header: %+v", x)
	}
	if len(x.Entities) == 0 {
		t.Fatalf("no entities found in %q", text)
	}
	if _, err := os.Stat("dossier.db"); err == nil {
		t.Fatal("extract created a store in the working directory")
	}
}

// TestExtractExplainAndUserRules runs a user's rule file with --rules and
// checks that --explain names it with its file and line, and that a rule
// file with an error is refused with its file and line.
func TestExtractExplainAndUserRules(t *testing.T) {
	dir := t.TempDir()
	rule := `rules:
  - name: praised
    description: A person who praised an organisation.
    pattern: '(?<subject> <PERSON>) (?<pred> "praised") "the"? (?<object> <ORG>)'
    emit:
      kind: relation
      type: supports
      args: {subject: subject, object: object, pred: pred}
    examples:
      - text: "Sunita Rao praised the Central Counter-Terrorism Agency (CCTA) on Monday."
        expect: ["supports(Sunita Rao, Central Counter-Terrorism Agency)"]
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "NEW DELHI, April 22 (FNA) — Police chief Sunita Rao praised the Central Counter-Terrorism Agency (CCTA) on Monday for its work.\n"
	r := dossierRun(t, text, "--rules", dir, "extract", "--explain", "-")
	if r.code != exitOK {
		t.Fatalf("extract --explain with --rules: %+v", r)
	}
	if !strings.Contains(r.stdout, "relation supports(Sunita Rao, Central Counter-Terrorism Agency)") || !strings.Contains(r.stdout, "rule: praised (mine.yaml:2)") {
		t.Errorf("--explain does not show the user's rule and where it is:\n%s", r.stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("rules:\n  - name: broken\n    pattern: '(?<x> [lemma=say'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = dossierRun(t, text, "--rules", dir, "extract", "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, "broken.yaml:3") {
		t.Errorf("a broken rule file: exit %d, stderr %q; want exit %d naming broken.yaml:3", r.code, r.stderr, exitUsage)
	}
}
