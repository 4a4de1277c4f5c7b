package api

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestLoad is a bounded loopback load run: SITREP_LOAD_CLIENTS concurrent
// clients (default 200) for SITREP_LOAD_SECONDS (default 10) against the
// real server on 127.0.0.1 over the benchmark database (see benchStore). It
// reports throughput and latency percentiles and fails on any error or
// non-200 reply. It only runs when SITREP_LOAD=1:
//
//	SITREP_LOAD=1 SITREP_BENCH_EVENTS=1000000 go test -run TestLoad -v ./internal/api
func TestLoad(t *testing.T) {
	if os.Getenv("SITREP_LOAD") != "1" {
		t.Skip("set SITREP_LOAD=1 to run the loopback load test")
	}
	clients, seconds := envInt("SITREP_LOAD_CLIENTS", 200), envInt("SITREP_LOAD_SECONDS", 10)
	page := envInt("SITREP_LOAD_PAGE", 1000) // the UI's map asks for 1000 events
	st := benchStore(t)
	srv := New(Options{Store: st})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	n := benchEvents()
	// The mix follows the UI: a map page of up to 1000 events, the timeline
	// without dates, a filtered list, a filtered histogram and event pages.
	kinds := []string{"events?limit=N", "histogram", "events?bbox&limit=N", "events?type&dates", "histogram?types&dates", "events/{id}"}
	urls := func(r *rand.Rand) (int, string) {
		d := randomDay(r)
		c := benchCities[r.IntN(len(benchCities))]
		k := r.IntN(len(kinds))
		switch k {
		case 0:
			return k, fmt.Sprintf("/api/v1/events?limit=%d", page)
		case 1:
			return k, "/api/v1/histogram"
		case 2:
			return k, fmt.Sprintf("/api/v1/events?limit=%d&bbox=%.3f,%.3f,%.3f,%.3f", page, c[0]-1, c[1]-1, c[0]+1, c[1]+1)
		case 3:
			return k, "/api/v1/events?type=attack&from=" + d.Format(time.DateOnly) + "&to=" + d.AddDate(0, 0, 30).Format(time.DateOnly)
		case 4:
			return k, "/api/v1/histogram?type=attack,air_alert&from=" + d.Format(time.DateOnly) + "&to=" + d.AddDate(0, 3, 0).Format(time.DateOnly)
		default:
			return k, fmt.Sprintf("/api/v1/events/bench-%07d", r.IntN(n))
		}
	}
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	var mu sync.Mutex
	var times []time.Duration
	byKind := make([][]time.Duration, len(kinds))
	var failures []string
	var wg sync.WaitGroup
	start := time.Now()
	for i := range clients {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(i), 9))
			var mine []time.Duration
			mineByKind := make([][]time.Duration, len(kinds))
			for time.Now().Before(deadline) {
				k, u := urls(r)
				t0 := time.Now()
				resp, err := client.Get(base + u)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				mine = append(mine, time.Since(t0))
				mineByKind[k] = append(mineByKind[k], time.Since(t0))
				if err != nil {
					mu.Lock()
					failures = append(failures, u+": "+err.Error())
					mu.Unlock()
				}
			}
			mu.Lock()
			times = append(times, mine...)
			for k := range kinds {
				byKind[k] = append(byKind[k], mineByKind[k]...)
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(times)
	t.Logf("page %d, %d clients, %s, %d events: %d requests, %.0f req/s, p50 %s, p90 %s, p99 %s, max %s, %d errors",
		page, clients, elapsed.Round(time.Millisecond), n, len(times), float64(len(times))/elapsed.Seconds(),
		percentile(times, 0.5).Round(time.Microsecond), percentile(times, 0.9).Round(time.Microsecond),
		percentile(times, 0.99).Round(time.Microsecond), times[len(times)-1].Round(time.Microsecond), len(failures))
	for k, name := range kinds {
		slices.Sort(byKind[k])
		t.Logf("  %-22s %6d requests, p50 %s, p99 %s", name, len(byKind[k]), percentile(byKind[k], 0.5).Round(time.Microsecond),
			percentile(byKind[k], 0.99).Round(time.Microsecond))
	}
	if len(failures) > 0 {
		t.Errorf("%d failed requests, first: %s", len(failures), failures[0])
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
