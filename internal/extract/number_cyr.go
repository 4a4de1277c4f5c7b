package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Russian and Ukrainian counts. Number words inflect by case and gender
// ("два", "двух", "двоє", "дві", "двома"), so the word list below spells out
// the forms news copy uses; a qualifier may stand before a count ("не менее
// 40", "понад 50") exactly as in the English rules, and the result is the
// same numMatch the English parser returns.

// cyrQualifiers map the words before a Cyrillic number to its qualifier;
// longer phrases come first so "не более" wins over "более".
var cyrQualifiers = []struct {
	words []string
	q     model.Qualifier
}{
	{[]string{"не", "менее", "чем"}, model.AtLeast},
	{[]string{"не", "менш", "ніж"}, model.AtLeast},
	{[]string{"не", "менше", "ніж"}, model.AtLeast},
	{[]string{"не", "менее"}, model.AtLeast},
	{[]string{"не", "меньше"}, model.AtLeast},
	{[]string{"не", "менше"}, model.AtLeast},
	{[]string{"не", "менш"}, model.AtLeast},
	{[]string{"не", "более"}, model.AtMost},
	{[]string{"не", "больше"}, model.AtMost},
	{[]string{"не", "більше"}, model.AtMost},
	{[]string{"по", "меньшей", "мере"}, model.AtLeast},
	{[]string{"по", "крайней", "мере"}, model.AtLeast},
	{[]string{"как", "минимум"}, model.AtLeast},
	{[]string{"щонайменше"}, model.AtLeast},
	{[]string{"принаймні"}, model.AtLeast},
	{[]string{"мінімум"}, model.AtLeast},
	{[]string{"минимум"}, model.AtLeast},
	{[]string{"более", "чем"}, model.MoreThan},
	{[]string{"больше", "чем"}, model.MoreThan},
	{[]string{"більше", "ніж"}, model.MoreThan},
	{[]string{"більш", "ніж"}, model.MoreThan},
	{[]string{"більше", "за"}, model.MoreThan},
	{[]string{"более"}, model.MoreThan},
	{[]string{"свыше"}, model.MoreThan},
	{[]string{"больше"}, model.MoreThan},
	{[]string{"понад"}, model.MoreThan},
	{[]string{"більше"}, model.MoreThan},
	{[]string{"менее", "чем"}, model.LessThan},
	{[]string{"менше", "ніж"}, model.LessThan},
	{[]string{"менее"}, model.LessThan},
	{[]string{"меньше"}, model.LessThan},
	{[]string{"менше"}, model.LessThan},
	{[]string{"около"}, model.Approx},
	{[]string{"порядка"}, model.Approx},
	{[]string{"примерно"}, model.Approx},
	{[]string{"приблизно"}, model.Approx},
	{[]string{"близько"}, model.Approx},
	{[]string{"почти"}, model.Approx},
	{[]string{"майже"}, model.Approx},
	{[]string{"до"}, model.AtMost},
}

// cyrNumberWords holds the inflected forms of the number words.
var cyrNumberWords = func() map[string]float64 {
	m := map[string]float64{}
	add := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = v
		}
	}
	add(0, "ноль", "нуль")
	add(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одною", "одне", "однієї", "одній", "однією", "одні")
	add(2, "два", "две", "двух", "двум", "двумя", "двое", "двоих", "двоим", "дві", "двох", "двом", "двома", "двоє")
	add(3, "три", "трех", "трёх", "трем", "трём", "тремя", "трое", "троих", "троим", "трьох", "трьом", "трьома", "троє")
	add(4, "четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя", "четверо", "четверых", "чотири", "чотирьох", "чотирьом", "чотирма")
	add(5, "пять", "пяти", "пятью", "пятеро", "пятерых", "п'ять", "п'яти", "п'ятьох", "п'ятьма", "п'ятеро")
	add(6, "шесть", "шести", "шестью", "шестеро", "шестерых", "шість", "шістьох", "шістьма")
	add(7, "семь", "семи", "семью", "семеро", "семерых", "сім", "сімох", "сьома", "сімома")
	add(8, "восемь", "восьми", "восемью", "восьмью", "вісім", "вісьмох", "вісьмома")
	add(9, "девять", "девяти", "девятью", "дев'ять", "дев'яти", "дев'ятьох", "дев'ятьма")
	add(10, "десять", "десяти", "десятью", "десятьох", "десятьма")
	teens := []struct {
		v      float64
		ru, uk string
	}{
		{11, "одиннадцат", "одинадцят"}, {12, "двенадцат", "дванадцят"}, {13, "тринадцат", "тринадцят"},
		{14, "четырнадцат", "чотирнадцят"}, {15, "пятнадцат", "п'ятнадцят"}, {16, "шестнадцат", "шістнадцят"},
		{17, "семнадцат", "сімнадцят"}, {18, "восемнадцат", "вісімнадцят"}, {19, "девятнадцат", "дев'ятнадцят"},
		{20, "двадцат", "двадцят"}, {30, "тридцат", "тридцят"},
	}
	for _, t := range teens {
		add(t.v, t.ru+"ь", t.ru+"и", t.ru+"ью", t.uk+"ь", t.uk+"и", t.uk+"ьох", t.uk+"ьма")
	}
	add(40, "сорок", "сорока")
	add(50, "пятьдесят", "пятидесяти", "п'ятдесят", "п'ятдесяти", "п'ятдесятьох")
	add(60, "шестьдесят", "шестидесяти", "шістдесят", "шістдесяти")
	add(70, "семьдесят", "семидесяти", "сімдесят", "сімдесяти")
	add(80, "восемьдесят", "восьмидесяти", "вісімдесят", "вісімдесяти")
	add(90, "девяносто", "девяноста", "дев'яносто")
	add(100, "сто", "ста")
	add(200, "двести", "двухсот", "двісті", "двохсот")
	add(300, "триста", "трехсот", "трьохсот")
	add(400, "четыреста", "четырехсот", "чотириста", "чотирьохсот")
	add(500, "пятьсот", "пятисот", "п'ятсот", "п'ятисот")
	add(600, "шестьсот", "шестисот", "шістсот", "шестисот")
	add(700, "семьсот", "семисот", "сімсот")
	add(800, "восемьсот", "восьмисот", "вісімсот")
	add(900, "девятьсот", "девятисот", "дев'ятсот")
	return m
}()

// cyrMultipliers scale the number before them ("2 тысячи", "1,5 тыс.").
var cyrMultipliers = func() map[string]float64 {
	m := map[string]float64{}
	for _, w := range []string{"тысяча", "тысячи", "тысяч", "тысячу", "тыс", "тисяча", "тисячі", "тисяч", "тисячу", "тис"} {
		m[w] = 1e3
	}
	for _, w := range []string{"миллион", "миллиона", "миллионов", "млн", "мільйон", "мільйона", "мільйони", "мільйонів"} {
		m[w] = 1e6
	}
	return m
}()

// cyrVague are order-of-magnitude words, read as lower bounds like the
// English "dozens" and "hundreds".
var cyrVague = map[string]float64{
	"десятки": 20, "десятков": 20, "десятків": 20, "десятками": 20, "десятка": 20,
	"сотни": 200, "сотен": 200, "сотні": 200, "сотень": 200, "сотнями": 200,
	"несколько": 3, "нескольких": 3, "несколькими": 3, "кілька": 3, "кількох": 3, "декілька": 3, "декількох": 3,
}

// cyrNumberAt reads a Cyrillic count, with any qualifier before it,
// starting at toks[i]. Digits are read by the shared parser; "1 200" with
// a space between the thousands is one number.
func cyrNumberAt(toks []token, i int) (numMatch, bool) {
	if i >= len(toks) {
		return numMatch{}, false
	}
	q, j := model.Exact, i
	for _, p := range cyrQualifiers {
		if hasSeq(toks, i, p.words...) {
			q, j = p.q, i+len(p.words)
			break
		}
	}
	v, k, vague, ok := cyrBareNumber(toks, j)
	if !ok {
		return numMatch{}, false
	}
	// "выросло до 14": the toll rose to a count, it is not a bound
	if q == model.AtMost && toks[i].Low == "до" && i > 0 && hasStem(toks[i-1].Low, cyrRise) {
		q = model.Exact
	}
	if vague && q == model.Exact {
		q = model.AtLeast
	}
	if q == model.Exact && k < len(toks) && toks[k].Low == "+" && toks[k].S == toks[k-1].E {
		q, k = model.MoreThan, k+1
	}
	return numMatch{Value: v, Qualifier: q, I: i, J: k, Vague: vague}, true
}

// cyrBareNumber reads digits or number words at toks[i].
func cyrBareNumber(toks []token, i int) (v float64, j int, vague, ok bool) {
	if i >= len(toks) {
		return 0, i, false, false
	}
	t := toks[i]
	if t.Kind == tokNum {
		if clockPart(toks, i) {
			return 0, i, false, false
		}
		v, ok = parseDigits(t.Low)
		if !ok {
			return 0, i, false, false
		}
		j = i + 1
		// "1 200": a space-grouped thousand
		if len(t.Low) <= 3 && !strings.ContainsAny(t.Low, ",.") && j < len(toks) && toks[j].Kind == tokNum &&
			len(toks[j].Low) == 3 && !strings.ContainsAny(toks[j].Low, ",.") && toks[j].S-t.E <= 3 {
			if w, ok2 := parseDigits(toks[j].Low); ok2 {
				v, j = v*1000+w, j+1
			}
		}
		if j < len(toks) {
			if m, isMul := cyrMultipliers[toks[j].Low]; isMul {
				v, j = v*m, j+1
				if j < len(toks) && toks[j].Low == "." && toks[j].S == toks[j-1].E && (toks[j-1].Low == "тыс" || toks[j-1].Low == "тис") {
					j++
				}
			}
		}
		return v, j, false, true
	}
	if b, isVague := cyrVague[t.Low]; isVague {
		j = i + 1
		if j < len(toks) {
			if m, ok := cyrVague[toks[j].Low]; ok && b == 3 && m > 3 {
				return 3 * m / 2, j + 1, true, true // "несколько десятков": at least 30
			}
		}
		return b, j, true, true
	}
	total, cur, seen := 0.0, 0.0, false
	j = i
	for j < len(toks) {
		w := toks[j].Low
		if n, isNum := cyrNumberWords[w]; isNum {
			// "двадцать пять", "сто двадцать": a smaller word adds to a larger
			if seen && cur > 0 && !addsTo(cur, n) {
				break
			}
			cur += n
			seen = true
			j++
			continue
		}
		if m, isMul := cyrMultipliers[w]; isMul && (seen || w == "тысяча" || w == "тисяча") {
			if cur == 0 {
				cur = 1
			}
			total += cur * m
			cur, seen = 0, true
			j++
			continue
		}
		break
	}
	if !seen {
		return 0, i, false, false
	}
	return total + cur, j, false, true
}

// addsTo reports whether number word n may follow cur in one compound
// number: units after tens, tens or units after hundreds.
func addsTo(cur, n float64) bool {
	c := int(cur) % 100
	switch {
	case n >= 100 || n == 0:
		return false
	case n >= 10:
		return c == 0
	default:
		return c%10 == 0 && c/10 != 1
	}
}
