package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/internal/merge"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/internal/synth"
)

func init() {
	register(command{
		name:    "bench",
		args:    "ingest [--docs N] [--format text|html] | dedup [--docs N] | merge [--reports N]",
		summary: "measure throughput and memory on generated documents",
		run:     runBench,
	})
}

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: name a benchmark: ingest or dedup", ErrUsage)
	}
	switch args[0] {
	case "ingest":
		return benchIngest(ctx, e, args[1:])
	case "dedup":
		return benchDedup(ctx, e, args[1:])
	case "merge":
		return benchMerge(ctx, e, args[1:])
	}
	return fmt.Errorf("%w: unknown benchmark %q (want ingest, dedup or merge)", ErrUsage, args[0])
}

// IngestBench is the result of "sitrep bench ingest".
type IngestBench struct {
	Format     string  `json:"format"`
	Merge      bool    `json:"merge"`
	Docs       int     `json:"documents"`
	Bytes      int64   `json:"bytes"`
	Seconds    float64 `json:"seconds"`
	DocsPerSec float64 `json:"docs_per_second"`
	MBPerSec   float64 `json:"mb_per_second"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`
	Reports    int     `json:"reports"`
	Events     int64   `json:"events"`
	NearDups   int     `json:"near_duplicates"`
	Planted    int     `json:"planted_copies"`
	Workers    int     `json:"workers"`
}

func benchIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench")
	n := fs.Int("docs", 10000, "number of generated `documents`")
	format := fs.String("format", "text", "document `format`: text or html")
	workers := fs.Int("workers", e.cfg.Workers, "decode and extraction `workers`")
	seed := fs.Uint64("seed", 1, "generator `seed`")
	keep := fs.Bool("keep", false, "keep the generated corpus and database")
	noMerge := fs.Bool("no-merge", false, "store reports without merging them into events, to measure what merging costs")
	mergeEvery := fs.Int("merge-every", DefaultMergeEvery, "merge once per this many new `documents`, as sitrep ingest does (0: in every batch)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to `file` (go tool pprof)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "html" {
		return fmt.Errorf("%w: --format %q: want text or html", ErrUsage, *format)
	}
	dir, err := os.MkdirTemp("", "sitrep-bench-")
	if err != nil {
		return err
	}
	if !*keep {
		defer os.RemoveAll(dir)
	}
	corpus := filepath.Join(dir, "corpus")
	fmt.Fprintf(e.io.Err, "generating %d %s documents in %s\n", *n, *format, corpus)
	bytes, planted, err := writeSynth(corpus, *n, *format, *seed)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, filepath.Join(dir, "bench.db"), e.log)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(ctx, st, pipeline.Options{Workers: *workers, Log: e.log, SkipMerge: *noMerge, MergeEvery: *mergeEvery})
	if err != nil {
		return err
	}
	resetPeakRSS()
	runtime.GC()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	sum, err := p.Ingest(ctx, []string{corpus})
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	secs := sum.Elapsed.Seconds()
	res := IngestBench{Format: *format, Merge: !*noMerge, Docs: sum.Read, Bytes: bytes, Seconds: secs, DocsPerSec: float64(sum.Read) / secs,
		MBPerSec: float64(bytes) / 1e6 / secs, PeakRSSMB: peakRSSMB(), Reports: sum.Reports, Events: stats.Events, Workers: *workers,
		NearDups: sum.NearDuplicates, Planted: planted}
	return writeJSON(e.io.Out, res)
}

// writeSynth writes n generated documents, one file each, and returns the
// bytes written and how many documents are planted syndicated copies.
func writeSynth(dir string, n int, format string, seed uint64) (int64, int, error) {
	g := synth.New(seed)
	var total int64
	for i := range n {
		d := g.Next()
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return total, g.Copies, err
			}
		}
		var name, body string
		if format == "html" {
			name, body = d.ID+".html", synth.HTML(d)
		} else {
			name, body = d.ID+".txt", d.Text
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(body), 0o644); err != nil {
			return total, g.Copies, err
		}
		total += int64(len(body))
	}
	return total, g.Copies, nil
}

// resetPeakRSS resets the kernel's peak resident set size for this process
// (Linux; elsewhere the peak includes what ran before).
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // best effort: absent off Linux
}

// peakRSSMB reads VmHWM, the peak resident set size, in MB; 0 if unknown.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return 0
			}
			return kb / 1024
		}
	}
	return 0
}

func benchDedup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench")
	n := fs.Int("docs", 100000, "number of generated `documents`")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	progress := func(done int) {}
	if isTerminal(e.io.Err) {
		progress = func(done int) { fmt.Fprintf(e.io.Err, "\r%d/%d documents", done, *n) }
	}
	res, err := dedup.Bench(ctx, *n, progress)
	if isTerminal(e.io.Err) {
		fmt.Fprintln(e.io.Err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.io.Out, res.String())
	return nil
}

func benchMerge(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench")
	n := fs.Int("reports", 10000, "number of generated `reports`")
	batch := fs.Int("batch", 256, "reports per `transaction`")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "sitrep-bench-merge-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	res, err := merge.Bench(ctx, dir, *n, *batch)
	if err != nil {
		return err
	}
	return writeJSON(e.io.Out, res)
}
