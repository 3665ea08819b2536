package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

// writeRoutes are the routes EnableWrites adds, with their method (the
// OpenAPI test checks they are described).
var writeRoutes = map[string]string{"/api/v1/decisions": "post"}

// maxDecisionBody is the largest decision request read.
const maxDecisionBody = 64 << 10

// EnableWrites lets clients that present token record resolution
// decisions: POST /api/v1/decisions with "Authorization: Bearer TOKEN",
// and the pages' forms once a browser has logged in with the token (see
// session.go). Without it the server is read-only. The API takes no
// cookie, so a page on another site cannot forge a request in a user's
// name; the forms carry a per-session CSRF token for the same reason.
func (s *Server) EnableWrites(token string) error {
	if len(token) < 16 {
		return fmt.Errorf("write token: want at least 16 characters")
	}
	s.token = token
	s.mux.HandleFunc("POST /api/v1/decisions", s.apiDecide)
	return nil
}

// decisionRequest is the body of POST /api/v1/decisions.
type decisionRequest struct {
	// Kind is merge, not-same, split or undo.
	Kind string `json:"kind"`
	// A and B name the two entities (a name or an id such as E12) of a
	// merge or a not-same.
	A string `json:"a,omitempty"`
	B string `json:"b,omitempty"`
	// Entity names the entity a split takes members out of, Members the
	// members: "DOC#KEY" for one name in one document, or "DOC" for all
	// the entity's mentions in that document.
	Entity  string   `json:"entity,omitempty"`
	Members []string `json:"members,omitempty"`
	// Decision is the id of the decision to undo.
	Decision int64 `json:"decision,omitempty"`
	// Why says why; required for merge and not-same.
	Why string `json:"why,omitempty"`
	// Who made the decision; "api" when empty.
	Who string `json:"who,omitempty"`
}

// decisionResult is the answer to a recorded decision.
type decisionResult struct {
	Kind     string `json:"kind"`
	Decision int64  `json:"decision,omitempty"`
	Entity   string `json:"entity,omitempty"`
	// New is the entity a split made of the members it took out.
	New    string `json:"new,omitempty"`
	Undone string `json:"undone,omitempty"`
}

func (s *Server) apiDecide(w http.ResponseWriter, r *http.Request) {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dossier"`)
		s.writeJSON(w, http.StatusUnauthorized, apiError{"a write needs the server's token: Authorization: Bearer TOKEN"})
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		s.writeJSON(w, http.StatusUnsupportedMediaType, apiError{"send the decision as application/json"})
		return
	}
	var req decisionRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, maxDecisionBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.fail(w, r, badRequest("decision: "+err.Error()))
		return
	}
	res, err := s.decide(r, req)
	if errors.Is(err, resolve.ErrDecision) {
		s.writeJSON(w, http.StatusConflict, apiError{err.Error()})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}

// decide records one decision.
func (s *Server) decide(r *http.Request, req decisionRequest) (*decisionResult, error) {
	ctx := r.Context()
	who := req.Who
	if who == "" {
		who = "api"
	}
	switch req.Kind {
	case "merge", "not-same":
		if strings.TrimSpace(req.Why) == "" {
			return nil, badRequest(req.Kind + ": why is required")
		}
		a, err := s.findEntity(r, req.A, "a")
		if err != nil {
			return nil, err
		}
		b, err := s.findEntity(r, req.B, "b")
		if err != nil {
			return nil, err
		}
		if req.Kind == "merge" {
			id, err := resolve.Merge(ctx, s.st, a.ID, b.ID, who, req.Why)
			return &decisionResult{Kind: req.Kind, Decision: id, Entity: store.EntityID(a.ID)}, err
		}
		id, err := resolve.NotSame(ctx, s.st, a.ID, b.ID, who, req.Why)
		return &decisionResult{Kind: req.Kind, Decision: id}, err
	case "split":
		if strings.TrimSpace(req.Why) == "" {
			return nil, badRequest("split: why is required")
		}
		e, err := s.findEntity(r, req.Entity, "entity")
		if err != nil {
			return nil, err
		}
		ms, err := s.st.Members(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		refs, err := membersNamed(ms, req.Members)
		if err != nil {
			return nil, err
		}
		newID, id, err := resolve.Split(ctx, s.st, e.ID, refs, who, req.Why)
		return &decisionResult{Kind: req.Kind, Decision: id, Entity: e.Ref(), New: store.EntityID(newID)}, err
	case "undo":
		if req.Decision <= 0 {
			return nil, badRequest("undo: decision is required")
		}
		what, err := resolve.Undo(ctx, s.st, req.Decision, who)
		return &decisionResult{Kind: req.Kind, Decision: req.Decision, Undone: what}, err
	default:
		return nil, badRequest(fmt.Sprintf("kind %q: want merge, not-same, split or undo", req.Kind))
	}
}

// findEntity finds the entity a request names in field.
func (s *Server) findEntity(r *http.Request, v, field string) (*store.GlobalEntity, error) {
	if strings.TrimSpace(v) == "" {
		return nil, badRequest(field + ": want an entity name or id (E12)")
	}
	e, _, err := resolve.Find(r.Context(), s.st, v)
	return e, err
}

// maxSplitMembers bounds the members one split names.
const maxSplitMembers = 500

// membersNamed returns the members of ms that args name: "DOC#KEY" for
// one member, or "DOC" for every member in that document.
func membersNamed(ms []store.Member, args []string) ([]store.MemberRef, error) {
	if len(args) == 0 {
		return nil, badRequest("split: members is required: DOC#KEY or DOC")
	}
	if len(args) > maxSplitMembers {
		return nil, badRequest(fmt.Sprintf("split: at most %d members", maxSplitMembers))
	}
	var refs []store.MemberRef
	for _, arg := range args {
		doc, key, one := strings.Cut(arg, "#")
		n := 0
		for _, m := range ms {
			if m.Doc == doc && (!one || m.Key == key) {
				if !slices.Contains(refs, m.Ref()) {
					refs = append(refs, m.Ref())
				}
				n++
			}
		}
		if n == 0 {
			return nil, badRequest(fmt.Sprintf("split: %q names no member of the entity", arg))
		}
	}
	return refs, nil
}
