package api

import (
	"errors"
	"net/url"
	"reflect"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/store"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  store.Filter
		bad   bool
	}{
		{"empty", "", store.Filter{}, false},
		{"everything", "from=2026-10-01&to=2026-10-14&bbox=30,46,31.5,47&type=attack,air_alert&side=ru&weapon=drone&weapon=cruise_missile&min_sources=2&status=confirmed&q=%20port%20&limit=5000&cursor=abc",
			store.Filter{From: "2026-10-01", To: "2026-10-14", BBox: &store.BBox{MinLon: 30, MinLat: 46, MaxLon: 31.5, MaxLat: 47},
				Types: []string{"attack", "air_alert"}, Sides: []string{"RU"}, Weapons: []string{"drone", "cruise_missile"}, MinSources: 2,
				Statuses: []string{"confirmed"}, Q: "port", Limit: 1000, Cursor: "abc"}, false},
		{"unknown parameters ignored", "view=map&zoom=7", store.Filter{}, false},
		{"from after to", "from=2026-10-14&to=2026-10-01", store.Filter{}, true},
		{"bad date", "to=2026-13-01", store.Filter{}, true},
		{"inverted bbox", "bbox=31,46,30,47", store.Filter{}, true},
		{"bbox out of range", "bbox=-190,0,0,10", store.Filter{}, true},
		{"bbox NaN", "bbox=NaN,0,1,1", store.Filter{}, true},
		{"unknown status", "status=rumoured", store.Filter{}, true},
		{"weapon with SQL", "weapon=drone'--", store.Filter{}, true},
		{"negative sources", "min_sources=-2", store.Filter{}, true},
		{"zero limit", "limit=0", store.Filter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.query)
			got, err := ParseFilter(v)
			if tt.bad {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("ParseFilter(%q) err = %v, want ErrInvalid", tt.query, err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseFilter(%q) = %+v, %v; want %+v", tt.query, got, err, tt.want)
			}
		})
	}
}

// FuzzParseFilter checks that any query string either fails with
// ErrInvalid or gives a filter whose invariants hold.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"", "from=2026-10-01&to=2026-10-02", "bbox=30,46,31,47&type=attack", "side=ua,ru&weapon=drone&limit=7", "min_sources=3&q=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		v, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		got, err := ParseFilter(v)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseFilter(%q) err = %v, not ErrInvalid", query, err)
			}
			return
		}
		if b := got.BBox; b != nil && (b.MinLon > b.MaxLon || b.MinLat > b.MaxLat) {
			t.Fatalf("ParseFilter(%q) bbox %+v inverted", query, b)
		}
		if got.Limit < 0 || got.Limit > store.MaxLimit || got.MinSources < 0 || len(got.Q) > 500 {
			t.Fatalf("ParseFilter(%q) = %+v out of bounds", query, got)
		}
		if got.From != "" && got.To != "" && got.From > got.To {
			t.Fatalf("ParseFilter(%q) from %s after to %s", query, got.From, got.To)
		}
	})
}
