package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

const insertDocument = `INSERT INTO documents
 (id, external_id, url, canonical_url, title, publisher, author, language, published, format, text,
  source, fetched_at, raw_hash, parser_version, duplicate_of, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents))
 ON CONFLICT(id) DO NOTHING`

// InsertDocument stores d unless a document with the same ID (the same
// normalised text) exists. It reports whether d was new.
func (t *Tx) InsertDocument(ctx context.Context, d *model.Document) (bool, error) {
	if d.ID == "" {
		d.ID = model.DocumentID(d.Text)
	}
	if d.FetchedAt.IsZero() {
		d.FetchedAt = t.now
	}
	var published any
	if d.Published != nil {
		published = stamp(*d.Published)
	}
	var dup any
	if d.DuplicateOf != "" {
		dup = d.DuplicateOf
	}
	res, err := t.tx.ExecContext(ctx, insertDocument,
		d.ID, d.ExternalID, d.URL, d.CanonicalURL, d.Title, d.Publisher, d.Author, d.Language, published,
		string(d.Format), d.Text, d.Source, stamp(d.FetchedAt), d.RawHash, d.ParserVersion, dup)
	if err != nil {
		return false, fmt.Errorf("store: insert document %s: %w", d.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: insert document %s: %w", d.ID, err)
	}
	if n == 1 && d.Publisher != "" {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO sources (name, first_seen) VALUES (?, ?) ON CONFLICT(name) DO NOTHING`,
			d.Publisher, stamp(t.now)); err != nil {
			return false, fmt.Errorf("store: insert source %q: %w", d.Publisher, err)
		}
	}
	return n == 1, nil
}

// HasDocument reports whether a document with this ID is stored, as seen
// inside the transaction.
func (t *Tx) HasDocument(ctx context.Context, id string) (bool, error) {
	var one int
	err := t.tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: has document %s: %w", id, err)
	}
	return true, nil
}

const documentColumns = `id, external_id, url, canonical_url, title, publisher, author, language, published, format, text,
 source, fetched_at, raw_hash, parser_version, COALESCE(duplicate_of, ''), seq`

func scanDocument(sc interface{ Scan(...any) error }) (*model.Document, int64, error) {
	var d model.Document
	var published sql.NullString
	var format, fetched string
	var seq int64
	if err := sc.Scan(&d.ID, &d.ExternalID, &d.URL, &d.CanonicalURL, &d.Title, &d.Publisher, &d.Author, &d.Language,
		&published, &format, &d.Text, &d.Source, &fetched, &d.RawHash, &d.ParserVersion, &d.DuplicateOf, &seq); err != nil {
		return nil, 0, err
	}
	d.Format = model.Format(format)
	if published.Valid {
		p, err := parseStamp(published.String)
		if err != nil {
			return nil, 0, fmt.Errorf("document %s: published %q: %w", d.ID, published.String, err)
		}
		d.Published = &p
	}
	f, err := parseStamp(fetched)
	if err != nil {
		return nil, 0, fmt.Errorf("document %s: fetched_at %q: %w", d.ID, fetched, err)
	}
	d.FetchedAt = f
	return &d, seq, nil
}

// Document returns the document with this ID, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (*model.Document, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ? OR external_id = ? ORDER BY id = ? DESC LIMIT 1`, id, id, id)
	d, _, err := scanDocument(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %s: %w", id, err)
	}
	if err := s.sightings(ctx, []*model.Document{d}); err != nil {
		return nil, err
	}
	return d, nil
}

// Documents calls fn for every stored document in ingest order. It reads in
// pages so that a large database is never held in memory at once.
func (s *Store) Documents(ctx context.Context, fn func(*model.Document) error) error {
	const page = 500
	var after int64
	for {
		rows, err := s.r.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, after, page)
		if err != nil {
			return fmt.Errorf("store: documents: %w", err)
		}
		var batch []*model.Document
		for rows.Next() {
			d, seq, err := scanDocument(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: documents: %w", err)
			}
			batch = append(batch, d)
			after = seq
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: documents: %w", err)
		}
		if err := s.sightings(ctx, batch); err != nil {
			return err
		}
		for _, d := range batch {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}

// SearchDocuments returns the IDs of up to limit documents matching the
// FTS5 query q, best match first.
func (s *Store) SearchDocuments(ctx context.Context, q string, limit int) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid
 WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: search %q: %w", q, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q, err)
	}
	return ids, nil
}

// Failure is an input, or one item inside it, that could not be read.
type Failure struct {
	ID    int64     `json:"id"`
	Input string    `json:"input"`
	Item  string    `json:"item,omitempty"`
	Kind  string    `json:"kind,omitempty"`
	Error string    `json:"error"`
	At    time.Time `json:"at"`
}

// RecordFailure stores a failure row.
func (t *Tx) RecordFailure(ctx context.Context, f Failure) error {
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO failures (input, item, kind, error, at) VALUES (?, ?, ?, ?, ?)`,
		f.Input, f.Item, f.Kind, f.Error, stamp(t.now)); err != nil {
		return fmt.Errorf("store: record failure for %s: %w", f.Input, err)
	}
	return nil
}

// Failures returns the most recent failures, newest first.
func (s *Store) Failures(ctx context.Context, limit int) ([]Failure, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, input, item, kind, error, at FROM failures ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: failures: %w", err)
	}
	defer rows.Close()
	var out []Failure
	for rows.Next() {
		var f Failure
		var at string
		if err := rows.Scan(&f.ID, &f.Input, &f.Item, &f.Kind, &f.Error, &at); err != nil {
			return nil, fmt.Errorf("store: failures: %w", err)
		}
		if f.At, err = parseStamp(at); err != nil {
			return nil, fmt.Errorf("store: failure %d: at %q: %w", f.ID, at, err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
