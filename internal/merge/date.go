package merge

import (
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// span is a report's date as a closed interval of day numbers. Yearless
// dates ("--07-03") are placed in the year 2000 and only ever compared with
// other yearless dates.
type span struct {
	lo, hi   int
	ok       bool // a date was given
	fine     bool // day precision
	yearless bool
}

func (s span) overlaps(o span) bool { return s.lo <= o.hi && o.lo <= s.hi }

// overlapsWithin reports whether the spans overlap or lie within slack days.
func (s span) overlapsWithin(o span, slack int) bool {
	return s.lo <= o.hi+slack && o.lo <= s.hi+slack
}

// maxSlack is the largest dateSlack of any type.
const maxSlack = 2

// dateSlack is how many days apart two reports of a type may be dated and
// still describe one occurrence. Strikes need overlapping dates ("the same
// city a week apart" — or a night apart — is another strike). A capture of
// a settlement happens once but is announced, confirmed and reprinted over
// days, each report dating it by its own publication.
func dateSlack(t model.EventType) int {
	// maxSlack must stay the largest value returned here.
	if t == model.TerritorialChange {
		return 2
	}
	return 0
}

// contains reports whether s covers all of o.
func (s span) contains(o span) bool { return s.lo <= o.lo && o.hi <= s.hi }

// dayNumber parses "2025-07-03", "2025-07", "2025" or "--07-03" (only the
// first ten characters are read, so a timestamp works too). For a month or
// a year it returns the first day; last says whether the caller wants the
// last day of that month or year instead.
func dayNumber(s string, last bool) (day int, yearless, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	if strings.HasPrefix(s, "--") {
		s, yearless = "2000"+s[1:], true
	}
	layouts := []struct {
		layout string
		step   func(time.Time) time.Time
	}{
		{"2006-01-02", nil},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	}
	for _, l := range layouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if last && l.step != nil {
			t = l.step(t)
		}
		return int(t.Unix() / 86400), yearless, true
	}
	return 0, false, false
}

// dateSpan reads a report's date range. A missing end is the start; a
// reversed range is put in order.
func dateSpan(d model.DateRange) span {
	start, end := d.Start, d.End
	if start == "" {
		start = end
	}
	if end == "" {
		end = start
	}
	lo, yl1, ok1 := dayNumber(start, false)
	hi, yl2, ok2 := dayNumber(end, true)
	if !ok1 || !ok2 || yl1 != yl2 {
		return span{}
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	fine := d.Precision == "" || d.Precision == model.Day
	if fine && hi-lo > 3 {
		fine = false // a "day" range of more than three days is not day-precise
	}
	return span{lo: lo, hi: hi, ok: true, fine: fine, yearless: yl1}
}

// formatDay renders a day number as the contract's date string.
func formatDay(day int, yearless bool) string {
	t := time.Unix(int64(day)*86400, 0).UTC()
	if yearless {
		return t.Format("--01-02")
	}
	return t.Format("2006-01-02")
}
