package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// defaultPerName bounds the occurrences listed for each entity name.
const defaultPerName = 10

// likePattern escapes the LIKE wildcards of s.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// EntityNames implements store.Store. Names are grouped ignoring ASCII case
// (SQLite's NOCASE) and shown in their greatest spelling, which prefers
// "Srinagar" to "SRINAGAR"; they are matched with LIKE, so no input is a
// syntax error.
func (s *Store) EntityNames(ctx context.Context, q store.EntityNameQuery) ([]store.EntityName, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	perName := q.PerName
	if perName <= 0 {
		perName = defaultPerName
	}
	var where []string
	var args []any
	text := strings.TrimSpace(q.Text)
	prefix := "%"
	if text != "" {
		where = append(where, `e.name LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likePattern(text)+"%")
		prefix = likePattern(text) + "%"
	}
	if len(q.Types) > 0 {
		marks := make([]string, len(q.Types))
		for i, t := range q.Types {
			marks[i] = "?"
			args = append(args, string(t))
		}
		where = append(where, "e.type IN ("+strings.Join(marks, ", ")+")")
	}
	query := `SELECT max(e.name), e.type, count(DISTINCT e.doc_id),
		sum((SELECT count(*) FROM mentions m WHERE m.doc_id = e.doc_id AND m.entity_id = e.local_id)),
		max(e.name LIKE ? ESCAPE '\') AS starts
		FROM entities e`
	args = append([]any{prefix}, args...)
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += ` GROUP BY e.name COLLATE NOCASE, e.type
		ORDER BY starts DESC, count(DISTINCT e.doc_id) DESC, 4 DESC, max(e.name) COLLATE NOCASE, e.type
		LIMIT ? OFFSET ?`
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("entity names %q: %w", q.Text, err)
	}
	names := []store.EntityName{}
	for rows.Next() {
		var n store.EntityName
		var typ string
		var starts int
		if err := rows.Scan(&n.Name, &typ, &n.Documents, &n.Mentions, &starts); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entity names %q: %w", q.Text, err)
		}
		n.Type = dossier.EntityType(typ)
		n.Occurrences = []store.EntityOccurrence{}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity names %q: %w", q.Text, err)
	}
	if len(names) == 0 {
		return names, nil
	}
	if err := s.entityOccurrences(ctx, names, perName); err != nil {
		return nil, fmt.Errorf("entity names %q: %w", q.Text, err)
	}
	return names, nil
}

// entityOccurrences fills the occurrences of names, at most perName each,
// newest document first, in one query.
func (s *Store) entityOccurrences(ctx context.Context, names []store.EntityName, perName int) error {
	values := make([]string, len(names))
	args := make([]any, 0, 2*len(names)+1)
	for i, n := range names {
		values[i] = "(?, ?, ?)"
		args = append(args, i, n.Name, string(n.Type))
	}
	args = append(args, perName)
	rows, err := s.db.QueryContext(ctx, `WITH page(i, name, type) AS (VALUES `+strings.Join(values, ", ")+`),
		occ AS (
			SELECT p.i AS i, e.doc_id AS doc, d.title AS title, e.local_id AS local,
				(SELECT count(*) FROM mentions m WHERE m.doc_id = e.doc_id AND m.entity_id = e.local_id) AS n,
				row_number() OVER (PARTITION BY p.i ORDER BY d.published DESC, d.id, e.seq) AS rn
			FROM page p
			JOIN entities e ON e.name = p.name COLLATE NOCASE AND e.type = p.type
			JOIN documents d ON d.id = e.doc_id
		)
		SELECT i, doc, title, local, n FROM occ WHERE rn <= ? ORDER BY i, rn`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var o store.EntityOccurrence
		if err := rows.Scan(&i, &o.Document, &o.Title, &o.Entity, &o.Mentions); err != nil {
			return err
		}
		if i >= 0 && i < len(names) {
			names[i].Occurrences = append(names[i].Occurrences, o)
		}
	}
	return rows.Err()
}
