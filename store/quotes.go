package store

import (
	"context"

	"github.com/dossier-osint/dossier"
)

// QuoteLister lists quotes across documents, with the global entities of
// their speakers and recipients. The SQLite store implements it; it is a
// separate interface so that stores without it still satisfy Store.
type QuoteLister interface {
	// Quotes returns the quotes that pass q, newest ingested document
	// first, in text order within a document.
	Quotes(ctx context.Context, q QuoteQuery) ([]StoredQuote, error)
}

// QuoteQuery selects quotes. Zero fields select everything.
type QuoteQuery struct {
	// Speaker keeps the quotes whose speaker belongs to this global entity.
	Speaker int64
	// Doc keeps the quotes of one document.
	Doc string
	// Limit and Offset page through the quotes (Limit 0: no bound).
	Limit  int
	Offset int
}

// StoredQuote is a quote as stored with its document's extraction, with
// the names of its speaker and recipient and the global entities they were
// resolved to (0 when none).
type StoredQuote struct {
	dossier.Quote
	Doc       string
	Title     string
	Published string
	// SpeakerName and RecipientName are the document-local entities'
	// names ("" when the quote names none).
	SpeakerName   string
	SpeakerType   dossier.EntityType
	RecipientName string
	RecipientType dossier.EntityType
	// SpeakerID and RecipientID are their global entities (0 when not
	// resolved).
	SpeakerID   int64
	RecipientID int64
}
