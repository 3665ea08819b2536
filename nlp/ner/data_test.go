package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/nlp/tag"
)

// dataDir is where the shared CoNLL-2003 files live, relative to this
// package; tests that need them skip when they are absent.
var dataDir = filepath.Join("..", "..", "..", "shared", "data", "conll2003")

func readShared(t testing.TB, name string) []Sentence {
	t.Helper()
	path := filepath.Join(dataDir, name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("CoNLL-2003 data not available at %s (only on the project's build machine)", path)
	}
	s, err := ReadCoNLLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDevScores reports the shipped model's dev scores in mixed, upper and
// lower case (run with -v); it fails only if they collapse.
func TestDevScores(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: tags the whole dev set three times")
	}
	dev := readShared(t, "dev.txt")
	mixed, upper, lower := CaseReport(Default(), dev)
	for _, c := range []struct {
		name string
		s    Scores
		min  float64
	}{{"mixed", mixed, 0.85}, {"upper", upper, 0.70}, {"lower", lower, 0.70}} {
		var b strings.Builder
		c.s.WriteTable(&b)
		t.Logf("dev %s case:\n%s", c.name, b.String())
		if f := c.s.Overall.F1(); f < c.min {
			t.Errorf("dev %s F1 = %.4f, want >= %.2f", c.name, f, c.min)
		}
	}
	t.Logf("POS accuracy on dev: %.4f", POSAccuracy(posModel(), dev))
}

func posModel() *tag.Model { p, _ := posChunkers(); return p }
