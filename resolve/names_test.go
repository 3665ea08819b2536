package resolve

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dossier-osint/dossier"
)

func TestSkeletonAndFold(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Qaddoumi", "Quddumi"},
		{"Qaddoumi", "Kaddoumi"},
		{"Mohammed", "Muhammad"},
		{"Mohammad", "Mohamed"},
		{"Dhar", "Dar"},
	} {
		if sa, sb := Skeleton(Key(tc.a)), Skeleton(Key(tc.b)); sa != sb {
			t.Errorf("Skeleton(%s) = %q, Skeleton(%s) = %q: want equal", tc.a, sa, tc.b, sb)
		}
	}
	for _, tc := range []struct{ a, b string }{{"Qasim", "Hashim"}, {"Azhar", "Akbar"}} {
		if sa, sb := Skeleton(Key(tc.a)), Skeleton(Key(tc.b)); sa == sb {
			t.Errorf("Skeleton(%s) = Skeleton(%s) = %q: want different", tc.a, tc.b, sa)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"Mohammed Qaddoumi", "Muhammad Kaddoumi"},
		{"al-Zawahiri", "Zawahiri"},
		{"El-Sisi", "Sisi"},
	} {
		if fa, fb := ParseName(tc.a).Folded, ParseName(tc.b).Folded; fa != fb {
			t.Errorf("folded %q = %q, %q = %q: want equal", tc.a, fa, tc.b, fb)
		}
	}
}

func TestStripTitles(t *testing.T) {
	for _, tc := range []struct {
		in, rest string
		titles   []string
	}{
		{"Maulana Masood Azhar", "Masood Azhar", []string{"Maulana"}},
		{"Lt Gen Asif Nawaz", "Asif Nawaz", []string{"Lieutenant General"}},
		{"Dr. Farooq Abdullah", "Farooq Abdullah", []string{"Dr"}},
		{"Mufti", "Mufti", nil},
		{"Hafiz Saeed", "Saeed", []string{"Hafiz"}},
	} {
		rest, titles := StripTitles(tc.in)
		if rest != tc.rest {
			t.Errorf("StripTitles(%q) rest = %q, want %q", tc.in, rest, tc.rest)
		}
		if len(tc.titles) > 0 && (len(titles) != 1 || Key(titles[0]) != Key(tc.titles[0])) {
			t.Errorf("StripTitles(%q) titles = %q, want %q", tc.in, titles, tc.titles)
		}
		if len(tc.titles) == 0 && len(titles) != 0 {
			t.Errorf("StripTitles(%q) titles = %q, want none", tc.in, titles)
		}
	}
}

func TestAcronyms(t *testing.T) {
	for _, tc := range []struct{ name, acr string }{
		{"Jaish-e-Mohammed", "jem"},
		{"JeM", "jem"},
		{"Lashkar-e-Taiba", "let"},
		{"Tehreek-e-Taliban Pakistan", "ttp"},
		{"Jammu and Kashmir Liberation Front", "jklf"},
	} {
		if got := ParseName(tc.name).Acronyms; !slices.Contains(got, tc.acr) {
			t.Errorf("Acronyms(%q) = %q, want %q among them", tc.name, got, tc.acr)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961},
		{"dwayne", "duane", 0.84},
		{"dixon", "dicksonx", 0.813},
		{"abc", "abc", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
	} {
		if got := JaroWinkler(tc.a, tc.b); math.Abs(got-tc.want) > 0.001 {
			t.Errorf("JaroWinkler(%q, %q) = %.3f, want %.3f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestNameScore(t *testing.T) {
	for _, tc := range []struct {
		a, b   string
		typ    dossier.EntityType
		method string
		merge  bool // at or above the default merge threshold by name alone
	}{
		{"Abdul Rauf Qaddoumi", "Abdul Rauf Qaddoumi", dossier.Person, "exact", true},
		{"Abdul Rauf Qaddoumi", "Abdul Rauf Kaddoumi", dossier.Person, "transliteration", true},
		{"Abdul Rauf Qaddoumi", "Abdul Rauf Quddumi", dossier.Person, "phonetic", true},
		{"Mohammed Yusuf Shah", "Muhammad Yousuf Shah", dossier.Person, "transliteration", true},
		{"Jaish-e-Mohammed", "JeM", dossier.Org, "acronym", true},
		{"Masood Azhar", "Azhar", dossier.Person, "surname", false},
		{"Masood Azhar", "Masood Akbar", dossier.Person, "", false},
		{"Lashkar-e-Taiba", "JeM", dossier.Org, "", false},
	} {
		s, m := nameScore(ParseName(tc.a), ParseName(tc.b), tc.typ)
		if tc.method != "" && m != tc.method {
			t.Errorf("nameScore(%q, %q) method %q (%.2f), want %q", tc.a, tc.b, m, s, tc.method)
		}
		if got := s >= 0.85; got != tc.merge {
			t.Errorf("nameScore(%q, %q) = %.2f (%s): merge %v, want %v", tc.a, tc.b, s, m, got, tc.merge)
		}
	}
}

func TestPlaceOf(t *testing.T) {
	for _, tc := range []struct {
		name      string
		countries []string
		country   string
		key       string
	}{
		{"Pakistan", nil, "PK", "country:PK"},
		{"Srinagar", nil, "IN", ""},
		{"Bahawalpur", nil, "PK", ""},
		{"Sopore", []string{"IN"}, "IN", ""},
	} {
		g, ok := PlaceOf(tc.name, tc.countries)
		if !ok {
			t.Errorf("PlaceOf(%q): not found", tc.name)
			continue
		}
		if g.Country != tc.country || (tc.key != "" && g.Key != tc.key) || g.Lat == 0 {
			t.Errorf("PlaceOf(%q) = %+v, want country %s key %q", tc.name, g, tc.country, tc.key)
		}
	}
	if g, ok := PlaceOf("Qzxwv Lane", nil); ok {
		t.Errorf("PlaceOf(nonsense) = %+v", g)
	}
}

func TestPlaceOfAlternateNameNeedsCountry(t *testing.T) {
	// "Kashmir" is only an alternate name of small places far away: not
	// a place of a report about India and Pakistan.
	if g, ok := PlaceOf("Kashmir", []string{"IN", "PK"}); ok && g.Country != "IN" && g.Country != "PK" {
		t.Errorf("PlaceOf(Kashmir, IN PK) = %+v", g)
	}
}

// The ASCII path of JaroWinkler must give exactly what the rune path gives.
func TestJaroWinklerASCIIMatchesRunes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(20))
		for i := range b {
			b[i] = "abdhikmnqrsu "[r.IntN(13)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		if got, want := jaroWinklerASCII(a, b), jaroWinklerRunes(a, b); got != want {
			t.Fatalf("%q %q: ascii %v, runes %v", a, b, got, want)
		}
	}
}
