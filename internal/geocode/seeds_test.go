package geocode

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// sharedDir is where the project's evaluation data lives beside the repo.
func sharedDir(t *testing.T) string {
	for _, d := range []string{os.Getenv("SITREP_SHARED"), "../../../shared", "/work/shared"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "eval", "seeds.gold.json")); err == nil {
			return d
		}
	}
	t.Skip("shared evaluation data not present")
	return ""
}

type goldPlace struct {
	Names    []string `json:"names"`
	Lat      float64  `json:"lat"`
	Lon      float64  `json:"lon"`
	RadiusKm float64  `json:"radius_km"`
}

// placeHit mirrors the scorer: a location matches a gold place by name,
// admin1 or matched text, or by coordinates within the place's radius.
func placeHit(p goldPlace, l model.Location) bool {
	for _, n := range p.Names {
		for _, v := range []string{l.Name, l.Admin1, l.MatchedText} {
			if v != "" && strings.EqualFold(v, n) {
				return true
			}
		}
	}
	r := p.RadiusKm
	if r == 0 {
		r = 30
	}
	return l.Resolved && km(l.Lat, l.Lon, p.Lat, p.Lon) <= r
}

// TestSeedPlaces checks that the gold places of each seed event are among
// the mentions Find returns for that seed's text.
func TestSeedPlaces(t *testing.T) {
	dir := sharedDir(t)
	var gold struct {
		Places map[string]goldPlace `json:"places"`
		Events []struct {
			ID     string   `json:"id"`
			Doc    string   `json:"doc"`
			Places []string `json:"places"`
		} `json:"events"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "eval", "seeds.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "seeds", "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		texts[d.ID] = d.Text
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string][]model.Location{}
	for id, text := range texts {
		for _, m := range g.Find(text) {
			found[id] = append(found[id], m.Location)
		}
	}
	n, ok := 0, 0
	for _, ev := range gold.Events {
		for _, pl := range ev.Places {
			n++
			hit := false
			for _, l := range found[ev.Doc] {
				if placeHit(gold.Places[pl], l) {
					hit = true
					break
				}
			}
			if hit {
				ok++
			} else {
				t.Logf("%s: %s not found", ev.ID, pl)
			}
		}
	}
	rate := float64(ok) / math.Max(1, float64(n))
	t.Logf("seed places found: %d/%d = %.3f", ok, n, rate)
	if rate < 0.95 {
		t.Errorf("seed place recall = %.3f, want >= 0.95", rate)
	}
}
