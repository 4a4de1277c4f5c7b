// Package pubdate parses the publication dates that documents carry in
// their metadata: ISO 8601 / RFC 3339 date-times with or without a zone,
// bare dates, RFC 1123 (e-mail and RSS style) and Unix timestamps.
package pubdate

import (
	"strconv"
	"strings"
	"time"
)

// layouts are tried in order; a layout without a zone reads as UTC.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
}

// Parse reads s as a publication date. It reports false when s is empty or
// in no known form. Dates before 1900 or more than a year after now are
// rejected as implausible.
func Parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t)
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 10 {
		return plausible(time.Unix(n, 0).UTC())
	}
	return time.Time{}, false
}

func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1900 || t.After(time.Now().AddDate(1, 0, 0)) {
		return time.Time{}, false
	}
	return t, true
}
