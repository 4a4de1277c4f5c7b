package extract

import (
	"github.com/sitrep-osint/sitrep/internal/model"
)

// Figure fields. A weapon figure also carries its Weapon and Role.
const (
	fWeapon          = "weapon"
	fKilled          = "killed"
	fInjured         = "injured"
	fChildrenKilled  = "children_killed"
	fChildrenInjured = "children_injured"
	fSettlements     = "settlements"
	fArea            = "area_km2"
	fTroops          = "troops"
	fExplosions      = "explosions"
)

// Weapon roles.
const (
	roleLaunched    = "launched"
	roleIntercepted = "intercepted"
	roleHit         = "hit"
)

// figure is one count attached to what it counts, in tokens [I, J).
type figure struct {
	Field  string
	Weapon weaponEntry
	Role   string
	N      numMatch
	I, J   int
	Sub    bool // a breakdown of an earlier figure ("including 300 Shaheds")
}

// figureReader reads the counts in one clause.
type figureReader struct {
	toks    []token
	weapons *catalogue
	taken   []bool // tokens already used by a date
	hasTerr bool
	hasDep  bool
}

// read returns the clause's figures, left to right.
func (fr *figureReader) read() []figure {
	var out []figure
	toks := fr.toks
	for i := 0; i < len(toks); i++ {
		if fr.taken[i] {
			continue
		}
		n, ok := parseNumberAt(toks, i)
		if !ok || fr.taken[n.J-1] {
			continue
		}
		figs := fr.classify(n, out)
		if len(figs) == 0 {
			continue
		}
		out = append(out, figs...)
		i = figs[len(figs)-1].J - 1
	}
	fr.assignRoles(out)
	return out
}

// classify decides what the number n counts, looking at the words after
// it (a noun, with up to three modifiers between) and before it ("killing
// three", "of which 40").
func (fr *figureReader) classify(n numMatch, prev []figure) []figure {
	toks := fr.toks
	// "N of (the) M drones": N of a total M.
	k := n.J
	if hasSeq(toks, k, "out", "of") {
		k += 2
	} else if hasSeq(toks, k, "of", "the") {
		k += 2
	} else if hasSeq(toks, k, "of") {
		k++
	}
	if k > n.J {
		if m, ok := parseNumberAt(toks, k); ok {
			if w, wj, ok := fr.weaponAfter(m.J); ok {
				part := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Role: ""}
				total := figure{Field: fWeapon, Weapon: w, N: m, I: m.I, J: wj, Role: roleLaunched}
				return []figure{part, total}
			}
		}
		// "478 of the drones", "40 of them"
		if hasSeq(toks, k-1, "them") || hasSeq(toks, k, "them") || hasSeq(toks, k, "these") {
			if w, ok := lastWeapon(prev); ok {
				return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: k + 1}}
			}
		}
	}
	// Words after the number.
	for p := n.J; p < len(toks) && p <= n.J+3; p++ {
		t := toks[p]
		if w, m, ok := fr.weapons.match(toks, p); ok {
			f := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: p + m}
			if p > 0 && isIncluding(toks, n.I) {
				if _, had := lastWeapon(prev); had {
					f.Sub = true
				}
			}
			return []figure{f}
		}
		switch {
		case killedWords[t.Low] && t.Low != "lives" && t.Low != "toll":
			return []figure{fr.casualty(n, p+1, fKilled, false)}
		case injuredWords[t.Low]:
			if p+1 < len(toks) && personNouns[toks[p+1].Low] {
				return []figure{fr.casualty(n, p+2, fInjured, childNouns[toks[p+1].Low])}
			}
			return []figure{fr.casualty(n, p+1, fInjured, false)}
		case personNouns[t.Low] && !(troopNouns[t.Low] && fr.hasDep):
			field := fr.casualtyKind(n.I, p+1)
			if field == "" {
				return nil
			}
			return []figure{fr.casualty(n, p+1, field, childNouns[t.Low])}
		case troopNouns[t.Low] && fr.hasDep:
			return []figure{{Field: fTroops, N: n, I: n.I, J: p + 1}}
		case settlementNouns[t.Low] && fr.hasTerr:
			return []figure{{Field: fSettlements, N: n, I: n.I, J: p + 1}}
		case t.Low == "km²" || t.Low == "km2" || t.Low == "sqkm" || hasSeq(toks, p, "sq", "km") ||
			(t.Low == "square" && p+1 < len(toks) && (toks[p+1].Low == "kilometres" || toks[p+1].Low == "kilometers" || toks[p+1].Low == "km")):
			if p != n.J {
				return nil
			}
			j := p + 1
			if t.Low == "square" || t.Low == "sq" {
				j++
			}
			return []figure{{Field: fArea, N: n, I: n.I, J: j}}
		case explosionNoun[t.Low]:
			return []figure{{Field: fExplosions, N: n, I: n.I, J: p + 1}}
		}
		if t.Kind != tokWord || fillerStop[t.Low] || t.Poss && p > n.J {
			break
		}
	}
	// Words before the number: "killing three", "injuring 12".
	if b := n.I - 1; b >= 0 {
		w := toks[b].Low
		switch {
		case w == "killing" || w == "killed" && !n.Vague:
			return []figure{{Field: fKilled, N: n, I: n.I, J: n.J}}
		case w == "injuring" || w == "wounding" || w == "injured" || w == "wounded":
			return []figure{{Field: fInjured, N: n, I: n.I, J: n.J}}
		case w == "to" && b > 1 && (toks[b-1].Low == "rose" || toks[b-1].Low == "risen" || toks[b-1].Low == "climbed") && toks[b-2].Low == "toll":
			return []figure{{Field: fKilled, N: n, I: n.I, J: n.J}}
		}
	}
	// "of which 40", "of them 12" after a weapon count.
	if n.I >= 2 && toks[n.I-2].Low == "of" && (toks[n.I-1].Low == "which" || toks[n.I-1].Low == "them") {
		if w, ok := lastWeapon(prev); ok {
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J}}
		}
	}
	return nil
}

// weaponAfter matches a weapon at toks[k], allowing up to two modifiers.
func (fr *figureReader) weaponAfter(k int) (weaponEntry, int, bool) {
	for p := k; p < len(fr.toks) && p <= k+2; p++ {
		if w, m, ok := fr.weapons.match(fr.toks, p); ok {
			return w, p + m, true
		}
		if fr.toks[p].Kind != tokWord || fillerStop[fr.toks[p].Low] {
			break
		}
	}
	return weaponEntry{}, 0, false
}

func isIncluding(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		switch toks[b].Low {
		case "including", "among":
			return true
		case ",", ".", ";":
			return false
		}
	}
	return false
}

func lastWeapon(prev []figure) (weaponEntry, bool) {
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Field == fWeapon {
			return prev[k].Weapon, true
		}
	}
	return weaponEntry{}, false
}

// casualty builds a casualty figure; child turns killed/injured into the
// children's field.
func (fr *figureReader) casualty(n numMatch, j int, field string, child bool) figure {
	if child {
		switch field {
		case fKilled:
			field = fChildrenKilled
		case fInjured:
			field = fChildrenInjured
		}
	}
	return figure{Field: field, N: n, I: n.I, J: j}
}

// casualtyKind finds whether people counted at toks[i] were killed or
// injured: first forward to the clause end, skipping an "including …"
// aside and stopping at the next number, then backward.
func (fr *figureReader) casualtyKind(i, j int) string {
	toks := fr.toks
	aside := false
	for p := j; p < len(toks); p++ {
		w := toks[p].Low
		if w == "including" || w == "among" {
			aside = true
			continue
		}
		if aside {
			if w == "," || w == "—" || w == ")" {
				aside = false
			}
			continue
		}
		if toks[p].Kind == tokNum {
			break
		}
		if killedWords[w] {
			return fKilled
		}
		if injuredWords[w] {
			return fInjured
		}
		if w == "evacuated" || w == "rescued" || w == "displaced" || w == "missing" || w == "trapped" {
			return ""
		}
	}
	for p := i - 1; p >= 0; p-- {
		w := toks[p].Low
		if killedWords[w] {
			return fKilled
		}
		if injuredWords[w] {
			return fInjured
		}
		if toks[p].Kind == tokNum && p < i-2 {
			break
		}
	}
	return ""
}

// assignRoles sets launched / intercepted / hit on weapon figures from the
// verbs around them: the nearest role verb before the figure (back to the
// previous figure), else the verb after it ("40 drones were shot down"),
// else the role of the figure it is listed with, else launched.
func (fr *figureReader) assignRoles(figs []figure) {
	toks := fr.toks
	prevEnd := 0
	prevRole := ""
	for k := range figs {
		f := &figs[k]
		if f.Field != fWeapon {
			prevEnd = f.J
			continue
		}
		if f.Role != "" { // the total of "N of M"
			prevEnd, prevRole = f.J, f.Role
			continue
		}
		role := ""
		for p := f.I - 1; p >= prevEnd && role == ""; p-- {
			role = roleOf(toks, p, false)
		}
		if role == "" {
			next := len(toks)
			if k+1 < len(figs) {
				next = figs[k+1].I
			}
			for p := f.J; p < next && role == ""; p++ {
				if toks[p].Low == "," && p > f.J+1 {
					break
				}
				role = roleOf(toks, p, true)
			}
		}
		if role == "" && prevRole != "" && onlyJoiners(toks, prevEnd, f.I) {
			role = prevRole
		}
		if role == "" {
			role = roleLaunched
		}
		f.Role = role
		prevEnd, prevRole = f.J, role
	}
}

// roleOf reads a role verb at toks[p]. After the figure, "hit" and
// "struck" mean the weapons got through; before it they describe the
// attack and count as launched.
func roleOf(toks []token, p int, after bool) string {
	w := toks[p].Low
	switch {
	case (w == "shot" || w == "shoot" || w == "shooting" || w == "brought" || w == "taken") && hasSeq(toks, p+1, "down"):
		return roleIntercepted
	case w == "shot" || w == "shoot":
		return ""
	case interceptWords[w]:
		return roleIntercepted
	case after && (hitWords[w] || w == "got" && hasSeq(toks, p+1, "through")):
		return roleHit
	case launchWords[w] || hitWords[w] && !after:
		return roleLaunched
	}
	return ""
}

// onlyJoiners reports whether toks[a:b] holds only commas and "and".
func onlyJoiners(toks []token, a, b int) bool {
	for p := a; p < b; p++ {
		if w := toks[p].Low; w != "," && w != "and" && w != "as" && w != "well" && w != "plus" {
			return false
		}
	}
	return true
}

// quantity converts a figure's count to a model.Quantity with the text it
// was read from and its character offsets.
func (f figure) quantity(text string, toks []token, ri *model.RuneIndex) *model.Quantity {
	s, e := toks[f.N.I].S, toks[f.N.J-1].E
	return &model.Quantity{Value: f.N.Value, Qualifier: f.N.Qualifier, Text: text[s:e], Start: ri.Char(s), End: ri.Char(e)}
}
