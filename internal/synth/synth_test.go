package synth

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/dedup"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7), New(7)
	for i := range 200 {
		if x, y := a.Next(), b.Next(); x != y {
			t.Fatalf("document %d differs for the same seed:\n%+v\n%+v", i, x, y)
		}
	}
}

// TestCopyShare checks the corpus is what the benchmarks claim: about
// CopyShare planted copies, and few other documents that the near-duplicate
// index takes for copies (independent texts must look independent).
func TestCopyShare(t *testing.T) {
	const n = 3000
	g := New(1)
	ix := dedup.New(0, n)
	linked := 0
	for range n {
		d := g.Next()
		if m := ix.Check(d.ID, d.Text); m.DuplicateOf != "" {
			linked++
		}
	}
	share := float64(g.Copies) / n
	if share < CopyShare*0.7 || share > CopyShare*1.3 {
		t.Errorf("planted copies = %.3f of documents, want about %.2f", share, CopyShare)
	}
	if extra := float64(linked-g.Copies) / n; extra > 0.05 {
		t.Errorf("index links %d documents as copies but only %d were planted (%.1f%% extra)", linked, g.Copies, 100*extra)
	}
	if float64(linked) < float64(g.Copies)*0.9 {
		t.Errorf("index found %d of %d planted copies", linked, g.Copies)
	}
}
