package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// Page sizes of Documents.
const (
	defaultLimit = 50
	maxLimit     = 1000
	// maxCandidates bounds the near-duplicate candidates of one document.
	maxCandidates = 64
	// perBand bounds the documents one LSH band brings as candidates.
	perBand = 32
)

// PutDocument implements store.Store.
func (s *Store) PutDocument(ctx context.Context, doc *dossier.Document, ex *dossier.Extraction, sk store.Sketch) (bool, error) {
	if doc.ID == "" {
		return false, fmt.Errorf("put document: no id")
	}
	created := false
	err := s.inTx(ctx, func(sqlTx *sql.Tx) error {
		tx := s.preparedTx(sqlTx)
		cluster := doc.Cluster
		if cluster == "" {
			cluster = doc.ID
		}
		ingested := doc.Ingested
		if ingested.IsZero() {
			ingested = time.Now().UTC()
		}
		version := doc.Version
		if ex != nil && ex.Version != "" {
			version = ex.Version
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO documents
			(id, source, url, format, outlet, agency, title, byline, dateline, place, language, published, text, cluster, ingested, version, signature)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			doc.ID, doc.Source, doc.URL, doc.Format, doc.Outlet, doc.Agency, doc.Title, doc.Byline, doc.Dateline,
			doc.Place, doc.Language, timeOrNull(doc.Published), doc.Text, cluster, ingested.Format(time.RFC3339Nano),
			version, encodeSignature(sk.Signature))
		if err != nil {
			return fmt.Errorf("insert document %s: %w", doc.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // already stored: write nothing
		}
		created = true
		for _, b := range sk.Bands {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO document_bands (band, doc_id) VALUES (?, ?)`, int64(b), doc.ID); err != nil {
				return err
			}
		}
		if ex != nil {
			return writeExtraction(ctx, tx, doc.ID, ex)
		}
		return nil
	})
	return created, err
}

// ReplaceExtraction implements store.Store.
func (s *Store) ReplaceExtraction(ctx context.Context, id string, ex *dossier.Extraction) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE documents SET version = ? WHERE id = ?`, ex.Version, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("document %s: %w", id, store.ErrNotFound)
		}
		if err := deleteExtraction(ctx, tx, id); err != nil {
			return err
		}
		return writeExtraction(ctx, tx, id, ex)
	})
}

// HasDocument implements store.Store.
func (s *Store) HasDocument(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// documentColumns are the columns scanDocument reads, text aside.
const documentColumns = `id, source, url, format, outlet, agency, title, byline, dateline, place, language, published, cluster, ingested, version`

// scanDocument reads documentColumns (and text, when withText) from row.
func scanDocument(row interface{ Scan(...any) error }, withText bool) (*dossier.Document, error) {
	var d dossier.Document
	var published sql.NullString
	var ingested string
	dest := []any{&d.ID, &d.Source, &d.URL, &d.Format, &d.Outlet, &d.Agency, &d.Title, &d.Byline, &d.Dateline,
		&d.Place, &d.Language, &published, &d.Cluster, &ingested, &d.Version}
	if withText {
		dest = append(dest, &d.Text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	if published.Valid {
		d.Published, _ = time.Parse(time.RFC3339Nano, published.String)
	}
	d.Ingested, _ = time.Parse(time.RFC3339Nano, ingested)
	return &d, nil
}

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id string) (*dossier.Document, error) {
	const q = `SELECT ` + documentColumns + `, text FROM documents WHERE id = ?`
	var row *sql.Row
	if st, err := s.prepared(ctx, q); err == nil {
		row = st.QueryRowContext(ctx, id)
	} else {
		row = s.db.QueryRowContext(ctx, q, id)
	}
	d, err := scanDocument(row, true)
	if err != nil {
		return nil, notFound(err, "document "+id)
	}
	return d, nil
}

// Documents implements store.Store.
func (s *Store) Documents(ctx context.Context, q store.DocumentQuery) ([]dossier.Document, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	var where []string
	var args []any
	if q.OlderThanVersion != "" {
		where, args = append(where, "version <> ?"), append(args, q.OlderThanVersion)
	}
	if q.Cluster != "" {
		where, args = append(where, "cluster = ?"), append(args, q.Cluster)
	}
	query := `SELECT ` + documentColumns + ` FROM documents`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += ` ORDER BY ingested DESC, id LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, query, append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	docs := []dossier.Document{}
	for rows.Next() {
		d, err := scanDocument(rows, false)
		if err != nil {
			return nil, err
		}
		docs = append(docs, *d)
	}
	return docs, rows.Err()
}

// Search implements store.Store. The query is not passed to FTS5 as
// written: it is cut into words and "quoted phrases", each quoted as an
// FTS5 string, and ANDed, so no input is an FTS5 syntax error.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	match := ftsQuery(query)
	hits := []store.SearchHit{}
	if match == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 16), bm25(documents_fts)
		FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
		WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?`, match, min(limit, maxLimit))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.Snippet, &h.Score); err != nil {
			return nil, err
		}
		h.Score = -h.Score // bm25 is lower for better matches
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// ftsQuery turns user input into a safe FTS5 query: "quoted phrases" stay
// phrases, other text is cut into words at anything but letters and
// digits, and every part is an FTS5 string, ANDed.
func ftsQuery(q string) string {
	var parts []string
	add := func(s string) {
		words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) > 0 {
			parts = append(parts, `"`+strings.Join(words, " ")+`"`)
		}
	}
	for i, chunk := range strings.Split(q, `"`) {
		if i%2 == 1 {
			add(chunk) // inside quotes: one phrase
			continue
		}
		for _, w := range strings.Fields(chunk) {
			add(w)
		}
	}
	return strings.Join(parts, " ")
}

// SimilarCandidates implements store.Store.
func (s *Store) SimilarCandidates(ctx context.Context, sk store.Sketch) ([]store.Candidate, error) {
	if len(sk.Bands) == 0 {
		return nil, nil
	}
	args := make([]any, len(sk.Bands))
	for i, b := range sk.Bands {
		args[i] = int64(b)
	}
	if len(args) != dedupBands {
		return nil, fmt.Errorf("similar candidates: sketch has %d bands, want %d", len(args), dedupBands)
	}
	rows, err := s.candidates.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Candidate
	for rows.Next() {
		var c store.Candidate
		var sig []byte
		if err := rows.Scan(&c.ID, &c.Cluster, &sig); err != nil {
			return nil, err
		}
		c.Signature = decodeSignature(sig)
		out = append(out, c)
	}
	return out, rows.Err()
}

// dedupBands is the number of band keys of a sketch (dedup.Bands).
const dedupBands = 32

// candidatesQuery returns the near-duplicate query for a sketch of
// dedupBands bands. Each band contributes at most perBand documents, so a
// band shared by very many documents (boilerplate, a template) costs no more
// than a rare one; the documents sharing the most bands come first.
func candidatesQuery() string {
	parts := make([]string, dedupBands)
	for i := range parts {
		parts[i] = `SELECT doc_id FROM (SELECT doc_id FROM document_bands WHERE band = ? LIMIT ` + strconv.Itoa(perBand) + `)`
	}
	return `SELECT d.id, d.cluster, d.signature FROM (
		SELECT doc_id, count(*) AS shared FROM (` + strings.Join(parts, " UNION ALL ") + `)
		GROUP BY doc_id ORDER BY shared DESC, doc_id LIMIT ` + strconv.Itoa(maxCandidates) + `
	) c JOIN documents d ON d.id = c.doc_id ORDER BY c.shared DESC, d.id`
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(DISTINCT cluster) FROM documents),
		(SELECT count(*) FROM entities), (SELECT count(*) FROM mentions), (SELECT count(*) FROM relations),
		(SELECT count(*) FROM events), (SELECT count(*) FROM quotes)`).
		Scan(&st.Documents, &st.Clusters, &st.Entities, &st.Mentions, &st.Relations, &st.Events, &st.Quotes)
	return st, err
}

func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func encodeSignature(sig []uint32) []byte {
	if len(sig) == 0 {
		return nil
	}
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSignature(b []byte) []uint32 {
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}
