package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed data/places.tsv.gz
var placesGz []byte

//go:embed supplement.tsv
var supplementTSV []byte

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built from the embedded files, loading it on
// first use. Later calls return the same value.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = Load(bytes.NewReader(placesGz), bytes.NewReader(supplementTSV))
	})
	return defaultGaz, defaultErr
}

// ParseError reports a malformed line in a gazetteer or supplement file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("gazetteer: %s line %d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrBadRow is wrapped by ParseError when a row has the wrong shape.
var ErrBadRow = errors.New("bad row")

// Load builds a gazetteer from a gzipped places file (the generator's
// output) and a curated supplement (plain TSV). Either may be nil.
func Load(placesGzip, supplement io.Reader) (*Gazetteer, error) {
	b := newBuilder()
	if placesGzip != nil {
		zr, err := gzip.NewReader(placesGzip)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: open places: %w", err)
		}
		if err := b.readPlaces(zr); err != nil {
			return nil, err
		}
	}
	if supplement != nil {
		if err := b.readSupplement(supplement); err != nil {
			return nil, err
		}
	}
	return b.finish(), nil
}

// builder accumulates places and their names before the index is built.
type builder struct {
	g      *Gazetteer
	names  [][]string // names[i] are the names of Places[i], canonical first
	byGeo  map[int64]ID
	admins map[string][]ID // "UA.07" → member places, for admin1 points
}

func newBuilder() *builder {
	return &builder{
		g: &Gazetteer{
			index:    make(map[string][]ID, 1<<17),
			stems:    make(map[string][]ID, 1<<15),
			admin1:   map[string]ID{},
			country:  map[string]ID{},
			acronyms: map[string]bool{},
			raions:   map[string]ID{},
			parent:   map[ID]ID{},
			children: map[ID][]ID{},
		},
		byGeo:  map[int64]ID{},
		admins: map[string][]ID{},
	}
}

func (b *builder) add(p Place, names []string) ID {
	id := ID(len(b.g.Places))
	b.g.Places = append(b.g.Places, p)
	b.names = append(b.names, append([]string{p.Name}, names...))
	if p.GeonamesID != 0 {
		b.byGeo[p.GeonamesID] = id
	}
	switch p.Feature {
	case Admin1:
		b.g.admin1[p.Country+"."+p.Admin1Code] = id
	case Country:
		b.g.country[p.Country] = id
	default:
		if p.Admin1Code != "" {
			k := p.Country + "." + p.Admin1Code
			b.admins[k] = append(b.admins[k], id)
		}
	}
	return id
}

// readPlaces parses the generator's TSV: geonames_id, feature, country,
// admin1, admin2, lat, lon, population, fcode, name, alternate names (|).
func (b *builder) readPlaces(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		c := strings.Split(s, "\t")
		if len(c) != 11 {
			return &ParseError{"places", line, fmt.Errorf("%w: %d columns, want 11", ErrBadRow, len(c))}
		}
		p := Place{Feature: Feature(c[1]), Country: c[2], Admin1Code: c[3], Admin2Code: c[4], Code: c[8], Name: c[9]}
		var err error
		if c[0] != "" {
			if p.GeonamesID, err = strconv.ParseInt(c[0], 10, 64); err != nil {
				return &ParseError{"places", line, err}
			}
		}
		if p.Lat, p.Lon, err = parseLatLon(c[5], c[6]); err != nil {
			return &ParseError{"places", line, err}
		}
		if c[7] != "" {
			if p.Population, err = strconv.ParseInt(c[7], 10, 64); err != nil {
				return &ParseError{"places", line, err}
			}
		}
		var alts []string
		if c[10] != "" {
			alts = strings.Split(c[10], "|")
		}
		b.add(p, alts)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read places: %w", err)
	}
	return nil
}

func parseLatLon(a, b string) (float64, float64, error) {
	if a == "" && b == "" {
		return 0, 0, nil
	}
	lat, err := strconv.ParseFloat(a, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("lat: %w", err)
	}
	lon, err := strconv.ParseFloat(b, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("lon: %w", err)
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("%w: coordinates %g,%g out of range", ErrBadRow, lat, lon)
	}
	return lat, lon, nil
}

// finish resolves admin1 names and points and builds the name index.
func (b *builder) finish() *Gazetteer {
	g := b.g
	b.addDistricts()
	for k, members := range b.admins {
		aid, ok := g.admin1[k]
		if !ok {
			continue
		}
		a := &g.Places[aid]
		for _, m := range members {
			g.Places[m].Admin1 = a.Name
		}
		if a.Lat == 0 && a.Lon == 0 {
			a.Lat, a.Lon = medianPoint(g.Places, withoutDistricts(g.Places, members))
		}
	}
	for i := range g.Places {
		p := &g.Places[i]
		if p.Feature == City && !p.Curated && len(b.names[i]) > 0 && deepCountry(p.Country) {
			if n := plainName(p.Name); n != p.Name {
				b.names[i] = append(b.names[i], n)
				p.Name = n
			}
		}
		if p.Country == "UA" && p.Feature == City && !p.Curated && len(b.names[i]) > 0 {
			if n := kmuName(p.Name, b.names[i][1:]); n != "" {
				b.names[i] = append(b.names[i], n)
				p.Name = n
			}
		}
		if g.Places[i].Feature == Admin1 {
			g.Places[i].Admin1 = g.Places[i].Name
		}
	}
	b.addRaions()
	for i, names := range b.names {
		b.indexNames(ID(i), names)
	}
	b.names = nil
	return g
}

// withoutDistricts drops city districts from an admin area's members: ten
// districts of Kyiv must not pull Kyiv City's median point around.
func withoutDistricts(places []Place, ids []ID) []ID {
	out := make([]ID, 0, len(ids))
	for _, id := range ids {
		if places[id].Feature != District {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}

func medianPoint(places []Place, ids []ID) (float64, float64) {
	lats := make([]float64, len(ids))
	lons := make([]float64, len(ids))
	for i, id := range ids {
		lats[i], lons[i] = places[id].Lat, places[id].Lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	return lats[len(lats)/2], lons[len(lons)/2]
}

func (b *builder) indexNames(id ID, names []string) {
	g := b.g
	put := func(m map[string][]ID, k string) {
		if k == "" {
			return
		}
		ids := m[k]
		if len(ids) > 0 && ids[len(ids)-1] == id {
			return
		}
		m[k] = append(ids, id)
		if w := strings.Count(k, " ") + 1; w > g.maxWords {
			g.maxWords = w
		}
	}
	for _, n := range names {
		g.names++
		k, cyr := fold(n)
		if isAcronym(n) {
			g.acronyms[LooseLatin(k)] = true
		}
		if !cyr {
			// Latin keys under three letters are codes and abbreviations
			// ("P", "NY"), except a country's own ("UK", "US").
			if l := LooseLatin(k); len(l) >= 3 || g.Places[id].Feature == Country {
				put(g.index, l)
			}
			continue
		}
		multi := strings.Contains(k, " ")
		if multi {
			put(g.index, Key(n)) // mixed-script names fold their Latin words loosely
		} else {
			put(g.index, k)
		}
		// Transliterations and stems serve Ukrainian, Russian, Belarusian
		// and Moldovan places (and admin areas, sites, countries); a foreign
		// city has its Latin names already, and the geocoder accepts stem
		// matches abroad only for cities of 100,000 or more.
		p := &g.Places[id]
		if p.Feature == City && !deepCountry(p.Country) {
			if p.Population >= 100000 && !multi {
				for _, v := range stemVariants(k) {
					put(g.stems, v)
				}
			}
			continue
		}
		for _, t := range Transliterate(k) {
			put(g.index, LooseLatin(t))
		}
		if multi {
			for _, v := range stemKeyVariants(k) {
				put(g.stems, v)
			}
			continue
		}
		for _, v := range stemVariants(k) {
			put(g.stems, v)
		}
	}
}

// isAcronym reports whether a name is written in capitals only ("ZNPP",
// "DPR", "USA"): such names come from the curated supplement and the
// country list, since the generator drops capitalised codes from GeoNames.
func isAcronym(n string) bool {
	letters := 0
	for _, r := range n {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters <= 5
}
