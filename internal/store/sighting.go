package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/model"
)

const insertSighting = `INSERT INTO document_sightings (doc_id, publisher, url, title, published, external_id, source, seen_at)
 SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = ? AND publisher = ? AND url = ?)
 ON CONFLICT(doc_id, publisher, url) DO NOTHING`

// AddSighting records that d's text, already stored, was seen again. A
// sighting from the stored document's own publisher and URL (the same
// input ingested twice) is not recorded. It reports whether a row was added.
func (t *Tx) AddSighting(ctx context.Context, d *model.Document) (bool, error) {
	var published any
	if d.Published != nil {
		published = stamp(*d.Published)
	}
	res, err := t.tx.ExecContext(ctx, insertSighting, d.ID, d.Publisher, d.URL, d.Title, published, d.ExternalID, d.Source,
		stamp(t.now), d.ID, d.Publisher, d.URL)
	if err != nil {
		return false, fmt.Errorf("store: add sighting of %s: %w", d.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: add sighting of %s: %w", d.ID, err)
	}
	return n == 1, nil
}

// sightings attaches the recorded sightings to docs.
func (s *Store) sightings(ctx context.Context, docs []*model.Document) error {
	if len(docs) == 0 {
		return nil
	}
	byID := make(map[string]*model.Document, len(docs))
	ids := make([]string, 0, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
		ids = append(ids, d.ID)
	}
	return eachChunk(ids, func(args []any, marks string) error {
		rows, err := s.r.QueryContext(ctx, `SELECT doc_id, publisher, url, title, published, external_id, source
 FROM document_sightings WHERE doc_id IN (`+marks+`) ORDER BY seen_at, publisher, url`, args...)
		if err != nil {
			return fmt.Errorf("store: sightings: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var sg model.Sighting
			var published sql.NullString
			if err := rows.Scan(&id, &sg.Publisher, &sg.URL, &sg.Title, &published, &sg.ExternalID, &sg.Source); err != nil {
				return fmt.Errorf("store: sightings: %w", err)
			}
			if published.Valid {
				p, err := parseStamp(published.String)
				if err != nil {
					return fmt.Errorf("store: sighting of %s: published %q: %w", id, published.String, err)
				}
				sg.Published = &p
			}
			byID[id].Republished = append(byID[id].Republished, sg)
		}
		return rows.Err()
	})
}
