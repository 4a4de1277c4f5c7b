package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// kyiv is the time zone relative dates resolve in. The fallback fixed zone
// is only used when the system has no tz database (tzdata is embedded by
// the binary's main package otherwise).
var kyiv = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Kyiv"); err == nil {
		return l
	}
	return time.FixedZone("EET", 2*3600)
}()

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// dateMatch is a date expression found in tokens [I, J).
type dateMatch struct {
	model.DateRange
	I, J  int
	Retro bool // introduced by "since": a comparison point, not the event's date
}

// day is a calendar day whose year may be unknown (Year == 0).
type day struct {
	Year  int
	Month time.Month
	Day   int
}

func (d day) String() string {
	if d.Year == 0 {
		return fmt.Sprintf("--%02d-%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func (d day) add(n int) day {
	y := d.Year
	if y == 0 {
		y = 2001 // not a leap year, so "--02-28" + 1 = "--03-01"; it only keeps month/day
	}
	t := time.Date(y, d.Month, d.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	out := day{t.Year(), t.Month(), t.Day()}
	if d.Year == 0 {
		out.Year = 0
	}
	return out
}

func dayOf(t time.Time) day { return day{t.Year(), t.Month(), t.Day()} }

// resolver resolves date expressions against a publication time.
type resolver struct {
	pub    day
	hasPub bool
}

func newResolver(published *time.Time) resolver {
	if published == nil || published.IsZero() {
		return resolver{}
	}
	return resolver{pub: dayOf(published.In(kyiv)), hasPub: true}
}

// fillYear gives a month/day the year that makes it the most recent such
// day on or before publication; without a publication date the year stays
// unknown.
func (r resolver) fillYear(d day) day {
	if d.Year != 0 || !r.hasPub {
		return d
	}
	d.Year = r.pub.Year
	if d.Month > r.pub.Month || (d.Month == r.pub.Month && d.Day > r.pub.Day) {
		d.Year--
	}
	return d
}

// realDay reports whether d exists in the calendar (29 February only in
// leap years; any valid month/day when the year is unknown).
func realDay(d day) bool {
	if d.Year == 0 {
		return validDay(d.Month, d.Day)
	}
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return t.Day() == d.Day && t.Month() == d.Month
}

func validDay(m time.Month, d int) bool {
	return d >= 1 && d <= 31 && m >= 1 && m <= 12 && !(m == 2 && d > 29) && !(d == 31 && (m == 4 || m == 6 || m == 9 || m == 11))
}

// findDates returns every date expression in toks, in order.
func (r resolver) findDates(toks []token) []dateMatch {
	var out []dateMatch
	for i := 0; i < len(toks); i++ {
		m, ok := r.dateAt(toks, i)
		if !ok {
			continue
		}
		if i > 0 && (toks[i-1].Low == "since" || toks[i-1].Low == "until" || (i > 1 && toks[i-1].Low == "in" && toks[i-2].Low == "since")) {
			m.Retro = true
		}
		out = append(out, m)
		i = m.J - 1
	}
	return out
}

// dateStarts are the words a date expression can open with, besides
// month and weekday names and numbers.
var dateStarts = set("night", "overnight", "yesterday", "today", "this", "last", "during", "tonight", "past")

// dateAt reads a date expression starting at toks[i].
func (r resolver) dateAt(toks []token, i int) (dateMatch, bool) {
	w := toks[i].Low
	if toks[i].Kind != tokNum && !dateStarts[w] && !toks[i].Upper && !strings.Contains(w, "-") {
		return dateMatch{}, false
	}
	// "the night of June 6-7", "the night of 7 June", "overnight into June 7"
	if w == "night" && hasSeq(toks, i+1, "of") || w == "overnight" && (hasSeq(toks, i+1, "into") || hasSeq(toks, i+1, "to") || hasSeq(toks, i+1, "on")) {
		if d, j, end, ok := r.calendarAt(toks, i+2); ok {
			start := d
			if end == nil {
				start = d.add(-1)
			} else {
				d = *end
			}
			return mkRange(start, d, "night", toks, i, j), true
		}
	}
	// "overnight into Sunday", "the night to Saturday": the evening before
	// the most recent such day into its morning.
	if (w == "overnight" || w == "night") && (hasSeq(toks, i+1, "into") || hasSeq(toks, i+1, "to")) && i+2 < len(toks) && toks[i+2].Upper {
		if wd, ok := weekdays[toks[i+2].Low]; ok && r.hasPub {
			d := r.pub
			for k := 0; k < 7 && weekdayOf(d) != wd; k++ {
				d = d.add(-1)
			}
			return mkRange(d.add(-1), d, "night", toks, i, i+3), true
		}
	}
	// "the night of Friday to Saturday": into the most recent Saturday.
	if w == "night" && hasSeq(toks, i+1, "of") && i+4 < len(toks) && (toks[i+3].Low == "to" || toks[i+3].Low == "into") && r.hasPub {
		_, ok1 := weekdays[toks[i+2].Low]
		wd, ok2 := weekdays[toks[i+4].Low]
		if ok1 && ok2 {
			d := r.pub
			for k := 0; k < 7 && weekdayOf(d) != wd; k++ {
				d = d.add(-1)
			}
			return mkRange(d.add(-1), d, "night", toks, i, i+5), true
		}
	}
	if d, j, end, ok := r.calendarAt(toks, i); ok {
		if end != nil {
			return mkRange(d, *end, "explicit", toks, i, j), true
		}
		// "June 6 night" / "on 6 June overnight" stays a day.
		return mkRange(d, d, "explicit", toks, i, j), true
	}
	if m, ok := r.monthAt(toks, i); ok {
		return m, true
	}
	if wd, ok := weekdays[w]; ok && toks[i].Upper {
		if !r.hasPub {
			return dateMatch{}, false
		}
		d := r.pub
		for k := 0; k < 7; k++ {
			if weekdayOf(d) == wd {
				break
			}
			d = d.add(-1)
		}
		if hasSeq(toks, i+1, "night") || hasSeq(toks, i+1, "evening") && hasSeq(toks, i+2, "into") {
			return mkRange(d, d.add(1), "weekday", toks, i, i+2), true
		}
		return mkRange(d, d, "weekday", toks, i, i+1), true
	}
	if !r.hasPub {
		return dateMatch{}, false
	}
	switch {
	case w == "yesterday":
		return mkRange(r.pub.add(-1), r.pub.add(-1), "yesterday", toks, i, i+1), true
	case w == "today" || (w == "this" && (hasSeq(toks, i+1, "morning") || hasSeq(toks, i+1, "afternoon"))):
		j := i + 1
		if w == "this" {
			j++
		}
		return mkRange(r.pub, r.pub, "today", toks, i, j), true
	case w == "overnight" || (w == "last" && hasSeq(toks, i+1, "night")) || (w == "during" && hasSeq(toks, i+1, "the", "night")) ||
		w == "tonight" || (w == "past" && hasSeq(toks, i+1, "night")):
		j := i + 1
		switch w {
		case "last", "past":
			j = i + 2
		case "during":
			j = i + 3
		}
		return mkRange(r.pub.add(-1), r.pub, "overnight", toks, i, j), true
	case w == "past" && (hasSeq(toks, i+1, "24", "hours") || hasSeq(toks, i+1, "day") || hasSeq(toks, i+1, "twenty-four", "hours")):
		// "over the past 24 hours", "in the past day": a morning tally covers
		// the day before publication as well as the hours of the day itself.
		j := i + 2
		if toks[i+1].Low != "day" {
			j = i + 3
		}
		return mkRange(r.pub.add(-1), r.pub, "past_day", toks, i, j), true
	}
	return dateMatch{}, false
}

// monthAt reads a month without a day: "in August", "early June", "late
// May 2024", "October 2023". Its range is the whole month.
func (r resolver) monthAt(toks []token, i int) (dateMatch, bool) {
	m, ok := months[toks[i].Low]
	if !ok || !toks[i].Upper {
		return dateMatch{}, false
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].Low
	}
	year, j := 0, i+1
	if j < len(toks) && isYear(toks[j].Low) {
		year, j = atoi(toks[j].Low), j+1
	} else if prev != "in" && prev != "early" && prev != "mid" && prev != "late" && prev != "mid-" && prev != "last" && prev != "since" {
		return dateMatch{}, false
	}
	d := day{Year: year, Month: m, Day: 1}
	if year == 0 && r.hasPub {
		d.Year = r.pub.Year
		if m > r.pub.Month {
			d.Year--
		}
	}
	end := day{Year: d.Year, Month: m, Day: daysIn(d.Year, m)}
	return dateMatch{DateRange: model.DateRange{Start: d.String(), End: end.String(), Precision: model.Month, Basis: "month"},
		I: i, J: j}, true
}

func daysIn(y int, m time.Month) int {
	if y == 0 {
		y = 2001
	}
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

func weekdayOf(d day) time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

func mkRange(a, b day, basis string, toks []token, i, j int) dateMatch {
	return dateMatch{DateRange: model.DateRange{Start: a.String(), End: b.String(), Precision: model.Day, Basis: basis},
		I: i, J: j}
}

// calendarAt reads "June 7", "June 7, 2025", "7 June", "7th of June 2025",
// "June 6-7", "6-7 June", "6 to 7 June" and "2025-06-07". end is set for a
// two-day range.
func (r resolver) calendarAt(toks []token, i int) (d day, j int, end *day, ok bool) {
	if i >= len(toks) {
		return day{}, i, nil, false
	}
	if y, m, dd, isISO := isoDate(toks[i].Low); isISO {
		return day{y, m, dd}, i + 1, nil, true
	}
	// Month first: "June 7", "June 6-7", "June 7, 2025"
	if m, isMonth := months[toks[i].Low]; isMonth && toks[i].Upper && i+1 < len(toks) {
		j = i + 1
		if j < len(toks) && toks[j].Low == "." {
			j++
		}
		dd, d2, k, okd := dayNumber(toks, j)
		if !okd || !validDay(m, dd) {
			return day{}, i, nil, false
		}
		j = k
		d = day{0, m, dd}
		if j+1 < len(toks) && toks[j].Low == "," && isYear(toks[j+1].Low) {
			d.Year, _ = strconv.Atoi(toks[j+1].Low)
			j += 2
		} else if j < len(toks) && isYear(toks[j].Low) {
			d.Year, _ = strconv.Atoi(toks[j].Low)
			j++
		}
		return r.dayRead(d, d2, i, j)
	}
	// Day first: "7 June", "7th of June", "6-7 June", "6 to 7 June"
	dd, d2, k, okd := dayNumber(toks, i)
	if !okd {
		return day{}, i, nil, false
	}
	if hasSeq(toks, k, "of") {
		k++
	}
	m, isMonth := 0, false
	if k < len(toks) {
		var mm time.Month
		mm, isMonth = months[toks[k].Low]
		m = int(mm)
		isMonth = isMonth && toks[k].Upper
	}
	if !isMonth || !validDay(time.Month(m), dd) {
		return day{}, i, nil, false
	}
	j = k + 1
	d = day{0, time.Month(m), dd}
	if j < len(toks) && isYear(toks[j].Low) {
		d.Year, _ = strconv.Atoi(toks[j].Low)
		j++
	}
	return r.dayRead(d, d2, i, j)
}

// dayRead finishes reading a day written from token i to j: the
// publication year when none was written, and a second day d2 of a short
// range ("6-7 June"). It fails on a day the calendar does not have.
func (r *resolver) dayRead(d day, d2, i, j int) (day, int, *day, bool) {
	d = r.fillYear(d)
	if !realDay(d) {
		return day{}, i, nil, false
	}
	if d2 > 0 && validDay(d.Month, d2) && d2 > d.Day && d2-d.Day <= 2 {
		e := d
		e.Day = d2
		return d, j, &e, true
	}
	return d, j, nil, true
}

// dayNumber reads "7", "7th", "6-7", "6–7" or "6 to 7" (a second day d2).
func dayNumber(toks []token, i int) (d, d2, j int, ok bool) {
	if i >= len(toks) {
		return 0, 0, i, false
	}
	w := toks[i].Low
	if a, b, cut := strings.Cut(w, "-"); cut {
		x, e1 := strconv.Atoi(strings.TrimRight(a, "stndrh"))
		y, e2 := strconv.Atoi(strings.TrimRight(b, "stndrh"))
		if e1 == nil && e2 == nil && x >= 1 && x <= 31 && y >= 1 && y <= 31 {
			return x, y, i + 1, true
		}
		return 0, 0, i, false
	}
	if toks[i].Kind != tokNum {
		return 0, 0, i, false
	}
	x, err := strconv.Atoi(w)
	if err != nil || x < 1 || x > 31 {
		return 0, 0, i, false
	}
	j = i + 1
	if j < len(toks) && (toks[j].Low == "st" || toks[j].Low == "nd" || toks[j].Low == "rd" || toks[j].Low == "th") {
		j++
	}
	// "6-7" tokenised as 6 - 7 (en dash) or "6 to 7" / "6 into 7"
	if j+1 < len(toks) && (toks[j].Low == "–" || toks[j].Low == "-" || toks[j].Low == "to" || toks[j].Low == "into") && toks[j+1].Kind == tokNum {
		if y, err := strconv.Atoi(toks[j+1].Low); err == nil && y >= 1 && y <= 31 {
			return x, y, j + 2, true
		}
	}
	return x, 0, j, true
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1900 && y <= 2100
}

// isoDate reads "2025-06-07".
func isoDate(s string) (int, time.Month, int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	if e1 != nil || e2 != nil || e3 != nil || !validDay(time.Month(m), d) || y < 1900 || !realDay(day{y, time.Month(m), d}) {
		return 0, 0, 0, false
	}
	return y, time.Month(m), d, true
}

// ResolveDate finds the first date expression in text and resolves it
// against published (Europe/Kyiv time; nil means unknown): explicit dates
// ("12 March", "March 12, 2025"), nights ("the night of March 12" is March
// 11 to 12), weekdays (the most recent such day on or before publication),
// "yesterday", "overnight" and "last night" (the night before
// publication). A year that cannot be known is written "--MM-DD".
func ResolveDate(text string, published *time.Time) (model.DateRange, bool) {
	r := newResolver(published)
	toks := tokenize(text, 0, len(text))
	for _, m := range r.findDates(toks) {
		if m.Retro {
			continue
		}
		m.Text = text[toks[m.I].S:toks[m.J-1].E]
		return m.DateRange, true
	}
	return model.DateRange{}, false
}
