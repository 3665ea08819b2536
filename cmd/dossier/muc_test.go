package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mucDocs are two invented documents in the MUC-4 JSON Lines format: an
// arson attack and a report with no incident.
var mucDocs = []map[string]any{
	{
		"docid": "INV-0001", "dateline": "PORTO VERDE, 14 MAR 89 (RADIO SUR)",
		"text_upper": "URBAN GUERRILLAS OF THE RED DAWN MOVEMENT SET FIRE TO A BUS DEPOT IN PORTO VERDE TODAY, POLICE SAID. " +
			"THE GUERRILLAS THREW MOLOTOV COCKTAILS AT THE DEPOT AND KILLED A NIGHT WATCHMAN, JOAO SALVES.",
		"templates": []any{map[string]any{"incident_type": "arson"}},
		"roles": map[string]any{
			"PerpInd": [][]string{{"urban guerrillas", "guerrillas"}}, "PerpOrg": [][]string{{"red dawn movement"}},
			"Target": [][]string{{"bus depot", "depot"}}, "Victim": [][]string{{"joao salves"}},
			"Weapon": [][]string{{"molotov cocktails"}},
		},
	},
	{
		"docid": "INV-0002", "dateline": "PORTO VERDE, 15 MAR 89 (RADIO SUR)",
		"text_upper": "THE CONGRESS APPROVED THE NEW BUDGET TODAY AFTER A LONG DEBATE ON PUBLIC SPENDING.",
		"templates":  []any{},
		"roles":      map[string]any{"PerpInd": []any{}, "PerpOrg": []any{}, "Target": []any{}, "Victim": []any{}, "Weapon": []any{}},
	},
}

func writeMUC(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "muc.jsonl")
	var b strings.Builder
	for _, d := range mucDocs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readPredictions reads an --output file: docid -> role -> fillers.
func readPredictions(t *testing.T, path string) map[string]map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line struct {
			DocID string              `json:"docid"`
			Roles map[string][]string `json:"roles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("bad output line %q: %v", sc.Text(), err)
		}
		out[line.DocID] = line.Roles
	}
	return out
}

func TestEvalMUC(t *testing.T) {
	data := writeMUC(t)
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	r := dossierRun(t, "", "eval", "muc", "--data", data, "--output", pred)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"PerpInd", "PerpOrg", "Target", "Victim", "Weapon", "micro", "documents 2, no incident 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	got := readPredictions(t, pred)
	if len(got) != 2 {
		t.Fatalf("%d prediction lines, want 2", len(got))
	}
	for _, role := range []string{"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"} {
		if _, ok := got["INV-0001"][role]; !ok {
			t.Errorf("INV-0001 has no %s list", role)
		}
		if n := len(got["INV-0002"][role]); n != 0 {
			t.Errorf("no-incident document has %d %s fillers: %v", n, role, got["INV-0002"][role])
		}
	}
}

func TestEvalMUCErrors(t *testing.T) {
	if r := dossierRun(t, "", "eval", "muc"); r.code != exitUsage {
		t.Errorf("no --data: exit %d, want %d", r.code, exitUsage)
	}
	missing := filepath.Join(t.TempDir(), "missing.jsonl")
	r := dossierRun(t, "", "eval", "muc", "--data", missing)
	if r.code != exitFailed || !strings.Contains(r.stderr, "missing.jsonl") {
		t.Errorf("missing file: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := dossierRun(t, "", "train", "events", "--train", missing); r.code != exitUsage {
		t.Errorf("train without --dev and --out: exit %d, want %d", r.code, exitUsage)
	}
}

func TestTrainEventsThenEval(t *testing.T) {
	data := writeMUC(t)
	model := filepath.Join(t.TempDir(), "roles.gz")
	r := dossierRun(t, "", "train", "events", "--train", data, "--dev", data, "--out", model, "--iterations", "3")
	if r.code != exitOK {
		t.Fatalf("train: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "tuned gate power") {
		t.Errorf("train log lacks the tuning line:\n%s", r.stderr)
	}
	r = dossierRun(t, "", "eval", "muc", "--data", data, "--model", model)
	if r.code != exitOK || !strings.Contains(r.stdout, "micro") {
		t.Fatalf("eval with the trained model: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
}
