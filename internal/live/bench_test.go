package live

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
)

func guids(n int, prefix string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s-%03d", prefix, i)
	}
	return out
}

// BenchmarkScanItems measures the identity scan of a 50-item feed.
func BenchmarkScanItems(b *testing.B) {
	body := rssFeed(guids(50, "b")...)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, ok := scanItems(body); !ok {
			b.Fatal("not a feed")
		}
	}
}

// BenchmarkPoll compares a poll of a 50-item feed whose items are all new
// with one in which 49 were seen before (the common case for a live feed).
func BenchmarkPoll(b *testing.B) {
	for _, tc := range []struct {
		name string
		seen int
	}{{"all 50 new", 0}, {"1 new of 50", 49}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				srv := &feedServer{}
				ts := httptest.NewServer(srv)
				st := openStore(b, tempDB(b))
				ing := newIngester(b, st)
				clock := newClock()
				p := NewPoller(st, ing, PollerOptions{Fetch: fetch.Options{AllowPrivate: true}, Now: clock.Now})
				f, _, err := st.AddFeed(context.Background(), ts.URL, time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				prefix := fmt.Sprintf("run%d", i)
				if tc.seen > 0 {
					srv.body = rssFeed(guids(tc.seen, prefix)...)
					if err := p.Poll(context.Background(), *f); err != nil {
						b.Fatal(err)
					}
				}
				srv.body = rssFeed(guids(50, prefix)...)
				b.StartTimer()
				if err := p.Poll(context.Background(), *f); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				ts.Close()
				st.Close()
				b.StartTimer()
			}
		})
	}
}
