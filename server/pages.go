package server

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

// typeNames are the legend's words for the entity types.
var typeNames = map[string]string{
	"PERSON": "Person", "ORG": "Organisation", "GPE": "Country, city", "LOC": "Place", "FAC": "Building, site",
	"NORP": "Nationality, group", "EVENT": "Named event", "MISC": "Other",
}

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"short": func(id string) string { return id[:min(len(id), 19)] },
	"date": func(d dossier.Document) string {
		if d.Published.IsZero() {
			return ""
		}
		return d.Published.Format("2 Jan 2006")
	},
	"typeName": func(t string) string {
		if n, ok := typeNames[t]; ok {
			return n
		}
		return t
	},
	"docURL": func(id string) string { return "/documents/" + url.PathEscape(id) },
	// entityURL links to an entity of a document, in its reader.
	"entityURL": func(doc, entity string) string { return "/documents/" + url.PathEscape(doc) + "#ent-" + entity },
	// profileURL links to a global entity's profile ("E12").
	"profileURL": func(id string) string { return "/entities/" + url.PathEscape(id) },
	// words writes a kind or type ("leader_of", "asserted-and-denied") as
	// words.
	"words": func(s string) string { return strings.NewReplacer("_", " ", "-", " ").Replace(s) },
	"add":   func(a, b int) int { return a + b },
	// when writes a moment to the minute.
	"when": func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
	"sub":  func(a, b int) int { return a - b },
	// snippet turns the store's [match] markers into <b> elements, escaping
	// everything else.
	"snippet": func(s string) template.HTML {
		var b strings.Builder
		for i, part := range strings.Split(s, "[") {
			if i == 0 {
				b.WriteString(template.HTMLEscapeString(part))
				continue
			}
			hit, rest, ok := strings.Cut(part, "]")
			if !ok {
				b.WriteString(template.HTMLEscapeString("[" + part))
				continue
			}
			b.WriteString("<b>" + template.HTMLEscapeString(hit) + "</b>" + template.HTMLEscapeString(rest))
		}
		return template.HTML(b.String())
	},
}

// chrome is what every page's layout needs.
type chrome struct {
	Title string
	// Nav is the active navigation item: search, documents or map.
	Nav   string
	Query string
	// Script is the page's script island under /static/dist, if any.
	Script string
}

// render executes a page template into a buffer first, so a failing
// template never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, code int, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = buf.WriteTo(w)
}

// pager links the pages of a list.
type pager struct {
	Prev, Next string
}

// pagerFor links the pages around p, keeping the other query parameters.
func pagerFor(r *http.Request, p pageParams, next *int) pager {
	link := func(off int) string {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(off))
		if off == 0 {
			q.Del("offset")
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return u.String()
	}
	var pg pager
	if prev := p.prev(); prev != nil {
		pg.Prev = link(*prev)
	}
	if next != nil {
		pg.Next = link(*next)
	}
	return pg
}

// searchPage is the data of the start page: a search, or, without a query,
// what the store holds.
type searchPage struct {
	chrome
	Search searchResult
	Pager  pager
	Stats  store.Stats
	Recent []dossier.Document
	// Globals are the global entities ("E12") of Search.Entities, in
	// order ("" for a name not resolved yet).
	Globals []string
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	p := searchPage{chrome: chrome{Title: "Search", Nav: "search", Query: r.URL.Query().Get("q")}}
	var err error
	if p.Search, err = s.search(r, 20); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Pager = pagerFor(r, pageParams{Limit: p.Search.Limit, Offset: p.Search.Offset}, p.Search.NextOffset)
	for _, n := range p.Search.Entities {
		g := ""
		if len(n.Occurrences) > 0 {
			if id, err := s.st.MemberOf(r.Context(), store.MemberRef{Doc: n.Occurrences[0].Document, Key: resolve.Key(n.Name)}); err == nil {
				g = store.EntityID(id)
			}
		}
		p.Globals = append(p.Globals, g)
	}
	if p.Query != "" {
		p.Title = p.Query + " · Search"
	} else {
		if p.Stats, err = s.st.Stats(r.Context()); err == nil {
			p.Recent, err = s.st.Documents(r.Context(), store.DocumentQuery{Limit: 5})
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, "search.html", http.StatusOK, p)
}

// documentsPage is the data of the documents list.
type documentsPage struct {
	chrome
	List  documentList
	Pager pager
	Total int
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) {
	l, err := s.listDocuments(r, defaultLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := documentsPage{chrome: chrome{Title: "Documents", Nav: "documents"}, List: l, Total: st.Documents,
		Pager: pagerFor(r, pageParams{Limit: l.Limit, Offset: l.Offset}, l.NextOffset)}
	s.render(w, r, "documents.html", http.StatusOK, p)
}

// documentPage is the data of the reader.
type documentPage struct {
	chrome
	documentDetail
	Runs     []run
	Mentions int
	Panel    panel
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.documentDetail(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rs := runs(d.Document.Text, d.Extraction)
	n := 0
	for _, r := range rs {
		if r.Mention != nil {
			n++
		}
	}
	p := documentPage{chrome: chrome{Title: cmpOr(d.Document.Title, "Untitled document"), Nav: "documents"},
		documentDetail: d, Runs: rs, Mentions: n, Panel: newPanel(d.Extraction)}
	globals := s.globalOf(r.Context(), d.Document.ID, d.Extraction.Entities)
	for i := range p.Panel.Entities {
		p.Panel.Entities[i].Global = globals[p.Panel.Entities[i].ID]
	}
	s.render(w, r, "document.html", http.StatusOK, p)
}

// mapPage is the data of the map page. The map itself is drawn by the
// map island from /api/v1/places; the page lists the same places for
// readers without script.
type mapPage struct {
	chrome
	Places placeList
	// Documents is the number of stored documents, to tell an empty store
	// from one whose documents name no place.
	Documents int
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) {
	l, err := s.listPlaces(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := mapPage{chrome: chrome{Title: "Map", Nav: "map", Script: "map"}, Places: l, Documents: st.Documents}
	s.render(w, r, "map.html", http.StatusOK, p)
}

// errorPage is the data of an error page.
type errorPage struct {
	chrome
	Message string
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := http.StatusInternalServerError, "Something went wrong."
	switch {
	case isNotFound(err):
		code, msg = http.StatusNotFound, "Nothing here: no such page or document."
	case isBadRequest(err):
		code, msg = http.StatusBadRequest, err.Error()
	default:
		if c, ok := decisionStatus(err); ok {
			code, msg = c, err.Error()
			break
		}
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, "error.html", code, errorPage{chrome: chrome{Title: "Error"}, Message: msg})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
