package extract

import (
	"strconv"
	"strings"
	"time"
)

// Russian and Ukrainian date expressions, resolved by the same resolver
// as the English ones (publication day in Europe/Kyiv, "--MM-DD" when the
// year cannot be known). Month and weekday names are listed in the cases
// news copy puts them in: "19 октября", "у жовтні", "в ночь на субботу".

var cyrMonths = func() map[string]time.Month {
	m := map[string]time.Month{}
	forms := [][]string{
		{"января", "январь", "январе", "січня", "січень", "січні"},
		{"февраля", "февраль", "феврале", "лютого", "лютий", "лютому"},
		{"марта", "март", "марте", "березня", "березень", "березні"},
		{"апреля", "апрель", "апреле", "квітня", "квітень", "квітні"},
		{"мая", "май", "мае", "травня", "травень", "травні"},
		{"июня", "июнь", "июне", "червня", "червень", "червні"},
		{"июля", "июль", "июле", "липня", "липень", "липні"},
		{"августа", "август", "августе", "серпня", "серпень", "серпні"},
		{"сентября", "сентябрь", "сентябре", "вересня", "вересень", "вересні"},
		{"октября", "октябрь", "октябре", "жовтня", "жовтень", "жовтні"},
		{"ноября", "ноябрь", "ноябре", "листопада", "листопад", "листопаді"},
		{"декабря", "декабрь", "декабре", "грудня", "грудень", "грудні"},
	}
	for i, fs := range forms {
		for _, f := range fs {
			m[f] = time.Month(i + 1)
		}
	}
	return m
}()

var cyrWeekdays = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	forms := [][]string{
		{"воскресенье", "неділю", "неділя", "воскресенья"},
		{"понедельник", "понеділок", "понедельника", "понеділка"},
		{"вторник", "вівторок", "вторника", "вівторка"},
		{"среду", "среда", "середу", "середа", "среды", "середи"},
		{"четверг", "четвер", "четверга", "четверга"},
		{"пятницу", "пятница", "п'ятницю", "п'ятниця", "пятницы", "п'ятниці"},
		{"субботу", "суббота", "суботу", "субота", "субботы", "суботи"},
	}
	for i, fs := range forms {
		for _, f := range fs {
			m[f] = time.Weekday(i)
		}
	}
	return m
}()

// cyrNight are the words of "в ночь на", "у ніч на", "в ніч проти".
var cyrNight = set("ночь", "ніч")

// cyrOvernight are phrases for the night before publication.
var cyrOvernight = [][]string{
	{"в", "течение", "прошедшей", "ночи"}, {"в", "течение", "минувшей", "ночи"}, {"в", "течение", "ночи"},
	{"за", "прошедшую", "ночь"}, {"за", "минувшую", "ночь"}, {"за", "ночь"},
	{"минувшей", "ночью"}, {"прошлой", "ночью"}, {"этой", "ночью"}, {"сегодня", "ночью"}, {"ночью"},
	{"протягом", "минулої", "ночі"}, {"протягом", "ночі"}, {"впродовж", "ночі"}, {"за", "минулу", "ніч"}, {"за", "ніч"},
	{"минулої", "ночі"}, {"цієї", "ночі"}, {"сьогодні", "вночі"}, {"вночі"}, {"уночі"}, {"минулої", "ночі"},
}

// cyrPastDay are phrases for a morning tally of the past day.
var cyrPastDay = [][]string{
	{"за", "прошедшие", "сутки"}, {"за", "минувшие", "сутки"}, {"за", "последние", "сутки"}, {"за", "сутки"},
	{"за", "минулу", "добу"}, {"за", "останню", "добу"}, {"протягом", "доби"}, {"за", "добу"},
}

// cyrFindDates returns every Cyrillic date expression in toks.
func (r resolver) cyrFindDates(toks []token) []dateMatch {
	var out []dateMatch
	for i := 0; i < len(toks); i++ {
		m, ok := r.cyrDateAt(toks, i)
		if !ok {
			continue
		}
		// "с 24 февраля", "до 1 ноября": a comparison point, not the date
		if i > 0 && (toks[i-1].Low == "с" || toks[i-1].Low == "з" || toks[i-1].Low == "до" || toks[i-1].Low == "по" || toks[i-1].Low == "від" || toks[i-1].Low == "от") {
			m.Retro = true
		}
		out = append(out, m)
		i = m.J - 1
	}
	return out
}

// cyrDateAt reads a date expression starting at toks[i].
func (r resolver) cyrDateAt(toks []token, i int) (dateMatch, bool) {
	w := toks[i].Low
	// "в ночь на 19 октября", "у ніч на 19 жовтня", "в ніч проти 19 жовтня",
	// "в ночь с 18 на 19 октября", "в ночь на субботу"
	if (w == "в" || w == "у" || w == "во") && i+2 < len(toks) && cyrNight[toks[i+1].Low] {
		p := i + 2
		if (toks[p].Low == "с" || toks[p].Low == "з") && p+2 < len(toks) && toks[p+1].Kind == tokNum && (toks[p+2].Low == "на" || toks[p+2].Low == "проти") {
			p += 2 // "с 18 на 19 октября": the second day closes the night
		}
		if toks[p].Low == "на" || toks[p].Low == "проти" {
			if d, j, _, ok := r.cyrCalendarAt(toks, p+1); ok {
				return mkRange(d.add(-1), d, "night", toks, i, j), true
			}
			if p+1 < len(toks) && r.hasPub {
				if wd, ok := cyrWeekdays[toks[p+1].Low]; ok {
					d := r.lastWeekday(wd)
					return mkRange(d.add(-1), d, "night", toks, i, p+2), true
				}
			}
		}
	}
	// "с 20:00 18 октября до 07:00 19 октября": a briefing's period
	if (w == "с" || w == "з" || w == "від") && i+4 < len(toks) && clockPart(toks, i+1) {
		if d, j, _, ok := r.cyrCalendarAt(toks, i+4); ok && j+4 < len(toks) && (toks[j].Low == "до" || toks[j].Low == "по") && clockPart(toks, j+1) {
			if e, k, _, ok := r.cyrCalendarAt(toks, j+4); ok && e.String() >= d.String() {
				return mkRange(d, e, "explicit", toks, i, k), true
			}
		}
	}
	if d, j, end, ok := r.cyrCalendarAt(toks, i); ok {
		if end != nil {
			return mkRange(d, *end, "explicit", toks, i, j), true
		}
		return mkRange(d, d, "explicit", toks, i, j), true
	}
	if !r.hasPub {
		return dateMatch{}, false
	}
	// "в субботу", "у п'ятницю", "в среду вечером"
	if (w == "в" || w == "у" || w == "во") && i+1 < len(toks) {
		if wd, ok := cyrWeekdays[toks[i+1].Low]; ok {
			d := r.lastWeekday(wd)
			return mkRange(d, d, "weekday", toks, i, i+2), true
		}
	}
	for _, p := range cyrOvernight {
		if hasSeq(toks, i, p...) {
			return mkRange(r.pub.add(-1), r.pub, "overnight", toks, i, i+len(p)), true
		}
	}
	for _, p := range cyrPastDay {
		if hasSeq(toks, i, p...) {
			return mkRange(r.pub.add(-1), r.pub, "past_day", toks, i, i+len(p)), true
		}
	}
	switch w {
	case "вчера", "вчора", "учора":
		return mkRange(r.pub.add(-1), r.pub.add(-1), "yesterday", toks, i, i+1), true
	case "позавчера", "позавчора":
		return mkRange(r.pub.add(-2), r.pub.add(-2), "yesterday", toks, i, i+1), true
	case "сегодня", "сьогодні":
		return mkRange(r.pub, r.pub, "today", toks, i, i+1), true
	case "утром", "вранці", "зранку":
		if i > 0 && (toks[i-1].Low == "этим" || toks[i-1].Low == "сегодня") {
			return dateMatch{}, false
		}
		return mkRange(r.pub, r.pub, "today", toks, i, i+1), true
	}
	return dateMatch{}, false
}

// lastWeekday is the most recent day wd on or before publication.
func (r resolver) lastWeekday(wd time.Weekday) day {
	d := r.pub
	for k := 0; k < 7 && weekdayOf(d) != wd; k++ {
		d = d.add(-1)
	}
	return d
}

// cyrCalendarAt reads "19 октября", "19 жовтня 2026 року", "18-19 октября",
// "18–19 жовтня" and "19.10.2026".
func (r resolver) cyrCalendarAt(toks []token, i int) (d day, j int, end *day, ok bool) {
	if i >= len(toks) {
		return day{}, i, nil, false
	}
	if y, m, dd, ok := dottedDate(toks[i].Low); ok {
		d = r.fillYear(day{y, m, dd})
		if !realDay(d) {
			return day{}, i, nil, false
		}
		return d, i + 1, nil, true
	}
	dd, d2, k, okd := dayNumber(toks, i)
	if !okd || k >= len(toks) {
		return day{}, i, nil, false
	}
	m, isMonth := cyrMonths[toks[k].Low]
	if !isMonth || !validDay(m, dd) {
		return day{}, i, nil, false
	}
	j = k + 1
	d = day{0, m, dd}
	if j < len(toks) && isYear(toks[j].Low) {
		d.Year, _ = strconv.Atoi(toks[j].Low)
		j++
		if j < len(toks) && (toks[j].Low == "года" || toks[j].Low == "року" || toks[j].Low == "г" || toks[j].Low == "р") {
			j++
			if j < len(toks) && toks[j].Low == "." && (toks[j-1].Low == "г" || toks[j-1].Low == "р") {
				j++
			}
		}
	}
	return r.dayRead(d, d2, i, j)
}

// dottedDate reads "19.10.2026" or "19.10".
func dottedDate(s string) (int, time.Month, int, bool) {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) > 2 || len(parts[1]) != 2 {
		return 0, 0, 0, false
	}
	d, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	y := 0
	var e3 error
	if len(parts) == 3 {
		if len(parts[2]) != 4 {
			return 0, 0, 0, false
		}
		y, e3 = strconv.Atoi(parts[2])
	}
	if e1 != nil || e2 != nil || e3 != nil || !validDay(time.Month(m), d) {
		return 0, 0, 0, false
	}
	return y, time.Month(m), d, true
}
