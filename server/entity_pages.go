package server

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

// timelineItems is the number of dated claims an entity's page lists.
const timelineItems = 12

// entityPage is the data of a global entity's profile page.
type entityPage struct {
	chrome
	writer
	*profile
	Timeline *timeline
	// Network links the entity's network page.
	Network string
	// Members are the entity's members, for the split form (logged-in
	// sessions only).
	Members []memberRow
	// Done is the decision that led here, if any.
	Done *store.Decision
	// Path links the path page from this entity.
	Path string
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	p, err := s.profile(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	tl, err := s.timeline(r, timelineItems)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ep := entityPage{chrome: chrome{Title: p.Entity.Name, Nav: "network"}, writer: s.writerOf(r), profile: p, Timeline: tl,
		Network: networkURL(p.Entity.ID, nil), Done: s.flash(r), Path: "/path?a=" + url.QueryEscape(p.Entity.ID)}
	if ep.CSRF != "" {
		id, _ := store.ParseEntityID(p.Entity.ID)
		if ep.Members, err = s.membersOf(r, id); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, "entity.html", http.StatusOK, ep)
}

// networkURL links the network page of entity id with the given filters.
func networkURL(id string, q url.Values) string {
	v := url.Values{}
	for k, vs := range q {
		if k == "depth" || k == "type" || k == "modality" || k == "attribution" {
			v[k] = vs
		}
	}
	v.Set("entity", id)
	return "/network?" + v.Encode()
}

// option is one choice of a filter's select.
type option struct {
	Value, Label string
	Selected     bool
}

// filterSelect is one filter of the network page.
type filterSelect struct {
	Name, Label string
	Options     []option
}

// networkPage is the data of the network page: around an entity, or,
// without one, a choice of entities.
type networkPage struct {
	chrome
	Entity *entitySummary
	// Data is the API address the network island draws.
	Data    string
	Filters []filterSelect
	// Choices are entities to start from, when no entity is asked for.
	Choices  []entitySummary
	Asked    string
	NotFound bool
	// Network is the drawn network again, listed for readers without
	// script or sight of the canvas.
	Network *network
	// Names maps the network's entity ids to their names.
	Names map[string]string
	// Documents is the number of stored documents, for the empty state.
	Documents int
}

func selectOf(name, label string, values []string, chosen string, words bool) filterSelect {
	f := filterSelect{Name: name, Label: label, Options: []option{{Value: "", Label: "any"}}}
	for _, v := range values {
		l := v
		if words {
			l = strings.ReplaceAll(v, "_", " ")
		}
		f.Options = append(f.Options, option{Value: v, Label: l, Selected: v == chosen})
	}
	return f
}

func (s *Server) pageNetwork(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	p := networkPage{chrome: chrome{Title: "Network", Nav: "network"}, Asked: strings.TrimSpace(q.Get("entity"))}
	if p.Asked != "" {
		e, _, err := resolve.Find(ctx, s.st, p.Asked)
		switch {
		case errors.Is(err, store.ErrNotFound):
			p.NotFound = true
		case err != nil:
			s.pageError(w, r, err)
			return
		default:
			if _, err := claimFilter(r); err != nil {
				s.pageError(w, r, err)
				return
			}
			if d := q.Get("depth"); d != "" && d != "1" && d != "2" {
				s.pageError(w, r, badRequest("depth: want 1 or 2"))
				return
			}
			sum := summarise(e)
			p.Entity = &sum
			p.Title = e.Name + " · Network"
			p.Script = "network"
			api := url.Values{}
			for _, k := range []string{"depth", "type", "modality", "attribution"} {
				if v := q.Get(k); v != "" {
					api.Set(k, v)
				}
			}
			p.Data = "/api/v1/entities/" + url.PathEscape(e.Ref()) + "/network"
			if len(api) > 0 {
				p.Data += "?" + api.Encode()
			}
			claims, err := s.st.EntityClaims(ctx, e.ID, store.ClaimFilter{Limit: maxProfileClaims})
			if err != nil {
				s.pageError(w, r, err)
				return
			}
			var types []string
			for _, c := range claims {
				if !slices.Contains(types, c.Predicate) {
					types = append(types, c.Predicate)
				}
			}
			if t := q.Get("type"); t != "" && !slices.Contains(types, t) {
				types = append(types, t)
			}
			slices.Sort(types)
			p.Filters = []filterSelect{
				selectOf("depth", "Depth", []string{"1", "2"}, q.Get("depth"), false),
				selectOf("type", "Relation", types, q.Get("type"), true),
				selectOf("modality", "Modality", []string{"asserted", "hedged", "reported", "negated"}, q.Get("modality"), false),
				selectOf("attribution", "Source", []string{"named", "organisation", "anonymous", "outlet"}, q.Get("attribution"), false),
			}
			nr := r.Clone(ctx)
			nr.SetPathValue("id", e.Ref())
			if p.Network, err = s.network(nr); err != nil {
				s.pageError(w, r, err)
				return
			}
			p.Names = map[string]string{}
			for _, n := range p.Network.Nodes {
				p.Names[n.ID] = n.Name
			}
			p.Filters[0].Options = p.Filters[0].Options[1:] // depth has no "any"
			if q.Get("depth") == "" {
				p.Filters[0].Options[0].Selected = true
			}
			s.render(w, r, "network.html", http.StatusOK, p)
			return
		}
	}
	top := r.Clone(ctx)
	top.URL = &url.URL{Path: r.URL.Path, RawQuery: "limit=30"}
	l, err := s.listEntities(top)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Choices = l.Entities
	st, err := s.st.Stats(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Documents = st.Documents
	code := http.StatusOK
	if p.NotFound {
		code = http.StatusNotFound
	}
	s.render(w, r, "network.html", code, p)
}

// flagsPage is the data of the flags page.
type flagsPage struct {
	chrome
	List  flagList
	Pager pager
	// Claims is the number of stored claims the checks read.
	Claims int
}

func (s *Server) pageFlags(w http.ResponseWriter, r *http.Request) {
	l, err := s.listFlags(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "flags.html", http.StatusOK, flagsPage{chrome: chrome{Title: "Flags", Nav: "flags"}, List: l, Claims: st.Claims(),
		Pager: pagerFor(r, pageParams{Limit: l.Limit, Offset: l.Offset}, l.NextOffset)})
}
