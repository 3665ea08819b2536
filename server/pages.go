package server

import (
	"bytes"
	"html/template"
	"net/http"
	"sort"

	"github.com/dossier-osint/dossier"
)

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"short": func(id string) string { return id[:min(len(id), 19)] },
	"date": func(d dossier.Document) string {
		if d.Published.IsZero() {
			return ""
		}
		return d.Published.Format("2 Jan 2006")
	},
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

// indexPage is the data of the start page.
type indexPage struct {
	Search    searchResult
	Documents documentList
}

func (s *Server) pageIndex(w http.ResponseWriter, r *http.Request) {
	var p indexPage
	var err error
	if p.Search, err = s.search(r); err == nil {
		p.Documents, err = s.listDocuments(r)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "index.html", http.StatusOK, p)
}

// segment is a run of a document's text, marked when it is an entity
// mention.
type segment struct {
	Text   string
	Type   string
	Entity string
}

// documentPage is the data of the reader page.
type documentPage struct {
	documentDetail
	Segments []segment
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.documentDetail(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "document.html", http.StatusOK, documentPage{documentDetail: d, Segments: segments(d.Document.Text, d.Extraction)})
}

// segments cuts text into plain runs and entity mentions, in order.
// Overlapping mentions keep the first.
func segments(text string, ex *dossier.Extraction) []segment {
	type mark struct {
		start, end int
		typ, id    string
	}
	var marks []mark
	for _, e := range ex.Entities {
		for _, m := range e.Mentions {
			if m.Span().Valid(len(text)) && m.Start < m.End {
				marks = append(marks, mark{m.Start, m.End, string(e.Type), e.Name})
			}
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var out []segment
	at := 0
	for _, m := range marks {
		if m.start < at {
			continue
		}
		if m.start > at {
			out = append(out, segment{Text: text[at:m.start]})
		}
		out = append(out, segment{Text: text[m.start:m.end], Type: m.typ, Entity: m.id})
		at = m.end
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := http.StatusInternalServerError, "Something went wrong."
	switch {
	case isNotFound(err):
		code, msg = http.StatusNotFound, "No such document."
	case isBadRequest(err):
		code, msg = http.StatusBadRequest, err.Error()
	default:
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, "error.html", code, msg)
}
