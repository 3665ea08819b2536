package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// resolutionTables are the tables a resolution writes, in the order a
// reset empties them (children before the global entities they name).
var resolutionTables = []string{"claims", "entity_members", "same_as", "entity_names", "global_entities", "resolved_documents"}

// ResetResolution implements store.Graph. Its tables are emptied whole:
// with foreign keys enforced SQLite deletes the rows of a table one at a
// time, updating every index for each, which at a million claims took
// longer than resolving; with them off for this one transaction, a DELETE
// without WHERE frees the table's pages at once. Every table that names a
// global entity is emptied with them, so no reference is left dangling.
func (s *Store) ResetResolution(ctx context.Context) error {
	return s.withoutForeignKeys(ctx, func(tx *sql.Tx) error {
		qs := make([]string, 0, len(resolutionTables)+1)
		for _, t := range resolutionTables {
			qs = append(qs, `DELETE FROM `+t)
		}
		qs = append(qs, `DELETE FROM decisions WHERE automatic = 1`)
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("reset resolution: %s: %w", q, err)
			}
		}
		return nil
	})
}

// withoutForeignKeys runs fn in a write transaction on one connection
// whose foreign-key enforcement is off (it can only be switched outside a
// transaction), and switches it on again; a connection on which that
// fails is dropped from the pool rather than reused.
func (s *Store) withoutForeignKeys(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	s.preparePending(ctx)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer func() {
		if _, onErr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); onErr != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = onErr
			}
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return commitOrRollback(tx, fn)
}

// SetIndexesAside drops the secondary indexes of the tables a resolution
// writes, keeping their definitions in set_aside_indexes, so that a run
// that writes most of the graph anew (every document re-resolved, or the
// first resolution of a store) fills the tables without them; call
// RestoreIndexes at its end. Queries still answer meanwhile, by scanning.
// A process that stops before RestoreIndexes leaves the definitions
// behind, and the next Open builds the indexes.
func (s *Store) SetIndexesAside(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		names, defs, err := indexDefs(ctx, tx, `SELECT name, sql FROM sqlite_schema
			WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (?`+strings.Repeat(", ?", len(resolutionTables)-1)+`)
			ORDER BY name`, anySlice(resolutionTables)...)
		if err != nil {
			return err
		}
		for i, n := range names {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO set_aside_indexes (name, sql) VALUES (?, ?)`, n, defs[i]); err != nil {
				return fmt.Errorf("set index %s aside: %w", n, err)
			}
			if _, err := tx.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
				return fmt.Errorf("set index %s aside: %w", n, err)
			}
		}
		return nil
	})
}

// indexDefs runs query, which selects indexes' names and definitions.
func indexDefs(ctx context.Context, tx *sql.Tx, query string, args ...any) (names, defs []string, err error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			return nil, nil, err
		}
		names, defs = append(names, n), append(defs, d)
	}
	return names, defs, rows.Err()
}

// RestoreIndexes builds again the indexes SetIndexesAside dropped (none
// when nothing is set aside).
func (s *Store) RestoreIndexes(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM set_aside_indexes`).Scan(&n); err != nil || n == 0 {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		names, defs, err := indexDefs(ctx, tx, `SELECT name, sql FROM set_aside_indexes ORDER BY name`)
		if err != nil {
			return err
		}
		for i, n := range names {
			def := defs[i]
			for _, c := range []string{"CREATE INDEX ", "CREATE UNIQUE INDEX "} {
				if rest, ok := strings.CutPrefix(def, c); ok {
					def = c + "IF NOT EXISTS " + rest
				}
			}
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return fmt.Errorf("restore index %s: %w", n, err)
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM set_aside_indexes`)
		return err
	})
}

// anySlice converts strings to query arguments.
func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
