package web

import (
	"encoding/json"
	"io/fs"
	"testing"
)

type basemapFile struct {
	Countries struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
			Geometry struct {
				Coordinates [][][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	} `json:"countries"`
	Oblasts struct {
		Features []struct {
			Properties struct {
				Name, ISO, Country string
			} `json:"properties"`
		} `json:"features"`
	} `json:"oblasts"`
	Labels []struct {
		Name string `json:"name"`
	} `json:"labels"`
}

// inside reports whether p is in a MultiPolygon (even-odd over all rings).
func inside(mp [][][][2]float64, p [2]float64) bool {
	for _, poly := range mp {
		in := false
		for _, ring := range poly {
			for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
				a, b := ring[i], ring[j]
				if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
					in = !in
				}
			}
		}
		if in {
			return true
		}
	}
	return false
}

// TestBasemap checks the generated basemap: small enough to embed, Crimea
// inside Ukraine and outside Russia, and Ukraine's oblasts with labels.
func TestBasemap(t *testing.T) {
	raw, err := fs.ReadFile(Static(), "basemap.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) > 3<<20 {
		t.Errorf("basemap.json is %d bytes, want < 3 MiB", len(raw))
	}
	var bm basemapFile
	if err := json.Unmarshal(raw, &bm); err != nil {
		t.Fatal(err)
	}
	country := func(name string) [][][][2]float64 {
		for _, f := range bm.Countries.Features {
			if f.Properties.Name == name {
				return f.Geometry.Coordinates
			}
		}
		t.Fatalf("no country %q", name)
		return nil
	}
	ua, ru := country("Ukraine"), country("Russia")
	tests := []struct {
		name string
		p    [2]float64
		inUA bool
		inRU bool
	}{
		{"Simferopol", [2]float64{34.10, 44.95}, true, false},
		{"Sevastopol", [2]float64{33.52, 44.60}, true, false},
		{"Kerch", [2]float64{36.45, 45.35}, true, false},
		{"Kharkiv", [2]float64{36.23, 49.99}, true, false},
		{"Kyiv", [2]float64{30.52, 50.45}, true, false},
		{"Belgorod", [2]float64{36.59, 50.60}, false, true},
		{"Moscow", [2]float64{37.62, 55.75}, false, true},
		{"Minsk", [2]float64{27.56, 53.90}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inside(ua, tt.p); got != tt.inUA {
				t.Errorf("%s in Ukraine = %v, want %v", tt.name, got, tt.inUA)
			}
			if got := inside(ru, tt.p); got != tt.inRU {
				t.Errorf("%s in Russia = %v, want %v", tt.name, got, tt.inRU)
			}
		})
	}
	ukrainian := map[string]bool{}
	for _, f := range bm.Oblasts.Features {
		if f.Properties.Country == "UA" {
			ukrainian[f.Properties.ISO] = true
		}
	}
	if len(ukrainian) != 27 || !ukrainian["UA-43"] || !ukrainian["UA-40"] {
		t.Errorf("Ukrainian admin-1 units = %d (Crimea %v, Sevastopol %v), want 27 including UA-43 and UA-40",
			len(ukrainian), ukrainian["UA-43"], ukrainian["UA-40"])
	}
	if len(bm.Labels) < 25 {
		t.Errorf("%d labels, want at least 25 (one per oblast)", len(bm.Labels))
	}
}
