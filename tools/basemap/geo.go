package main

import "math"

// point is a longitude/latitude pair.
type point = [2]float64

// geometry is a GeoJSON geometry; Coordinates holds the nested slices.
type geometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// feature is a GeoJSON feature.
type feature struct {
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   geometry       `json:"geometry"`
}

// featureCollection is a GeoJSON feature collection.
type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

// simplify runs Douglas-Peucker on a line, keeping both ends. A closed line
// (first == last) measures distance to the shared end point.
func simplify(pts []point, tol float64) []point {
	if len(pts) <= 2 || tol <= 0 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(a, b int)
	rec = func(a, b int) {
		best, idx := 0.0, -1
		for i := a + 1; i < b; i++ {
			if d := segDist(pts[i], pts[a], pts[b]); d > best {
				best, idx = d, i
			}
		}
		if idx >= 0 && best > tol {
			keep[idx] = true
			rec(a, idx)
			rec(idx, b)
		}
	}
	rec(0, len(pts)-1)
	out := make([]point, 0, len(pts)/4+2)
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// segDist is the distance from p to segment ab, in degrees.
func segDist(p, a, b point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

// round3 rounds coordinates to 0.001° (about 100 m), enough for a basemap,
// and drops points that become equal to their predecessor.
func round3(pts []point) []point {
	out := make([]point, 0, len(pts))
	for _, p := range pts {
		q := point{math.Round(p[0]*1000) / 1000, math.Round(p[1]*1000) / 1000}
		if len(out) > 0 && out[len(out)-1] == q {
			continue
		}
		out = append(out, q)
	}
	return out
}

// inRing reports whether p lies inside the ring (even-odd rule).
func inRing(p point, ring []point) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
