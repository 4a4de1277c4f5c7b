package live

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Watcher defaults.
const (
	DefaultWatchInterval = 5 * time.Second
	DefaultWatchMaxBytes = 512 << 20
)

// telegramExport is the file Telegram Desktop writes at the root of a
// machine-readable (JSON) chat export.
const telegramExport = "result.json"

// watchedExt are the file kinds the watcher hands to the pipeline; other
// files (images, archives, half-written downloads) are ignored.
var watchedExt = map[string]bool{
	".html": true, ".htm": true, ".xml": true, ".rss": true, ".atom": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".txt": true, ".md": true,
}

// WatcherOptions tunes a Watcher. The zero value is usable.
type WatcherOptions struct {
	// Interval is the time between scans; default 5s. A file is ingested
	// once two consecutive scans see the same size and modification time,
	// so a file still being written (a large export being copied in) is
	// left alone until it stops changing.
	Interval time.Duration
	MaxBytes int64            // larger files are skipped; default 512 MiB
	Now      func() time.Time // clock; default time.Now
	Log      *slog.Logger
}

// Watcher ingests new and changed files under a folder. Polling is used
// rather than inotify: it needs no dependency, works on network mounts and
// in containers, and the stability check needs a second look anyway.
type Watcher struct {
	st      *store.Store
	ing     Ingester
	dir     string
	opts    WatcherOptions
	now     func() time.Time
	log     *slog.Logger
	pending map[string]fileSeen // observed once, waiting to be seen unchanged
	stats   watchCounters
}

type fileSeen struct {
	size  int64
	mtime time.Time
}

// WatcherStats are the watcher's counters since it was made, for /metrics.
type WatcherStats struct {
	Scans     int64 `json:"scans"`
	Files     int64 `json:"files"`     // files handed to the ingester
	Unchanged int64 `json:"unchanged"` // touched files whose content hash had not changed
	Documents int64 `json:"documents"` // new documents stored
	Errors    int64 `json:"errors"`    // files that could not be read or ingested
}

type watchCounters struct {
	scans, files, unchanged, documents, errors atomic.Int64
}

// NewWatcher returns a watcher of dir that feeds ing.
func NewWatcher(st *store.Store, ing Ingester, dir string, opts WatcherOptions) *Watcher {
	if opts.Interval <= 0 {
		opts.Interval = DefaultWatchInterval
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultWatchMaxBytes
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Watcher{st: st, ing: ing, dir: dir, opts: opts, now: clock(opts.Now),
		log: log.With("component", "watcher", "dir", dir), pending: map[string]fileSeen{}}
}

// Stats returns a snapshot of the counters.
func (w *Watcher) Stats() WatcherStats {
	c := &w.stats
	return WatcherStats{Scans: c.scans.Load(), Files: c.files.Load(), Unchanged: c.unchanged.Load(),
		Documents: c.documents.Load(), Errors: c.errors.Load()}
}

// Run scans the folder every Interval until ctx ends, and returns nil
// then. A failure of the first scan (the folder is missing, the database
// unusable) is returned; later ones are logged and retried.
func (w *Watcher) Run(ctx context.Context) error {
	return runLoop(ctx, w.log, nil, func(ctx context.Context) (time.Duration, error) {
		_, err := w.Scan(ctx)
		return w.opts.Interval, err
	})
}

// Scan looks at the folder once and ingests every file that is stable
// (unchanged since the previous Scan) and not yet ingested in this state.
// It returns how many files it ingested.
func (w *Watcher) Scan(ctx context.Context) (int, error) {
	w.stats.scans.Add(1)
	done, err := w.st.WatchedFiles(ctx)
	if err != nil {
		return 0, fmt.Errorf("live: watch: %w", err)
	}
	files, err := w.list()
	if err != nil {
		return 0, err
	}
	seen := make(map[string]bool, len(files))
	n := 0
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		seen[path] = true
		fi, err := os.Stat(path)
		if err != nil {
			continue // removed since the listing
		}
		cur := fileSeen{size: fi.Size(), mtime: fi.ModTime().UTC()}
		if rec, ok := done[path]; ok && rec.Size == cur.size && rec.ModTime.Equal(cur.mtime) {
			delete(w.pending, path)
			continue
		}
		if prev, ok := w.pending[path]; !ok || prev != cur {
			w.pending[path] = cur // first sight, or still changing: look again next scan
			continue
		}
		delete(w.pending, path)
		if cur.size > w.opts.MaxBytes {
			w.stats.errors.Add(1)
			w.log.Warn("file too large, skipped", "path", path, "size", cur.size, "max_bytes", w.opts.MaxBytes)
			continue
		}
		ok, err := w.ingest(ctx, path, cur, done[path])
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	for path := range w.pending {
		if !seen[path] {
			delete(w.pending, path)
		}
	}
	return n, nil
}

// ingest reads one stable file and hands it to the ingester unless its
// content is what was ingested before. It reports whether it ingested.
func (w *Watcher) ingest(ctx context.Context, path string, cur fileSeen, prev store.WatchedFile) (bool, error) {
	raw, err := source.ReadFile(path, w.opts.MaxBytes)
	if err != nil {
		w.stats.errors.Add(1)
		w.log.Warn("file unreadable", "path", path, "error", err)
		return false, nil
	}
	rec := store.WatchedFile{Path: path, Size: cur.size, ModTime: cur.mtime, Hash: model.RawHash(raw), Ingested: w.now()}
	if prev.Hash == rec.Hash {
		w.stats.unchanged.Add(1)
		return false, w.mark(ctx, rec)
	}
	in := source.Input{Name: path, Raw: raw, FetchedAt: rec.Ingested}
	sum, err := w.ing.IngestInputs(ctx, []source.Input{in})
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		// The store failed: leave the file unmarked so a later scan retries.
		w.stats.errors.Add(1)
		w.log.Error("file ingest failed", "path", path, "error", err)
		return false, nil
	}
	w.stats.files.Add(1)
	w.stats.documents.Add(int64(sum.New))
	if sum.Failed > 0 {
		w.stats.errors.Add(1)
	}
	w.log.Info("file ingested", "path", path, "documents_read", sum.Read, "documents_new", sum.New, "failed", sum.Failed)
	return true, w.mark(ctx, rec)
}

func (w *Watcher) mark(ctx context.Context, rec store.WatchedFile) error {
	if err := w.st.MarkWatchedFile(ctx, rec); err != nil {
		return fmt.Errorf("live: watch: %w", err)
	}
	return nil
}

// list returns the files under the folder worth ingesting: in a folder that
// holds a Telegram export's result.json, only that file (the export's media
// folders are not documents); elsewhere every file with a known extension.
// Hidden files and folders and partial downloads are skipped.
func (w *Watcher) list() ([]string, error) {
	var out []string
	err := filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == w.dir {
				return err
			}
			w.log.Warn("cannot read", "path", path, "error", err)
			return nil
		}
		name := d.Name()
		if path != w.dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			export := filepath.Join(path, telegramExport)
			if fi, err := os.Stat(export); err == nil && fi.Mode().IsRegular() {
				out = append(out, export)
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && watchedExt[strings.ToLower(filepath.Ext(name))] {
			out = append(out, path)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.SkipDir) {
		return nil, fmt.Errorf("live: watch %s: %w", w.dir, err)
	}
	return out, nil
}
