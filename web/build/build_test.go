package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestBundleIsReproducible builds web/ into a temporary directory and
// compares it, file by file, with the committed server/static/dist. It
// needs web/node_modules (npm ci) and skips without it.
func TestBundleIsReproducible(t *testing.T) {
	if _, err := os.Stat("../node_modules"); err != nil {
		t.Skip("no web/node_modules: run `npm ci` in web/ to check the bundle")
	}
	out := t.TempDir()
	if err := build("..", out); err != nil {
		t.Fatal(err)
	}
	committed := "../../server/static/dist"
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			rel, _ := filepath.Rel(root, path)
			m[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	built, have := files(out), files(committed)
	for name, b := range built {
		c, ok := have[name]
		switch {
		case !ok:
			t.Errorf("%s is built but not committed", name)
		case !bytes.Equal(b, c):
			t.Errorf("%s differs from the build: run `go generate ./web` and commit it", name)
		}
	}
	for name := range have {
		if _, ok := built[name]; !ok {
			t.Errorf("%s is committed but no longer built", name)
		}
	}
	if len(built) < 5 {
		t.Errorf("the build wrote %d files", len(built))
	}
}
