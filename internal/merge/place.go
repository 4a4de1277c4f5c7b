package merge

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Place thresholds. A city's reports name its districts and landmarks as
// well as the city, so points within SameSettlementKm count as the same
// settlement; NearbyKm still links a suburb to its city, with a lower score.
const (
	SameSettlementKm = 12.0
	NearbyKm         = 25.0
)

// placeLevel is how precise a location is.
type placeLevel int

const (
	levelNone    placeLevel = iota
	levelCountry            // the whole country
	levelRegion             // an oblast (admin1)
	levelPoint              // a settlement, district, site or raion
)

func levelOf(l *model.Location) placeLevel {
	switch strings.ToLower(l.Feature) {
	case "country":
		return levelCountry
	case "admin1", "region", "oblast":
		return levelRegion
	}
	return levelPoint
}

// places is a report's locations sorted by level.
type places struct {
	points  []model.Location // first is the report's primary point
	regions []string         // normalised admin1 names
	country []string
}

func placesOf(ls []model.Location) places {
	var p places
	for i := range ls {
		l := &ls[i]
		switch levelOf(l) {
		case levelCountry:
			p.country = append(p.country, strings.ToLower(firstNonEmpty(l.Country, l.Name)))
		case levelRegion:
			p.regions = append(p.regions, normRegion(firstNonEmpty(l.Admin1, l.Name)))
		default:
			p.points = append(p.points, *l)
		}
	}
	return p
}

func (p places) level() placeLevel {
	switch {
	case len(p.points) > 0:
		return levelPoint
	case len(p.regions) > 0:
		return levelRegion
	case len(p.country) > 0:
		return levelCountry
	}
	return levelNone
}

// normRegion folds an admin1 name so that "Kharkiv Oblast", "Kharkiv
// region" and "kharkiv" compare equal. Kyiv City and Kyiv Oblast fold
// together on purpose: reports say "the Kyiv region" of both.
func normRegion(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, suf := range []string{" oblast", " region", " province", " city", " oblast'", " obl."} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// samePoint compares two point locations: by gazetteer ID, by distance
// when both are resolved, else by name. It returns the distance (-1 when
// unknown) and whether they are the same settlement or nearby.
func samePoint(a, b *model.Location) (km float64, same, near bool) {
	if a.GeonamesID != 0 && a.GeonamesID == b.GeonamesID {
		return 0, true, true
	}
	if a.Resolved && b.Resolved && (a.Lat != 0 || a.Lon != 0) && (b.Lat != 0 || b.Lon != 0) {
		km = a.DistanceKm(b)
		return km, km <= SameSettlementKm, km <= NearbyKm
	}
	same = strings.EqualFold(strings.TrimSpace(a.Name), strings.TrimSpace(b.Name)) && a.Name != ""
	return -1, same, same
}

// inRegion reports whether point p lies in one of the normalised regions.
func inRegion(p *model.Location, regions []string) bool {
	if p.Admin1 == "" {
		return false
	}
	r := normRegion(p.Admin1)
	for _, x := range regions {
		if x == r {
			return true
		}
	}
	return false
}
