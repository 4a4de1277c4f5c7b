package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
)

func init() {
	register(command{
		name:    "ingest",
		args:    "[--publisher NAME] [--published DATE] PATH|URL|- ...",
		summary: "read documents (HTML, RSS/Atom, Telegram exports, JSONL, text) into the database",
		run:     runIngest,
	})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest")
	publisher := fs.String("publisher", "", "publisher `name` for inputs that do not name one")
	published := fs.String("published", "", "publication `date` (2026-10-14 or RFC 3339) for inputs that carry none")
	allowPrivate := fs.Bool("allow-private", e.cfg.AllowPrivate, "allow fetching URLs on private and loopback addresses")
	workers := fs.Int("workers", e.cfg.Workers, "parallel decode and extraction `workers`")
	batch := fs.Int("batch", 256, "documents per database `transaction`")
	mergeEvery := fs.Int("merge-every", DefaultMergeEvery, "merge new reports into events once per this many new `documents` and at the end (0: in every batch)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	maxMB := fs.Int64("max-mb", source.LocalMaxBytes>>20, "size limit per local file or standard input, in `MiB` (URLs: 20 MiB)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: name at least one file, directory, URL or - for standard input", ErrUsage)
	}
	opts := source.Options{Stdin: e.io.In, Publisher: *publisher, MaxBytes: *maxMB << 20,
		Fetch: fetch.Options{AllowPrivate: *allowPrivate, UserAgent: fetch.UserAgent(version()), MaxBytes: source.DefaultMaxBytes}}
	if *published != "" {
		t, err := parseDate(*published)
		if err != nil {
			return fmt.Errorf("%w: --published: %v", ErrUsage, err)
		}
		opts.Published = &t
	}

	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	popts := pipeline.Options{Source: opts, Workers: *workers, BatchSize: *batch, MergeEvery: *mergeEvery, Log: e.log}
	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(e.io.Err) {
		files, _ := source.Count(paths)
		bar = progressbar.NewOptions(files,
			progressbar.OptionSetWriter(e.io.Err),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("inputs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
		popts.Progress = func(p pipeline.Progress) { bar.Set(p.Inputs) }
	}
	p, err := pipeline.New(ctx, st, popts)
	if err != nil {
		return err
	}
	sum, err := p.Ingest(ctx, paths)
	if bar != nil {
		bar.Finish()
	}
	printSummary(e, sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		what := "some inputs failed"
		if sum.Read == 0 {
			what = "nothing could be read"
		}
		return fmt.Errorf("%w: %s: %d input(s) or item(s) could not be read; see \"sitrep stats\"", ErrPartial, what, sum.Failed)
	}
	return nil
}

func printSummary(e *env, s pipeline.Summary) {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Read) / secs
	}
	republished := ""
	if s.Republished > 0 {
		republished = fmt.Sprintf(" (%d republished by another outlet)", s.Republished)
	}
	fmt.Fprintf(e.io.Err, "read %d document(s) from %d input(s): %d new, %d duplicate%s, %d near-duplicate, %d failed; %d report(s), %d event(s) touched; %.1fs (%.0f docs/s)\n",
		s.Read, s.Inputs, s.New, s.Duplicates, republished, s.NearDuplicates, s.Failed, s.Reports, s.Events, secs, rate)
}

// parseDate reads a date as users type it: 2026-10-14 or RFC 3339.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date (want 2026-10-14 or RFC 3339)", s)
}

// DefaultMergeEvery is how many new documents a bulk ingest stores between
// merges. Each merge re-partitions the neighbourhood of its new reports,
// so fewer, larger merges cost less; this many documents' reports fit
// easily in memory.
const DefaultMergeEvery = 20000
