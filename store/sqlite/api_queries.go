package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/dossier-osint/dossier/store"
)

// Queries behind the API's listings across documents.

var _ store.QuoteLister = (*Store)(nil)

// quoteColumns are the columns quoteRow scans; the query names the quote
// q, its document d, the speaker's and recipient's local entities se and
// re, and their memberships sm and rm.
const quoteColumns = `q.doc_id, q.speaker, q.text, q.cue, q.recipient, q.date, q.start, q.end, q.rule, d.title, d.published,
	COALESCE(se.name, ''), COALESCE(se.type, ''), COALESCE(sm.global_id, 0),
	COALESCE(re.name, ''), COALESCE(re.type, ''), COALESCE(rm.global_id, 0)`

// quoteJoins add the speaker's and recipient's names and global entities.
const quoteJoins = `
	LEFT JOIN entities se ON se.doc_id = q.doc_id AND se.local_id = q.speaker AND q.speaker <> ''
	LEFT JOIN entity_members sm ON sm.doc_id = q.doc_id AND sm.local_id = q.speaker AND q.speaker <> ''
	LEFT JOIN entities re ON re.doc_id = q.doc_id AND re.local_id = q.recipient AND q.recipient <> ''
	LEFT JOIN entity_members rm ON rm.doc_id = q.doc_id AND rm.local_id = q.recipient AND q.recipient <> ''`

// Quotes implements store.QuoteLister.
func (s *Store) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.StoredQuote, error) {
	var (
		from  string
		where []any
	)
	switch {
	case q.Speaker != 0:
		// From the speaker's memberships: one indexed look-up per document.
		from = `entity_members f JOIN quotes q ON q.doc_id = f.doc_id AND q.speaker = f.local_id
			JOIN documents d ON d.id = q.doc_id` + quoteJoins + ` WHERE f.global_id = ?`
		where = append(where, q.Speaker)
		if q.Doc != "" {
			from += ` AND q.doc_id = ?`
			where = append(where, q.Doc)
		}
	case q.Doc != "":
		from = `documents d JOIN quotes q ON q.doc_id = d.id` + quoteJoins + ` WHERE d.id = ?`
		where = append(where, q.Doc)
	default:
		// Walk the documents in ingest order (their index) so that a page
		// reads no more quotes than it shows.
		from = `documents d CROSS JOIN quotes q ON q.doc_id = d.id` + quoteJoins
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	query := `SELECT ` + quoteColumns + ` FROM ` + from + ` ORDER BY d.ingested DESC, d.id, q.seq LIMIT ? OFFSET ?`
	var out []store.StoredQuote
	err := s.eachRow(ctx, query, func(r *sql.Rows) error {
		var (
			sq        store.StoredQuote
			date, pub sql.NullString
		)
		if err := r.Scan(&sq.Doc, &sq.Speaker, &sq.Text, &sq.Cue, &sq.Recipient, &date, &sq.Start, &sq.End, &sq.Rule, &sq.Title, &pub,
			&sq.SpeakerName, &sq.SpeakerType, &sq.SpeakerID, &sq.RecipientName, &sq.RecipientType, &sq.RecipientID); err != nil {
			return err
		}
		var err error
		if sq.Date, err = scanDate(date); err != nil {
			return err
		}
		if pub.Valid {
			if t, err := time.Parse(time.RFC3339Nano, pub.String); err == nil {
				sq.Published = t.Format("2006-01-02")
			}
		}
		out = append(out, sq)
		return nil
	}, append(where, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}
