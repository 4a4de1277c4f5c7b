package live

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// feedServer serves one feed whose body, ETag and status a test changes.
type feedServer struct {
	mu          sync.Mutex
	body        []byte
	etag        string
	status      int  // 0: 200 (or 304)
	conditional bool // honour If-None-Match
	requests    []http.Header
}

func (s *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.Header.Clone())
	if s.status != 0 {
		http.Error(w, "upstream broken", s.status)
		return
	}
	if s.etag != "" {
		w.Header().Set("ETag", s.etag)
	}
	if s.conditional && s.etag != "" && r.Header.Get("If-None-Match") == s.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(s.body)
}

func (s *feedServer) set(fn func(*feedServer)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s)
}

func (s *feedServer) last() http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[len(s.requests)-1]
}

func (s *feedServer) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// rssFeed builds an RSS 2.0 feed of invented bulletins, one per guid.
func rssFeed(guids ...string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for i, g := range guids {
		day := 10 + i
		b.WriteString(`<item><title>Bulletin ` + g + `</title><guid>` + g + `</guid>`)
		b.WriteString(`<pubDate>` + time.Date(2026, 10, day, 7, 0, 0, 0, time.UTC).Format(time.RFC1123Z) + `</pubDate>`)
		b.WriteString(`<description>Officials in Kherson said drones attacked an energy facility on the night of October ` +
			strings.TrimLeft(time.Date(2026, 10, day, 0, 0, 0, 0, time.UTC).Format("02"), "0") +
			`; bulletin ` + g + ` reports repair crews at the site by morning.</description></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

type pollerFixture struct {
	st    *store.Store
	ing   *recorder
	clock *fakeClock
	p     *Poller
	feed  *store.Feed
}

func newPollerFixture(t *testing.T, dbPath, feedURL string, clock *fakeClock) *pollerFixture {
	t.Helper()
	st := openStore(t, dbPath)
	ing := newIngester(t, st)
	p := NewPoller(st, ing, PollerOptions{
		Fetch: fetch.Options{AllowPrivate: true}, // httptest listens on 127.0.0.1
		Now:   clock.Now,
		Rand:  func() float64 { return 0.5 },
	})
	f, _, err := st.AddFeed(context.Background(), feedURL, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return &pollerFixture{st: st, ing: ing, clock: clock, p: p, feed: f}
}

func (fx *pollerFixture) pollDue(t *testing.T, want int) {
	t.Helper()
	n, err := fx.p.PollDue(context.Background())
	if err != nil {
		t.Fatalf("PollDue: %v", err)
	}
	if n != want {
		t.Fatalf("PollDue polled %d feeds, want %d", n, want)
	}
}

func (fx *pollerFixture) state(t *testing.T) *store.Feed {
	t.Helper()
	f, err := fx.st.Feed(context.Background(), fx.feed.ID)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func itemKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	items, ok := scanItems(raw)
	if !ok {
		t.Fatalf("ingested body is not a feed: %s", raw)
	}
	var keys []string
	for _, it := range items {
		keys = append(keys, it.Key)
	}
	return keys
}

func TestPollerConditionalGet(t *testing.T) {
	srv := &feedServer{body: rssFeed("w-1", "w-2"), etag: `"v1"`, conditional: true}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	fx := newPollerFixture(t, tempDB(t), ts.URL+"/feed.xml", newClock())
	t0 := fx.clock.Now()

	// First poll: 200 with an ETag; both items go to the pipeline.
	fx.pollDue(t, 1)
	if got := fx.ing.calls(); len(got) != 1 || strings.Join(itemKeys(t, got[0].Raw), " ") != "guid:w-1 guid:w-2" {
		t.Fatalf("first poll ingested %d inputs, want one feed with w-1 and w-2", len(got))
	}
	f := fx.state(t)
	if f.ETag != `"v1"` || f.ItemsSeen != 2 || !f.NextPoll.Equal(t0.Add(10*time.Minute)) || f.LastOK == nil {
		t.Fatalf("after 200: etag %q items_seen %d next_poll %v last_ok %v", f.ETag, f.ItemsSeen, f.NextPoll, f.LastOK)
	}
	if docs := documents(t, fx.st); docs != 2 {
		t.Fatalf("the pipeline stored %d documents from the feed, want 2 (one per item)", docs)
	}

	// Not due yet: nothing is fetched.
	fx.clock.Advance(9 * time.Minute)
	fx.pollDue(t, 0)

	// Due: the poller sends If-None-Match and the 304 ingests nothing.
	fx.clock.Advance(time.Minute)
	fx.pollDue(t, 1)
	if got := srv.last().Get("If-None-Match"); got != `"v1"` {
		t.Errorf("second request If-None-Match = %q, want %q", got, `"v1"`)
	}
	if n := len(fx.ing.calls()); n != 1 {
		t.Errorf("304 handed %d more inputs to the pipeline, want 0", n-1)
	}
	if st := fx.p.Stats(); st.Polls != 2 || st.NotModified != 1 || st.Errors != 0 {
		t.Errorf("Stats() = %+v, want 2 polls, 1 not modified, 0 errors", st)
	}
	if got := fx.state(t).NextPoll; !got.Equal(t0.Add(20 * time.Minute)) {
		t.Errorf("next_poll after 304 = %v, want %v", got, t0.Add(20*time.Minute))
	}

	// The feed changes: only the new item reaches the pipeline.
	srv.set(func(s *feedServer) { s.body, s.etag = rssFeed("w-1", "w-2", "w-3"), `"v2"` })
	fx.clock.Advance(10 * time.Minute)
	fx.pollDue(t, 1)
	calls := fx.ing.calls()
	if len(calls) != 2 {
		t.Fatalf("changed feed: %d ingests, want 2", len(calls))
	}
	if got := strings.Join(itemKeys(t, calls[1].Raw), " "); got != "guid:w-3" {
		t.Errorf("changed feed ingested items %q, want only guid:w-3", got)
	}
	if f := fx.state(t); f.ETag != `"v2"` || f.ItemsSeen != 3 {
		t.Errorf("after change: etag %q items_seen %d, want \"v2\" and 3", f.ETag, f.ItemsSeen)
	}
	if docs := documents(t, fx.st); docs != 3 {
		t.Errorf("documents after the new item = %d, want 3", docs)
	}
}

func TestPollerBackoff(t *testing.T) {
	srv := &feedServer{status: http.StatusInternalServerError}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	fx := newPollerFixture(t, tempDB(t), ts.URL, newClock())

	// With Rand = 0.5 the wait is 3/4 of interval·2^(n-1), capped at 6 h.
	tests := []struct {
		name string
		wait time.Duration
	}{
		{"first error", 7*time.Minute + 30*time.Second},
		{"second error", 15 * time.Minute},
		{"third error", 30 * time.Minute},
		{"fourth error", time.Hour},
		{"fifth error", 2 * time.Hour},
		{"sixth error", 4 * time.Hour},
		{"seventh error, capped", 4*time.Hour + 30*time.Minute},
		{"eighth error, capped", 4*time.Hour + 30*time.Minute},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := fx.clock.Now()
			fx.pollDue(t, 1)
			f := fx.state(t)
			if f.ConsecutiveErrors != i+1 {
				t.Errorf("consecutive_errors = %d, want %d", f.ConsecutiveErrors, i+1)
			}
			if got := f.NextPoll.Sub(at); got != tt.wait {
				t.Errorf("backoff after error %d = %v, want %v", i+1, got, tt.wait)
			}
			if !strings.Contains(f.LastError, "500") || f.LastErrorAt == nil || !f.LastErrorAt.Equal(at) {
				t.Errorf("last_error = %q at %v, want an HTTP 500 at %v", f.LastError, f.LastErrorAt, at)
			}
			fx.clock.Advance(tt.wait - time.Second)
			fx.pollDue(t, 0) // not before the backoff ends
			fx.clock.Advance(time.Second)
		})
	}
	if got := fx.p.Stats().Errors; got != int64(len(tests)) {
		t.Errorf("Stats().Errors = %d, want %d", got, len(tests))
	}

	// Recovery clears the error state and returns to the normal interval.
	srv.set(func(s *feedServer) { s.status, s.body = 0, rssFeed("r-1") })
	at := fx.clock.Now()
	fx.pollDue(t, 1)
	f := fx.state(t)
	if f.ConsecutiveErrors != 0 || f.LastError != "" || !f.NextPoll.Equal(at.Add(10*time.Minute)) {
		t.Errorf("after recovery: errors %d last_error %q next_poll %v", f.ConsecutiveErrors, f.LastError, f.NextPoll)
	}
}

func TestPollerResumesWithoutReingest(t *testing.T) {
	// The server ignores validators, as many do: every poll is a full 200.
	srv := &feedServer{body: rssFeed("r-1", "r-2")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	db := tempDB(t)
	clock := newClock()

	fx := newPollerFixture(t, db, ts.URL, clock)
	fx.pollDue(t, 1)
	docs := documents(t, fx.st)
	if docs != 2 || len(fx.ing.calls()) != 1 {
		t.Fatalf("first run stored %d documents in %d ingests", docs, len(fx.ing.calls()))
	}
	if err := fx.st.Close(); err != nil {
		t.Fatal(err)
	}

	// A new process: same database, new poller, same feed answer.
	clock.Advance(time.Hour)
	fx2 := newPollerFixture(t, db, ts.URL, clock)
	if fx2.feed.ID != fx.feed.ID {
		t.Fatalf("re-adding the feed made a new row %d (was %d)", fx2.feed.ID, fx.feed.ID)
	}
	fx2.pollDue(t, 1)
	if n := len(fx2.ing.calls()); n != 0 {
		t.Errorf("after restart %d inputs went to the pipeline, want 0 (all items seen)", n)
	}
	if got := documents(t, fx2.st); got != docs {
		t.Errorf("documents after restart = %d, want %d", got, docs)
	}
	if got := fx2.p.Stats().ItemsSkipped; got != 2 {
		t.Errorf("Stats().ItemsSkipped = %d, want 2", got)
	}
	if srv.count() != 2 {
		t.Errorf("server saw %d requests, want 2", srv.count())
	}
}

func TestPollerRefusesPrivateByDefault(t *testing.T) {
	srv := &feedServer{body: rssFeed("p-1")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	clock := newClock()
	st := openStore(t, tempDB(t))
	ing := newIngester(t, st)
	p := NewPoller(st, ing, PollerOptions{Now: clock.Now, Rand: func() float64 { return 0 }})
	f, _, err := st.AddFeed(context.Background(), ts.URL, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := st.Feed(context.Background(), f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.LastError, fetch.ErrForbiddenAddress.Error()) || got.ConsecutiveErrors != 1 {
		t.Errorf("last_error = %q (errors %d), want a forbidden-address error", got.LastError, got.ConsecutiveErrors)
	}
	if srv.count() != 0 || len(ing.calls()) != 0 {
		t.Errorf("a refused feed reached the server (%d) or the pipeline (%d)", srv.count(), len(ing.calls()))
	}
}

func TestPollerRunStopsOnCancel(t *testing.T) {
	st := openStore(t, tempDB(t))
	p := NewPoller(st, newIngester(t, st), PollerOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx); err != nil {
		t.Errorf("Run(cancelled) = %v, want nil", err)
	}
}

func TestAddFeedFile(t *testing.T) {
	st := openStore(t, tempDB(t))
	path := filepath.Join(t.TempDir(), "feeds.txt")
	list := "# wires\nhttps://wire.example.org/rss\n\n  https://east.example.net/atom.xml  # eastern desk\nhttps://wire.example.org/rss\n"
	if err := os.WriteFile(path, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{2, 0} { // the second load adds nothing
		n, err := AddFeedFile(context.Background(), st, path, 0)
		if err != nil || n != want {
			t.Fatalf("AddFeedFile() run %d = %d, %v; want %d, nil", i+1, n, err, want)
		}
	}
	feeds, err := st.Feeds(context.Background())
	if err != nil || len(feeds) != 2 || feeds[1].URL != "https://east.example.net/atom.xml" || feeds[0].Interval != DefaultFeedInterval {
		t.Fatalf("Feeds() = %+v, %v", feeds, err)
	}
}

func TestReadFeedList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int
		wantErr bool
	}{
		{"comments and blanks", "# a\n\nhttp://a.example/x\n   # b\n", 1, false},
		{"trailing comment", "https://a.example/feed # main\n", 1, false},
		{"not a URL", "https://a.example/feed\nfeeds.example.org/rss\n", 0, true},
		{"ftp", "ftp://a.example/feed\n", 0, true},
		{"two URLs on a line", "https://a.example/feed https://b.example/feed\n", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFeedList(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr || (err == nil && len(got) != tt.want) {
				t.Fatalf("ReadFeedList(%q) = %q, %v; want %d URLs, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrFeedURL) {
				t.Errorf("error %v does not wrap ErrFeedURL", err)
			}
		})
	}
}

func TestPollerFeedRemovedDuringPoll(t *testing.T) {
	srv := &feedServer{body: rssFeed("x-1")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	fx := newPollerFixture(t, tempDB(t), ts.URL, newClock())
	f := *fx.feed
	if err := fx.st.RemoveFeed(context.Background(), f.ID); err != nil {
		t.Fatal(err)
	}
	// The poller still holds the row it read before the removal.
	if err := fx.p.Poll(context.Background(), f); err != nil {
		t.Errorf("Poll(removed feed) = %v, want nil", err)
	}
	srv.set(func(s *feedServer) { s.status = http.StatusBadGateway })
	if err := fx.p.Poll(context.Background(), f); err != nil {
		t.Errorf("Poll(removed, failing feed) = %v, want nil", err)
	}
}

// FuzzReadFeedList checks that every URL the list reader accepts is one the
// poller can fetch.
func FuzzReadFeedList(f *testing.F) {
	f.Add("# wires\nhttps://wire.example.org/rss # main\n\nhttp://a.example/x\n")
	f.Add("ftp://x\n")
	f.Fuzz(func(t *testing.T, list string) {
		urls, err := ReadFeedList(strings.NewReader(list))
		if err != nil {
			return
		}
		for _, u := range urls {
			if err := CheckFeedURL(u); err != nil || strings.ContainsAny(u, " \t\r\n") {
				t.Fatalf("ReadFeedList accepted %q: %v", u, err)
			}
		}
	})
}

func TestPollerForgetsOldItems(t *testing.T) {
	srv := &feedServer{body: rssFeed("o-1", "o-2")}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	clock := newClock()
	st := openStore(t, tempDB(t))
	ing := newIngester(t, st)
	p := NewPoller(st, ing, PollerOptions{Fetch: fetch.Options{AllowPrivate: true}, Now: clock.Now, ItemRetention: 24 * time.Hour})
	if _, _, err := st.AddFeed(context.Background(), ts.URL, time.Hour); err != nil {
		t.Fatal(err)
	}
	poll := func() {
		t.Helper()
		if _, err := p.PollDue(context.Background()); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Hour)
	}
	poll()
	// o-1 drops out of the feed; o-2 stays listed and so stays remembered.
	srv.set(func(s *feedServer) { s.body = rssFeed("o-2") })
	for range 25 {
		poll()
	}
	// o-1 is back after more than the retention: it is offered again (the
	// pipeline then sees a duplicate text), o-2 is not.
	srv.set(func(s *feedServer) { s.body = rssFeed("o-1", "o-2") })
	poll()
	calls := ing.calls()
	if len(calls) != 2 {
		t.Fatalf("%d ingests, want 2", len(calls))
	}
	if got := strings.Join(itemKeys(t, calls[1].Raw), " "); got != "guid:o-1" {
		t.Errorf("after the retention ingested %q, want guid:o-1", got)
	}
}
