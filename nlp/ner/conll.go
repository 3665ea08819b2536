package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence of a CoNLL-2003 file. POS and Chunks hold the
// file's own columns; the recogniser never reads them (it tags with
// dossier's own tagger), they are kept for training the taggers.
type Sentence struct {
	Words  []string
	POS    []string
	Chunks []string
	// Tags are the gold entity tags as written in the file (IOB1 or IOB2).
	Tags []string
	// Doc numbers the document (-DOCSTART- block) the sentence belongs to.
	Doc int
}

// ReadCoNLL reads a CoNLL-2003 file: "word POS chunk NER" per line, blank
// lines between sentences, -DOCSTART- lines between documents. Lines with
// fewer columns are accepted: a missing column reads as "O" (or "-X-").
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			doc++
			continue
		}
		get := func(i int, def string) string {
			if i < len(f) {
				return f[i]
			}
			return def
		}
		cur.Words = append(cur.Words, f[0])
		cur.POS = append(cur.POS, get(1, "-X-"))
		cur.Chunks = append(cur.Chunks, get(2, "O"))
		tag := "O"
		if len(f) >= 2 {
			tag = f[len(f)-1]
		}
		if tag != "O" && !(len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-")) {
			return nil, fmt.Errorf("line %d: bad entity tag %q", line, tag)
		}
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// ReadCoNLLFile reads a CoNLL-2003 file from path.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}
