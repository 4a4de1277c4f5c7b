// Report lists and the event and document detail queries behind the API;
// the filter, cursor, event list and histogram are in query.go.

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

const reportPageColumns = `r.body, er.event_id, r.seq, r.date_start FROM reports r LEFT JOIN event_reports er ON er.report_id = r.id`

// scanReportRows reads up to limit reports from rows of reportPageColumns.
func scanReportRows(rows *sql.Rows, limit int) ([]*model.Report, string, error) {
	var out []*model.Report
	var next, lastDate string
	var lastSeq int64
	for rows.Next() {
		if len(out) == limit {
			next = encodeCursor(lastDate, lastSeq)
			break
		}
		var body, date string
		var event sql.NullString
		var seq int64
		if err := rows.Scan(&body, &event, &seq, &date); err != nil {
			return nil, "", err
		}
		var r model.Report
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			return nil, "", fmt.Errorf("report body: %w", err)
		}
		r.Event = event.String
		out = append(out, &r)
		lastDate, lastSeq = date, seq
	}
	return out, next, rows.Err()
}

// QueryReports returns one page of the reports f selects, newest date
// first, and the next page's cursor. Event-level fields (MinSources,
// Statuses, IDs) select the reports of matching events.
func (s *Store) QueryReports(ctx context.Context, f Filter) ([]*model.Report, string, error) {
	cur, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	w := &where{}
	if f.To != "" {
		w.add("r.date_start <= ?", f.To)
	}
	if f.From != "" {
		w.add("COALESCE(NULLIF(r.date_end, ''), r.date_start) >= ?", f.From)
	}
	if b := f.BBox; b != nil {
		w.add("r.lat BETWEEN ? AND ? AND r.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
	w.in("r.type", f.Types)
	w.in("r.attacker_side", f.Sides)
	if len(f.Weapons) > 0 {
		sub := &where{}
		sub.in("json_extract(wp.value, '$.kind')", f.Weapons)
		w.add("EXISTS (SELECT 1 FROM json_each(r.body, '$.weapons') wp WHERE "+sub.conds[0]+")", sub.args...)
	}
	if f.MinSources > 0 || len(f.Statuses) > 0 || len(f.IDs) > 0 {
		sub := &where{}
		sub.add("e.id = er.event_id")
		if f.MinSources > 0 {
			sub.add("e.independent_sources >= ?", f.MinSources)
		}
		sub.in("e.status", f.Statuses)
		sub.in("e.id", f.IDs)
		w.add("EXISTS (SELECT 1 FROM events e"+sub.sql()+")", sub.args...)
	}
	if q := ftsQuery(f.Q); q != "" {
		w.add(`r.doc_id IN (SELECT d.id FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ?)`, q)
	}
	if cur != nil {
		w.add("(r.date_start, r.seq) < (?, ?)", cur.date, cur.seq)
	}
	limit := f.limit()
	q := `SELECT ` + reportPageColumns + w.sql() + ` ORDER BY r.date_start DESC, r.seq DESC LIMIT ?`
	rows, err := s.r.QueryContext(ctx, q, append(w.args, limit+1)...)
	if err != nil {
		return nil, "", fmt.Errorf("store: query reports: %w", err)
	}
	defer rows.Close()
	out, next, err := scanReportRows(rows, limit)
	if err != nil {
		return nil, "", fmt.Errorf("store: query reports: %w", err)
	}
	return out, next, nil
}

// EachReport calls fn for every report f selects, newest first, in pages.
func (s *Store) EachReport(ctx context.Context, f Filter, fn func(*model.Report) error) error {
	f.Limit, f.Cursor = 500, ""
	for {
		page, next, err := s.QueryReports(ctx, f)
		if err != nil {
			return err
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		f.Cursor = next
	}
}

// QueryEventReports returns the reports that support an event, oldest
// first.
func (s *Store) QueryEventReports(ctx context.Context, eventID string) ([]model.Report, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+reportPageColumns+` WHERE er.event_id = ? ORDER BY r.seq`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: reports of event %s: %w", eventID, err)
	}
	defer rows.Close()
	page, _, err := scanReportRows(rows, -1)
	if err != nil {
		return nil, fmt.Errorf("store: reports of event %s: %w", eventID, err)
	}
	out := make([]model.Report, len(page))
	for i, r := range page {
		out[i] = *r
	}
	return out, nil
}

// Link is why one report joined its event: the merge score and its
// components as the merge stage recorded them (JSON).
type Link struct {
	Report      string          `json:"report"`
	Score       float64         `json:"score"`
	Explanation json.RawMessage `json:"explanation"`
}

// QueryEventLinks returns the stored merge explanation of every report of
// an event.
func (s *Store) QueryEventLinks(ctx context.Context, eventID string) ([]Link, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT report_id, score, explanation FROM event_reports WHERE event_id = ? ORDER BY report_id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: links of event %s: %w", eventID, err)
	}
	defer rows.Close()
	out := []Link{}
	for rows.Next() {
		var l Link
		var expl string
		if err := rows.Scan(&l.Report, &l.Score, &expl); err != nil {
			return nil, fmt.Errorf("store: links of event %s: %w", eventID, err)
		}
		if !json.Valid([]byte(expl)) {
			expl = strconv.Quote(expl)
		}
		l.Explanation = json.RawMessage(expl)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: links of event %s: %w", eventID, err)
	}
	return out, nil
}

// DocumentSummary is a document without its text, for lists.
type DocumentSummary struct {
	ID          string     `json:"id"`
	Title       string     `json:"title"`
	Publisher   string     `json:"publisher"`
	URL         string     `json:"url"`
	Published   *time.Time `json:"published"`
	Format      string     `json:"format"`
	DuplicateOf string     `json:"duplicate_of"`
}

// QueryDocumentSummaries returns the summaries of the documents with these
// IDs, in the order given; unknown IDs are skipped.
func (s *Store) QueryDocumentSummaries(ctx context.Context, ids []string) ([]DocumentSummary, error) {
	out := []DocumentSummary{}
	if len(ids) == 0 {
		return out, nil
	}
	w := &where{}
	w.in("id", ids)
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, publisher, url, published, format, COALESCE(duplicate_of, '') FROM documents`+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: document summaries: %w", err)
	}
	defer rows.Close()
	byID := map[string]DocumentSummary{}
	for rows.Next() {
		var d DocumentSummary
		var pub sql.NullString
		if err := rows.Scan(&d.ID, &d.Title, &d.Publisher, &d.URL, &pub, &d.Format, &d.DuplicateOf); err != nil {
			return nil, fmt.Errorf("store: document summaries: %w", err)
		}
		if pub.Valid {
			t, err := parseStamp(pub.String)
			if err != nil {
				return nil, fmt.Errorf("store: document %s: published %q: %w", d.ID, pub.String, err)
			}
			d.Published = &t
		}
		byID[d.ID] = d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: document summaries: %w", err)
	}
	for _, id := range ids {
		if d, ok := byID[id]; ok {
			out = append(out, d)
			delete(byID, id)
		}
	}
	return out, nil
}

// Ping checks that the database answers a read.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM events LIMIT 1)`).Scan(&n); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}
