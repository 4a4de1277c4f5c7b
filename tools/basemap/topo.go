package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
)

// topology is the part of a TopoJSON file the generator reads.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []topoGeometry `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

type topoGeometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	ID         string          `json:"id"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// crimeaPoints lie on the peninsula; a polygon holding one is Crimea.
var crimeaPoints = []point{{34.10, 44.95}, {33.52, 44.60}, {36.47, 45.36}}

// buildCountries decodes the countries object, moves Crimea to Ukraine and
// returns the country fills plus the border and coast lines.
func buildCountries(t *topology, tol float64) (featureCollection, geometry, geometry, error) {
	obj, ok := t.Objects["countries"]
	if !ok || t.Transform == nil {
		return featureCollection{}, geometry{}, geometry{}, fmt.Errorf("basemap: topology has no quantized countries object")
	}
	arcs := decodeArcs(t, tol)
	raw := arcs.raw

	// Every country as a list of polygons, each a list of rings of arc ids.
	polys := make([][][][]int, len(obj.Geometries))
	ukr, rus := -1, -1
	for i, g := range obj.Geometries {
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return featureCollection{}, geometry{}, geometry{}, fmt.Errorf("basemap: %s arcs: %w", g.Properties.Name, err)
			}
			polys[i] = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys[i]); err != nil {
				return featureCollection{}, geometry{}, geometry{}, fmt.Errorf("basemap: %s arcs: %w", g.Properties.Name, err)
			}
		}
		switch g.Properties.Name {
		case "Ukraine":
			ukr = i
		case "Russia":
			rus = i
		}
	}
	if ukr < 0 || rus < 0 {
		return featureCollection{}, geometry{}, geometry{}, fmt.Errorf("basemap: Ukraine or Russia missing")
	}
	moveCrimea(polys, rus, ukr, raw)

	// Count which countries use each arc: two different countries make a
	// border, one use makes a coast, two uses by one country are internal.
	users := make([][]int, len(raw))
	fc := featureCollection{Type: "FeatureCollection"}
	for i, g := range obj.Geometries {
		var mp [][][]point
		for _, poly := range polys[i] {
			var rings [][]point
			for _, ring := range poly {
				for _, a := range ring {
					users[arcIndex(a)] = append(users[arcIndex(a)], i)
				}
				if r := arcs.ring(ring); len(r) >= 4 {
					rings = append(rings, r)
				}
			}
			if len(rings) > 0 {
				mp = append(mp, rings)
			}
		}
		if len(mp) == 0 {
			continue
		}
		fc.Features = append(fc.Features, feature{
			Type:       "Feature",
			Properties: map[string]any{"name": g.Properties.Name, "id": g.ID},
			Geometry:   geometry{Type: "MultiPolygon", Coordinates: mp},
		})
	}
	var borders, coasts [][]point
	for a, u := range users {
		line := arcs.simple[a]
		if len(line) < 2 {
			continue
		}
		switch {
		case len(u) == 1:
			coasts = append(coasts, line)
		case len(u) >= 2 && u[0] != u[1]:
			borders = append(borders, line)
		}
	}
	return fc, geometry{Type: "MultiLineString", Coordinates: borders}, geometry{Type: "MultiLineString", Coordinates: coasts}, nil
}

// moveCrimea moves Russia's polygons that contain a Crimean point into
// Ukraine. It logs what it did so a regenerated file can be checked.
func moveCrimea(polys [][][][]int, rus, ukr int, raw [][]point) {
	kept := polys[rus][:0:0]
	moved := 0
	for _, poly := range polys[rus] {
		outer := ringCoords(poly[0], raw)
		crimea := false
		for _, p := range crimeaPoints {
			if inRing(p, outer) {
				crimea = true
			}
		}
		if crimea {
			polys[ukr] = append(polys[ukr], poly)
			moved++
			continue
		}
		kept = append(kept, poly)
	}
	polys[rus] = kept
	for _, poly := range polys[ukr] {
		for _, p := range crimeaPoints {
			if !inRing(p, ringCoords(poly[0], raw)) {
				continue
			}
			slog.Info("crimea is part of Ukraine", "moved_from_russia", moved)
			return
		}
	}
	slog.Warn("crimea test points are in no Ukrainian polygon")
}

// farTolerance simplifies arcs far from the theatre (about 10 km), where
// the map is only ever seen at world scale; it cuts the file by half.
const farTolerance = 0.1

// nearTheatre reports whether an arc touches the box around Europe, the
// Middle East and the Caucasus that the map shows at regional zoom.
func nearTheatre(pts []point) bool {
	for _, p := range pts {
		if p[0] >= -25 && p[0] <= 80 && p[1] >= 25 && p[1] <= 75 {
			return true
		}
	}
	return false
}

// arcSet holds every arc decoded to degrees, raw and simplified.
type arcSet struct {
	raw, simple [][]point
}

func decodeArcs(t *topology, tol float64) arcSet {
	s := arcSet{raw: make([][]point, len(t.Arcs)), simple: make([][]point, len(t.Arcs))}
	sc, tr := t.Transform.Scale, t.Transform.Translate
	for i, arc := range t.Arcs {
		x, y := 0.0, 0.0
		pts := make([]point, len(arc))
		for j, d := range arc {
			x += d[0]
			y += d[1]
			pts[j] = point{x*sc[0] + tr[0], y*sc[1] + tr[1]}
		}
		s.raw[i] = pts
		at := tol
		if !nearTheatre(pts) {
			at = farTolerance // seen only when zoomed out to the whole world
		}
		s.simple[i] = round3(simplify(pts, at))
		if len(s.simple[i]) < 4 && len(pts) >= 4 && pts[0] == pts[len(pts)-1] {
			s.simple[i] = round3(simplify(pts, tol)) // a small island: keep its shape
		}
	}
	return s
}

// arcIndex decodes TopoJSON's one's-complement reversed-arc index.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// ring joins simplified arcs into one closed ring.
func (s arcSet) ring(ids []int) []point { return joinArcs(ids, s.simple) }

func ringCoords(ids []int, arcs [][]point) []point { return joinArcs(ids, arcs) }

func joinArcs(ids []int, arcs [][]point) []point {
	var out []point
	for k, a := range ids {
		src := arcs[arcIndex(a)]
		pts := make([]point, len(src))
		copy(pts, src)
		if a < 0 {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		if k > 0 && len(pts) > 0 {
			pts = pts[1:]
		}
		out = append(out, pts...)
	}
	return out
}
