package extract

import "github.com/sitrep-osint/sitrep/internal/model"

// cyrSingularNouns are weapon nouns in a singular case form: "атака
// украинского дрона", "ударила ракетой", "удар КАБом" count one weapon,
// as "a drone" does in English. Forms that are also plural ("ракеты")
// are left out.
var cyrSingularNouns = set("дрон", "дрона", "дрону", "дроном", "дроне", "дроні", "беспилотник", "беспилотника", "беспилотнику",
	"беспилотником", "беспилотнике", "безпілотник", "безпілотника", "безпілотнику", "безпілотником", "шахед", "шахеда", "шахедом",
	"ракета", "ракетой", "ракетою", "ракету", "ракеті", "ракете", "авиабомба", "авиабомбой", "авиабомбу", "авіабомба", "авіабомбою",
	"авіабомбу", "кабом", "уабом", "бомба", "бомбой", "бомбою", "бомбу")

// cyrSingular counts one for each weapon named in the singular without a
// number, unless it fell as debris ("обломки сбитого беспилотника") or
// the clause counts weapons of its family already.
func cyrSingular(toks []token, figs []figure) []figure {
	counted := map[string]bool{}
	in := make([]bool, len(toks))
	for _, g := range figs {
		if g.Field == fWeapon {
			counted[family(g.Weapon.Kind)] = true
		}
		for k := g.I; k < g.J && k < len(toks); k++ {
			in[k] = true
		}
	}
	var out []figure
	for _, wm := range cyrFindWeapons(toks) {
		if in[wm.I] || counted[family(wm.Kind)] || wm.Kind == "air_defense" {
			continue
		}
		one := false
		for k := wm.I; k < wm.J; k++ {
			one = one || cyrSingularNouns[toks[k].Low]
		}
		for b := wm.I - 1; b >= 0 && b >= wm.I-3; b-- {
			if hasStem(toks[b].Low, []string{"обломк", "уламк", "фрагмент", "падени", "падінн", "остатк", "залишк"}) {
				one = false
			}
		}
		if one {
			counted[family(wm.Kind)] = true
			n := numMatch{Value: 1, Qualifier: model.Exact, I: wm.I, J: wm.J}
			out = append(out, figure{Field: fWeapon, Weapon: wm.weaponEntry, N: n, I: wm.I, J: wm.J})
		}
	}
	return out
}

// cyrRoles gives each weapon count without a role the role of the nearest
// verb of launching, intercepting or hitting in its clause; launched when
// there is none.
func cyrRoles(toks []token, figs []figure) {
	in := make([]bool, len(toks))
	for _, g := range figs {
		for k := g.I; k < g.J && k < len(toks); k++ {
			in[k] = true
		}
	}
	at := make([]int, len(figs)) // where each figure's verb stands
	for k := range figs {
		g := &figs[k]
		at[k] = -1
		if g.Field != fWeapon || g.Role != "" {
			continue
		}
		best, role := len(toks)+1, roleLaunched
		for p, t := range toks {
			if in[p] && (p < g.I || p >= g.J) {
				continue // another count's words; its own ("выпущенных ракет") count
			}
			r := ""
			switch {
			case hasStem(t.Low, cyrHit):
				r = roleHit
			case hasStem(t.Low, cyrIntercept):
				r = roleIntercepted
			case hasStem(t.Low, cyrLaunch) && !hasStem(t.Low, cyrAttackNot):
				r = roleLaunched
			default:
				continue
			}
			d := g.I - p
			if p >= g.J {
				d = p - g.J + 1
			} else if p >= g.I {
				d = 0
			}
			if d < best {
				best, role, at[k] = d, r, p
			}
		}
		g.Role = role
		g.guessed = best > len(toks)
	}
	// "выпустила 6 ракет Х-101 и 4 «Калибра», сбиты 8": a count joined to
	// the one before by "и" shares its verb, rather than the verb past a comma.
	for k := 1; k < len(figs); k++ {
		a, b := figs[k-1], &figs[k]
		if a.Field != fWeapon || b.Field != fWeapon || b.Elided || b.BackRef || at[k] < b.J || a.Role == b.Role {
			continue
		}
		joined, comma := false, false
		for p := a.J; p < b.I; p++ {
			switch w := toks[p].Low; {
			case w == "и" || w == "і" || w == "та" || w == "й":
				joined = true
			case w == "," || hasStem(w, cyrLaunch) || hasStem(w, cyrIntercept) || hasStem(w, cyrHit):
				comma = true
			}
		}
		past := false // the verb b took stands past a comma
		for p := b.J; p < at[k]; p++ {
			past = past || toks[p].Low == ","
		}
		if joined && !comma && past && at[k-1] >= 0 && at[k-1] < a.I {
			b.Role = a.Role
		}
	}
	// "95 из 120": the part has the verb's role, the total stays launched.
	for k := 0; k+1 < len(figs); k++ {
		if figs[k].Part && figs[k].Role == roleLaunched {
			figs[k].Role = roleIntercepted
		}
	}
}

// cyrShares marks a per-region breakdown of a weapon count given in the
// same clause ("сбиты 47 БПЛА: 21 — над Брянской областью, 15 — над
// Курской …") as a part of the total, so the builder does not add it on
// top of the total.
func cyrShares(toks []token, figs []figure) {
	for k := range figs {
		t := &figs[k]
		if t.Field != fWeapon || t.Elided || t.Sub {
			continue
		}
		sum, last := 0.0, k
		for j := k + 1; j < len(figs); j++ {
			s := figs[j]
			if s.Field != fWeapon || s.Role != t.Role || !s.Elided && (s.Weapon.Kind != t.Weapon.Kind || s.Weapon.Model != t.Weapon.Model) {
				break
			}
			if s.I > 0 && (toks[s.I-1].Low == "еще" || toks[s.I-1].Low == "ще") {
				break // "ещё 5": more, not a part
			}
			sum += s.N.Value
			last = j
		}
		if last > k && sum <= t.N.Value {
			for j := k + 1; j <= last; j++ {
				figs[j].Sub = true
			}
		}
	}
}
