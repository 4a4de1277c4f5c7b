package merge

import (
	"cmp"
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
	reports map[string]model.Report
	events  map[string]bool // events whose members were fetched
	// Documents whose near-duplicate family was fetched: whole (for an
	// undated report) or into the candidate pool (for a dated one).
	families, familiesPooled map[string]bool
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
	n := &neighbourhood{reports: map[string]model.Report{}, events: map[string]bool{}, families: map[string]bool{}, familiesPooled: map[string]bool{}}
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

// gather builds the neighbourhood of seeds: the smallest set of reports
// that holds the seeds and is closed under every link Partition can make —
// compatibility, near-duplicate families, events, and analysts'
// corrections. Partition of a closed set gives its reports the same events
// as Partition of the whole database, which is what makes the result
// independent of the order and batches reports arrive in.
//
// Closure must follow links however far they lead: a run of overnight
// reports at one city, each night overlapping the next, is one connected
// chain, and which nights pair up into events is decided along the whole
// chain. So the stored candidates are read per report as the set grows —
// for every report that joins, the reports of its type whose dates start
// near its own (one query per type and uncovered date window) — not only
// near the seeds. Reports far from the neighbourhood are never read, so a
// batch costs the same in a large database as in a small one. It returns
// how many stored candidates were read.
func (n *neighbourhood) gather(ctx context.Context, tx *store.Tx, seeds []model.Report, cons *Constraints) (int, error) {
	pool := &candidates{read: map[windowKey][]dayRange{}, seen: map[string]bool{}, infos: map[string]store.DocumentInfo{}}
	reach := reachOf(seeds)
	// link adds to the neighbourhood the candidates x links to, as
	// Partition would link them (or more: a near-duplicate dated near x is
	// linked whatever its place), and returns the IDs it added.
	link := func(x *model.Report, cands dateIndex) []string {
		fx := featuresOf(x)
		if !fx.date.ok {
			return nil // undated reports link only to their family, fetched whole
		}
		var added []string
		slack := 1 + dateSlack(x.Type)
		cands.near(fx.date, slack, func(fw *features) {
			w := fw.r
			if w.Type != x.Type || !fw.date.ok || !fx.date.overlapsWithin(fw.date, slack) || !reach.holds(fw.date) {
				return
			}
			if _, in := n.reports[w.ID]; in {
				return
			}
			if pool.family(w.Doc) == pool.family(x.Doc) || compare(fx, fw, false).Compatible {
				added = append(added, n.add([]model.Report{*w})...)
			}
		})
		return added
	}
	// Each round compares the reports that joined last round with every
	// candidate, and the reports compared before with the candidates read
	// since: a relative fetched with a family may have been read after the
	// report it links to was compared.
	queue := n.add(seeds)
	var done []string // compared with pool.fs[:mark]
	mark := 0
	for {
		if len(queue) == 0 {
			added, err := n.fetchEvents(ctx, tx, cons, pool)
			if err != nil {
				return 0, err
			}
			if queue = added; len(queue) == 0 && len(pool.fs) == mark {
				break
			}
		}
		batch := make([]model.Report, 0, len(queue))
		for _, id := range queue {
			batch = append(batch, n.reports[id])
		}
		// The stored reports that can link to a queued one by
		// compatibility are read before it is compared.
		if err := pool.readNear(ctx, tx, batch); err != nil {
			return 0, err
		}
		if err := pool.loadInfos(ctx, tx, batch); err != nil {
			return 0, err
		}
		var next []string
		fresh, all := indexDates(pool.fs[mark:]), indexDates(pool.fs)
		for _, id := range done {
			x := n.reports[id]
			next = append(next, link(&x, fresh)...)
		}
		for i := range batch {
			next = append(next, link(&batch[i], all)...)
		}
		done = append(done, queue...)
		mark = len(pool.fs)
		queue = next
	}
	return len(pool.fs), nil
}

// windowKey selects the stored reports one window query reads.
type windowKey struct {
	typ      model.EventType
	coarse   bool // coarse reports link only to coarse ones: read only those, further back
	yearless bool // yearless dates ("--07-03") link only to yearless ones
}

// dayRange is a closed interval of day numbers.
type dayRange struct{ lo, hi int }

// candidates is the pool of stored reports gather compares the
// neighbourhood with: the reports read by date window, and the dated
// relatives of the neighbourhood's documents.
type candidates struct {
	read  map[windowKey][]dayRange // windows read so far, sorted and disjoint
	fs    []*features
	seen  map[string]bool
	infos map[string]store.DocumentInfo
}

// windowOf is where the stored reports that can link to a report dated s
// start: a compatible report overlaps s within maxSlack days, a copy within
// 1+maxSlack, and a report's start may lie after its end (dateSpan puts a
// reversed range in order), so the window reaches a report's longest span
// (dateSpan: three days for day precision, a year for month or year) past
// either end.
func windowOf(typ model.EventType, s span) (windowKey, dayRange, bool) {
	if !s.ok {
		return windowKey{}, dayRange{}, false
	}
	m := fineMargin
	if !s.fine {
		m = coarseMargin
	}
	w := dayRange{s.lo - m - maxSlack - 1, s.hi + m + maxSlack + 1}
	if s.yearless { // yearless dates sit in the year 2000 and never wrap
		first, _, _ := dayNumber("2000-01-01", false)
		last, _, _ := dayNumber("2000-12-31", false)
		w.lo, w.hi = max(w.lo, first), min(w.hi, last)
	}
	return windowKey{typ: typ, coarse: !s.fine, yearless: s.yearless}, w, true
}

// readNear reads the stored reports whose dates start near the reports',
// skipping windows read before, and adds them to the pool.
func (c *candidates) readNear(ctx context.Context, tx *store.Tx, rs []model.Report) error {
	need := map[windowKey][]dayRange{}
	for i := range rs {
		k, w, ok := windowOf(rs[i].Type, dateSpan(rs[i].Date))
		if !ok {
			continue
		}
		need[k] = append(need[k], uncovered(c.read[k], w)...)
	}
	keys := make([]windowKey, 0, len(need))
	for k := range need {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b windowKey) int {
		return cmp.Or(strings.Compare(string(a.typ), string(b.typ)), cmpBool(a.coarse, b.coarse), cmpBool(a.yearless, b.yearless))
	})
	for _, k := range keys {
		for _, w := range mergeRanges(need[k]) {
			rs, err := tx.ReportsStartingBetween(ctx, string(k.typ), formatDay(w.lo, k.yearless), formatDay(w.hi, k.yearless), k.coarse)
			if err != nil {
				return err
			}
			c.add(rs)
		}
		c.read[k] = mergeRanges(append(c.read[k], need[k]...))
	}
	return nil
}

// add puts reports in the pool, once each.
func (c *candidates) add(rs []model.Report) {
	for i := range rs {
		if c.seen[rs[i].ID] {
			continue
		}
		c.seen[rs[i].ID] = true
		r := rs[i]
		c.fs = append(c.fs, featuresOf(&r))
	}
}

// loadInfos reads the document records of the pool's and the reports'
// documents not read yet.
func (c *candidates) loadInfos(ctx context.Context, tx *store.Tx, rs []model.Report) error {
	var ids []string
	for _, f := range c.fs {
		if _, ok := c.infos[f.r.Doc]; !ok {
			ids = append(ids, f.r.Doc)
		}
	}
	for i := range rs {
		if _, ok := c.infos[rs[i].Doc]; !ok {
			ids = append(ids, rs[i].Doc)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	infos, err := tx.DocumentInfos(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		c.infos[id] = infos[id] // unknown documents too, so they are not asked for again
	}
	return nil
}

// family names a document's family of near-duplicates by its original.
func (c *candidates) family(doc string) string {
	if d := c.infos[doc].DuplicateOf; d != "" {
		return d
	}
	return doc
}

// uncovered returns the parts of w that the sorted, disjoint ranges read
// do not cover.
func uncovered(read []dayRange, w dayRange) []dayRange {
	var out []dayRange
	lo := w.lo
	for _, r := range read {
		if r.hi < lo {
			continue
		}
		if r.lo > w.hi {
			break
		}
		if r.lo > lo {
			out = append(out, dayRange{lo, r.lo - 1})
		}
		lo = max(lo, r.hi+1)
		if lo > w.hi {
			return out
		}
	}
	if lo <= w.hi {
		out = append(out, dayRange{lo, w.hi})
	}
	return out
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(ws []dayRange) []dayRange {
	if len(ws) == 0 {
		return nil
	}
	ws = slices.Clone(ws)
	slices.SortFunc(ws, func(a, b dayRange) int { return cmp.Compare(a.lo, b.lo) })
	merged := ws[:1]
	for _, w := range ws[1:] {
		last := &merged[len(merged)-1]
		if w.lo <= last.hi+1 {
			last.hi = max(last.hi, w.hi)
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// fetchEvents adds every member of the events the neighbourhood touches,
// and the reports an analyst's correction ties to the neighbourhood, and
// returns the IDs it added.
func (n *neighbourhood) fetchEvents(ctx context.Context, tx *store.Tx, cons *Constraints, pool *candidates) ([]string, error) {
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
			// Per report, not per document: a document with a dated and
			// an undated report needs both fetches, whichever is seen first.
			switch {
			case !dateSpan(r.Date).ok && !n.families[r.Doc]:
				n.families[r.Doc] = true
				undated = append(undated, r.Doc)
			case dateSpan(r.Date).ok && !n.familiesPooled[r.Doc]:
				n.familiesPooled[r.Doc] = true
				dated = append(dated, r.Doc)
			}
		}
		// An undated report links only to its family: it needs the whole
		// family. A dated report's undated relatives join it the same way;
		// its dated relatives are candidates that gather links when they
		// are dated near it — most are in its date window already, but a
		// reprint dated to the month of a day-dated original is not.
		if len(undated) > 0 {
			slices.Sort(undated)
			rs, err := tx.FamilyReports(ctx, undated, false)
			if err != nil {
				return added, err
			}
			got = append(got, n.add(rs)...)
		}
		if len(dated) > 0 {
			slices.Sort(dated)
			rs, err := tx.FamilyReports(ctx, dated, false)
			if err != nil {
				return added, err
			}
			var undatedRel []model.Report
			for _, r := range rs {
				if dateSpan(r.Date).ok {
					pool.add([]model.Report{r})
				} else {
					undatedRel = append(undatedRel, r)
				}
			}
			got = append(got, n.add(undatedRel)...)
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

// ChainDays bounds how far, in days beyond the new reports' own dates, the
// neighbourhood follows a chain of compatible reports. A city struck night
// after night forms one chain (each overnight range overlaps the next
// day's reports), and without a bound every batch naming that city would
// re-partition its whole history, so ingest would slow as the database
// grew. Within the bound, events are exactly those of Partition over all
// reports whatever the order and batches (TestOrderNightChain follows a
// 14-night chain); a longer chain may be cut differently depending on
// arrival.
const ChainDays = 21

// reachSpan is the day range the neighbourhood may extend over.
type reachSpan struct {
	lo, hi int
	all    bool // no seed is dated: nothing to bound by
}

// reachOf is the seeds' dates widened by ChainDays on each side.
func reachOf(seeds []model.Report) reachSpan {
	r := reachSpan{all: true}
	for i := range seeds {
		s := dateSpan(seeds[i].Date)
		if !s.ok || s.yearless {
			continue
		}
		if r.all {
			r = reachSpan{lo: s.lo, hi: s.hi}
			continue
		}
		r.lo, r.hi = min(r.lo, s.lo), max(r.hi, s.hi)
	}
	r.lo -= ChainDays
	r.hi += ChainDays
	return r
}

// holds reports whether a candidate dated s lies within reach.
func (r reachSpan) holds(s span) bool {
	return r.all || s.yearless || s.lo <= r.hi && r.lo <= s.hi
}

// dateIndex finds the candidates whose dates may lie near a report's:
// day-precise spans of a few days sorted by their start, searched by
// range, and the rest (coarse, yearless or long spans), always visited.
// It saves comparing every report of a large batch with every candidate.
type dateIndex struct {
	short []*features // fine spans of at most shortSpan days, by date.lo
	rest  []*features
}

// shortSpan is the longest span, in days, kept in dateIndex.short.
const shortSpan = 4

func indexDates(fs []*features) dateIndex {
	var ix dateIndex
	for _, f := range fs {
		if f.date.ok && f.date.fine && !f.date.yearless && f.date.hi-f.date.lo <= shortSpan {
			ix.short = append(ix.short, f)
		} else {
			ix.rest = append(ix.rest, f)
		}
	}
	slices.SortStableFunc(ix.short, func(a, b *features) int { return cmp.Compare(a.date.lo, b.date.lo) })
	return ix
}

// near calls fn for every candidate that can overlap s within slack days
// (and for every candidate outside the short list).
func (ix dateIndex) near(s span, slack int, fn func(*features)) {
	lo := s.lo - slack - shortSpan
	i, _ := slices.BinarySearchFunc(ix.short, lo, func(f *features, t int) int { return cmp.Compare(f.date.lo, t) })
	for ; i < len(ix.short) && ix.short[i].date.lo <= s.hi+slack; i++ {
		fn(ix.short[i])
	}
	for _, f := range ix.rest {
		fn(f)
	}
}
