package merge

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// benchCities are the settlements generated events happen in.
var benchCities = []model.Location{
	{Name: "Kyiv", Admin1: "Kyiv City", Lat: 50.4501, Lon: 30.5234},
	{Name: "Kharkiv", Admin1: "Kharkiv Oblast", Lat: 49.9935, Lon: 36.2304},
	{Name: "Odesa", Admin1: "Odesa Oblast", Lat: 46.4825, Lon: 30.7233},
	{Name: "Dnipro", Admin1: "Dnipropetrovsk Oblast", Lat: 48.4647, Lon: 35.0462},
	{Name: "Zaporizhzhia", Admin1: "Zaporizhzhia Oblast", Lat: 47.8388, Lon: 35.1396},
	{Name: "Lviv", Admin1: "Lviv Oblast", Lat: 49.8397, Lon: 24.0297},
	{Name: "Sumy", Admin1: "Sumy Oblast", Lat: 50.9077, Lon: 34.7981},
	{Name: "Kherson", Admin1: "Kherson Oblast", Lat: 46.6354, Lon: 32.6169},
	{Name: "Mykolaiv", Admin1: "Mykolaiv Oblast", Lat: 46.9750, Lon: 31.9946},
	{Name: "Chernihiv", Admin1: "Chernihiv Oblast", Lat: 51.4982, Lon: 31.2893},
	{Name: "Kupiansk", Admin1: "Kharkiv Oblast", Lat: 49.7106, Lon: 37.6156},
	{Name: "Kramatorsk", Admin1: "Donetsk Oblast", Lat: 48.7389, Lon: 37.5848},
	{Name: "Poltava", Admin1: "Poltava Oblast", Lat: 49.5883, Lon: 34.5514},
	{Name: "Vinnytsia", Admin1: "Vinnytsia Oblast", Lat: 49.2331, Lon: 28.4682},
	{Name: "Nikopol", Admin1: "Dnipropetrovsk Oblast", Lat: 47.5712, Lon: 34.3964},
	{Name: "Kryvyi Rih", Admin1: "Dnipropetrovsk Oblast", Lat: 47.9105, Lon: 33.3918},
}

var benchWeapons = []string{"drone", "cruise_missile", "ballistic_missile", "glide_bomb", "artillery"}

// Generate makes about n reports of synthetic events for benchmarks: each
// event is a (city, day) pair reported 1–8 times by different outlets, some
// naming a district a few kilometres off, some only the oblast, with counts
// that differ between sources. Reports come in publication order (the
// event's day plus up to two days of lag). It returns the documents (one
// per report), the reports and the true event of each report.
func Generate(n int, seed uint64) ([]model.Document, []model.Report, map[string]string) {
	rng := rand.New(rand.NewPCG(seed, 99))
	days := max(30, n/12) // about 2.7 events a day across the 16 cities, well under the one-per-city-per-three-days cap
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	used := map[[2]int]bool{}
	var docs []model.Document
	var reports []model.Report
	truth := map[string]string{}
	for e := 0; len(reports) < n; e++ {
		c, d := rng.IntN(len(benchCities)), rng.IntN(days)
		if used[[2]int{c, d}] || used[[2]int{c, d - 1}] || used[[2]int{c, d + 1}] {
			continue // one event per city per three days keeps the truth unambiguous
		}
		used[[2]int{c, d}] = true
		city := benchCities[c]
		city.Country, city.Feature, city.Resolved, city.GeonamesID = "UA", "city", true, int64(700000+c)
		day := start.AddDate(0, 0, d)
		weapon := benchWeapons[rng.IntN(len(benchWeapons))]
		killed := rng.IntN(5)
		event := fmt.Sprintf("e%05d", e)
		for k := range 1 + rng.IntN(8) {
			id := fmt.Sprintf("%s-r%d", event, k)
			doc := model.Document{ID: "doc-" + id, Text: id, Format: model.FormatText, Publisher: fmt.Sprintf("Outlet %d", rng.IntN(12))}
			r := model.Report{ID: id, Doc: doc.ID, Type: model.Attack, Attacker: &model.Actor{Side: model.SideRU}}
			r.Date = model.DateRange{Start: day.Format("2006-01-02"), Precision: model.Day}
			if rng.IntN(2) == 0 {
				r.Date = model.DateRange{Start: day.AddDate(0, 0, -1).Format("2006-01-02"), End: day.Format("2006-01-02"), Precision: model.Day}
			}
			switch p := rng.IntN(10); {
			case p < 6:
				r.Locations = []model.Location{city}
			case p < 9: // a district a few kilometres from the centre
				l := city
				l.Name, l.GeonamesID, l.Feature = city.Name+" district", 0, "district"
				l.Lat += (rng.Float64() - 0.5) * 0.08
				l.Lon += (rng.Float64() - 0.5) * 0.08
				r.Locations = []model.Location{l, city}
			default: // only the oblast
				r.Locations = []model.Location{{Name: city.Admin1, Admin1: city.Admin1, Country: "UA", Feature: "admin1", Resolved: true, Lat: city.Lat + 0.3, Lon: city.Lon}}
			}
			if rng.IntN(3) > 0 {
				r.Weapons = []model.Weapon{{Kind: weapon}}
			}
			if killed > 0 && rng.IntN(2) == 0 {
				r.Casualties.Killed = model.Q(float64(max(0, killed-rng.IntN(2))), model.Exact)
			}
			docs = append(docs, doc)
			reports = append(reports, r)
			truth[id] = event
		}
	}
	// Documents arrive roughly in publication order: sort by the event's day
	// plus up to two days of lag, as a live ingest sees them.
	order := make([]int, len(reports))
	key := make([]int, len(reports))
	for i := range reports {
		order[i] = i
		lo, _, _ := dayNumber(reports[i].Date.End, false)
		if reports[i].Date.End == "" {
			lo, _, _ = dayNumber(reports[i].Date.Start, false)
		}
		key[i] = lo*10 + rng.IntN(20)
	}
	slices.SortStableFunc(order, func(a, b int) int { return key[a] - key[b] })
	sd, sr := make([]model.Document, len(order)), make([]model.Report, len(order))
	for i, j := range order {
		sd[i], sr[i] = docs[j], reports[j]
	}
	return sd, sr, truth
}

// BenchResult is what Bench measured.
type BenchResult struct {
	Reports        int           `json:"reports"`
	Events         int           `json:"true_events"`
	StoreOnly      time.Duration `json:"store_only"`      // storing documents and reports, no merging
	StoreAndMerge  time.Duration `json:"store_and_merge"` // the same with merging in each batch
	MergeTime      time.Duration `json:"merge_time"`      // time inside Reports
	ThroughputLoss float64       `json:"throughput_loss"` // 1 - StoreOnly/StoreAndMerge
	Quality        Quality       `json:"quality"`
}

// String renders r on one line.
func (r BenchResult) String() string {
	return fmt.Sprintf("reports=%d true_events=%d store_only=%s store+merge=%s merge=%s throughput_loss=%.0f%% pair_p=%.3f pair_r=%.3f b3_p=%.3f b3_r=%.3f",
		r.Reports, r.Events, r.StoreOnly.Round(time.Millisecond), r.StoreAndMerge.Round(time.Millisecond), r.MergeTime.Round(time.Millisecond),
		100*r.ThroughputLoss, r.Quality.PairPrecision, r.Quality.PairRecall, r.Quality.BCubedPrecision, r.Quality.BCubedRecall)
}

// Bench stores n generated reports in batches of batch into two fresh
// databases under dir, once without and once with merging, and reports
// both times and the merge quality against the generator's truth.
func Bench(ctx context.Context, dir string, n, batch int) (BenchResult, error) {
	docs, reports, truth := Generate(n, 1)
	res := BenchResult{Reports: len(reports)}
	events := map[string]bool{}
	for _, e := range truth {
		events[e] = true
	}
	res.Events = len(events)
	for pass, doMerge := range []bool{false, true} {
		st, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("bench-%d.db", pass)), nil)
		if err != nil {
			return res, err
		}
		t0 := time.Now()
		for i := 0; i < len(reports); i += batch {
			j := min(i+batch, len(reports))
			err := st.Batch(ctx, func(tx *store.Tx) error {
				for k := i; k < j; k++ {
					if _, err := tx.InsertDocument(ctx, &docs[k]); err != nil {
						return err
					}
				}
				if err := tx.InsertReports(ctx, reports[i:j]); err != nil {
					return err
				}
				if !doMerge {
					return nil
				}
				m0 := time.Now()
				_, err := Reports(ctx, tx, reports[i:j])
				res.MergeTime += time.Since(m0)
				return err
			})
			if err != nil {
				st.Close()
				return res, err
			}
		}
		elapsed := time.Since(t0)
		if !doMerge {
			res.StoreOnly = elapsed
			st.Close()
			continue
		}
		res.StoreAndMerge = elapsed
		got := map[string]string{}
		err = st.Reports(ctx, func(r *model.Report) error {
			got[r.ID] = r.Event
			return nil
		})
		st.Close()
		if err != nil {
			return res, err
		}
		res.Quality = CompareClusters(truth, got)
	}
	res.ThroughputLoss = 1 - res.StoreOnly.Seconds()/math.Max(res.StoreAndMerge.Seconds(), 1e-9)
	return res, nil
}
