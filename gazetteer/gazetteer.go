// Package gazetteer answers "what place, country, nationality or title is
// this word?" from tables embedded in the binary: GeoNames cities500 places,
// world-countries countries and demonyms, and a hand-written list of
// honorifics, ranks and role titles.
//
// Every lookup goes through Key, so case, diacritics, apostrophes, full stops
// and hyphens do not matter ("SAO-TOMÉ" finds São Tomé). Tables are
// decompressed and indexed once, on first use; after that a lookup is a map
// access. The generated tables come from gen/ (see README.md); the titles
// table is written by hand in data/titles.tsv.
package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-osint/dossier/gazetteer/internal/norm"
	"github.com/dossier-osint/dossier/lexicon"
)

//go:generate sh gen/generate.sh

//go:embed data/places.tsv.gz data/countries.tsv.gz data/country_aliases.tsv data/titles.tsv
var dataFS embed.FS

// Key returns the normalised form that all lookups compare: lower case,
// diacritics folded, apostrophes and full stops dropped, hyphens and other
// punctuation turned into single spaces. Callers that build their own
// indexes over gazetteer names should use it too.
func Key(s string) string { return norm.Key(s) }

// IsCommonWord reports whether word, lower-cased, is a common English word
// (written in lower case in Debian's wamerican word list): "Of", "Along",
// "Nice", "Reading". A place whose name is a common word needs stronger
// evidence than its capital letter before it is tagged as a place.
func IsCommonWord(word string) bool { return lexicon.IsCommonWord(word) }

// readData returns the content of an embedded data file, gunzipped when its
// name ends in .gz.
func readData(name string) (string, error) {
	raw, err := dataFS.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return string(raw), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", fmt.Errorf("gazetteer: gunzip %s: %w", name, err)
	}
	var b strings.Builder
	b.Grow(len(raw) * 3)
	if _, err := io.Copy(&b, zr); err != nil {
		return "", fmt.Errorf("gazetteer: gunzip %s: %w", name, err)
	}
	return b.String(), nil
}

// lines calls fn with each line of text that is neither empty nor a comment
// (starting with '#'), and its 1-based line number; it stops at fn's first
// error.
func lines(text string, fn func(n int, line string) error) error {
	n := 0
	for len(text) > 0 {
		n++
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return nil
}

// splitList splits a '|'-joined list field; an empty field is no items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}
