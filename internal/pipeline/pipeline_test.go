package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// ingestDemo ingests the demo corpus into a fresh database, its inputs in
// the order given by order (a permutation of the corpus's files).
func ingestDemo(t *testing.T, order func([]string)) (*store.Store, Summary) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := demo.WriteTo(filepath.Join(dir, "corpus")); err != nil {
		t.Fatal(err)
	}
	var files []string
	if err := source.Walk(ctx, []string{filepath.Join(dir, "corpus")}, source.Options{}, func(in source.Input, err error) error {
		files = append(files, in.Name)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	order(files)
	st, err := store.Open(ctx, filepath.Join(dir, "t.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := New(ctx, st, Options{BatchSize: 7}) // small batches: merging must not depend on batch edges
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Ingest(ctx, files)
	if err != nil {
		t.Fatal(err)
	}
	return st, sum
}

func TestDemoCorpusOffsetsPointAtTheirText(t *testing.T) {
	ctx := context.Background()
	st, sum := ingestDemo(t, func([]string) {})
	if sum.Failed != 0 || sum.New == 0 || sum.Reports == 0 {
		t.Fatalf("ingest summary = %+v, want documents and reports and no failures", sum)
	}
	events := 0
	if err := st.EachEvent(ctx, store.Filter{}, func(*model.Event) error { events++; return nil }); err != nil {
		t.Fatal(err)
	}
	if sum.Events != events || len(sum.EventIDs) != events {
		t.Errorf("summary: %d events touched, %d event IDs; the database holds %d events", sum.Events, len(sum.EventIDs), events)
	}
	texts := map[string][]rune{}
	if err := st.Documents(ctx, func(d *model.Document) error {
		texts[d.ID] = []rune(d.Text)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := st.Reports(ctx, func(r *model.Report) error {
		n++
		text, ok := texts[r.Doc]
		if !ok {
			t.Errorf("report %s cites unknown document %s", r.ID, r.Doc)
			return nil
		}
		span := func(what string, start, end int, want string) {
			if start < 0 || end > len(text) || start > end {
				t.Errorf("report %s %s: span %d..%d outside text of %d characters", r.ID, what, start, end, len(text))
				return
			}
			if got := string(text[start:end]); got != want {
				t.Errorf("report %s %s: text[%d:%d] = %q, want %q", r.ID, what, start, end, got, want)
			}
		}
		span("sentence", r.Source.Start, r.Source.End, r.Source.Sentence)
		for _, f := range r.Facts {
			span("fact "+f.Field, f.Start, f.End, f.Text)
		}
		for _, l := range r.Locations {
			if l.End > 0 {
				span("location "+l.Name, l.Start, l.End, l.MatchedText)
			}
		}
		if r.Event == "" {
			t.Errorf("report %s belongs to no event", r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != sum.Reports {
		t.Errorf("stored %d reports, summary says %d", n, sum.Reports)
	}
}

// partition returns the events as sorted lists of report IDs.
func partition(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	if err := st.EachEvent(context.Background(), store.Filter{}, func(ev *model.Event) error {
		rs := slices.Clone(ev.Reports)
		sort.Strings(rs)
		out = append(out, ev.ID+"="+strings.Join(rs, ","))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestDemoCorpusOrderDoesNotChangeEvents(t *testing.T) {
	forward, _ := ingestDemo(t, func([]string) {})
	backward, _ := ingestDemo(t, slices.Reverse[[]string])
	a, b := partition(t, forward), partition(t, backward)
	if !slices.Equal(a, b) {
		t.Errorf("events differ with input order:\nforward:  %v\nbackward: %v", a, b)
	}
}

func TestReingestAddsNothing(t *testing.T) {
	ctx := context.Background()
	st, first := ingestDemo(t, func([]string) {})
	before := partition(t, st)
	dir := t.TempDir()
	if _, err := demo.WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	p, err := New(ctx, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.Ingest(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Duplicates != first.New {
		t.Errorf("re-ingest = %d new, %d duplicates; want 0 new, %d duplicates", again.New, again.Duplicates, first.New)
	}
	if after := partition(t, st); !slices.Equal(before, after) {
		t.Errorf("re-ingest changed the events")
	}
}
