package api

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// FilterParams names the query parameters ParseFilter reads, in the order
// the OpenAPI document lists them.
var FilterParams = []struct{ Name, Doc string }{
	{"from", "YYYY-MM-DD: the event's date range overlaps [from, to]"},
	{"to", "YYYY-MM-DD: the event's date range overlaps [from, to]"},
	{"bbox", "minLon,minLat,maxLon,maxLat: the event's primary location lies inside"},
	{"type", "event types, comma-separated (attack, territorial_change, air_alert, deployment, battle)"},
	{"side", "attacker sides, comma-separated (RU, UA)"},
	{"weapon", "weapon kinds, comma-separated; any named by the event matches"},
	{"min_sources", "minimum number of independent sources"},
	{"status", "verification statuses, comma-separated (claimed, reported, corroborated, confirmed)"},
	{"q", "full-text search over the events' documents (words are ANDed)"},
	{"limit", "page size, default 100, at most 1000"},
	{"cursor", "opaque position from a previous page's next_cursor"},
}

var (
	eventTypes = set(model.Attack, model.TerritorialChange, model.AirAlert, model.Deployment, model.Battle)
	statuses   = set(model.StatusClaimed, model.StatusReported, model.StatusCorroborated, model.StatusConfirmed)
	sideRE     = regexp.MustCompile(`^[A-Z]{2,3}$`)
	weaponRE   = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
)

func set[T ~string](vals ...T) map[string]bool {
	m := map[string]bool{}
	for _, v := range vals {
		m[string(v)] = true
	}
	return m
}

// ParseFilter reads the filter parameters of .team/API.md from a query
// string. Errors wrap ErrInvalid and name the parameter. Unknown
// parameters are ignored, so a UI can keep its own state in the same URL.
func ParseFilter(v url.Values) (store.Filter, error) {
	var f store.Filter
	bad := func(name, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalid, name, fmt.Sprintf(format, args...))
	}
	for _, name := range []string{"from", "to"} {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return f, bad(name, "want YYYY-MM-DD, got %q", s)
		}
		if name == "from" {
			f.From = s
		} else {
			f.To = s
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, bad("from", "after to")
	}
	if s := v.Get("bbox"); s != "" {
		parts := strings.Split(s, ",")
		if len(parts) != 4 {
			return f, bad("bbox", "want minLon,minLat,maxLon,maxLat")
		}
		var n [4]float64
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil || x != x {
				return f, bad("bbox", "%q is not a number", p)
			}
			n[i] = x
		}
		b := store.BBox{MinLon: n[0], MinLat: n[1], MaxLon: n[2], MaxLat: n[3]}
		if b.MinLon > b.MaxLon || b.MinLat > b.MaxLat || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 {
			return f, bad("bbox", "want minLon <= maxLon and minLat <= maxLat within ±180, ±90")
		}
		f.BBox = &b
	}
	var err error
	if f.Types, err = list(v, "type", func(s string) bool { return eventTypes[s] }); err != nil {
		return f, err
	}
	if f.Sides, err = list(v, "side", sideRE.MatchString); err != nil {
		return f, err
	}
	if f.Weapons, err = list(v, "weapon", weaponRE.MatchString); err != nil {
		return f, err
	}
	if f.Statuses, err = list(v, "status", func(s string) bool { return statuses[s] }); err != nil {
		return f, err
	}
	if s := v.Get("min_sources"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return f, bad("min_sources", "want a whole number >= 0")
		}
		f.MinSources = n
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return f, bad("limit", "want a whole number >= 1")
		}
		f.Limit = min(n, store.MaxLimit)
	}
	f.Q = strings.TrimSpace(v.Get("q"))
	if len(f.Q) > 500 {
		return f, bad("q", "longer than 500 bytes")
	}
	f.Cursor = v.Get("cursor")
	return f, nil
}

// list reads a comma-separated (or repeated) parameter, checking each value.
func list(v url.Values, name string, ok func(string) bool) ([]string, error) {
	var out []string
	for _, raw := range v[name] {
		for _, s := range strings.Split(raw, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if name == "side" {
				s = strings.ToUpper(s)
			}
			if !ok(s) {
				return nil, fmt.Errorf("%w: %s: unknown value %q", ErrInvalid, name, s)
			}
			out = append(out, s)
		}
	}
	return out, nil
}
