// Package server serves the store over HTTP: a JSON API versioned under
// /api/v1 and server-rendered HTML pages. Article text and metadata are
// untrusted: pages escape everything through html/template and are served
// with a strict Content-Security-Policy.
package server

import (
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Page sizes of list endpoints.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// Server is the HTTP front of a store.
type Server struct {
	st    store.Store
	log   *slog.Logger
	pages *template.Template
	mux   *http.ServeMux
}

// New returns a server over st. A nil logger discards.
func New(st store.Store, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		st:    st,
		log:   log,
		pages: template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")),
		mux:   http.NewServeMux(),
	}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /api/v1/documents", s.apiDocuments)
	s.mux.HandleFunc("GET /api/v1/documents/{id}", s.apiDocument)
	s.mux.HandleFunc("GET /api/v1/search", s.apiSearch)
	s.mux.HandleFunc("GET /api/v1/stats", s.apiStats)
	s.mux.Handle("GET /static/", http.FileServerFS(staticFS))
	s.mux.HandleFunc("GET /{$}", s.pageIndex)
	s.mux.HandleFunc("GET /documents/{id}", s.pageDocument)
	return s
}

// ServeHTTP implements http.Handler, adding the security headers every
// response carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	start := time.Now()
	s.mux.ServeHTTP(w, r)
	s.log.Debug("http", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
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

// page reads limit and offset from the query.
func page(r *http.Request) (limit, offset int, err error) {
	limit, offset = defaultLimit, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > maxLimit {
			return 0, 0, badRequest("limit: want a number from 1 to " + strconv.Itoa(maxLimit))
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, badRequest("offset: want a number from 0")
		}
	}
	return limit, offset, nil
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

func (s *Server) listDocuments(r *http.Request) (documentList, error) {
	limit, offset, err := page(r)
	if err != nil {
		return documentList{}, err
	}
	// Ask for one more than the page to know whether there is a next one.
	docs, err := s.st.Documents(r.Context(), store.DocumentQuery{Limit: limit + 1, Offset: offset, Cluster: r.URL.Query().Get("cluster")})
	if err != nil {
		return documentList{}, err
	}
	l := documentList{Documents: docs, Limit: limit, Offset: offset}
	if len(docs) > limit {
		l.Documents = docs[:limit]
		next := offset + limit
		l.NextOffset = &next
	}
	if l.Documents == nil {
		l.Documents = []dossier.Document{}
	}
	return l, nil
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	l, err := s.listDocuments(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, l)
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

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.documentDetail(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, d)
}

// searchResult is the answer to a full-text query.
type searchResult struct {
	Query string            `json:"query"`
	Hits  []store.SearchHit `json:"hits"`
}

func (s *Server) search(r *http.Request) (searchResult, error) {
	q := r.URL.Query().Get("q")
	limit, _, err := page(r)
	if err != nil {
		return searchResult{}, err
	}
	res := searchResult{Query: q, Hits: []store.SearchHit{}}
	if q == "" {
		return res, nil
	}
	hits, err := s.st.Search(r.Context(), q, limit)
	if err != nil {
		return res, err
	}
	if hits != nil {
		res.Hits = hits
	}
	return res, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.search(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, st)
}

func isNotFound(err error) bool   { return errors.Is(err, store.ErrNotFound) }
func isBadRequest(err error) bool { return errors.As(err, new(badRequest)) }
