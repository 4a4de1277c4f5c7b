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
	"github.com/sitrep-osint/sitrep/internal/geocode"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// seedsDir holds the third-party seed texts and gold set (../shared beside
// the checkout, or $SITREP_SHARED); they are read at test time and never
// copied into the repository.
var seedsDir = sharedDir()

func sharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}

// seedDocs reads seeds.jsonl into documents that keep the line's id.
func seedDocs(t testing.TB) []model.Document {
	f, err := os.Open(filepath.Join(seedsDir, "seeds", "seeds.jsonl"))
	if err != nil {
		t.Skipf("seeds not available: %v", err)
	}
	defer f.Close()
	var docs []model.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var line struct {
			ID, Text  string
			Published *string
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		d := model.Document{ID: line.ID, Text: line.Text}
		if line.Published != nil {
			for _, layout := range []string{time.RFC3339, "2006-01-02"} {
				if p, err := time.ParseInLocation(layout, *line.Published, kyiv); err == nil {
					d.Published = &p
					break
				}
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// TestSeeds runs the extractor over the seeds and scores the reports with
// the Go port of the shared scorer, failing below the acceptance bounds.
// SITREP_SEEDS_OUT keeps the reports JSONL for score.py.
func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	geo, err := geocode.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := New(geo)
	out := filepath.Join(t.TempDir(), "reports.jsonl")
	if p := os.Getenv("SITREP_SEEDS_OUT"); p != "" {
		out = p
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(w)
	var all []model.Report
	for i := range docs {
		reps, err := x.Reports(context.Background(), &docs[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range reps {
			all = append(all, r)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	gold, err := eval.ReadGoldFile(filepath.Join(seedsDir, "eval", "seeds.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	bounds := []eval.Bound{{Key: "f1", Min: 0.9}, {Key: "counts", Min: 0.9}, {Key: "qualifiers", Min: 0.9},
		{Key: "dates", Min: 0.9}, {Key: "attacker", Min: 0.9}}
	m := eval.Score(gold, all, nil)
	t.Logf("seeds:\n%s", m.Report(bounds))
	if f := m.Failures(bounds); len(f) > 0 {
		t.Errorf("seeds below acceptance: %v", f)
	}
}
