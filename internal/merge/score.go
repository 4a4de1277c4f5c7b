package merge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Weights of the score components. Each component is in [0, 1]; the score
// is their weighted sum. Type, date, place and attacker are also gates: a
// pair that fails one is never linked, whatever the sum (see Compare).
const (
	WeightType     = 0.10
	WeightDate     = 0.30
	WeightPlace    = 0.35
	WeightAttacker = 0.15
	WeightWeapons  = 0.10
	// Threshold is the score from which two reports that pass every gate
	// are linked into one event.
	Threshold = 0.55
)

// Score is the named-component compatibility of two reports.
type Score struct {
	Type       float64  `json:"type"`
	Date       float64  `json:"date"`
	Place      float64  `json:"place"`
	Attacker   float64  `json:"attacker"`
	Weapons    float64  `json:"weapons"`
	Total      float64  `json:"total"`
	Compatible bool     `json:"compatible"`
	Reasons    []string `json:"reasons"`
	// Gate names the first failed gate when Compatible is false.
	Gate string `json:"gate,omitempty"`
}

// features is what Compare reads from a report, computed once.
type features struct {
	r       *model.Report
	date    span
	places  places
	side    model.Side
	weapons []string // weapon families: "drone", "missile", "bomb", "artillery", …
}

func featuresOf(r *model.Report) *features {
	f := &features{r: r, date: dateSpan(r.Date), places: placesOf(r.Locations)}
	if r.Attacker != nil {
		f.side = r.Attacker.Side
	}
	for _, w := range r.Weapons {
		if fam := weaponFamily(w.Kind); !slices.Contains(f.weapons, fam) {
			f.weapons = append(f.weapons, fam)
		}
	}
	slices.Sort(f.weapons)
	return f
}

// weaponFamily folds catalogue kinds into families that sources mix up:
// one outlet's "cruise missile" is another's "missile".
func weaponFamily(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.Contains(k, "drone"), strings.Contains(k, "uav"), strings.Contains(k, "shahed"):
		return "drone"
	case strings.Contains(k, "missile"), strings.Contains(k, "rocket"):
		return "missile"
	case strings.Contains(k, "bomb"):
		return "bomb"
	case strings.Contains(k, "artillery"), strings.Contains(k, "mlrs"), strings.Contains(k, "shell"), strings.Contains(k, "mortar"):
		return "artillery"
	}
	return k
}

// Compare scores how well two reports describe the same occurrence. The
// gates, in order:
//
//   - type: the event types are equal;
//   - date: both have a date, both are day-precise or both are coarse (a
//     "July" report never links to a day), and the ranges overlap;
//   - place: the same settlement (same gazetteer entry or within
//     SameSettlementKm; a suburb within NearbyKm scores less), or a
//     settlement inside the oblast the other report names, or the same
//     oblast, or — only between two country-wide reports — the same country;
//   - attacker: the sides do not contradict each other.
//
// Weapons never gate (a raid mixes drones and missiles and reports name
// different parts of it) but shift the score.
func Compare(a, b *model.Report) Score { return compare(featuresOf(a), featuresOf(b), true) }

// compare scores a pair; the human-readable reasons are only written when
// explain is set, because Partition compares many more pairs than it keeps.
func compare(a, b *features, explain bool) Score {
	var s Score
	why := func(f string, args ...any) {
		if explain {
			s.Reasons = append(s.Reasons, fmt.Sprintf(f, args...))
		}
	}
	fail := func(gate, reason string) Score {
		s.Gate = gate
		if explain {
			s.Reasons = append(s.Reasons, reason)
		}
		s.Total = WeightType*s.Type + WeightDate*s.Date + WeightPlace*s.Place + WeightAttacker*s.Attacker + WeightWeapons*s.Weapons
		return s
	}
	if a.r.Type != b.r.Type {
		return fail("type", "type: "+string(a.r.Type)+" vs "+string(b.r.Type))
	}
	s.Type = 1
	why("type: both %s", a.r.Type)

	switch da, db := a.date, b.date; {
	case !da.ok || !db.ok:
		return fail("date", "date: missing")
	case da.yearless != db.yearless:
		return fail("date", "date: one has no year")
	case da.fine != db.fine:
		return fail("date", "date: day against month/year precision")
	case !da.overlapsWithin(db, dateSlack(a.r.Type)):
		return fail("date", "date: "+rangeText(a.r.Date)+" and "+rangeText(b.r.Date)+" do not overlap")
	case da.fine && !da.overlaps(db):
		s.Date = 0.7
		why("date: %s is within %d days of %s", rangeText(a.r.Date), dateSlack(a.r.Type), rangeText(b.r.Date))
	case da.fine:
		s.Date = 1
		why("date: %s overlaps %s", rangeText(a.r.Date), rangeText(b.r.Date))
	default:
		s.Date = 0.5
		why("date: coarse ranges overlap")
	}

	place, placeWhy := comparePlaces(&a.places, &b.places, explain)
	if place == 0 {
		return fail("place", placeWhy)
	}
	s.Place = place
	why("%s", placeWhy)

	switch {
	case a.side != "" && b.side != "" && a.side != b.side:
		return fail("attacker", "attacker: "+string(a.side)+" vs "+string(b.side))
	case a.side != "" && a.side == b.side:
		s.Attacker = 1
		why("attacker: both %s", a.side)
	default:
		s.Attacker = 0.5
		why("attacker: not stated by both")
	}

	switch {
	case len(a.weapons) == 0 || len(b.weapons) == 0:
		s.Weapons = 0.5
		why("weapons: not named by both")
	case intersects(a.weapons, b.weapons):
		s.Weapons = 1
		why("weapons: shared %s", strings.Join(shared(a.weapons, b.weapons), ", "))
	default:
		s.Weapons = 0.2
		why("weapons: %s vs %s", strings.Join(a.weapons, "+"), strings.Join(b.weapons, "+"))
	}
	s.Total = WeightType*s.Type + WeightDate*s.Date + WeightPlace*s.Place + WeightAttacker*s.Attacker + WeightWeapons*s.Weapons
	if s.Total < Threshold {
		s.Gate = "threshold"
		why("score %.2f below %.2f", s.Total, Threshold)
		return s
	}
	s.Compatible = true
	return s
}

// comparePlaces scores place agreement: 1 same settlement, 0.8 nearby,
// 0.6 settlement inside the named oblast, 0.5 same oblast, 0.3 same
// country (country-wide reports only), 0 no agreement.
func comparePlaces(a, b *places, explain bool) (float64, string) {
	la, lb := a.level(), b.level()
	switch {
	case la == levelNone || lb == levelNone:
		return 0, "place: missing"
	case la == levelPoint && lb == levelPoint:
		best, bestWhy := 0.0, ""
		if explain {
			bestWhy = "place: " + a.points[0].Name + " and " + b.points[0].Name + " are different places"
		}
		for i := range a.points {
			for j := range b.points {
				km, same, near := samePoint(&a.points[i], &b.points[j])
				var sc float64
				switch {
				case same:
					sc = 1
				case near:
					sc = 0.8
				}
				if sc > best {
					best = sc
					if explain {
						bestWhy = fmt.Sprintf("place: %s ~ %s", a.points[i].Name, b.points[j].Name)
						if km >= 0 {
							bestWhy += fmt.Sprintf(" (%.1f km)", km)
						}
					}
					if best == 1 && !explain {
						return best, ""
					}
				}
			}
		}
		return best, bestWhy
	case la == levelPoint && lb == levelRegion:
		return pointInRegion(a, b, explain)
	case la == levelRegion && lb == levelPoint:
		return pointInRegion(b, a, explain)
	case la == levelRegion && lb == levelRegion:
		if intersects(a.regions, b.regions) {
			return 0.5, "place: same oblast " + shared(a.regions, b.regions)[0]
		}
		return 0, "place: different oblasts"
	case la == levelCountry && lb == levelCountry:
		if intersects(a.country, b.country) {
			return 0.3, "place: country-wide, both " + shared(a.country, b.country)[0]
		}
		return 0, "place: different countries"
	}
	return 0, "place: country-wide report against a local one"
}

func pointInRegion(pts, reg *places, explain bool) (float64, string) {
	for i := range pts.points {
		if inRegion(&pts.points[i], reg.regions) {
			if !explain {
				return 0.6, ""
			}
			return 0.6, fmt.Sprintf("place: %s lies in %s oblast", pts.points[i].Name, normRegion(pts.points[i].Admin1))
		}
	}
	return 0, "place: settlement outside the named oblast"
}

func intersects(a, b []string) bool { return len(shared(a, b)) > 0 }

func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

func rangeText(d model.DateRange) string {
	if d.End != "" && d.End != d.Start {
		return d.Start + ".." + d.End
	}
	return d.Start
}
