package merge

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// countField is one headline figure: its name in Event.Headline and
// discrepancies, and how to read it from a report.
type countField struct {
	name string
	get  func(*model.Report) *model.Quantity
}

// countFields are the figures an event headlines. Weapon counts are summed
// per report over the kinds of one family, as the scorer does.
var countFields = []countField{
	{"killed", func(r *model.Report) *model.Quantity { return r.Casualties.Killed }},
	{"injured", func(r *model.Report) *model.Quantity { return r.Casualties.Injured }},
	{"children_killed", func(r *model.Report) *model.Quantity { return r.Casualties.ChildrenKilled }},
	{"children_injured", func(r *model.Report) *model.Quantity { return r.Casualties.ChildrenInjured }},
	{"drones_launched", weaponSum("drone", func(w *model.Weapon) *model.Quantity { return w.Launched })},
	{"drones_intercepted", weaponSum("drone", func(w *model.Weapon) *model.Quantity { return w.Intercepted })},
	{"missiles_launched", weaponSum("missile", func(w *model.Weapon) *model.Quantity { return w.Launched })},
	{"missiles_intercepted", weaponSum("missile", func(w *model.Weapon) *model.Quantity { return w.Intercepted })},
	{"glide_bombs", weaponSum("bomb", func(w *model.Weapon) *model.Quantity { return w.Launched })},
	{"settlements", func(r *model.Report) *model.Quantity { return r.Quantities.Settlements }},
	{"area_km2", func(r *model.Report) *model.Quantity { return r.Quantities.AreaKm2 }},
	{"troops", func(r *model.Report) *model.Quantity { return r.Quantities.Troops }},
	{"explosions", func(r *model.Report) *model.Quantity { return r.Quantities.Explosions }},
}

// weaponSum adds one count over a report's weapons of a family. The sum
// takes the weakest qualifier of its parts ("at least" wins over "exact").
// A weapon named with an indefinite article counts as at least one (see
// indefiniteCount).
func weaponSum(family string, get func(*model.Weapon) *model.Quantity) func(*model.Report) *model.Quantity {
	return func(r *model.Report) *model.Quantity {
		var sum *model.Quantity
		for i := range r.Weapons {
			w := &r.Weapons[i]
			q := get(w)
			if q == nil || weaponFamily(w.Kind) != family {
				continue
			}
			if indefiniteCount(q) {
				q = &model.Quantity{Value: 1, Qualifier: model.AtLeast}
			}
			if sum == nil {
				sum = &model.Quantity{Value: q.Value, Qualifier: q.Qualifier}
				continue
			}
			sum.Value += q.Value
			if sum.Qualifier == model.Exact || sum.Qualifier == "" {
				sum.Qualifier = q.Qualifier
			}
		}
		return sum
	}
}

// indefiniteCount reports whether a weapon count is only an indefinite
// article: "a drone hit the depot", "fragments of a downed missile". Such a
// phrase says that one weapon is being talked about, not how many were
// launched or shot down, so it is read as "at least one" and never
// contradicts a tally ("a downed drone" against "79 drones shot down").
func indefiniteCount(q *model.Quantity) bool {
	if q.Value != 1 || (q.Qualifier != model.Exact && q.Qualifier != "") {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(q.Text))
	return t == "a" || t == "an"
}

// RuleHighest is the headline rule for counts. Tolls and tallies are revised
// upwards as rubble is cleared and units report, so a lower figure from
// another source is almost always an earlier count, not a contradiction;
// the discrepancy keeps every figure for the analyst.
const RuleHighest = "highest figure reported by any source"

// qualifierRank orders qualifiers for equal values: a firm figure first.
var qualifierRank = map[model.Qualifier]int{model.Exact: 0, "": 0, model.AtLeast: 1, model.MoreThan: 1, model.Approx: 2, model.AtMost: 3, model.LessThan: 3}

// headline sets ev.Headline[f.name] and, when sources differ, records a
// discrepancy with every source's value.
func headline(ev *model.Event, rs []model.Report, docs map[string]DocInfo, f countField) {
	type val struct {
		r *model.Report
		q *model.Quantity
	}
	var vs []val
	for i := range rs {
		if q := f.get(&rs[i]); q != nil {
			vs = append(vs, val{&rs[i], q})
		}
	}
	if len(vs) == 0 {
		return
	}
	best := vs[0]
	for _, v := range vs[1:] {
		if v.q.Value > best.q.Value || (v.q.Value == best.q.Value && qualifierRank[v.q.Qualifier] < qualifierRank[best.q.Qualifier]) {
			best = v
		}
	}
	h := model.Headline{Value: best.q.Value, Qualifier: best.q.Qualifier, Rule: RuleHighest}
	if h.Qualifier == "" {
		h.Qualifier = model.Exact
	}
	distinct := map[model.Quantity]bool{}
	lo := best.q.Value
	for _, v := range vs {
		distinct[model.Quantity{Value: v.q.Value, Qualifier: orExact(v.q.Qualifier)}] = true
		lo = min(lo, v.q.Value)
		if v.q.Value == best.q.Value && v.q.Qualifier == best.q.Qualifier {
			h.Reports = append(h.Reports, v.r.ID)
		}
	}
	if len(distinct) > 1 {
		if lo < best.q.Value {
			h.Rule = fmt.Sprintf("%s (sources range %g–%g)", RuleHighest, lo, best.q.Value)
		}
		d := model.Discrepancy{Field: f.name}
		for _, v := range vs {
			d.Values = append(d.Values, sourceValue(v.r, docs, v.q.Value, v.q.Qualifier))
			for _, w := range vs {
				if !compatibleCounts(v.q, w.q) {
					d.Conflict = true
				}
			}
		}
		slices.SortStableFunc(d.Values, func(a, b model.SourceValue) int { return cmp.Compare(a.Report, b.Report) })
		ev.Discrepancies = append(ev.Discrepancies, d)
	}
	ev.Headline[f.name] = h
}

func orExact(q model.Qualifier) model.Qualifier {
	if q == "" {
		return model.Exact
	}
	return q
}

// countRange is the set of true values a reported figure allows.
type countRange struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// rangeOf reads a figure as an interval: "12" is [12, 12], "at least 12"
// [12, ∞), "more than 12" (12, ∞), "about 12" [9.6, 14.4], "up to 12"
// [0, 12], "fewer than 12" [0, 12).
func rangeOf(q *model.Quantity) countRange {
	v := q.Value
	switch q.Qualifier {
	case model.AtLeast:
		return countRange{lo: v, hi: math.Inf(1)}
	case model.MoreThan:
		return countRange{lo: v, hi: math.Inf(1), loOpen: true}
	case model.Approx:
		return countRange{lo: 0.8 * v, hi: 1.2 * v}
	case model.AtMost:
		return countRange{lo: 0, hi: v}
	case model.LessThan:
		return countRange{lo: 0, hi: v, hiOpen: true}
	}
	return countRange{lo: v, hi: v}
}

// compatibleCounts reports whether two figures can both be true.
func compatibleCounts(a, b *model.Quantity) bool {
	x, y := rangeOf(a), rangeOf(b)
	lo, loOpen := x.lo, x.loOpen
	if y.lo > lo || (y.lo == lo && y.loOpen) {
		lo, loOpen = y.lo, y.loOpen
	}
	hi, hiOpen := x.hi, x.hiOpen
	if y.hi < hi || (y.hi == hi && y.hiOpen) {
		hi, hiOpen = y.hi, y.hiOpen
	}
	return lo < hi || (lo == hi && !loOpen && !hiOpen)
}
