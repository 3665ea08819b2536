package resolve

import (
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
)

// Geo is a place resolved to the gazetteer.
type Geo struct {
	// Key identifies the place: "country:PK" or "geonames:1257986".
	Key        string
	Name       string
	Country    string // ISO alpha-2
	Lat, Lon   float64
	Population int
	// Fuzzy is true when the name matched only within an edit.
	Fuzzy bool
}

// isPlaceType reports whether entities of type t are resolved to the
// gazetteer.
func isPlaceType(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc }

// PlaceOf resolves a place name: a country by name, code or alias first;
// then the places of that name, preferring one in a country the document
// names (countries), else the most populous (the gazetteer's order); then,
// for names of six letters or more, a place within one edit.
func PlaceOf(name string, countries []string) (*Geo, bool) {
	if c, ok := gazetteer.Country(name); ok {
		return &Geo{Key: "country:" + c.Alpha2, Name: c.Name, Country: c.Alpha2, Lat: c.Lat, Lon: c.Lon}, true
	}
	places := gazetteer.Places(name)
	fuzzy := false
	if len(places) == 0 && len(name) >= 6 {
		places = gazetteer.Fuzzy(name, 1)
		fuzzy = true
	}
	if len(places) == 0 {
		return nil, false
	}
	// A place whose own name this is, in a country the document names,
	// else the most populous of those; a place that has the name only as
	// an alternate name ("Cashmere" for Kashmir) only in a country the
	// document names.
	k := Key(name)
	own := func(p gazetteer.Place) bool { return Key(p.Name) == k || Key(p.ASCII) == k }
	var pick *gazetteer.Place
	for i, p := range places {
		if (own(p) || fuzzy) && contains(countries, p.Country) {
			pick = &places[i]
			break
		}
	}
	if pick == nil && (own(places[0]) || fuzzy && len(countries) == 0) {
		pick = &places[0]
	}
	if pick == nil {
		for i, p := range places {
			if contains(countries, p.Country) {
				pick = &places[i]
				break
			}
		}
	}
	if pick == nil {
		return nil, false
	}
	g := &Geo{Name: pick.ASCII, Country: pick.Country, Lat: pick.Lat, Lon: pick.Lon, Population: pick.Population, Fuzzy: fuzzy}
	if g.Name == "" {
		g.Name = pick.Name
	}
	if pick.Class == gazetteer.ClassCountry || pick.ID == 0 {
		g.Key = "country:" + pick.Country
	} else {
		g.Key = "geonames:" + strconv.Itoa(pick.ID)
	}
	return g, true
}

// placeOf resolves a local GPE or LOC entity, or returns nil; look-ups
// are cached.
func (ix *Index) placeOf(l *Local) (*Geo, bool) {
	if !isPlaceType(l.Entity.Type) {
		return nil, false
	}
	k := placeKey{l.Entity.Name, strings.Join(l.Countries, ",")}
	if g, ok := ix.places[k]; ok {
		return g, g != nil
	}
	g, _ := PlaceOf(l.Entity.Name, l.Countries)
	if len(ix.places) < 100000 {
		ix.places[k] = g
	}
	return g, g != nil
}

// countriesOf returns the ISO codes of the countries an extraction names,
// as places or as nationalities.
func countriesOf(ex *dossier.Extraction) []string {
	var out []string
	for _, e := range ex.Entities {
		if e.Type != dossier.GPE && e.Type != dossier.NORP {
			continue
		}
		if c, ok := gazetteer.Country(e.Name); ok && !contains(out, c.Alpha2) {
			out = append(out, c.Alpha2)
		}
	}
	return out
}
