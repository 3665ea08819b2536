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
