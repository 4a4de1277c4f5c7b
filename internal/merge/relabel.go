package merge

import (
	"context"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// Labels a publisher may be given; PublisherRole reads them.
var Labels = []string{"press", "official", "state media"}

// Relabel labels a publisher ("press", "official" or "state media", or ""
// to recognise its role from its name again) and
// recomputes every event one of its documents supports, so their
// independent-source counts and statuses follow the label at once. It
// returns the events recomputed.
func Relabel(ctx context.Context, st *store.Store, publisher, kind string) (Result, error) {
	known := kind == ""
	for _, l := range Labels {
		known = known || l == kind
	}
	if !known {
		return Result{}, fmt.Errorf("merge: label %q: want one of %q", kind, Labels)
	}
	var res Result
	err := st.Batch(ctx, func(tx *store.Tx) error {
		if err := tx.SetSourceKind(ctx, publisher, kind); err != nil {
			return err
		}
		ids, err := tx.PublisherEvents(ctx, publisher)
		if err != nil || len(ids) == 0 {
			return err
		}
		rs, err := tx.EventReports(ctx, ids)
		if err != nil {
			return err
		}
		res, err = recompute(ctx, tx, rs)
		return err
	})
	if err != nil {
		return Result{}, fmt.Errorf("merge: relabel %q: %w", publisher, err)
	}
	return res, nil
}
