package eval

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func ptr(f float64) *float64 { return &f }

// testGold is an invented gold set: two documents, three events.
func testGold() Gold {
	return Gold{
		Places: map[string]Place{
			"Odesa":       {Names: []string{"Odesa", "Odessa"}, Lat: 46.48, Lon: 30.72},
			"Sumy Oblast": {Names: []string{"Sumy Oblast", "Sumy region"}, Lat: 50.9, Lon: 34.8, RadiusKm: ptr(150)},
			"Ryazan":      {Names: []string{"Ryazan"}, Lat: 54.63, Lon: 39.74},
		},
		Events: []Event{
			{ID: "A", Doc: "d1", Type: "attack", Places: []string{"Odesa"}, Date: "2025-03-02", Attacker: "RU",
				Counts: map[string]Count{"drones_launched": {120, "approx"}, "killed": {2, "exact"}}, Required: true},
			{ID: "B", Doc: "d1", Type: "territorial_change", Places: []string{"Sumy Oblast"}, Attacker: "RU",
				Counts: map[string]Count{"settlements": {3, "exact"}}, Required: true},
			{ID: "C", Doc: "d2", Type: "attack", Places: []string{"Ryazan"}, Attacker: "UA",
				Counts: map[string]Count{"missiles_intercepted": {4, "at_least"}}, Required: false},
		},
		CleanText: map[string]CleanRule{"d1": {Absent: []string{"Subscribe"}, Once: []string{"Odesa port"}}},
	}
}

func TestScoreCases(t *testing.T) {
	odesa := model.Location{Name: "Odesa", Country: "UA", Lat: 46.48, Lon: 30.72}
	nearSumy := model.Location{Name: "Okhtyrka", Lat: 50.31, Lon: 34.9} // inside the 150 km radius
	good := model.Report{ID: "r1", Doc: "d1", Type: model.Attack, Locations: []model.Location{odesa},
		Date:     model.DateRange{Start: "2025-03-01", End: "2025-03-02"},
		Attacker: &model.Actor{Side: model.SideRU},
		Weapons: []model.Weapon{{Kind: "drone", Launched: model.Q(100, model.Approx)},
			{Kind: "drone", Model: "Gerbera", Launched: model.Q(20, model.Approx)}},
		Casualties: model.Casualties{Killed: model.Q(2, model.Exact)}}
	terr := model.Report{ID: "r2", Doc: "d1", Type: model.TerritorialChange, Locations: []model.Location{nearSumy},
		Attacker: &model.Actor{Side: model.SideRU}, Quantities: model.Quantities{Settlements: model.Q(3, model.AtLeast)}}
	stray := model.Report{ID: "r3", Doc: "d1", Type: model.Attack, Locations: []model.Location{{Name: "Lviv", Lat: 49.84, Lon: 24.03}}}
	other := model.Report{ID: "r4", Doc: "elsewhere", Type: model.Attack, Locations: []model.Location{odesa}}
	tests := []struct {
		name    string
		reports []model.Report
		docs    []model.Document
		want    map[string]float64
	}{
		{"all matched", []model.Report{good, terr}, nil,
			map[string]float64{"recall": 1, "precision": 1, "f1": 1, "counts": 1, "qualifiers": 2.0 / 3, "dates": 1, "attacker": 1, "places": 1}},
		{"stray report lowers precision", []model.Report{good, terr, stray, other}, nil,
			map[string]float64{"recall": 1, "precision": 2.0 / 3, "f1": 0.8}},
		{"nothing", nil, nil, map[string]float64{"recall": 0, "precision": 0, "f1": 0, "counts": 0, "dates": 0}},
		{"external id and clean text", []model.Report{func() model.Report { r := good; r.Doc = "x1"; return r }()},
			[]model.Document{{ID: "x1", ExternalID: "d1", Text: "Drones hit the Odesa port. Subscribe"}},
			map[string]float64{"recall": 0.5, "precision": 1, "clean": 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Score(testGold(), tt.reports, tt.docs)
			for k, want := range tt.want {
				got, ok := m.Get(k)
				if !ok || diff(got, want) > 1e-9 {
					t.Errorf("Score(...).%s = %v (present %v), want %v\n%s", k, got, ok, want, m.Report(nil))
				}
			}
		})
	}
}

func diff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestDateOK(t *testing.T) {
	tests := []struct {
		gold, start, end string
		want             bool
	}{
		{"2025-06-07", "2025-06-06", "2025-06-07", true},
		{"2025-06-07", "--06-07", "--06-07", true},
		{"2025-06-07", "2024-06-07", "2024-06-07", false},
		{"2025-06-07", "2025-06-06", "2025-06-08", true},
		{"2025-06-07", "2025-06-05", "2025-06-09", false},
		{"2025-06-07", "", "", false},
	}
	for _, tt := range tests {
		if got := dateOK(tt.gold, model.DateRange{Start: tt.start, End: tt.end}); got != tt.want {
			t.Errorf("dateOK(%q, %q..%q) = %v, want %v", tt.gold, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestFailures(t *testing.T) {
	m := Metrics{F1: 0.85, Counts: 0.95}
	got := m.Failures([]Bound{{"f1", 0.9}, {"counts", 0.9}, {"clean", 0.5}})
	want := []string{"f1=0.850<0.9", "clean=0.000<0.5"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Failures = %v, want %v", got, want)
	}
}

// TestParityWithScorePy scores random report sets with both this package
// and the reference score.py and requires identical output.
func TestParityWithScorePy(t *testing.T) {
	score := filepath.Join(sharedDir(), "eval", "score.py")
	if _, err := os.Stat(score); err != nil {
		t.Skip("score.py not available")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not available")
	}
	dir := t.TempDir()
	gold := testGold()
	goldPath := filepath.Join(dir, "gold.json")
	writeJSON(t, goldPath, gold)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 12; round++ {
		reps := randomReports(rng, 1+rng.IntN(8))
		docs := []model.Document{{ID: "d1", Text: "Odesa port was hit. Odesa port burns."}, {ID: "zz", ExternalID: "d2", Text: "Ryazan"}}
		rp, dp := filepath.Join(dir, "r.jsonl"), filepath.Join(dir, "d.jsonl")
		writeJSONL(t, rp, reps)
		writeJSONL(t, dp, docs)
		out, _ := exec.Command("python3", score, goldPath, rp, "--documents", dp, "--min", "f1=0.7", "--min", "dates=0.5", "--min", "places=1").CombinedOutput()
		var back []model.Report
		for _, line := range strings.Split(strings.TrimSpace(readFile(t, rp)), "\n") {
			var r model.Report
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			back = append(back, r)
		}
		got := Score(gold, back, docs).Report([]Bound{{"f1", 0.7}, {"dates", 0.5}, {"places", 1}})
		if got != string(out) {
			t.Fatalf("round %d: Go and score.py differ\nGo:\n%s\npy:\n%s", round, got, out)
		}
	}
}

func randomReports(rng *rand.Rand, n int) []model.Report {
	locs := []model.Location{{Name: "Odessa"}, {Name: "Sumy region"}, {Name: "Ryazan", Lat: 54.6, Lon: 39.7},
		{Name: "Nowhere", Lat: 10, Lon: 10}, {MatchedText: "odesa"}}
	types := []model.EventType{model.Attack, model.TerritorialChange}
	docs := []string{"d1", "zz", "other"}
	quals := []model.Qualifier{model.Exact, model.Approx, model.AtLeast}
	vals := []float64{2, 3, 4, 100, 120}
	dates := []string{"2025-03-02", "2025-03-01", "--03-02", "2025-02-28", ""}
	var out []model.Report
	for i := 0; i < n; i++ {
		r := model.Report{ID: string(rune('a' + i)), Doc: docs[rng.IntN(len(docs))], Type: types[rng.IntN(2)],
			Locations: []model.Location{locs[rng.IntN(len(locs))]}}
		d := dates[rng.IntN(len(dates))]
		r.Date = model.DateRange{Start: d, End: d}
		if rng.IntN(2) == 0 {
			r.Attacker = &model.Actor{Side: []model.Side{model.SideRU, model.SideUA}[rng.IntN(2)]}
		}
		q := func() *model.Quantity { return model.Q(vals[rng.IntN(len(vals))], quals[rng.IntN(len(quals))]) }
		r.Weapons = []model.Weapon{{Kind: []string{"drone", "cruise_missile", "missile"}[rng.IntN(3)], Launched: q(), Intercepted: q()}}
		if rng.IntN(2) == 0 {
			r.Weapons = append(r.Weapons, model.Weapon{Kind: "drone", Launched: q()})
		}
		r.Casualties.Killed = q()
		r.Quantities.Settlements = q()
		out = append(out, r)
	}
	return out
}

func writeJSON(t *testing.T, path string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeJSONL[T any](t *testing.T, path string, vs []T) {
	var b strings.Builder
	for _, v := range vs {
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadGoldSeeds(t *testing.T) {
	g, err := ReadGoldFile(filepath.Join(sharedDir(), "eval", "seeds.gold.json"))
	if err != nil {
		if os.IsNotExist(err) || strings.Contains(err.Error(), "no such file") {
			t.Skip("gold not available")
		}
		t.Fatal(err)
	}
	if len(g.Events) == 0 || g.Events[0].Counts == nil {
		t.Fatalf("ReadGoldFile: %d events, first counts %v", len(g.Events), g.Events)
	}
}

func TestParseBound(t *testing.T) {
	tests := []struct {
		name, in string
		want     Bound
		ok       bool
	}{
		{"plain", "f1=0.9", Bound{"f1", 0.9}, true},
		{"integer", "counts=1", Bound{"counts", 1}, true},
		{"no equals", "f1", Bound{}, false},
		{"bad number", "f1=x", Bound{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseBound(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseBound(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

// sharedDir is ../shared beside the checkout, or $SITREP_SHARED.
func sharedDir() string {
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}
