package cli

import (
	"context"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/merge"
)

func init() {
	register(command{name: "explain", args: "[--json] EVENT", summary: "show why each report joined an event (score components) and the corrections that shaped it", run: runExplain})
	register(command{name: "merge", args: "[--reason TEXT] EVENT EVENT", summary: "merge two events into one (an analyst's correction, kept across re-ingest)", run: runMerge})
	register(command{name: "split", args: "[--reason TEXT] EVENT REPORT", summary: "take a report out of an event for good (kept across re-ingest)", run: runSplit})
	register(command{name: "undo", args: "[--reason TEXT]", summary: "revert the newest merge or split still in force", run: runUndo})
}

func runExplain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "explain")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one event ID", ErrUsage)
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := merge.Explain(ctx, st, pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.io.Out, x)
	}
	fmt.Fprint(e.io.Out, x.Text())
	return nil
}

func runMerge(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "merge")
	reason := fs.String("reason", "", "why, for the audit table")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: name two event IDs", ErrUsage)
	}
	if pos[0] == pos[1] {
		return fmt.Errorf("%w: %s and %s are the same event", ErrUsage, pos[0], pos[1])
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := merge.Merge(ctx, st, pos[0], pos[1], *reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "merged %s and %s into %s (\"sitrep undo\" reverts it)\n", pos[0], pos[1], id)
	return nil
}

func runSplit(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "split")
	reason := fs.String("reason", "", "why, for the audit table")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: name an event ID and a report ID", ErrUsage)
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := merge.Split(ctx, st, pos[0], pos[1], *reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "report %s now belongs to event %s (\"sitrep undo\" reverts it)\n", pos[1], id)
	return nil
}

func runUndo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "undo")
	reason := fs.String("reason", "", "why, for the audit table")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := merge.Undo(ctx, st, *reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "undid correction %d (%s %s, made %s)\n", c.ID, c.Action, c.Args, c.At.Format("2006-01-02 15:04"))
	return nil
}
