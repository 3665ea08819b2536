package gazetteer

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Srinagar", "srinagar"},
		{"  New   Delhi ", "new delhi"},
		{"São Tomé", "sao tome"},
		{"SAO-TOMÉ", "sao tome"},
		{"Ma'arrat al-Nu'man", "maarrat al numan"},
		{"Ma’arrat al‐Nu’man", "maarrat al numan"},
		{"Gen.", "gen"},
		{"Lt. Gen.", "lt gen"},
		{"Łódź", "lodz"},
		{"Øresund", "oresund"},
		{"Straße", "strasse"},
		{"Dera Ismail Khan, Pakistan", "dera ismail khan pakistan"},
		{"", ""},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		name       string
		country    string
		class      string
		lat, lon   float64
		tol        float64
		minPop     int
		wantFirstN string // first result's Name, when set
	}{
		{name: "Srinagar", country: "IN", class: ClassCity, lat: 34.08, lon: 74.8, tol: 0.1, minPop: 500000},
		{name: "srinagar", country: "IN", class: ClassCity, lat: 34.08, lon: 74.8, tol: 0.1, minPop: 500000},
		{name: "Islamabad", country: "PK", class: ClassCity, lat: 33.7, lon: 73.05, tol: 0.2, minPop: 500000},
		{name: "New Delhi", country: "IN", class: ClassCity, lat: 28.6, lon: 77.2, tol: 0.2, minPop: 100000},
		{name: "new-delhi", country: "IN", class: ClassCity, lat: 28.6, lon: 77.2, tol: 0.2, minPop: 100000},
		{name: "Rawalakot", country: "PK", class: ClassCity, lat: 33.86, lon: 73.76, tol: 0.1, minPop: 10000},
		// An alternate name recorded by GeoNames finds the place.
		{name: "Rawala Kot", country: "PK", class: ClassCity, lat: 33.86, lon: 73.76, tol: 0.1, wantFirstN: "Rawalakot"},
		{name: "Pahalgam", country: "IN", class: ClassCity, lat: 34.0, lon: 75.3, tol: 0.2},
		// Diacritics fold: the Uttarakhand Srinagar is written Srīnagar.
		{name: "Srīnagar", country: "IN", class: ClassCity, lat: 34.08, lon: 74.8, tol: 0.1},
		// Countries come before cities of the same name.
		{name: "Pakistan", country: "PK", class: ClassCountry, lat: 30, lon: 70, tol: 1, wantFirstN: "Pakistan"},
		{name: "Burma", country: "MM", class: ClassCountry, lat: 22, lon: 98, tol: 1},
		{name: "Islamic Republic of Pakistan", country: "PK", class: ClassCountry, lat: 30, lon: 70, tol: 1},
	}
	for _, tt := range tests {
		ps := Places(tt.name)
		if len(ps) == 0 {
			t.Errorf("Places(%q): none", tt.name)
			continue
		}
		p := ps[0]
		if p.Country != tt.country || p.Class != tt.class || !near(p.Lat, tt.lat, tt.tol) || !near(p.Lon, tt.lon, tt.tol) || p.Population < tt.minPop {
			t.Errorf("Places(%q)[0] = %+v, want %s %s near %.2f,%.2f pop >= %d", tt.name, p, tt.country, tt.class, tt.lat, tt.lon, tt.minPop)
		}
		if tt.wantFirstN != "" && p.Name != tt.wantFirstN {
			t.Errorf("Places(%q)[0].Name = %q, want %q", tt.name, p.Name, tt.wantFirstN)
		}
		checkOrder(t, tt.name, ps)
	}
}

// checkOrder checks Places' order: countries, then places whose own name
// matches, then places that have it as an alternate, each most populous
// first.
func checkOrder(t *testing.T, name string, ps []Place) {
	t.Helper()
	k := Key(name)
	rank := func(p Place) int {
		switch {
		case p.Class == ClassCountry:
			return 0
		case Key(p.Name) == k || Key(p.ASCII) == k:
			return 1
		}
		return 2
	}
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if rank(a) > rank(b) || rank(a) == rank(b) && a.Population < b.Population {
			t.Errorf("Places(%q): %s (%d) before %s (%d)", name, a.Name, a.Population, b.Name, b.Population)
		}
	}
}

func TestPlacesSeveral(t *testing.T) {
	// Two Srinagars in India: Kashmir's capital first, then Uttarakhand's.
	ps := Places("Srinagar")
	if len(ps) < 2 {
		t.Fatalf("Places(Srinagar) = %d places, want at least 2", len(ps))
	}
	if ps[0].Admin1 != "12" || ps[0].Feature != "PPLA" || ps[0].ID != 1255634 {
		t.Errorf("first Srinagar = %+v, want the Jammu and Kashmir seat 1255634", ps[0])
	}
	if ps[1].Lat > 31 {
		t.Errorf("second Srinagar at %.2f, want the Uttarakhand one near 30.2", ps[1].Lat)
	}
	// The result is the caller's to change.
	ps[0].Name = "changed"
	if Places("Srinagar")[0].Name == "changed" {
		t.Error("Places returns shared storage")
	}
}

func TestPlacesMissing(t *testing.T) {
	for _, name := range []string{"", "Xqzzyville", "   ", "Lashkar-e-Taiba"} {
		if ps := Places(name); ps != nil {
			t.Errorf("Places(%q) = %d places, want none", name, len(ps))
		}
		if IsPlace(name) {
			t.Errorf("IsPlace(%q) = true", name)
		}
	}
	if !IsPlace("Anantnag") {
		t.Error("IsPlace(Anantnag) = false")
	}
}

func TestAlternateNames(t *testing.T) {
	ps := Places("Rawalakot")
	if len(ps) == 0 {
		t.Fatal("no Rawalakot")
	}
	alts := AlternateNames(ps[0].ID)
	found := false
	for _, a := range alts {
		if a == "Rawala Kot" {
			found = true
		}
		if a == "RAZ" {
			t.Errorf("airport code RAZ kept among %q", alts)
		}
	}
	if !found {
		t.Errorf("AlternateNames(Rawalakot) = %q, want Rawala Kot among them", alts)
	}
	if AlternateNames(0) != nil || AlternateNames(-5) != nil {
		t.Error("AlternateNames of no place is not nil")
	}
	// Non-Latin scripts are dropped from the table.
	for _, a := range AlternateNames(1255634) {
		for _, r := range a {
			if r >= 0x0400 && r < 0x1E00 {
				t.Errorf("non-Latin alternate %q kept for Srinagar", a)
			}
		}
	}
}

func TestFuzzy(t *testing.T) {
	tests := []struct {
		query   string
		dist    int
		want    string // Name of a place that must be found
		country string
		first   bool // want must be the first result
	}{
		{"Rawalkot", 1, "Rawalakot", "PK", true},
		{"Rawalakot", 2, "Rawalakot", "PK", true},
		{"Islamabd", 1, "Islamabad", "PK", true},
		{"Islambad", 2, "Islamabad", "PK", true},
		{"New Dehli", 2, "New Delhi", "IN", true},
		{"Srinagr", 1, "Srinagar", "IN", true},
		{"Anantnaag", 1, "Anantnag", "IN", true},
		{"Muzaffarabad", 0, "Muzaffarabad", "PK", true},
	}
	for _, tt := range tests {
		ps := Fuzzy(tt.query, tt.dist)
		idx := -1
		for i, p := range ps {
			if Key(p.ASCII) == Key(tt.want) && p.Country == tt.country {
				idx = i
				break
			}
		}
		if idx < 0 || tt.first && idx != 0 {
			names := []string{}
			for i, p := range ps {
				if i == 5 {
					break
				}
				names = append(names, p.Name+"/"+p.Country)
			}
			t.Errorf("Fuzzy(%q, %d): %s/%s at %d, want found (first=%v); got %v", tt.query, tt.dist, tt.want, tt.country, idx, tt.first, names)
		}
	}
}

func TestFuzzyShortAndEmpty(t *testing.T) {
	// Three runes or fewer: exact matches only, whatever maxDist says.
	for _, p := range Fuzzy("Gao", 2) {
		if Key(p.Name) != "gao" && Key(p.ASCII) != "gao" && !hasAlt(p, "gao") {
			t.Errorf("Fuzzy(Gao, 2) returned %q, not an exact match", p.Name)
		}
	}
	if ps := Fuzzy("", 2); ps != nil {
		t.Errorf("Fuzzy(\"\") = %d places", len(ps))
	}
	if ps := Fuzzy("Qqqqqqqqqqq", 2); ps != nil {
		t.Errorf("Fuzzy(Qqqqqqqqqqq) = %d places", len(ps))
	}
	// Each place once, nearer keys first.
	ps := Fuzzy("Srinagar", 2)
	seen := map[int]bool{}
	for _, p := range ps {
		if p.ID != 0 && seen[p.ID] {
			t.Errorf("Fuzzy(Srinagar) lists %d twice", p.ID)
		}
		seen[p.ID] = true
	}
	if len(ps) == 0 || ps[0].ID != 1255634 {
		t.Errorf("Fuzzy(Srinagar, 2) does not start with the exact match")
	}
}

func hasAlt(p Place, key string) bool {
	for _, a := range AlternateNames(p.ID) {
		if Key(a) == key {
			return true
		}
	}
	return p.Class == ClassCountry
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
		ok    bool
	}{
		{"rawalkot", "rawalakot", 2, 1, true},
		{"kitten", "sitting", 3, 3, true},
		{"kitten", "sitting", 2, 0, false},
		{"", "abc", 3, 3, true},
		{"abc", "abc", 0, 0, true},
		{"islamabd", "islamabad", 1, 1, true},
		{"lodz", "łodz", 1, 1, true},
		{"ab", "ba", 2, 2, true},
		{"abcdef", "azcdex", 1, 0, false},
	}
	for _, tt := range tests {
		got, ok := Levenshtein(tt.a, tt.b, tt.limit)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("Levenshtein(%q, %q, %d) = %d, %v; want %d, %v", tt.a, tt.b, tt.limit, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsCommonWord(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Of", true}, {"along", true}, {"Nice", true}, {"Reading", true}, {"the", true},
		{"Srinagar", false}, {"Delhi", false}, {"Rawalakot", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsCommonWord(tt.word); got != tt.want {
			t.Errorf("IsCommonWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	// The point of the filter: these are places and also common words.
	for _, w := range []string{"Of", "Along", "Nice"} {
		if !IsPlace(w) {
			t.Errorf("IsPlace(%q) = false; the test no longer shows the ambiguity", w)
		}
	}
}

// TestFuzzyMatchesBruteForce checks the trigram filter loses nothing: for
// each query the places found are those a scan of every key finds.
func TestFuzzyMatchesBruteForce(t *testing.T) {
	if testing.Short() {
		t.Skip("scans every key")
	}
	tab := mustPlaces()
	for _, q := range []struct {
		name string
		d    int
	}{{"Rawalkot", 1}, {"Kupwarra", 2}, {"Baramula", 2}, {"Lahor", 1}, {"Sopor", 1}, {"Pulwma", 1}} {
		k := Key(q.name)
		want := map[int32]bool{}
		for key := range tab.byKey {
			if _, ok := Levenshtein(k, key, q.d); ok {
				for _, r := range tab.refs(nil, key) {
					want[r.index()] = true
				}
			}
		}
		got := Fuzzy(q.name, q.d)
		if len(got) != len(want) {
			t.Errorf("Fuzzy(%q, %d) = %d places, a full scan finds %d", q.name, q.d, len(got), len(want))
		}
		if len(want) == 0 {
			t.Errorf("Fuzzy(%q, %d): test query matches nothing; pick another", q.name, q.d)
		}
	}
}

// TestConcurrentLookups runs every kind of lookup from several goroutines;
// with -race it checks the lazy loading and the shared tables.
func TestConcurrentLookups(t *testing.T) {
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := len(Places("Srinagar")) > 0 && len(Fuzzy("Srinagr", 1)) > 0
			_, c := Country("Pakistani")
			_, ti := Title("Gen.")
			done <- ok && c && ti && IsCommonWord("of")
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("a concurrent lookup failed")
		}
	}
}
