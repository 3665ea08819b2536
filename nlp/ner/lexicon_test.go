package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/nlp/tag"
)

func TestWordListInLexicon(t *testing.T) {
	path := filepath.Join(t.TempDir(), "words")
	list := "Kandor\nkandor\nMarkham\nmarket\nmarket's\nOrtega\n"
	if err := os.WriteFile(path, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	dict, err := ReadWordList(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteLexicon(&b, nil, NewCapStats(), nil, dict); err != nil {
		t.Fatal(err)
	}
	lex, err := ReadLexicon(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want uint8
	}{
		{"KANDOR", dictLower | dictCapital},
		{"markham", dictCapital},
		{"Market", dictLower},
		{"ortega", dictCapital},
		{"market's", 0},
		{"unlisted", 0},
	}
	for _, tt := range tests {
		if got := lex.lookup(tag.HashLower(tt.word)).dict; got != tt.want {
			t.Errorf("dict case of %q = %d, want %d", tt.word, got, tt.want)
		}
	}
	// Tables without the word-list column still read.
	old, err := ReadLexicon(strings.NewReader("kandor\t1 2 3\t4\t9\t0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e := old.lookup(tag.HashLower("kandor")); e.clusters != [3]uint16{1, 2, 3} || e.dict != 0 {
		t.Errorf("five-column entry = %+v", e)
	}
}
