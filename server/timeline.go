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
	When     string           `json:"when"`
	Dated    bool             `json:"dated"`
	Type     string           `json:"type"`
	Doc      string           `json:"doc"`
	Title    string           `json:"title"`
	Modality dossier.Modality `json:"modality"`
	// Event is the event's id local to its document ("v2").
	Event string `json:"event"`
	// AttributionKind and AttributionText say who reports it.
	AttributionKind dossier.AttributionKind `json:"attribution_kind"`
	AttributionText string                  `json:"attribution_text,omitempty"`
	Place           *entityRef              `json:"place,omitempty"`
	Roles           []eventRole             `json:"roles"`
	Evidence        dossier.Evidence        `json:"evidence"`
	Published       string                  `json:"published,omitempty"`
}

// eventTimeline is one page of the timeline, with the span of every
// event that passes the filters other than the dates, so that a client
// can draw the whole axis and zoom into it.
type eventTimeline struct {
	eventList
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Types are the event types of the entity's (or the store's) events,
	// whatever the type filter.
	Types []string `json:"types"`
}

// isoDate matches the dates the filters take: a year, a month or a day.
var isoDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// dateRange reads the from and to parameters: each a year, a month or a
// day, or empty.
func dateRange(r *http.Request) (from, to string, err error) {
	q := r.URL.Query()
	from, to = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	for _, d := range []string{from, to} {
		if d != "" && !isoDate.MatchString(d) {
			return "", "", badRequest("from, to: want a date such as 2026, 2026-04 or 2026-04-21")
		}
	}
	return from, to, nil
}

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
	from, to, err := dateRange(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	nm := s.names(ctx)
	t := &eventTimeline{eventList: eventList{From: from, To: to, Limit: p.Limit, Offset: p.Offset, Events: []timelineEvent{}}, Types: []string{}}
	// The events of an entity, or at a place, are read from its
	// neighbourhood rather than from every claim.
	var (
		anchor  *store.GlobalEntity
		placeID int64
	)
	if v := strings.TrimSpace(q.Get("place")); v != "" {
		pl, err := s.findEntity(r, v, "place")
		if err != nil {
			return nil, err
		}
		ref := nm.ref(pl.ID)
		t.Place, anchor, placeID = &ref, pl, pl.ID
	}
	if v := strings.TrimSpace(q.Get("entity")); v != "" {
		e, err := s.findEntity(r, v, "entity")
		if err != nil {
			return nil, err
		}
		ref := nm.ref(e.ID)
		t.Entity, anchor = &ref, e
	}
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
	if e := anchor; e != nil {
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
	// Group the roles into events. Entities are named for the page only:
	// naming one costs a query.
	type roleOf struct {
		role string
		id   int64
	}
	type grouped struct {
		ev    timelineEvent
		place int64
		roles []roleOf
	}
	byKey := map[eventKey]int{}
	var events []grouped
	for _, c := range claims {
		k := eventKey{c.Doc, c.Event}
		i, ok := byKey[k]
		if !ok {
			i = len(events)
			byKey[k] = i
			events = append(events, grouped{ev: timelineEvent{When: c.When(), Dated: c.Date != "", Type: c.Predicate, Doc: c.Doc, Modality: c.Modality,
				Event: c.Event, AttributionKind: c.AttributionKind, AttributionText: c.AttributionText, Roles: []eventRole{}, Evidence: c.Evidence,
				Published: c.Published}})
		}
		g := &events[i]
		if g.place == 0 {
			g.place = c.Place
		}
		if role := (roleOf{c.Role, c.Subject}); c.Subject != 0 && !slices.Contains(g.roles, role) {
			g.roles = append(g.roles, role)
		}
	}
	events = slices.DeleteFunc(events, func(g grouped) bool {
		return g.ev.When == "" || placeID != 0 && g.place != placeID
	})
	slices.SortStableFunc(events, func(a, b grouped) int {
		return cmp.Or(cmp.Compare(a.ev.When, b.ev.When), cmp.Compare(a.ev.Doc, b.ev.Doc))
	})
	if len(events) > 0 {
		t.First, t.Last = events[0].ev.When, events[len(events)-1].ev.When
	}
	window := store.ClaimFilter{From: from, To: to}
	events = slices.DeleteFunc(events, func(g grouped) bool { return !window.Match(store.Claim{Date: g.ev.When}) })
	t.Total = len(events)
	t.NextOffset = p.next(len(events) > p.Offset+p.Limit)
	if p.Offset < len(events) {
		for _, g := range events[p.Offset:min(len(events), p.Offset+p.Limit)] {
			ev := g.ev
			ev.Title, ev.Place = nm.title(ev.Doc), nm.optRef(g.place)
			for _, r := range g.roles {
				ev.Roles = append(ev.Roles, eventRole{Role: r.role, Entity: nm.ref(r.id)})
			}
			t.Events = append(t.Events, ev)
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
	for _, k := range []string{"entity", "place", "type", "modality", "attribution", "from", "to"} {
		if v := r.URL.Query().Get(k); v != "" {
			api.Set(k, v)
		}
	}
	if t.Entity != nil {
		api.Set("entity", t.Entity.ID)
	}
	p.Data = "/api/v1/timeline?" + api.Encode()
	all := url.Values{}
	for _, k := range []string{"entity", "place", "type", "modality", "attribution"} {
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
