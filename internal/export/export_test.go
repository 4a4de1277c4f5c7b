package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func sampleEvent() *model.Event {
	return &model.Event{
		ID: "ev-1", Type: model.Attack,
		Date:      model.DateRange{Start: "2026-10-13", End: "2026-10-14", Precision: model.Day},
		Locations: []model.Location{{Name: "Odesa", Admin1: "Odesa Oblast", Country: "UA", Lat: 46.48, Lon: 30.72, Feature: "city", Resolved: true}},
		Attacker:  &model.Actor{Side: model.SideRU},
		Weapons:   []string{"drone"},
		Headline: map[string]model.Headline{
			"killed":  {Value: 2, Qualifier: model.Exact, Rule: "latest official"},
			"injured": {Value: 12, Qualifier: model.AtLeast, Max: 17, Rule: "range"},
		},
		Reports: []string{"r1", "r2"}, Documents: []string{"d1", "d2"}, Publishers: []string{"Port Herald", "South Wire"},
		IndependentSources: 2, Status: model.StatusCorroborated,
		Discrepancies: []model.Discrepancy{{Field: "injured"}},
	}
}

func TestWriters(t *testing.T) {
	tests := []struct {
		name   string
		what   What
		format Format
		check  func(t *testing.T, out string)
	}{
		{"events jsonl", Events, JSONL, func(t *testing.T, out string) {
			var ev model.Event
			if err := json.Unmarshal([]byte(out), &ev); err != nil || ev.ID != "ev-1" || ev.Headline["injured"].Max != 17 {
				t.Errorf("JSONL line = %q (%v)", out, err)
			}
		}},
		{"events csv", Events, CSV, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(recs) != 2 {
				t.Fatalf("CSV = %q (%v)", out, err)
			}
			row := map[string]string{}
			for i, h := range recs[0] {
				row[h] = recs[1][i]
			}
			if row["injured"] != "≥12–17" || row["killed"] != "2" || row["lat"] != "46.48000" || row["discrepancies"] != "injured" {
				t.Errorf("CSV row = %v", row)
			}
		}},
		{"events geojson", Events, GeoJSON, func(t *testing.T, out string) {
			var fc struct {
				Type     string `json:"type"`
				Features []struct {
					Geometry struct {
						Coordinates []float64 `json:"coordinates"`
					} `json:"geometry"`
				} `json:"features"`
			}
			if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
				t.Fatalf("GeoJSON = %q (%v)", out, err)
			}
			if c := fc.Features[0].Geometry.Coordinates; len(c) != 2 || c[0] != 30.72 || c[1] != 46.48 {
				t.Errorf("coordinates = %v, want [lon lat] = [30.72 46.48]", c)
			}
		}},
		{"events acled", Events, ACLED, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(recs) != 3 {
				t.Fatalf("ACLED = %q (%v)", out, err)
			}
			row := map[string]string{}
			for i, h := range recs[0] {
				row[h] = recs[1][i]
			}
			if row["event_date"] != "2026-10-14" || row["actor1"] != "Military Forces of Russia" || row["admin1"] != "Odesa Oblast" ||
				row["fatalities"] != "2" || row["sub_event_type"] != "Air/drone strike" || row["source"] != "Port Herald; South Wire" ||
				row["country"] != "Ukraine" || row["iso"] != "804" || row["time_precision"] != "1" || row["inter1"] != "1" {
				t.Errorf("ACLED row = %v", row)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, tt.what, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			n := 1
			if tt.format == GeoJSON || tt.format == ACLED {
				n = 2 // separators between records matter
			}
			for range n {
				if err := w.Event(sampleEvent(), nil); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, strings.TrimSpace(buf.String()))
		})
	}
}

func TestACLEDTypes(t *testing.T) {
	tests := []struct {
		name    string
		typ     model.EventType
		side    model.Side
		weapons []string
		event   string
		sub     string
	}{
		{"ballistic missiles", model.Attack, model.SideRU, []string{"ballistic_missile"}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"artillery", model.Attack, model.SideRU, []string{"artillery", "mlrs"}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"drones and missiles", model.Attack, model.SideRU, []string{"cruise_missile", "drone"}, "Explosions/Remote violence", "Air/drone strike"},
		{"glide bombs", model.Attack, model.SideRU, []string{"glide_bomb"}, "Explosions/Remote violence", "Air/drone strike"},
		{"capture", model.TerritorialChange, model.SideRU, nil, "Battles", "Armed clash"},
		{"retaking", model.TerritorialChange, model.SideUA, nil, "Battles", "Government regains territory"},
		{"air alert", model.AirAlert, "", nil, "Strategic developments", "Other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := &model.Event{Type: tt.typ, Weapons: tt.weapons}
			if tt.side != "" {
				ev.Attacker = &model.Actor{Side: tt.side}
			}
			_, typ, sub := acledTypes(ev)
			if typ != tt.event || sub != tt.sub {
				t.Errorf("acledTypes(%s %v) = %q, %q; want %q, %q", tt.typ, tt.weapons, typ, sub, tt.event, tt.sub)
			}
		})
	}
}

func TestUnsupportedCombinations(t *testing.T) {
	for _, c := range []struct {
		what   What
		format Format
	}{{Documents, GeoJSON}, {Documents, ACLED}, {Reports, ACLED}} {
		if _, err := NewWriter(&bytes.Buffer{}, c.what, c.format); !errors.Is(err, ErrUnsupported) {
			t.Errorf("NewWriter(%s, %s) err = %v, want ErrUnsupported", c.what, c.format, err)
		}
	}
	if _, err := ParseFormat("xml"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("ParseFormat(xml) err = %v, want ErrUnsupported", err)
	}
}
