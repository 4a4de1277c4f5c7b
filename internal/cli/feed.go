package cli

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/sitrep-osint/sitrep/internal/live"
	"github.com/sitrep-osint/sitrep/internal/store"
)

func init() {
	register(command{
		name:    "feed",
		args:    "add URL [--interval 10m] | list [--json] | remove ID",
		summary: "manage the RSS/Atom feeds that \"sitrep serve\" polls",
		run:     runFeed,
	})
}

// minFeedInterval keeps a typo ("--interval 10s") from hammering a publisher.
const minFeedInterval = time.Minute

func runFeed(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: feed needs a subcommand: add, list or remove", ErrUsage)
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "add":
		return runFeedAdd(ctx, e, rest)
	case "list", "ls":
		return runFeedList(ctx, e, rest)
	case "remove", "rm":
		return runFeedRemove(ctx, e, rest)
	case "-h", "-help", "--help", "help":
		newFlags(e, "feed").Usage()
		return nil
	default:
		return fmt.Errorf("%w: unknown feed subcommand %q (want add, list or remove)", ErrUsage, sub)
	}
}

func runFeedAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "feed")
	interval := fs.Duration("interval", live.DefaultFeedInterval, "how often to poll the feed (at least 1m)")
	allowPrivate := fs.Bool("allow-private", e.cfg.AllowPrivate, "accept a feed on a private or loopback address (serve must allow them too)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: feed add takes one URL", ErrUsage)
	}
	if err := live.CheckFeedURLAddress(pos[0], *allowPrivate); err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if *interval < minFeedInterval {
		return fmt.Errorf("%w: --interval %v is below %v", ErrUsage, *interval, minFeedInterval)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	f, added, err := st.AddFeed(ctx, pos[0], *interval)
	if err != nil {
		return err
	}
	if !added {
		fmt.Fprintf(e.io.Out, "feed %d already polled every %v: %s\n", f.ID, f.Interval, f.URL)
		return nil
	}
	fmt.Fprintf(e.io.Out, "feed %d added, polled every %v by \"sitrep serve\": %s\n", f.ID, f.Interval, f.URL)
	return nil
}

func runFeedList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "feed")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if feeds == nil {
			feeds = []store.Feed{}
		}
		return writeJSON(e.io.Out, feeds)
	}
	if len(feeds) == 0 {
		fmt.Fprintln(e.io.Out, "no feeds; add one with \"sitrep feed add URL\"")
		return nil
	}
	tw := tabwriter.NewWriter(e.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEVERY\tITEMS\tLAST OK\tNEXT POLL\tERRORS\tURL")
	for _, f := range feeds {
		next := "now"
		if !f.NextPoll.IsZero() {
			next = f.NextPoll.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%d\t%v\t%d\t%s\t%s\t%d\t%s\n", f.ID, f.Interval, f.ItemsSeen, when(f.LastOK), next, f.ConsecutiveErrors, f.URL)
		if f.LastError != "" {
			fmt.Fprintf(tw, "\t\t\t\t\t\t  last error (%s): %s\n", when(f.LastErrorAt), f.LastError)
		}
	}
	return tw.Flush()
}

func when(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func runFeedRemove(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "feed")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: feed remove takes one feed ID (see \"sitrep feed list\")", ErrUsage)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return fmt.Errorf("%w: feed ID %q is not a number", ErrUsage, pos[0])
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.RemoveFeed(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "feed %d removed\n", id)
	return nil
}
