package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// querier is what both the writer transaction and the read pool offer, so
// the merge stage's reads share one implementation inside and outside a
// batch.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// inChunk bounds the number of "?" in one IN list, well under SQLite's limit.
const inChunk = 300

// eachChunk calls fn with ids in slices of at most inChunk and the matching
// "?, ?, …" placeholder list.
func eachChunk(ids []string, fn func(chunk []any, marks string) error) error {
	for len(ids) > 0 {
		n := min(len(ids), inChunk)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := fn(args, strings.TrimSuffix(strings.Repeat("?, ", n), ", ")); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

func queryReports(ctx context.Context, q querier, query string, args ...any) ([]model.Report, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Report
	for rows.Next() {
		r, _, err := scanReport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}

const reportsInWindow = `SELECT ` + reportColumns + ` WHERE r.type = ? AND r.date_start BETWEEN ? AND ?`

// coarseFilter keeps reports dated only to a month or a year: a short date
// string, or a range of more than three days.
const coarseFilter = ` AND (length(r.date_start) < 10 OR julianday(r.date_end) - julianday(r.date_start) > 3)`

// ReportsStartingBetween returns the reports of one type whose date starts
// between from and to (inclusive, "YYYY-MM-DD"), each with its event; with
// coarseOnly, only those dated to a month or a year. It is the merge
// stage's candidate query; the (type, date_start) index serves it.
func (t *Tx) ReportsStartingBetween(ctx context.Context, typ, from, to string, coarseOnly bool) ([]model.Report, error) {
	q := reportsInWindow
	if coarseOnly {
		q += coarseFilter
	}
	rs, err := queryReports(ctx, t.tx, q, typ, from, to)
	if err != nil {
		return nil, fmt.Errorf("store: reports of %s between %s and %s: %w", typ, from, to, err)
	}
	return rs, nil
}

// ReportsByID returns the stored reports with these IDs, each with its
// event; unknown IDs are skipped.
func (t *Tx) ReportsByID(ctx context.Context, ids []string) ([]model.Report, error) {
	var out []model.Report
	err := eachChunk(ids, func(args []any, marks string) error {
		rs, err := queryReports(ctx, t.tx, `SELECT `+reportColumns+` WHERE r.id IN (`+marks+`)`, args...)
		out = append(out, rs...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: reports by id: %w", err)
	}
	return out, nil
}

const familyReports = `SELECT ` + reportColumns + ` WHERE r.doc_id IN (
 SELECT duplicate_of FROM documents WHERE id IN (%[1]s) AND duplicate_of IS NOT NULL
 UNION SELECT id FROM documents WHERE duplicate_of IN (%[1]s)
 UNION SELECT c.id FROM documents c JOIN documents d ON c.duplicate_of = d.duplicate_of WHERE d.id IN (%[1]s))%[2]s
 ORDER BY r.id LIMIT ` + familyLimit

// familyLimit bounds how many relatives' reports one FamilyReports chunk
// reads: a story reprinted hundreds of times would otherwise be read again
// for every new copy.
const familyLimit = "200"

// FamilyReports returns the reports of the near-duplicate relatives of
// these documents: their originals, their copies and their fellow copies,
// each with its event; with undatedOnly, only those without a date. At most
// familyLimit reports per chunk of documents are returned, smallest IDs first.
func (t *Tx) FamilyReports(ctx context.Context, docIDs []string, undatedOnly bool) ([]model.Report, error) {
	filter := ""
	if undatedOnly {
		filter = ` AND +r.date_start = ''` // unary plus: look reports up by document, not by date
	}
	var out []model.Report
	err := eachChunk(docIDs, func(args []any, marks string) error {
		all := make([]any, 0, 3*len(args))
		all = append(append(append(all, args...), args...), args...)
		rs, err := queryReports(ctx, t.tx, fmt.Sprintf(familyReports, marks, filter), all...)
		out = append(out, rs...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: family reports: %w", err)
	}
	return out, nil
}

// EventReports returns every report of these events, each with its event.
func (t *Tx) EventReports(ctx context.Context, eventIDs []string) ([]model.Report, error) {
	return eventReports(ctx, t.tx, eventIDs)
}

// EventReports returns every report of these events, each with its event.
func (s *Store) EventReports(ctx context.Context, eventIDs []string) ([]model.Report, error) {
	return eventReports(ctx, s.r, eventIDs)
}

func eventReports(ctx context.Context, q querier, eventIDs []string) ([]model.Report, error) {
	var out []model.Report
	err := eachChunk(eventIDs, func(args []any, marks string) error {
		rs, err := queryReports(ctx, q, `SELECT `+reportColumns+` WHERE er.event_id IN (`+marks+`) ORDER BY r.id`, args...)
		out = append(out, rs...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: event reports: %w", err)
	}
	return out, nil
}

// DocumentInfo is what source counting needs to know about a document.
type DocumentInfo struct {
	ID          string
	Publisher   string
	DuplicateOf string
	SourceKind  string // sources.kind of the publisher ("official", "state media", …), "" when unset
}

// DocumentInfos returns the publisher and original of each known document.
func (t *Tx) DocumentInfos(ctx context.Context, ids []string) (map[string]DocumentInfo, error) {
	return documentInfos(ctx, t.tx, ids)
}

// DocumentInfos returns the publisher and original of each known document.
func (s *Store) DocumentInfos(ctx context.Context, ids []string) (map[string]DocumentInfo, error) {
	return documentInfos(ctx, s.r, ids)
}

func documentInfos(ctx context.Context, q querier, ids []string) (map[string]DocumentInfo, error) {
	out := make(map[string]DocumentInfo, len(ids))
	err := eachChunk(ids, func(args []any, marks string) error {
		rows, err := q.QueryContext(ctx, `SELECT d.id, d.publisher, COALESCE(d.duplicate_of, ''), COALESCE(s.kind, '')
 FROM documents d LEFT JOIN sources s ON s.name = d.publisher WHERE d.id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d DocumentInfo
			if err := rows.Scan(&d.ID, &d.Publisher, &d.DuplicateOf, &d.SourceKind); err != nil {
				return err
			}
			out[d.ID] = d
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: document infos: %w", err)
	}
	return out, nil
}

// EventMember is one report's membership of an event: the score and the
// merge stage's explanation (JSON) of why it joined.
type EventMember struct {
	ReportID    string          `json:"report"`
	Score       float64         `json:"score"`
	Explanation json.RawMessage `json:"explanation"`
}

// EventsCreated returns the creation time of each of these events that exists.
func (t *Tx) EventsCreated(ctx context.Context, ids []string) (map[string]time.Time, error) {
	out := make(map[string]time.Time, len(ids))
	err := eachChunk(ids, func(args []any, marks string) error {
		rows, err := t.tx.QueryContext(ctx, `SELECT id, created_at FROM events WHERE id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, at string
			if err := rows.Scan(&id, &at); err != nil {
				return err
			}
			if out[id], err = parseStamp(at); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: events created: %w", err)
	}
	return out, nil
}

// DeleteEvents removes events with their memberships and discrepancies
// (the reports themselves stay).
func (t *Tx) DeleteEvents(ctx context.Context, ids []string) error {
	err := eachChunk(ids, func(args []any, marks string) error {
		for _, q := range []string{
			`DELETE FROM event_reports WHERE event_id IN (` + marks + `)`,
			`DELETE FROM discrepancies WHERE event_id IN (` + marks + `)`,
			`DELETE FROM events WHERE id IN (` + marks + `)`,
		} {
			if _, err := t.tx.ExecContext(ctx, q, args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete events: %w", err)
	}
	return nil
}

const upsertEvent = `INSERT INTO events (id, type, date_start, date_end, attacker_side, lat, lon, independent_sources, status,
 body, created_at, updated_at, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events))
 ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, date_end = excluded.date_end,
 attacker_side = excluded.attacker_side, lat = excluded.lat, lon = excluded.lon,
 independent_sources = excluded.independent_sources, status = excluded.status, body = excluded.body,
 updated_at = excluded.updated_at`

const upsertMember = `INSERT INTO event_reports (report_id, event_id, score, explanation) VALUES (?, ?, ?, ?)
 ON CONFLICT(report_id) DO UPDATE SET event_id = excluded.event_id, score = excluded.score, explanation = excluded.explanation`

// EventWrite is one event to store with its memberships.
type EventWrite struct {
	Event   *model.Event
	Members []EventMember
}

// PutEvents stores events (keeping each row's seq and created_at when it
// exists) and replaces their memberships and discrepancies. A report that
// belonged to another event moves here. Statements are prepared once per
// call, which matters when a batch rewrites hundreds of events.
func (t *Tx) PutEvents(ctx context.Context, evs []EventWrite) error {
	if len(evs) == 0 {
		return nil
	}
	queries := []string{upsertEvent, `DELETE FROM event_reports WHERE event_id = ?`, upsertMember,
		`DELETE FROM discrepancies WHERE event_id = ?`, `INSERT INTO discrepancies (event_id, field, vals) VALUES (?, ?, ?)
 ON CONFLICT(event_id, field) DO UPDATE SET vals = excluded.vals`}
	stmts := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		st, err := t.tx.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("store: put events: %w", err)
		}
		defer st.Close()
		stmts[i] = st
	}
	for _, w := range evs {
		if err := t.putEvent(ctx, stmts, w.Event, w.Members); err != nil {
			return fmt.Errorf("store: put event %s: %w", w.Event.ID, err)
		}
	}
	return nil
}

// PutEvent stores one event; see PutEvents.
func (t *Tx) PutEvent(ctx context.Context, ev *model.Event, members []EventMember) error {
	return t.PutEvents(ctx, []EventWrite{{Event: ev, Members: members}})
}

func (t *Tx) putEvent(ctx context.Context, stmts []*sql.Stmt, ev *model.Event, members []EventMember) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	var side string
	if ev.Attacker != nil {
		side = string(ev.Attacker.Side)
	}
	var lat, lon any
	if l := primaryLocation(ev.Locations); l != nil {
		lat, lon = l.Lat, l.Lon
	}
	created := ev.Created
	if created.IsZero() {
		created = t.now
	}
	if _, err := stmts[0].ExecContext(ctx, ev.ID, string(ev.Type), ev.Date.Start, ev.Date.End, side, lat, lon,
		ev.IndependentSources, string(ev.Status), body, stamp(created), stamp(t.now)); err != nil {
		return err
	}
	if _, err := stmts[1].ExecContext(ctx, ev.ID); err != nil {
		return err
	}
	for _, m := range members {
		expl := m.Explanation
		if len(expl) == 0 {
			expl = json.RawMessage("{}")
		}
		if _, err := stmts[2].ExecContext(ctx, m.ReportID, ev.ID, m.Score, string(expl)); err != nil {
			return fmt.Errorf("member %s: %w", m.ReportID, err)
		}
	}
	if _, err := stmts[3].ExecContext(ctx, ev.ID); err != nil {
		return err
	}
	for _, d := range ev.Discrepancies {
		vals, err := json.Marshal(d.Values)
		if err != nil {
			return err
		}
		if _, err := stmts[4].ExecContext(ctx, ev.ID, d.Field, string(vals)); err != nil {
			return err
		}
	}
	return nil
}

// Event returns the event with this ID, or ErrNotFound.
func (s *Store) Event(ctx context.Context, id string) (*model.Event, error) {
	var body string
	err := s.r.QueryRowContext(ctx, `SELECT body FROM events WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: event %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: event %s: %w", id, err)
	}
	var ev model.Event
	if err := json.Unmarshal([]byte(body), &ev); err != nil {
		return nil, fmt.Errorf("store: event %s: %w", id, err)
	}
	return &ev, nil
}

// EventMembers returns the memberships of one event, by report ID.
func (s *Store) EventMembers(ctx context.Context, eventID string) ([]EventMember, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT report_id, score, explanation FROM event_reports WHERE event_id = ? ORDER BY report_id`, eventID)
	if err != nil {
		return nil, fmt.Errorf("store: members of %s: %w", eventID, err)
	}
	defer rows.Close()
	var out []EventMember
	for rows.Next() {
		var m EventMember
		var expl string
		if err := rows.Scan(&m.ReportID, &m.Score, &expl); err != nil {
			return nil, fmt.Errorf("store: members of %s: %w", eventID, err)
		}
		m.Explanation = json.RawMessage(expl)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: members of %s: %w", eventID, err)
	}
	return out, nil
}

// SetSourceKind labels a publisher ("press", "official", "state media", or
// a longer description containing one of those) for the verification
// ladder, creating the source row if needed.
func (t *Tx) SetSourceKind(ctx context.Context, name, kind string) error {
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO sources (name, kind, first_seen) VALUES (?, ?, ?)
 ON CONFLICT(name) DO UPDATE SET kind = excluded.kind`, name, kind, stamp(t.now)); err != nil {
		return fmt.Errorf("store: set source kind %q: %w", name, err)
	}
	return nil
}

// PublisherEvents returns the events holding a report of a document by
// publisher, directly or as a syndicated copy of one: the events whose
// sources and status depend on how that publisher is labelled.
func (t *Tx) PublisherEvents(ctx context.Context, publisher string) ([]string, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT DISTINCT er.event_id FROM event_reports er
 JOIN reports r ON r.id = er.report_id
 JOIN documents d ON d.id = r.doc_id
 LEFT JOIN documents o ON o.id = d.duplicate_of
 WHERE d.publisher = ? OR o.publisher = ? ORDER BY er.event_id`, publisher, publisher)
	if err != nil {
		return nil, fmt.Errorf("store: events of publisher %q: %w", publisher, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: events of publisher %q: %w", publisher, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events of publisher %q: %w", publisher, err)
	}
	return out, nil
}

// Sources lists every publisher with its label and document count, by name.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT d.publisher, COALESCE(s.kind, ''), COUNT(*) FROM documents d
 LEFT JOIN sources s ON s.name = d.publisher WHERE d.publisher != '' GROUP BY d.publisher ORDER BY d.publisher`)
	if err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		var src Source
		if err := rows.Scan(&src.Name, &src.Kind, &src.Documents); err != nil {
			return nil, fmt.Errorf("store: sources: %w", err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	return out, nil
}

// Source is a publisher as the store knows it.
type Source struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"` // the operator's label, "" when unset
	Documents int    `json:"documents"`
}
