package merge_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// eventMismatch lists how one stored event differs from its gold event.
type eventMismatch struct {
	key   string
	event string
	diffs []string
}

// goldEvents is a corpus's ground truth as compareEvents reads it: the
// events each document reports (by the test's document key) and each
// event's expected figures.
type goldEvents struct {
	docs   map[string][]string
	events map[string]expectedEvent
}

// compareEvents matches every gold event with the stored event that holds
// most of its documents' reports, and lists what differs:
// (a) the reports of the event's documents must form exactly one stored
// event, with no report of a document that does not report the gold event;
// (b) the independent-source count; (c) the status; (d) every discrepant
// field listed in a conflicting discrepancy, and no conflict on another
// figure.
func compareEvents(t *testing.T, st *store.Store, gold goldEvents, keyOf map[string]string) []eventMismatch {
	t.Helper()
	ctx := context.Background()
	type rep struct{ id, key, event, sentence string }
	var reps []rep
	err := st.Reports(ctx, func(r *model.Report) error {
		reps = append(reps, rep{r.ID, keyOf[r.Doc], r.Event, r.Source.Sentence})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(gold.events))
	for k := range gold.events {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []eventMismatch
	for _, key := range keys {
		ge := gold.events[key]
		m := eventMismatch{key: key}
		// Stored events holding reports of documents that report only this
		// event, and of documents that report it among others.
		only, any := map[string]int{}, map[string]int{}
		for _, r := range reps {
			evs := gold.docs[r.key]
			if !slices.Contains(evs, key) {
				continue
			}
			any[r.event]++
			if len(evs) == 1 {
				only[r.event]++
			}
		}
		pick := only
		if len(only) == 0 {
			pick = any
		}
		for ev, n := range pick {
			if m.event == "" || n > pick[m.event] || (n == pick[m.event] && ev < m.event) {
				m.event = ev
			}
		}
		if m.event == "" {
			m.diffs = append(m.diffs, "no stored event holds a report of its documents")
			out = append(out, m)
			continue
		}
		// (a) partition.
		for _, r := range reps {
			evs := gold.docs[r.key]
			switch {
			case len(evs) == 1 && evs[0] == key && r.event != m.event:
				m.diffs = append(m.diffs, fmt.Sprintf("report %s of %s is in %s: %q", r.id, r.key, r.event, r.sentence))
			case r.event == m.event && !slices.Contains(evs, key):
				m.diffs = append(m.diffs, fmt.Sprintf("holds report %s of %s (gold %v): %q", r.id, r.key, evs, r.sentence))
			}
		}
		for _, d := range ge.Documents {
			found := false
			for _, r := range reps {
				found = found || (r.key == d && r.event == m.event)
			}
			if !found {
				m.diffs = append(m.diffs, "no report of document "+d)
			}
		}
		e, err := st.Event(ctx, m.event)
		if err != nil {
			t.Fatal(err)
		}
		// (b) sources, (c) status.
		if e.IndependentSources != ge.IndependentSources {
			m.diffs = append(m.diffs, fmt.Sprintf("independent sources %d, want %d (publishers %v)", e.IndependentSources, ge.IndependentSources, e.Publishers))
		}
		if string(e.Status) != ge.Status {
			m.diffs = append(m.diffs, fmt.Sprintf("status %s, want %s (%s)", e.Status, ge.Status, e.StatusReason))
		}
		// (d) discrepancies.
		for _, f := range ge.Discrepant {
			i := slices.IndexFunc(e.Discrepancies, func(d model.Discrepancy) bool { return d.Field == f })
			switch {
			case i < 0:
				m.diffs = append(m.diffs, fmt.Sprintf("no discrepancy on %s (headline %+v)", f, e.Headline[f]))
			case !e.Discrepancies[i].Conflict:
				m.diffs = append(m.diffs, fmt.Sprintf("discrepancy on %s not flagged a conflict: %v", f, valuesOf(e.Discrepancies[i])))
			}
		}
		for _, d := range e.Discrepancies {
			if d.Conflict && slices.Contains(numericFields, d.Field) && !slices.Contains(ge.Discrepant, d.Field) {
				m.diffs = append(m.diffs, fmt.Sprintf("unexpected conflict on %s: %s", d.Field, valuesOf(d)))
			}
		}
		if len(m.diffs) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// numericFields are the figure fields the gold lists conflicts for; date,
// place and attacker disagreements are not part of the gold.
var numericFields = []string{
	"killed", "injured", "children_killed", "children_injured", "drones_launched", "drones_intercepted",
	"missiles_launched", "missiles_intercepted", "glide_bombs", "settlements", "explosions",
}

// valuesOf prints a discrepancy's values compactly.
func valuesOf(d model.Discrepancy) string {
	var b strings.Builder
	for _, v := range d.Values {
		fmt.Fprintf(&b, "[%v %s %s] ", v.Value, v.Qualifier, v.Publisher)
	}
	return strings.TrimSpace(b.String())
}

// checkEvents fails on every mismatch of a gold event: its partition,
// independent sources, status and conflicts must all be as the gold says.
func checkEvents(t *testing.T, st *store.Store, gold goldEvents, keyOf map[string]string) {
	t.Helper()
	ms := compareEvents(t, st, gold, keyOf)
	t.Logf("%d of %d gold events match in partition, sources, status and conflicts", len(gold.events)-len(ms), len(gold.events))
	for _, m := range ms {
		t.Errorf("event %s (stored %s):\n\t%s", m.key, m.event, strings.Join(m.diffs, "\n\t"))
	}
}
