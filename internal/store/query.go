package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Filter selects events (and, where a field applies, reports). Fields
// combine with AND; a zero field does not filter. It is the store form of
// the API's query parameters (see .team/API.md).
type Filter struct {
	From, To   string   // YYYY-MM-DD: the event's date range overlaps [From, To]
	BBox       *BBox    // the primary location lies inside
	Types      []string // model.EventType values
	Sides      []string // attacker sides
	Weapons    []string // any of these weapon kinds is named
	MinSources int      // independent_sources >= MinSources
	Statuses   []string // verification statuses
	Q          string   // full-text search over the supporting documents
	IDs        []string // only these event IDs
	Limit      int      // page size for the Query* methods; default 100, max 1000
	Cursor     string   // opaque, from a previous page's next cursor
}

// BBox is a longitude/latitude rectangle.
type BBox struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// ErrBadCursor is returned for a cursor this package did not produce.
var ErrBadCursor = errors.New("store: bad cursor")

// DefaultLimit and MaxLimit bound a page.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// boxProbe is how many events a bounding box may hold before the event
// list stops driving the query from the spatial index and walks the date
// index instead, checking the box on each entry. Below it the box is
// selective (sorting a few thousand index entries is cheap); above it
// matches are dense enough that a date walk finds a page of them quickly.
const boxProbe = 4000

// maxBands is the most latitude bands a box is split into; a taller box
// scans the band index as one range.
const maxBands = 200

func (f *Filter) limit() int {
	switch {
	case f.Limit <= 0:
		return DefaultLimit
	case f.Limit > MaxLimit:
		return MaxLimit
	}
	return f.Limit
}

// cursor is the keyset position after which the next page starts.
type cursor struct {
	date string
	seq  int64
}

func encodeCursor(date string, seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("1\x00" + date + "\x00" + strconv.FormatInt(seq, 10)))
}

func decodeCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != 3 || parts[0] != "1" {
		return nil, ErrBadCursor
	}
	seq, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadCursor, err)
	}
	return &cursor{date: parts[1], seq: seq}, nil
}

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(col string, vals []string) {
	if len(vals) == 0 {
		return
	}
	w.conds = append(w.conds, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
	for _, v := range vals {
		w.args = append(w.args, v)
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// ftsQuery turns user text into an FTS5 query that cannot be a syntax
// error: every whitespace-separated word becomes a quoted phrase, and the
// phrases are ANDed.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}

// lowerDate is the earliest date_start an event can have and still overlap
// a range starting at from, given the longest event span stored.
func (s *Store) lowerDate(ctx context.Context, from string) (string, error) {
	t, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return from, nil // not a date: compare as text, as the filter does
	}
	var days float64
	if err := s.r.QueryRowContext(ctx, `SELECT days FROM event_span WHERE id = 1`).Scan(&days); err != nil {
		return "", fmt.Errorf("store: event span: %w", err)
	}
	return t.AddDate(0, 0, -int(days)-1).Format(time.DateOnly), nil
}

// eventConds adds the conditions of f that every event query shares (all
// but the driving index and the cursor).
func (s *Store) eventConds(ctx context.Context, f *Filter, w *where) error {
	if f.To != "" {
		w.add("e.date_start <= ?", f.To)
	}
	if f.From != "" {
		low, err := s.lowerDate(ctx, f.From)
		if err != nil {
			return err
		}
		w.add("e.date_start >= ?", low)
		w.add("COALESCE(NULLIF(e.date_end, ''), e.date_start) >= ?", f.From)
	}
	if b := f.BBox; b != nil {
		w.add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
	w.in("e.type", f.Types)
	w.in("e.attacker_side", f.Sides)
	w.in("e.status", f.Statuses)
	w.in("e.id", f.IDs)
	if f.MinSources > 0 {
		w.add("e.independent_sources >= ?", f.MinSources)
	}
	if len(f.Weapons) > 0 {
		sub := &where{}
		sub.in("w.kind", f.Weapons)
		w.add("EXISTS (SELECT 1 FROM event_weapons w WHERE w.event_seq = e.seq AND "+sub.conds[0]+")", sub.args...)
	}
	if q := ftsQuery(f.Q); q != "" {
		w.add(`e.id IN (SELECT er.event_id FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
 JOIN reports r ON r.doc_id = d.id JOIN event_reports er ON er.report_id = r.id WHERE documents_fts MATCH ?)`, q)
	}
	return nil
}

// bandExpr is events_band's first column; a query must spell it exactly so.
const bandExpr = "CAST((e.lat + 90) * 4 AS INTEGER)"

// bandCond is the condition that turns a box into one longitude range scan
// per quarter-degree latitude band of the events_band index (Go computes
// the bands as bandExpr does: IEEE arithmetic, truncation of a positive
// number).
func bandCond(b *BBox) (string, []any) {
	lo, hi := int((b.MinLat+90)*4), int((b.MaxLat+90)*4)
	if hi-lo+1 > maxBands {
		return bandExpr + " BETWEEN ? AND ?", []any{lo, hi}
	}
	args := make([]any, 0, hi-lo+1)
	for band := lo; band <= hi; band++ {
		args = append(args, band)
	}
	return bandExpr + " IN (" + strings.TrimSuffix(strings.Repeat("?,", len(args)), ",") + ")", args
}

// eventSource picks the index that drives an event query: the band index
// for a selective box, the (type, date) index for one type, and the date
// index otherwise. It returns the FROM expression, any extra condition,
// and whether the rows come out in page order (an index walk that can stop
// at the limit) or must be sorted.
func (s *Store) eventSource(ctx context.Context, f *Filter) (from string, extra *where, walk bool, err error) {
	extra = &where{}
	switch {
	case len(f.IDs) > 0 || f.Q != "":
		return "events e", extra, false, nil // the ID list or the text match is the selective part: let SQLite drive from it
	case f.BBox != nil:
		b := f.BBox
		cond, args := bandCond(b)
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM events e INDEXED BY events_band WHERE `+cond+
			` AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ? LIMIT ?)`,
			append(args, b.MinLon, b.MaxLon, b.MinLat, b.MaxLat, boxProbe+1)...).Scan(&n); err != nil {
			return "", nil, false, fmt.Errorf("store: bbox probe: %w", err)
		}
		if n <= boxProbe {
			extra.add(cond, args...)
			return "events e INDEXED BY events_band", extra, false, nil
		}
	}
	if len(f.Types) == 1 {
		return "events e INDEXED BY events_type_date_seq", extra, true, nil
	}
	return "events e INDEXED BY events_date_seq", extra, true, nil
}

const eventSelect = `e.body, e.date_start, e.seq`

// QueryEvents returns one page of the events f selects, newest date first,
// and the cursor of the next page ("" after the last).
func (s *Store) QueryEvents(ctx context.Context, f Filter) ([]*model.Event, string, error) {
	var out []*model.Event
	next, err := s.queryEvents(ctx, f, func(body []byte) error {
		var ev model.Event
		if err := json.Unmarshal(body, &ev); err != nil {
			return fmt.Errorf("event body: %w", err)
		}
		out = append(out, &ev)
		return nil
	})
	return out, next, err
}

// QueryEventsJSON is QueryEvents returning each event's stored JSON as it
// is, for a caller that only re-encodes it (the API's list), which halves
// the work of a large page.
func (s *Store) QueryEventsJSON(ctx context.Context, f Filter) ([]json.RawMessage, string, error) {
	var out []json.RawMessage
	next, err := s.queryEvents(ctx, f, func(body []byte) error {
		out = append(out, json.RawMessage(body))
		return nil
	})
	return out, next, err
}

// queryEvents runs the page query of f and calls fn with each body (which
// fn may keep).
func (s *Store) queryEvents(ctx context.Context, f Filter, fn func(body []byte) error) (string, error) {
	cur, err := decodeCursor(f.Cursor)
	if err != nil {
		return "", err
	}
	from, w, walk, err := s.eventSource(ctx, &f)
	if err != nil {
		return "", err
	}
	if err := s.eventConds(ctx, &f, w); err != nil {
		return "", err
	}
	if cur != nil {
		w.add("(e.date_start, e.seq) < (?, ?)", cur.date, cur.seq)
	}
	limit := f.limit()
	q := `SELECT ` + eventSelect + ` FROM ` + from + w.sql() + ` ORDER BY e.date_start DESC, e.seq DESC LIMIT ?`
	if !walk {
		// The candidates are sorted, not walked in page order: sort only
		// their keys (from the index), then read the bodies of the page.
		q = `SELECT ` + eventSelect + ` FROM events e WHERE e.seq IN (SELECT e.seq FROM ` + from + w.sql() +
			` ORDER BY e.date_start DESC, e.seq DESC LIMIT ?) ORDER BY e.date_start DESC, e.seq DESC`
	}
	args := append(w.args, limit+1)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return "", fmt.Errorf("store: query events: %w", err)
	}
	defer rows.Close()
	var next, lastDate string
	var lastSeq int64
	for n := 0; rows.Next(); n++ {
		if n == limit {
			next = encodeCursor(lastDate, lastSeq)
			break
		}
		var body []byte
		if err := rows.Scan(&body, &lastDate, &lastSeq); err != nil {
			return "", fmt.Errorf("store: query events: %w", err)
		}
		if err := fn(body); err != nil {
			return "", fmt.Errorf("store: query events: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("store: query events: %w", err)
	}
	return next, nil
}

// EachEvent calls fn for every event f selects, newest first, reading in
// pages so that an export of millions of events is streamed. f.Limit and
// f.Cursor are ignored.
func (s *Store) EachEvent(ctx context.Context, f Filter, fn func(*model.Event) error) error {
	f.Limit, f.Cursor = 500, ""
	for {
		page, next, err := s.QueryEvents(ctx, f)
		if err != nil {
			return err
		}
		for _, ev := range page {
			if err := fn(ev); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		f.Cursor = next
	}
}

// Day is one day of the timeline: how many events of each type start on it.
type Day struct {
	Date   string           `json:"date"`
	Counts map[string]int64 `json:"counts"`
}

// Histogram counts the events f selects per start day and type, oldest day
// first. Only events with a full YYYY-MM-DD start date are counted, and
// From/To select start days (an event that began before From is not
// drawn). A filter of only dates and types is answered from the
// event_days table that triggers keep (a few thousand rows however many
// events there are); any other filter counts the matching index entries,
// of the band index when there is a box.
func (s *Store) Histogram(ctx context.Context, f Filter) ([]Day, error) {
	return s.histogram(ctx, f, false)
}

// histogram is Histogram; walkDates forces the plain date-index count (so
// tests can check the other paths against it).
func (s *Store) histogram(ctx context.Context, f Filter, walkDates bool) ([]Day, error) {
	var q string
	var args []any
	simple := f.BBox == nil && len(f.Sides) == 0 && len(f.Weapons) == 0 && f.MinSources <= 0 && len(f.Statuses) == 0 &&
		f.Q == "" && len(f.IDs) == 0
	if simple && !walkDates {
		w := &where{}
		w.add("n > 0 AND length(day) = 10 AND day GLOB '[0-9]*'")
		if f.From != "" {
			w.add("day >= ?", f.From)
		}
		if f.To != "" {
			w.add("day <= ?", f.To)
		}
		w.in("type", f.Types)
		q, args = `SELECT day, type, n FROM event_days`+w.sql()+` ORDER BY day, type`, w.args
	} else {
		g := f
		g.From, g.To = "", "" // start-day semantics, below
		from, w := "events e INDEXED BY events_date_seq", &where{}
		switch {
		case f.Q != "" || len(f.IDs) > 0:
			from = "events e" // the text match or the ID list is the selective part
		case f.BBox != nil && !walkDates:
			from = "events e INDEXED BY events_band"
			cond, bands := bandCond(f.BBox)
			w.add(cond, bands...)
		}
		w.add("length(e.date_start) = 10 AND e.date_start GLOB '[0-9]*'")
		if f.From != "" {
			w.add("e.date_start >= ?", f.From)
		}
		if f.To != "" {
			w.add("e.date_start <= ?", f.To)
		}
		if err := s.eventConds(ctx, &g, w); err != nil {
			return nil, err
		}
		q, args = `SELECT e.date_start, e.type, COUNT(*) FROM `+from+w.sql()+` GROUP BY e.date_start, e.type ORDER BY e.date_start, e.type`, w.args
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: histogram: %w", err)
	}
	defer rows.Close()
	out := []Day{}
	for rows.Next() {
		var day, typ string
		var n int64
		if err := rows.Scan(&day, &typ, &n); err != nil {
			return nil, fmt.Errorf("store: histogram: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Date != day {
			out = append(out, Day{Date: day, Counts: map[string]int64{}})
		}
		out[len(out)-1].Counts[typ] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: histogram: %w", err)
	}
	return out, nil
}

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
