// Package store defines the Store interface that every storage back end
// (store/sqlite, later store/postgres) implements, and the small types its
// methods exchange. The shared conformance tests in store/storetest run the
// same assertions against each back end.
package store

import (
	"context"
	"errors"

	"github.com/dossier-osint/dossier"
)

// ErrNotFound is returned when a requested item does not exist.
var ErrNotFound = errors.New("not found")

// Store keeps documents and everything extracted from them. Each document is
// written with all of its extraction in one transaction, so a crash at any
// point leaves either all of it or none of it.
type Store interface {
	// PutDocument stores doc and its extraction in one transaction. It
	// returns false without writing anything if a document with the same ID
	// is already stored.
	PutDocument(ctx context.Context, doc *dossier.Document, ex *dossier.Extraction, sketch Sketch) (created bool, err error)
	// ReplaceExtraction replaces what is stored as extracted from document
	// id (used by reprocess), in one transaction.
	ReplaceExtraction(ctx context.Context, id string, ex *dossier.Extraction) error
	// HasDocument reports whether a document with this ID is stored.
	HasDocument(ctx context.Context, id string) (bool, error)
	// Document returns one stored document, or ErrNotFound.
	Document(ctx context.Context, id string) (*dossier.Document, error)
	// Extraction returns what was extracted from document id, or ErrNotFound.
	Extraction(ctx context.Context, id string) (*dossier.Extraction, error)
	// Documents lists stored documents (without their text), newest first.
	Documents(ctx context.Context, q DocumentQuery) ([]dossier.Document, error)
	// Search runs a full-text query over document titles and texts.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// SimilarCandidates returns documents sharing at least one locality-
	// sensitive-hashing band with sketch, with their sketches, so the caller
	// can decide which are near duplicates.
	SimilarCandidates(ctx context.Context, sketch Sketch) ([]Candidate, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// EntityNames lists the names of extracted entities across documents,
	// grouped by name (ignoring case) and type, most widely reported first,
	// each with the documents it was read from.
	EntityNames(ctx context.Context, q EntityNameQuery) ([]EntityName, error)
	// Close releases the store.
	Close() error
	// Graph is the knowledge graph across documents (see graph.go).
	Graph
}

// Sketch is a document's similarity fingerprint: a MinHash signature and
// the band keys derived from it for locality-sensitive hashing.
type Sketch struct {
	Signature []uint32
	Bands     []uint64
}

// Candidate is a stored document that may be a near duplicate.
type Candidate struct {
	ID        string
	Cluster   string
	Signature []uint32
}

// DocumentQuery selects documents to list.
type DocumentQuery struct {
	Limit  int
	Offset int
	// OlderThanVersion, when set, keeps only documents whose extraction was
	// made by a different extractor version.
	OlderThanVersion string
	// Cluster, when set, keeps only the documents of one syndication cluster.
	Cluster string
}

// SearchHit is one document matching a full-text query.
type SearchHit struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// EntityNameQuery selects entity names for EntityNames.
type EntityNameQuery struct {
	// Text, when set, keeps names that contain it, ignoring case; names
	// that start with it come first.
	Text string
	// Types, when set, keeps entities of these types.
	Types []dossier.EntityType
	// Limit and Offset page through the names.
	Limit  int
	Offset int
	// PerName bounds the occurrences listed for each name (default 10);
	// EntityName.Documents still counts them all.
	PerName int
}

// EntityName is one entity name as extracted from one or more documents.
// Entities are not resolved across documents here: the same name in two
// documents is two occurrences of one EntityName.
type EntityName struct {
	Name      string             `json:"name"`
	Type      dossier.EntityType `json:"type"`
	Documents int                `json:"documents"`
	Mentions  int                `json:"mentions"`
	// Occurrences are the documents it was read from, newest first, at
	// most EntityNameQuery.PerName of them.
	Occurrences []EntityOccurrence `json:"occurrences"`
}

// EntityOccurrence is an entity name in one document.
type EntityOccurrence struct {
	Document string `json:"document"`
	Title    string `json:"title"`
	// Entity is the entity's id local to that document's extraction.
	Entity   string `json:"entity"`
	Mentions int    `json:"mentions"`
}

// Stats counts what a store holds.
type Stats struct {
	Documents int `json:"documents"`
	Clusters  int `json:"clusters"`
	Entities  int `json:"entities"`
	Mentions  int `json:"mentions"`
	Relations int `json:"relations"`
	Events    int `json:"events"`
	Quotes    int `json:"quotes"`
}

// Claims returns the number of claims (relations and events) counted.
func (s Stats) Claims() int { return s.Relations + s.Events }
