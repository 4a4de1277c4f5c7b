package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sitrep-osint/sitrep/internal/demo"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

func init() {
	register(command{
		name:    "demo",
		args:    "[--out DIR] [--addr HOST:PORT] [--no-serve]",
		summary: "ingest the bundled demo corpus into a fresh database, print what it holds and serve it",
		run:     runDemo,
	})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo")
	out := fs.String("out", filepath.Join(os.TempDir(), "sitrep-demo"), "`directory` for the demo corpus and database (recreated)")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` the demo server listens on")
	noServe := fs.Bool("no-serve", false, "stop after ingesting and printing the summary")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	dir, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	// The demo owns this directory: it is recreated so the database is fresh
	// and the run reproducible. Refuse anything that does not look like ours.
	if err := resetDemoDir(dir); err != nil {
		return err
	}
	corpusDir := filepath.Join(dir, "corpus")
	n, err := demo.WriteTo(corpusDir)
	if err != nil {
		return err
	}
	e.cfg.DB = filepath.Join(dir, "demo.db")
	fmt.Fprintf(e.io.Out, "demo corpus: %d files written to %s\n", n, corpusDir)

	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(ctx, st, pipeline.Options{Source: source.Options{}, Workers: e.cfg.Workers, Log: e.log})
	if err != nil {
		return err
	}
	sum, err := p.Ingest(ctx, []string{corpusDir})
	printSummary(e, sum)
	if err != nil {
		return err
	}
	if err := printDemoStats(ctx, e, st); err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "\ndatabase: %s\ntry:  sitrep --db %s export --what events --format jsonl\n", e.cfg.DB, e.cfg.DB)
	if *noServe {
		return nil
	}
	return serveDemo(ctx, e, st, *addr)
}

func resetDemoDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for _, en := range entries {
		switch en.Name() {
		case "corpus", "demo.db", "demo.db-wal", "demo.db-shm":
		default:
			return fmt.Errorf("demo: %s holds %q, which the demo did not write; choose another --out", dir, en.Name())
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return os.MkdirAll(dir, 0o755)
}

// printDemoStats prints one line: what the demo database holds, from
// documents to events.
func printDemoStats(ctx context.Context, e *env, st *store.Store) error {
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "\n%d documents (%d near-duplicates) from %d sources -> %d reports -> %d events%s\n",
		s.Documents, s.Duplicates, s.Sources, s.Reports, s.Events, breakdown(s.EventTypes))
	return nil
}

// serveDemo serves the demo database until ctx ends, printing the URL.
func serveDemo(ctx context.Context, e *env, st *store.Store, addr string) error {
	return serve(ctx, e, st, serveOptions{Addr: addr, Ready: func(url string) {
		fmt.Fprintf(e.io.Out, "\nsitrep demo is running: open %s  (Ctrl-C to stop)\n", url)
	}})
}
