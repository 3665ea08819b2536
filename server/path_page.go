package server

import (
	"net/http"
	"strings"
)

// pathPage is the data of the path page: two entity pickers, and how the
// two entities are linked, with the evidence of every hop.
type pathPage struct {
	chrome
	A, B string
	Path *path
	// Message says why no path could be looked for.
	Message string
}

func (s *Server) pagePath(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := pathPage{chrome: chrome{Title: "Path", Nav: "path"}, A: strings.TrimSpace(q.Get("a")), B: strings.TrimSpace(q.Get("b"))}
	code := http.StatusOK
	if p.A != "" && p.B != "" {
		pa, err := s.path(r)
		switch {
		case isNotFound(err):
			code, p.Message = http.StatusNotFound, "No entity of that name: pick one from the suggestions, or give its id (E12)."
		case isBadRequest(err):
			code, p.Message = http.StatusBadRequest, err.Error()
		case err != nil:
			s.pageError(w, r, err)
			return
		default:
			p.Path = pa
			p.Title = pa.A.Name + " to " + pa.B.Name + " · Path"
		}
	}
	s.render(w, r, "path.html", code, p)
}
