package eval

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Metrics holds the scores of one run and the per-event lines score.py
// prints ("ok E01 000 attack             Kharkiv").
type Metrics struct {
	Recall, Precision, F1               float64
	Counts, Qualifiers, Dates, Attacker float64
	Places                              float64
	Clean                               float64
	HasClean                            bool // documents were given, so Clean is set
	Scored, Matched                     int
	Lines                               []string
	Matches                             map[string]string // gold event ID → report ID
}

// Keys lists the metric names in the order score.py prints them.
func (m Metrics) Keys() []string {
	k := []string{"recall", "precision", "f1", "counts", "qualifiers", "dates", "attacker", "places"}
	if m.HasClean {
		k = append(k, "clean")
	}
	return k
}

// Get returns the metric named key and whether it exists.
func (m Metrics) Get(key string) (float64, bool) {
	switch key {
	case "recall":
		return m.Recall, true
	case "precision":
		return m.Precision, true
	case "f1":
		return m.F1, true
	case "counts":
		return m.Counts, true
	case "qualifiers":
		return m.Qualifiers, true
	case "dates":
		return m.Dates, true
	case "attacker":
		return m.Attacker, true
	case "places":
		return m.Places, true
	case "clean":
		return m.Clean, m.HasClean
	}
	return 0, false
}

// Bound is a lower bound on one metric, from a "--min KEY=VALUE" flag.
type Bound struct {
	Key string
	Min float64
}

// ParseBound reads "f1=0.9".
func ParseBound(s string) (Bound, error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return Bound{}, fmt.Errorf("eval: bound %q: want KEY=VALUE", s)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return Bound{}, fmt.Errorf("eval: bound %q: %w", s, err)
	}
	return Bound{Key: k, Min: f}, nil
}

// Failures returns "key=got<min" for every bound m misses, in the order
// given. A missing metric counts as 0, as in score.py.
func (m Metrics) Failures(bounds []Bound) []string {
	var out []string
	for _, b := range bounds {
		got, _ := m.Get(b.Key)
		if got < b.Min {
			out = append(out, fmt.Sprintf("%s=%.3f<%s", b.Key, got, pyFloat(b.Min)))
		}
	}
	return out
}

// Summary is the last line score.py prints: every metric with three decimals.
func (m Metrics) Summary() string {
	var b strings.Builder
	for i, k := range m.Keys() {
		v, _ := m.Get(k)
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%.3f", k, v)
	}
	return b.String()
}

// Report renders the full output of score.py: the per-event lines, the
// scored count and the summary, prefixed with FAIL when a bound is missed.
func (m Metrics) Report(bounds []Bound) string {
	var b strings.Builder
	for _, l := range m.Lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "reports scored: %d (matched %d)\n", m.Scored, m.Matched)
	if f := m.Failures(bounds); len(f) > 0 {
		b.WriteString("FAIL " + strings.Join(f, " ") + " | ")
	}
	b.WriteString(m.Summary())
	b.WriteByte('\n')
	return b.String()
}

// Score scores reports against gold. docs, when given, map exported
// document IDs to the gold's IDs (a document may carry the gold's id as
// ExternalID) and supply the clean text for the clean checks.
func Score(gold Gold, reports []model.Report, docs []model.Document) Metrics {
	goldDocs := map[string]bool{}
	for _, e := range gold.Events {
		goldDocs[e.Doc] = true
	}
	for d := range gold.CleanText {
		goldDocs[d] = true
	}
	for _, d := range gold.Docs {
		goldDocs[d] = true
	}
	docText := map[string]string{}
	alias := map[string]string{}
	for _, d := range docs {
		gid := d.ID
		if goldDocs[d.ID] {
			gid = d.ID
		} else if goldDocs[d.ExternalID] {
			gid = d.ExternalID
		}
		docText[gid] = d.Text
		alias[d.ID] = gid
	}
	var scored []model.Report
	for _, r := range reports {
		doc := r.Doc
		if doc == "" {
			doc = r.Source.Doc
		}
		if a, ok := alias[doc]; ok {
			doc = a
		}
		r.Doc = doc
		if goldDocs[doc] {
			scored = append(scored, r)
		}
	}

	events := make([]Event, len(gold.Events))
	copy(events, gold.Events)
	sort.SliceStable(events, func(i, j int) bool { return events[i].Required && !events[j].Required })
	used := map[int]bool{}
	matched := map[string]*model.Report{}
	m := Metrics{Matches: map[string]string{}}
	for _, g := range events {
		best, bestS := -1, 0.0
		for i := range scored {
			r := &scored[i]
			if used[i] || r.Doc != g.Doc || string(r.Type) != g.Type {
				continue
			}
			s, hit := agreement(g, r, gold.Places)
			if hit > 0 && s > bestS {
				best, bestS = i, s
			}
		}
		if best >= 0 {
			used[best] = true
			matched[g.ID] = &scored[best]
			m.Matches[g.ID] = scored[best].ID
		}
	}

	req := 0
	okReq := 0
	for _, g := range gold.Events {
		if g.Required {
			req++
			if matched[g.ID] != nil {
				okReq++
			}
		}
	}
	m.Recall = float64(okReq) / float64(max(1, req))
	if len(scored) > 0 {
		m.Precision = float64(len(used)) / float64(len(scored))
	}
	if p, r := m.Precision, m.Recall; p+r > 0 {
		m.F1 = 2 * p * r / (p + r)
	}

	var nCounts, okCounts, okQual, nDates, okDates, nAtt, okAtt, nPlaces, okPlaces int
	for _, g := range gold.Events {
		rep := matched[g.ID]
		if !g.Required && rep == nil {
			continue
		}
		var c map[string]sum
		if rep != nil {
			c = countsOf(rep)
		}
		for k, want := range g.Counts {
			nCounts++
			if got, ok := c[k]; ok && got.Value == want.Value {
				okCounts++
				if got.Qualifier == want.Qualifier {
					okQual++
				}
			}
		}
		if g.Date != "" {
			nDates++
			if rep != nil && dateOK(g.Date, rep.Date) {
				okDates++
			}
		}
		if g.Attacker != "" {
			nAtt++
			if rep != nil && rep.Attacker != nil && string(rep.Attacker.Side) == g.Attacker {
				okAtt++
			}
		}
		for _, p := range g.Places {
			nPlaces++
			if rep != nil && anyHit(gold.Places[p], rep.Locations) {
				okPlaces++
			}
		}
	}
	m.Counts = float64(okCounts) / float64(max(1, nCounts))
	m.Qualifiers = float64(okQual) / float64(max(1, nCounts))
	m.Dates = float64(okDates) / float64(max(1, nDates))
	m.Attacker = float64(okAtt) / float64(max(1, nAtt))
	m.Places = float64(okPlaces) / float64(max(1, nPlaces))

	if docs != nil {
		m.HasClean = true
		checks, ok := 0, 0
		for doc, rule := range gold.CleanText {
			text := docText[doc]
			for _, s := range rule.Absent {
				checks++
				if text != "" && !strings.Contains(text, s) {
					ok++
				}
			}
			for _, s := range rule.Once {
				checks++
				if strings.Count(text, s) == 1 {
					ok++
				}
			}
		}
		m.Clean = float64(ok) / float64(max(1, checks))
	}

	for _, g := range gold.Events {
		flag := "ok "
		if matched[g.ID] == nil {
			flag = "miss"
			if g.Required {
				flag = "MISS"
			}
		}
		places := []rune(strings.Join(g.Places, ", "))
		if len(places) > 60 {
			places = places[:60]
		}
		doc := []rune(g.Doc)
		if len(doc) > 3 {
			doc = doc[:3]
		}
		m.Lines = append(m.Lines, fmt.Sprintf("%s %s %s %-18s %s", flag, g.ID, string(doc), g.Type, string(places)))
	}
	m.Scored, m.Matched = len(scored), len(used)
	return m
}

// sum is a count as the scorer reads it; Qualifier is "mixed" when summed
// figures disagree.
type sum struct {
	Value     float64
	Qualifier string
}

// countsOf maps a report onto the gold's count keys. Drone kinds "drone"
// add to drones_*, any kind containing "missile" to missiles_*.
func countsOf(r *model.Report) map[string]sum {
	out := map[string]sum{}
	add := func(key string, q *model.Quantity) {
		if q == nil {
			return
		}
		if s, ok := out[key]; ok {
			qual := s.Qualifier
			if qual != string(q.Qualifier) {
				qual = "mixed"
			}
			out[key] = sum{s.Value + q.Value, qual}
			return
		}
		out[key] = sum{q.Value, string(q.Qualifier)}
	}
	for _, w := range r.Weapons {
		kind := strings.ToLower(w.Kind)
		switch {
		case kind == "drone":
			add("drones_launched", w.Launched)
			add("drones_intercepted", w.Intercepted)
		case strings.Contains(kind, "missile"):
			add("missiles_launched", w.Launched)
			add("missiles_intercepted", w.Intercepted)
		}
	}
	c, q := r.Casualties, r.Quantities
	add("killed", c.Killed)
	add("injured", c.Injured)
	add("children_killed", c.ChildrenKilled)
	add("children_injured", c.ChildrenInjured)
	add("settlements", q.Settlements)
	add("area_km2", q.AreaKm2)
	add("troops", q.Troops)
	add("explosions", q.Explosions)
	return out
}

func agreement(g Event, r *model.Report, places map[string]Place) (float64, int) {
	hit := 0
	for _, p := range g.Places {
		if anyHit(places[p], r.Locations) {
			hit++
		}
	}
	score := float64(hit) / float64(max(1, len(g.Places)))
	if g.Date != "" && dateOK(g.Date, r.Date) {
		score++
	}
	if g.Attacker != "" && r.Attacker != nil && string(r.Attacker.Side) == g.Attacker {
		score++
	}
	c := countsOf(r)
	for k, v := range g.Counts {
		if got, ok := c[k]; ok && got.Value == v.Value {
			score++
		}
	}
	return score, hit
}

func anyHit(p Place, locs []model.Location) bool {
	for _, l := range locs {
		if placeHit(p, l) {
			return true
		}
	}
	return false
}

// placeHit matches a location to a gold place by any spelling of its name,
// admin1 or matched text (case-folded), or by coordinates within the
// place's radius. Zero coordinates mean unresolved, as the JSON export
// omits them.
func placeHit(p Place, l model.Location) bool {
	for _, v := range []string{l.Name, l.Admin1, l.MatchedText} {
		if v == "" {
			continue
		}
		for _, n := range p.Names {
			if strings.EqualFold(v, n) {
				return true
			}
		}
	}
	if l.Lat == 0 && l.Lon == 0 {
		return false
	}
	radius := 30.0
	if p.RadiusKm != nil {
		radius = *p.RadiusKm
	}
	return km(l.Lat, l.Lon, p.Lat, p.Lon) <= radius
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dp, dl := p2-p1, (lon2-lon1)*rad
	a := math.Pow(math.Sin(dp/2), 2) + math.Cos(p1)*math.Cos(p2)*math.Pow(math.Sin(dl/2), 2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}

// sameDay reports whether d ("YYYY-MM-DD" or "--MM-DD") is the gold day.
func sameDay(gold, d string) bool {
	if len(d) < 7 || len(gold) < 5 || gold[len(gold)-5:] != d[len(d)-5:] {
		return false
	}
	return strings.HasPrefix(d, "--") || len(gold) >= 4 && d[:4] == gold[:4]
}

// dateOK reports whether a report's date covers the gold day: its start or
// end is that day, or the day lies inside a range of at most two days.
func dateOK(gold string, d model.DateRange) bool {
	if sameDay(gold, d.Start) || sameDay(gold, d.End) {
		return true
	}
	a, e1 := time.Parse(time.DateOnly, d.Start)
	b, e2 := time.Parse(time.DateOnly, d.End)
	g, e3 := time.Parse(time.DateOnly, gold)
	if e1 != nil || e2 != nil || e3 != nil {
		return false
	}
	return !g.Before(a) && !g.After(b) && b.Sub(a) <= 48*time.Hour
}

// pyFloat formats f as Python's str(float) does for ordinary values: "0.9", "1.0".
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}
