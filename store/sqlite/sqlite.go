// Package sqlite is dossier's embedded store: one SQLite file (through the
// pure-Go driver modernc.org/sqlite, so no cgo), in WAL mode, with its schema
// managed by versioned migrations that run on open and full-text search by
// FTS5. It implements store.Store.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/dossier-osint/dossier/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is a store.Store on one SQLite file.
type Store struct {
	db   *sql.DB
	path string
	// candidates is the prepared near-duplicate query: it is long, and
	// parsing it for every document cost more than running it.
	candidates *sql.Stmt
	// cache holds the prepared statements of the per-document queries.
	cache stmtCache
}

var _ store.Store = (*Store)(nil)

// Open opens the SQLite store at path, creating it if needed, and brings its
// schema up to date. Processes that open a new file at the same moment can
// find it locked while one of them switches it to WAL mode, a moment in
// which SQLite answers "busy" without waiting; Open retries that for up to
// openPatience.
func Open(path string) (*Store, error) {
	deadline := time.Now().Add(openPatience)
	wait := 5 * time.Millisecond
	for {
		s, err := open(path)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return s, err
		}
		time.Sleep(wait)
		wait = min(2*wait, 250*time.Millisecond)
	}
}

// openPatience is how long Open retries a file that another process holds
// locked while it creates or converts it.
const openPatience = 15 * time.Second

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	return strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")
}

// open is one attempt of Open.
func open(path string) (*Store, error) {
	q := url.Values{}
	// Pages are read through a memory map of the file (shared by every
	// connection, and by the operating system's cache) rather than copied
	// into each connection's page cache, which then holds mostly the
	// pages a connection writes.
	for _, p := range []string{"busy_timeout(15000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)", "cache_size(-65536)",
		"temp_store(MEMORY)", "mmap_size(4294967296)"} {
		q.Add("_pragma", p)
	}
	// Write transactions take the write lock at BEGIN, so two writers
	// queue on busy_timeout instead of failing to upgrade a read lock.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Keep connections open: a new one re-reads the schema and starts
	// with a cold page cache.
	db.SetMaxIdleConns(8)
	db.SetMaxOpenConns(8)
	s := &Store{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		if strings.Contains(err.Error(), "file is not a database") || strings.Contains(err.Error(), "(26)") {
			return nil, fmt.Errorf("open %s: not a dossier store (the file is not a SQLite database)", path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// A resolution that stopped with its indexes set aside: build them.
	if err := s.RestoreIndexes(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.candidates, err = db.Prepare(candidatesQuery()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.cache.mu.Lock()
	for _, st := range s.cache.stmts {
		st.Close()
	}
	s.cache.stmts = nil
	s.cache.mu.Unlock()
	return s.db.Close()
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order. A file is named
// NNNN_what.sql; its number is the schema version it brings.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the migrations newer than the file's user_version, all in
// one immediate transaction: two processes opening a new file at once
// queue on the write lock, and the second finds the schema made.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	if have > latest {
		return fmt.Errorf("schema version %d is newer than this dossier knows (%d): upgrade dossier", have, latest)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SchemaVersion returns the schema version of the open file.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// JournalMode returns the journal mode of the open file ("wal").
func (s *Store) JournalMode(ctx context.Context) (string, error) {
	var m string
	err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&m)
	return m, err
}

// inTx runs fn in one write transaction.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	s.preparePending(ctx)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return commitOrRollback(tx, fn)
}

// commitOrRollback runs fn in tx and commits, or rolls back when fn fails.
func commitOrRollback(tx *sql.Tx, fn func(*sql.Tx) error) error {
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// notFound maps sql.ErrNoRows to store.ErrNotFound.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return err
}
