package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/corroboration"
	"github.com/dossier-osint/dossier/store"
)

// Listings across the whole store for scripts: claims with their
// corroboration, events, and quotes, each filtered and paged.

// Bounds of the listings.
const (
	// maxClaimPage bounds a page of claims: each names its entities and
	// its sources' documents, a few queries each.
	maxClaimPage = 100
	// maxClaimScan bounds the claims one claims request reads and groups.
	maxClaimScan = maxTimelineClaims
	// maxCorroboration bounds min_corroboration.
	maxCorroboration = 1000
)

// claimList is one page of claims, most corroborated first.
type claimList struct {
	Entity           *entityRef `json:"entity,omitempty"`
	From             string     `json:"from,omitempty"`
	To               string     `json:"to,omitempty"`
	MinCorroboration int        `json:"min_corroboration"`
	// Total counts the claims that pass every filter, on all pages.
	Total      int  `json:"total"`
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset,omitempty"`
	// Truncated is set when more claims matched than one request reads.
	Truncated bool           `json:"truncated"`
	Claims    []profileClaim `json:"claims"`
}

// listClaims groups the claims that pass the filters by what they say and
// pages through the groups that enough independent sources support. The
// filters select the reports first, so corroboration counts the sources
// among those: ?attribution=anonymous&min_corroboration=2 finds what two
// anonymous sources say.
func (s *Server) listClaims(r *http.Request) (claimList, error) {
	p, err := page(r, 20)
	if err != nil {
		return claimList{}, err
	}
	if p.Limit > maxClaimPage {
		return claimList{}, badRequest("limit: want a number from 1 to " + strconv.Itoa(maxClaimPage))
	}
	f, err := claimFilter(r)
	if err != nil {
		return claimList{}, err
	}
	if f.From, f.To, err = dateRange(r); err != nil {
		return claimList{}, err
	}
	q := r.URL.Query()
	l := claimList{From: f.From, To: f.To, Limit: p.Limit, Offset: p.Offset, Claims: []profileClaim{}}
	if v := strings.TrimSpace(q.Get("min_corroboration")); v != "" {
		if l.MinCorroboration, err = strconv.Atoi(v); err != nil || l.MinCorroboration < 0 || l.MinCorroboration > maxCorroboration {
			return claimList{}, badRequest("min_corroboration: want a number of independent sources from 0 to " + strconv.Itoa(maxCorroboration))
		}
	}
	kind := strings.TrimSpace(q.Get("kind"))
	if kind != "" && kind != "relation" && kind != "event" {
		return claimList{}, badRequest("kind: want relation or event")
	}
	ctx := r.Context()
	nm := s.names(ctx)
	var claims []store.Claim
	keep := func(c store.Claim) bool { return kind == "" || c.Kind == kind }
	if v := strings.TrimSpace(q.Get("entity")); v != "" {
		e, err := s.findEntity(r, v, "entity")
		if err != nil {
			return claimList{}, err
		}
		ref := nm.ref(e.ID)
		l.Entity = &ref
		f.Limit = maxProfileClaims + 1
		cs, err := s.st.EntityClaims(ctx, e.ID, f)
		if err != nil {
			return claimList{}, err
		}
		if len(cs) > maxProfileClaims {
			cs, l.Truncated = cs[:maxProfileClaims], true
		}
		// What is said of the entity, not of the others at its events.
		for _, c := range cs {
			if (c.Subject == e.ID || c.Object == e.ID || c.Place == e.ID) && keep(c) {
				claims = append(claims, c)
			}
		}
	} else {
		err := s.st.EachClaim(ctx, f, func(c store.Claim) error {
			if !keep(c) {
				return nil
			}
			if len(claims) >= maxClaimScan {
				l.Truncated = true
				return errStopScan
			}
			claims = append(claims, c)
			return nil
		})
		if err != nil && !errors.Is(err, errStopScan) {
			return claimList{}, err
		}
	}
	var groups []corroboration.Claim
	for _, g := range corroboration.Group(claims) {
		if g.Corroboration >= l.MinCorroboration {
			groups = append(groups, g)
		}
	}
	l.Total = len(groups)
	l.NextOffset = p.next(len(groups) > p.Offset+p.Limit)
	if p.Offset < len(groups) {
		for _, g := range groups[p.Offset:min(len(groups), p.Offset+p.Limit)] {
			l.Claims = append(l.Claims, nm.grouped(g))
		}
	}
	return l, nil
}

// errStopScan ends a scan of the claims early.
var errStopScan = errors.New("enough claims read")

// eventList is one page of events: the timeline's, without its axis.
type eventList struct {
	Entity     *entityRef `json:"entity,omitempty"`
	Place      *entityRef `json:"place,omitempty"`
	From       string     `json:"from,omitempty"`
	To         string     `json:"to,omitempty"`
	Total      int        `json:"total"`
	Limit      int        `json:"limit"`
	Offset     int        `json:"offset"`
	NextOffset *int       `json:"next_offset,omitempty"`
	// Truncated is set when the store had more event claims than one
	// request reads.
	Truncated bool            `json:"truncated"`
	Events    []timelineEvent `json:"events"`
}

// listEvents pages through the events, in date order, as the timeline
// reads them.
func (s *Server) listEvents(r *http.Request) (eventList, error) {
	t, err := s.eventTimeline(r)
	if err != nil {
		return eventList{}, err
	}
	return t.eventList, nil
}

// quoteParty is the speaker or recipient of a quote: the entity as the
// document names it, and the global entity it was resolved to.
type quoteParty struct {
	Name   string             `json:"name"`
	Type   dossier.EntityType `json:"type"`
	Entity *entityRef         `json:"entity,omitempty"`
}

// listedQuote is a quote with its document and its parties.
type listedQuote struct {
	Doc       string        `json:"doc"`
	Title     string        `json:"title"`
	Published string        `json:"published,omitempty"`
	Text      string        `json:"text"`
	Start     int           `json:"start"`
	End       int           `json:"end"`
	Cue       string        `json:"cue,omitempty"`
	Date      *dossier.Date `json:"date,omitempty"`
	Speaker   *quoteParty   `json:"speaker,omitempty"`
	Recipient *quoteParty   `json:"recipient,omitempty"`
}

// quoteList is one page of quotes, newest document first.
type quoteList struct {
	Speaker    *entityRef    `json:"speaker,omitempty"`
	Doc        string        `json:"doc,omitempty"`
	Limit      int           `json:"limit"`
	Offset     int           `json:"offset"`
	NextOffset *int          `json:"next_offset,omitempty"`
	Quotes     []listedQuote `json:"quotes"`
}

// party describes one side of a quote, nil when the quote names none.
func (n *names) party(name string, typ dossier.EntityType, id int64) *quoteParty {
	if name == "" {
		return nil
	}
	return &quoteParty{Name: name, Type: typ, Entity: n.optRef(id)}
}

func (s *Server) listQuotes(r *http.Request) (quoteList, error) {
	p, err := page(r, defaultLimit)
	if err != nil {
		return quoteList{}, err
	}
	ql, ok := s.st.(store.QuoteLister)
	if !ok {
		return quoteList{}, errors.New("the store cannot list quotes")
	}
	ctx := r.Context()
	nm := s.names(ctx)
	q := r.URL.Query()
	l := quoteList{Limit: p.Limit, Offset: p.Offset, Quotes: []listedQuote{}}
	sq := store.QuoteQuery{Limit: p.Limit + 1, Offset: p.Offset}
	if v := strings.TrimSpace(q.Get("speaker")); v != "" {
		e, err := s.findEntity(r, v, "speaker")
		if err != nil {
			return quoteList{}, err
		}
		ref := nm.ref(e.ID)
		l.Speaker, sq.Speaker = &ref, e.ID
	}
	if v := strings.TrimSpace(q.Get("doc")); v != "" {
		if len(v) > 100 {
			return quoteList{}, badRequest("doc: want a document id such as sha256:…")
		}
		if _, err := s.st.Document(ctx, v); err != nil {
			return quoteList{}, err
		}
		l.Doc, sq.Doc = v, v
	}
	quotes, err := ql.Quotes(ctx, sq)
	if err != nil {
		return quoteList{}, err
	}
	l.NextOffset = p.next(len(quotes) > p.Limit)
	for _, x := range quotes[:min(len(quotes), p.Limit)] {
		l.Quotes = append(l.Quotes, listedQuote{Doc: x.Doc, Title: x.Title, Published: x.Published, Text: x.Text, Start: x.Start, End: x.End,
			Cue: x.Cue, Date: x.Date, Speaker: nm.party(x.SpeakerName, x.SpeakerType, x.SpeakerID),
			Recipient: nm.party(x.RecipientName, x.RecipientType, x.RecipientID)})
	}
	return l, nil
}
