package store

import (
	"context"
	"errors"
	"fmt"
)

const setDocumentMinhash = `UPDATE documents SET minhash = ? WHERE id = ?`

// SetDocumentMinhash stores a document's near-duplicate signature (the
// dedup package's encoding) so that the index can be rebuilt at start-up
// without re-reading every text.
func (t *Tx) SetDocumentMinhash(ctx context.Context, docID string, sig []byte) error {
	if _, err := t.tx.ExecContext(ctx, setDocumentMinhash, sig, docID); err != nil {
		return fmt.Errorf("store: set minhash %s: %w", docID, err)
	}
	return nil
}

const selectSignatures = `SELECT id, COALESCE(duplicate_of, ''), minhash, seq FROM documents
 WHERE seq > ? AND minhash IS NOT NULL ORDER BY seq LIMIT ?`

// DocumentSignatures calls fn for every document that has a stored
// signature, in ingest order, reading in pages of a few thousand rows so a
// large database is streamed, not loaded. sig is only valid during the call.
func (s *Store) DocumentSignatures(ctx context.Context, fn func(id, duplicateOf string, sig []byte) error) error {
	const page = 5000
	var after int64
	type row struct {
		id, dup string
		sig     []byte
	}
	batch := make([]row, 0, page)
	for {
		rows, err := s.r.QueryContext(ctx, selectSignatures, after, page)
		if err != nil {
			return fmt.Errorf("store: document signatures: %w", err)
		}
		batch = batch[:0]
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.dup, &r.sig, &after); err != nil {
				rows.Close()
				return fmt.Errorf("store: document signatures: %w", err)
			}
			batch = append(batch, r)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: document signatures: %w", err)
		}
		for _, r := range batch {
			if err := fn(r.id, r.dup, r.sig); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}
