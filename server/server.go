// Package server serves the store over HTTP: a JSON API versioned under
// /api/v1 (described by the OpenAPI 3.1 document at /api/v1/openapi.json)
// and server-rendered HTML pages with small script islands. Article text and
// metadata are untrusted: pages escape everything through html/template and
// are served with a strict Content-Security-Policy that allows no inline
// script. The scripts, styles and the offline basemap are bundled from web/
// at build time and embedded in the binary (static/dist), so the UI needs no
// network beyond the server itself.
//
// Beside the documents, the pages and the API show the cross-document
// graph: global entities' profiles (/entities/E12), their ego networks drawn
// with cytoscape.js (/network), paths, timelines and the consistency
// checks' flags (/flags), all computed per request from store.Graph.
//
// The server is read-only unless EnableWrites gives it a token: then the
// API records resolution decisions for clients that present the token, and
// the pages offer merge, split, not-same and undo forms to browsers that
// logged in with it (session.go).
package server

import (
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed openapi.json
var openAPI []byte

// Page sizes of list endpoints.
const (
	defaultLimit = 50
	maxLimit     = 500
	// entityHits is the number of entity names a search shows.
	entityHits = 12
)

// contentSecurityPolicy allows scripts, styles, images and fetches from the
// server itself only, and no inline script or style attribute.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Server is the HTTP front of a store.
type Server struct {
	st     store.Store
	log    *slog.Logger
	pages  *template.Template
	mux    *http.ServeMux
	static fs.FS
	// token, when set, lets POST /api/v1/decisions record decisions, and
	// browsers that log in with it post the pages' decision forms.
	token    string
	sessions sessions
}

// New returns a server over st. A nil logger discards.
func New(st store.Store, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	s := &Server{
		st:     st,
		log:    log,
		pages:  template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")),
		mux:    http.NewServeMux(),
		static: static,
	}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	for path, h := range s.apiRoutes() {
		s.mux.HandleFunc("GET "+path, h)
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeJSON(w, http.StatusNotFound, apiError{"no such endpoint: see /api/v1/openapi.json"})
	})
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(time.Hour, http.FileServerFS(static))))
	s.mux.HandleFunc("GET /{$}", s.pageSearch)
	s.mux.HandleFunc("GET /documents", s.pageDocuments)
	s.mux.HandleFunc("GET /documents/{id}", s.pageDocument)
	s.mux.HandleFunc("GET /map", s.pageMap)
	s.mux.HandleFunc("GET /entities/{id}", s.pageEntity)
	s.mux.HandleFunc("GET /network", s.pageNetwork)
	s.mux.HandleFunc("GET /flags", s.pageFlags)
	s.mux.HandleFunc("GET /timeline", s.pageTimeline)
	s.mux.HandleFunc("GET /path", s.pagePath)
	s.mux.HandleFunc("GET /decisions", s.pageDecisions)
	s.mux.HandleFunc("POST /decisions", s.postDecision)
	s.mux.HandleFunc("GET /login", s.pageLogin)
	s.mux.HandleFunc("POST /login", s.postLogin)
	s.mux.HandleFunc("POST /logout", s.postLogout)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, errNoPage)
	})
	// The gazetteer takes seconds to load: load it now, not on the first
	// visit to the map.
	go gazetteer.IsPlace("")
	return s
}

// apiRoutes maps each GET path of the API to its handler. The OpenAPI test
// checks that every one is described.
func (s *Server) apiRoutes() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"/api/v1/documents": serveJSON(s, func(r *http.Request) (documentList, error) {
			return s.listDocuments(r, defaultLimit)
		}),
		"/api/v1/documents/{id}": serveJSON(s, s.documentDetail),
		"/api/v1/search": serveJSON(s, func(r *http.Request) (searchResult, error) {
			return s.search(r, 20)
		}),
		"/api/v1/places": serveJSON(s, s.listPlaces),
		"/api/v1/stats": serveJSON(s, func(r *http.Request) (store.Stats, error) {
			return s.st.Stats(r.Context())
		}),
		"/api/v1/openapi.json":          s.apiOpenAPI,
		"/api/v1/entities":              serveJSON(s, s.listEntities),
		"/api/v1/entities/{id}":         serveJSON(s, s.profile),
		"/api/v1/entities/{id}/network": serveJSON(s, s.network),
		"/api/v1/entities/{id}/timeline": serveJSON(s, func(r *http.Request) (*timeline, error) {
			return s.timeline(r, defaultLimit)
		}),
		"/api/v1/path":     serveJSON(s, s.path),
		"/api/v1/timeline": serveJSON(s, s.eventTimeline),
		"/api/v1/flags":    serveJSON(s, s.listFlags),
		"/api/v1/claims":   serveJSON(s, s.listClaims),
		"/api/v1/events":   serveJSON(s, s.listEvents),
		"/api/v1/quotes":   serveJSON(s, s.listQuotes),
	}
}

// serveJSON answers a GET with what get returns for the request, as JSON,
// or with its error.
func serveJSON[T any](s *Server, get func(*http.Request) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := get(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.writeJSON(w, http.StatusOK, v)
	}
}

// ServeHTTP implements http.Handler, adding the security headers every
// response carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	start := time.Now()
	s.mux.ServeHTTP(w, r)
	s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
}

// cacheFor lets browsers keep static assets for d.
func cacheFor(d time.Duration, h http.Handler) http.Handler {
	v := "public, max-age=" + strconv.Itoa(int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", v)
		h.ServeHTTP(w, r)
	})
}

// apiError is the JSON body of every API error.
type apiError struct {
	Error string `json:"error"`
}

// writeJSON writes v with status code.
func (s *Server) writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		s.log.Warn("write response", "err", err)
	}
}

// fail writes an API error, hiding internal errors behind a generic message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case isNotFound(err):
		s.writeJSON(w, http.StatusNotFound, apiError{"not found"})
	case isBadRequest(err):
		s.writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		s.writeJSON(w, http.StatusInternalServerError, apiError{"internal error"})
	}
}

// badRequest is an error in a request's parameters.
type badRequest string

func (e badRequest) Error() string { return string(e) }

// errNoPage answers a path that names no page.
var errNoPage = store.ErrNotFound

// pageParams are the limit and offset of a list request.
type pageParams struct {
	Limit  int
	Offset int
}

// page reads limit and offset from the query: limit from 1 to maxLimit
// (default def), offset from 0.
func page(r *http.Request, def int) (pageParams, error) {
	p := pageParams{Limit: def}
	var err error
	if v := r.URL.Query().Get("limit"); v != "" {
		if p.Limit, err = strconv.Atoi(v); err != nil || p.Limit < 1 || p.Limit > maxLimit {
			return p, badRequest("limit: want a number from 1 to " + strconv.Itoa(maxLimit))
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		if p.Offset, err = strconv.Atoi(v); err != nil || p.Offset < 0 || p.Offset > 1_000_000 {
			return p, badRequest("offset: want a number from 0 to 1000000")
		}
	}
	return p, nil
}

// next returns the offset of the page after p when there is one.
func (p pageParams) next(more bool) *int {
	if !more {
		return nil
	}
	n := p.Offset + p.Limit
	return &n
}

// prev returns the offset of the page before p, or nil on the first page.
func (p pageParams) prev() *int {
	if p.Offset == 0 {
		return nil
	}
	n := max(p.Offset-p.Limit, 0)
	return &n
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.st.Stats(r.Context()); err != nil {
		s.writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unavailable"})
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// documentList is one page of documents.
type documentList struct {
	Documents  []dossier.Document `json:"documents"`
	Limit      int                `json:"limit"`
	Offset     int                `json:"offset"`
	NextOffset *int               `json:"next_offset,omitempty"`
}

func (s *Server) listDocuments(r *http.Request, def int) (documentList, error) {
	p, err := page(r, def)
	if err != nil {
		return documentList{}, err
	}
	// Ask for one more than the page to know whether there is a next one.
	docs, err := s.st.Documents(r.Context(), store.DocumentQuery{Limit: p.Limit + 1, Offset: p.Offset, Cluster: r.URL.Query().Get("cluster")})
	if err != nil {
		return documentList{}, err
	}
	l := documentList{Documents: docs, Limit: p.Limit, Offset: p.Offset, NextOffset: p.next(len(docs) > p.Limit)}
	if len(docs) > p.Limit {
		l.Documents = docs[:p.Limit]
	}
	if l.Documents == nil {
		l.Documents = []dossier.Document{}
	}
	return l, nil
}

// documentDetail is a document with its text and its extraction.
type documentDetail struct {
	Document   *dossier.Document   `json:"document"`
	Extraction *dossier.Extraction `json:"extraction"`
}

func (s *Server) documentDetail(r *http.Request) (documentDetail, error) {
	id := r.PathValue("id")
	doc, err := s.st.Document(r.Context(), id)
	if err != nil {
		return documentDetail{}, err
	}
	ex, err := s.st.Extraction(r.Context(), id)
	if err != nil {
		return documentDetail{}, err
	}
	return documentDetail{Document: doc, Extraction: ex}, nil
}

// searchResult is the answer to a query: documents by full text, and, on
// the first page, entity names that contain the query.
type searchResult struct {
	Query      string             `json:"query"`
	Limit      int                `json:"limit"`
	Offset     int                `json:"offset"`
	NextOffset *int               `json:"next_offset,omitempty"`
	Hits       []store.SearchHit  `json:"hits"`
	Entities   []store.EntityName `json:"entities"`
}

func (s *Server) search(r *http.Request, def int) (searchResult, error) {
	q := r.URL.Query().Get("q")
	p, err := page(r, def)
	if err != nil {
		return searchResult{}, err
	}
	res := searchResult{Query: q, Limit: p.Limit, Offset: p.Offset, Hits: []store.SearchHit{}, Entities: []store.EntityName{}}
	if q == "" {
		return res, nil
	}
	// Store.Search has no offset: read up to the end of this page, plus
	// one to know whether another follows.
	hits, err := s.st.Search(r.Context(), q, p.Offset+p.Limit+1)
	if err != nil {
		return res, err
	}
	res.NextOffset = p.next(len(hits) > p.Offset+p.Limit)
	if p.Offset < len(hits) {
		res.Hits = hits[p.Offset:min(len(hits), p.Offset+p.Limit)]
	}
	if p.Offset == 0 {
		names, err := s.st.EntityNames(r.Context(), store.EntityNameQuery{Text: q, Limit: entityHits, PerName: 5})
		if err != nil {
			return res, err
		}
		res.Entities = names
	}
	return res, nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPI)
}

func isNotFound(err error) bool   { return errors.Is(err, store.ErrNotFound) }
func isBadRequest(err error) bool { return errors.As(err, new(badRequest)) }
