package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// figures reads the counts of one Cyrillic clause: what each number
// counts (weapons, people, children, settlements) from the noun after it
// or the casualty verb beside it, then each weapon count's role from the
// nearest verb of launching, intercepting or hitting.
func (cr *cyrReader) figures(toks []token, taken []bool, terr bool) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		if taken[i] {
			continue
		}
		if f, ok := cr.allOf(toks, i); ok {
			out = append(out, f)
			i = f.J - 1
			continue
		}
		n, ok := cyrNumberAt(toks, i)
		if !ok || taken[n.J-1] || cyrNotCount(toks, n) {
			if !ok && i > 0 {
				if f, ok := cyrOnePersonAt(toks, i, out); ok {
					out = append(out, f)
				} else {
					out = append(out, cyrListedPersonAt(toks, i, out)...)
				}
			}
			continue
		}
		figs := cyrClassify(toks, n, out, terr)
		if len(figs) == 0 {
			i = n.J - 1
			continue
		}
		out = append(out, figs...)
		i = figs[len(figs)-1].J - 1
		if i < n.J-1 {
			i = n.J - 1
		}
	}
	out = append(out, cyrSingular(toks, out)...)
	cyrRoles(toks, out)
	cyrShares(toks, out)
	for _, g := range out {
		if g.Field == fWeapon && g.Role == roleLaunched && !g.Sub && !g.Part {
			if cr.launched == nil {
				cr.launched = map[string]float64{}
			}
			cr.launched[family(g.Weapon.Kind)] = g.N.Value
		}
	}
	return out
}

// allOf reads "всі ракети", "все беспилотники": the whole of the weapons of
// that family launched, as counted before in the document.
func (cr *cyrReader) allOf(toks []token, i int) (figure, bool) {
	switch toks[i].Low {
	case "все", "всі", "усі", "всех", "всіх", "усіх":
	default:
		return figure{}, false
	}
	w, j, ok := cyrWeaponAfter(toks, i+1)
	if !ok || j > i+3 {
		return figure{}, false
	}
	v := cr.launched[family(w.Kind)]
	if v == 0 {
		return figure{}, false
	}
	n := numMatch{Value: v, Qualifier: model.Exact, I: i, J: j}
	return figure{Field: fWeapon, Weapon: w, N: n, I: i, J: j}, true
}

// cyrNotCount reports whether a number is no count: a year, an age, a
// distance, a time, a percentage, a unit's number ("110-я бригада").
func cyrNotCount(toks []token, n numMatch) bool {
	if n.J < len(toks) {
		w := toks[n.J].Low
		if w == "%" || w == "года" || w == "году" || w == "року" || w == "рік" || w == "лет" || w == "років" || w == "роки" || w == "час" ||
			w == "часов" || w == "часа" || w == "годин" || w == "години" || w == "минут" || w == "хвилин" || w == "м" || w == "метров" ||
			w == "метрів" || w == "раз" || w == "рази" || w == "разів" || w == "-" && n.J+1 < len(toks) && len(toks[n.J+1].Low) <= 2 ||
			w == "т" || w == "тонн" || w == "гривен" || w == "гривень" || w == "рублей" || w == "локаціях" || w == "локациях" || w == "локаціях," {
			return true
		}
		if (w == "км" || strings.HasPrefix(w, "километр") || strings.HasPrefix(w, "кілометр")) && !(n.J+1 < len(toks) && (toks[n.J+1].Low == "²" || toks[n.J+1].Low == "кв")) {
			return n.I == 0 || !hasStem(toks[n.I-1].Low, []string{"кв"}) // "в 20 км от", not "20 кв. км"
		}
	}
	return n.I > 0 && (toks[n.I-1].Low == "№" || toks[n.I-1].Low == "номер")
}

// cyrClassify decides what the number n counts.
func cyrClassify(toks []token, n numMatch, prev []figure, terr bool) []figure {
	// "95 из них сбиты", "двое из них дети"
	if k, ok := hasSeqAny(toks, n.J, [][]string{{"из", "них"}, {"з", "них"}, {"із", "них"}}); ok {
		if n.J+k < len(toks) && hasStem(toks[n.J+k].Low, cyrChildren) {
			if field := lastCasualty(prev); field != "" {
				return []figure{childFigure(n, n.J+k+1, field)}
			}
		}
		if w, ok := lastWeapon(prev); ok && (len(prev) == 0 || prev[len(prev)-1].Field == fWeapon) {
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J + k, BackRef: true}}
		}
		return nil
	}
	// "95 из 120 дронов": a part of the total after it
	if n.J+1 < len(toks) && (toks[n.J].Low == "из" || toks[n.J].Low == "з" || toks[n.J].Low == "із") {
		if m, ok := cyrNumberAt(toks, n.J+1); ok {
			if w, wj, ok := cyrWeaponAfter(toks, m.J); ok {
				part := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Part: true}
				total := figure{Field: fWeapon, Weapon: w, N: m, I: m.I, J: wj, Role: roleLaunched}
				return []figure{part, total}
			}
		}
	}
	// "в том числе двое детей", "серед них троє дітей"
	including := false
	for _, p := range cyrIncluding {
		if n.I >= len(p) && hasSeq(toks, n.I-len(p), p...) {
			including = true
		}
	}
	for p, limit := n.J, n.J+3; p < len(toks) && p <= limit; p++ {
		t := toks[p]
		// "из 20 выпущенных по Одессе ракет": a target between
		if (t.Low == "по" || t.Low == "на") && p+1 < len(toks) && toks[p+1].Upper && toks[p+1].Kind == tokWord {
			p, limit = p+1, limit+2
			continue
		}
		if t.Kind == tokNum {
			break
		}
		if t.Kind == tokPunct && t.Low != "«" && t.Low != "»" && t.Low != "\"" {
			break
		}
		if hasStem(t.Low, cyrIntercept) || hasStem(t.Low, cyrHit) {
			break // "19 збито силами ППО": a verb ends the noun phrase
		}
		if w, m, ok := cyrWeaponAt(toks, p); ok {
			if w.Kind == "air_defense" {
				break
			}
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: p + m}}
		}
		if hasStem(t.Low, cyrChildren) {
			field := cyrCasualtyNear(toks, n.I, p+1)
			if including {
				field = lastCasualty(prev)
			}
			if field == "" {
				return nil
			}
			return []figure{childFigure(n, p+1, field)}
		}
		if hasStem(t.Low, cyrPeople) && !(including && len(prev) > 0) {
			if field := cyrCasualtyNear(toks, n.I, p+1); field != "" {
				return []figure{{Field: field, N: n, I: n.I, J: p + 1}}
			}
			return nil
		}
		if terr && (hasStem(t.Low, cyrSettlementNouns) || t.Low == "н") {
			return []figure{{Field: fSettlements, N: n, I: n.I, J: p + 1}}
		}
		if terr && (t.Low == "кв" || strings.HasPrefix(t.Low, "квадрат") || t.Low == "км²" || t.Low == "км2") {
			return []figure{{Field: fArea, N: n, I: n.I, J: p + 1}}
		}
		if strings.HasPrefix(t.Low, "взрыв") || strings.HasPrefix(t.Low, "вибух") {
			return []figure{{Field: fExplosions, N: n, I: n.I, J: p + 1}}
		}
		if hasStem(t.Low, cyrKilled) || hasStem(t.Low, cyrInjured) {
			break // "двое погибли": read below
		}
		if cyrPhraseStop[t.Low] || hasStem(t.Low, cyrLaunch) && !participle(t.Low) {
			break // only modifiers stand between a number and its noun
		}
	}
	if including {
		// "з них 19 збито": a part of the weapon count before
		if w, ok := lastWeapon(prev); ok && len(prev) > 0 && prev[len(prev)-1].Field == fWeapon {
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, BackRef: true}}
		}
		return nil // "в том числе двое военных": a part of a count told before
	}
	// "погибли двое", "ранены пятеро", "троє загинули"
	if field := cyrCasualtyBeside(toks, n); field != "" {
		return []figure{{Field: field, N: n, I: n.I, J: n.J}}
	}
	// "… 15 — над Курской областью": the weapon and role of the count before
	if w, ok := lastWeapon(prev); ok && len(prev) > 0 && prev[len(prev)-1].Field == fWeapon && n.I > 0 && n.J < len(toks) {
		before, after := toks[n.I-1].Low, toks[n.J].Low
		if (before == "еще" || before == "ще") && n.I > 1 {
			before = "," // "17 … , еще 5 — над Орловской областью"
		}
		if (before == "," || before == "и" || before == "і" || before == "та" || before == "й" || before == ";") &&
			hasStem(after, append(append([]string{}, cyrHit...), cyrIntercept...)) {
			// "две ракеты сбиты, одна попала в склад"
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J}}
		}
		if (before == "," || before == "и" || before == "і" || before == "та" || before == "й" || before == ";") &&
			(after == "—" || after == "–" || after == "-" || after == "над" || after == "в" || after == "у" || after == "на" || after == "по") {
			last := prev[len(prev)-1]
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Role: last.Role, Elided: true}}
		}
	}
	// "из 14 выпущенных ракет сбиты 11": a bare count after a verb, of the
	// weapon counted before it in the clause
	if w, ok := lastWeapon(prev); ok && n.I > 0 && (hasStem(toks[n.I-1].Low, cyrIntercept) || hasStem(toks[n.I-1].Low, cyrHit)) &&
		(n.J == len(toks) || toks[n.J].Kind == tokPunct) {
		return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J}}
	}
	// "Шахедов — 67", "БпЛА: 120"
	if n.I >= 2 && strings.Contains(":—–-", toks[n.I-1].Low) {
		for _, wm := range cyrFindWeapons(toks[:n.I-1]) {
			if wm.J == n.I-1 && wm.Kind != "air_defense" {
				return []figure{{Field: fWeapon, Weapon: wm.weaponEntry, N: n, I: n.I, J: n.J}}
			}
		}
	}
	return nil
}

// cyrPhraseStop end the words a number may count: prepositions,
// conjunctions and pronouns.
var cyrPhraseStop = set("в", "во", "у", "на", "над", "по", "из", "з", "із", "с", "со", "від", "от", "до", "и", "і", "та", "й", "а",
	"что", "що", "который", "которые", "які", "який", "их", "них", "їх", "за", "под", "під", "при", "для", "без", "не")

// cyrWeaponAfter reads a weapon right after toks[k], past up to two adjectives.
func cyrWeaponAfter(toks []token, k int) (weaponEntry, int, bool) {
	for p := k; p < len(toks) && p <= k+2; p++ {
		if w, m, ok := cyrWeaponAt(toks, p); ok && w.Kind != "air_defense" {
			return w, p + m, true
		}
		if toks[p].Kind != tokWord {
			break
		}
	}
	return weaponEntry{}, 0, false
}

func childFigure(n numMatch, j int, field string) figure {
	switch field {
	case fKilled, fChildrenKilled:
		field = fChildrenKilled
	default:
		field = fChildrenInjured
	}
	return figure{Field: field, N: n, I: n.I, J: j}
}

// lastCasualty is the casualty field of the latest casualty figure.
func lastCasualty(prev []figure) string {
	for k := len(prev) - 1; k >= 0; k-- {
		switch prev[k].Field {
		case fKilled, fChildrenKilled:
			return fKilled
		case fInjured, fChildrenInjured:
			return fInjured
		}
	}
	return ""
}

// cyrCasualtyWord reads a casualty word: killed, injured or "".
func cyrCasualtyWord(toks []token, p int) string {
	w := toks[p].Low
	switch {
	case strings.HasPrefix(w, "смертельн"):
		return fKilled
	case hasStem(w, cyrKilled):
		if strings.HasPrefix(w, "жертв") && p > 0 && (toks[p-1].Low == "без" || toks[p-1].Low == "нет") {
			return ""
		}
		if strings.HasPrefix(w, "жертв") && p+1 < len(toks) && (toks[p+1].Low == "нет" || toks[p+1].Low == "немає") {
			return ""
		}
		return fKilled
	case hasStem(w, cyrInjured):
		if p > 0 && (toks[p-1].Low == "без" || toks[p-1].Low == "не" || toks[p-1].Low == "никто" || toks[p-1].Low == "ніхто") {
			return ""
		}
		if p+1 < len(toks) && (toks[p+1].Low == "нет" || toks[p+1].Low == "немає") {
			return ""
		}
		return fInjured
	}
	return ""
}

// cyrCasualtyNear finds the casualty word nearest to a counted person in
// tokens [i, j): up to five words either side.
func cyrCasualtyNear(toks []token, i, j int) string {
	for d := 0; d <= 5; d++ {
		for _, p := range []int{j + d, i - 1 - d} {
			if p < 0 || p >= len(toks) {
				continue
			}
			if f := cyrCasualtyWord(toks, p); f != "" {
				return f
			}
		}
	}
	return ""
}

// cyrCasualtyBeside reads a casualty word right before or after a bare
// number: "погибли двое", "ранены 5", "ещё трое пострадали".
func cyrCasualtyBeside(toks []token, n numMatch) string {
	p := n.I - 1
	for p >= 0 && (toks[p].Low == "еще" || toks[p].Low == "ще" || toks[p].Low == "уже" || toks[p].Low == "вже" || toks[p].Low == "были" ||
		toks[p].Low == "було" || toks[p].Low == "получили" || toks[p].Low == "отримали") {
		p--
	}
	if p >= 0 {
		if f := cyrCasualtyWord(toks, p); f != "" {
			return f
		}
	}
	// "число погибших выросло до 14", "кількість поранених зросла до 20"
	rise := false
	for q := n.I - 1; q >= 0 && q >= n.I-5; q-- {
		rise = rise || hasStem(toks[q].Low, cyrRise)
		if f := cyrCasualtyWord(toks, q); f != "" && rise {
			return f
		}
	}
	for q := n.J; q < len(toks) && q <= n.J+2; q++ {
		if f := cyrCasualtyWord(toks, q); f != "" {
			return f
		}
		if toks[q].Kind != tokWord {
			break
		}
	}
	return ""
}

// cyrOnePersonAt reads "погиб мужчина", "поранено жінку": one person named
// beside a casualty word without a number.
func cyrOnePersonAt(toks []token, i int, prev []figure) (figure, bool) {
	w := toks[i].Low
	if !cyrOnePerson[w] {
		return figure{}, false
	}
	// "пятеро ранены, в том числе ребёнок", "серед них 14-річний підліток"
	for b := i - 1; b >= 0 && b >= i-4; b-- {
		for _, p := range cyrIncluding {
			if hasSeq(toks, b, p...) && b+len(p) <= i {
				field := lastCasualty(prev)
				if field == "" || !cyrOneChild[w] {
					return figure{}, false
				}
				return childFigure(numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}, i+1, field), true
			}
		}
	}
	for _, p := range []int{i - 1, i - 2, i + 1, i + 2} {
		if p < 0 || p >= len(toks) {
			continue
		}
		if f := cyrCasualtyWord(toks, p); f != "" {
			n := numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}
			if cyrOneChild[w] || i > 0 && childAge(toks[i-1].Low) {
				return childFigure(n, i+1, f), true
			}
			return figure{Field: f, N: n, I: i, J: i + 1}, true
		}
	}
	return figure{}, false
}

// cyrListedPersonAt reads the next person of a list after a casualty
// figure: "загинули 45-річний чоловік та його 12-річний син" counts the son
// among the killed and, by his age, among the children killed too.
func cyrListedPersonAt(toks []token, i int, prev []figure) []figure {
	w := toks[i].Low
	if !cyrOnePerson[w] || len(prev) == 0 {
		return nil
	}
	b := i - 1
	child := cyrOneChild[w]
	for ; b >= 0 && b >= i-3; b-- {
		t := toks[b].Low
		if cyrPossessives[t] {
			continue
		}
		if _, rest, ok := strings.Cut(t, "-"); ok && hasStem(rest, []string{"летн", "річн"}) {
			child = child || childAge(t)
			continue
		}
		break
	}
	if b < 1 || !cyrListJoin[toks[b].Low] {
		return nil
	}
	last := prev[len(prev)-1]
	field := lastCasualty(prev[len(prev)-1:])
	if field == "" || last.J != b || last.N.Value != 1 {
		return nil // the person before must be one person counted just before the conjunction
	}
	n := numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}
	out := []figure{{Field: field, N: n, I: i, J: i + 1}}
	if child {
		out = append(out, childFigure(n, i+1, field))
	}
	return out
}

var (
	cyrPossessives = set("його", "її", "их", "его", "ее", "её", "їхній", "їхня", "їхнього", "їхню", "свой", "своя", "свого", "свою", "своего")
	cyrListJoin    = set("та", "и", "і", "й", ",")
)

// childAge reports whether w gives an age under 18: "10-летний", "14-річна".
func childAge(w string) bool {
	n, rest, ok := strings.Cut(w, "-")
	if !ok || !hasStem(rest, []string{"летн", "річн"}) {
		return false
	}
	a := atoi(n)
	return a > 0 && a < 18 && len(n) <= 2
}

// participle reports whether w is an adjectival participle ("выпущенных",
// "запущені"), which may stand between a number and its noun.
func participle(w string) bool {
	return hasSuffixAny(w, "ых", "их", "ные", "ні", "них", "ный", "ний", "ная", "на")
}
