package server

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/store"
)

// Bounds of the place index.
const (
	// maxPlaceNames is the number of distinct place names read from the
	// store for the map.
	maxPlaceNames = 2000
	// placeDocuments is the number of documents listed for each place.
	placeDocuments = 20
)

// placeTypes are the entity types that can be put on a map.
var placeTypes = []dossier.EntityType{dossier.GPE, dossier.Loc}

// placeDocument is a document that mentions a place.
type placeDocument struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// place is a point on the map: one gazetteer place and every name under
// which the documents mention it.
type place struct {
	Name      string          `json:"name"`
	Country   string          `json:"country,omitempty"`
	Class     string          `json:"class"`
	GeoNameID int             `json:"geonames_id,omitempty"`
	Lat       float64         `json:"lat"`
	Lon       float64         `json:"lon"`
	Names     []string        `json:"names"`
	Mentions  int             `json:"mentions"`
	Count     int             `json:"document_count"`
	Documents []placeDocument `json:"documents"`
}

// placeList is one page of places, with the names no gazetteer entry
// matched.
type placeList struct {
	Places     []place  `json:"places"`
	Limit      int      `json:"limit"`
	Offset     int      `json:"offset"`
	NextOffset *int     `json:"next_offset,omitempty"`
	Total      int      `json:"total"`
	Unresolved []string `json:"unresolved"`
}

// places resolves the GPE and LOC names of the store to gazetteer places,
// most reported first, and merges names that resolve to one place
// (GeoNames id, or country code).
//
// A name can match many places. The documents' own geography decides: a
// candidate in a country where the names that match a place (or a country)
// by their own name lie is preferred, the first of gazetteer.Places' order
// (countries, then the most populous) otherwise; a name that matches only
// the alternate name of a place in a country no other name points to
// ("Kashmir" is an alternate name of Cashmere, Washington) is left
// unresolved rather than put on the wrong continent.
func (s *Server) places(ctx context.Context) ([]place, []string, error) {
	names, err := s.st.EntityNames(ctx, store.EntityNameQuery{Types: placeTypes, Limit: maxPlaceNames, PerName: placeDocuments})
	if err != nil {
		return nil, nil, err
	}
	cands := make([][]gazetteer.Place, len(names))
	weight := map[string]int{}
	for i, n := range names {
		cands[i] = gazetteer.Places(n.Name)
		if len(cands[i]) > 0 && ownName(n.Name, cands[i][0]) {
			weight[cands[i][0].Country] += n.Documents
		}
	}
	var out []place
	index := map[string]int{}
	unresolved := []string{}
	for j, n := range names {
		g, ok := choosePlace(n.Name, cands[j], weight)
		if !ok {
			unresolved = append(unresolved, n.Name)
			continue
		}
		key := g.Country + ":" + strconv.Itoa(g.ID)
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, place{Name: cmp.Or(g.ASCII, g.Name), Country: g.Country, Class: g.Class, GeoNameID: g.ID,
				Lat: g.Lat, Lon: g.Lon, Names: []string{}, Documents: []placeDocument{}})
		}
		p := &out[i]
		if !slices.Contains(p.Names, n.Name) {
			p.Names = append(p.Names, n.Name)
		}
		p.Mentions += n.Mentions
		for _, o := range n.Occurrences {
			if !slices.ContainsFunc(p.Documents, func(d placeDocument) bool { return d.ID == o.Document }) {
				p.Documents = append(p.Documents, placeDocument{ID: o.Document, Title: o.Title})
			}
		}
		// Documents beyond the listed occurrences are counted, not named;
		// two names of one place may share some, so the count is an upper
		// bound only when names were cut.
		p.Count = max(p.Count, n.Documents, len(p.Documents))
	}
	for i := range out {
		if len(out[i].Documents) > placeDocuments {
			out[i].Documents = out[i].Documents[:placeDocuments]
		}
	}
	slices.SortStableFunc(out, func(a, b place) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out, unresolved, nil
}

// ownName reports whether name is p's own name (or ASCII name), not one of
// its alternate names.
func ownName(name string, p gazetteer.Place) bool {
	k := gazetteer.Key(name)
	return k == gazetteer.Key(p.Name) || k == gazetteer.Key(p.ASCII)
}

// choosePlace picks the place a name stands for among its candidates, given
// the weight of each country in the documents.
func choosePlace(name string, cands []gazetteer.Place, weight map[string]int) (gazetteer.Place, bool) {
	if len(cands) == 0 {
		return gazetteer.Place{}, false
	}
	best := -1
	for i, c := range cands {
		if weight[c.Country] > 0 && (best < 0 || weight[c.Country] > weight[cands[best].Country]) {
			best = i
		}
	}
	if best >= 0 {
		return cands[best], true
	}
	if ownName(name, cands[0]) {
		return cands[0], true
	}
	return gazetteer.Place{}, false
}

func (s *Server) listPlaces(r *http.Request) (placeList, error) {
	p, err := page(r, maxLimit)
	if err != nil {
		return placeList{}, err
	}
	all, unresolved, err := s.places(r.Context())
	if err != nil {
		return placeList{}, err
	}
	l := placeList{Places: []place{}, Limit: p.Limit, Offset: p.Offset, Total: len(all), Unresolved: unresolved,
		NextOffset: p.next(len(all) > p.Offset+p.Limit)}
	if p.Offset < len(all) {
		l.Places = all[p.Offset:min(len(all), p.Offset+p.Limit)]
	}
	return l, nil
}
