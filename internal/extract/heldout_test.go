package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/eval"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// readDocs reads a JSONL corpus ({id, text, published, …} a line) into
// documents that keep the line's id.
func readDocs(t testing.TB, path string) []model.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []model.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var line struct {
			ID, Text, Title, Publisher string
			Published                  *string
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		d := model.Document{ID: line.ID, Text: line.Text, Title: line.Title, Publisher: line.Publisher}
		if line.Published != nil {
			if p, err := time.ParseInLocation("2006-01-02", *line.Published, kyiv); err == nil {
				d.Published = &p
			}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestHeldOut scores the extractor on the project's own corpora in
// testdata/heldout with the Go port of the shared scorer. Set A was used to
// tune the rules. Set B was held out first (f1 0.824), then its failures
// guided a second round of general rules (now all 1.000). Set C, written in
// new styles before that round, was scored only at its start (f1 0.729,
// counts 0.560) and end (f1 0.926, counts 0.680, dates 0.667, attacker
// 0.923, places 0.944 through `sitrep ingest` + `sitrep eval`). The bounds
// sit a little below the figures measured, so no set can silently regress.
func TestHeldOut(t *testing.T) {
	tests := []struct {
		set    string
		bounds []eval.Bound
	}{
		{"setA", []eval.Bound{{Key: "f1", Min: 0.95}, {Key: "counts", Min: 0.95}, {Key: "qualifiers", Min: 0.95},
			{Key: "dates", Min: 0.95}, {Key: "attacker", Min: 0.95}, {Key: "places", Min: 0.95}}},
		{"setB", []eval.Bound{{Key: "recall", Min: 0.95}, {Key: "precision", Min: 0.95}, {Key: "f1", Min: 0.95},
			{Key: "counts", Min: 0.95}, {Key: "qualifiers", Min: 0.95}, {Key: "dates", Min: 0.95},
			{Key: "attacker", Min: 0.95}, {Key: "places", Min: 0.95}}},
		{"setC", []eval.Bound{{Key: "recall", Min: 0.9}, {Key: "precision", Min: 0.9}, {Key: "f1", Min: 0.9},
			{Key: "counts", Min: 0.65}, {Key: "qualifiers", Min: 0.65}, {Key: "dates", Min: 0.64},
			{Key: "attacker", Min: 0.9}, {Key: "places", Min: 0.92}}},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) { scoreHeldOut(t, tt.set, tt.bounds) })
	}
}

// scoreHeldOut scores the extractor on testdata/heldout/SET.jsonl against
// SET.gold.json and fails below bounds.
func scoreHeldOut(t *testing.T, set string, bounds []eval.Bound) {
	dir := filepath.Join("testdata", "heldout")
	docs := readDocs(t, filepath.Join(dir, set+".jsonl"))
	gold, err := eval.ReadGoldFile(filepath.Join(dir, set+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var all []model.Report
	for i := range docs {
		reps, err := extractor(t).Reports(context.Background(), &docs[i])
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, reps...)
	}
	m := eval.Score(gold, all, nil)
	t.Logf("%s:\n%s", set, m.Report(bounds))
	if f := m.Failures(bounds); len(f) > 0 {
		t.Errorf("%s below its bounds: %v", set, f)
	}
}
