package store

import (
	"context"
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
