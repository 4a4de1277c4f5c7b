package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// acledHeader is the subset of ACLED's columns that researchers' tooling
// keys on, in ACLED's order.
var acledHeader = []string{"event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "country", "admin1",
	"location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "source", "source_scale"}

// acledTypes maps sitrep event types (and, for attacks, weapon kinds) onto
// ACLED's event_type and sub_event_type.
func acledTypes(ev *model.Event) (string, string) {
	switch ev.Type {
	case model.TerritorialChange:
		return "Strategic developments", "Non-violent transfer of territory"
	case model.AirAlert, model.Deployment:
		return "Strategic developments", "Other"
	case model.Battle:
		return "Battles", "Armed clash"
	}
	for _, w := range ev.Weapons {
		switch {
		case strings.Contains(w, "drone"), strings.Contains(w, "missile"), strings.Contains(w, "bomb"), w == "aircraft":
			return "Explosions/Remote violence", "Air/drone strike"
		case w == "artillery", w == "mlrs":
			return "Explosions/Remote violence", "Shelling/artillery/missile attack"
		}
	}
	return "Explosions/Remote violence", "Shelling/artillery/missile attack"
}

var sideNames = map[model.Side]string{model.SideRU: "Military Forces of Russia", model.SideUA: "Military Forces of Ukraine"}

func acledRow(ev *model.Event, docs func(string) *model.Document) []string {
	typ, sub := acledTypes(ev)
	actor := ""
	if ev.Attacker != nil {
		actor = sideNames[ev.Attacker.Side]
		if actor == "" {
			actor = string(ev.Attacker.Side)
		}
	}
	var country, admin1, location, lat, lon, precision string
	for _, l := range ev.Locations {
		if !l.Resolved {
			continue
		}
		country, admin1, location = l.Country, l.Admin1, l.Name
		lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		precision = "1"
		if strings.HasPrefix(l.Feature, "admin") {
			precision = "2"
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
	return []string{ev.ID, date, year, typ, sub, actor, country, admin1, location, lat, lon, precision, fatalities, notes,
		strings.Join(sources, "; "), "National"}
}
