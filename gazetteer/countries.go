package gazetteer

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// CountryInfo describes one country or territory.
type CountryInfo struct {
	// Name is the common English name: "Pakistan".
	Name string
	// Official is the official English name: "Islamic Republic of Pakistan".
	Official string
	// Alpha2 and Alpha3 are the ISO 3166-1 codes: "PK", "PAK".
	Alpha2, Alpha3 string
	// Capital is the (first) capital city: "Islamabad".
	Capital string
	// Lat and Lon are a rough centre in WGS84 degrees.
	Lat, Lon float64
	// Region and Subregion: "Asia", "Southern Asia".
	Region, Subregion string
	// Demonyms are the English adjectives and nouns for its people, the
	// NORP names: "Pakistani"; plurals are matched but not listed.
	Demonyms []string
	// Aliases are other names it goes by: "Burma", "Holland", "U.S.".
	Aliases []string
}

// countryTable indexes the countries.
type countryTable struct {
	list []CountryInfo
	// byName maps the Key of a name, official name or alias.
	byName map[string]int
	// byCode maps upper-case codes and acronyms exactly: "PK", "PAK",
	// "UAE", "US" (from "U.S.").
	byCode map[string]int
	// byDemonym maps the Key of a demonym or its plural.
	byDemonym map[string]int
}

var countries = sync.OnceValues(loadCountries)

func loadCountries() (*countryTable, error) {
	text, err := readData("data/countries.tsv.gz")
	if err != nil {
		return nil, err
	}
	t := &countryTable{byName: map[string]int{}, byCode: map[string]int{}, byDemonym: map[string]int{}}
	byAlpha3 := map[string]int{}
	err = lines(text, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 11 {
			return fmt.Errorf("gazetteer: countries.tsv.gz:%d: want 11 fields, have %d", n, len(f))
		}
		lat, err1 := strconv.ParseFloat(f[5], 64)
		lon, err2 := strconv.ParseFloat(f[6], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("gazetteer: countries.tsv.gz:%d: bad coordinates", n)
		}
		caps := splitList(f[4])
		c := CountryInfo{
			Name: f[2], Official: f[3], Alpha2: f[0], Alpha3: f[1], Lat: lat, Lon: lon,
			Region: f[7], Subregion: f[8], Demonyms: splitList(f[9]), Aliases: splitList(f[10]),
		}
		if len(caps) > 0 {
			c.Capital = caps[0]
		}
		byAlpha3[c.Alpha3] = len(t.list)
		t.list = append(t.list, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	aliases, err := readData("data/country_aliases.tsv")
	if err != nil {
		return nil, err
	}
	err = lines(aliases, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("gazetteer: country_aliases.tsv:%d: want alpha3, kind, form", n)
		}
		i, ok := byAlpha3[f[0]]
		if !ok {
			return fmt.Errorf("gazetteer: country_aliases.tsv:%d: unknown country %q", n, f[0])
		}
		switch f[1] {
		case "name":
			t.list[i].Aliases = appendNew(t.list[i].Aliases, f[2])
		case "demonym":
			t.list[i].Demonyms = appendNew(t.list[i].Demonyms, f[2])
		default:
			return fmt.Errorf("gazetteer: country_aliases.tsv:%d: kind %q is not name or demonym", n, f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Index in table order (sorted by alpha-2 code); the first country to
	// claim a key keeps it, so "Congolese" is DR Congo (CD) and not the
	// Republic of the Congo (CG).
	first := func(m map[string]int, k string, i int) {
		if _, dup := m[k]; !dup && k != "" {
			m[k] = i
		}
	}
	for i, c := range t.list {
		first(t.byCode, c.Alpha2, i)
		first(t.byCode, c.Alpha3, i)
		for _, n := range append([]string{c.Name, c.Official}, c.Aliases...) {
			if a, ok := acronym(n); ok {
				first(t.byCode, a, i)
				continue
			}
			first(t.byName, Key(n), i)
		}
		for _, d := range c.Demonyms {
			first(t.byDemonym, Key(d), i)
			if p := plural(d); p != "" {
				first(t.byDemonym, Key(p), i)
			}
		}
	}
	return t, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// acronym reports whether s is written as an upper-case acronym ("UAE",
// "U.S.", "U.K."), and returns it without full stops. Acronyms match only in
// upper case, so that "us" and "in" are not countries.
func acronym(s string) (string, bool) {
	a := strings.ReplaceAll(s, ".", "")
	if len(a) < 2 || len(a) > 4 {
		return "", false
	}
	for _, r := range a {
		if r < 'A' || r > 'Z' {
			return "", false
		}
	}
	return a, true
}

// plural returns the plural of a demonym used as a noun ("Pakistani" →
// "Pakistanis", "Afghan" → "Afghans"), or "" for those that do not take an
// s ("British", "Chinese", "Swiss", "French").
func plural(d string) string {
	l := strings.ToLower(d)
	for _, suf := range []string{"ese", "ish", "ch", "s", "x", "z", "sh"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	return d + "s" // "Sri Lankan" → "Sri Lankans": only the last word changes

}

// mustCountries returns the countries table, panicking on broken embedded
// data.
func mustCountries() *countryTable {
	t, err := countries()
	if err != nil {
		panic(err)
	}
	return t
}

// Country finds a country by its common, official or alternate name (any
// case: "pakistan", "Islamic Republic of Pakistan", "Burma"), by its ISO
// alpha-2 or alpha-3 code or an acronym written in upper case ("PK", "PAK",
// "U.S.", "UAE"), or by a demonym ("Pakistani"). The Aliases and Demonyms
// slices are copies.
func Country(name string) (CountryInfo, bool) {
	t := mustCountries()
	if a, ok := acronym(strings.TrimSpace(name)); ok {
		if i, ok := t.byCode[a]; ok {
			return t.list[i].clone(), true
		}
	}
	k := Key(name)
	if i, ok := t.byName[k]; ok {
		return t.list[i].clone(), true
	}
	if i, ok := t.byDemonym[k]; ok {
		return t.list[i].clone(), true
	}
	return CountryInfo{}, false
}

// Demonym finds the country whose people word names, singular or plural:
// "Pakistani", "Israelis", "Indian" → Pakistan, Israel, India. In text such
// a word is a NORP mention. Demonyms shared by two countries go to the first
// by alpha-2 code ("Congolese" → DR Congo).
func Demonym(word string) (CountryInfo, bool) {
	t := mustCountries()
	if i, ok := t.byDemonym[Key(word)]; ok {
		return t.list[i].clone(), true
	}
	return CountryInfo{}, false
}

// Countries returns every country, sorted by alpha-2 code.
func Countries() []CountryInfo {
	t := mustCountries()
	out := make([]CountryInfo, len(t.list))
	for i, c := range t.list {
		out[i] = c.clone()
	}
	return out
}

func (c CountryInfo) clone() CountryInfo {
	c.Demonyms = append([]string(nil), c.Demonyms...)
	c.Aliases = append([]string(nil), c.Aliases...)
	return c
}
