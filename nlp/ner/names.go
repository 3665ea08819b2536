package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier/gazetteer"
)

// PlaceNames reads the names and ASCII names of the places of a GeoNames
// table (the gzip'd TSV that package gazetteer embeds: id, name, ascii,
// country, admin1, lat, lon, population, ...) with at least minPop
// inhabitants.
func PlaceNames(path string, minPop int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	seen := map[string]bool{}
	var out []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 8 {
			continue
		}
		pop, err := strconv.Atoi(c[7])
		if err != nil || pop < minPop {
			continue
		}
		for _, n := range c[1:3] {
			k := strings.ToLower(n)
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// CountryNames returns the common, official and other names of the
// countries of package gazetteer, and their demonyms (singular and a plain
// plural).
func CountryNames() (names, demonyms []string) {
	for _, c := range gazetteer.Countries() {
		names = append(names, c.Name, c.Official)
		names = append(names, c.Aliases...)
		for _, d := range c.Demonyms {
			demonyms = append(demonyms, d)
			if !strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ese") {
				demonyms = append(demonyms, d+"s")
			}
		}
	}
	return names, demonyms
}
