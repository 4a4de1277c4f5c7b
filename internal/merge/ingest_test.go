package merge

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// openCorpus stores the corpus documents (originals first, as the
// duplicate_of foreign key needs) and returns the store.
func openCorpus(t *testing.T) (*store.Store, []model.Report) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "merge.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rs, docs := corpus()
	var ids []string
	for id := range docs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		// originals before copies
		da, db := docs[a].DuplicateOf != "", docs[b].DuplicateOf != ""
		if da != db {
			if da {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	err = st.Batch(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			d := &model.Document{ID: id, Text: "text of " + id, Publisher: docs[id].Publisher, DuplicateOf: docs[id].DuplicateOf, Format: model.FormatText}
			if _, err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, rs
}

// ingest stores reports in batches and merges each batch.
func ingest(t *testing.T, st *store.Store, rs []model.Report, batch int) {
	t.Helper()
	ctx := context.Background()
	for len(rs) > 0 {
		n := min(batch, len(rs))
		part := rs[:n]
		rs = rs[n:]
		err := st.Batch(ctx, func(tx *store.Tx) error {
			if err := tx.InsertReports(ctx, part); err != nil {
				return err
			}
			_, err := Reports(ctx, tx, part)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// storedEvents returns every stored event without its time stamps, by ID.
func storedEvents(t *testing.T, st *store.Store) map[string]model.Event {
	t.Helper()
	ctx := context.Background()
	out := map[string]model.Event{}
	err := st.Batch(ctx, func(tx *store.Tx) error {
		rows, err := tx.SQL().QueryContext(ctx, `SELECT body FROM events`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var body string
			if err := rows.Scan(&body); err != nil {
				return err
			}
			var ev model.Event
			if err := json.Unmarshal([]byte(body), &ev); err != nil {
				return err
			}
			ev.Created, ev.Updated = time.Time{}, time.Time{}
			out[ev.ID] = ev
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReportsIncrementalMatchesPartition(t *testing.T) {
	_, docs := corpus()
	rs, _ := corpus()
	want := map[string]model.Event{}
	byID := map[string]model.Report{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	for _, c := range Partition(rs, originals(docs)) {
		var ms []model.Report
		for _, id := range c.Reports {
			ms = append(ms, byID[id])
		}
		want[c.ID] = Summarise(c.ID, ms, docs)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, batch := range []int{1, 2, 3, 5, 8, 100} {
		st, rs := openCorpus(t)
		rng.Shuffle(len(rs), func(a, b int) { rs[a], rs[b] = rs[b], rs[a] })
		ingest(t, st, rs, batch)
		got := storedEvents(t, st)
		wantJSON, _ := json.Marshal(want)
		gotJSON, _ := json.Marshal(got)
		if string(wantJSON) != string(gotJSON) {
			t.Fatalf("batch %d: stored events differ from Partition+Summarise:\n got %s\nwant %s", batch, gotJSON, wantJSON)
		}
		// Re-ingesting the same reports changes nothing.
		ingest(t, st, rs, 7)
		again, _ := json.Marshal(storedEvents(t, st))
		if string(again) != string(gotJSON) {
			t.Fatalf("batch %d: re-ingest changed the events", batch)
		}
	}
}

func eventOf(t *testing.T, st *store.Store, reportID string) string {
	t.Helper()
	r, err := st.Report(context.Background(), reportID)
	if err != nil {
		t.Fatal(err)
	}
	return r.Event
}

func TestCorrectionsSurviveReingest(t *testing.T) {
	ctx := context.Background()
	st, rs := openCorpus(t)
	ingest(t, st, rs, 4)

	// Merge Kharkiv (D) and Kupiansk (E).
	d, e := eventOf(t, st, "D1"), eventOf(t, st, "E1")
	if d == e {
		t.Fatal("D and E already merged before any correction")
	}
	merged, err := Merge(ctx, st, d, e, "same glide-bomb wave")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"D1", "D2", "DF", "E1", "E2"} {
		if got := eventOf(t, st, id); got != merged {
			t.Fatalf("after Merge, %s in %s, want %s", id, got, merged)
		}
	}
	// Split A4 off Kyiv's event.
	a := eventOf(t, st, "A1")
	moved, err := Split(ctx, st, a, "A4", "district report is a separate strike")
	if err != nil {
		t.Fatal(err)
	}
	if moved == eventOf(t, st, "A1") {
		t.Fatal("Split left A4 with A1")
	}
	if _, err := Split(ctx, st, eventOf(t, st, "A1"), "B1", "wrong"); !errors.Is(err, ErrNotInEvent) {
		t.Fatalf("Split of a foreign report = %v, want ErrNotInEvent", err)
	}

	// Re-ingest everything: both corrections hold.
	ingest(t, st, rs, 6)
	if eventOf(t, st, "E1") != eventOf(t, st, "D1") {
		t.Fatal("merge lost on re-ingest")
	}
	if eventOf(t, st, "A4") == eventOf(t, st, "A1") {
		t.Fatal("split lost on re-ingest")
	}

	// The explanation shows scores, the split and the merge.
	x, err := Explain(ctx, st, eventOf(t, st, "D1"))
	if err != nil {
		t.Fatal(err)
	}
	text := x.Text()
	for _, want := range []string{"joined with", "place", "correction #1", "same glide-bomb wave", "independent source"} {
		if !strings.Contains(text, want) {
			t.Errorf("Explain text lacks %q:\n%s", want, text)
		}
	}
	if _, err := json.Marshal(x); err != nil {
		t.Fatal(err)
	}

	// Undo the split, then the merge: back to the machine's partition.
	if c, err := Undo(ctx, st, "analyst changed mind"); err != nil || c.Action != "split" {
		t.Fatalf("Undo = %v, %v; want the split", c, err)
	}
	if eventOf(t, st, "A4") != eventOf(t, st, "A1") {
		t.Fatal("A4 did not rejoin after undoing the split")
	}
	if c, err := Undo(ctx, st, ""); err != nil || c.Action != "merge" {
		t.Fatalf("Undo = %v, %v; want the merge", c, err)
	}
	if eventOf(t, st, "E1") == eventOf(t, st, "D1") {
		t.Fatal("E stayed merged with D after undo")
	}
	if _, err := Undo(ctx, st, ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Undo with nothing left = %v, want ErrNotFound", err)
	}
	cs, err := st.Corrections(ctx)
	if err != nil || len(cs) != 4 {
		t.Fatalf("Corrections = %d rows, %v; want 2 corrections and 2 undos", len(cs), err)
	}
}
