// Package corroboration groups resolved claims that say the same thing
// (same subject, predicate and object, after entity resolution) and counts
// their independent sources: documents of one syndication cluster are one
// source, however many sites copied the wire story.
package corroboration

import (
	"sort"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// Key identifies what a claim says: for a relation, subject, predicate and
// object; for an event role, the entity, the event type, its role and the
// place.
type Key struct {
	Subject   int64  `json:"subject"`
	Predicate string `json:"predicate"`
	Role      string `json:"role,omitempty"`
	Object    int64  `json:"object,omitempty"`
	Place     int64  `json:"place,omitempty"`
}

// KeyOf returns the key of claim c.
func KeyOf(c store.Claim) Key {
	k := Key{Subject: c.Subject, Predicate: c.Predicate, Object: c.Object}
	if c.Kind == "event" {
		k.Role, k.Place = c.Role, c.Place
	}
	return k
}

// Source is one independent source of a claim: a syndication cluster, with
// the documents of it that make the claim.
type Source struct {
	Cluster   string                    `json:"cluster"`
	Documents []string                  `json:"documents"`
	Kinds     []dossier.AttributionKind `json:"attribution_kinds"`
	Modality  []dossier.Modality        `json:"modalities"`
	Evidence  dossier.Evidence          `json:"evidence"`
}

// Claim is what several reports say, with its independent sources.
type Claim struct {
	Key Key `json:"key"`
	// Corroboration is the number of independent sources (clusters) that
	// assert, report or hedge it; sources that deny it do not count.
	Corroboration int `json:"corroboration"`
	// Denials is the number of independent sources that deny it.
	Denials int `json:"denials"`
	// Kinds counts the sources behind it by attribution kind (a cluster
	// counted once per kind).
	Kinds   map[dossier.AttributionKind]int `json:"attribution_kinds"`
	Sources []Source                        `json:"sources"`
	// Claims are the underlying claims, in input order.
	Claims []store.Claim `json:"-"`
}

// AnonymousOnly reports whether every source supporting it is anonymous.
func (c Claim) AnonymousOnly() bool {
	return c.Corroboration > 0 && c.Kinds[dossier.Anonymous] == c.Corroboration && len(c.Kinds) == 1
}

// Group groups claims by Key and counts their independent sources, most
// corroborated first.
func Group(claims []store.Claim) []Claim {
	index := map[Key]int{}
	var out []Claim
	for _, c := range claims {
		k := KeyOf(c)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Claim{Key: k, Kinds: map[dossier.AttributionKind]int{}})
		}
		out[i].Claims = append(out[i].Claims, c)
	}
	for i := range out {
		tally(&out[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Corroboration > out[j].Corroboration })
	return out
}

// tally fills the sources and counts of g from its claims.
func tally(g *Claim) {
	bySource := map[string]int{}
	for _, c := range g.Claims {
		cl := c.Cluster
		if cl == "" {
			cl = c.Doc
		}
		i, ok := bySource[cl]
		if !ok {
			i = len(g.Sources)
			bySource[cl] = i
			g.Sources = append(g.Sources, Source{Cluster: cl, Evidence: c.Evidence})
		}
		s := &g.Sources[i]
		s.Documents = appendNew(s.Documents, c.Doc)
		s.Kinds = appendNew(s.Kinds, c.AttributionKind)
		s.Modality = appendNew(s.Modality, c.Modality)
	}
	for _, s := range g.Sources {
		supports := false
		for _, m := range s.Modality {
			if m != dossier.Negated {
				supports = true
			}
		}
		if !supports {
			g.Denials++
			continue
		}
		g.Corroboration++
		for _, k := range s.Kinds {
			g.Kinds[k]++
		}
	}
}

func appendNew[T comparable](list []T, v T) []T {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
