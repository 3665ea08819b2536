package gazetteer

import "testing"

func TestCountry(t *testing.T) {
	tests := []struct {
		in, alpha3 string
	}{
		{"Pakistan", "PAK"},
		{"pakistan", "PAK"},
		{"Islamic Republic of Pakistan", "PAK"},
		{"PK", "PAK"},
		{"PAK", "PAK"},
		{"Pakistani", "PAK"},
		{"India", "IND"},
		{"Bharat", "IND"},
		{"Bhārat", "IND"},
		{"Indian", "IND"},
		{"Israeli", "ISR"},
		{"U.S.", "USA"},
		{"US", "USA"},
		{"USA", "USA"},
		{"America", "USA"},
		{"United States of America", "USA"},
		{"UAE", "ARE"},
		{"UK", "GBR"},
		{"Britain", "GBR"},
		{"Burma", "MMR"},
		{"Turkey", "TUR"},
		{"Türkiye", "TUR"},
		{"Ivory Coast", "CIV"},
		{"Cote d'Ivoire", "CIV"},
		{"Côte d’Ivoire", "CIV"},
	}
	for _, tt := range tests {
		c, ok := Country(tt.in)
		if !ok || c.Alpha3 != tt.alpha3 {
			t.Errorf("Country(%q) = %s, %v; want %s", tt.in, c.Alpha3, ok, tt.alpha3)
		}
	}
}

func TestCountryCodesNeedCapitals(t *testing.T) {
	// Two-letter codes are also English words; only capitals are codes.
	for _, w := range []string{"in", "us", "it", "be", "no", "to", "me", "or", "is", "am", "Us", "In"} {
		if c, ok := Country(w); ok {
			t.Errorf("Country(%q) = %s; a lower-case word is not a code", w, c.Name)
		}
	}
	for _, w := range []string{"IN", "IT", "NO"} {
		if _, ok := Country(w); !ok {
			t.Errorf("Country(%q) not found", w)
		}
	}
}

func TestCountryInfo(t *testing.T) {
	c, ok := Country("India")
	if !ok {
		t.Fatal("India not found")
	}
	if c.Name != "India" || c.Alpha2 != "IN" || c.Capital != "New Delhi" || c.Region != "Asia" ||
		c.Subregion != "Southern Asia" || !near(c.Lat, 20, 1) || !near(c.Lon, 77, 1) {
		t.Errorf("Country(India) = %+v", c)
	}
	c.Demonyms[0] = "changed"
	if d, _ := Country("India"); d.Demonyms[0] != "Indian" {
		t.Error("Country returns shared slices")
	}
	if _, ok := Country("Kashmir"); ok {
		t.Error("Country(Kashmir) found; it is no country")
	}
	if n := len(Countries()); n < 240 {
		t.Errorf("Countries() = %d, want about 250", n)
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		word, alpha3 string
		ok           bool
	}{
		{"Pakistani", "PAK", true},
		{"Pakistanis", "PAK", true},
		{"Israeli", "ISR", true},
		{"Israelis", "ISR", true},
		{"Indian", "IND", true},
		{"indians", "IND", true},
		{"Afghan", "AFG", true},
		{"Afghans", "AFG", true},
		{"Chinese", "CHN", true},
		{"British", "GBR", true},
		{"Briton", "GBR", true},
		{"Saudi", "SAU", true},
		{"Saudi Arabian", "SAU", true},
		{"Emirati", "ARE", true},
		{"Sri Lankans", "LKA", true},
		{"Nepali", "NPL", true},
		{"Congolese", "COD", true},
		// Countries are not demonyms, and "Britishs" is no word.
		{"Pakistan", "", false},
		{"Britishs", "", false},
		{"Kashmiri", "", false},
	}
	for _, tt := range tests {
		c, ok := Demonym(tt.word)
		if ok != tt.ok || c.Alpha3 != tt.alpha3 {
			t.Errorf("Demonym(%q) = %s, %v; want %s, %v", tt.word, c.Alpha3, ok, tt.alpha3, tt.ok)
		}
	}
}
