package api

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// The benchmarks run against a generated database of SITREP_BENCH_EVENTS
// events (default 100000), kept at SITREP_BENCH_DB (default
// $TMPDIR/sitrep-bench-N.db) and reused by later runs:
//
//	SITREP_BENCH_EVENTS=1000000 go test -run '^$' -bench Queries -benchtime 200x ./internal/api
func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// benchCities are invented anchor points inside Ukraine and western
// Russia; events scatter around them the way reporting clusters on towns.
var benchCities = func() [][2]float64 {
	r := rand.New(rand.NewPCG(7, 7))
	out := make([][2]float64, 300)
	for i := range out {
		out[i] = [2]float64{22.5 + r.Float64()*17.5, 44.5 + r.Float64()*7.5} // lon, lat
	}
	return out
}()

var (
	benchTypes   = []model.EventType{model.Attack, model.Attack, model.Attack, model.Attack, model.Attack, model.Attack, model.AirAlert, model.AirAlert, model.Battle, model.TerritorialChange, model.Deployment}
	benchWeapons = []string{"drone", "cruise_missile", "ballistic_missile", "glide_bomb", "artillery", "mlrs", "fpv_drone"}
	benchStatus  = []model.Status{model.StatusClaimed, model.StatusReported, model.StatusCorroborated, model.StatusConfirmed}
	benchStart   = time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)
	benchDays    = 1735
)

// genEvent makes the i-th synthetic event, deterministically.
func genEvent(r *rand.Rand, i int) *model.Event {
	typ := benchTypes[r.IntN(len(benchTypes))]
	day := benchStart.AddDate(0, 0, r.IntN(benchDays))
	ev := &model.Event{ID: fmt.Sprintf("bench-%07d", i), Type: typ, Date: model.DateRange{Start: day.Format(time.DateOnly), Precision: model.Day}}
	if r.IntN(10) == 0 {
		ev.Date.End = day.AddDate(0, 0, 1).Format(time.DateOnly)
	}
	c := benchCities[r.IntN(len(benchCities))]
	ev.Locations = []model.Location{{Name: "Town " + strconv.Itoa(r.IntN(5000)), Lon: c[0] + r.NormFloat64()*0.1, Lat: c[1] + r.NormFloat64()*0.1, Resolved: true, Country: "UA"}}
	if typ != model.AirAlert {
		side := model.SideRU
		if r.IntN(5) == 0 {
			side = model.SideUA
		}
		ev.Attacker = &model.Actor{Side: side}
	}
	if typ == model.Attack {
		for k := 0; k < 1+r.IntN(2); k++ {
			if w := benchWeapons[r.IntN(len(benchWeapons))]; !slices.Contains(ev.Weapons, w) {
				ev.Weapons = append(ev.Weapons, w)
			}
		}
		ev.Headline = map[string]model.Headline{"killed": {Value: float64(r.IntN(6)), Qualifier: model.AtLeast, Rule: "max"}}
	}
	ev.IndependentSources = 1 + r.IntN(5)
	ev.Status = benchStatus[min(ev.IndependentSources-1, 3)]
	ev.Reports = []string{ev.ID + "-r1"}
	ev.Publishers = []string{"Outlet " + strconv.Itoa(r.IntN(40))}
	return ev
}

// benchStore opens (generating on first use) the benchmark database.
func benchStore(tb testing.TB) *store.Store {
	tb.Helper()
	n := benchEvents()
	path := os.Getenv("SITREP_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("sitrep-bench-%d.db", n))
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	var have int
	err = st.Batch(ctx, func(tx *store.Tx) error {
		return tx.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&have)
	})
	if err != nil {
		tb.Fatal(err)
	}
	if have >= n {
		return st
	}
	start := time.Now()
	r := rand.New(rand.NewPCG(1, uint64(have)))
	const batch = 20000
	for i := have; i < n; i += batch {
		err := st.Batch(ctx, func(tx *store.Tx) error {
			stmt, err := tx.SQL().PrepareContext(ctx, `INSERT INTO events (id, type, date_start, date_end, attacker_side, lat, lon,
 independent_sources, status, body, created_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
			if err != nil {
				return err
			}
			defer stmt.Close()
			now := tx.Now().Format(time.RFC3339Nano)
			for j := i; j < min(i+batch, n); j++ {
				ev := genEvent(r, j)
				body, err := json.Marshal(ev)
				if err != nil {
					return err
				}
				var side string
				if ev.Attacker != nil {
					side = string(ev.Attacker.Side)
				}
				l := ev.Locations[0]
				if _, err := stmt.ExecContext(ctx, ev.ID, string(ev.Type), ev.Date.Start, ev.Date.End, side, l.Lat, l.Lon,
					ev.IndependentSources, string(ev.Status), body, now, now, j+1); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := st.Batch(ctx, func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `ANALYZE`)
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d events in %s (%s)", n-have, time.Since(start).Round(time.Millisecond), path)
	return st
}

// benchQuery is one measured query shape, with parameters drawn per run.
type benchQuery struct {
	name string
	run  func(ctx context.Context, st *store.Store, r *rand.Rand) error
}

func randomDay(r *rand.Rand) time.Time { return benchStart.AddDate(0, 0, r.IntN(benchDays)) }

func listOf(f func(r *rand.Rand) store.Filter) func(context.Context, *store.Store, *rand.Rand) error {
	return func(ctx context.Context, st *store.Store, r *rand.Rand) error {
		_, _, err := st.QueryEvents(ctx, f(r))
		return err
	}
}

func histOf(f func(r *rand.Rand) store.Filter) func(context.Context, *store.Store, *rand.Rand) error {
	return func(ctx context.Context, st *store.Store, r *rand.Rand) error {
		_, err := st.Histogram(ctx, f(r))
		return err
	}
}

func boxAround(r *rand.Rand, half float64) *store.BBox {
	c := benchCities[r.IntN(len(benchCities))]
	return &store.BBox{MinLon: c[0] - half, MinLat: c[1] - half, MaxLon: c[0] + half, MaxLat: c[1] + half}
}

var benchQueries = []benchQuery{
	{"list/newest", listOf(func(r *rand.Rand) store.Filter { return store.Filter{} })},
	{"list/type", listOf(func(r *rand.Rand) store.Filter { return store.Filter{Types: []string{"battle"}} })},
	{"list/30-days", listOf(func(r *rand.Rand) store.Filter {
		d := randomDay(r)
		return store.Filter{From: d.Format(time.DateOnly), To: d.AddDate(0, 0, 30).Format(time.DateOnly)}
	})},
	{"list/status+sources+weapon", listOf(func(r *rand.Rand) store.Filter {
		return store.Filter{Statuses: []string{"confirmed"}, MinSources: 4, Weapons: []string{"glide_bomb"}}
	})},
	{"list/page-20", func(ctx context.Context, st *store.Store, r *rand.Rand) error {
		f := store.Filter{Types: []string{"attack", "air_alert"}}
		for range 20 {
			_, next, err := st.QueryEvents(ctx, f)
			if err != nil {
				return err
			}
			f.Cursor = next
		}
		return nil
	}},
	{"list/ui-page-1000", func(ctx context.Context, st *store.Store, r *rand.Rand) error {
		_, _, err := st.QueryEventsJSON(ctx, store.Filter{Limit: 1000})
		return err
	}},
	{"bbox/city", listOf(func(r *rand.Rand) store.Filter { return store.Filter{BBox: boxAround(r, 0.1)} })},
	{"bbox/oblast", listOf(func(r *rand.Rand) store.Filter { return store.Filter{BBox: boxAround(r, 1)} })},
	{"bbox/oblast-ui-page-1000", func(ctx context.Context, st *store.Store, r *rand.Rand) error {
		_, _, err := st.QueryEventsJSON(ctx, store.Filter{BBox: boxAround(r, 1), Limit: 1000})
		return err
	}},
	{"bbox/ukraine", listOf(func(r *rand.Rand) store.Filter {
		return store.Filter{BBox: &store.BBox{MinLon: 22, MinLat: 44, MaxLon: 40.3, MaxLat: 52.4}}
	})},
	{"bbox/oblast+type+90-days", listOf(func(r *rand.Rand) store.Filter {
		d := randomDay(r)
		return store.Filter{BBox: boxAround(r, 1), Types: []string{"attack"}, From: d.Format(time.DateOnly), To: d.AddDate(0, 0, 90).Format(time.DateOnly)}
	})},
	{"histogram/all", histOf(func(r *rand.Rand) store.Filter { return store.Filter{} })},
	{"histogram/type+year", histOf(func(r *rand.Rand) store.Filter {
		d := randomDay(r)
		return store.Filter{Types: []string{"attack"}, From: d.Format(time.DateOnly), To: d.AddDate(1, 0, 0).Format(time.DateOnly)}
	})},
	{"histogram/city-bbox", histOf(func(r *rand.Rand) store.Filter { return store.Filter{BBox: boxAround(r, 0.1)} })},
	{"histogram/oblast-bbox", histOf(func(r *rand.Rand) store.Filter { return store.Filter{BBox: boxAround(r, 1)} })},
	{"histogram/side+90-days", histOf(func(r *rand.Rand) store.Filter {
		d := randomDay(r)
		return store.Filter{Sides: []string{"UA"}, From: d.Format(time.DateOnly), To: d.AddDate(0, 0, 90).Format(time.DateOnly)}
	})},
}

// cpuTime is the CPU time this process has used. On a shared machine it
// is a steadier measure of a query's cost than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// percentile returns the p-th percentile (0..1) of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// BenchmarkQueries measures each query shape and reports p50 and p99 in
// milliseconds next to Go's mean.
func BenchmarkQueries(b *testing.B) {
	st := benchStore(b)
	ctx := context.Background()
	for _, q := range benchQueries {
		b.Run(q.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(42, 42))
			times := make([]time.Duration, 0, b.N)
			cpu0 := cpuTime()
			for b.Loop() {
				t0 := time.Now()
				if err := q.run(ctx, st, r); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			cpu := cpuTime() - cpu0
			slices.Sort(times)
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "cpu-ms/op")
			b.ReportMetric(float64(percentile(times, 0.5).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(times, 0.99).Microseconds())/1000, "p99-ms")
		})
	}
}
