package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

// postDecision records a decision posted from a page's form: merge,
// not-same or split from an entity's profile, undo from the decisions
// list. The form must come from a logged-in session and carry its CSRF
// token. It records through the API's code path and redirects to the
// page that shows the result.
func (s *Server) postDecision(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxDecisionBody)
	sess, err := s.checkForm(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := r.PostForm
	req := decisionRequest{Kind: f.Get("kind"), Why: f.Get("why"), Who: sess.Who}
	switch req.Kind {
	case "merge", "not-same":
		req.A, req.B = f.Get("entity"), f.Get("other")
	case "split":
		req.Entity, req.Members = f.Get("entity"), f["member"]
	case "undo":
		if req.Decision, err = strconv.ParseInt(f.Get("decision"), 10, 64); err != nil {
			s.pageError(w, r, badRequest("undo: no decision named"))
			return
		}
	}
	res, err := s.decide(r, req)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	next := "/decisions?done=" + strconv.FormatInt(res.Decision, 10)
	switch {
	case res.Kind == "undo":
	case res.Entity != "":
		next = "/entities/" + url.PathEscape(res.Entity) + "?done=" + strconv.FormatInt(res.Decision, 10)
	case req.A != "":
		if e, _, err := resolve.Find(r.Context(), s.st, req.A); err == nil {
			next = "/entities/" + url.PathEscape(e.Ref()) + "?done=" + strconv.FormatInt(res.Decision, 10)
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// decisionSide is one side of a decision: the member it is anchored on
// and the entity that member belongs to now.
type decisionSide struct {
	Ref    store.MemberRef
	Entity *entityRef
}

// decisionRow is one decision of the decisions page.
type decisionRow struct {
	store.Decision
	A, B decisionSide
}

// decisionsPage is the data of the decisions page.
type decisionsPage struct {
	chrome
	writer
	All       bool
	Decisions []decisionRow
	// Done is the decision just recorded or undone, 0 when none.
	Done int64
}

func (s *Server) pageDecisions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := decisionsPage{chrome: chrome{Title: "Decisions", Nav: "decisions"}, writer: s.writerOf(r), All: q.Get("all") == "1"}
	p.Done, _ = strconv.ParseInt(q.Get("done"), 10, 64)
	ds, err := s.st.Decisions(ctx, p.All)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	nm := s.names(ctx)
	side := func(ref store.MemberRef) decisionSide {
		d := decisionSide{Ref: ref}
		if id, err := s.st.MemberOf(ctx, ref); err == nil {
			e := nm.ref(id)
			d.Entity = &e
		}
		return d
	}
	// Newest first: the one to undo is usually the last one made.
	for i := len(ds) - 1; i >= 0 && len(p.Decisions) < maxEntityPage*5; i-- {
		p.Decisions = append(p.Decisions, decisionRow{Decision: ds[i], A: side(ds[i].A), B: side(ds[i].B)})
	}
	s.render(w, r, "decisions.html", http.StatusOK, p)
}

// memberRow is one member of an entity, as the split form lists it.
type memberRow struct {
	// Ref is "DOC#KEY".
	Ref      string
	Doc      string
	Title    string
	Name     string
	Mentions int
}

// membersOf lists entity id's members for the split form, most
// mentioned first (at most maxSplitMembers).
func (s *Server) membersOf(r *http.Request, id int64) ([]memberRow, error) {
	ms, err := s.st.Members(r.Context(), id)
	if err != nil {
		return nil, err
	}
	nm := s.names(r.Context())
	var rows []memberRow
	for _, m := range ms[:min(len(ms), maxSplitMembers)] {
		rows = append(rows, memberRow{Ref: m.Ref().String(), Doc: m.Doc, Title: nm.title(m.Doc), Name: m.Name, Mentions: m.Mentions})
	}
	return rows, nil
}

// flash says what the decision just made was, on the page it leads to.
func (s *Server) flash(r *http.Request) *store.Decision {
	id, err := strconv.ParseInt(r.URL.Query().Get("done"), 10, 64)
	if err != nil || id <= 0 {
		return nil
	}
	d, err := s.st.Decision(r.Context(), id)
	if err != nil {
		return nil
	}
	return d
}

// decisionStatus maps a refused decision to its page status.
func decisionStatus(err error) (int, bool) {
	var fb errForbidden
	switch {
	case errors.As(err, &fb):
		return http.StatusForbidden, true
	case errors.Is(err, resolve.ErrDecision):
		return http.StatusConflict, true
	}
	return 0, false
}
