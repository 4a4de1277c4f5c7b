package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// cyrReader reads findings from Russian and Ukrainian clauses. It fills
// the same finding the English clause reader fills, so grouping and
// building are shared.
type cyrReader struct {
	text  string
	dates resolver
	war   bool       // the document speaks of strikes or weapons
	voice model.Side // the side the text speaks for, if its wording shows it
	claim span       // the claimant's name in the current sentence
	// launched is the latest launched count of each weapon family, for
	// "ППО знешкодила 47 дронів та всі ракети" in a later sentence.
	launched map[string]float64
}

// read builds the finding of one clause.
func (cr *cyrReader) read(toks []token, places []placeRef) finding {
	f := finding{Toks: toks, Places: places}
	taken := make([]bool, len(toks))
	for _, d := range cr.dates.cyrFindDates(toks) {
		for k := d.I; k < d.J; k++ {
			taken[k] = true
		}
		if !d.Retro {
			d.Text = cr.text[toks[d.I].S:toks[d.J-1].E]
			f.Dates = append(f.Dates, d)
		}
	}
	var attack, terr, gain, alert, neg, modal, retro, denied, period bool
	for i, t := range toks {
		w := t.Low
		switch {
		case hasStem(w, cyrAttack) && !hasStem(w, cyrAttackNot) && !cyrNegated(toks, i):
			attack = true
		case hasStem(w, cyrTerritory):
			terr = true
			gain = gain || hasStem(w, cyrGain)
		case cyrControl[w] && i > 0 && (toks[i-1].Low == "под" || toks[i-1].Low == "під"):
			terr = true // "взяли под контроль", "перейшло під контроль"
		case hasStem(w, cyrAlert) && cyrAlertEvent(toks, i):
			alert = true
		}
		switch w {
		case "может", "могут", "могли", "мог", "возможно", "може", "можуть", "могла", "можливо", "планирует", "планує", "готовит", "готує", "угрожает", "погрожує":
			modal = true
		case "фейк", "фейком", "фейки", "неправда", "брехня", "ложь", "дезинформация", "дезінформація":
			denied = true // "Звільнено Бахмут? Ні, це фейк"
		case "не", "нет", "ні":
			if i+1 < len(toks) && (hasStem(toks[i+1].Low, cyrAttack) || strings.HasPrefix(toks[i+1].Low, "зафикс") || strings.HasPrefix(toks[i+1].Low, "зафікс")) {
				neg = true
			}
		case "ранее", "раніше", "прошлом", "минулому", "минулого", "прошлого":
			retro = retro || w == "ранее" || w == "раніше" || i+1 < len(toks) && (hasStem(toks[i+1].Low, []string{"год", "рок", "месяц", "місяц"}))
		}
		// "за неделю", "з початку року": a tally over a period, not one occurrence
		if (w == "за" || w == "с" || w == "з") && i+1 < len(toks) && hasStem(toks[i+1].Low, []string{"недел", "тижд", "месяц", "місяц", "год", "рік", "начала", "початку", "минувшую неделю"}) {
			period = true
		}
		if hasStem(w, []string{"призва", "призыва", "заклика", "закликав", "закликал"}) {
			modal = true // "призвал жителей не публиковать фото работы ПВО": an appeal, no occurrence
		}
		if hasStem(w, []string{"опроверг", "спростув", "спростову"}) {
			denied = true // "опровергли захват села"
		}
		if isYear(w) && !taken[i] && cr.dates.hasPub && atoi(w) < cr.dates.pub.Year && !(i > 0 && (toks[i-1].Low == "с" || toks[i-1].Low == "з" || toks[i-1].Low == "від")) {
			retro = true // "в 2023 году": history recounted
		}
	}
	f.Figures = cr.figures(toks, taken, terr)
	inFig := make([]bool, len(toks))
	for _, g := range f.Figures {
		for k := g.I; k < g.J && k < len(toks); k++ {
			inFig[k] = true
		}
	}
	for _, wm := range cyrFindWeapons(toks) {
		if !inFig[wm.I] {
			f.Weapons = append(f.Weapons, wm)
		}
	}
	has := func(fields ...string) bool {
		for _, g := range f.Figures {
			for _, x := range fields {
				if g.Field == x {
					return true
				}
			}
		}
		return false
	}
	if terr {
		f.Villages = cyrVillages(cr.text, toks, places)
	}
	switch {
	case terr && (has(fSettlements, fArea) || len(f.Villages) > 0) && !has(fWeapon, fKilled, fInjured):
		f.Type = model.TerritorialChange
	case alert:
		f.Type = model.AirAlert
	case attack || cr.war && has(fWeapon, fKilled, fInjured, fChildrenKilled, fChildrenInjured, fExplosions):
		f.Type = model.Attack
	}
	f.HasTrig = attack || terr || alert
	f.Gain = gain
	f.Side = attackerFrom(f.weaponUserCues(cr.sideCues(toks)))
	for _, t := range toks {
		f.AirDef = f.AirDef || hasStem(t.Low, cyrAirDef)
	}
	f.Summary = len(f.strong()) >= 2 && has(fWeapon) && !has(fKilled, fInjured, fChildrenKilled, fChildrenInjured)
	for _, g := range f.Figures {
		if g.Field == fWeapon && g.Role != roleIntercepted {
			f.Summary = false
		}
	}
	f.Factual = !period || f.Type == model.TerritorialChange
	if len(f.Figures) == 0 && len(f.Villages) == 0 && (modal && f.Type != model.AirAlert || neg || retro) {
		f.Factual = false
	}
	if f.Type == model.Attack && (retro || cr.stale(f.Dates)) || denied {
		f.Factual = false
	}
	return f
}

// stale reports whether the clause's first date lies more than a month
// before publication: history, not news.
func (cr *cyrReader) stale(dates []dateMatch) bool {
	if len(dates) == 0 || !cr.dates.hasPub || dates[0].Precision != model.Day || strings.HasPrefix(dates[0].End, "-") {
		return false
	}
	return dates[0].End < cr.dates.pub.add(-31).String()
}

// cyrNegated reports whether the trigger at toks[i] is denied: "не было
// атак", "без обстрелов".
func cyrNegated(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-2; b-- {
		if w := toks[b].Low; w == "без" || w == "не" || w == "ни" || w == "ні" {
			return true
		}
	}
	return false
}

// cyrAlertEvent reports whether an alert word is an alert over a place:
// "воздушная тревога", "повітряна тривога", "тривогу оголошено".
func cyrAlertEvent(toks []token, i int) bool {
	for _, t := range toks {
		if hasStem(t.Low, []string{"сигнал", "закли", "призыв", "призва", "игнор", "ігнор"}) {
			return false // "не игнорировать сигналы тревоги": advice, not an alert
		}
	}
	if strings.HasPrefix(toks[i].Low, "сирен") {
		return true
	}
	for p := max(0, i-2); p < len(toks) && p <= i+3; p++ {
		w := toks[p].Low
		if strings.HasPrefix(w, "воздушн") || strings.HasPrefix(w, "повітрян") || strings.HasPrefix(w, "объявл") ||
			strings.HasPrefix(w, "оголош") || strings.HasPrefix(w, "ракетн") || strings.HasPrefix(w, "звучит") || strings.HasPrefix(w, "лунає") {
			return true
		}
	}
	return false
}

// sideCues reads who attacks whom from the wording of one Cyrillic clause.
func (cr *cyrReader) sideCues(toks []token) []sideCue {
	var out []sideCue
	for i, t := range toks {
		if t.S >= cr.claim.S && t.E <= cr.claim.E && cr.claim.E > cr.claim.S {
			continue // "Министерство обороны России сообщило": the speaker
		}
		var s model.Side
		w := t.Low
		// "группировка войск «Центр»": Russia's groups of forces
		if t.Low == "«" && i > 0 && (strings.HasPrefix(toks[i-1].Low, "группировк") || i > 1 && strings.HasPrefix(toks[i-2].Low, "группировк")) {
			out = append(out, sideCue{Side: model.SideRU, Attacker: true, At: i})
			continue
		}
		// "Сили оборони", "Силы обороны Украины": Ukraine's forces
		if (w == "сили" || w == "силы" || w == "сил") && i+1 < len(toks) && (strings.HasPrefix(toks[i+1].Low, "оборон")) {
			out = append(out, sideCue{Side: model.SideUA, Attacker: true, At: i})
			continue
		}
		switch {
		case w == "враг" || w == "ворог" || w == "противник" || strings.HasPrefix(w, "вражеск") || strings.HasPrefix(w, "ворож") ||
			w == "врага" || w == "ворога" || w == "противника" || w == "противником" || w == "ворогом" || w == "врагом":
			s = other(cr.voice) // the enemy of whoever speaks
			if s == "" && (strings.HasPrefix(w, "ворог") || strings.HasPrefix(w, "ворож")) {
				s = model.SideRU // Ukrainian copy's word for Russia's forces
			}
		case hasStem(w, cyrUA):
			s = model.SideUA
		case hasStem(w, cyrRU) && w != "рф" || w == "рф":
			s = model.SideRU
		}
		if s == "" {
			continue
		}
		// "ПВО России", "ППО України": the defender
		if i > 0 && hasStem(toks[i-1].Low, cyrAirDef) {
			out = append(out, sideCue{Side: other(s), Attacker: true, At: i})
			continue
		}
		// "по позициям ВСУ", "объектов энергетики Украины": the attacked
		// side; "с территории Украины": where the attack came from
		target, origin, chain := false, false, 0
		for b := i - 1; b >= 0 && b >= i-3; b-- {
			if cyrTargetPreps[toks[b].Low] {
				target = true
				break
			}
			if w := toks[b].Low; w == "с" || w == "со" || w == "з" || w == "із" || w == "из" {
				origin = true
				break
			}
			if !hasStem(toks[b].Low, cyrTargetNouns) {
				break
			}
			chain++
		}
		target = !origin && (target || chain > 0)
		actor := origin || strings.HasPrefix(w, "оккупант") || strings.HasPrefix(w, "окупант") || strings.HasPrefix(w, "рашист") ||
			w == "всу" || w == "зсу" || strings.HasPrefix(w, "ворог") || strings.HasPrefix(w, "враг") ||
			strings.HasPrefix(w, "противник") || strings.HasPrefix(w, "вражеск") || strings.HasPrefix(w, "ворож") || strings.HasPrefix(w, "боевик")
		for p := i + 1; p < len(toks) && p <= i+3 && !actor; p++ {
			if hasStem(toks[p].Low, cyrActorNs) {
				actor = true
			}
			if toks[p].Kind != tokWord {
				break
			}
		}
		if i > 0 && hasStem(toks[i-1].Low, []string{"войск", "військ", "сил", "армия", "армии", "армії", "армія", "вс"}) {
			actor = true // "армия России", "Вооруженные силы Украины"
		}
		switch {
		case target && !(i > 0 && hasStem(toks[i-1].Low, cyrActorNs)):
			out = append(out, sideCue{Side: s, At: i})
		case actor:
			out = append(out, sideCue{Side: s, Attacker: true, At: i})
		}
	}
	return out
}

// cyrVillages reads the settlements a territorial clause names: "населенный
// пункт Петровка", "села Андріївка та Зелене", or the towns the geocoder
// found in it.
func cyrVillages(text string, toks []token, places []placeRef) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		p := -1
		switch {
		case cyrVillageWords[toks[i].Low] && !(i+1 < len(toks) && cyrVillageWords[toks[i+1].Low]):
			p = i + 1
		case hasSeq(toks, i, "н", ".", "п", "."):
			p = i + 4
		}
		if p < 0 {
			continue
		}
		for p < len(toks) && toks[p].Upper && toks[p].Kind == tokWord {
			e := p + 1
			for e < len(toks) && e < p+3 && toks[e].Upper && toks[e].Kind == tokWord {
				e++
			}
			out = appendNew(out, text[toks[p].S:toks[e-1].E])
			p = e
			if p+1 < len(toks) && (toks[p].Low == "," || toks[p].Low == "и" || toks[p].Low == "і" || toks[p].Low == "та" || toks[p].Low == "й") && toks[p+1].Upper {
				p++
				continue
			}
			break
		}
	}
	// "звільнили Кіндратівку", "освободили Дачное": the name after the verb
	for i := 0; i+1 < len(toks) && len(out) == 0; i++ {
		if hasStem(toks[i].Low, cyrTerritory) && toks[i+1].Upper && toks[i+1].Kind == tokWord && sideOf(toks[i+1].Low) == "" {
			out = appendNew(out, text[toks[i+1].S:toks[i+1].E])
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, pl := range places {
		if !pl.Weak && pl.Loc.Feature != "admin1" && pl.Loc.Feature != "admin2" && pl.Loc.Feature != "country" {
			out = appendNew(out, text[pl.S:pl.E])
		}
	}
	return out
}

// sideOf reads a side word: "ЗСУ", "российские", "окупанти".
func sideOf(w string) model.Side {
	switch {
	case hasStem(w, cyrUA):
		return model.SideUA
	case hasStem(w, cyrRU):
		return model.SideRU
	}
	return ""
}
