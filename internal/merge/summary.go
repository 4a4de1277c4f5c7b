package merge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// DocInfo is what the summary needs to know about a report's document.
type DocInfo struct {
	Publisher   string
	DuplicateOf string
	Kind        string // the operator's label for the publisher (sources.kind), see PublisherRole
}

// Summarise builds the event for one cluster of reports: its type, date,
// places, attacker, headline figures, discrepancies, sources and status.
// docs maps document IDs to their publisher and original.
func Summarise(id string, reports []model.Report, docs map[string]DocInfo) model.Event {
	rs := slices.Clone(reports)
	slices.SortFunc(rs, func(a, b model.Report) int { return cmp.Compare(a.ID, b.ID) })
	ev := model.Event{ID: id, Headline: map[string]model.Headline{}, Discrepancies: []model.Discrepancy{}}
	ev.Type = model.EventType(majority(rs, func(r *model.Report) string { return string(r.Type) }))
	ev.Date = eventDate(rs)
	ev.Locations = eventLocations(rs)
	if side := majority(rs, func(r *model.Report) string {
		if r.Attacker == nil {
			return ""
		}
		return string(r.Attacker.Side)
	}); side != "" {
		ev.Attacker = &model.Actor{Side: model.Side(side), Name: majority(rs, func(r *model.Report) string {
			if r.Attacker == nil || string(r.Attacker.Side) != side {
				return ""
			}
			return r.Attacker.Name
		})}
	}
	for i := range rs {
		r := &rs[i]
		ev.Reports = append(ev.Reports, r.ID)
		ev.Documents = append(ev.Documents, r.Doc)
		if p := docs[r.Doc].Publisher; p != "" {
			ev.Publishers = append(ev.Publishers, p)
		}
		for _, w := range r.Weapons {
			ev.Weapons = append(ev.Weapons, w.Kind)
		}
	}
	ev.Documents = sortedUnique(ev.Documents)
	ev.Publishers = sortedUnique(ev.Publishers)
	ev.Weapons = sortedUnique(ev.Weapons)
	for _, f := range countFields {
		headline(&ev, rs, docs, f)
	}
	ev.Discrepancies = append(ev.Discrepancies, dateDiscrepancy(rs, docs)...)
	ev.Discrepancies = append(ev.Discrepancies, placeDiscrepancy(rs, docs)...)
	ev.Discrepancies = append(ev.Discrepancies, attackerDiscrepancy(rs, docs)...)
	slices.SortStableFunc(ev.Discrepancies, func(a, b model.Discrepancy) int { return cmp.Compare(a.Field, b.Field) })
	ev.IndependentSources = IndependentSources(rs, docs)
	ev.Status, ev.StatusReason = Status(rs, ev.Attacker, docs)
	return ev
}

// majority returns the most frequent non-empty value, ties to the smallest.
func majority(rs []model.Report, key func(*model.Report) string) string {
	n := map[string]int{}
	for i := range rs {
		if k := key(&rs[i]); k != "" {
			n[k]++
		}
	}
	best := ""
	for k, c := range n {
		if c > n[best] || (c == n[best] && k < best) || best == "" {
			best = k
		}
	}
	return best
}

// eventDate is the hull of the day-precise reports' dates (an overnight
// range and a "this morning" report give the range); when no report is
// day-precise, the hull of the coarse ones.
func eventDate(rs []model.Report) model.DateRange {
	lo, hi, have, yearless := 0, 0, false, false
	for pass := range 2 {
		for i := range rs {
			s := dateSpan(rs[i].Date)
			if !s.ok || (pass == 0 && !s.fine) {
				continue
			}
			if !have {
				lo, hi, have, yearless = s.lo, s.hi, true, s.yearless
				continue
			}
			lo, hi = min(lo, s.lo), max(hi, s.hi)
		}
		if have {
			d := model.DateRange{Start: formatDay(lo, yearless), End: formatDay(hi, yearless), Precision: model.Day}
			if pass == 1 {
				d.Precision = model.Month
				if hi-lo > 31 {
					d.Precision = model.Year
				}
			}
			return d
		}
	}
	return model.DateRange{}
}

// eventLocations lists each distinct place once: most often named first,
// settlements before oblasts before countries, then in the order the
// reports (by ID) name them, so a report's main place leads.
func eventLocations(rs []model.Report) []model.Location {
	type entry struct {
		loc   model.Location
		count int
		first int
	}
	var es []*entry
	for i := range rs {
		for _, l := range rs[i].Locations {
			found := false
			for _, e := range es {
				if sameLocation(&e.loc, &l) {
					e.count++
					found = true
					break
				}
			}
			if !found {
				l.Start, l.End = 0, 0
				es = append(es, &entry{loc: l, count: 1, first: len(es)})
			}
		}
	}
	slices.SortFunc(es, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(levelOf(&b.loc), levelOf(&a.loc)), cmp.Compare(a.first, b.first))
	})
	out := make([]model.Location, 0, len(es))
	for _, e := range es {
		out = append(out, e.loc)
	}
	return out
}

func sameLocation(a, b *model.Location) bool {
	if a.GeonamesID != 0 || b.GeonamesID != 0 {
		return a.GeonamesID == b.GeonamesID
	}
	return strings.EqualFold(a.Name, b.Name) && levelOf(a) == levelOf(b)
}

func sortedUnique(ss []string) []string {
	slices.Sort(ss)
	ss = slices.Compact(ss)
	if ss == nil {
		return []string{}
	}
	return ss
}

func sourceValue(r *model.Report, docs map[string]DocInfo, v any, q model.Qualifier) model.SourceValue {
	return model.SourceValue{Value: v, Qualifier: q, Report: r.ID, Doc: r.Doc,
		Publisher: docs[r.Doc].Publisher, AttributedTo: r.Source.AttributedTo}
}

// dateDiscrepancy lists every report's date when two day-precise dates
// neither overlap nor contain one another (an overnight range and its
// morning are not a disagreement).
func dateDiscrepancy(rs []model.Report, docs map[string]DocInfo) []model.Discrepancy {
	disagree := false
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := dateSpan(rs[i].Date), dateSpan(rs[j].Date)
			if a.ok && b.ok && a.fine && b.fine && !a.contains(b) && !b.contains(a) {
				disagree = true
			}
		}
	}
	if !disagree {
		return nil
	}
	d := model.Discrepancy{Field: "date"}
	for i := range rs {
		if rs[i].Date.IsZero() {
			continue
		}
		d.Values = append(d.Values, sourceValue(&rs[i], docs, rangeText(rs[i].Date), ""))
	}
	return []model.Discrepancy{d}
}

// placeDiscrepancy lists every report's settlements when two reports name
// settlements with none in common (within NearbyKm): one says Brovary, the
// other Kyiv's centre is fine, one says Kyiv and the other Odesa is not.
func placeDiscrepancy(rs []model.Report, docs map[string]DocInfo) []model.Discrepancy {
	var sets [][]model.Location
	var who []*model.Report
	for i := range rs {
		if p := placesOf(rs[i].Locations); len(p.points) > 0 {
			sets = append(sets, p.points)
			who = append(who, &rs[i])
		}
	}
	disagree := false
	for i := range sets {
		for j := i + 1; j < len(sets) && !disagree; j++ {
			disagree = !anyNear(sets[i], sets[j])
		}
	}
	if !disagree {
		return nil
	}
	d := model.Discrepancy{Field: "place", Conflict: true}
	for i, ps := range sets {
		names := make([]string, 0, len(ps))
		for _, l := range ps {
			names = append(names, l.Name)
		}
		d.Values = append(d.Values, sourceValue(who[i], docs, strings.Join(names, ", "), ""))
	}
	return []model.Discrepancy{d}
}

func attackerDiscrepancy(rs []model.Report, docs map[string]DocInfo) []model.Discrepancy {
	sides := map[model.Side]bool{}
	for i := range rs {
		if rs[i].Attacker != nil && rs[i].Attacker.Side != "" {
			sides[rs[i].Attacker.Side] = true
		}
	}
	if len(sides) < 2 {
		return nil
	}
	d := model.Discrepancy{Field: "attacker"}
	for i := range rs {
		if rs[i].Attacker != nil && rs[i].Attacker.Side != "" {
			d.Values = append(d.Values, sourceValue(&rs[i], docs, string(rs[i].Attacker.Side), ""))
		}
	}
	return []model.Discrepancy{d}
}

// describe is a short label for an event in explanations.
func describe(ev *model.Event) string {
	where := ""
	if len(ev.Locations) > 0 {
		where = ev.Locations[0].Name
	}
	return fmt.Sprintf("%s %s %s", ev.Type, rangeText(ev.Date), where)
}
