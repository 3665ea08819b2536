package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/check"
	"github.com/dossier-osint/dossier/corroboration"
	"github.com/dossier-osint/dossier/graph"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

// The cross-document side of the API: global entities (the same person
// spelled three ways in three reports is one entity, "E12"), their
// profiles, ego networks, timelines, the paths between two of them, and the
// checks' flags. Everything is read from store.Graph and computed per
// request with the graph, corroboration and check packages.

// Bounds of the graph endpoints.
const (
	// maxEntityPage bounds a page of entities: each costs a few queries.
	maxEntityPage = 100
	// maxProfileClaims bounds the claims a profile or timeline reads.
	maxProfileClaims = 2000
	// maxNetworkNodes bounds the entities of a network: past it the most
	// central are kept.
	maxNetworkNodes = 250
	// maxQuoteDocs bounds the documents read for an entity's quotes.
	maxQuoteDocs = 25
	// maxProfileDocs bounds the documents a profile lists.
	maxProfileDocs = 100
)

// entityRef is a global entity as a link: id ("E12"), name and type.
type entityRef struct {
	ID   string             `json:"id"`
	Name string             `json:"name"`
	Type dossier.EntityType `json:"type"`
}

// entitySummary is a global entity in a list.
type entitySummary struct {
	entityRef
	Aliases   []string `json:"aliases"`
	Titles    []string `json:"titles"`
	Documents int      `json:"documents"`
	Mentions  int      `json:"mentions"`
}

func summarise(e *store.GlobalEntity) entitySummary {
	s := entitySummary{entityRef: entityRef{ID: e.Ref(), Name: e.Name, Type: e.Type}, Aliases: e.Aliases,
		Titles: e.Attributes["titles"], Documents: e.Documents, Mentions: e.Members}
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	if s.Titles == nil {
		s.Titles = []string{}
	}
	return s
}

// names looks up and caches the names of global entities for one request.
type names struct {
	ctx    context.Context
	st     store.Store
	cache  map[int64]entityRef
	titles map[string]string
}

func (s *Server) names(ctx context.Context) *names {
	return &names{ctx: ctx, st: s.st, cache: map[int64]entityRef{}, titles: map[string]string{}}
}

// title returns the title of document doc ("" when it has none or is
// gone).
func (n *names) title(doc string) string {
	if t, ok := n.titles[doc]; ok {
		return t
	}
	t := ""
	if d, err := n.st.Document(n.ctx, doc); err == nil {
		t = d.Title
	}
	n.titles[doc] = t
	return t
}

// ref returns entity id as a link; an entity that went away (merged since)
// keeps its id as its name.
func (n *names) ref(id int64) entityRef {
	if r, ok := n.cache[id]; ok {
		return r
	}
	r := entityRef{ID: store.EntityID(id), Name: store.EntityID(id), Type: dossier.Misc}
	if e, err := n.st.Entity(n.ctx, id); err == nil {
		r = entityRef{ID: e.Ref(), Name: e.Name, Type: e.Type}
	}
	n.cache[id] = r
	return r
}

// optRef is ref, or nil for id 0.
func (n *names) optRef(id int64) *entityRef {
	if id == 0 {
		return nil
	}
	r := n.ref(id)
	return &r
}

// entityParam reads the {id} of a path as a global entity id ("E12" or
// "12").
func entityParam(r *http.Request) (int64, error) {
	id, ok := store.ParseEntityID(r.PathValue("id"))
	if !ok {
		return 0, store.ErrNotFound
	}
	return id, nil
}

// entityList is one page of global entities.
type entityList struct {
	Query      string          `json:"query"`
	Limit      int             `json:"limit"`
	Offset     int             `json:"offset"`
	NextOffset *int            `json:"next_offset,omitempty"`
	Entities   []entitySummary `json:"entities"`
}

// listEntities pages through the global entities whose names contain q
// (all of them, most reported first, without q). The store pages over the
// names read from documents, most widely reported first; each name leads
// to the global entities its occurrences were resolved to, so a page may
// hold fewer entities than its limit, and an entity known by two names may
// show on two pages.
func (s *Server) listEntities(r *http.Request) (entityList, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p, err := page(r, 20)
	if err != nil {
		return entityList{}, err
	}
	if p.Limit > maxEntityPage {
		return entityList{}, badRequest("limit: want a number from 1 to " + strconv.Itoa(maxEntityPage))
	}
	l := entityList{Query: q, Limit: p.Limit, Offset: p.Offset, Entities: []entitySummary{}}
	ctx := r.Context()
	seen := map[int64]bool{}
	add := func(id int64) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		e, err := s.st.Entity(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		l.Entities = append(l.Entities, summarise(e))
		return nil
	}
	// An id asked for by name comes first.
	if id, ok := store.ParseEntityID(q); ok && p.Offset == 0 && strings.HasPrefix(strings.ToUpper(q), "E") {
		if err := add(id); err != nil {
			return l, err
		}
	}
	ns, err := s.st.EntityNames(ctx, store.EntityNameQuery{Text: q, Limit: p.Limit + 1, Offset: p.Offset, PerName: 3})
	if err != nil {
		return l, err
	}
	l.NextOffset = p.next(len(ns) > p.Limit)
	for _, n := range ns[:min(len(ns), p.Limit)] {
		for _, o := range n.Occurrences {
			id, err := s.st.MemberOf(ctx, store.MemberRef{Doc: o.Document, Key: resolve.Key(n.Name)})
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return l, err
			}
			if err := add(id); err != nil {
				return l, err
			}
		}
	}
	return l, nil
}

// claimSource is one independent source of a claim: a syndication cluster,
// with the document whose words are shown.
type claimSource struct {
	Cluster   string                    `json:"cluster"`
	Documents []string                  `json:"documents"`
	Kinds     []dossier.AttributionKind `json:"attribution_kinds"`
	Modality  []dossier.Modality        `json:"modalities"`
	Evidence  dossier.Evidence          `json:"evidence"`
	// Doc is the document the evidence is read from, Title its title,
	// Attribution the words that name the source there.
	Doc         string `json:"doc"`
	Title       string `json:"title"`
	Attribution string `json:"attribution,omitempty"`
}

// profileClaim is what one or more reports say about an entity, with its
// sources.
type profileClaim struct {
	// Kind is "relation" or "event".
	Kind          string                          `json:"kind"`
	Predicate     string                          `json:"predicate"`
	Role          string                          `json:"role,omitempty"`
	Subject       entityRef                       `json:"subject"`
	Object        *entityRef                      `json:"object,omitempty"`
	Place         *entityRef                      `json:"place,omitempty"`
	Date          string                          `json:"date,omitempty"`
	Corroboration int                             `json:"corroboration"`
	Denials       int                             `json:"denials"`
	Kinds         map[dossier.AttributionKind]int `json:"attribution_kinds"`
	AnonymousOnly bool                            `json:"anonymous_only"`
	Hedged        bool                            `json:"hedged"`
	Sources       []claimSource                   `json:"sources"`
}

// claimGroup is the claims of one relation or event type.
type claimGroup struct {
	Type   string         `json:"type"`
	Claims []profileClaim `json:"claims"`
}

// profileDoc is a document an entity is named in.
type profileDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	// Names are the spellings it has there.
	Names []string `json:"names"`
}

// profileName is one spelling of an entity, with how often it was read.
type profileName struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	Mentions  int    `json:"mentions"`
}

// profileQuote is a quote by the entity.
type profileQuote struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Cue   string `json:"cue,omitempty"`
	Date  string `json:"date,omitempty"`
}

// sameAs is a possible duplicate of an entity.
type sameAs struct {
	entityRef
	Score float64 `json:"score"`
	Why   string  `json:"why"`
}

// profile is everything known about one global entity.
type profile struct {
	Entity    entitySummary                   `json:"entity"`
	Names     []profileName                   `json:"names"`
	Documents []profileDoc                    `json:"documents"`
	Relations []claimGroup                    `json:"relations"`
	Kinds     map[dossier.AttributionKind]int `json:"attribution_kinds"`
	Quotes    []profileQuote                  `json:"quotes"`
	Flags     []finding                       `json:"flags"`
	SameAs    []sameAs                        `json:"possible_same_as"`
	// Truncated is set when the entity has more claims than a profile
	// reads.
	Truncated bool `json:"truncated"`
}

func (s *Server) profile(r *http.Request) (*profile, error) {
	id, err := entityParam(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	nm := s.names(ctx)
	nm.cache[id] = entityRef{ID: e.Ref(), Name: e.Name, Type: e.Type}
	p := &profile{Entity: summarise(e), Names: []profileName{}, Documents: []profileDoc{}, Relations: []claimGroup{},
		Kinds: map[dossier.AttributionKind]int{}, Quotes: []profileQuote{}, Flags: []finding{}, SameAs: []sameAs{}}

	members, err := s.st.Members(ctx, id)
	if err != nil {
		return nil, err
	}
	type nameDoc struct{ name, doc string }
	byName := map[string]int{} // folded name → index in p.Names
	counted := map[nameDoc]bool{}
	docNames := map[string][]string{}
	var docOrder []string
	locals := map[string][]string{} // document → local ids
	for _, m := range members {
		key := strings.ToLower(m.Name)
		i, ok := byName[key]
		if !ok {
			i = len(p.Names)
			byName[key] = i
			p.Names = append(p.Names, profileName{Name: m.Name})
		}
		p.Names[i].Mentions += m.Mentions
		if !counted[nameDoc{key, m.Doc}] {
			counted[nameDoc{key, m.Doc}] = true
			p.Names[i].Documents++
		}
		if _, ok := docNames[m.Doc]; !ok {
			docOrder = append(docOrder, m.Doc)
		}
		if !slices.Contains(docNames[m.Doc], m.Name) {
			docNames[m.Doc] = append(docNames[m.Doc], m.Name)
		}
		locals[m.Doc] = append(locals[m.Doc], m.Local)
	}
	slices.SortStableFunc(p.Names, func(a, b profileName) int { return cmp.Compare(b.Mentions, a.Mentions) })

	quoteDocs := 0
	for _, doc := range docOrder[:min(len(docOrder), maxProfileDocs)] {
		d, err := s.st.Document(ctx, doc)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		nm.titles[doc] = d.Title
		pd := profileDoc{ID: d.ID, Title: d.Title, Names: docNames[doc]}
		if !d.Published.IsZero() {
			pd.Published = d.Published.Format("2006-01-02")
		}
		p.Documents = append(p.Documents, pd)
		if quoteDocs >= maxQuoteDocs {
			continue
		}
		quoteDocs++
		ex, err := s.st.Extraction(ctx, doc)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, q := range ex.Quotes {
			if q.Speaker != "" && slices.Contains(locals[doc], q.Speaker) {
				pq := profileQuote{Doc: doc, Title: d.Title, Text: q.Text, Start: q.Start, End: q.End, Cue: q.Cue}
				if q.Date != nil {
					pq.Date = cmp.Or(q.Date.Value, q.Date.Text)
				}
				p.Quotes = append(p.Quotes, pq)
			}
		}
	}
	slices.SortStableFunc(p.Documents, func(a, b profileDoc) int { return cmp.Compare(b.Published, a.Published) })

	claims, err := s.st.EntityClaims(ctx, id, store.ClaimFilter{Limit: maxProfileClaims + 1})
	if err != nil {
		return nil, err
	}
	if len(claims) > maxProfileClaims {
		claims, p.Truncated = claims[:maxProfileClaims], true
	}
	// The neighbourhood holds the other participants' roles in the
	// entity's events; the profile lists what is said of the entity.
	var own []store.Claim
	for _, c := range claims {
		if c.Subject == id || c.Object == id || c.Place == id {
			own = append(own, c)
		}
	}
	groups := map[string]int{}
	for _, g := range corroboration.Group(own) {
		pc := nm.grouped(g)
		for k, n := range g.Kinds {
			p.Kinds[k] += n
		}
		i, ok := groups[g.Key.Predicate]
		if !ok {
			i = len(p.Relations)
			groups[g.Key.Predicate] = i
			p.Relations = append(p.Relations, claimGroup{Type: g.Key.Predicate})
		}
		p.Relations[i].Claims = append(p.Relations[i].Claims, pc)
	}
	slices.SortStableFunc(p.Relations, func(a, b claimGroup) int { return cmp.Compare(len(b.Claims), len(a.Claims)) })

	for _, f := range check.All(own) {
		p.Flags = append(p.Flags, s.finding(nm, f))
	}
	same, err := s.st.SameAs(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, c := range same {
		p.SameAs = append(p.SameAs, sameAs{entityRef: nm.ref(c.Other), Score: c.Score, Why: c.Why})
	}
	return p, nil
}

// grouped describes what the claims of g say, with their independent
// sources, each with the words of its first claim.
func (n *names) grouped(g corroboration.Claim) profileClaim {
	pc := profileClaim{Kind: g.Claims[0].Kind, Predicate: g.Key.Predicate, Role: g.Key.Role, Subject: n.ref(g.Key.Subject), Object: n.optRef(g.Key.Object),
		Place: n.optRef(g.Key.Place), Corroboration: g.Corroboration, Denials: g.Denials, Kinds: g.Kinds,
		AnonymousOnly: g.AnonymousOnly(), Hedged: true, Sources: []claimSource{}}
	for _, c := range g.Claims {
		if pc.Date == "" {
			pc.Date = c.Date
		}
		if c.Modality != dossier.Hedged && c.Modality != dossier.Negated {
			pc.Hedged = false
		}
	}
	for _, src := range g.Sources {
		cs := claimSource{Cluster: src.Cluster, Documents: src.Documents, Kinds: src.Kinds, Modality: src.Modality, Evidence: src.Evidence}
		// The evidence is the first claim's of the source.
		for _, c := range g.Claims {
			if cmp.Or(c.Cluster, c.Doc) == src.Cluster {
				cs.Doc, cs.Title, cs.Attribution = c.Doc, n.title(c.Doc), c.AttributionText
				break
			}
		}
		pc.Sources = append(pc.Sources, cs)
	}
	return pc
}

// evidenceClaim is one claim with its words, as shown in an edge's panel,
// a path's hop or a timeline.
type evidenceClaim struct {
	Doc             string                  `json:"doc"`
	Title           string                  `json:"title"`
	Published       string                  `json:"published,omitempty"`
	Date            string                  `json:"date,omitempty"`
	Kind            string                  `json:"kind"`
	Predicate       string                  `json:"predicate"`
	Role            string                  `json:"role,omitempty"`
	Subject         entityRef               `json:"subject"`
	Object          *entityRef              `json:"object,omitempty"`
	Modality        dossier.Modality        `json:"modality"`
	AttributionKind dossier.AttributionKind `json:"attribution_kind"`
	AttributionText string                  `json:"attribution_text,omitempty"`
	Evidence        dossier.Evidence        `json:"evidence"`
}

func (n *names) claim(c store.Claim) evidenceClaim {
	return evidenceClaim{Doc: c.Doc, Title: n.title(c.Doc), Published: c.Published, Date: c.Date, Kind: c.Kind, Predicate: c.Predicate, Role: c.Role,
		Subject: n.ref(c.Subject), Object: n.optRef(c.Object), Modality: c.Modality, AttributionKind: c.AttributionKind,
		AttributionText: c.AttributionText, Evidence: c.Evidence}
}

func (n *names) claims(cs []store.Claim) []evidenceClaim {
	out := make([]evidenceClaim, 0, len(cs))
	for _, c := range cs {
		out = append(out, n.claim(c))
	}
	return out
}

// claimFilter reads the network filters: type (relation or event types),
// modality and attribution, each repeated or comma-separated.
func claimFilter(r *http.Request) (store.ClaimFilter, error) {
	var f store.ClaimFilter
	list := func(name string) []string {
		var out []string
		for _, v := range r.URL.Query()[name] {
			for part := range strings.SplitSeq(v, ",") {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
		}
		return out
	}
	for _, t := range list("type") {
		if len(t) > 64 || strings.ContainsAny(t, " <>\"'") {
			return f, badRequest("type: want relation or event types such as leader_of")
		}
		f.Predicates = append(f.Predicates, t)
	}
	for _, m := range list("modality") {
		switch mod := dossier.Modality(m); mod {
		case dossier.Asserted, dossier.Hedged, dossier.Negated, dossier.Reported:
			f.Modalities = append(f.Modalities, mod)
		default:
			return f, badRequest("modality: want asserted, hedged, negated or reported")
		}
	}
	for _, k := range list("attribution") {
		switch kind := dossier.AttributionKind(k); kind {
		case dossier.Named, dossier.Organisation, dossier.Anonymous, dossier.Outlet:
			f.AttributionKinds = append(f.AttributionKinds, kind)
		default:
			return f, badRequest("attribution: want named, organisation, anonymous or outlet")
		}
	}
	return f, nil
}

// networkNode is an entity of a network.
type networkNode struct {
	entityRef
	// Centrality is the entity's PageRank in the network, scaled so that
	// the most central is 1.
	Centrality float64 `json:"centrality"`
	Degree     int     `json:"degree"`
	// Centre marks the entity the network is drawn around.
	Centre bool `json:"centre,omitempty"`
}

// networkEdge links two entities by every claim between them.
type networkEdge struct {
	ID         string   `json:"id"`
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Predicates []string `json:"predicates"`
	// Weight is the number of independent sources.
	Weight float64 `json:"weight"`
	// Hedged is set when no claim of the link is asserted or reported
	// plainly; Anonymous when every claim rests on anonymous sources.
	Hedged    bool            `json:"hedged"`
	Anonymous bool            `json:"anonymous"`
	Claims    []evidenceClaim `json:"claims"`
}

// network is the ego network of an entity.
type network struct {
	Entity    entityRef     `json:"entity"`
	Depth     int           `json:"depth"`
	Nodes     []networkNode `json:"nodes"`
	Edges     []networkEdge `json:"edges"`
	Truncated bool          `json:"truncated"`
}

func (s *Server) network(r *http.Request) (*network, error) {
	id, err := entityParam(r)
	if err != nil {
		return nil, err
	}
	depth := 1
	if v := r.URL.Query().Get("depth"); v != "" {
		if depth, err = strconv.Atoi(v); err != nil || depth < 1 || depth > 2 {
			return nil, badRequest("depth: want 1 or 2")
		}
	}
	f, err := claimFilter(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	f.Limit = maxProfileClaims
	g, err := graph.Ego(ctx, s.st, id, depth, f)
	if err != nil {
		return nil, err
	}
	nm := s.names(ctx)
	nm.cache[id] = entityRef{ID: e.Ref(), Name: e.Name, Type: e.Type}
	n := &network{Entity: nm.ref(id), Depth: depth, Nodes: []networkNode{}, Edges: []networkEdge{}}
	ranks := g.PageRank()
	top := 0.0
	for _, sc := range ranks {
		top = max(top, sc.Value)
	}
	keep := map[int64]bool{id: true}
	for _, sc := range ranks {
		if len(keep) >= maxNetworkNodes && !keep[sc.Entity] {
			n.Truncated = true
			continue
		}
		keep[sc.Entity] = true
	}
	for _, sc := range ranks {
		if !keep[sc.Entity] {
			continue
		}
		c := 0.0
		if top > 0 {
			c = sc.Value / top
		}
		n.Nodes = append(n.Nodes, networkNode{entityRef: nm.ref(sc.Entity), Centrality: c, Degree: g.Degree(sc.Entity), Centre: sc.Entity == id})
	}
	if len(ranks) == 0 {
		n.Nodes = append(n.Nodes, networkNode{entityRef: nm.ref(id), Centrality: 1, Centre: true})
	}
	for _, ed := range g.Edges() {
		if !keep[ed.A] || !keep[ed.B] {
			continue
		}
		ne := networkEdge{ID: store.EntityID(ed.A) + "-" + store.EntityID(ed.B), Source: store.EntityID(ed.A), Target: store.EntityID(ed.B),
			Predicates: ed.Predicates, Weight: ed.Weight, Hedged: true, Anonymous: true, Claims: nm.claims(ed.Claims)}
		for _, c := range ed.Claims {
			if c.Modality != dossier.Hedged {
				ne.Hedged = false
			}
			if c.AttributionKind != dossier.Anonymous {
				ne.Anonymous = false
			}
		}
		n.Edges = append(n.Edges, ne)
	}
	return n, nil
}

// timeline is an entity's claims in date order.
type timeline struct {
	Entity     entityRef       `json:"entity"`
	Limit      int             `json:"limit"`
	Offset     int             `json:"offset"`
	NextOffset *int            `json:"next_offset,omitempty"`
	Claims     []evidenceClaim `json:"claims"`
}

func (s *Server) timeline(r *http.Request, def int) (*timeline, error) {
	id, err := entityParam(r)
	if err != nil {
		return nil, err
	}
	p, err := page(r, def)
	if err != nil {
		return nil, err
	}
	f, err := claimFilter(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	e, err := s.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	f.Limit = maxProfileClaims
	claims, err := s.st.EntityClaims(ctx, id, f)
	if err != nil {
		return nil, err
	}
	// What is said of the entity itself, not of the others at its events.
	claims = slices.DeleteFunc(claims, func(c store.Claim) bool { return c.Subject != id && c.Object != id && c.Place != id })
	tl := graph.Timeline(claims)
	nm := s.names(ctx)
	t := &timeline{Entity: entityRef{ID: e.Ref(), Name: e.Name, Type: e.Type}, Limit: p.Limit, Offset: p.Offset,
		NextOffset: p.next(len(tl) > p.Offset+p.Limit), Claims: []evidenceClaim{}}
	if p.Offset < len(tl) {
		t.Claims = nm.claims(tl[p.Offset:min(len(tl), p.Offset+p.Limit)])
	}
	return t, nil
}

// pathHop is one step of a path.
type pathHop struct {
	From       entityRef       `json:"from"`
	To         entityRef       `json:"to"`
	Weight     float64         `json:"weight"`
	Predicates []string        `json:"predicates"`
	Claims     []evidenceClaim `json:"claims"`
}

// path is how two entities are linked.
type path struct {
	A     entityRef `json:"a"`
	B     entityRef `json:"b"`
	Found bool      `json:"found"`
	Hops  []pathHop `json:"hops"`
}

// findParam reads an entity given by name or id in query parameter name.
func (s *Server) findParam(r *http.Request, name string) (*store.GlobalEntity, error) {
	return s.findEntity(r, r.URL.Query().Get(name), name)
}

func (s *Server) path(r *http.Request) (*path, error) {
	a, err := s.findParam(r, "a")
	if err != nil {
		return nil, err
	}
	b, err := s.findParam(r, "b")
	if err != nil {
		return nil, err
	}
	f, err := claimFilter(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	nm := s.names(ctx)
	p := &path{A: nm.ref(a.ID), B: nm.ref(b.ID), Hops: []pathHop{}}
	g, err := graph.Load(ctx, s.st, f)
	if err != nil {
		return nil, err
	}
	hops, err := g.Path(a.ID, b.ID)
	if errors.Is(err, graph.ErrNoPath) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	p.Found = true
	for _, h := range hops {
		p.Hops = append(p.Hops, pathHop{From: nm.ref(h.From), To: nm.ref(h.To), Weight: h.Weight, Predicates: h.Predicates, Claims: nm.claims(h.Claims)})
	}
	return p, nil
}

// finding is a check's flag with both sides' evidence and the entities it
// names.
type finding struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	// Text is the message with entity ids replaced by names.
	Text     string         `json:"text"`
	Entities []entityRef    `json:"entities"`
	Evidence []flagEvidence `json:"evidence"`
}

// flagEvidence is one side of a flag.
type flagEvidence struct {
	Doc   string `json:"doc"`
	Title string `json:"title"`
	dossier.Evidence
}

var (
	entityIDs = regexp.MustCompile(`\bE[0-9]+\b`)
	// typeWords are relation types in a message ("leader_of").
	typeWords = regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+\b`)
)

func (s *Server) finding(nm *names, f check.Finding) finding {
	out := finding{Kind: f.Kind, Message: f.Message, Entities: []entityRef{}, Evidence: []flagEvidence{}}
	for _, e := range f.Entities {
		if id, ok := store.ParseEntityID(e); ok {
			out.Entities = append(out.Entities, nm.ref(id))
		}
	}
	msg := typeWords.ReplaceAllStringFunc(f.Message, func(m string) string { return strings.ReplaceAll(m, "_", " ") })
	out.Text = entityIDs.ReplaceAllStringFunc(msg, func(m string) string {
		if id, ok := store.ParseEntityID(m); ok {
			return nm.ref(id).Name
		}
		return m
	})
	for i, ev := range f.Evidence {
		fe := flagEvidence{Evidence: ev}
		if i < len(f.Docs) {
			fe.Doc = f.Docs[i]
			fe.Title = nm.title(fe.Doc)
		}
		out.Evidence = append(out.Evidence, fe)
	}
	return out
}

// flagList is one page of the checks' findings over every claim.
type flagList struct {
	Total      int       `json:"total"`
	Limit      int       `json:"limit"`
	Offset     int       `json:"offset"`
	NextOffset *int      `json:"next_offset,omitempty"`
	Flags      []finding `json:"flags"`
}

// listFlags runs every check over every stored claim and returns one page
// of the findings.
func (s *Server) listFlags(r *http.Request) (flagList, error) {
	p, err := page(r, defaultLimit)
	if err != nil {
		return flagList{}, err
	}
	ctx := r.Context()
	var claims []store.Claim
	if err := s.st.EachClaim(ctx, store.ClaimFilter{}, func(c store.Claim) error { claims = append(claims, c); return nil }); err != nil {
		return flagList{}, err
	}
	all := check.All(claims)
	l := flagList{Total: len(all), Limit: p.Limit, Offset: p.Offset, NextOffset: p.next(len(all) > p.Offset+p.Limit), Flags: []finding{}}
	nm := s.names(ctx)
	if p.Offset < len(all) {
		for _, f := range all[p.Offset:min(len(all), p.Offset+p.Limit)] {
			l.Flags = append(l.Flags, s.finding(nm, f))
		}
	}
	return l, nil
}

// globalOf maps the entities of one document's extraction to their global
// entities ("E12"), one indexed look-up each; entities not resolved yet
// are left out.
func (s *Server) globalOf(ctx context.Context, doc string, ents []dossier.Entity) map[string]string {
	out := map[string]string{}
	for _, e := range ents {
		if id, err := s.st.MemberOf(ctx, store.MemberRef{Doc: doc, Key: resolve.Key(e.Name)}); err == nil {
			out[e.ID] = store.EntityID(id)
		}
	}
	return out
}
