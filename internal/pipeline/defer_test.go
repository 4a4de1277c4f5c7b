package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// eventsOf renders a store's events as their sorted report IDs, one event
// a line, sorted.
func eventsOf(t *testing.T, st *store.Store) string {
	t.Helper()
	members := map[string][]string{}
	if err := st.Reports(context.Background(), func(r *model.Report) error {
		members[r.Event] = append(members[r.Event], r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for ev, ids := range members {
		if ev == "" {
			t.Errorf("reports %v are in no event", ids)
		}
		slices.Sort(ids)
		lines = append(lines, ev+": "+strings.Join(ids, " "))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// ingestCorpus ingests the demo corpus with opts into a new store.
func ingestCorpus(t *testing.T, opts Options) (*store.Store, Summary) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := demo.WriteTo(filepath.Join(dir, "corpus")); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "t.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := New(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Ingest(ctx, []string{filepath.Join(dir, "corpus")})
	if err != nil {
		t.Fatal(err)
	}
	return st, sum
}

// TestMergeEveryGivesTheSameEvents checks that merging once per N
// documents, or once at the end, gives exactly the events of merging in
// every batch, and that the summary counts them.
func TestMergeEveryGivesTheSameEvents(t *testing.T) {
	want, _ := ingestCorpus(t, Options{BatchSize: 7})
	for _, every := range []int{10, 1000} {
		st, sum := ingestCorpus(t, Options{BatchSize: 7, MergeEvery: every})
		if got := eventsOf(t, st); got != eventsOf(t, want) {
			t.Errorf("MergeEvery %d: events differ from merging every batch:\n%s\nwant\n%s", every, got, eventsOf(t, want))
		}
		if n := strings.Count(eventsOf(t, st), "\n") + 1; sum.Events != n {
			t.Errorf("MergeEvery %d: summary counts %d events, the store holds %d", every, sum.Events, n)
		}
	}
}

// TestUnmergedReportsAreMergedOnOpen stores reports without merging them,
// as an ingest that stopped before its merge would leave them, and checks
// that the next pipeline built on the store merges them.
func TestUnmergedReportsAreMergedOnOpen(t *testing.T) {
	want, _ := ingestCorpus(t, Options{BatchSize: 7})
	st, _ := ingestCorpus(t, Options{BatchSize: 7, SkipMerge: true})
	left, err := st.UnmergedReports(context.Background())
	if err != nil || len(left) == 0 {
		t.Fatalf("after a skipped merge: %d unmerged reports, %v", len(left), err)
	}
	if _, err := New(context.Background(), st, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := eventsOf(t, st); got != eventsOf(t, want) {
		t.Errorf("events after recovery differ from merging every batch:\n%s\nwant\n%s", got, eventsOf(t, want))
	}
}
