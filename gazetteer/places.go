package gazetteer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-osint/dossier/gazetteer/internal/norm"
)

// Place classes.
const (
	// ClassCity is a GeoNames populated place (feature class P): city,
	// town, village, or a section of one.
	ClassCity = "city"
	// ClassCountry is a country from the countries table.
	ClassCountry = "country"
)

// Place is one named place.
type Place struct {
	// Name is the place's name as GeoNames (or world-countries) writes it,
	// with its diacritics: "Srīnagar".
	Name string
	// ASCII is Name in plain ASCII letters: "Srinagar".
	ASCII string
	// Country is the ISO 3166-1 alpha-2 code: "IN".
	Country string
	// Admin1 is the GeoNames first-order administrative division code
	// within Country ("12" is Jammu and Kashmir in India); empty for
	// countries.
	Admin1 string
	// Lat and Lon are WGS84 degrees (a country's are a rough centre).
	Lat, Lon float64
	// Population is GeoNames' figure, 0 when unknown (and for countries).
	Population int
	// Class is ClassCity or ClassCountry.
	Class string
	// Feature is the GeoNames feature code: PPLC capital, PPLA seat of a
	// first-order division, PPLA2..PPLA5 lower seats, PPL a populated
	// place, PPLX a section of one... Empty for countries.
	Feature string
	// ID is the GeoNames id (https://www.geonames.org/<ID>), 0 for
	// countries.
	ID int
}

// placeTable is the decoded places table with its name index.
type placeTable struct {
	places []Place
	// byKey maps a Key of a name, ASCII name or alternate name to the first
	// link of its chain of places, in lookup order (see compare). Keys are
	// substrings of one buffer.
	byKey map[string]int32
	// links holds the chains: each names a place and the next link (-1 at
	// the end).
	links []link
	// alternates holds each place's kept alternate names, '|'-joined, by
	// index.
	alternates []string
}

// link is one place in the chain of places that share a key.
type link struct {
	ref  placeRef
	next int32
}

// refs appends the places under key k to dst in lookup order.
func (t *placeTable) refs(dst []placeRef, k string) []placeRef {
	i, ok := t.byKey[k]
	return t.chain(dst, i, ok)
}

// lookup appends the places under Key(name) to dst, without allocating
// the key.
func (t *placeTable) lookup(dst []placeRef, name string) []placeRef {
	var kb [64]byte
	k := norm.AppendKey(kb[:0], name)
	i, ok := t.byKey[string(k)]
	return t.chain(dst, i, ok)
}

// chain appends the places of the chain starting at link i.
func (t *placeTable) chain(dst []placeRef, i int32, ok bool) []placeRef {
	for ok && i >= 0 {
		dst = append(dst, t.links[i].ref)
		i = t.links[i].next
	}
	return dst
}

var places = sync.OnceValues(loadPlaces)

// pending is a key waiting to be indexed: its bytes in the key buffer and
// the place it names.
type pending struct {
	start, end uint32
	ref        placeRef
}

// loadPlaces decodes the places table and the countries table into one
// index. All keys are first written into one buffer, then indexed as
// substrings of it, so that the ~700,000 keys cost no allocation each.
func loadPlaces() (*placeTable, error) {
	text, err := readData("data/places.tsv.gz")
	if err != nil {
		return nil, err
	}
	cs, err := countries()
	if err != nil {
		return nil, err
	}
	n := strings.Count(text, "\n") + len(cs.list)
	t := &placeTable{
		places:     make([]Place, 0, n),
		alternates: make([]string, 0, n),
	}
	buf := make([]byte, 0, len(text))
	keys := make([]pending, 0, 3*n)
	// add queues place i under name; a place's own names come before its
	// alternates, so a key it holds both ways is kept as its own name.
	add := func(i int32, name string, alt bool) {
		start := len(buf)
		buf = norm.AppendKey(buf, name)
		if len(buf) == start {
			return
		}
		k := buf[start:]
		for j := len(keys) - 1; j >= 0 && keys[j].ref.index() == i; j-- {
			if string(buf[keys[j].start:keys[j].end]) == string(k) {
				buf = buf[:start]
				return
			}
		}
		keys = append(keys, pending{uint32(start), uint32(len(buf)), newRef(i, alt)})
	}
	for _, c := range cs.list {
		i := int32(len(t.places))
		t.places = append(t.places, Place{
			Name: c.Name, ASCII: asciiOr(c.Name), Country: c.Alpha2,
			Lat: c.Lat, Lon: c.Lon, Class: ClassCountry,
		})
		t.alternates = append(t.alternates, strings.Join(c.Aliases, "|"))
		add(i, c.Name, false)
		add(i, c.Official, false)
		for _, a := range c.Aliases {
			add(i, a, false)
		}
	}
	err = lines(text, func(n int, line string) error {
		var f [10]string
		if strings.Count(line, "\t") != len(f)-1 {
			return fmt.Errorf("gazetteer: places.tsv.gz:%d: want %d fields", n, len(f))
		}
		rest := line
		for j := range f[:len(f)-1] {
			k := strings.IndexByte(rest, '\t')
			f[j], rest = rest[:k], rest[k+1:]
		}
		f[len(f)-1] = rest
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[5], 64)
		lon, err3 := strconv.ParseFloat(f[6], 64)
		pop, err4 := strconv.Atoi(f[7])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("gazetteer: places.tsv.gz:%d: bad number in %q", n, line)
		}
		ascii := f[2]
		if ascii == "" {
			ascii = f[1]
		}
		i := int32(len(t.places))
		t.places = append(t.places, Place{
			Name: f[1], ASCII: ascii, Country: f[3], Admin1: f[4],
			Lat: lat, Lon: lon, Population: pop, Class: ClassCity, Feature: f[8], ID: id,
		})
		t.alternates = append(t.alternates, f[9])
		add(i, f[1], false)
		add(i, ascii, false)
		for alts := f[9]; alts != ""; {
			var a string
			a, alts, _ = strings.Cut(alts, "|")
			add(i, a, true)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	arena := string(buf)
	t.byKey = make(map[string]int32, len(keys))
	t.links = make([]link, len(keys))
	for j, p := range keys {
		k := arena[p.start:p.end]
		next, ok := t.byKey[k]
		if !ok {
			next = -1
		}
		t.links[j] = link{p.ref, next}
		t.byKey[k] = int32(j)
	}
	// Chains were built newest first; put the shared ones in lookup order.
	var refs []placeRef
	var idx []int32
	for _, head := range t.byKey {
		if t.links[head].next < 0 {
			continue
		}
		refs, idx = refs[:0], idx[:0]
		for i := head; i >= 0; i = t.links[i].next {
			refs = append(refs, t.links[i].ref)
			idx = append(idx, i)
		}
		slices.SortFunc(refs, t.compare)
		for j, i := range idx {
			t.links[i].ref = refs[j]
		}
	}
	return t, nil
}

// placeRef is a place index, negative (−index−1) when the place is reached
// through one of its alternate names rather than its own name.
type placeRef int32

func newRef(i int32, alt bool) placeRef {
	if alt {
		return placeRef(-i - 1)
	}
	return placeRef(i)
}

func (r placeRef) index() int32 {
	if r < 0 {
		return int32(-r - 1)
	}
	return int32(r)
}

func (r placeRef) alternate() bool { return r < 0 }

// compare orders places for lookups: countries first, then places that
// bear the name as their own before those that have it as an alternate
// ("Islamabad" is Pakistan's capital before it is an old name of
// Chattogram), then by population (largest first), then by id and table
// order, so that ties are stable.
func (t *placeTable) compare(ra, rb placeRef) int {
	pa, pb := &t.places[ra.index()], &t.places[rb.index()]
	ca, cb := pa.Class == ClassCountry, pb.Class == ClassCountry
	if ca != cb {
		if ca {
			return -1
		}
		return 1
	}
	if aa, ab := ra.alternate(), rb.alternate(); aa != ab {
		if ab {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(pb.Population, pa.Population); c != 0 {
		return c
	}
	if c := cmp.Compare(pa.ID, pb.ID); c != 0 {
		return c
	}
	return cmp.Compare(ra.index(), rb.index())
}

// asciiOr returns s when it is plain ASCII; otherwise its Key with each
// word capitalised, a readable ASCII stand-in.
func asciiOr(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			words := strings.Fields(Key(s))
			for j, w := range words {
				words[j] = strings.ToUpper(w[:1]) + w[1:]
			}
			return strings.Join(words, " ")
		}
	}
	return s
}

// mustPlaces returns the places table; the embedded data is part of the
// build, so a decoding error is a broken build and panics.
func mustPlaces() *placeTable {
	t, err := places()
	if err != nil {
		panic(err)
	}
	return t
}

// Places returns every place whose name, ASCII name or alternate name has
// the same Key as name: countries first, then places whose own name it is,
// then places that have it as an alternate name, each group most populous
// first. The result is a new slice the caller may keep; it is nil when
// nothing matches.
//
// Places("Srinagar") gives Srinagar in Kashmir (pop. ~976,000) before
// Srinagar in Uttarakhand; Places("Pakistan") gives the country.
func Places(name string) []Place {
	t := mustPlaces()
	var buf [8]placeRef
	refs := t.lookup(buf[:0], name)
	if len(refs) == 0 {
		return nil
	}
	out := make([]Place, len(refs))
	for j, r := range refs {
		out[j] = t.places[r.index()]
	}
	return out
}

// IsPlace reports whether name is the name or an alternate name of any
// place or country, without building a result.
func IsPlace(name string) bool {
	var kb [64]byte
	_, ok := mustPlaces().byKey[string(norm.AppendKey(kb[:0], name))]
	return ok
}

// AlternateNames returns the Latin-script alternate names kept for the
// GeoNames place with that id ("Rawala Kot", "Rawalkote" for Rawalakot), or
// nil.
func AlternateNames(id int) []string {
	t := mustPlaces()
	i, ok := slices.BinarySearchFunc(t.places, id, func(p Place, id int) int {
		if p.Class == ClassCountry {
			return -1
		}
		return cmp.Compare(p.ID, id)
	})
	if !ok || id == 0 {
		return nil
	}
	return splitList(t.alternates[i])
}
