package server

import (
	"cmp"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// The timeline of events: every event the documents report (or those of
// one entity), in date order, for the timeline page and its API. An event
// is read from its participants' claims: one claim per role.

// maxTimelineClaims bounds the event claims one timeline request reads.
const maxTimelineClaims = 200_000

// eventRole is one participant of an event.
type eventRole struct {
	Role   string    `json:"role,omitempty"`
	Entity entityRef `json:"entity"`
}

// timelineEvent is one event on the timeline.
type timelineEvent struct {
	// When is the event's date ("2026-04-21", "2026-04"), else its
	// document's publication date; Dated says which.
	When      string           `json:"when"`
	Dated     bool             `json:"dated"`
	Type      string           `json:"type"`
	Doc       string           `json:"doc"`
	Title     string           `json:"title"`
	Modality  dossier.Modality `json:"modality"`
	Place     *entityRef       `json:"place,omitempty"`
	Roles     []eventRole      `json:"roles"`
	Evidence  dossier.Evidence `json:"evidence"`
	Published string           `json:"published,omitempty"`
}

// eventTimeline is one page of the timeline, with the span of every
// event that passes the filters other than the dates, so that a client
// can draw the whole axis and zoom into it.
type eventTimeline struct {
	Entity     *entityRef `json:"entity,omitempty"`
	From       string     `json:"from,omitempty"`
	To         string     `json:"to,omitempty"`
	First      string     `json:"first,omitempty"`
	Last       string     `json:"last,omitempty"`
	Total      int        `json:"total"`
	Limit      int        `json:"limit"`
	Offset     int        `json:"offset"`
	NextOffset *int       `json:"next_offset,omitempty"`
	Truncated  bool       `json:"truncated"`
	// Types are the event types of the entity's (or the store's) events,
	// whatever the type filter.
	Types  []string        `json:"types"`
	Events []timelineEvent `json:"events"`
}

// isoDate matches the dates the filters take: a year, a month or a day.
var isoDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// eventKey identifies one event: the document and its local event id.
type eventKey struct{ doc, event string }

func (s *Server) eventTimeline(r *http.Request) (*eventTimeline, error) {
	p, err := page(r, 100)
	if err != nil {
		return nil, err
	}
	f, err := claimFilter(r)
	if err != nil {
		return nil, err
	}
	// The type filter is applied after the types are listed.
	only := f.Predicates
	f.Predicates = nil
	q := r.URL.Query()
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	for _, d := range []string{from, to} {
		if d != "" && !isoDate.MatchString(d) {
			return nil, badRequest("from, to: want a date such as 2026, 2026-04 or 2026-04-21")
		}
	}
	ctx := r.Context()
	nm := s.names(ctx)
	t := &eventTimeline{From: from, To: to, Limit: p.Limit, Offset: p.Offset, Types: []string{}, Events: []timelineEvent{}}
	var claims []store.Claim
	keep := func(c store.Claim) error {
		if c.Kind != "event" {
			return nil
		}
		if len(claims) >= maxTimelineClaims {
			t.Truncated = true
			return nil
		}
		claims = append(claims, c)
		return nil
	}
	if v := strings.TrimSpace(q.Get("entity")); v != "" {
		e, err := s.findEntity(r, v, "entity")
		if err != nil {
			return nil, err
		}
		ref := nm.ref(e.ID)
		t.Entity = &ref
		f.Limit = maxProfileClaims
		cs, err := s.st.EntityClaims(ctx, e.ID, f)
		if err != nil {
			return nil, err
		}
		t.Truncated = len(cs) >= maxProfileClaims
		// The entity's events, with every participant: the neighbourhood
		// holds the others' roles.
		mine := map[eventKey]bool{}
		for _, c := range cs {
			if c.Kind == "event" && (c.Subject == e.ID || c.Place == e.ID) {
				mine[eventKey{c.Doc, c.Event}] = true
			}
		}
		for _, c := range cs {
			if mine[eventKey{c.Doc, c.Event}] {
				_ = keep(c)
			}
		}
	} else if err := s.st.EachClaim(ctx, f, keep); err != nil {
		return nil, err
	}

	for _, c := range claims {
		if !slices.Contains(t.Types, c.Predicate) {
			t.Types = append(t.Types, c.Predicate)
		}
	}
	slices.Sort(t.Types)
	if len(only) > 0 {
		claims = slices.DeleteFunc(claims, func(c store.Claim) bool { return !slices.Contains(only, c.Predicate) })
	}
	// Group the roles into events.
	byKey := map[eventKey]int{}
	var events []timelineEvent
	for _, c := range claims {
		k := eventKey{c.Doc, c.Event}
		i, ok := byKey[k]
		if !ok {
			i = len(events)
			byKey[k] = i
			events = append(events, timelineEvent{When: c.When(), Dated: c.Date != "", Type: c.Predicate, Doc: c.Doc, Modality: c.Modality,
				Place: nm.optRef(c.Place), Roles: []eventRole{}, Evidence: c.Evidence, Published: c.Published})
		}
		ev := &events[i]
		if ev.Place == nil && c.Place != 0 {
			ev.Place = nm.optRef(c.Place)
		}
		role := eventRole{Role: c.Role, Entity: nm.ref(c.Subject)}
		if c.Subject != 0 && !slices.Contains(ev.Roles, role) {
			ev.Roles = append(ev.Roles, role)
		}
	}
	events = slices.DeleteFunc(events, func(e timelineEvent) bool { return e.When == "" })
	slices.SortStableFunc(events, func(a, b timelineEvent) int {
		return cmp.Or(cmp.Compare(a.When, b.When), cmp.Compare(a.Doc, b.Doc))
	})
	if len(events) > 0 {
		t.First, t.Last = events[0].When, events[len(events)-1].When
	}
	window := store.ClaimFilter{From: from, To: to}
	events = slices.DeleteFunc(events, func(e timelineEvent) bool { return !window.Match(store.Claim{Date: e.When}) })
	t.Total = len(events)
	t.NextOffset = p.next(len(events) > p.Offset+p.Limit)
	if p.Offset < len(events) {
		t.Events = events[p.Offset:min(len(events), p.Offset+p.Limit)]
		for i := range t.Events {
			t.Events[i].Title = nm.title(t.Events[i].Doc)
		}
	}
	return t, nil
}

// timelinePage is the data of the timeline page.
type timelinePage struct {
	chrome
	Timeline *eventTimeline
	// Data is the API address the timeline island draws.
	Data  string
	Types []option
	Pager pager
	// All links the timeline with the same filters but no dates.
	All string
	// Documents is the number of stored documents, for the empty state.
	Documents int
}

func (s *Server) pageTimeline(w http.ResponseWriter, r *http.Request) {
	t, err := s.eventTimeline(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := timelinePage{chrome: chrome{Title: "Timeline", Nav: "timeline", Script: "timeline"}, Timeline: t, Documents: st.Documents,
		Pager: pagerFor(r, pageParams{Limit: t.Limit, Offset: t.Offset}, t.NextOffset)}
	if t.Entity != nil {
		p.Title = t.Entity.Name + " · Timeline"
	}
	api := url.Values{}
	for _, k := range []string{"entity", "type", "modality", "attribution", "from", "to"} {
		if v := r.URL.Query().Get(k); v != "" {
			api.Set(k, v)
		}
	}
	if t.Entity != nil {
		api.Set("entity", t.Entity.ID)
	}
	p.Data = "/api/v1/timeline?" + api.Encode()
	all := url.Values{}
	for _, k := range []string{"entity", "type", "modality", "attribution"} {
		if v := api.Get(k); v != "" {
			all.Set(k, v)
		}
	}
	p.All = (&url.URL{Path: "/timeline", RawQuery: all.Encode()}).String()
	p.Types = []option{{Value: "", Label: "any"}}
	for _, ty := range t.Types {
		p.Types = append(p.Types, option{Value: ty, Label: ty, Selected: r.URL.Query().Get("type") == ty})
	}
	s.render(w, r, "timeline.html", http.StatusOK, p)
}
