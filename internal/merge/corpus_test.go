package merge_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/merge"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// expected is the part of the demo corpus's ground truth this test reads.
type expected struct {
	Documents map[string]struct {
		Publisher   string   `json:"publisher"`
		Events      []string `json:"events"`
		SyndicateOf *string  `json:"syndicated_of"`
	} `json:"documents"`
	Syndicated []string                 `json:"syndicated"`
	Events     map[string]expectedEvent `json:"events"`
}

// expectedEvent is one gold event: the documents that report it, its
// independent-source count, its status and the fields whose figures
// conflict.
type expectedEvent struct {
	Documents          []string `json:"documents"`
	IndependentSources int      `json:"independent_sources"`
	Status             string   `json:"status"`
	Discrepant         []string `json:"discrepant_fields"`
}

// ingestDemo runs the real pipeline over the demo corpus, inputs in the
// given order, and returns the store and the corpus folder.
func ingestDemo(t *testing.T, reverse bool) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if _, err := demo.WriteTo(corpus); err != nil {
		t.Fatal(err)
	}
	var inputs []string
	err := filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && demo.IsDocument(path) {
			inputs = append(inputs, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(inputs)
	if reverse {
		slices.Reverse(inputs)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "demo.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.New(ctx, st, pipeline.Options{Workers: 1, BatchSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Ingest(ctx, inputs); err != nil {
		t.Fatal(err)
	}
	return st, corpus
}

// TestDemoCorpusPartition measures merging on the demo corpus: every report
// is labelled with the gold event of its document (a document that reports
// two events lends its report the one its merged event holds most of), and
// the stored partition is compared pairwise and by B-cubed.
func TestDemoCorpusPartition(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the demo corpus")
	}
	ctx := context.Background()
	raw, err := fs.ReadFile(demo.FS(), "expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	st, corpus := ingestDemo(t, false)

	keyOf := map[string]string{} // document ID → expected.json key
	dupOf := map[string]string{}
	err = st.Documents(ctx, func(d *model.Document) error {
		rel, err := filepath.Rel(corpus, d.Source)
		if err != nil {
			return err
		}
		k := filepath.ToSlash(rel)
		if _, ok := exp.Documents[k]; !ok {
			ext := d.ExternalID
			if i := strings.LastIndex(ext, "/"); i >= 0 {
				ext = ext[i+1:]
			}
			k += "#" + ext
		}
		if _, ok := exp.Documents[k]; !ok {
			t.Errorf("document %s (%s) not in expected.json", k, d.ID)
		}
		keyOf[d.ID] = k
		dupOf[k] = d.DuplicateOf
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Near-duplicates: exactly the syndicated copies are linked to an original.
	for k, dup := range dupOf {
		if want := slices.Contains(exp.Syndicated, k); (dup != "") != want {
			t.Errorf("document %s: duplicate_of %q, want a copy: %v", k, dup, want)
		}
	}

	gold, got := labelReports(t, st, func(doc string) []string { return exp.Documents[keyOf[doc]].Events })
	q := merge.CompareClusters(gold, got)
	t.Logf("demo corpus: %d reports, pairwise precision %.3f recall %.3f, B-cubed precision %.3f recall %.3f",
		q.Items, q.PairPrecision, q.PairRecall, q.BCubedPrecision, q.BCubedRecall)
	// The target is 0.95 for all four; every event is also
	// checked exactly below.
	if q.PairPrecision < 0.95 || q.BCubedPrecision < 0.95 || q.PairRecall < 0.95 || q.BCubedRecall < 0.95 {
		t.Errorf("demo corpus merge quality %+v below 0.95", q)
	}

	docs := map[string][]string{}
	for k, d := range exp.Documents {
		docs[k] = d.Events
	}
	checkEvents(t, st, goldEvents{docs: docs, events: exp.Events}, keyOf)

	// The same corpus ingested in the opposite order gives the same events.
	st2, _ := ingestDemo(t, true)
	got2 := map[string]string{}
	if err := st2.Reports(ctx, func(r *model.Report) error { got2[r.ID] = r.Event; return nil }); err != nil {
		t.Fatal(err)
	}
	diff := 0
	for id, ev := range got {
		if got2[id] != ev {
			diff++
		}
	}
	if diff > 0 || len(got2) != len(got) {
		t.Errorf("reverse-order ingest: %d of %d reports in a different event (%d vs %d reports)", diff, len(got), len(got2), len(got))
	}
}
