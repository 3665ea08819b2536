package gazetteer

import (
	"runtime"
	"testing"
)

// queries mixes names that news text yields: places, misses, common words.
var queries = []string{
	"Srinagar", "Islamabad", "New Delhi", "Rawalakot", "Pahalgam", "Anantnag",
	"Lashkar", "Muzaffarabad", "Of", "Tuesday", "Karachi", "Pakistan",
}

var typos = []string{
	"Rawalkot", "Islamabd", "New Dehli", "Srinagr", "Anantnaag", "Muzafarabad",
	"Pahalgham", "Karachii", "Baramula", "Kupwarra", "Lahor", "Peshawer",
}

func BenchmarkPlaces(b *testing.B) {
	Places("warm up")
	for i := 0; b.Loop(); i++ {
		Places(queries[i%len(queries)])
	}
}

func BenchmarkIsPlace(b *testing.B) {
	IsPlace("warm up")
	for i := 0; b.Loop(); i++ {
		IsPlace(queries[i%len(queries)])
	}
}

func BenchmarkFuzzy1(b *testing.B) {
	Fuzzy("warm up", 1)
	for i := 0; b.Loop(); i++ {
		Fuzzy(typos[i%len(typos)], 1)
	}
}

func BenchmarkFuzzy2(b *testing.B) {
	Fuzzy("warm up", 2)
	for i := 0; b.Loop(); i++ {
		Fuzzy(typos[i%len(typos)], 2)
	}
}

func BenchmarkCountry(b *testing.B) {
	words := []string{"Pakistan", "PK", "Pakistani", "U.S.", "Kashmir", "india"}
	Country("warm up")
	for i := 0; b.Loop(); i++ {
		Country(words[i%len(words)])
	}
}

func BenchmarkTitle(b *testing.B) {
	words := []string{"Gen.", "Lt Col", "spokesperson", "Mufti", "DIG", "commanders", "Tuesday"}
	Title("warm up")
	for i := 0; b.Loop(); i++ {
		Title(words[i%len(words)])
	}
}

// BenchmarkLoadPlaces measures the first-use cost: decompressing and
// indexing the places and countries tables. heap-MB is the live heap the
// table keeps.
func BenchmarkLoadPlaces(b *testing.B) {
	var t *placeTable
	for b.Loop() {
		var err error
		if t, err = loadPlaces(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(liveHeapMB(func() any { t, _ := loadPlaces(); return t }), "heap-MB")
	b.ReportMetric(float64(len(t.places)), "places")
	b.ReportMetric(float64(len(t.byKey)), "keys")
}

// BenchmarkLoadFuzzy measures building the trigram index on first Fuzzy
// call, the places table already loaded.
func BenchmarkLoadFuzzy(b *testing.B) {
	t := mustPlaces()
	for b.Loop() {
		buildFuzzy(t)
	}
	b.ReportMetric(liveHeapMB(func() any { return buildFuzzy(t) }), "heap-MB")
}

// liveHeapMB returns the growth of the live heap, in MB, while the value
// made by mk is reachable.
func liveHeapMB(mk func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := mk()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}
