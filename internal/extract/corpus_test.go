package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/geocode"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// The corpus tests use invented sentences and articles written for sitrep,
// phrased as wire services, local officials, Telegram channels and the
// Russian defence ministry phrase them. Each expectation is written in a
// compact form:
//
//	attack RU 2025-03-01..2025-03-02 @Odesa drones_launched=154 killed=≥2
//
// type, attacker side ("-" for none), date ("?" not checked, one day or a
// range), places ("@Name", "_" for a space; matched as a prefix of a
// location's name, admin1 or matched text), then every count the report
// must carry, each as Quantity.String() ("≥47", "~550", ">40"). A report
// with a count the expectation does not list fails.

var (
	testX     *Extractor
	testXOnce sync.Once
)

func extractor(t testing.TB) *Extractor {
	testXOnce.Do(func() {
		geo, err := geocode.Default()
		if err != nil {
			t.Fatalf("geocode.Default: %v", err)
		}
		testX = New(geo)
	})
	return testX
}

// corpusPub is Sunday 2 March 2025, 09:00 in Kyiv.
var corpusPub = time.Date(2025, 3, 2, 9, 0, 0, 0, kyiv)

type expect struct {
	typ    string
	side   string
	date   string
	places []string
	counts map[string]string
}

func parseExpect(t testing.TB, s string) expect {
	f := strings.Fields(s)
	if len(f) < 3 {
		t.Fatalf("bad expectation %q", s)
	}
	e := expect{typ: f[0], side: f[1], date: f[2], counts: map[string]string{}}
	for _, w := range f[3:] {
		switch {
		case strings.HasPrefix(w, "@"):
			e.places = append(e.places, strings.ReplaceAll(w[1:], "_", " "))
		case strings.Contains(w, "="):
			k, v, _ := strings.Cut(w, "=")
			e.counts[k] = v
		default:
			t.Fatalf("bad expectation word %q in %q", w, s)
		}
	}
	return e
}

// countsOf maps a report's figures to flat keys: drones_*, missiles_* (as
// the scorer sums them), <kind>_<role> for other weapons, then the
// casualty and quantity fields.
func countsOf(r model.Report) map[string]string {
	sums := map[string]model.Quantity{}
	add := func(k string, q *model.Quantity) {
		if q == nil {
			return
		}
		if s, ok := sums[k]; ok {
			s.Value += q.Value
			if s.Qualifier != q.Qualifier {
				s.Qualifier = "mixed"
			}
			sums[k] = s
			return
		}
		sums[k] = *q
	}
	for _, w := range r.Weapons {
		p := w.Kind
		switch {
		case w.Kind == "drone":
			p = "drones"
		case strings.Contains(w.Kind, "missile"):
			p = "missiles"
		}
		add(p+"_launched", w.Launched)
		add(p+"_intercepted", w.Intercepted)
		add(p+"_hit", w.Hit)
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
	out := map[string]string{}
	for k, v := range sums {
		out[k] = v.String()
	}
	return out
}

func summary(r model.Report) string {
	side := "-"
	if r.Attacker != nil {
		side = string(r.Attacker.Side)
	}
	var places []string
	for _, l := range r.Locations {
		places = append(places, "@"+strings.ReplaceAll(l.Name, " ", "_"))
	}
	var counts []string
	for k, v := range countsOf(r) {
		counts = append(counts, k+"="+v)
	}
	sort.Strings(counts)
	return fmt.Sprintf("%s %s %s..%s %s %s", r.Type, side, r.Date.Start, r.Date.End, strings.Join(places, " "), strings.Join(counts, " "))
}

func placeOK(want string, locs []model.Location) bool {
	w := strings.ToLower(want)
	for _, l := range locs {
		for _, v := range []string{l.Name, l.Admin1, l.MatchedText} {
			if v != "" && strings.HasPrefix(strings.ToLower(v), w) {
				return true
			}
		}
	}
	return false
}

// mismatch explains how r differs from e, or returns "".
func mismatch(e expect, r model.Report) string {
	var why []string
	if string(r.Type) != e.typ {
		why = append(why, "type "+string(r.Type))
	}
	side := "-"
	if r.Attacker != nil {
		side = string(r.Attacker.Side)
	}
	if side != e.side {
		why = append(why, "side "+side)
	}
	if e.date != "?" {
		a, b, ok := strings.Cut(e.date, "..")
		if !ok {
			b = a
		}
		if r.Date.Start != a || r.Date.End != b {
			why = append(why, "date "+r.Date.Start+".."+r.Date.End)
		}
	}
	for _, p := range e.places {
		if !placeOK(p, r.Locations) {
			why = append(why, "no place "+p)
		}
	}
	got := countsOf(r)
	for k, v := range e.counts {
		if got[k] != v {
			why = append(why, fmt.Sprintf("%s=%s want %s", k, got[k], v))
		}
	}
	for k, v := range got {
		if _, ok := e.counts[k]; !ok {
			why = append(why, fmt.Sprintf("extra %s=%s", k, v))
		}
	}
	return strings.Join(why, "; ")
}

// checkReports matches reports to expectations in order of type and place.
func checkReports(t *testing.T, text string, reps []model.Report, wants []string) {
	t.Helper()
	var got []string
	for _, r := range reps {
		got = append(got, summary(r))
	}
	if len(reps) != len(wants) {
		t.Errorf("%d reports, want %d\ntext: %s\ngot:\n  %s\nwant:\n  %s", len(reps), len(wants), text,
			strings.Join(got, "\n  "), strings.Join(wants, "\n  "))
		return
	}
	used := make([]bool, len(reps))
	for _, w := range wants {
		e := parseExpect(t, w)
		best, bestWhy := -1, ""
		for i, r := range reps {
			if used[i] {
				continue
			}
			why := mismatch(e, r)
			if why == "" {
				best = i
				break
			}
			if bestWhy == "" || len(why) < len(bestWhy) {
				bestWhy = why
			}
		}
		if best < 0 {
			t.Errorf("no report matches %q (closest: %s)\ntext: %s\ngot:\n  %s", w, bestWhy, text, strings.Join(got, "\n  "))
			continue
		}
		used[best] = true
	}
}

func runDoc(t testing.TB, id, text string, pub *time.Time) []model.Report {
	doc := &model.Document{ID: id, Text: text, Published: pub}
	reps, err := extractor(t).Reports(context.Background(), doc)
	if err != nil {
		t.Fatalf("Reports: %v", err)
	}
	return reps
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceCases {
		t.Run(tt.name, func(t *testing.T) {
			checkReports(t, tt.text, runDoc(t, "s-"+tt.name, tt.text, &corpusPub), tt.want)
		})
	}
}
