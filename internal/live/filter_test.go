package live

import (
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func TestFilterMatch(t *testing.T) {
	ev := odesaAttack("ev-1") // attack by RU with drones at Odesa (30.72E 46.48N), 2 sources, corroborated
	unlocated := odesaAttack("ev-2")
	unlocated.Locations = []model.Location{{Name: "somewhere in the south", Resolved: false}}
	tests := []struct {
		name   string
		filter Filter
		ev     model.Event
		want   bool
	}{
		{"empty filter matches all", Filter{}, ev, true},
		{"type", Filter{Types: []string{"battle", "attack"}}, ev, true},
		{"other type", Filter{Types: []string{"air_alert"}}, ev, false},
		{"side", Filter{Sides: []string{"RU"}}, ev, true},
		{"other side", Filter{Sides: []string{"UA"}}, ev, false},
		{"min sources met", Filter{MinSources: 2}, ev, true},
		{"min sources not met", Filter{MinSources: 3}, ev, false},
		{"status", Filter{Status: []string{"corroborated", "confirmed"}}, ev, true},
		{"other status", Filter{Status: []string{"confirmed"}}, ev, false},
		{"weapon", Filter{Weapons: []string{"cruise_missile", "drone"}}, ev, true},
		{"other weapon", Filter{Weapons: []string{"artillery"}}, ev, false},
		{"inside bbox", Filter{BBox: []float64{29, 45, 33, 47}}, ev, true},
		{"outside bbox", Filter{BBox: []float64{35, 47, 38, 50}}, ev, false},
		{"bbox needs a resolved place", Filter{BBox: []float64{-180, -90, 180, 90}}, unlocated, false},
		{"all fields combine", Filter{Types: []string{"attack"}, Sides: []string{"RU"}, MinSources: 2, Weapons: []string{"drone"}, BBox: []float64{29, 45, 33, 47}}, ev, true},
		{"one field fails all", Filter{Types: []string{"attack"}, Sides: []string{"RU"}, MinSources: 5}, ev, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.filter.Match(&tt.ev); got != tt.want {
				t.Errorf("%+v.Match(%s) = %v, want %v", tt.filter, tt.ev.ID, got, tt.want)
			}
		})
	}
}

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    Filter
		wantErr bool
	}{
		{"empty", "", Filter{}, false},
		{"lists and numbers", "type=attack,battle&side=ru&bbox=29,45,33.5,47&min_sources=2&status=confirmed&weapon=drone&q=ignored",
			Filter{Types: []string{"attack", "battle"}, Sides: []string{"RU"}, BBox: []float64{29, 45, 33.5, 47}, MinSources: 2,
				Status: []string{"confirmed"}, Weapons: []string{"drone"}}, false},
		{"bad number", "min_sources=two", Filter{}, true},
		{"short bbox", "bbox=1,2,3", Filter{}, true},
		{"inverted bbox", "bbox=33,47,29,45", Filter{}, true},
		{"negative sources", "min_sources=-1", Filter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseFilter(q)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseFilter(%q) error = %v, want error %v", tt.query, err, tt.wantErr)
			}
			if err != nil {
				if !errors.Is(err, ErrFilter) {
					t.Errorf("error %v does not wrap ErrFilter", err)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseFilter(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
			// Round trips: through String (the CLI shows it) and through JSON (the store keeps it).
			back, err := ParseFilter(mustQuery(t, got.String()))
			if err != nil || !reflect.DeepEqual(back, got) {
				t.Errorf("ParseFilter(%q.String()) = %+v, %v", got.String(), back, err)
			}
			b, _ := json.Marshal(got)
			var j Filter
			if err := json.Unmarshal(b, &j); err != nil || !reflect.DeepEqual(j, got) {
				t.Errorf("JSON round trip %s = %+v, %v", b, j, err)
			}
		})
	}
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// FuzzParseFilter checks that a filter that parses survives the round trip
// through String, which is how the CLI shows it.
func FuzzParseFilter(f *testing.F) {
	f.Add("type=attack,battle&side=ru&bbox=29,45,33.5,47&min_sources=2&status=confirmed&weapon=drone")
	f.Add("bbox=NaN,1,2,3")
	f.Add("type=%2C%2C&side=")
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		got, err := ParseFilter(q)
		if err != nil {
			return
		}
		back, err := ParseFilter(mustQuery(t, got.String()))
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("ParseFilter(%q) = %+v; its String %q parses to %+v, %v", query, got, got.String(), back, err)
		}
	})
}
