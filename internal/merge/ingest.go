package merge

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Result counts what one merge call changed.
type Result struct {
	Events     []string `json:"events"`     // IDs of events written (created or changed), sorted
	Removed    []string `json:"removed"`    // IDs of events that disappeared into others or were split away
	Reports    int      `json:"reports"`    // reports re-partitioned (new plus neighbours)
	Unchanged  int      `json:"unchanged"`  // neighbouring events left as they were
	Candidates int      `json:"candidates"` // stored reports fetched as candidates
}

// Window margins, in days, around a report's dates for fetching candidate
// neighbours: day-precise reports span at most three days (see dateSpan), a
// month or year report up to a year.
const (
	fineMargin   = 4
	coarseMargin = 370
)

// Reports merges newly stored reports into events, inside tx. Each report
// joins the best compatible existing event or starts one; only the events
// near the new reports (same type, overlapping dates) are re-partitioned and
// re-summarised, so the cost of a batch does not grow with the database.
// Analysts' corrections in force are honoured, so they survive re-ingest.
//
// The partition of the neighbourhood is recomputed with Partition, a pure
// function of the reports it sees, so the same reports ingested in any order
// and in any batches give the same events with the same IDs.
func Reports(ctx context.Context, tx *store.Tx, reports []model.Report) (Result, error) {
	if len(reports) == 0 {
		return Result{}, nil
	}
	ids := make([]string, 0, len(reports))
	for i := range reports {
		ids = append(ids, reports[i].ID)
	}
	// Read the stored copies, which carry the report's current event.
	seeds, err := tx.ReportsByID(ctx, ids)
	if err != nil {
		return Result{}, fmt.Errorf("merge: %w", err)
	}
	if len(seeds) < len(reports) {
		return Result{}, fmt.Errorf("merge: %d of %d reports are not stored; store them first", len(reports)-len(seeds), len(reports))
	}
	res, err := recompute(ctx, tx, seeds)
	if err != nil {
		return res, fmt.Errorf("merge: %w", err)
	}
	return res, nil
}

// neighbourhood is the set of reports a recompute partitions.
type neighbourhood struct {
	reports  map[string]model.Report
	windowed map[string]bool // reports whose date window was fetched
	events   map[string]bool // events whose members were fetched
}

func (n *neighbourhood) add(rs []model.Report) (added int) {
	for _, r := range rs {
		if _, ok := n.reports[r.ID]; !ok {
			added++
		}
		n.reports[r.ID] = r
	}
	return added
}

// recompute re-partitions the neighbourhood of seeds and writes the events
// that changed.
func recompute(ctx context.Context, tx *store.Tx, seeds []model.Report) (Result, error) {
	var res Result
	corrections, err := tx.ActiveCorrections(ctx)
	if err != nil {
		return res, err
	}
	cons, err := constraintsOf(corrections)
	if err != nil {
		return res, err
	}
	n := &neighbourhood{reports: map[string]model.Report{}, windowed: map[string]bool{}, events: map[string]bool{}}
	n.add(seeds)
	// Two rounds: the seeds' neighbours and their events, then the
	// neighbours of those events, so that a report that bridges two events
	// sees everything either could link to.
	for round := 0; round < 2; round++ {
		got, err := n.expand(ctx, tx, &cons)
		if err != nil {
			return res, err
		}
		res.Candidates += got
		if got == 0 {
			break
		}
	}
	// A last pass fetches whole events for anything the window added.
	if _, err := n.fetchEvents(ctx, tx, &cons); err != nil {
		return res, err
	}

	all := make([]model.Report, 0, len(n.reports))
	oldMembers := map[string][]string{}
	for _, r := range n.reports {
		all = append(all, r)
		if r.Event != "" {
			oldMembers[r.Event] = append(oldMembers[r.Event], r.ID)
		}
	}
	res.Reports = len(all)
	clusters := Partition(all, cons)
	seedSet := map[string]bool{}
	for _, s := range seeds {
		seedSet[s.ID] = true
	}
	docs, err := docInfos(ctx, tx, all)
	if err != nil {
		return res, err
	}
	var oldIDs []string
	for id := range oldMembers {
		oldIDs = append(oldIDs, id)
	}
	created, err := tx.EventsCreated(ctx, oldIDs)
	if err != nil {
		return res, err
	}
	keep := map[string]bool{}
	for _, c := range clusters {
		keep[c.ID] = true
		old := oldMembers[c.ID]
		slices.Sort(old)
		if slices.Equal(old, c.Reports) && !slices.ContainsFunc(c.Reports, func(id string) bool { return seedSet[id] }) {
			res.Unchanged++
			continue
		}
		members := make([]model.Report, 0, len(c.Reports))
		for _, id := range c.Reports {
			members = append(members, n.reports[id])
		}
		ev := Summarise(c.ID, members, docs)
		ev.Created = created[c.ID]
		ev.Updated = tx.Now()
		if ev.Created.IsZero() {
			ev.Created = tx.Now()
		}
		rows := make([]store.EventMember, 0, len(c.Reports))
		for _, id := range c.Reports {
			j := c.Joins[id]
			b, err := json.Marshal(j)
			if err != nil {
				return res, err
			}
			rows = append(rows, store.EventMember{ReportID: id, Score: j.Score.Total, Explanation: b})
		}
		if err := tx.PutEvent(ctx, &ev, rows); err != nil {
			return res, err
		}
		res.Events = append(res.Events, c.ID)
	}
	slices.Sort(res.Events)
	var gone []string
	for _, id := range oldIDs {
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	res.Removed = gone
	// Vanished events lose only rows PutEvent did not already move.
	if err := tx.DeleteEvents(ctx, gone); err != nil {
		return res, err
	}
	return res, nil
}

// expand fetches date-window candidates of every report not yet windowed,
// then the whole events of everything fetched. It returns how many reports
// were new to the neighbourhood.
func (n *neighbourhood) expand(ctx context.Context, tx *store.Tx, cons *Constraints) (int, error) {
	type window struct{ lo, hi int }
	wins := map[model.EventType][]window{}
	for id, r := range n.reports {
		if n.windowed[id] {
			continue
		}
		n.windowed[id] = true
		s := dateSpan(r.Date)
		if !s.ok || s.yearless {
			continue // undated and yearless reports are fetched with their events only
		}
		m := fineMargin
		if !s.fine {
			m = coarseMargin
		}
		wins[r.Type] = append(wins[r.Type], window{s.lo - m, s.hi})
	}
	added := 0
	for typ, ws := range wins {
		// Merge overlapping windows so each stored report is read once.
		slices.SortFunc(ws, func(a, b window) int { return a.lo - b.lo })
		merged := ws[:1]
		for _, w := range ws[1:] {
			last := &merged[len(merged)-1]
			if w.lo <= last.hi+1 {
				last.hi = max(last.hi, w.hi)
				continue
			}
			merged = append(merged, w)
		}
		for _, w := range merged {
			rs, err := tx.ReportsStartingBetween(ctx, string(typ), formatDay(w.lo, false), formatDay(w.hi, false))
			if err != nil {
				return 0, err
			}
			added += n.add(rs)
		}
	}
	got, err := n.fetchEvents(ctx, tx, cons)
	return added + got, err
}

// fetchEvents adds every member of the events the neighbourhood touches,
// and the reports an analyst's correction ties to the neighbourhood.
func (n *neighbourhood) fetchEvents(ctx context.Context, tx *store.Tx, cons *Constraints) (int, error) {
	added := 0
	for {
		var partners []string
		for _, pairs := range [][][2]string{cons.MustLink, cons.CannotLink} {
			for _, p := range pairs {
				_, a := n.reports[p[0]]
				_, b := n.reports[p[1]]
				if a && !b {
					partners = append(partners, p[1])
				} else if b && !a {
					partners = append(partners, p[0])
				}
			}
		}
		if len(partners) > 0 {
			rs, err := tx.ReportsByID(ctx, partners)
			if err != nil {
				return added, err
			}
			added += n.add(rs)
		}
		var evs []string
		for _, r := range n.reports {
			if r.Event != "" && !n.events[r.Event] {
				n.events[r.Event] = true
				evs = append(evs, r.Event)
			}
		}
		if len(evs) == 0 {
			return added, nil
		}
		slices.Sort(evs)
		rs, err := tx.EventReports(ctx, evs)
		if err != nil {
			return added, err
		}
		got := n.add(rs)
		added += got
		if got == 0 && len(partners) == 0 {
			return added, nil
		}
	}
}

// docInfos loads publishers and originals of the reports' documents and of
// those documents' originals.
func docInfos(ctx context.Context, tx *store.Tx, rs []model.Report) (map[string]DocInfo, error) {
	var ids []string
	for i := range rs {
		ids = append(ids, rs[i].Doc)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	infos, err := tx.DocumentInfos(ctx, ids)
	if err != nil {
		return nil, err
	}
	var originals []string
	for _, d := range infos {
		if d.DuplicateOf != "" {
			if _, ok := infos[d.DuplicateOf]; !ok {
				originals = append(originals, d.DuplicateOf)
			}
		}
	}
	if len(originals) > 0 {
		more, err := tx.DocumentInfos(ctx, originals)
		if err != nil {
			return nil, err
		}
		for k, v := range more {
			infos[k] = v
		}
	}
	out := make(map[string]DocInfo, len(infos))
	for k, v := range infos {
		out[k] = DocInfo{Publisher: v.Publisher, DuplicateOf: v.DuplicateOf, Kind: v.SourceKind}
	}
	return out, nil
}
