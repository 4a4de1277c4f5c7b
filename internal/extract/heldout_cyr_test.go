package extract

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/eval"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// TestHeldOutCyrillic scores the Russian and Ukrainian rules on set RU
// (testdata/heldout/setRU.*): ten posts written, with their gold events,
// before the rules were first run on them. The bounds sit a little below
// the figures of that first run, so the set cannot silently regress.
func TestHeldOutCyrillic(t *testing.T) {
	bounds := []eval.Bound{{Key: "recall", Min: 0.75}, {Key: "precision", Min: 0.8}, {Key: "f1", Min: 0.78},
		{Key: "counts", Min: 0.78}, {Key: "qualifiers", Min: 0.78}, {Key: "dates", Min: 0.75},
		{Key: "attacker", Min: 0.75}, {Key: "places", Min: 0.8}}
	dir := filepath.Join("testdata", "heldout")
	docs := readDocs(t, filepath.Join(dir, "setRU.jsonl"))
	gold, err := eval.ReadGoldFile(filepath.Join(dir, "setRU.gold.json"))
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
	t.Logf("setRU:\n%s", m.Report(bounds))
	if f := m.Failures(bounds); len(f) > 0 {
		t.Errorf("setRU below its bounds: %v", f)
	}
}
