package merge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Places of Russia's border oblasts (rounded real coordinates), for the
// pattern of the held-out corpus's m22–m24: one ministry tally naming three
// oblasts, a wire story split into a report at Kursk and Oryol cities and one
// at Bryansk city, and an outlet naming only Bryansk oblast.
var (
	bryansk    = model.Location{Name: "Bryansk", Admin1: "Bryansk Oblast", Country: "RU", Lat: 53.2521, Lon: 34.3717, GeonamesID: 571476, Feature: "city", Resolved: true}
	kursk      = model.Location{Name: "Kursk", Admin1: "Kursk Oblast", Country: "RU", Lat: 51.7373, Lon: 36.1874, GeonamesID: 538560, Feature: "city", Resolved: true}
	oryol      = model.Location{Name: "Oryol", Admin1: "Oryol Oblast", Country: "RU", Lat: 52.9651, Lon: 36.0785, GeonamesID: 515012, Feature: "city", Resolved: true}
	bryanskObl = model.Location{Name: "Bryansk Oblast", Admin1: "Bryansk Oblast", Country: "RU", Lat: 52.76, Lon: 33.51, Feature: "admin1", Resolved: true}
	kurskObl   = model.Location{Name: "Kursk Oblast", Admin1: "Kursk Oblast", Country: "RU", Lat: 51.66, Lon: 36.02, Feature: "admin1", Resolved: true}
	oryolObl   = model.Location{Name: "Oryol Oblast", Admin1: "Oryol Oblast", Country: "RU", Lat: 52.85, Lon: 36.50, Feature: "admin1", Resolved: true}
	russia     = model.Location{Name: "Russia", Country: "RU", Lat: 56, Lon: 38, Feature: "country", Resolved: true}
)

// openDocs stores one document per entry of docs (originals first) in a new
// store.
func openDocs(t *testing.T, docs map[string]DocInfo) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "order.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		da, db := docs[a].DuplicateOf != "", docs[b].DuplicateOf != ""
		if da != db {
			if da {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	err = st.Batch(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			d := &model.Document{ID: id, Text: "text of " + id, Publisher: docs[id].Publisher, DuplicateOf: docs[id].DuplicateOf, Format: model.FormatText}
			if _, err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// groupsOf renders a partition as its events' sorted member lists, one a
// line, sorted: two partitions are equal when their texts are.
func groupsOf(events map[string][]string) string {
	var lines []string
	for _, ms := range events {
		ms = slices.Clone(ms)
		slices.Sort(ms)
		lines = append(lines, strings.Join(ms, " "))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// partitionGroups is Partition of the whole set, rendered by groupsOf.
func partitionGroups(rs []model.Report, c Constraints) string {
	events := map[string][]string{}
	for _, cl := range Partition(rs, c) {
		events[cl.ID] = cl.Reports
	}
	return groupsOf(events)
}

// storedGroups is the stored partition, rendered by groupsOf; every report
// must be in an event.
func storedGroups(t *testing.T, st *store.Store) string {
	t.Helper()
	events := map[string][]string{}
	err := st.Reports(context.Background(), func(r *model.Report) error {
		if r.Event == "" {
			return fmt.Errorf("report %s has no event", r.ID)
		}
		events[r.Event] = append(events[r.Event], r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return groupsOf(events)
}

// checkOrderIndependent checks that Partition gives the same groups for
// every shuffle of rs, and that ingesting rs through Reports in shuffled
// orders and batches of every size in batches stores those groups.
func checkOrderIndependent(t *testing.T, rs []model.Report, docs map[string]DocInfo, rng *rand.Rand, shuffles int, batches []int) {
	t.Helper()
	cons := originals(docs)
	want := partitionGroups(rs, cons)
	for s := range shuffles {
		p := slices.Clone(rs)
		rng.Shuffle(len(p), func(a, b int) { p[a], p[b] = p[b], p[a] })
		if s == 0 {
			slices.Reverse(p)
		}
		if got := partitionGroups(p, cons); got != want {
			t.Fatalf("Partition of a shuffled input:\n%s\nwant\n%s", got, want)
		}
		batch := batches[s%len(batches)]
		st := openDocs(t, docs)
		ingest(t, st, p, batch)
		if got := storedGroups(t, st); got != want {
			order := make([]string, len(p))
			for i := range p {
				order[i] = p[i].ID
			}
			t.Fatalf("ingest in batches of %d, order %v:\n%s\nwant Partition's\n%s", batch, order, got, want)
		}
	}
}

// TestOrderBorderOblasts is the pattern of held-out corpus 2's m22–m24: an
// oblast-wide tally, a report at two cities, one at a third city and one at
// an oblast. Every order and batch size gives Partition's events.
func TestOrderBorderOblasts(t *testing.T) {
	docs := map[string]DocInfo{"d-mod": {Publisher: "Russian Ministry of Defence"}, "d-wire": {Publisher: "Izvestnik"}, "d-meridian": {Publisher: "Meridian"}}
	rs := []model.Report{
		rep("m22", "d-mod", "2027-01-10", "2027-01-11", at(bryanskObl, kurskObl, oryolObl), by(model.SideUA), weapon("drone", 38)),
		rep("m23a", "d-wire", "2027-01-10", "2027-01-11", at(kursk, oryol), by(model.SideUA), weapon("drone", 0)),
		rep("m23b", "d-wire", "2027-01-10", "2027-01-11", at(bryansk), by(model.SideUA), weapon("drone", 0)),
		rep("m24", "d-meridian", "2027-01-10", "2027-01-11", at(bryanskObl), by(model.SideUA), weapon("drone", 38)),
	}
	checkOrderIndependent(t, rs, docs, rand.New(rand.NewPCG(1, 2)), 24, []int{1, 2, 3, 4})
}

// TestOrderNightChain is a run of overnight reports at one city, each night
// overlapping the next by a day. Coherence lets each event hold one night
// only, so which nights pair up is decided along the whole run: merging a
// new report must re-partition the whole run, not only the reports within
// a few days of it.
func TestOrderNightChain(t *testing.T) {
	docs := map[string]DocInfo{}
	var rs []model.Report
	for i := range 14 {
		doc := fmt.Sprintf("d-night-%02d", i)
		docs[doc] = DocInfo{Publisher: "Slobozhan News"}
		lo := fmt.Sprintf("2025-07-%02d", 1+i)
		hi := fmt.Sprintf("2025-07-%02d", 2+i)
		rs = append(rs, rep(fmt.Sprintf("n%02d", i), doc, lo, hi, at(kharkiv), by(model.SideRU)))
	}
	checkOrderIndependent(t, rs, docs, rand.New(rand.NewPCG(5, 6)), 24, []int{1, 2, 3, 5})
}

// TestOrderRandomReports is a property test: random reports of a few
// types, dated within three weeks, at random cities (real coordinates),
// oblasts or the whole country, by random sides, some of them copies of
// other documents. For every seed, Partition does not depend on the order
// of its input and ingesting in any order and batch size stores
// Partition's events.
func TestOrderRandomReports(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests many random corpora")
	}
	for seed := range uint64(12) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 0x5eed))
			rs, docs := randomReports(rng, 40)
			checkOrderIndependent(t, rs, docs, rng, 6, []int{1, 3, 7, 40})
		})
	}
}

// randomReports makes n reports in at most n documents.
func randomReports(rng *rand.Rand, n int) ([]model.Report, map[string]DocInfo) {
	cities := []model.Location{kyiv, darnytsia, brovary, odesa, kharkiv, kupiansk, vovchansk, staroko, bryansk, kursk, oryol}
	oblasts := []model.Location{kyivObl, kharkObl, bryanskObl, kurskObl, oryolObl}
	types := []model.EventType{model.Attack, model.Attack, model.Attack, model.TerritorialChange}
	sides := []model.Side{"", model.SideRU, model.SideRU, model.SideUA}
	weapons := []string{"", "drone", "missile", "glide_bomb"}
	pick := func(ls []model.Location) model.Location { return ls[rng.IntN(len(ls))] }

	docs := map[string]DocInfo{}
	var docIDs []string
	var rs []model.Report
	for i := range n {
		// A third of the reports share a document with an earlier one;
		// some documents are near-duplicates of an earlier document.
		var doc string
		if len(docIDs) > 0 && rng.IntN(3) == 0 {
			doc = docIDs[rng.IntN(len(docIDs))]
		} else {
			doc = fmt.Sprintf("d%02d", i)
			info := DocInfo{Publisher: fmt.Sprintf("outlet %d", rng.IntN(6))}
			if len(docIDs) > 0 && rng.IntN(5) == 0 {
				orig := docIDs[rng.IntN(len(docIDs))]
				if docs[orig].DuplicateOf != "" {
					orig = docs[orig].DuplicateOf
				}
				info.DuplicateOf = orig
			}
			docs[doc] = info
			docIDs = append(docIDs, doc)
		}
		day := 1 + rng.IntN(21)
		start, end := fmt.Sprintf("2025-07-%02d", day), ""
		switch rng.IntN(6) {
		case 0, 1: // overnight
			end = fmt.Sprintf("2025-07-%02d", day+1)
		case 2:
			end = fmt.Sprintf("2025-07-%02d", day+2)
		}
		var locs []model.Location
		switch k := rng.IntN(10); {
		case k < 5:
			locs = []model.Location{pick(cities)}
		case k < 7:
			locs = []model.Location{pick(cities), pick(cities)}
		case k < 8:
			locs = []model.Location{pick(oblasts)}
		case k < 9:
			locs = []model.Location{pick(oblasts), pick(oblasts)}
		default:
			locs = []model.Location{[]model.Location{ukraine, russia}[rng.IntN(2)]}
		}
		opts := []opt{at(locs...), typ(types[rng.IntN(len(types))])}
		if s := sides[rng.IntN(len(sides))]; s != "" {
			opts = append(opts, by(s))
		}
		if w := weapons[rng.IntN(len(weapons))]; w != "" {
			opts = append(opts, weapon(w, 0))
		}
		r := rep(fmt.Sprintf("r%02d", i), doc, start, end, opts...)
		switch rng.IntN(12) {
		case 0:
			r.Date = model.DateRange{} // undated
		case 1:
			r.Date = model.DateRange{Start: "2025-07", Precision: model.Month}
		}
		rs = append(rs, r)
	}
	return rs, docs
}
