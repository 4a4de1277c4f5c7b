package live

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// telegramJSON is a small Telegram Desktop export (machine-readable JSON)
// of an invented channel.
const telegramJSON = `{
 "name": "Frontline Notes",
 "type": "public_channel",
 "id": 1700000001,
 "messages": [
  {"id": 11, "type": "message", "date": "2026-10-14T07:15:00", "date_unixtime": "1760426100", "from": "Frontline Notes",
   "text": "Overnight, Russian forces launched drones at Sumy; the regional military administration reported damage to a warehouse and one injured guard.",
   "text_entities": [{"type": "plain", "text": "Overnight, Russian forces launched drones at Sumy; the regional military administration reported damage to a warehouse and one injured guard."}]},
  {"id": 12, "type": "message", "date": "2026-10-14T09:40:00", "date_unixtime": "1760434800", "from": "Frontline Notes",
   "text": "An air-raid alert was declared over Kharkiv oblast at 09:30 and lifted forty minutes later.",
   "text_entities": [{"type": "plain", "text": "An air-raid alert was declared over Kharkiv oblast at 09:30 and lifted forty minutes later."}]}
 ]
}`

func writeFile(t *testing.T, path, body string, mtime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func TestWatcher(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := tempDB(t)
	clock := newClock()
	m0 := time.Date(2026, 10, 14, 10, 0, 0, 0, time.UTC)
	export := filepath.Join(dir, "ChatExport_2026-10-14", "result.json")
	notes := filepath.Join(dir, "notes.txt")
	writeFile(t, export, telegramJSON, m0)
	writeFile(t, filepath.Join(dir, "ChatExport_2026-10-14", "files", "bulletin.txt"), "an attachment, not a document of the export", m0)
	writeFile(t, filepath.Join(dir, "ChatExport_2026-10-14", "photos", "photo_1.jpg"), "\xff\xd8\xff", m0)
	writeFile(t, notes, "Ukrainian officials said a missile strike hit Dnipro on 13 October, damaging a bus depot.", m0)
	writeFile(t, filepath.Join(dir, ".notes.txt.swp"), "editor scratch", m0)
	writeFile(t, filepath.Join(dir, "map.png"), "\x89PNG", m0)

	st := openStore(t, db)
	ing := newIngester(t, st)
	w := NewWatcher(st, ing, dir, WatcherOptions{Now: clock.Now})
	scan := func(t *testing.T, w *Watcher, want int) {
		t.Helper()
		n, err := w.Scan(ctx)
		if err != nil {
			t.Fatalf("Scan: %v", err)
		}
		if n != want {
			t.Fatalf("Scan ingested %d files, want %d", n, want)
		}
	}
	names := func(from int) []string {
		var out []string
		for _, in := range ing.calls()[from:] {
			out = append(out, in.Name)
		}
		slices.Sort(out)
		return out
	}

	scan(t, w, 0) // first sight: not yet known to be stable
	scan(t, w, 2)
	if got, want := names(0), []string{export, notes}; !slices.Equal(got, want) {
		t.Fatalf("ingested %q, want %q", got, want)
	}
	docs := documents(t, st)
	if docs != 3 {
		t.Fatalf("the pipeline stored %d documents from the folder, want 3 (two messages, one note)", docs)
	}
	scan(t, w, 0) // nothing changed

	// A file that is still growing waits until two scans agree.
	writeFile(t, notes, "Ukrainian officials said a missile strike hit Dnipro on 13 October, damaging a bus depot. Updated: two people were hurt.", m0.Add(time.Minute))
	scan(t, w, 0)
	writeFile(t, notes, "Ukrainian officials said a missile strike hit Dnipro on 13 October, damaging a bus depot. Updated: three people were hurt.", m0.Add(2*time.Minute))
	scan(t, w, 0)
	scan(t, w, 1)
	if got := names(2); !slices.Equal(got, []string{notes}) {
		t.Errorf("after the edit ingested %q, want only %q", got, notes)
	}

	// Touched without a change of content: recorded, not ingested.
	if err := os.Chtimes(export, m0.Add(time.Hour), m0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	scan(t, w, 0)
	scan(t, w, 0)
	if got := w.Stats(); got.Unchanged != 1 || got.Files != 3 {
		t.Errorf("Stats() = %+v, want 1 unchanged and 3 files", got)
	}
	calls := len(ing.calls())
	docs = documents(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Restart: a new watcher over the same database ingests nothing again.
	st2 := openStore(t, db)
	ing2 := newIngester(t, st2)
	w2 := NewWatcher(st2, ing2, dir, WatcherOptions{Now: clock.Now})
	scan(t, w2, 0)
	scan(t, w2, 0)
	if n := len(ing2.calls()); n != 0 {
		t.Errorf("after restart %d files went to the pipeline again (first run: %d)", n, calls)
	}
	if got := documents(t, st2); got != docs {
		t.Errorf("documents after restart = %d, want %d", got, docs)
	}
}

func TestWatcherRunStopsOnCancel(t *testing.T) {
	st := openStore(t, tempDB(t))
	w := NewWatcher(st, newIngester(t, st), t.TempDir(), WatcherOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Run(ctx); err != nil {
		t.Errorf("Run(cancelled) = %v, want nil", err)
	}
}

func TestWatcherRunMissingFolder(t *testing.T) {
	st := openStore(t, tempDB(t))
	w := NewWatcher(st, newIngester(t, st), filepath.Join(t.TempDir(), "absent"), WatcherOptions{})
	if err := w.Run(context.Background()); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Run(missing folder) = %v, want a not-exist error", err)
	}
}
