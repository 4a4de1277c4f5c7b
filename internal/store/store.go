package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"github.com/pressly/goose/v3"
)

//go:embed migrations
var migrations embed.FS

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is sitrep's database. It is safe for concurrent use.
type Store struct {
	w    *sql.DB // the single writer connection
	r    *sql.DB // read-only pool
	path string
	log  *slog.Logger
	// now is the clock used for created/updated stamps; tests replace it.
	now func() time.Time
}

// Open opens (creating if needed) the SQLite database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string, log *slog.Logger) (*Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w, r, err := openSQLite(path)
	if err != nil {
		return nil, err
	}
	s := &Store{w: w, r: r, path: path, log: log.With("component", "store"), now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx, goose.DialectSQLite3, "migrations/sqlite"); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context, dialect goose.Dialect, dir string) error {
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	p, err := goose.NewProvider(dialect, s.w, sub)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	res, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", s.path, err)
	}
	for _, r := range res {
		s.log.Debug("migration applied", "version", r.Source.Version, "duration", r.Duration)
	}
	return nil
}

// Close closes both connection pools.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// Path returns the database location Open was given.
func (s *Store) Path() string { return s.path }

// Tx is one write transaction, handed to the function given to Batch.
type Tx struct {
	tx  *sql.Tx
	s   *Store
	now time.Time
}

// Batch runs fn in one write transaction: everything fn writes is committed
// together when it returns nil, and nothing is when it returns an error.
func (s *Store) Batch(ctx context.Context, fn func(*Tx) error) error {
	sqltx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	tx := &Tx{tx: sqltx, s: s, now: s.now()}
	if err := fn(tx); err != nil {
		if rerr := sqltx.Rollback(); rerr != nil {
			return errors.Join(err, fmt.Errorf("store: rollback: %w", rerr))
		}
		return err
	}
	if err := sqltx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// SQL exposes the transaction to other packages' store methods that need a
// statement this package does not offer (the merge stage's queries live in
// this package too; this is for tests and one-off tools).
func (t *Tx) SQL() *sql.Tx { return t.tx }

// Now returns the time stamp used for every row written in this batch.
func (t *Tx) Now() time.Time { return t.now }

// Store returns the store the transaction belongs to.
func (t *Tx) Store() *Store { return t.s }

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }
