package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// acledHeader is ACLED's column set, in ACLED's order, so a researcher's
// existing ACLED tooling reads the file unchanged. Columns sitrep cannot
// fill (admin2, admin3, tags, …) are present and empty.
var acledHeader = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
	"geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}

// airKinds are weapon kinds ACLED codes as "Air/drone strike": weapons
// delivered by aircraft or unmanned aircraft. Missiles, artillery and
// rockets are "Shelling/artillery/missile attack".
var airKinds = []string{"drone", "fpv_drone", "glide_bomb", "aircraft", "bomb"}

// acledTypes maps an event onto ACLED's disorder_type, event_type and
// sub_event_type.
func acledTypes(ev *model.Event) (disorder, typ, sub string) {
	switch ev.Type {
	case model.TerritorialChange:
		if ev.Attacker != nil && ev.Attacker.Side == model.SideUA {
			return "Political violence", "Battles", "Government regains territory"
		}
		return "Political violence", "Battles", "Armed clash"
	case model.Battle:
		return "Political violence", "Battles", "Armed clash"
	case model.AirAlert, model.Deployment:
		return "Strategic developments", "Strategic developments", "Other"
	}
	air := slices.ContainsFunc(ev.Weapons, func(w string) bool {
		return slices.Contains(airKinds, w) || strings.HasSuffix(w, "_drone")
	})
	if air {
		return "Political violence", "Explosions/Remote violence", "Air/drone strike"
	}
	return "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"
}

var sideNames = map[model.Side]string{model.SideRU: "Military Forces of Russia", model.SideUA: "Military Forces of Ukraine"}

// countries names the countries of the theatre as ACLED does, with their
// ISO 3166 numeric codes; other countries keep their ISO alpha-2 code.
var countries = map[string]struct {
	name string
	iso  int
}{"UA": {"Ukraine", 804}, "RU": {"Russia", 643}, "BY": {"Belarus", 112}, "MD": {"Moldova", 498},
	"PL": {"Poland", 616}, "RO": {"Romania", 642}}

func acledRow(ev *model.Event, docs func(string) *model.Document) []string {
	disorder, typ, sub := acledTypes(ev)
	actor1, inter1, actor2, inter2 := "", "", "", ""
	if ev.Attacker != nil {
		actor1 = sideNames[ev.Attacker.Side]
		if actor1 == "" {
			actor1 = string(ev.Attacker.Side)
		}
		inter1 = "1" // state forces
		if typ == "Battles" {
			other := model.SideUA
			if ev.Attacker.Side == model.SideUA {
				other = model.SideRU
			}
			actor2, inter2 = sideNames[other], "1"
		}
	}
	interaction := ""
	if inter1 != "" {
		interaction = inter1 + "0"
		if inter2 != "" {
			interaction = inter1 + inter2
		}
	}
	var iso, country, admin1, location, lat, lon, precision string
	for _, l := range ev.Locations {
		if !l.Resolved {
			continue
		}
		country, admin1, location = l.Country, l.Admin1, l.Name
		if c, ok := countries[l.Country]; ok {
			country, iso = c.name, strconv.Itoa(c.iso)
		}
		lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		switch { // ACLED: 1 the place itself, 2 a part of a region, 3 a region
		case strings.HasPrefix(l.Feature, "admin"), l.Feature == "country":
			precision = "3"
		default:
			precision = "1"
		}
		break
	}
	fatalities := "0"
	if h, ok := ev.Headline["killed"]; ok {
		fatalities = strconv.FormatFloat(h.Value, 'f', 0, 64)
	}
	date, year := ev.Date.End, ""
	if date == "" {
		date = ev.Date.Start
	}
	if len(date) >= 4 && !strings.HasPrefix(date, "--") {
		year = date[:4]
	}
	timePrecision := map[model.Precision]string{model.Day: "1", model.Month: "3", model.Year: "3"}[ev.Date.Precision]
	notes := fmt.Sprintf("%s; status %s; %d independent source(s)", ev.Type, ev.Status, ev.IndependentSources)
	for _, f := range []string{"injured", "drones_launched", "missiles_launched"} {
		if v := headline(ev, f); v != "" {
			notes += fmt.Sprintf("; %s %s", strings.ReplaceAll(f, "_", " "), v)
		}
	}
	sources := append([]string(nil), ev.Publishers...)
	if len(sources) == 0 && docs != nil {
		for _, id := range ev.Documents {
			if d := docs(id); d != nil && d.URL != "" {
				sources = append(sources, d.URL)
			}
		}
	}
	return []string{ev.ID, date, year, timePrecision, disorder, typ, sub, actor1, "", inter1, actor2, "", inter2, interaction,
		"", iso, "Europe", country, admin1, "", "", location, lat, lon, precision, strings.Join(sources, "; "), "National",
		notes, fatalities, "", strconv.FormatInt(ev.Updated.Unix(), 10)}
}
