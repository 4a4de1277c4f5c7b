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

// rtreeProbe is how many R*Tree hits a bounding box may have before the
// event list stops driving the query from the spatial index and walks the
// date index instead, checking the box row by row. Below it the box is
// selective (sorting a few thousand rows is cheap); above it matches are
// dense enough that a date walk finds a page of them quickly.
const rtreeProbe = 4000

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

// eventSource picks the table expression that drives an event query: the
// spatial index for a selective box, the (type, date) index for one type,
// and the date index otherwise, so that a page of newest matches is found
// by walking one index backwards and stopping at the limit.
func (s *Store) eventSource(ctx context.Context, f *Filter) (string, []any, error) {
	switch {
	case len(f.IDs) > 0 || f.Q != "":
		return "events e", nil, nil // the ID list or the text match is the selective part: let SQLite drive from it
	case f.BBox != nil:
		b := f.BBox
		const box = `SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?`
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+box+` LIMIT ?)`,
			b.MinLat, b.MaxLat, b.MinLon, b.MaxLon, rtreeProbe+1).Scan(&n); err != nil {
			return "", nil, fmt.Errorf("store: bbox probe: %w", err)
		}
		if n <= rtreeProbe {
			return boxJoin, []any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}, nil
		}
	}
	if len(f.Types) == 1 {
		return "events e INDEXED BY events_type_date_seq", nil, nil
	}
	return "events e INDEXED BY events_date_seq", nil, nil
}

const eventSelect = `e.body, e.date_start, e.seq`

// boxJoin drives an event query from the R*Tree entries inside a box.
const boxJoin = `(SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?) AS bx
 CROSS JOIN events e ON e.seq = bx.id`

// boxOnly reports whether every condition of f can be tested on the R*Tree
// entry alone (box, type, start day): then a page is chosen without
// touching the events table, whose rows are far larger.
func boxOnly(f *Filter) bool {
	return f.BBox != nil && f.From == "" && len(f.Sides) == 0 && len(f.Weapons) == 0 && f.MinSources <= 0 &&
		len(f.Statuses) == 0 && f.Q == "" && len(f.IDs) == 0
}

// boxPage is the page query of a selective box whose filter is boxOnly:
// candidates are sorted on the R*Tree's own day column, and only the page's
// bodies are read. (Its 32-bit bounds can admit a point within about a
// metre outside the box; the other paths re-check exactly.)
func boxPage(f *Filter, cur *cursor, limit int) (string, []any) {
	b := f.BBox
	w := &where{}
	w.add("max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	w.in("type", f.Types)
	if f.To != "" {
		w.add("day <= ?", f.To)
	}
	if cur != nil {
		w.add("(day, id) < (?, ?)", cur.date, cur.seq)
	}
	return `SELECT ` + eventSelect + ` FROM events e WHERE e.seq IN (SELECT id FROM events_rtree` + w.sql() +
		` ORDER BY day DESC, id DESC LIMIT ?) ORDER BY e.date_start DESC, e.seq DESC`, append(w.args, limit+1)
}

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
	from, fromArgs, err := s.eventSource(ctx, &f)
	if err != nil {
		return "", err
	}
	w := &where{args: fromArgs}
	if err := s.eventConds(ctx, &f, w); err != nil {
		return "", err
	}
	if cur != nil {
		w.add("(e.date_start, e.seq) < (?, ?)", cur.date, cur.seq)
	}
	limit := f.limit()
	q, args := `SELECT `+eventSelect+` FROM `+from+w.sql()+` ORDER BY e.date_start DESC, e.seq DESC LIMIT ?`, append(w.args, limit+1)
	switch {
	case from == boxJoin && boxOnly(&f):
		q, args = boxPage(&f, cur, limit)
	case !strings.Contains(from, "INDEXED BY"):
		// The candidates are sorted, not walked in index order: sort only
		// their keys, then read the bodies of the page that survives.
		q = `SELECT ` + eventSelect + ` FROM events e WHERE e.seq IN (SELECT e.seq FROM ` + from + w.sql() +
			` ORDER BY e.date_start DESC, e.seq DESC LIMIT ?) ORDER BY e.date_start DESC, e.seq DESC`
	}
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
// drawn). The cheapest of three sources answers:
//
//   - dates and types only: the event_days table that triggers keep, a few
//     thousand rows however many events there are;
//   - a box plus dates and types: the R*Tree alone, whose entries carry day
//     and type (its 32-bit bounds can admit a point within about a metre
//     outside the box);
//   - anything else: the matching events, read from the covering index
//     (driven by the R*Tree when there is a box).
func (s *Store) Histogram(ctx context.Context, f Filter) ([]Day, error) {
	return s.histogram(ctx, f, false)
}

func (s *Store) histogram(ctx context.Context, f Filter, forceScan bool) ([]Day, error) {
	var q string
	var args []any
	simple := len(f.Sides) == 0 && len(f.Weapons) == 0 && f.MinSources <= 0 && len(f.Statuses) == 0 && f.Q == "" && len(f.IDs) == 0
	days := &where{}
	days.add("length(%[1]s) = 10 AND %[1]s GLOB '[0-9]*'")
	if f.From != "" {
		days.add("%[1]s >= ?", f.From)
	}
	if f.To != "" {
		days.add("%[1]s <= ?", f.To)
	}
	dayConds := func(col string) *where {
		w := &where{args: append([]any(nil), days.args...)}
		for _, c := range days.conds {
			w.conds = append(w.conds, fmt.Sprintf(c, col))
		}
		return w
	}
	switch {
	case simple && f.BBox == nil && !forceScan:
		w := dayConds("day")
		w.add("n > 0")
		w.in("type", f.Types)
		q, args = `SELECT day, type, n FROM event_days`+w.sql()+` ORDER BY day, type`, w.args
	case simple && !forceScan:
		b := f.BBox
		w := dayConds("day")
		w.add("max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		w.in("type", f.Types)
		q, args = `SELECT day, type, COUNT(*) FROM events_rtree`+w.sql()+` GROUP BY day, type ORDER BY day, type`, w.args
	default:
		g := f
		g.From, g.To = "", "" // start-day semantics, below
		from := "events e INDEXED BY events_date_seq"
		var fromArgs []any
		if f.Q != "" || len(f.IDs) > 0 {
			from = "events e" // the text match or the ID list is the selective part
		}
		if b := f.BBox; b != nil {
			from = boxJoin
			fromArgs = []any{b.MinLat, b.MaxLat, b.MinLon, b.MaxLon}
		}
		w := dayConds("e.date_start")
		w.args = append(fromArgs, w.args...)
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
