package extract

import (
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// numMatch is a count read from tokens [I, J) of a token slice.
type numMatch struct {
	Value     float64
	Qualifier model.Qualifier
	I, J      int
	Vague     bool // "dozens", "several": an order of magnitude, not a count
}

// qualifierPhrases map the words before a number to its qualifier. Longer
// phrases come first so "no more than" wins over "more than".
var qualifierPhrases = []struct {
	words []string
	q     model.Qualifier
}{
	{[]string{"no", "fewer", "than"}, model.AtLeast},
	{[]string{"no", "less", "than"}, model.AtLeast},
	{[]string{"not", "less", "than"}, model.AtLeast},
	{[]string{"no", "more", "than"}, model.AtMost},
	{[]string{"not", "more", "than"}, model.AtMost},
	{[]string{"a", "minimum", "of"}, model.AtLeast},
	{[]string{"a", "maximum", "of"}, model.AtMost},
	{[]string{"in", "excess", "of"}, model.MoreThan},
	{[]string{"well", "over"}, model.MoreThan},
	{[]string{"just", "over"}, model.MoreThan},
	{[]string{"just", "under"}, model.LessThan},
	{[]string{"as", "many", "as"}, model.AtMost},
	{[]string{"at", "least"}, model.AtLeast},
	{[]string{"at", "most"}, model.AtMost},
	{[]string{"more", "than"}, model.MoreThan},
	{[]string{"upwards", "of"}, model.MoreThan},
	{[]string{"fewer", "than"}, model.LessThan},
	{[]string{"less", "than"}, model.LessThan},
	{[]string{"up", "to"}, model.AtMost},
	{[]string{"close", "to"}, model.Approx},
	{[]string{"an", "estimated"}, model.Approx},
	{[]string{"some"}, model.Approx},
	{[]string{"about"}, model.Approx},
	{[]string{"around"}, model.Approx},
	{[]string{"roughly"}, model.Approx},
	{[]string{"nearly"}, model.Approx},
	{[]string{"almost"}, model.Approx},
	{[]string{"approximately"}, model.Approx},
	{[]string{"approx"}, model.Approx},
	{[]string{"circa"}, model.Approx},
	{[]string{"estimated"}, model.Approx},
	{[]string{"over"}, model.MoreThan},
	{[]string{"above"}, model.MoreThan},
	{[]string{"under"}, model.LessThan},
	{[]string{"below"}, model.LessThan},
}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}

// vagueNumbers are plural order-of-magnitude words. Each reads as a lower
// bound: "dozens" is at least two dozen, "hundreds" at least two hundred.
var vagueNumbers = map[string]float64{
	"dozens": 24, "hundreds": 200, "thousands": 2000, "tens": 20, "several": 3, "scores": 40,
}

// numberStarts holds every word a count can start with, so the scan
// skips other tokens after one map lookup.
var numberStarts = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "between": true}
	for _, p := range qualifierPhrases {
		m[p.words[0]] = true
	}
	for w := range smallNumbers {
		m[w] = true
	}
	for w := range vagueNumbers {
		m[w] = true
	}
	return m
}()

// parseNumberAt reads a count, with any qualifier before it, starting at
// toks[i]. It returns false when no number starts there.
func parseNumberAt(toks []token, i int) (numMatch, bool) {
	if i >= len(toks) {
		return numMatch{}, false
	}
	if t := toks[i]; t.Kind != tokNum && !numberStarts[t.Low] && !strings.Contains(t.Low, "-") {
		return numMatch{}, false
	}
	// "between 10 and 15": the lower bound is what the text guarantees.
	if toks[i].Low == "between" {
		if a, ja, va, ok := parseBareNumber(toks, i+1); ok && !va && hasSeq(toks, ja, "and") {
			if _, jb, vb, ok := parseBareNumber(toks, ja+1); ok && !vb {
				return numMatch{Value: a, Qualifier: model.AtLeast, I: i, J: jb}, true
			}
		}
		return numMatch{}, false
	}
	q, j := model.Exact, i
	for _, p := range qualifierPhrases {
		if hasSeq(toks, i, p.words...) {
			q, j = p.q, i+len(p.words)
			break
		}
	}
	v, k, vague, ok := parseBareNumber(toks, j)
	if !ok {
		return numMatch{}, false
	}
	if vague && q == model.Exact {
		q = model.AtLeast
	}
	if q == model.Exact && hasSeq(toks, k, "or", "more") {
		q, k = model.AtLeast, k+2
	} else if q == model.Exact && k < len(toks) && toks[k].Low == "+" && toks[k].S == toks[k-1].E {
		q, k = model.MoreThan, k+1
	}
	return numMatch{Value: v, Qualifier: q, I: i, J: k, Vague: vague}, true
}

// parseBareNumber reads digits or number words at toks[i] without a
// qualifier: "1,200", "1.5 million", "twenty-five", "two hundred and
// fifty", "a dozen", "dozens of", "hundreds of thousands of".
func parseBareNumber(toks []token, i int) (v float64, j int, vague, ok bool) {
	if i >= len(toks) {
		return 0, i, false, false
	}
	t := toks[i]
	switch {
	case t.Kind == tokNum:
		if clockPart(toks, i) {
			return 0, i, false, false // "14:20", "at 09:00": a time, not a count
		}
		v, ok = parseDigits(t.Low)
		if !ok {
			return 0, i, false, false
		}
		j = i + 1
		for j < len(toks) {
			m, isMul := multipliers[toks[j].Low]
			if !isMul || toks[j].Low == "dozen" {
				break
			}
			v *= m
			j++
		}
		return v, j, false, true
	case t.Low == "a" || t.Low == "an":
		if i+1 < len(toks) {
			if m, isMul := multipliers[toks[i+1].Low]; isMul {
				v, j = m, i+2
				if toks[i+1].Low == "dozen" {
					vague = false
				}
				if j < len(toks) && toks[j].Low == "of" && toks[i+1].Low == "dozen" {
					j++
				}
				return v, j, false, true
			}
		}
		return 0, i, false, false
	case vagueNumbers[t.Low] > 0:
		v, j = vagueNumbers[t.Low], i+1
		// "several hundred", "several dozen": at least three of them
		if m, ok := multipliers[toks[min(j, len(toks)-1)].Low]; ok && j < len(toks) && t.Low == "several" {
			return v * m, j + 1, true, true
		}
		// "hundreds of thousands of", "tens of thousands"
		if hasSeq(toks, j, "of") && j+1 < len(toks) && vagueNumbers[toks[j+1].Low] > 0 && toks[j+1].Low != "several" {
			v *= vagueNumbers[toks[j+1].Low] / 2
			j += 2
		}
		if t.Low != "several" && hasSeq(toks, j, "of") {
			j++
		}
		return v, j, true, true
	}
	return parseWords(toks, i)
}

// parseWords reads spelled-out numbers: "five", "twenty-five", "two
// hundred and fifty", "three thousand", "two dozen".
func parseWords(toks []token, i int) (float64, int, bool, bool) {
	total, cur := 0.0, 0.0
	j, seen := i, false
	for j < len(toks) {
		w := toks[j].Low
		if n, ok := wordValue(w); ok {
			cur += n
			seen = true
			j++
			continue
		}
		if m, ok := multipliers[w]; ok && seen {
			if cur == 0 {
				cur = 1
			}
			if m >= 1000 {
				total += cur * m
				cur = 0
			} else {
				cur *= m
			}
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(toks) {
			if _, ok := wordValue(toks[j+1].Low); ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, i, false, false
	}
	return total + cur, j, false, true
}

// wordValue reads "five" or "twenty-five".
func wordValue(w string) (float64, bool) {
	if n, ok := smallNumbers[w]; ok {
		return n, true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		x, ok1 := smallNumbers[a]
		y, ok2 := smallNumbers[b]
		if ok1 && ok2 && x >= 20 && y < 10 {
			return x + y, true
		}
	}
	return 0, false
}

// parseDigits reads "1,200", "67,000", "1.5" or "2.000.000".
func parseDigits(s string) (float64, bool) {
	if strings.Count(s, ",") > 0 && strings.Count(s, ".") == 0 {
		if !thousandsGrouped(s, ',') {
			s = strings.Replace(s, ",", ".", 1) // "1,5" decimal comma
			if strings.Contains(s, ",") {
				return 0, false
			}
		} else {
			s = strings.ReplaceAll(s, ",", "")
		}
	} else if strings.Count(s, ".") > 1 && thousandsGrouped(s, '.') {
		s = strings.ReplaceAll(s, ".", "")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// thousandsGrouped reports whether every group after sep has three digits.
func thousandsGrouped(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// ParseQuantity reads the first count in s with its qualifier: "at least
// 47" → {47, at_least}, "dozens" → {24, at_least}, "about 550" → {550,
// approx}. Text, Start and End locate the words in s as character offsets.
func ParseQuantity(s string) (model.Quantity, bool) {
	toks := tokenize(s, 0, len(s))
	for i := range toks {
		if m, ok := parseNumberAt(toks, i); ok {
			ri := model.NewRuneIndex(s)
			b0, b1 := toks[m.I].S, toks[m.J-1].E
			return model.Quantity{Value: m.Value, Qualifier: m.Qualifier, Text: s[b0:b1],
				Start: ri.Char(b0), End: ri.Char(b1)}, true
		}
	}
	return model.Quantity{}, false
}

// clockPart reports whether the number at toks[i] is an hour or minute of
// a clock time written "HH:MM" (the colon touching both numbers).
func clockPart(toks []token, i int) bool {
	colon := func(k int) bool {
		return k > 0 && k+1 < len(toks) && toks[k].Low == ":" && toks[k-1].Kind == tokNum && toks[k+1].Kind == tokNum &&
			toks[k].S == toks[k-1].E && toks[k+1].S == toks[k].E && len(toks[k+1].Low) == 2
	}
	return colon(i+1) || colon(i-1)
}
