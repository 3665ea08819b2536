package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/extract/gold"
)

const goldExamplesDir = "../../testdata/golden/examples"

// TestEvalExtractExamples scores the extraction of examples/ against its
// gold: the tables are printed and every gold document is covered. The
// extractor is still young (relations and quotes are not produced yet), so
// the test asserts plausible numbers, not high ones.
func TestEvalExtractExamples(t *testing.T) {
	files, err := gold.Load(goldExamplesDir)
	if err != nil {
		t.Fatal(err)
	}
	goldDocs := 0
	for _, f := range files {
		goldDocs += len(f.Documents)
	}

	r := dossierRun(t, "", "eval", "extract", "--json", "--gold", goldExamplesDir, examplesDir)
	if r.code != exitOK {
		t.Fatalf("eval extract --json: exit %d\n%s", r.code, r.stderr)
	}
	var rep gold.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("output is not a JSON report: %v\n%s", err, r.stdout)
	}
	if len(rep.Documents) != goldDocs || rep.Found != goldDocs {
		t.Errorf("report has %d documents, %d found; gold has %d", len(rep.Documents), rep.Found, goldDocs)
	}
	if len(rep.Unaligned) != 0 {
		t.Errorf("documents read but not in gold: %q", rep.Unaligned)
	}
	ent := rep.Total.Entities
	if ent.F1() <= 0 || ent.F1() > 1 || ent.Gold < 300 || ent.Predicted == 0 {
		t.Errorf("entities = %+v (F1 %.3f): want F1 in (0, 1] over 300+ gold entities", ent, ent.F1())
	}
	for _, c := range []gold.Counts{rep.Total.Relations, rep.Total.Events, rep.Total.Quotes, rep.Total.Roles} {
		if c.Gold == 0 || c.Correct > c.Predicted || c.Recalled > c.Gold {
			t.Errorf("implausible counts %+v", c)
		}
	}
	for _, d := range rep.Documents {
		if d.Entities.Gold == 0 {
			t.Errorf("%s %q: no gold entities", d.Input, d.Document)
		}
	}

	r = dossierRun(t, "", "eval", "extract", "--errors", "--gold", goldExamplesDir, examplesDir)
	if r.code != exitOK {
		t.Fatalf("eval extract: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"TOTAL", "entities", "relations", "event roles", "quotes",
		"quote speaker", "attribution kind", "ENTITY TYPE", "PERSON", "DOCUMENT",
		"fna-attack-anantnag.txt", "northern-courier-feed.xml", "missed entities"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "[NOT FOUND]") {
		t.Errorf("a gold document was not found:\n%s", r.stdout)
	}
}

// TestEvalExtractOneInput scores a single article: only its gold file
// counts, so no other gold document is reported missing.
func TestEvalExtractOneInput(t *testing.T) {
	r := dossierRun(t, "", "eval", "extract", "--json", "--gold", goldExamplesDir, examplesDir+"/south-asia-desk.jsonl")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var rep gold.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 3 || rep.Found != 3 {
		t.Errorf("report has %d documents, %d found; want the 3 lines of south-asia-desk.jsonl", len(rep.Documents), rep.Found)
	}
}

func TestEvalExtractUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no --gold", []string{"eval", "extract", examplesDir}, exitUsage},
		{"no input", []string{"eval", "extract", "--gold", goldExamplesDir}, exitUsage},
		{"missing gold dir", []string{"eval", "extract", "--gold", "no/such/dir", examplesDir}, exitFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r := dossierRun(t, "", tc.args...); r.code != tc.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tc.code, r.stderr)
			}
		})
	}
}
