// Package dossier holds the domain types shared by every stage of the
// pipeline: documents, spans, mentions, entities, relations, events, quotes,
// attributions and flags. It depends on nothing but the standard library.
//
// Every extracted item keeps byte offsets into the text of the document it
// was read from (see Span); offsets are computed once, by the tokeniser, and
// carried through every stage, never re-found by string search.
package dossier

import "time"

// Schema names the version of the JSON contract emitted by `dossier extract`.
const Schema = "dossier.extract/v1"

// Span is a half-open byte range [Start, End) into a document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether the span lies within a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Evidence is a span together with the text it covers, so that a reader of
// the JSON output does not need the document to see what was read.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// EvidenceOf returns the evidence for span s of text.
func EvidenceOf(text string, s Span) Evidence {
	if !s.Valid(len(text)) {
		return Evidence{Start: s.Start, End: s.End}
	}
	return Evidence{Start: s.Start, End: s.End, Text: text[s.Start:s.End]}
}

// Document is one article as stored: its text and what is known about where
// it came from.
type Document struct {
	// ID is "sha256:" followed by the hex digest of the normalised text, so
	// the same text ingested twice has the same ID.
	ID string `json:"id"`
	// Source is the path, URL or other locator the document was read from
	// (for a feed item or a WARC record, the item's own URL where it has one).
	Source string `json:"source,omitempty"`
	// URL is the canonical URL of the article, when known.
	URL string `json:"url,omitempty"`
	// Format is the reader that produced the document: text, html, feed,
	// warc or jsonl.
	Format    string    `json:"format,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Agency    string    `json:"agency,omitempty"`
	Title     string    `json:"title,omitempty"`
	Byline    string    `json:"byline,omitempty"`
	Dateline  string    `json:"dateline,omitempty"`
	Place     string    `json:"place,omitempty"`
	Language  string    `json:"language,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Text is the plain text every span points into. It is never changed
	// after the ID is computed.
	Text string `json:"text"`
	// Cluster is the ID of the first document of the syndication cluster
	// this document belongs to; a document that is no one's copy is its own
	// cluster.
	Cluster string `json:"cluster,omitempty"`
	// Ingested is when the document was first stored.
	Ingested time.Time `json:"ingested,omitzero"`
	// Version is the extractor version that produced the stored extraction.
	Version string `json:"version,omitempty"`
}

// EntityType is the type of a named entity.
type EntityType string

// The entity types of dossier's schema.
const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	GPE    EntityType = "GPE" // countries, states, cities
	Loc    EntityType = "LOC" // regions, rivers, mountains
	Fac    EntityType = "FAC" // buildings, airports, bridges
	NORP   EntityType = "NORP"
	Event  EntityType = "EVENT"
	Misc   EntityType = "MISC"
)

// EntityTypes lists every entity type, in a stable order.
var EntityTypes = []EntityType{Person, Org, GPE, Loc, Fac, NORP, Event, Misc}

// Mention is one occurrence of an entity in a document's text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the mention's byte range.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Entity is a person, organisation, place or other named thing found in a
// document, with every mention of it.
type Entity struct {
	// ID is local to one extraction ("e1", "e2"...).
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases,omitempty"`
	Mentions []Mention  `json:"mentions"`
	// Attributes holds what the text says about the entity beyond its name:
	// "titles" (Mufti, chief of JeM), "coordinates", "country"...
	Attributes map[string][]string `json:"attributes,omitempty"`
}

// Modality says how firmly a claim is made.
type Modality string

// The modalities of a claim.
const (
	Asserted Modality = "asserted"
	Hedged   Modality = "hedged"
	Negated  Modality = "negated"
	Reported Modality = "reported"
)

// Relation is a typed link between two entities, read from one sentence.
type Relation struct {
	Type        string   `json:"type"`
	Subject     string   `json:"subject"`
	Object      string   `json:"object"`
	Confidence  float64  `json:"confidence"`
	Modality    Modality `json:"modality"`
	Attribution string   `json:"attribution,omitempty"`
	Evidence    Evidence `json:"evidence"`
	// Rule names the rule that produced the relation (shown by --explain).
	Rule string `json:"rule,omitempty"`
}

// Date is a date expression and its normalised value, ISO 8601 at the
// precision the text gives ("2025", "2025-02", "2025-04-22").
type Date struct {
	Text      string `json:"text"`
	Value     string `json:"value,omitempty"`
	Precision string `json:"precision,omitempty"`
	Start     int    `json:"start,omitempty"`
	End       int    `json:"end,omitempty"`
}

// Role fills one slot of an event: an entity, or a text span where the text
// names no entity ("four soldiers", "a car bomb").
type Role struct {
	Role   string `json:"role"`
	Entity string `json:"entity,omitempty"`
	Text   string `json:"text,omitempty"`
	Start  int    `json:"start,omitempty"`
	End    int    `json:"end,omitempty"`
}

// EventRecord is an event read from a document: what happened, when, where,
// and who took part in which role. (Event is the entity type of named
// events.)
type EventRecord struct {
	ID          string   `json:"id"`
	Type        string   `json:"type"`
	Trigger     Evidence `json:"trigger"`
	Date        *Date    `json:"date,omitempty"`
	Place       string   `json:"place,omitempty"`
	Roles       []Role   `json:"roles"`
	Modality    Modality `json:"modality"`
	Attribution string   `json:"attribution,omitempty"`
	Evidence    Evidence `json:"evidence"`
	Rule        string   `json:"rule,omitempty"`
}

// Quote is something a speaker said, in their words.
type Quote struct {
	Speaker   string `json:"speaker,omitempty"`
	Text      string `json:"text"`
	Cue       string `json:"cue,omitempty"`
	Recipient string `json:"recipient,omitempty"`
	Date      *Date  `json:"date,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Rule      string `json:"rule,omitempty"`
}

// AttributionKind says who stands behind a claim.
type AttributionKind string

// The kinds of attribution.
const (
	Named        AttributionKind = "named"
	Organisation AttributionKind = "organisation"
	Anonymous    AttributionKind = "anonymous"
	Outlet       AttributionKind = "outlet"
)

// Attribution is the source a claim rests on: a named speaker, an
// organisation, anonymous sources or the outlet itself.
type Attribution struct {
	ID     string          `json:"id"`
	Kind   AttributionKind `json:"kind"`
	Source string          `json:"source,omitempty"`
	Text   string          `json:"text"`
	Start  int             `json:"start,omitempty"`
	End    int             `json:"end,omitempty"`
}

// Flag marks something an analyst should look at: a contradiction, a claim
// resting only on anonymous sources...
type Flag struct {
	Kind     string     `json:"kind"`
	Message  string     `json:"message"`
	Entities []string   `json:"entities,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// DocumentRef is the document header of an extraction.
type DocumentRef struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
}

// Extraction is everything read from one document: the dossier.extract/v1
// JSON object.
type Extraction struct {
	Schema       string        `json:"schema"`
	Version      string        `json:"version"`
	Document     DocumentRef   `json:"document"`
	Entities     []Entity      `json:"entities"`
	Relations    []Relation    `json:"relations"`
	Events       []EventRecord `json:"events"`
	Quotes       []Quote       `json:"quotes"`
	Attributions []Attribution `json:"attributions"`
	Flags        []Flag        `json:"flags"`
}

// NewExtraction returns an empty extraction of doc, with every list non-nil
// so that the JSON output always has its arrays.
func NewExtraction(doc *Document, version string) *Extraction {
	ref := DocumentRef{ID: doc.ID, Title: doc.Title, URL: doc.URL, Source: doc.Source, Outlet: doc.Outlet}
	if !doc.Published.IsZero() {
		ref.Published = doc.Published.Format("2006-01-02")
	}
	return &Extraction{
		Schema: Schema, Version: version, Document: ref,
		Entities: []Entity{}, Relations: []Relation{}, Events: []EventRecord{},
		Quotes: []Quote{}, Attributions: []Attribution{}, Flags: []Flag{},
	}
}

// Extractor turns a document into an extraction. Implementations do no I/O
// and must be safe for concurrent use.
type Extractor interface {
	// Version identifies the models and rules, so stored items record what
	// made them and `dossier reprocess` can find stale ones.
	Version() string
	Extract(doc *Document) (*Extraction, error)
}
