package extract

import "strings"

// allOf reads "all of which were shot down", "all of them were
// intercepted": the whole of the weapon count before it.
func (fr *figureReader) allOf(i int, prev []figure) (figure, bool) {
	toks := fr.toks
	if toks[i].Low != "all" || !(hasSeq(toks, i+1, "of", "which") || hasSeq(toks, i+1, "of", "them")) {
		return figure{}, false
	}
	var last *figure
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Field == fWeapon {
			last = &prev[k]
			break
		}
	}
	if last == nil {
		return figure{}, false
	}
	role := ""
	for p := i + 3; p < len(toks) && p <= i+6 && role == ""; p++ {
		role = roleOf(toks, p, true)
	}
	if role == "" || role == roleLaunched {
		return figure{}, false
	}
	n := last.N
	n.I, n.J = i, i+3
	return figure{Field: fWeapon, Weapon: last.Weapon, N: n, I: i, J: i + 3, Role: role}, true
}

// weaponFirst reads a count written after its weapon: "Attack drones —
// 67", "Shaheds: 90".
func (fr *figureReader) weaponFirst(n numMatch) (figure, bool) {
	toks := fr.toks
	if n.I < 2 || !strings.Contains(":—–-", toks[n.I-1].Low) {
		return figure{}, false
	}
	for _, wm := range fr.weapons.find(toks[:n.I-1]) {
		if wm.J == n.I-1 && wm.Kind != "air_defense" {
			return figure{Field: fWeapon, Weapon: wm.weaponEntry, N: n, I: n.I, J: n.J}, true
		}
	}
	return figure{}, false
}

// absorb extends a named model over a generic name right after it:
// "Kh-101 air-launched cruise missiles", "Shahed strike UAVs".
func (fr *figureReader) absorb(w weaponEntry, j int) int {
	if w.Model == "" {
		return j
	}
	for p := j; p < len(fr.toks) && p <= j+1; p++ {
		if g, m, ok := fr.weapons.match(fr.toks, p); ok && g.Model == "" && family(g.Kind) == family(w.Kind) {
			return p + m
		}
		if fr.toks[p].Kind != tokWord || fillerStop[fr.toks[p].Low] {
			break
		}
	}
	return j
}

// family groups weapon kinds the scorer sums together.
func family(kind string) string {
	if strings.Contains(kind, "missile") {
		return "missile"
	}
	return kind
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

func lastWeapon(prev []figure) (weaponEntry, bool) {
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Field == fWeapon {
			return prev[k].Weapon, true
		}
	}
	return weaponEntry{}, false
}

// assignRoles sets launched / intercepted / hit on weapon figures from the
// verbs around them: the nearest role verb before the figure (back to the
// previous figure), else the verb after it ("40 drones were shot down"),
// else the role of the figure it is listed with, else launched.
func (fr *figureReader) assignRoles(figs []figure) {
	toks := fr.toks
	prevEnd := 0
	prevRole := ""
	partRole, partEnd := "", -1 // the last part of "N of M" and where its total ended
	for k := range figs {
		f := &figs[k]
		if f.Field != fWeapon {
			prevEnd = f.J
			continue
		}
		if f.Role != "" { // the total of "N of M", or a verb read already
			if k > 0 && figs[k-1].Part {
				partEnd = f.J
			}
			prevEnd, prevRole = f.J, f.Role
			continue
		}
		// "intercepted 5 of 8 Kinzhals and 61 of 70 drones": a second part
		// shares the first part's verb.
		if f.Part && partRole != "" && partEnd == prevEnd && onlyJoiners(toks, prevEnd, f.I) {
			f.Role, prevEnd = partRole, f.J
			continue
		}
		if f.Elided && prevRole != "" {
			f.Role, prevEnd = prevRole, f.J
			continue
		}
		if f.BackRef {
			next := len(toks)
			if k+1 < len(figs) {
				next = figs[k+1].I
			}
			for p := f.J; p < next && f.Role == ""; p++ {
				f.Role = roleOf(toks, p, true)
			}
			for p := f.I - 1; p >= prevEnd && f.Role == ""; p-- {
				f.Role = roleOf(toks, p, false)
			}
			if f.Role == "" {
				f.Sub, f.Role = true, roleLaunched
			}
			prevEnd = f.J
			continue
		}
		role := ""
		// Modifiers between the count and the weapon: "12 intercepted missiles".
		for p := f.N.J; p < f.J && role == ""; p++ {
			role = roleOf(toks, p, false)
		}
		// "…, 36 of the drones were downed": a part opens its own clause, so
		// its verb follows it; the verb before belongs to the total.
		// Likewise "4 of the 6 were intercepted": the part's verb follows the total.
		if f.OfThe && f.I > 0 && (toks[f.I-1].Low == "," || toks[f.I-1].Low == ";") || f.Part && k+1 < len(figs) {
			next, from := len(toks), f.J
			if f.Part {
				from = figs[k+1].J
				if k+2 < len(figs) {
					next = figs[k+2].I
				}
			} else if k+1 < len(figs) {
				next = figs[k+1].I
			}
			for p := from; p < next && role == ""; p++ {
				role = roleOf(toks, p, true)
			}
			if role == roleLaunched {
				role = "" // "78 of 112 drones launched": the verb before tells the part
			}
		}
		for p := f.I - 1; p >= prevEnd && role == ""; p-- {
			role = roleOf(toks, p, false)
		}
		if role == "" {
			next, from := len(toks), f.J
			if k+1 < len(figs) {
				next = figs[k+1].I
			}
			if f.Part && k+1 < len(figs) {
				from, next = figs[k+1].J, len(toks)
				if k+2 < len(figs) {
					next = figs[k+2].I
				}
			}
			for p := from; p < next && role == ""; p++ {
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
			role = fr.listRole
		}
		if role == "" {
			role, f.guessed = roleLaunched, true
		}
		f.Role = role
		prevEnd, prevRole = f.J, role
		if f.Part {
			partRole = role
		}
	}
}

// roleOf reads a role verb at toks[p]. After the figure, "hit" and
// "struck" mean the weapons got through; before it they describe the
// attack and count as launched.
func roleOf(toks []token, p int, after bool) string {
	w := toks[p].Low
	switch {
	case after && (w == "destroyed" || w == "destroying") && p > 0 && !passive(toks[p-1].Low):
		return roleHit // "a missile destroyed a building"
	case (w == "shot" || w == "shoot" || w == "shooting" || w == "brought" || w == "taken") && hasSeq(toks, p+1, "down"):
		return roleIntercepted
	case w == "shot" || w == "shoot":
		return ""
	case interceptWords[w]:
		return roleIntercepted
	case after && (hitWords[w] || w == "got" && hasSeq(toks, p+1, "through")):
		return roleHit
	case (w == "hits" || w == "impacts") && hasSeq(toks, p+1, "by"):
		return roleHit // "hits by 4 missiles were recorded"
	case launchWords[w] || hitWords[w] && !after:
		return roleLaunched
	}
	return ""
}

func passive(w string) bool {
	return w == "were" || w == "was" || w == "been" || w == "be" || w == "are" || w == "is"
}

// onlyJoiners reports whether toks[a:b] holds only commas and "and".
func onlyJoiners(toks []token, a, b int) bool {
	for p := a; p < b; p++ {
		if w := toks[p].Low; w != "," && w != "and" && w != "as" && w != "well" && w != "plus" && w != "all" && w != "both" {
			return false
		}
	}
	return true
}

// roleWord reports whether w is a verb that gives a weapon count its role.
func roleWord(w string) bool {
	return interceptWords[w] || w == "launched" || w == "fired" || w == "hit" || w == "struck" || w == "reached"
}

// weaponBefore returns the weapon last counted before toks[i] in the
// clause, else the last named there, else the one carried from earlier.
func (fr *figureReader) weaponBefore(i int, prev []figure) (weaponEntry, bool) {
	var best weaponEntry
	at := -1
	for _, f := range prev {
		if f.Field == fWeapon && f.I < i && f.I > at {
			best, at = f.Weapon, f.I
		}
	}
	if at >= 0 {
		return best, true
	}
	for _, wm := range fr.weapons.find(fr.toks[:i]) {
		if wm.I > at && wm.Kind != "air_defense" && wm.Kind != "launcher" {
			best, at = wm.weaponEntry, wm.I
		}
	}
	if at < 0 && fr.carried != nil {
		return *fr.carried, true
	}
	return best, at >= 0
}

// elisionGap reports whether toks[a:b] can separate two counts of one
// weapon: a short place phrase ending in "and" or a comma, no numbers.
func elisionGap(toks []token, a, b int) bool {
	if b <= a || b-a > 8 || (toks[b-1].Low != "and" && toks[b-1].Low != ",") {
		return false
	}
	for p := a; p < b; p++ {
		if toks[p].Kind == tokNum || toks[p].Low == ";" || toks[p].Low == "." {
			return false
		}
	}
	return true
}
