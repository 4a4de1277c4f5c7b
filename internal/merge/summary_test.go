package merge

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// summarise partitions the corpus and summarises every event, keyed by the
// letter of its reports.
func summarise(t *testing.T) map[string]model.Event {
	t.Helper()
	rs, docs := corpus()
	byID := map[string]model.Report{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	out := map[string]model.Event{}
	for _, c := range Partition(rs, originals(docs)) {
		var members []model.Report
		for _, id := range c.Reports {
			members = append(members, byID[id])
		}
		out[c.Reports[0][:1]] = Summarise(c.ID, members, docs)
	}
	return out
}

func TestSummarise(t *testing.T) {
	evs := summarise(t)
	tests := []struct {
		event         string
		independent   int
		status        model.Status
		discrepancies []string
		headline      map[string]model.Headline // Value and Qualifier checked
		date          string
	}{
		{"A", 3, model.StatusConfirmed, []string{"injured", "killed"},
			map[string]model.Headline{"killed": {Value: 3, Qualifier: model.AtLeast}, "injured": {Value: 16, Qualifier: model.Exact}, "missiles_launched": {Value: 4, Qualifier: model.Exact}},
			"2025-07-03..2025-07-04"},
		{"B", 2, model.StatusCorroborated, []string{"drones_launched"},
			map[string]model.Headline{"injured": {Value: 3, Qualifier: model.Exact}, "drones_launched": {Value: 30, Qualifier: model.Exact}}, "2025-07-03..2025-07-04"},
		{"C", 2, model.StatusCorroborated, nil, map[string]model.Headline{"injured": {Value: 1, Qualifier: model.Exact}}, "2025-07-10..2025-07-11"},
		{"D", 3, model.StatusConfirmed, nil, map[string]model.Headline{"killed": {Value: 1, Qualifier: model.Exact}}, "2025-07-04"},
		{"E", 2, model.StatusConfirmed, nil, map[string]model.Headline{"injured": {Value: 2, Qualifier: model.Exact}}, "2025-07-04"},
		{"I", 1, model.StatusReported, nil, map[string]model.Headline{}, "2025-07-04"},
		{"G", 1, model.StatusClaimed, nil, map[string]model.Headline{}, "2025-07-05"},
		{"H", 2, model.StatusCorroborated, []string{"drones_launched"},
			map[string]model.Headline{"drones_launched": {Value: 125, Qualifier: model.Exact}, "missiles_launched": {Value: 6, Qualifier: model.Exact}}, "2025-07-04"},
		{"J", 1, model.StatusReported, nil, map[string]model.Headline{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.event, func(t *testing.T) {
			ev, ok := evs[tt.event]
			if !ok {
				t.Fatalf("no event %s", tt.event)
			}
			if ev.IndependentSources != tt.independent {
				t.Errorf("IndependentSources = %d, want %d (publishers %v)", ev.IndependentSources, tt.independent, ev.Publishers)
			}
			if ev.Status != tt.status {
				t.Errorf("Status = %s (%s), want %s", ev.Status, ev.StatusReason, tt.status)
			}
			var fields []string
			for _, d := range ev.Discrepancies {
				fields = append(fields, d.Field)
				if len(d.Values) < 2 {
					t.Errorf("discrepancy %s has %d values, want every source's", d.Field, len(d.Values))
				}
			}
			if !slices.Equal(fields, tt.discrepancies) {
				t.Errorf("discrepancy fields = %v, want %v", fields, tt.discrepancies)
			}
			for k, w := range tt.headline {
				h := ev.Headline[k]
				if h.Value != w.Value || h.Qualifier != w.Qualifier || h.Rule == "" {
					t.Errorf("Headline[%s] = %+v, want %v %s with a rule", k, h, w.Value, w.Qualifier)
				}
			}
			if got := rangeText(ev.Date); got != tt.date {
				t.Errorf("Date = %s, want %s", got, tt.date)
			}
		})
	}
	// Every value of a discrepancy names its report, document and publisher.
	for _, d := range evs["A"].Discrepancies {
		for _, v := range d.Values {
			if v.Report == "" || v.Doc == "" || v.Publisher == "" {
				t.Errorf("discrepancy %s value %+v lacks provenance", d.Field, v)
			}
		}
	}
}

func TestSummariseGolden(t *testing.T) {
	evs := summarise(t)
	var keys []string
	for k := range evs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var list []model.Event
	for _, k := range keys {
		list = append(list, evs[k])
	}
	got, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "corpus_events.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("events differ from %s; run go test -update and review the diff", path)
	}
}

func TestCompatibleCounts(t *testing.T) {
	tests := []struct {
		name string
		a, b *model.Quantity
		want bool
	}{
		{"same", model.Q(12, model.Exact), model.Q(12, model.Exact), true},
		{"different exact", model.Q(12, model.Exact), model.Q(14, model.Exact), false},
		{"at least below", model.Q(12, model.AtLeast), model.Q(17, model.Exact), true},
		{"at least above", model.Q(15, model.AtLeast), model.Q(12, model.Exact), false},
		{"more than equal", model.Q(12, model.MoreThan), model.Q(12, model.Exact), false},
		{"more than and at least", model.Q(12, model.MoreThan), model.Q(12, model.AtLeast), true},
		{"about", model.Q(100, model.Approx), model.Q(115, model.Exact), true},
		{"about far", model.Q(100, model.Approx), model.Q(130, model.Exact), false},
		{"fewer than", model.Q(5, model.LessThan), model.Q(5, model.Exact), false},
		{"up to", model.Q(5, model.AtMost), model.Q(5, model.Exact), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compatibleCounts(tt.a, tt.b); got != tt.want {
				t.Fatalf("compatibleCounts(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := compatibleCounts(tt.b, tt.a); got != tt.want {
				t.Fatalf("compatibleCounts(%s, %s) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestSummariseMergedByAnalyst(t *testing.T) {
	rs, docs := corpus()
	var a, b model.Report
	for _, r := range rs {
		switch r.ID {
		case "A5":
			a = r
		case "B2":
			b = r
		}
	}
	// An analyst merged a Kyiv report with an Odesa one: the places and
	// the injured counts disagree, and both are flagged as conflicts.
	ev := Summarise("x", []model.Report{a, b}, docs)
	got := map[string]bool{}
	for _, d := range ev.Discrepancies {
		got[d.Field] = d.Conflict
	}
	if !got["place"] || !got["injured"] {
		t.Fatalf("Summarise(A5+B2) discrepancies = %v, want conflicting place and injured", got)
	}
}

// TestIndefiniteWeaponCount checks that a weapon named with an indefinite
// article ("a drone struck the substation") reads as at least one: it
// never conflicts with a tally, and the headline keeps the tally.
func TestIndefiniteWeaponCount(t *testing.T) {
	count := func(kind, text string, v float64, q model.Qualifier, intercepted bool) model.Weapon {
		w := model.Weapon{Kind: kind}
		qty := &model.Quantity{Value: v, Qualifier: q, Text: text}
		if intercepted {
			w.Intercepted = qty
		} else {
			w.Launched = qty
		}
		return w
	}
	tests := []struct {
		name         string
		field        string
		a, b         model.Weapon
		wantConflict bool
		wantHeadline model.Quantity
	}{
		{"a drone against a tally", "drones_intercepted",
			count("drone", "a", 1, model.Exact, true), count("drone", "64", 64, model.Exact, true), false, model.Quantity{Value: 64, Qualifier: model.Exact}},
		{"an Iskander against a figure", "missiles_launched",
			count("ballistic_missile", "An", 1, model.Exact, false), count("ballistic_missile", "three", 3, model.Exact, false), false, model.Quantity{Value: 3, Qualifier: model.Exact}},
		{"a drone against about twenty", "drones_launched",
			count("drone", "a", 1, model.Exact, false), count("drone", "about 20", 20, model.Approx, false), false, model.Quantity{Value: 20, Qualifier: model.Approx}},
		{"one drone is a count", "drones_launched",
			count("drone", "one", 1, model.Exact, false), count("drone", "nine", 9, model.Exact, false), true, model.Quantity{Value: 9, Qualifier: model.Exact}},
		{"a dozen is a count", "drones_launched",
			count("drone", "a dozen", 12, model.Approx, false), count("drone", "40", 40, model.Exact, false), true, model.Quantity{Value: 40, Qualifier: model.Exact}},
		{"only an article", "drones_launched",
			count("drone", "a", 1, model.Exact, false), model.Weapon{Kind: "drone"}, false, model.Quantity{Value: 1, Qualifier: model.AtLeast}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := map[string]DocInfo{"d1": {Publisher: "Lviv Gazette"}, "d2": {Publisher: "Carpathian Wire"}}
			rs := []model.Report{
				rep("r1", "d1", "2026-12-01", "2026-12-01", at(kharkiv)),
				rep("r2", "d2", "2026-12-01", "2026-12-01", at(kharkiv)),
			}
			rs[0].Weapons, rs[1].Weapons = []model.Weapon{tt.a}, []model.Weapon{tt.b}
			ev := Summarise("x", rs, docs)
			h := ev.Headline[tt.field]
			if h.Value != tt.wantHeadline.Value || h.Qualifier != tt.wantHeadline.Qualifier {
				t.Errorf("headline %s = %g %s, want %g %s", tt.field, h.Value, h.Qualifier, tt.wantHeadline.Value, tt.wantHeadline.Qualifier)
			}
			conflict := false
			for _, d := range ev.Discrepancies {
				conflict = conflict || (d.Field == tt.field && d.Conflict)
			}
			if conflict != tt.wantConflict {
				t.Errorf("conflict on %s = %v, want %v (discrepancies %+v)", tt.field, conflict, tt.wantConflict, ev.Discrepancies)
			}
		})
	}
}
