package merge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// MergeArgs is the audit record of an analyst's merge. Anchors are the
// smallest report IDs of the two events: the merge is kept as a must-link
// between them, so it survives re-ingest and event renaming.
type MergeArgs struct {
	A       string `json:"a"`
	B       string `json:"b"`
	AnchorA string `json:"anchor_a"`
	AnchorB string `json:"anchor_b"`
}

// SplitArgs is the audit record of an analyst's split: Report never again
// shares an event with any of Others (the event's other reports then).
type SplitArgs struct {
	Event  string   `json:"event"`
	Report string   `json:"report"`
	Others []string `json:"others"`
}

// ErrNotInEvent is returned by Split when the report is not in the event.
var ErrNotInEvent = errors.New("merge: report is not in that event")

// constraintsOf turns corrections in force into partition constraints.
func constraintsOf(cs []store.Correction) (Constraints, error) {
	var out Constraints
	for _, c := range cs {
		switch c.Action {
		case "merge":
			var a MergeArgs
			if err := json.Unmarshal(c.Args, &a); err != nil {
				return out, fmt.Errorf("correction %d: %w", c.ID, err)
			}
			out.MustLink = append(out.MustLink, [2]string{a.AnchorA, a.AnchorB})
		case "split":
			var a SplitArgs
			if err := json.Unmarshal(c.Args, &a); err != nil {
				return out, fmt.Errorf("correction %d: %w", c.ID, err)
			}
			for _, o := range a.Others {
				out.CannotLink = append(out.CannotLink, [2]string{a.Report, o})
			}
		}
	}
	return out, nil
}

func members(ctx context.Context, tx *store.Tx, eventID string) ([]model.Report, error) {
	rs, err := tx.EventReports(ctx, []string{eventID})
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("event %s: %w", eventID, store.ErrNotFound)
	}
	return rs, nil
}

// Merge joins events a and b into one, records the decision with its
// reason, and returns the merged event's ID.
func Merge(ctx context.Context, st *store.Store, a, b, reason string) (string, error) {
	var merged string
	err := st.Batch(ctx, func(tx *store.Tx) error {
		ra, err := members(ctx, tx, a)
		if err != nil {
			return err
		}
		rb, err := members(ctx, tx, b)
		if err != nil {
			return err
		}
		if a == b {
			merged = a
			return nil
		}
		args := MergeArgs{A: a, B: b, AnchorA: ra[0].ID, AnchorB: rb[0].ID} // EventReports orders by report ID
		if _, err := tx.AddCorrection(ctx, "merge", args, reason); err != nil {
			return err
		}
		if _, err := recompute(ctx, tx, append(ra, rb...)); err != nil {
			return err
		}
		merged = EventID(min(args.AnchorA, args.AnchorB))
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("merge: merge %s %s: %w", a, b, err)
	}
	return merged, nil
}

// Split takes one report out of an event for good: the report never
// re-joins the event's other reports, even after re-ingest, until the split
// is undone. It returns the ID of the event the report ends up in.
func Split(ctx context.Context, st *store.Store, eventID, reportID, reason string) (string, error) {
	var moved string
	err := st.Batch(ctx, func(tx *store.Tx) error {
		rs, err := members(ctx, tx, eventID)
		if err != nil {
			return err
		}
		args := SplitArgs{Event: eventID, Report: reportID}
		for _, r := range rs {
			if r.ID != reportID {
				args.Others = append(args.Others, r.ID)
			}
		}
		if len(args.Others) == len(rs) {
			return fmt.Errorf("%s in %s: %w", reportID, eventID, ErrNotInEvent)
		}
		if _, err := tx.AddCorrection(ctx, "split", args, reason); err != nil {
			return err
		}
		if _, err := recompute(ctx, tx, rs); err != nil {
			return err
		}
		after, err := tx.ReportsByID(ctx, []string{reportID})
		if err != nil {
			return err
		}
		if len(after) == 1 {
			moved = after[0].Event
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("merge: split %s %s: %w", eventID, reportID, err)
	}
	return moved, nil
}

// Undo reverts the newest merge or split still in force and re-partitions
// the reports it touched. It returns the undone correction; with nothing
// to undo the error wraps store.ErrNotFound.
func Undo(ctx context.Context, st *store.Store, reason string) (*store.Correction, error) {
	var undone *store.Correction
	err := st.Batch(ctx, func(tx *store.Tx) error {
		c, err := tx.UndoLastCorrection(ctx, reason)
		if err != nil {
			return err
		}
		undone = c
		var ids []string
		switch c.Action {
		case "merge":
			var a MergeArgs
			if err := json.Unmarshal(c.Args, &a); err != nil {
				return err
			}
			ids = []string{a.AnchorA, a.AnchorB}
		case "split":
			var a SplitArgs
			if err := json.Unmarshal(c.Args, &a); err != nil {
				return err
			}
			ids = append([]string{a.Report}, a.Others...)
		}
		slices.Sort(ids)
		seeds, err := tx.ReportsByID(ctx, slices.Compact(ids))
		if err != nil {
			return err
		}
		_, err = recompute(ctx, tx, seeds)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("merge: undo: %w", err)
	}
	return undone, nil
}
