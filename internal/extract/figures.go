package extract

import (
	"strings"

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
	Part   bool // the N of "N of the M drones"; the next figure is the total
	Elided bool // "… and 6 over Belgorod": same weapon and role as the figure before
	// BackRef counts part of the figure before ("13 of them Kh-101"): a
	// breakdown unless a verb of its own gives it a role.
	BackRef bool
	guessed bool // the role is the default, no verb gave it
	OfThe   bool // "455 of the drones": part of weapons already counted
}

// figureReader reads the counts in one clause.
type figureReader struct {
	toks     []token
	weapons  *catalogue
	taken    []bool // tokens already used by a date
	hasTerr  bool
	hasDep   bool
	carried  *weaponEntry // weapon named in an earlier sentence
	listRole string       // role of the list these lines are items of
}

// read returns the clause's figures, left to right.
func (fr *figureReader) read() []figure {
	var out []figure
	toks := fr.toks
	for i := 0; i < len(toks); i++ {
		if fr.taken[i] {
			continue
		}
		if i > 0 && (toks[i-1].Low == "no" || toks[i-1].Low == "not") {
			continue // "no one was hurt"
		}
		n, ok := parseNumberAt(toks, i)
		if ok && appositive(toks, i) {
			continue // "four civilians, two men and two women, were killed": the four again
		}
		if !ok {
			n, ok = fr.article(i)
		}
		if !ok {
			if f, ok := fr.allOf(i, out); ok {
				out = append(out, f)
				i = f.J - 1
				continue
			}
		}
		if !ok || fr.taken[n.J-1] {
			continue
		}
		if f, ok := fr.weaponFirst(n); ok {
			out = append(out, f)
			i = f.J - 1
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
	// "377 drones and 14 missiles were shot down": the verb after a list
	// gives every item in it its role.
	for k := len(out) - 2; k >= 0; k-- {
		a, b := &out[k], out[k+1]
		if a.Field == fWeapon && b.Field == fWeapon && a.guessed && !b.guessed && onlyJoiners(toks, a.J, b.I) {
			a.Role, a.guessed = b.Role, false
		}
	}
	return out
}

// singular nouns that "a"/"an" counts as one: "a woman was killed", "a
// missile hit".
var singularPeople = set("person", "woman", "man", "child", "boy", "girl", "teenager", "resident", "civilian",
	"pensioner", "baby", "infant", "soldier", "serviceman", "driver", "worker", "rescuer", "firefighter",
	"medic", "journalist", "policeman", "passenger", "guard", "volunteer", "doctor", "nurse", "paramedic",
	"teacher", "farmer", "patient", "student", "pupil", "policewoman", "officer", "watchman", "villager",
	"neighbour", "neighbor", "pedestrian", "cyclist", "fisherman", "employee")

// personTail words may follow a counted person: "a woman who", "a man aged 45".
var personTail = set("who", "among", "whose", "aged", "died", "later", "also", "received", "sustained", "suffered", "got", "is", "remains")

// afterWeapon nouns make a weapon word a modifier: "a drone strike".
var afterWeapon = set("strike", "strikes", "attack", "attacks", "raid", "raids", "threat", "debris",
	"fragments", "wreckage", "production", "program", "programme", "industry", "operator", "operators",
	"unit", "units", "danger", "alert", "factory", "plant", "launch", "launches")

// definitePerson reads "killing its driver", "wounding the pilot", "the
// driver was killed" as one person: a definite singular person right
// beside a casualty word.
func definitePerson(toks []token, i int) bool {
	switch toks[i].Low {
	case "the", "its", "his", "her", "their":
	default:
		return false
	}
	p := i + 1
	if p < len(toks) && p+1 < len(toks) && !singularPeople[toks[p].Low] && toks[p].Kind == tokWord && singularPeople[toks[p+1].Low] {
		p++ // "the elderly driver"
	}
	if p >= len(toks) || !singularPeople[toks[p].Low] {
		return false
	}
	if i > 0 && (killedWords[toks[i-1].Low] || injuredWords[toks[i-1].Low]) && toks[i-1].Low != "dead" && toks[i-1].Low != "toll" {
		return true
	}
	return hasSeq(toks, p+1, "was", "killed") || hasSeq(toks, p+1, "was", "injured") || hasSeq(toks, p+1, "was", "wounded") ||
		hasSeq(toks, p+1, "died")
}

// debrisNouns name what falls from a weapon.
var debrisNouns = set("debris", "fragments", "fragment", "wreckage", "remains", "parts", "pieces", "shrapnel", "remnants")

// appositive reports whether the article at toks[i] opens an apposition
// that names people a count before it has counted: "Two residents, an
// elderly man and a woman, were injured". It looks back to a comma at
// most eight words away that follows a number and people nouns. Children
// named in it are still counted, as children ("three people, two adults
// and a child").
func appositive(toks []token, i int) bool {
	c := -1
	for p := i - 1; p >= 0 && p >= i-8; p-- {
		switch toks[p].Low {
		case ",", ":":
			c = p
		case ".", ";":
			return false
		}
		if c >= 0 {
			break
		}
	}
	// A later item of a list after a colon: "three people: a man, 54, a
	// woman, 61, and a pensioner".
	for p := c; p > 0 && p >= i-16 && toks[c].Low == ","; p-- {
		w := toks[p].Low
		if w == ":" {
			c = p
			break
		}
		if w == "." || w == ";" || auxVerbs[w] || killedWords[w] || injuredWords[w] {
			break
		}
	}
	if c < 1 {
		return false
	}
	for p := c + 1; p < len(toks) && p <= i+4; p++ {
		w := toks[p].Low
		switch {
		case w == "among" || w == "including" || w == "them" || w == "whom" || w == "incl" || childNouns[w] ||
			w == "boy" || w == "girl" || w == "baby" || w == "infant" || w == "toddler":
			return false // "four residents, among them a child": a part, not the same people
		case p < i && (auxVerbs[w] || killedWords[w] || injuredWords[w] || w == "when" || w == "after" || w == "as" || w == "while"):
			return false // "14 people, including three children, were killed when a missile hit"
		}
	}
	if toks[c].Low == ":" || killedWords[toks[c-1].Low] || injuredWords[toks[c-1].Low] {
		// "Two people were injured: a woman and a man", "two people were
		// killed, a man and a woman"
		for q := c - 1; q >= 1 && q >= c-10; q-- {
			if personNouns[toks[q].Low] {
				if n, ok := parseNumberAt(toks, q-1); ok && n.J == q && n.Value > 1 {
					return true
				}
			}
		}
		return false
	}
	if !personNouns[toks[c-1].Low] {
		return false
	}
	for q := c - 1; q >= 0 && q >= c-4; q-- {
		if n, ok := parseNumberAt(toks, q); ok && n.J <= c && n.Value > 1 {
			return true
		}
	}
	return false
}

// article reads "a"/"an" (plus up to two modifiers) before a singular
// person or weapon as the count one.
func (fr *figureReader) article(i int) (numMatch, bool) {
	toks := fr.toks
	if w := toks[i].Low; w != "a" && w != "an" {
		if definitePerson(toks, i) {
			return numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}, true
		}
		return numMatch{}, false
	}
	if appositive(toks, i) {
		return numMatch{}, false // "two residents, a man and a woman, were hurt": the two again
	}
	// "fragments of a downed drone", "debris of an intercepted missile":
	// what fell, not a count of weapons launched or intercepted.
	if i >= 2 && toks[i-1].Low == "of" && debrisNouns[toks[i-2].Low] {
		return numMatch{}, false
	}
	for p := i + 1; p < len(toks) && p <= i+3; p++ {
		t := toks[p]
		if singularPeople[t.Low] {
			if q := p + 1; q < len(toks) && toks[q].Kind == tokWord && !fillerStop[toks[q].Low] && !killedWords[toks[q].Low] &&
				!injuredWords[toks[q].Low] && !personTail[toks[q].Low] {
				return numMatch{}, false // "a civilian car": a modifier, not a person
			}
			return numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}, true
		}
		if w, m, ok := fr.weapons.match(toks, p); ok && !strings.HasSuffix(toks[p+m-1].Low, "s") && w.Kind != "air_defense" {
			e := p + m
			for e+1 < len(toks) && (toks[e].Low == "and" || toks[e].Low == "or" || toks[e].Low == "/") {
				if _, m2, ok := fr.weapons.match(toks, e+1); ok {
					e += 1 + m2
					continue
				}
				break
			}
			if e < len(toks) && (afterWeapon[toks[e].Low] || toks[e].Low == "-") {
				return numMatch{}, false
			}
			return numMatch{Value: 1, Qualifier: model.Exact, I: i, J: i + 1}, true
		}
		if t.Kind != tokWord || fillerStop[t.Low] || killedWords[t.Low] || injuredWords[t.Low] {
			break
		}
	}
	return numMatch{}, false
}

// classify decides what the number n counts, looking at the words after
// it (a noun, with up to three modifiers between) and before it ("killing
// three", "of which 40").
func (fr *figureReader) classify(n numMatch, prev []figure) []figure {
	toks := fr.toks
	// "87 drones, 64 of which were downed": part of the weapon count before.
	if (hasSeq(toks, n.J, "of", "which") || hasSeq(toks, n.J, "of", "them")) && len(prev) > 0 && prev[len(prev)-1].Field == fWeapon &&
		!(n.J+2 < len(toks) && personNouns[toks[n.J+2].Low]) {
		if w, ok := fr.weaponBefore(n.I, prev); ok {
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J + 2, BackRef: true}}
		}
	}
	// "N of (the) M drones": N of a total M.
	k := n.J
	if hasSeq(toks, k, "out", "of") {
		k += 2
	} else if hasSeq(toks, k, "of", "the") {
		k += 2
	} else if hasSeq(toks, k, "of") {
		k++
	}
	if k > n.J && k < len(toks) && injuredWords[toks[k].Low] {
		// "one of the wounded has died": a death among the injured
		for p := k + 1; p < len(toks) && p <= k+4; p++ {
			if w := toks[p].Low; w == "died" || w == "dies" || w == "succumbed" {
				return []figure{{Field: fKilled, N: n, I: n.I, J: k + 1}}
			}
		}
	}
	if k > n.J && k < len(toks) && (killedWords[toks[k].Low] || injuredWords[toks[k].Low] || toks[k].Low == "victims") {
		return nil // "two of the injured": part of a count given elsewhere
	}
	if k > n.J {
		if m, ok := parseNumberAt(toks, k); ok {
			if w, wj, ok := fr.weaponAfter(m.J); ok {
				part := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Part: true}
				total := figure{Field: fWeapon, Weapon: w, N: m, I: m.I, J: wj, Role: roleLaunched}
				return []figure{part, total}
			}
			// "4 of the 6 were intercepted": the weapon was named before.
			if _, _, named := fr.weaponAfter(m.J); !named && k > n.J && !(m.J < len(toks) && personNouns[toks[m.J].Low]) {
				if w, ok := fr.weaponBefore(n.I, prev); ok {
					part := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Part: true}
					total := figure{Field: fWeapon, Weapon: w, N: m, I: m.I, J: m.J, Role: roleLaunched}
					return []figure{part, total}
				}
			}
		}
		// "455 of the drones", "40 of them"; "two of them children"
		if hasSeq(toks, k, "them") || hasSeq(toks, k, "these") || hasSeq(toks, k, "whom") {
			if k+1 < len(toks) && childNouns[toks[k+1].Low] && len(prev) > 0 {
				switch prev[len(prev)-1].Field {
				case fKilled, fChildrenKilled:
					return []figure{fr.casualty(n, k+2, fKilled, true)}
				case fInjured, fChildrenInjured:
					return []figure{fr.casualty(n, k+2, fInjured, true)}
				}
			}
			if len(prev) > 0 && prev[len(prev)-1].Field != fWeapon {
				return nil // "four were injured, two of them port workers": a part, not more
			}
			if w, ok := fr.weaponBefore(n.I, prev); ok {
				return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: k + 1, BackRef: true}}
			}
			return nil
		}
	}
	// "killed a family of four": the family's members.
	if b := n.I - 2; b >= 1 && toks[n.I-1].Low == "of" && (toks[b].Low == "family" || toks[b].Low == "families") {
		a := b
		if toks[a-1].Low == "a" || toks[a-1].Low == "the" {
			a--
		}
		field := verbBefore(toks, a)
		if field == "" {
			field = fr.casualtyKind(n.I, n.J)
		}
		if field != "" {
			return []figure{fr.casualty(n, n.J, field, false)}
		}
	}
	// Words after the number.
	for p := n.J; p < len(toks) && p <= n.J+3; p++ {
		t := toks[p]
		if w, m, ok := fr.weapons.match(toks, p); ok {
			if w.Kind == "air_defense" {
				return nil
			}
			f := figure{Field: fWeapon, Weapon: w, N: n, I: n.I, J: fr.absorb(w, p+m), OfThe: hasSeq(toks, n.J, "of", "the")}
			if p > 0 && isIncluding(toks, n.I) {
				if _, had := lastWeapon(prev); had {
					f.Sub = true
				}
			}
			return []figure{f}
		}
		if p == n.J && t.Low == "more" {
			// "17 more were wounded", "two more died": people, the verb after
			if field, j := casualtyVerbAfter(toks, p+1); field != "" {
				return []figure{fr.casualty(n, j, field, false)}
			}
		}
		switch {
		case killedWords[t.Low] && t.Low != "lives" && t.Low != "toll":
			return []figure{fr.casualty(n, p+1, fKilled, false)}
		case injuredWords[t.Low]:
			if p+1 < len(toks) && personNouns[toks[p+1].Low] {
				return []figure{fr.casualty(n, p+2, fInjured, childNouns[toks[p+1].Low])}
			}
			return []figure{fr.casualty(n, p+1, fInjured, false)}
		case (personNouns[t.Low] || singularPeople[t.Low]) && !(troopNouns[t.Low] && fr.hasDep):
			if len(prev) > 0 && (isIncluding(toks, n.I) || hasSeq(toks, p+1, "among", "them")) && childNouns[t.Low] {
				switch prev[len(prev)-1].Field {
				case fKilled, fChildrenKilled:
					return []figure{fr.casualty(n, p+1, fKilled, true)}
				case fInjured, fChildrenInjured:
					return []figure{fr.casualty(n, p+1, fInjured, true)}
				}
			}
			field := verbBefore(toks, n.I)
			if field == "" {
				field = fr.casualtyKind(n.I, p+1)
			}
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
	// "17 were wounded", "two had been killed"
	for p := n.J; p < len(toks) && p <= n.J+2; p++ {
		w := toks[p].Low
		if w == "were" || w == "was" || w == "had" || w == "have" || w == "been" || w == "also" {
			continue
		}
		if p > n.J && killedWords[w] {
			return []figure{{Field: fKilled, N: n, I: n.I, J: n.J}}
		}
		if p > n.J && injuredWords[w] {
			return []figure{{Field: fInjured, N: n, I: n.I, J: n.J}}
		}
		break
	}
	// "the death toll has risen to 35", "the number of injured rose to 14"
	if b := n.I - 1; b >= 1 && toks[b].Low == "to" && (toks[b-1].Low == "rose" || toks[b-1].Low == "risen" || toks[b-1].Low == "climbed" || toks[b-1].Low == "increased" || toks[b-1].Low == "jumped" || toks[b-1].Low == "reached" || toks[b-1].Low == "grown" || toks[b-1].Low == "grew") || b >= 1 && toks[b].Low == "to" && bringsToll(toks, b) {
		for p := b - 2; p >= 0 && p >= b-16; p-- {
			switch w := toks[p].Low; {
			case w == "toll" || killedWords[w] && w != "lives":
				return []figure{{Field: fKilled, N: n, I: n.I, J: n.J}}
			case injuredWords[w]:
				return []figure{{Field: fInjured, N: n, I: n.I, J: n.J}}
			}
		}
	}
	// Elliptical counts of the weapon just named: "23 drones over Kursk
	// and 6 over Belgorod", "90 drones launched, 64 shot down", "drones …
	// 48 were downed".
	if !n.Vague && n.J < len(toks) {
		next := toks[n.J].Low
		lastFig := len(prev) > 0 && prev[len(prev)-1].Field == fWeapon
		if lastFig && elisionGap(toks, prev[len(prev)-1].J, n.I) && (next == "over" || next == "in" || next == "near" || next == "above" || next == "at" || next == "on") {
			return []figure{{Field: fWeapon, Weapon: prev[len(prev)-1].Weapon, N: n, I: n.I, J: n.J, Elided: true}}
		}
		verb := next
		if (verb == "were" || verb == "was") && n.J+1 < len(toks) {
			verb = toks[n.J+1].Low
		}
		if roleWord(verb) {
			if w, ok := fr.weaponBefore(n.I, prev); ok {
				vi := n.J
				if toks[vi].Low == "were" || toks[vi].Low == "was" {
					vi++
				}
				return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Role: roleOf(toks, vi, true)}}
			}
		}
	}
	// "Defence forces neutralised 19.": a bare count right after an
	// intercept verb counts the weapon just named.
	if !n.Vague && n.I > 0 && (n.J == len(toks) || toks[n.J].Kind != tokWord) {
		b := n.I - 1
		if interceptWords[toks[b].Low] || toks[b].Low == "down" && b > 0 && (toks[b-1].Low == "shot" || toks[b-1].Low == "brought") {
			if w, ok := fr.weaponBefore(n.I, prev); ok {
				return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, Role: roleIntercepted}}
			}
		}
	}
	// Words before the number: "killing three", "injuring 12", "injured
	// another 31".
	if b := n.I - 1; b >= 0 {
		if (toks[b].Low == "another" || toks[b].Low == "additional" || toks[b].Low == "further") && b > 0 {
			b--
		}
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
	if n.I >= 2 && toks[n.I-2].Low == "of" && (toks[n.I-1].Low == "which" || toks[n.I-1].Low == "them" || toks[n.I-1].Low == "these") {
		if w, ok := fr.weaponBefore(n.I, prev); ok {
			return []figure{{Field: fWeapon, Weapon: w, N: n, I: n.I, J: n.J, BackRef: true}}
		}
	}
	return nil
}

// quantity converts a figure's count to a model.Quantity with the text it
// was read from and its character offsets.
func (f figure) quantity(text string, toks []token, ri *model.RuneIndex) *model.Quantity {
	s, e := toks[f.N.I].S, toks[f.N.J-1].E
	return &model.Quantity{Value: f.N.Value, Qualifier: f.N.Qualifier, Text: text[s:e], Start: ri.Char(s), End: ri.Char(e)}
}

// casualtyVerbAfter reads a casualty verb at toks[p], after at most two
// auxiliaries ("were", "have been"): killed or injured, and the index after it.
func casualtyVerbAfter(toks []token, p int) (string, int) {
	for k := p; k < len(toks) && k <= p+2; k++ {
		w := toks[k].Low
		switch {
		case killedWords[w] && w != "lives" && w != "toll" && w != "bodies":
			return fKilled, k + 1
		case injuredWords[w]:
			return fInjured, k + 1
		case w == "were" || w == "was" || w == "have" || w == "had" || w == "been" || w == "are":
			continue
		}
		break
	}
	return "", 0
}
