package merge

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

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
	events   map[string]bool // events whose members were fetched
	families map[string]bool // documents whose near-duplicate family was fetched
}

// add puts reports in the neighbourhood and returns the IDs that were new.
func (n *neighbourhood) add(rs []model.Report) (added []string) {
	for _, r := range rs {
		if _, ok := n.reports[r.ID]; !ok {
			added = append(added, r.ID)
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
	n := &neighbourhood{reports: map[string]model.Report{}, events: map[string]bool{}, families: map[string]bool{}}
	got, err := n.gather(ctx, tx, seeds, &cons)
	if err != nil {
		return res, err
	}
	res.Candidates = got

	all := make([]model.Report, 0, len(n.reports))
	oldMembers := map[string][]string{}
	for _, r := range n.reports {
		all = append(all, r)
		if r.Event != "" {
			oldMembers[r.Event] = append(oldMembers[r.Event], r.ID)
		}
	}
	res.Reports = len(all)
	docs, err := docInfos(ctx, tx, all)
	if err != nil {
		return res, err
	}
	cons.Originals = map[string]string{}
	for id, d := range docs {
		if d.DuplicateOf != "" {
			cons.Originals[id] = d.DuplicateOf
		}
	}
	clusters := Partition(all, cons)
	seedSet := map[string]bool{}
	for _, s := range seeds {
		seedSet[s.ID] = true
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
	var writes []store.EventWrite
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
		writes = append(writes, store.EventWrite{Event: &ev, Members: rows})
		res.Events = append(res.Events, c.ID)
	}
	if err := tx.PutEvents(ctx, writes); err != nil {
		return res, err
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

// gather builds the neighbourhood of seeds. It reads the stored reports
// whose dates fall near the seeds' (one query per type and date window),
// then grows the set from the seeds by compatibility inside that window and
// by whole events (and reports tied by analysts' corrections), until
// nothing new joins. Reports far from the seeds are never read, so a batch
// costs the same in a large database as in a small one. It returns how many
// stored reports the window held.
func (n *neighbourhood) gather(ctx context.Context, tx *store.Tx, seeds []model.Report, cons *Constraints) (int, error) {
	window, err := readWindow(ctx, tx, seeds)
	if err != nil {
		return 0, err
	}
	wf := make([]*features, 0, len(window))
	docIDs := make([]string, 0, len(window)+len(seeds))
	for i := range window {
		wf = append(wf, featuresOf(&window[i]))
		docIDs = append(docIDs, window[i].Doc)
	}
	for i := range seeds {
		docIDs = append(docIDs, seeds[i].Doc)
	}
	slices.Sort(docIDs)
	infos, err := tx.DocumentInfos(ctx, slices.Compact(docIDs))
	if err != nil {
		return 0, err
	}
	family := func(doc string) string {
		if d := infos[doc].DuplicateOf; d != "" {
			return d
		}
		return doc
	}
	queue := n.add(seeds)
	for len(queue) > 0 {
		for len(queue) > 0 {
			x := n.reports[queue[len(queue)-1]]
			queue = queue[:len(queue)-1]
			fx := featuresOf(&x)
			if !fx.date.ok {
				continue
			}
			for _, fw := range wf {
				w := fw.r
				if _, in := n.reports[w.ID]; in || w.Type != x.Type || !fw.date.ok || !fx.date.overlapsWithin(fw.date, 1+dateSlack(x.Type)) {
					continue
				}
				if family(w.Doc) == family(x.Doc) || compare(fx, fw, false).Compatible {
					queue = append(queue, n.add([]model.Report{*w})...)
				}
			}
		}
		added, err := n.fetchEvents(ctx, tx, cons)
		if err != nil {
			return 0, err
		}
		queue = added
	}
	return len(window), nil
}

// readWindow reads the stored reports whose dates start near the seeds':
// for each type, the seeds' date ranges widened by the margins and merged
// where they overlap.
func readWindow(ctx context.Context, tx *store.Tx, seeds []model.Report) ([]model.Report, error) {
	type window struct{ lo, hi int }
	type key struct {
		typ    model.EventType
		coarse bool // coarse reports link only to coarse ones: read only those, further back
	}
	wins := map[key][]window{}
	for _, r := range seeds {
		s := dateSpan(r.Date)
		if !s.ok || s.yearless {
			continue // undated and yearless reports link to nothing dated
		}
		m := fineMargin
		if !s.fine {
			m = coarseMargin
		}
		k := key{r.Type, !s.fine}
		wins[k] = append(wins[k], window{s.lo - m - maxSlack, s.hi + maxSlack})
	}
	keys := make([]key, 0, len(wins))
	for k := range wins {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.typ != b.typ {
			return strings.Compare(string(a.typ), string(b.typ))
		}
		if a.coarse == b.coarse {
			return 0
		}
		if a.coarse {
			return 1
		}
		return -1
	})
	var out []model.Report
	for _, k := range keys {
		ws := wins[k]
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
			rs, err := tx.ReportsStartingBetween(ctx, string(k.typ), formatDay(w.lo, false), formatDay(w.hi, false), k.coarse)
			if err != nil {
				return nil, err
			}
			out = append(out, rs...)
		}
	}
	return out, nil
}

// fetchEvents adds every member of the events the neighbourhood touches,
// and the reports an analyst's correction ties to the neighbourhood, and
// returns the IDs it added.
func (n *neighbourhood) fetchEvents(ctx context.Context, tx *store.Tx, cons *Constraints) ([]string, error) {
	var added []string
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
		var got []string
		if len(partners) > 0 {
			slices.Sort(partners)
			rs, err := tx.ReportsByID(ctx, slices.Compact(partners))
			if err != nil {
				return added, err
			}
			got = append(got, n.add(rs)...)
		}
		var evs, dated, undated []string
		for _, r := range n.reports {
			if r.Event != "" && !n.events[r.Event] {
				n.events[r.Event] = true
				evs = append(evs, r.Event)
			}
			if n.families[r.Doc] {
				continue
			}
			n.families[r.Doc] = true
			if dateSpan(r.Date).ok {
				dated = append(dated, r.Doc)
			} else {
				undated = append(undated, r.Doc)
			}
		}
		// Dated relatives of a dated report are in the date window already
		// (gather links them), so only undated relatives are fetched for
		// it; an undated report needs its whole family. This keeps a wire
		// story reprinted a hundred times from being read on every batch.
		for _, f := range []struct {
			docs        []string
			undatedOnly bool
		}{{dated, true}, {undated, false}} {
			if len(f.docs) == 0 {
				continue
			}
			slices.Sort(f.docs)
			rs, err := tx.FamilyReports(ctx, f.docs, f.undatedOnly)
			if err != nil {
				return added, err
			}
			got = append(got, n.add(rs)...)
		}
		if len(evs) > 0 {
			slices.Sort(evs)
			rs, err := tx.EventReports(ctx, evs)
			if err != nil {
				return added, err
			}
			got = append(got, n.add(rs)...)
		}
		added = append(added, got...)
		if len(got) == 0 {
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
