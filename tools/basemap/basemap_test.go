package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestSimplify(t *testing.T) {
	tests := []struct {
		name string
		in   []point
		tol  float64
		want int
	}{
		{"straight line keeps ends", []point{{0, 0}, {1, 0.001}, {2, 0}, {3, 0.001}, {4, 0}}, 0.01, 2},
		{"corner kept", []point{{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}}, 0.01, 3},
		{"zero tolerance keeps all", []point{{0, 0}, {1, 0.001}, {2, 0}}, 0, 3},
		{"closed ring keeps its corners", []point{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, 0.1, 5},
		{"two points", []point{{0, 0}, {1, 1}}, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := simplify(tt.in, tt.tol)
			if len(got) != tt.want || got[0] != tt.in[0] || got[len(got)-1] != tt.in[len(tt.in)-1] {
				t.Errorf("simplify(%v, %g) = %v, want %d points with both ends", tt.in, tt.tol, got, tt.want)
			}
		})
	}
}

func TestInRing(t *testing.T) {
	square := []point{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}
	tests := []struct {
		name string
		p    point
		want bool
	}{
		{"centre", point{2, 2}, true},
		{"outside right", point{5, 2}, false},
		{"outside below", point{2, -1}, false},
		{"near corner inside", point{0.1, 3.9}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inRing(tt.p, square); got != tt.want {
				t.Errorf("inRing(%v, square) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
}

// deltas encodes absolute integer points as a TopoJSON quantized arc.
func deltas(pts ...point) [][2]float64 {
	out := make([][2]float64, len(pts))
	prev := point{}
	for i, p := range pts {
		out[i] = [2]float64{p[0] - prev[0], p[1] - prev[1]}
		prev = p
	}
	return out
}

// TestCrimeaMovesToUkraine builds a toy topology in which "Russia" owns a
// peninsula that shares an arc with "Ukraine", as Natural Earth does, and
// checks that the peninsula becomes Ukrainian and the shared arc stops being
// a border.
func TestCrimeaMovesToUkraine(t *testing.T) {
	raw := fmt.Sprintf(`{
	  "transform": {"scale": [1, 1], "translate": [0, 0]},
	  "objects": {"countries": {"geometries": [
	    {"type": "Polygon", "arcs": [[0, 1]], "id": "804", "properties": {"name": "Ukraine"}},
	    {"type": "MultiPolygon", "arcs": [[[3]], [[-1, -3]]], "id": "643", "properties": {"name": "Russia"}}
	  ]}},
	  "arcs": [%s, %s, %s, %s]}`,
		js(deltas(point{33, 46}, point{36, 46})),                                              // 0: Ukraine | peninsula
		js(deltas(point{36, 46}, point{36, 50}, point{30, 50}, point{30, 46}, point{33, 46})), // 1: Ukraine's other edges
		js(deltas(point{36, 46}, point{36, 44}, point{33, 44}, point{33, 46})),                // 2: peninsula coast
		js(deltas(point{37, 44}, point{40, 44}, point{40, 50}, point{37, 50}, point{37, 44})), // 3: Russia mainland
	)
	var topo topology
	if err := json.Unmarshal([]byte(raw), &topo); err != nil {
		t.Fatal(err)
	}
	countries, borders, coasts, err := buildCountries(&topo, 0)
	if err != nil {
		t.Fatal(err)
	}
	polys := map[string]int{}
	for _, f := range countries.Features {
		polys[f.Properties["name"].(string)] = len(f.Geometry.Coordinates.([][][]point))
	}
	if polys["Ukraine"] != 2 || polys["Russia"] != 1 {
		t.Errorf("polygons = %v, want Ukraine 2 (mainland and peninsula), Russia 1", polys)
	}
	if n := len(borders.Coordinates.([][]point)); n != 0 {
		t.Errorf("%d border lines, want 0: the peninsula's arc is inside Ukraine now", n)
	}
	if n := len(coasts.Coordinates.([][]point)); n != 3 {
		t.Errorf("%d coast lines, want 3", n)
	}
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
