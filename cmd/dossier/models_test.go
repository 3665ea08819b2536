package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A CoNLL-2003 file written for this test: the POS and chunk columns are
// nonsense on purpose, since eval must not read them.
const conllSample = `-DOCSTART- -X- O O

Anjali XX XX I-PER
Mehra XX XX I-PER
visited XX XX O
Srinagar XX XX I-LOC
on XX XX O
Tuesday XX XX O
. XX XX O

The XX XX O
United XX XX I-ORG
Nations XX XX I-ORG
said XX XX O
nothing XX XX O
. XX XX O
`

func TestEvalNER(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "sample.conll")
	out := filepath.Join(dir, "pred.txt")
	if err := os.WriteFile(in, []byte(conllSample), 0o644); err != nil {
		t.Fatal(err)
	}
	r := dossierRun(t, "", "eval", "ner", "--conll", in, "--output", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "overall") || !strings.Contains(r.stdout, "PER") {
		t.Fatalf("eval ner: %+v", r)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	// 13 tokens and one blank line between the two sentences.
	if len(lines) != 14 || !strings.HasPrefix(lines[0], "Anjali I-PER ") || lines[7] != "" {
		t.Fatalf("conlleval output:\n%s", b)
	}
	if r := dossierRun(t, "", "eval", "ner"); r.code != exitUsage {
		t.Fatalf("eval ner without --conll: exit %d", r.code)
	}
}
