package merge

import (
	"slices"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Gazetteer entries for the test corpus (rounded real coordinates).
var (
	kyiv      = model.Location{Name: "Kyiv", Admin1: "Kyiv City", Country: "UA", Lat: 50.4501, Lon: 30.5234, GeonamesID: 703448, Feature: "city", Resolved: true}
	darnytsia = model.Location{Name: "Darnytskyi district", Admin1: "Kyiv City", Country: "UA", Lat: 50.4167, Lon: 30.6500, Feature: "district", Resolved: true}
	brovary   = model.Location{Name: "Brovary", Admin1: "Kyiv Oblast", Country: "UA", Lat: 50.5110, Lon: 30.7909, GeonamesID: 711660, Feature: "city", Resolved: true}
	kyivObl   = model.Location{Name: "Kyiv Oblast", Admin1: "Kyiv Oblast", Country: "UA", Lat: 50.05, Lon: 30.77, Feature: "admin1", Resolved: true}
	odesa     = model.Location{Name: "Odesa", Admin1: "Odesa Oblast", Country: "UA", Lat: 46.4825, Lon: 30.7233, GeonamesID: 698740, Feature: "city", Resolved: true}
	kharkiv   = model.Location{Name: "Kharkiv", Admin1: "Kharkiv Oblast", Country: "UA", Lat: 49.9935, Lon: 36.2304, GeonamesID: 706483, Feature: "city", Resolved: true}
	kupiansk  = model.Location{Name: "Kupiansk", Admin1: "Kharkiv Oblast", Country: "UA", Lat: 49.7106, Lon: 37.6156, GeonamesID: 704422, Feature: "city", Resolved: true}
	kharkObl  = model.Location{Name: "Kharkiv Oblast", Admin1: "Kharkiv Oblast", Country: "UA", Lat: 49.5, Lon: 36.5, Feature: "admin1", Resolved: true}
	staroko   = model.Location{Name: "Starokostiantyniv", Admin1: "Khmelnytskyi Oblast", Country: "UA", Lat: 49.7557, Lon: 27.2034, GeonamesID: 691999, Feature: "city", Resolved: true}
	vovchansk = model.Location{Name: "Vovchansk", Admin1: "Kharkiv Oblast", Country: "UA", Lat: 50.2906, Lon: 36.9411, GeonamesID: 690548, Feature: "city", Resolved: true}
	ukraine   = model.Location{Name: "Ukraine", Country: "UA", Lat: 49, Lon: 32, Feature: "country", Resolved: true}
)

type opt func(*model.Report)

func killed(v float64, q model.Qualifier) opt {
	return func(r *model.Report) { r.Casualties.Killed = model.Q(v, q) }
}
func injured(v float64, q model.Qualifier) opt {
	return func(r *model.Report) { r.Casualties.Injured = model.Q(v, q) }
}
func by(side model.Side) opt { return func(r *model.Report) { r.Attacker = &model.Actor{Side: side} } }
func weapon(kind string, launched float64) opt {
	return func(r *model.Report) {
		w := model.Weapon{Kind: kind}
		if launched > 0 {
			w.Launched = model.Q(launched, model.Exact)
		}
		r.Weapons = append(r.Weapons, w)
	}
}
func claim(who string, side model.Side, hedged bool) opt {
	return func(r *model.Report) {
		r.Source.AttributedTo, r.Source.ClaimantSide, r.Source.Hedged = who, side, hedged
	}
}
func typ(t model.EventType) opt   { return func(r *model.Report) { r.Type = t } }
func at(ls ...model.Location) opt { return func(r *model.Report) { r.Locations = ls } }

// month marks a report as dated only to its month.
func month(r *model.Report) { r.Date.Precision = model.Month }

func rep(id, doc, start, end string, opts ...opt) model.Report {
	r := model.Report{ID: id, Doc: doc, Type: model.Attack, Date: model.DateRange{Start: start, End: end, Precision: model.Day}}
	if start == "" && end == "" {
		r.Date.Precision = ""
	}
	r.Source.Doc = doc
	for _, o := range opts {
		o(&r)
	}
	return r
}

// corpus is an invented week of reporting, written for these tests. Each
// report ID starts with the event it belongs to, so the expected partition
// is implied by the IDs (see wantPartition).
func corpus() ([]model.Report, map[string]DocInfo) {
	docs := map[string]DocInfo{
		"d-wire-kyiv":   {Publisher: "Continental Wire"},
		"d-copy1-kyiv":  {Publisher: "Dnipro Daily", DuplicateOf: "d-wire-kyiv"},
		"d-copy2-kyiv":  {Publisher: "Lviv Ledger", DuplicateOf: "d-wire-kyiv"},
		"d-copy3-kyiv":  {Publisher: "Carpathian Post", DuplicateOf: "d-wire-kyiv"},
		"d-city-kyiv":   {Publisher: "Capital Courier"},
		"d-city2-kyiv":  {Publisher: "Capital Courier"},
		"d-region-kyiv": {Publisher: "Northern Herald"},
		"d-odesa-a":     {Publisher: "Black Sea Post"},
		"d-odesa-b":     {Publisher: "Continental Wire"},
		"d-kyiv-wk2-a":  {Publisher: "Capital Courier"},
		"d-kyiv-wk2-b":  {Publisher: "Northern Herald"},
		"d-kharkiv-a":   {Publisher: "Slobozhan News"},
		"d-kharkiv-b":   {Publisher: "Continental Wire"},
		"d-kharkiv-obl": {Publisher: "Eastern Monitor"},
		"d-kup":         {Publisher: "Eastern Monitor"},
		"d-mod":         {Publisher: "Kremlin Vesti"},
		"d-kup-rma":     {Publisher: "Kharkiv Regional Military Administration"},
		"d-mod-copy":    {Publisher: "Steppe Gazette", DuplicateOf: "d-mod"},
		"d-tally-a":     {Publisher: "Continental Wire"},
		"d-tally-b":     {Publisher: "Black Sea Post"},
		"d-front":       {Publisher: "Eastern Monitor"},
		"d-undated":     {Publisher: "Lviv Ledger"},
		"d-month-a":     {Publisher: "Eastern Monitor"},
		"d-month-b":     {Publisher: "Dnipro Daily"},
	}
	rs := []model.Report{
		// A: Kyiv, night of 3–4 July. A wire story, two reprints, two city reports
		// by the same outlet, and a regional report naming only the oblast.
		rep("A1", "d-wire-kyiv", "2025-07-03", "2025-07-04", at(kyiv), by(model.SideRU), weapon("ballistic_missile", 4), killed(2, model.Exact), injured(11, model.Exact), claim("Kyiv city military administration", model.SideUA, false)),
		rep("A2", "d-copy1-kyiv", "2025-07-03", "2025-07-04", at(kyiv), by(model.SideRU), weapon("ballistic_missile", 4), killed(2, model.Exact), injured(11, model.Exact)),
		rep("A3", "d-copy2-kyiv", "2025-07-03", "2025-07-04", at(kyiv), weapon("missile", 0), killed(2, model.Exact)),
		// An undated reprint (its page had no publication time) joins through its original.
		rep("A7", "d-copy3-kyiv", "", "", at(kyiv), by(model.SideRU), killed(2, model.Exact)),
		rep("A4", "d-city-kyiv", "2025-07-04", "", at(darnytsia, kyiv), by(model.SideRU), killed(3, model.AtLeast), injured(14, model.AtLeast)),
		rep("A5", "d-city2-kyiv", "2025-07-04", "", at(kyiv), by(model.SideRU), injured(16, model.Exact)),
		rep("A6", "d-region-kyiv", "2025-07-04", "", at(kyivObl), by(model.SideRU), weapon("drone", 0)),
		// B: Odesa, the same night: must stay apart from A.
		rep("B1", "d-odesa-a", "2025-07-03", "2025-07-04", at(odesa), by(model.SideRU), weapon("drone", 30), injured(3, model.Exact)),
		rep("B2", "d-odesa-b", "2025-07-04", "", at(odesa), by(model.SideRU), weapon("shahed_drone", 28), injured(3, model.Exact)),
		// C: Kyiv a week later: must stay apart from A.
		rep("C1", "d-kyiv-wk2-a", "2025-07-11", "", at(kyiv), by(model.SideRU), weapon("drone", 0), injured(1, model.Exact)),
		rep("C2", "d-kyiv-wk2-b", "2025-07-10", "2025-07-11", at(brovary, kyiv), by(model.SideRU), weapon("drone", 0)),
		// D: Kharkiv city and E: Kupiansk, the same night; F: an oblast-wide
		// report that could bridge them joins one, not both.
		rep("D1", "d-kharkiv-a", "2025-07-04", "", at(kharkiv), by(model.SideRU), weapon("glide_bomb", 0), killed(1, model.Exact)),
		rep("D2", "d-kharkiv-b", "2025-07-04", "", at(kharkiv), by(model.SideRU), killed(1, model.Exact), claim("regional governor", model.SideUA, false)),
		rep("DF", "d-kharkiv-obl", "2025-07-04", "", at(kharkObl), by(model.SideRU), weapon("glide_bomb", 0)),
		rep("E1", "d-kup", "2025-07-04", "", at(kupiansk), by(model.SideRU), weapon("artillery", 0)),
		rep("E2", "d-kup-rma", "2025-07-04", "", at(kupiansk), by(model.SideRU), injured(2, model.Exact)),
		// G: an attacking side's state media and a hedged reprint: "claimed".
		rep("G1", "d-mod", "2025-07-05", "", at(staroko), by(model.SideRU), weapon("missile", 0), claim("Russian defence ministry", model.SideRU, false)),
		rep("G2", "d-mod-copy", "2025-07-05", "", at(staroko), by(model.SideRU), claim("Russian defence ministry", model.SideRU, true)),
		// H: the nationwide tally of the night of 3–4 July, country-level only.
		rep("H1", "d-tally-a", "2025-07-04", "", at(ukraine), by(model.SideRU), weapon("drone", 120), weapon("ballistic_missile", 6)),
		rep("H2", "d-tally-b", "2025-07-04", "", at(ukraine), by(model.SideRU), weapon("drone", 125), weapon("ballistic_missile", 6)),
		// I: a battle at Kupiansk the same day is a different type from E.
		rep("I1", "d-front", "2025-07-04", "", at(kupiansk), typ(model.Battle)),
		// K: a capture dated only to its month by two outlets; the day-dated
		// Kharkiv oblast report of the same month (DF) stays apart.
		rep("K1", "d-month-a", "2025-07-01", "2025-07-31", at(vovchansk), by(model.SideRU), typ(model.TerritorialChange), month),
		rep("K2", "d-month-b", "2025-07", "", at(vovchansk, kharkObl), by(model.SideRU), typ(model.TerritorialChange), month),
		// J: no date: never merged.
		rep("J1", "d-undated", "", "", at(kyiv), by(model.SideRU)),
	}
	return rs, docs
}

// wantPartition groups report IDs by their first letter.
func wantPartition(rs []model.Report) map[string][]string {
	out := map[string][]string{}
	for _, r := range rs {
		out[r.ID[:1]] = append(out[r.ID[:1]], r.ID)
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}

// originals lists the corpus's copies as Partition wants them.
func originals(docs map[string]DocInfo) Constraints {
	c := Constraints{Originals: map[string]string{}}
	for id, d := range docs {
		if d.DuplicateOf != "" {
			c.Originals[id] = d.DuplicateOf
		}
	}
	return c
}
