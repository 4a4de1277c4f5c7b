package live

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// ErrFilter is wrapped by errors about an invalid subscription filter.
var ErrFilter = errors.New("invalid filter")

// Filter selects the events a subscription receives. Its JSON names are the
// API's query parameter names (type, side, bbox, min_sources, status,
// weapon); an empty field matches every event, and fields combine with AND.
type Filter struct {
	Types      []string  `json:"type,omitempty"` // event types, any of
	Sides      []string  `json:"side,omitempty"` // attacker sides, any of
	BBox       []float64 `json:"bbox,omitempty"` // minLon, minLat, maxLon, maxLat of the primary location
	MinSources int       `json:"min_sources,omitempty"`
	Status     []string  `json:"status,omitempty"` // verification statuses, any of
	Weapons    []string  `json:"weapon,omitempty"` // weapon kinds, any of
}

// ParseFilter reads a filter from API-style parameters, where lists are
// comma-separated: type=attack,battle&bbox=30,46,32,47&min_sources=2.
// Parameters it does not know (from, to, q, limit) are ignored.
func ParseFilter(q url.Values) (Filter, error) {
	var f Filter
	f.Types = list(q.Get("type"))
	f.Sides = list(q.Get("side"))
	for i, s := range f.Sides {
		f.Sides[i] = strings.ToUpper(s)
	}
	f.Status = list(q.Get("status"))
	f.Weapons = list(q.Get("weapon"))
	if v := q.Get("min_sources"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return Filter{}, fmt.Errorf("%w: min_sources=%q: not a number", ErrFilter, v)
		}
		f.MinSources = n
	}
	if v := q.Get("bbox"); v != "" {
		for _, p := range strings.Split(v, ",") {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return Filter{}, fmt.Errorf("%w: bbox=%q: %q is not a number", ErrFilter, v, p)
			}
			f.BBox = append(f.BBox, x)
		}
	}
	return f, f.Validate()
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Validate checks the bounding box and the source count.
func (f Filter) Validate() error {
	if f.MinSources < 0 {
		return fmt.Errorf("%w: min_sources %d is negative", ErrFilter, f.MinSources)
	}
	if len(f.BBox) == 0 {
		return nil
	}
	if len(f.BBox) != 4 {
		return fmt.Errorf("%w: bbox needs 4 numbers (minLon,minLat,maxLon,maxLat), got %d", ErrFilter, len(f.BBox))
	}
	b := f.BBox
	for _, x := range b {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%w: bbox %v holds a non-finite number", ErrFilter, b)
		}
	}
	if b[0] > b[2] || b[1] > b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 {
		return fmt.Errorf("%w: bbox %v is not minLon,minLat,maxLon,maxLat within ±180,±90", ErrFilter, b)
	}
	return nil
}

// Match reports whether e passes every field of the filter.
func (f Filter) Match(e *model.Event) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, string(e.Type)) {
		return false
	}
	if len(f.Sides) > 0 && (e.Attacker == nil || !slices.Contains(f.Sides, string(e.Attacker.Side))) {
		return false
	}
	if e.IndependentSources < f.MinSources {
		return false
	}
	if len(f.Status) > 0 && !slices.Contains(f.Status, string(e.Status)) {
		return false
	}
	if len(f.Weapons) > 0 && !slices.ContainsFunc(e.Weapons, func(w string) bool { return slices.Contains(f.Weapons, w) }) {
		return false
	}
	if len(f.BBox) == 4 {
		l := primaryLocation(e.Locations)
		if l == nil || l.Lon < f.BBox[0] || l.Lat < f.BBox[1] || l.Lon > f.BBox[2] || l.Lat > f.BBox[3] {
			return false
		}
	}
	return true
}

// primaryLocation is the first resolved location, the one the map and the
// API's bbox filter use.
func primaryLocation(ls []model.Location) *model.Location {
	for i := range ls {
		if ls[i].Resolved {
			return &ls[i]
		}
	}
	return nil
}

// String renders the filter as API query parameters ("" for match-all).
func (f Filter) String() string {
	q := url.Values{}
	set := func(k string, v []string) {
		if len(v) > 0 {
			q.Set(k, strings.Join(v, ","))
		}
	}
	set("type", f.Types)
	set("side", f.Sides)
	set("status", f.Status)
	set("weapon", f.Weapons)
	if f.MinSources > 0 {
		q.Set("min_sources", strconv.Itoa(f.MinSources))
	}
	if len(f.BBox) > 0 {
		parts := make([]string, len(f.BBox))
		for i, x := range f.BBox {
			parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
		}
		q.Set("bbox", strings.Join(parts, ","))
	}
	return q.Encode()
}
