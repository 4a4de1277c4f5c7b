package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The curated supplement (supplement.tsv) is a tab-separated file a reviewer
// can read line by line. Columns:
//
//	feature  country  admin1  geonames_id  name  lat  lon  population  names  parent
//
// feature is one of the Feature values, "alias" or "drop". names is a
// |-separated list of other names. parent, only on district rows, is the
// geonames_id of the city the district belongs to. A row
//
//   - "drop" removes wrong alternate names from the GeoNames place with that
//     geonames_id (GeoNames lists "Bilhorod-Dnistrovskyi" under Belgorod), or
//     with no names, all of them, for a duplicate entry.
//   - "alias" amends the GeoNames place with that geonames_id: a non-empty
//     name becomes its canonical English name (the old one stays a name),
//     names are added (renames, older and Russian-era spellings), and lat/lon
//     or admin1, when given, replace the source's.
//   - "country" amends the country with that ISO code the same way.
//   - "district" adds a city district (Feature District) under its parent
//     city; its code is PPLX.
//   - any other feature adds a new place (an oblast, an airbase, a village
//     below the source's population threshold).
//
// A name written "=Base" is a base form: it is not indexed alone but with
// the suffixes of its feature: admin1 Latin bases take Oblast, region,
// province, krai, territory, republic and obl. ("=Kharkiv" gives "Kharkiv
// Oblast", "Kharkiv region"); Cyrillic bases take область, край and обл.;
// admin2 and district bases take raion, rayon, district and район (a city
// district is never indexed by its bare adjective: "Prymorskyi" alone is a
// town in Crimea, "Приморськ" one in Zaporizhzhia). Cyrillic names are
// also indexed by their transliterations and stems, so declined and Latin
// forms need no rows.
func (b *builder) readSupplement(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || s[0] == '#' {
			continue
		}
		if err := b.supplementRow(strings.Split(s, "\t")); err != nil {
			return &ParseError{"supplement", line, err}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read supplement: %w", err)
	}
	return nil
}

func (b *builder) supplementRow(c []string) error {
	if len(c) < 5 || len(c) > 10 {
		return fmt.Errorf("%w: %d columns, want 5 to 10", ErrBadRow, len(c))
	}
	for len(c) < 10 {
		c = append(c, "")
	}
	for i := range c {
		c[i] = strings.TrimSpace(c[i])
	}
	feature, country, admin1, name := c[0], c[1], c[2], c[4]
	var geo int64
	var err error
	if c[3] != "" {
		if geo, err = strconv.ParseInt(c[3], 10, 64); err != nil {
			return fmt.Errorf("geonames_id: %w", err)
		}
	}
	lat, lon, err := parseLatLon(c[5], c[6])
	if err != nil {
		return err
	}
	var pop int64
	if c[7] != "" {
		if pop, err = strconv.ParseInt(c[7], 10, 64); err != nil {
			return fmt.Errorf("population: %w", err)
		}
	}
	var names []string
	if c[8] != "" {
		names = strings.Split(c[8], "|")
	}
	switch feature {
	case "drop":
		id, ok := b.byGeo[geo]
		if !ok {
			return fmt.Errorf("%w: drop for unknown geonames_id %d", ErrBadRow, geo)
		}
		if len(names) == 0 {
			b.names[id] = nil // a duplicate of another entry: index none of its names
			return nil
		}
		b.names[id] = without(b.names[id], names)
		return nil
	case "alias", string(Country):
		var id ID
		var ok bool
		if feature == "alias" {
			id, ok = b.byGeo[geo]
		} else {
			id, ok = b.g.country[country]
		}
		if !ok {
			if feature == "alias" {
				return fmt.Errorf("%w: alias for unknown geonames_id %d", ErrBadRow, geo)
			}
			if name == "" {
				return fmt.Errorf("%w: new country without a name", ErrBadRow)
			}
			b.add(Place{Name: name, Feature: Country, Country: country, Lat: lat, Lon: lon, Curated: true}, expand(Country, names))
			return nil
		}
		p := &b.g.Places[id]
		p.Curated = true
		if name != "" && name != p.Name {
			b.names[id] = append(b.names[id], name) // the old canonical name stays indexed
			p.Name = name
		}
		if c[5] != "" {
			p.Lat, p.Lon = lat, lon
		}
		if admin1 != "" && admin1 != p.Admin1Code {
			b.moveAdmin(id, admin1)
		}
		if pop > 0 {
			p.Population = pop
		}
		b.names[id] = append(b.names[id], expand(p.Feature, names)...)
		return nil
	case string(District):
		return b.addDistrict(c, lat, lon, pop, names)
	case string(Admin1), string(Admin2), string(City), string(Airport), string(Airbase), string(Site):
	default:
		return fmt.Errorf("%w: unknown feature %q", ErrBadRow, feature)
	}
	if name == "" || (country == "" && feature != string(Site)) {
		return fmt.Errorf("%w: %s row needs a name and a country", ErrBadRow, feature)
	}
	if c[5] == "" && feature != string(Admin1) {
		return fmt.Errorf("%w: %s row %q needs lat and lon", ErrBadRow, feature, name)
	}
	if c[9] != "" {
		return fmt.Errorf("%w: only a district row has a parent", ErrBadRow)
	}
	b.add(Place{GeonamesID: geo, Name: name, Feature: Feature(feature), Country: country, Admin1Code: admin1,
		Lat: lat, Lon: lon, Population: pop, Curated: true}, expand(Feature(feature), names))
	return nil
}

// addDistrict adds a city district row: it needs a name, a point, an admin1
// code and the geonames_id of its parent city, which must be loaded.
func (b *builder) addDistrict(c []string, lat, lon float64, pop int64, names []string) error {
	country, admin1, name := c[1], c[2], c[4]
	if name == "" || country == "" || admin1 == "" || c[5] == "" {
		return fmt.Errorf("%w: district row needs a name, a country, an admin1 code and a point", ErrBadRow)
	}
	if c[3] != "" {
		return fmt.Errorf("%w: district %q: a district has no geonames_id; its city goes in parent", ErrBadRow, name)
	}
	geo, err := strconv.ParseInt(c[9], 10, 64)
	if err != nil {
		return fmt.Errorf("%w: district %q: parent: %v", ErrBadRow, name, err)
	}
	city, ok := b.byGeo[geo]
	if !ok {
		return fmt.Errorf("%w: district %q: unknown parent geonames_id %d", ErrBadRow, name, geo)
	}
	if p := &b.g.Places[city]; p.Country != country || p.Admin1Code != admin1 {
		return fmt.Errorf("%w: district %q: parent %s is in %s.%s, not %s.%s", ErrBadRow, name, p.Name,
			p.Country, p.Admin1Code, country, admin1)
	}
	id := b.add(Place{Name: name, Feature: District, Code: "PPLX", Country: country, Admin1Code: admin1,
		Lat: lat, Lon: lon, Population: pop, Curated: true}, expand(District, names))
	b.g.parent[id] = city
	b.g.children[city] = append(b.g.children[city], id)
	return nil
}

// without returns names less the ones listed in drop.
func without(names, drop []string) []string {
	out := names[:0:0]
	for _, n := range names {
		keep := true
		for _, d := range drop {
			if n == strings.TrimSpace(d) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, n)
		}
	}
	return out
}

// moveAdmin gives a place another admin1 code.
func (b *builder) moveAdmin(id ID, code string) {
	p := &b.g.Places[id]
	old := p.Country + "." + p.Admin1Code
	members := b.admins[old]
	for i, m := range members {
		if m == id {
			b.admins[old] = append(members[:i:i], members[i+1:]...)
			break
		}
	}
	p.Admin1Code = code
	k := p.Country + "." + code
	b.admins[k] = append(b.admins[k], id)
}

var (
	latinSuffixes = map[Feature][]string{
		Admin1:   {"Oblast", "region", "province", "krai", "kray", "territory", "republic", "obl"},
		Admin2:   {"raion", "rayon", "district"},
		District: {"district", "raion", "rayon"},
	}
	cyrSuffixes = map[Feature][]string{
		Admin1:   {"область", "край", "обл"},
		Admin2:   {"район"},
		District: {"район"},
	}
)

// expand replaces each "=Base" name with the base plus its feature's suffixes.
func expand(f Feature, names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !strings.HasPrefix(n, "=") {
			out = append(out, n)
			continue
		}
		base := n[1:]
		sufs := latinSuffixes[f]
		if _, cyr := fold(base); cyr {
			sufs = cyrSuffixes[f]
		}
		for _, s := range sufs {
			out = append(out, base+" "+s)
		}
	}
	return out
}
