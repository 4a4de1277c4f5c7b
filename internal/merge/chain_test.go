package merge

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// TestChainBounded ingests a city struck every night for 120 nights, one
// night a batch, as a live feed would, and checks that the neighbourhood a
// late batch re-partitions stays within ChainDays of it instead of growing
// with the city's whole history.
func TestChainBounded(t *testing.T) {
	const nights = 120
	docs := map[string]DocInfo{}
	var rs []model.Report
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range nights {
		doc := fmt.Sprintf("d-chain-%03d", i)
		docs[doc] = DocInfo{Publisher: "Slobozhan News"}
		lo, hi := day.AddDate(0, 0, i).Format("2006-01-02"), day.AddDate(0, 0, i+1).Format("2006-01-02")
		rs = append(rs, rep(fmt.Sprintf("c%03d", i), doc, lo, hi, at(kharkiv), by(model.SideRU)))
	}
	st := openDocs(t, docs)
	ctx := context.Background()
	var last Result
	for i := range rs {
		err := st.Batch(ctx, func(tx *store.Tx) error {
			if err := tx.InsertReports(ctx, rs[i:i+1]); err != nil {
				return err
			}
			var err error
			last, err = Reports(ctx, tx, rs[i:i+1])
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Overnight ranges of consecutive nights overlap, so the chain is
	// linked end to end; only ChainDays on either side may be re-read.
	if limit := min(2*ChainDays+3, nights/2); last.Reports > limit {
		t.Errorf("last batch re-partitioned %d reports, want at most %d (ChainDays %d)", last.Reports, limit, ChainDays)
	}
	t.Logf("last batch: %d reports re-partitioned, %d candidates read", last.Reports, last.Candidates)
}
