package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/model"
)

const insertReport = `INSERT INTO reports (id, doc_id, type, date_start, date_end, attacker_side, lat, lon, extractor, body, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM reports))
 ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, date_end = excluded.date_end,
 attacker_side = excluded.attacker_side, lat = excluded.lat, lon = excluded.lon, extractor = excluded.extractor,
 body = excluded.body`

// InsertReports stores reports, replacing any stored report with the same ID
// (a re-extraction of the same document).
func (t *Tx) InsertReports(ctx context.Context, rs []model.Report) error {
	stmt, err := t.tx.PrepareContext(ctx, insertReport)
	if err != nil {
		return fmt.Errorf("store: insert reports: %w", err)
	}
	defer stmt.Close()
	for i := range rs {
		r := &rs[i]
		body, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("store: insert report %s: %w", r.ID, err)
		}
		var side string
		if r.Attacker != nil {
			side = string(r.Attacker.Side)
		}
		var lat, lon any
		if l := primaryLocation(r.Locations); l != nil {
			lat, lon = l.Lat, l.Lon
		}
		if _, err := stmt.ExecContext(ctx, r.ID, r.Doc, string(r.Type), r.Date.Start, r.Date.End, side, lat, lon, r.Extractor, body); err != nil {
			return fmt.Errorf("store: insert report %s: %w", r.ID, err)
		}
	}
	return nil
}

// primaryLocation is the first resolved location, the one a map shows.
func primaryLocation(ls []model.Location) *model.Location {
	for i := range ls {
		if ls[i].Resolved {
			return &ls[i]
		}
	}
	return nil
}

func scanReport(sc interface{ Scan(...any) error }) (*model.Report, int64, error) {
	var body string
	var event sql.NullString
	var seq int64
	if err := sc.Scan(&body, &event, &seq); err != nil {
		return nil, 0, err
	}
	var r model.Report
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return nil, 0, fmt.Errorf("report body: %w", err)
	}
	r.Event = event.String
	return &r, seq, nil
}

const reportColumns = `r.body, er.event_id, r.seq FROM reports r LEFT JOIN event_reports er ON er.report_id = r.id`

// Report returns the report with this ID, or ErrNotFound.
func (s *Store) Report(ctx context.Context, id string) (*model.Report, error) {
	r, _, err := scanReport(s.r.QueryRowContext(ctx, `SELECT `+reportColumns+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: report %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: report %s: %w", id, err)
	}
	return r, nil
}

// DocumentReports returns the reports extracted from one document, in
// extraction order.
func (s *Store) DocumentReports(ctx context.Context, docID string) ([]model.Report, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+reportColumns+` WHERE r.doc_id = ? ORDER BY r.seq`, docID)
	if err != nil {
		return nil, fmt.Errorf("store: reports of %s: %w", docID, err)
	}
	defer rows.Close()
	var out []model.Report
	for rows.Next() {
		r, _, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("store: reports of %s: %w", docID, err)
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

// Reports calls fn for every stored report in ingest order, reading in pages.
func (s *Store) Reports(ctx context.Context, fn func(*model.Report) error) error {
	const page = 1000
	var after int64
	for {
		rows, err := s.r.QueryContext(ctx, `SELECT `+reportColumns+` WHERE r.seq > ? ORDER BY r.seq LIMIT ?`, after, page)
		if err != nil {
			return fmt.Errorf("store: reports: %w", err)
		}
		var batch []*model.Report
		for rows.Next() {
			r, seq, err := scanReport(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: reports: %w", err)
			}
			batch = append(batch, r)
			after = seq
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: reports: %w", err)
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}

// UnmergedReports returns the reports no event holds yet: those stored by
// an ingest that stopped before it merged them (see pipeline.Options
// MergeEvery), or by one that skipped merging.
func (s *Store) UnmergedReports(ctx context.Context) ([]model.Report, error) {
	rs, err := queryReports(ctx, s.r, `SELECT `+reportColumns+` WHERE er.report_id IS NULL ORDER BY r.id`)
	if err != nil {
		return nil, fmt.Errorf("store: unmerged reports: %w", err)
	}
	return rs, nil
}
