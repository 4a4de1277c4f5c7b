package main

import (
	"encoding/json"
	"math"
	"sort"
	"strings"
)

// featureCollectionIn is Natural Earth admin-1 GeoJSON as read.
type featureCollectionIn struct {
	Features []struct {
		Properties struct {
			ISO       string  `json:"iso_3166_2"`
			Adm0      string  `json:"adm0_a3"`
			NameEn    string  `json:"name_en"`
			Name      string  `json:"name"`
			Latitude  float64 `json:"latitude"`
			Longitude float64 `json:"longitude"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// russianBorderRegions are the Russian admin-1 units next to Ukraine, which
// news of cross-border strikes names often enough to want their outlines.
var russianBorderRegions = map[string]bool{
	"RU-BRY": true, "RU-KRS": true, "RU-BEL": true, "RU-VOR": true, "RU-ROS": true, "RU-KDA": true,
}

// names fixes Natural Earth's English names to current Ukrainian romanisation.
var names = map[string]string{
	"UA-30": "Kyiv City", "UA-32": "Kyiv Oblast", "UA-43": "Crimea", "UA-51": "Odesa",
	"UA-12": "Dnipropetrovsk", "UA-23": "Zaporizhzhia", "UA-35": "Kirovohrad",
}

// buildAdmin1 selects Ukraine's oblasts (Crimea and Sevastopol included,
// whatever adm0 Natural Earth gives them) and the Russian border regions.
func buildAdmin1(in featureCollectionIn, tol float64) (featureCollection, []label) {
	fc := featureCollection{Type: "FeatureCollection"}
	var labels []label
	for _, f := range in.Features {
		p := f.Properties
		country := ""
		switch {
		case strings.HasPrefix(p.ISO, "UA-"):
			country = "UA" // includes UA-43 Crimea and UA-40 Sevastopol
		case russianBorderRegions[p.ISO]:
			country = "RU"
		default:
			continue
		}
		name := p.NameEn
		if n, ok := names[p.ISO]; ok {
			name = n
		}
		var mp [][][]point
		switch f.Geometry.Type {
		case "Polygon":
			var poly [][]point
			if json.Unmarshal(f.Geometry.Coordinates, &poly) == nil {
				mp = [][][]point{poly}
			}
		case "MultiPolygon":
			_ = json.Unmarshal(f.Geometry.Coordinates, &mp) // an undecodable shape is skipped below
		}
		var out [][][]point
		for _, poly := range mp {
			var rings [][]point
			for _, r := range poly {
				if s := round3(simplify(r, tol)); len(s) >= 4 && ringArea(s) > tol*tol {
					rings = append(rings, s)
				}
			}
			if len(rings) > 0 {
				out = append(out, rings)
			}
		}
		if len(out) == 0 {
			continue
		}
		fc.Features = append(fc.Features, feature{
			Type:       "Feature",
			Properties: map[string]any{"name": name, "iso": p.ISO, "country": country},
			Geometry:   geometry{Type: "MultiPolygon", Coordinates: out},
		})
		if p.ISO != "UA-30" && p.ISO != "UA-40" { // city units are too small to label
			labels = append(labels, label{Name: name, Country: country, Lat: round(p.Latitude), Lon: round(p.Longitude)})
		}
	}
	sort.Slice(fc.Features, func(i, j int) bool {
		return fc.Features[i].Properties["iso"].(string) < fc.Features[j].Properties["iso"].(string)
	})
	sort.Slice(labels, func(i, j int) bool { return labels[i].Name < labels[j].Name })
	return fc, labels
}

func round(v float64) float64 { return math.Round(v*1000) / 1000 }

// ringArea is the absolute planar area of a ring in square degrees.
func ringArea(r []point) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return math.Abs(a) / 2
}
