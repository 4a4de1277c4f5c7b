package store

import (
	"context"
	"fmt"
)

// Stats summarises what a database holds.
type Stats struct {
	Path       string           `json:"path"`
	Documents  int64            `json:"documents"`
	Duplicates int64            `json:"near_duplicates"`
	Reports    int64            `json:"reports"`
	Events     int64            `json:"events"`
	Failures   int64            `json:"failures"`
	Sources    int64            `json:"sources"`
	ByFormat   map[string]int64 `json:"documents_by_format"`
	ByType     map[string]int64 `json:"reports_by_type"`
	EventTypes map[string]int64 `json:"events_by_type"`
	FirstDate  string           `json:"first_event_date,omitempty"`
	LastDate   string           `json:"last_event_date,omitempty"`
}

// Stats counts what the database holds.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{Path: s.path}
	for _, c := range []struct {
		dst *int64
		q   string
	}{
		{&st.Documents, `SELECT COUNT(*) FROM documents`},
		{&st.Duplicates, `SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL`},
		{&st.Reports, `SELECT COUNT(*) FROM reports`},
		{&st.Events, `SELECT COUNT(*) FROM events`},
		{&st.Failures, `SELECT COUNT(*) FROM failures`},
		{&st.Sources, `SELECT COUNT(*) FROM sources`},
	} {
		if err := s.r.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return nil, fmt.Errorf("store: stats: %w", err)
		}
	}
	var err error
	if st.ByFormat, err = s.countBy(ctx, `SELECT format, COUNT(*) FROM documents GROUP BY format`); err != nil {
		return nil, err
	}
	if st.ByType, err = s.countBy(ctx, `SELECT type, COUNT(*) FROM reports GROUP BY type`); err != nil {
		return nil, err
	}
	if st.EventTypes, err = s.countBy(ctx, `SELECT type, COUNT(*) FROM events GROUP BY type`); err != nil {
		return nil, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MIN(NULLIF(date_start, '')), ''), COALESCE(MAX(date_start), '') FROM events`).
		Scan(&st.FirstDate, &st.LastDate); err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

func (s *Store) countBy(ctx context.Context, q string) (map[string]int64, error) {
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("store: stats: %w", err)
		}
		out[k] = n
	}
	return out, rows.Err()
}
