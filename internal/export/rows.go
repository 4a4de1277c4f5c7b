package export

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func header(w What) []string {
	switch w {
	case Documents:
		return []string{"id", "external_id", "url", "title", "publisher", "published", "format", "duplicate_of", "fetched_at", "raw_hash", "parser_version", "text"}
	case Reports:
		return []string{"id", "doc", "type", "date_start", "date_end", "date_precision", "attacker_side", "locations", "lat", "lon",
			"weapons", "drones_launched", "drones_intercepted", "missiles_launched", "missiles_intercepted",
			"killed", "injured", "children_killed", "children_injured", "settlements", "area_km2", "troops", "explosions",
			"attributed_to", "hedged", "sentence", "start", "end", "event"}
	default:
		return []string{"id", "type", "date_start", "date_end", "date_precision", "attacker_side", "locations", "lat", "lon",
			"weapons", "killed", "injured", "children_killed", "children_injured", "drones_launched", "drones_intercepted",
			"missiles_launched", "missiles_intercepted", "independent_sources", "status", "publishers", "reports", "documents", "discrepancies"}
	}
}

func documentRow(d *model.Document) []string {
	pub := ""
	if d.Published != nil {
		pub = d.Published.Format(time.RFC3339)
	}
	return []string{d.ID, d.ExternalID, d.URL, d.Title, d.Publisher, pub, string(d.Format), d.DuplicateOf,
		d.FetchedAt.Format(time.RFC3339), d.RawHash, d.ParserVersion, d.Text}
}

// q renders a quantity as "≥47"-style text, empty when absent.
func q(x *model.Quantity) string {
	if x == nil {
		return ""
	}
	return x.String()
}

// WeaponTotals sums launched and intercepted counts over drone kinds and
// over missile kinds, the way the evaluation contract does.
func WeaponTotals(ws []model.Weapon) (drones, dronesDown, missiles, missilesDown *model.Quantity) {
	add := func(dst **model.Quantity, v *model.Quantity) {
		if v == nil {
			return
		}
		if *dst == nil {
			c := *v
			c.Text, c.Start, c.End = "", 0, 0
			*dst = &c
			return
		}
		(*dst).Value += v.Value
		if (*dst).Qualifier != v.Qualifier {
			(*dst).Qualifier = model.Approx
		}
	}
	for _, w := range ws {
		switch {
		case strings.Contains(w.Kind, "drone"):
			add(&drones, w.Launched)
			add(&dronesDown, w.Intercepted)
		case strings.Contains(w.Kind, "missile"):
			add(&missiles, w.Launched)
			add(&missilesDown, w.Intercepted)
		}
	}
	return
}

func locations(ls []model.Location) (names, lat, lon string) {
	var ns []string
	for _, l := range ls {
		ns = append(ns, l.Name)
		if lat == "" && l.Resolved {
			lat, lon = strconv.FormatFloat(l.Lat, 'f', 5, 64), strconv.FormatFloat(l.Lon, 'f', 5, 64)
		}
	}
	return strings.Join(ns, "; "), lat, lon
}

func weapons(ws []model.Weapon) string {
	var parts []string
	for _, w := range ws {
		s := w.Kind
		if w.Model != "" {
			s += ":" + w.Model
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func side(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return string(a.Side)
}

func reportRow(r *model.Report) []string {
	names, lat, lon := locations(r.Locations)
	d, dd, m, md := WeaponTotals(r.Weapons)
	c, x := r.Casualties, r.Quantities
	return []string{r.ID, r.Doc, string(r.Type), r.Date.Start, r.Date.End, string(r.Date.Precision), side(r.Attacker), names, lat, lon,
		weapons(r.Weapons), q(d), q(dd), q(m), q(md),
		q(c.Killed), q(c.Injured), q(c.ChildrenKilled), q(c.ChildrenInjured), q(x.Settlements), q(x.AreaKm2), q(x.Troops), q(x.Explosions),
		r.Source.AttributedTo, strconv.FormatBool(r.Source.Hedged), r.Source.Sentence, strconv.Itoa(r.Source.Start), strconv.Itoa(r.Source.End), r.Event}
}

// headline renders an event's headline value for field, empty when absent.
func headline(ev *model.Event, field string) string {
	h, ok := ev.Headline[field]
	if !ok {
		return ""
	}
	s := model.Quantity{Value: h.Value, Qualifier: h.Qualifier}.String()
	if h.Max > h.Value {
		s += fmt.Sprintf("–%g", h.Max)
	}
	return s
}

func eventRow(ev *model.Event) []string {
	names, lat, lon := locations(ev.Locations)
	var disc []string
	for _, d := range ev.Discrepancies {
		disc = append(disc, d.Field)
	}
	sort.Strings(disc)
	return []string{ev.ID, string(ev.Type), ev.Date.Start, ev.Date.End, string(ev.Date.Precision), side(ev.Attacker), names, lat, lon,
		strings.Join(ev.Weapons, "; "), headline(ev, "killed"), headline(ev, "injured"), headline(ev, "children_killed"), headline(ev, "children_injured"),
		headline(ev, "drones_launched"), headline(ev, "drones_intercepted"), headline(ev, "missiles_launched"), headline(ev, "missiles_intercepted"),
		strconv.Itoa(ev.IndependentSources), string(ev.Status), strings.Join(ev.Publishers, "; "),
		strings.Join(ev.Reports, " "), strings.Join(ev.Documents, " "), strings.Join(disc, "; ")}
}

// feature writes one GeoJSON point feature at the first resolved location;
// a record with none is written with a null geometry, as the spec allows.
func (x *Writer) feature(id string, ls []model.Location, props any) error {
	var geom any
	for _, l := range ls {
		if l.Resolved {
			geom = map[string]any{"type": "Point", "coordinates": []float64{l.Lon, l.Lat}}
			break
		}
	}
	f := map[string]any{"type": "Feature", "id": id, "geometry": geom, "properties": props}
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	sep := ""
	if x.n > 1 {
		sep = ",\n"
	}
	if _, err := fmt.Fprintf(x.w, "%s%s", sep, b); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
