package server

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier"
)

// The reader shows a document's text cut into runs at every offset the
// extraction gives: entity mentions, quotes, the evidence of relations and
// events, event triggers and attribution cues. Every offset comes from the
// stored extraction; nothing is found again by searching the text.

// mark is an entity mention in the reader.
type mark struct {
	Entity string // local id
	Type   string
	Name   string
}

// run is a piece of the text with the highlights that cover it. A mention
// is never cut: highlights that start or end inside a mention are widened
// to all of it, so each mention is exactly one element of the page.
type run struct {
	Text    string
	Mention *mark
	// Classes are the highlights covering the run: q (quote), ev (claim
	// evidence), hedged, negated, trig (event trigger), attr (attribution
	// cue).
	Classes string
	// Anchors are the ids of the highlights that start here, so the side
	// panel can link to them.
	Anchors []string
	// In are the ids of the quotes and claims whose span covers the run, so
	// the reader can light all of one claim's evidence.
	In string
}

// highlight is a span of the text drawn in the reader.
type highlight struct {
	start, end int
	class      string
	anchor     string
}

// runs cuts text into runs. Mentions that overlap an earlier (or, at the
// same start, longer) mention are left out.
func runs(text string, ex *dossier.Extraction) []run {
	n := len(text)
	type mspan struct {
		start, end int
		m          mark
	}
	var ms []mspan
	for _, e := range ex.Entities {
		for _, m := range e.Mentions {
			if m.Span().Valid(n) && m.Start < m.End {
				ms = append(ms, mspan{m.Start, m.End, mark{Entity: e.ID, Type: string(e.Type), Name: e.Name}})
			}
		}
	}
	slices.SortStableFunc(ms, func(a, b mspan) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	kept := ms[:0]
	for _, m := range ms {
		if len(kept) > 0 && m.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, m)
	}
	ms = kept

	// widen moves an offset inside a mention to the mention's start (for a
	// start) or end.
	widen := func(at int, start bool) int {
		i, _ := slices.BinarySearchFunc(ms, at, func(m mspan, at int) int { return cmp.Compare(m.start, at) })
		// ms[i-1] is the last mention starting before at.
		if i > 0 && ms[i-1].start < at && at < ms[i-1].end {
			if start {
				return ms[i-1].start
			}
			return ms[i-1].end
		}
		return at
	}
	var hs []highlight
	add := func(start, end int, class, anchor string) {
		if !(dossier.Span{Start: start, End: end}).Valid(n) || start >= end {
			return
		}
		hs = append(hs, highlight{widen(start, true), widen(end, false), class, anchor})
	}
	for i, q := range ex.Quotes {
		add(q.Start, q.End, "q", quoteAnchor(i))
	}
	for i, r := range ex.Relations {
		add(r.Evidence.Start, r.Evidence.End, "ev"+modalityClass(r.Modality), relationAnchor(i))
	}
	for _, e := range ex.Events {
		add(e.Evidence.Start, e.Evidence.End, "ev"+modalityClass(e.Modality), eventAnchor(e.ID))
		add(e.Trigger.Start, e.Trigger.End, "trig", "")
	}
	for _, a := range ex.Attributions {
		add(a.Start, a.End, "attr attr-"+string(a.Kind), "")
	}

	// Cut at every boundary.
	cuts := []int{0, n}
	for _, m := range ms {
		cuts = append(cuts, m.start, m.end)
	}
	for _, h := range hs {
		cuts = append(cuts, h.start, h.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	// Sweep the runs in order, keeping the highlights that cover the
	// current one; no cut falls inside a run, so a highlight covers a run
	// exactly when it started at or before it and has not ended.
	slices.SortStableFunc(hs, func(a, b highlight) int { return cmp.Compare(a.start, b.start) })
	out := make([]run, 0, len(cuts))
	var active []highlight
	var classes, in []string
	mi, hi := 0, 0
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		r := run{Text: text[a:b]}
		for mi < len(ms) && ms[mi].end <= a {
			mi++
		}
		if mi < len(ms) && ms[mi].start == a {
			m := ms[mi].m
			r.Mention = &m
		}
		active = slices.DeleteFunc(active, func(h highlight) bool { return h.end <= a })
		for ; hi < len(hs) && hs[hi].start <= a; hi++ {
			h := hs[hi]
			active = append(active, h)
			if h.anchor != "" && !slices.Contains(r.Anchors, h.anchor) {
				r.Anchors = append(r.Anchors, h.anchor)
			}
		}
		classes, in = classes[:0], in[:0]
		for _, h := range active {
			if h.anchor != "" && !slices.Contains(in, h.anchor) {
				in = append(in, h.anchor)
			}
			for c := range strings.FieldsSeq(h.class) {
				if !slices.Contains(classes, c) {
					classes = append(classes, c)
				}
			}
		}
		r.Classes = strings.Join(classes, " ")
		r.In = strings.Join(in, " ")
		out = append(out, r)
	}
	return out
}

func modalityClass(m dossier.Modality) string {
	switch m {
	case dossier.Hedged:
		return " hedged"
	case dossier.Negated:
		return " negated"
	}
	return ""
}

func quoteAnchor(i int) string    { return "quote-" + strconv.Itoa(i+1) }
func relationAnchor(i int) string { return "rel-" + strconv.Itoa(i+1) }
func eventAnchor(id string) string {
	return "event-" + id
}

// The side panel lists what was extracted, with names in place of local
// ids.

// panelEntity is an entity in the side panel.
type panelEntity struct {
	ID, Type, Name string
	Aliases        []string
	Titles         []string
	Mentions       int
	// Global is the global entity it was resolved to ("E12"), if any.
	Global string
}

// panelAttribution says who a claim rests on.
type panelAttribution struct {
	Kind string // named, organisation, anonymous, outlet
	Text string
	Who  string // the source entity's name, when named
}

// panelRole is one role of an event.
type panelRole struct {
	Role, Entity, Name, Text string
}

// panelClaim is a relation or an event in the side panel.
type panelClaim struct {
	Anchor      string
	Type        string
	Subject     panelRef
	Object      panelRef
	Roles       []panelRole
	Date        string
	Place       panelRef
	Modality    string
	Confidence  float64
	Attribution *panelAttribution
	Evidence    string
	Rule        string
}

// panelRef is a reference to an entity by local id, with its name.
type panelRef struct {
	ID, Name string
}

// panelQuote is a quote in the side panel.
type panelQuote struct {
	Anchor    string
	Text      string
	Speaker   panelRef
	Cue       string
	Recipient panelRef
	Date      string
}

// panel is the side panel of the reader.
type panel struct {
	Entities  []panelEntity
	Types     []string // the entity types present, for the legend
	Relations []panelClaim
	Events    []panelClaim
	Quotes    []panelQuote
	Flags     []dossier.Flag
}

func newPanel(ex *dossier.Extraction) panel {
	var p panel
	names := map[string]string{}
	seen := map[string]bool{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
		p.Entities = append(p.Entities, panelEntity{ID: e.ID, Type: string(e.Type), Name: e.Name, Aliases: e.Aliases,
			Titles: e.Attributes["titles"], Mentions: len(e.Mentions)})
		seen[string(e.Type)] = true
	}
	for _, t := range dossier.EntityTypes {
		if seen[string(t)] {
			p.Types = append(p.Types, string(t))
		}
	}
	ref := func(id string) panelRef {
		if id == "" {
			return panelRef{}
		}
		return panelRef{ID: id, Name: cmp.Or(names[id], id)}
	}
	attrs := map[string]dossier.Attribution{}
	for _, a := range ex.Attributions {
		attrs[a.ID] = a
	}
	attribution := func(id string) *panelAttribution {
		a, ok := attrs[id]
		if !ok {
			return nil
		}
		return &panelAttribution{Kind: string(a.Kind), Text: a.Text, Who: names[a.Source]}
	}
	for i, r := range ex.Relations {
		p.Relations = append(p.Relations, panelClaim{Anchor: relationAnchor(i), Type: r.Type, Subject: ref(r.Subject), Object: ref(r.Object),
			Modality: string(r.Modality), Confidence: r.Confidence, Attribution: attribution(r.Attribution), Evidence: r.Evidence.Text, Rule: r.Rule})
	}
	for _, e := range ex.Events {
		c := panelClaim{Anchor: eventAnchor(e.ID), Type: e.Type, Place: ref(e.Place), Modality: string(e.Modality),
			Attribution: attribution(e.Attribution), Evidence: e.Evidence.Text, Rule: e.Rule}
		if e.Date != nil {
			c.Date = cmp.Or(e.Date.Value, e.Date.Text)
		}
		for _, r := range e.Roles {
			pr := panelRole{Role: r.Role, Entity: r.Entity, Text: r.Text}
			if r.Entity != "" {
				pr.Name = cmp.Or(names[r.Entity], r.Entity)
			}
			c.Roles = append(c.Roles, pr)
		}
		p.Events = append(p.Events, c)
	}
	for i, q := range ex.Quotes {
		pq := panelQuote{Anchor: quoteAnchor(i), Text: q.Text, Speaker: ref(q.Speaker), Cue: q.Cue, Recipient: ref(q.Recipient)}
		if q.Date != nil {
			pq.Date = cmp.Or(q.Date.Value, q.Date.Text)
		}
		p.Quotes = append(p.Quotes, pq)
	}
	p.Flags = ex.Flags
	return p
}
