package live

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// fakeClock is the injected clock: time moves only when a test says so.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 10, 14, 6, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *fakeClock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// openStore opens a real SQLite database at path (in t.TempDir()).
func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func tempDB(t testing.TB) string { return filepath.Join(t.TempDir(), "live.db") }

// recorder wraps the real pipeline and keeps what it was handed, so tests
// can see which items reached extraction. It is a decorator, not a fake:
// every input still goes through the pipeline into the store.
type recorder struct {
	next   Ingester
	mu     sync.Mutex
	inputs []source.Input
}

func (r *recorder) IngestInputs(ctx context.Context, in []source.Input) (pipeline.Summary, error) {
	r.mu.Lock()
	for _, x := range in {
		x.Raw = append([]byte(nil), x.Raw...)
		r.inputs = append(r.inputs, x)
	}
	r.mu.Unlock()
	return r.next.IngestInputs(ctx, in)
}

func (r *recorder) calls() []source.Input {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]source.Input(nil), r.inputs...)
}

// newIngester returns the real pipeline over st, recorded.
func newIngester(t testing.TB, st *store.Store) *recorder {
	t.Helper()
	p, err := pipeline.New(context.Background(), st, pipeline.Options{Workers: 1})
	if err != nil {
		t.Fatalf("pipeline.New: %v", err)
	}
	return &recorder{next: p}
}

// documents counts the documents in st.
func documents(t *testing.T, st *store.Store) int64 {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Documents
}
