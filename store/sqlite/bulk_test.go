package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"testing"
)

// indexNames lists the named indexes of the resolution's tables.
func indexNames(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.eachRow(context.Background(), `SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN ('claims', 'entity_members', 'same_as', 'entity_names', 'global_entities', 'resolved_documents') ORDER BY name`,
		func(r *sql.Rows) error {
			var n string
			if err := r.Scan(&n); err != nil {
				return err
			}
			out = append(out, n)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestIndexesSetAsideAndRestored(t *testing.T) {
	s, docs := graphFixture(t)
	ctx := context.Background()
	before := indexNames(t, s)
	if len(before) == 0 {
		t.Fatal("no secondary indexes")
	}
	if err := s.ResetResolution(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.SetIndexesAside(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexNames(t, s); len(got) != 0 {
		t.Errorf("indexes left after setting aside: %v", got)
	}
	// Reopening (a run that stopped half-way) builds them again.
	path := s.path
	s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := indexNames(t, s); !slices.Equal(got, before) {
		t.Errorf("after reopening: %v, want %v", got, before)
	}
	if err := s.SetIndexesAside(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexNames(t, s); !slices.Equal(got, before) {
		t.Errorf("after restoring: %v, want %v", got, before)
	}
	if err := s.RestoreIndexes(ctx); err != nil { // nothing set aside: nothing to do
		t.Fatal(err)
	}
	// Foreign keys are enforced again on every connection after a reset.
	var on int
	if err := s.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
		t.Errorf("foreign_keys = %d, %v", on, err)
	}
	if ids, err := s.UnresolvedDocuments(ctx, 10); err != nil || len(ids) != len(docs) {
		t.Errorf("unresolved after reset: %v, %v", ids, err)
	}
}

func TestResetEmptiesTheGraph(t *testing.T) {
	s, _ := graphFixture(t)
	ctx := context.Background()
	if err := s.ResetResolution(ctx); err != nil {
		t.Fatal(err)
	}
	for _, table := range append(resolutionTables, "decisions") {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows after reset, %v", table, n, err)
		}
	}
	var bad int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad); err != nil || bad != 0 {
		t.Errorf("foreign key check: %d, %v", bad, err)
	}
}
