package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// execer is what the write helpers need of a transaction: *sql.Tx, or a
// preparedTx that parses each of its queries once.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// querier is what the read helpers need of a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stmtCache holds the prepared form of the queries run for every document
// (resolving a corpus writes and reads a dozen rows per document, and
// SQLite spent as long parsing those statements as running them). Only
// constant query texts go in, so it stays small.
//
// A query is prepared on the database outside any transaction: preparing
// takes a connection from the pool, and a transaction that waited for one
// while holding its own could wait for ever (every other connection
// waiting for its write lock). A transaction that meets a query not yet
// prepared runs it unprepared and leaves it pending; the next transaction
// prepares it before it begins.
type stmtCache struct {
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool
}

// prepared returns query prepared on the database (database/sql prepares
// it again on each connection that runs it, once). It must not be called
// inside a transaction.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.cache.mu.Lock()
	st, ok := s.cache.stmts[query]
	s.cache.mu.Unlock()
	if ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if old, ok := s.cache.stmts[query]; ok { // prepared meanwhile by another goroutine
		st.Close()
		return old, nil
	}
	if s.cache.stmts == nil {
		s.cache.stmts = map[string]*sql.Stmt{}
	}
	s.cache.stmts[query] = st
	return st, nil
}

// preparePending prepares the queries transactions found unprepared. It
// must not be called inside a transaction.
func (s *Store) preparePending(ctx context.Context) {
	s.cache.mu.Lock()
	var qs []string
	for q := range s.cache.pending {
		qs = append(qs, q)
	}
	s.cache.pending = nil
	s.cache.mu.Unlock()
	for _, q := range qs {
		s.prepared(ctx, q) // on error the query keeps running unprepared
	}
}

// cached returns the prepared query, or notes it as pending.
func (s *Store) cached(query string) *sql.Stmt {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if st, ok := s.cache.stmts[query]; ok {
		return st
	}
	if s.cache.pending == nil {
		s.cache.pending = map[string]bool{}
	}
	s.cache.pending[query] = true
	return nil
}

// preparedTx runs constant queries within one transaction through the
// store's prepared statements.
type preparedTx struct {
	*sql.Tx
	s     *Store
	stmts map[string]*sql.Stmt
}

func (s *Store) preparedTx(tx *sql.Tx) *preparedTx {
	return &preparedTx{Tx: tx, s: s, stmts: map[string]*sql.Stmt{}}
}

// stmt returns query prepared for this transaction, or nil when it is not
// prepared yet.
func (t *preparedTx) stmt(ctx context.Context, query string) *sql.Stmt {
	if st, ok := t.stmts[query]; ok {
		return st
	}
	p := t.s.cached(query)
	if p == nil {
		return nil
	}
	st := t.Tx.StmtContext(ctx, p)
	t.stmts[query] = st
	return st
}

// ExecContext runs a statement of the transaction.
func (t *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

// QueryContext runs a query of the transaction.
func (t *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query of the transaction that returns one row.
func (t *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}
