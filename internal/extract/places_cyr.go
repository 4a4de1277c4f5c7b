package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// cyrClausePlaces keeps the place mentions of one Cyrillic clause that
// locate what it reports, with the judgement keepPlace applies to English:
// a wire dateline ("МОСКВА, 19 октября.") is never the scene, the
// claimant's seat or jurisdiction ("губернатор Брянской области сообщил")
// locates a clause only when nothing else does, side adjectives
// ("украинских" is also a town) and launch areas ("с направления Курска")
// are dropped, and countries are weak.
func cyrClausePlaces(text string, s sentence, mentions, all []placeMention, ct, sentToks []token, who span) []placeRef {
	var places []placeRef
	other := false
	for _, m := range mentions {
		if m.S < ct[0].S || m.E > ct[len(ct)-1].E {
			continue
		}
		ref, ok := cyrKeepPlace(text, s, m, mentions, all, sentToks)
		if !ok {
			continue
		}
		if who.E > who.S && m.S >= who.S && m.E <= who.E {
			// "губернатор Брянской области", "начальник Харківської ОВА": the
			// speaker's area; "Ярослав Шанько" is a name, not Yaroslavl.
			next := strings.ToLower(firstWord(strings.TrimLeft(text[m.E:], " ")))
			if ref.Loc.Feature != "admin1" && ref.Loc.Feature != "admin2" && !hasStem(next, []string{"област", "облас", "ова", "ода", "мва", "район", "городск", "міськ", "военн", "військов", "край", "республик"}) &&
				!cyrTitlePlace(text, s, m) {
				continue
			}
			ref.Dateline = true
		}
		other = other || !ref.Dateline && !ref.Weak
		places = append(places, ref)
	}
	out := places[:0]
	for _, p := range places {
		if p.Dateline && other {
			continue
		}
		p.Dateline = false
		out = append(out, p)
	}
	return out
}

// cyrTitles are officials' titles that take their town in the genitive:
// "мэр Белгорода", "міський голова Харкова", "глава Крыма".
var cyrTitles = set("мэр", "мэра", "мэру", "мер", "мера", "голова", "голови", "глава", "главы", "губернатор", "губернатора",
	"градоначальник", "градоначальника", "начальник", "начальника", "очільник", "очільника", "руководитель", "керівник")

// cyrTitlePlace reports whether m is the town in an official's title,
// "Мэр Белгорода Валентин Демидов": a title word before it, and the town
// in the genitive (a vowel ending) or followed by a first name and a
// surname, where "глава администрации Ярослав Шанько" is a name alone.
func cyrTitlePlace(text string, s sentence, m placeMention) bool {
	before := strings.Fields(strings.ToLower(text[s.S:m.S]))
	if len(before) == 0 || !cyrTitles[before[len(before)-1]] {
		return false
	}
	name := []rune(strings.ToLower(text[m.S:m.E]))
	if strings.ContainsRune("аяоеуюиіыї", name[len(name)-1]) {
		return true
	}
	after := strings.Fields(text[m.E:s.E])
	return len(after) >= 2 && unicode.IsUpper(firstRune(after[0])) && unicode.IsUpper(firstRune(after[1]))
}

var (
	cyrSideAdjectives = []string{"украинск", "українськ", "российск", "російськ", "русск", "киевск", "київськ", "московск", "московськ"}
	cyrGovernNouns    = []string{"режим", "власт", "влад", "правительств", "уряд", "руководств", "керівництв"}
	cyrCapitalVerbs   = []string{"заяв", "счита", "вважа", "обвин", "звинува", "отверг", "опроверг", "відкида", "спросту", "ответ", "відпов",
		"настаива", "наполяга", "призва", "закли", "сообщ", "повідом", "отрица", "заперечу", "угрожа", "погрожу", "требу", "вимага"}
	cyrOriginFiller = set(",", "и", "і", "та", "й", "–", "—", "-", ":", "(", ")", "рф", "россии", "росії", "области", "області", "обл", ".",
		"тот", "аот", "ток", "район", "района", "районы", "районів", "районов", "направления", "напрямку", "напрямків", "направлений",
		"временно", "тимчасово", "оккупированной", "окупованої", "территории", "території", "аннексированного", "анексованого")
)

// cyrNotPlaces are words the gazetteer knows as villages that Cyrillic
// copy uses as common words: directions heading a post ("Юг."), groups of
// forces, "all".
var cyrNotPlaces = set("юг", "север", "восток", "запад", "центр", "південь", "північ", "схід", "захід", "усі", "все", "всі", "мир",
	"кроме", "также", "однако", "после", "перед", "ранее", "всего", "итого", "вместе", "около", "более", "потом", "сейчас",
	"здесь", "там", "крім", "також", "після", "загалом", "раніше", "водночас", "зокрема", "тепер", "нині", "поки", "пока",
	"об", "обо", "про", "при", "под", "під", "над", "для", "без", "между", "між", "через", "против", "проти", "около", "біля")

// cyrKeepPlace decides whether a mention names where something happened.
// mentions are the sentence's, all the document's.
func cyrKeepPlace(text string, s sentence, m placeMention, mentions, all []placeMention, toks []token) (placeRef, bool) {
	ref := placeRef{placeMention: m, Weak: m.Loc.Feature == "country"}
	matched := text[m.S:m.E]
	low := strings.ToLower(matched)
	before := strings.TrimSpace(text[s.S:m.S])
	after := strings.TrimLeft(text[m.E:s.E], " ")
	if cyrNotPlaces[low] || utf8.RuneCountInString(matched) <= 2 {
		return ref, false // "Об атаке сообщило…" is not Ob
	}
	// Place names are capitalised; a lower-case match is a common word
	// ("украинских", a town's name too) or a side adjective.
	if !unicode.IsUpper(firstRune(matched)) {
		return ref, false
	}
	// "Усі потерпілі" is not Wuxi: a short word matching a city abroad is
	// a common word at the start of a sentence.
	if foreign := m.Loc.Country != "UA" && m.Loc.Country != "RU" && m.Loc.Country != "BY" && m.Loc.Country != "MD"; foreign &&
		m.Loc.Feature != "country" && utf8.RuneCountInString(matched) <= 4 {
		return ref, false
	}
	// "группировка «Восток»", "Атака триває": a group's or a common word
	if hasStem(low, cyrAttack) || strings.HasPrefix(after, "»") && hasStem(strings.ToLower(lastWords(before, 1)), []string{"«"}) {
		return ref, false
	}
	// "МОСКВА, 19 октября.", "КИЕВ —": an agency's dateline
	if before == "" && s.ParaStart {
		if allCaps(matched) && (strings.HasPrefix(after, ",") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, ".")) {
			return ref, false
		}
		if strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, ":") {
			ref.Dateline = true // "Харків:": kept when nothing else locates the post
			return ref, true
		}
	}
	if hasStem(low, cyrSideAdjectives) && !hasStem(low, []string{"киевская област", "київська облас", "московская област", "московськ облас"}) {
		// "украинских беспилотников", "Киевского режима": a side, not a place
		if !(strings.HasPrefix(low, "киевск") || strings.HasPrefix(low, "київськ") || strings.HasPrefix(low, "московск")) ||
			hasStem(strings.ToLower(firstWord(after)), cyrGovernNouns) {
			return ref, false
		}
	}
	next := strings.ToLower(firstWord(after))
	// "в Киевском районе" of Kharkiv, "Шевченківський район": a city's
	// district named after a place, not the place
	if strings.HasPrefix(next, "район") && m.Loc.Feature != "admin2" && hasSuffixAny(low, "ском", "ский", "ського", "ському", "ський", "ськ", "ского", "скому") {
		// "Рыльском районе" is the raion around Rylsk, unless the name is a
		// region's or the text is set in another region.
		far := m.Loc.Feature == "admin1"
		for _, o := range all {
			far = far || o.S != m.S && o.Loc.Admin1 != "" && o.Loc.Admin1 != m.Loc.Admin1 && o.Loc.Feature != "country"
		}
		if far {
			return ref, false
		}
	}
	if hasStem(next, cyrGovernNouns) {
		return ref, false // "киевские власти"
	}
	bw := strings.Fields(strings.ToLower(lastWords(before, 2)))
	if capitals[latinCapital(m.Loc.Name)] && hasStem(next, cyrCapitalVerbs) {
		return ref, false // "Москва заявила", "в Киеве заявили"
	}
	// "в 20 км от Харькова", "к северу от Курска"
	if n := len(bw); n >= 2 && (bw[n-1] == "от" || bw[n-1] == "від") &&
		(bw[n-2] == "км" || hasStem(bw[n-2], []string{"север", "юг", "восток", "запад", "північ", "півден", "схід", "захід", "сход", "заход"})) {
		return ref, false
	}
	// "граница с Россией", "кордон з Росією"
	if n := len(bw); n >= 2 && (bw[n-1] == "с" || bw[n-1] == "з" || bw[n-1] == "із") && hasStem(bw[n-2], []string{"границ", "кордон"}) {
		return ref, false
	}
	if cyrOriginPlace(text, m, mentions, toks) {
		return ref, false
	}
	return ref, true
}

// latinCapital maps a gazetteer name to the capitals set's spelling.
func latinCapital(name string) string { return strings.ToLower(name) }

// allCaps reports whether s has letters and all of them are capitals.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 1
}

// cyrOriginPlace reports whether m lies in a list of places weapons were
// launched from: "с направления Курска и Брянска", "з напрямків: Курськ,
// Орел, Міллерово – РФ", "ракеты, запущенные из Белгородской области".
func cyrOriginPlace(text string, m placeMention, mentions []placeMention, toks []token) bool {
	mk := -1
	for k, t := range toks {
		if t.S >= m.S {
			mk = k
			break
		}
	}
	if mk <= 0 {
		return false
	}
	for b := mk - 1; b >= 0 && b >= mk-14; b-- {
		n, ok := hasSeqAny(toks, b, cyrOrigin)
		if !ok || b+n > mk {
			continue
		}
		if n == 1 && !cyrLaunchBefore(toks, b) {
			return false // a bare "из"/"з" opens a launch area only after a weapon or a launch verb
		}
		// between the marker and m: only other places and list filler
		for p := b + n; p < mk; p++ {
			t := toks[p]
			inPlace := false
			for _, o := range mentions {
				if t.S >= o.S && t.E <= o.E {
					inPlace = true
				}
			}
			if !inPlace && !cyrOriginFiller[t.Low] {
				return false
			}
		}
		return true
	}
	return false
}

// cyrLaunchBefore reports whether a weapon or a launch verb stands within
// four words before toks[b].
func cyrLaunchBefore(toks []token, b int) bool {
	for p := b - 1; p >= 0 && p >= b-4; p-- {
		if hasStem(toks[p].Low, cyrOriginLaunch) {
			return true
		}
	}
	return false
}

// cyrClaimant finds whose statement a sentence is: "по данным X",
// "сообщили в X", "X сообщил", "— сообщил X", "X:" opening a post. It
// returns the name and its byte span, or "" when the sentence names no one.
func cyrClaimant(text string, toks []token) (string, span) {
	for i := range toks {
		if n, ok := hasSeqAny(toks, i, cyrAccording); ok {
			a := i + n
			if a < len(toks) && (toks[a].Low == "в" || toks[a].Low == "у" || toks[a].Low == "на") {
				a++
			}
			if a < len(toks) && hasStem(toks[a].Low, cyrAnaphorClaimant) {
				return "", span{}
			}
			if b := cyrNameEnd(toks, a); b > a {
				return cyrPhrase(text, toks, a, b)
			}
		}
	}
	for v, t := range toks {
		if !hasStem(t.Low, cyrReportVerbs) {
			continue
		}
		// verb first: "сообщили в Министерстве обороны России", "— сообщил глава ОВА"
		a := v + 1
		for a < len(toks) && cyrChannelWords[toks[a].Low] {
			a++ // "заявил в Telegram губернатор", "написав у своєму телеграм-каналі"
		}
		if b := cyrNameEnd(toks, a); b > a {
			return cyrPhrase(text, toks, a, b)
		}
		// name first: "Губернатор Брянской области сообщил"
		b := v
		for b > 0 && (toks[b-1].Low == "также" || toks[b-1].Low == "також" || toks[b-1].Low == "об" || toks[b-1].Low == "этом" || toks[b-1].Low == "це" || toks[b-1].Low == "про") {
			b--
		}
		a = b
		for a > 0 && a > b-8 && cyrNameWord(toks[a-1]) {
			a--
		}
		if a < b {
			return cyrPhrase(text, toks, a, b)
		}
	}
	// "… на Сумщині — Генштаб.": the source named after a closing dash
	for d := len(toks) - 2; d > 0 && d >= len(toks)-8; d-- {
		if toks[d].Low != "—" && toks[d].Low != "–" {
			continue
		}
		end := len(toks)
		if toks[end-1].Kind == tokPunct {
			end--
		}
		if b := cyrNameEnd(toks, d+1); b == end && b > d+1 {
			for _, t := range toks[d+1 : b] {
				if hasStem(t.Low, cyrClaimantWords) {
					return cyrPhrase(text, toks, d+1, b)
				}
			}
		}
		break
	}
	// "Генштаб ЗСУ:", "Повітряні сили:" opening a post
	for c := 1; c < len(toks) && c <= 6; c++ {
		if toks[c].Low == ":" {
			ok := false
			for p := 0; p < c; p++ {
				if !cyrNameWord(toks[p]) {
					ok = false
					break
				}
				ok = ok || hasStem(toks[p].Low, cyrClaimantWords)
			}
			if ok {
				return cyrPhrase(text, toks, 0, c)
			}
			break
		}
	}
	return "", span{}
}

// cyrChannelWords stand between a reporting verb and the speaker: where
// the statement was posted.
var cyrChannelWords = set("в", "у", "во", "на", "своем", "своём", "своєму", "telegram", "телеграм", "телеграме", "телеграмі",
	"telegram-канале", "телеграм-канале", "телеграм-каналі", "telegram-каналі", "канале", "каналі", "соцсетях", "соцмережах",
	"facebook", "фейсбуке", "фейсбуці", "эфире", "ефірі", "сообщении", "повідомленні", "заявлении", "заяві")

// cyrNameWord reports whether a token may be part of a claimant's name.
func cyrNameWord(t token) bool {
	return t.Kind == tokWord && (t.Upper || hasStem(t.Low, cyrClaimantWords)) && !cyrMonthOrDay(t.Low)
}

func cyrMonthOrDay(w string) bool {
	_, m := cyrMonths[w]
	_, d := cyrWeekdays[w]
	return m || d
}

// cyrNameEnd returns the end of a claimant's name starting at toks[a].
func cyrNameEnd(toks []token, a int) int {
	b := a
	for b < len(toks) && b < a+8 && (cyrNameWord(toks[b]) || b > a && (toks[b].Low == "-" || toks[b].Low == "«" || toks[b].Low == "»")) {
		b++
	}
	for b > a && (toks[b-1].Low == "-" || toks[b-1].Low == "«") {
		b--
	}
	return b
}

func cyrPhrase(text string, toks []token, a, b int) (string, span) {
	return strings.TrimRight(text[toks[a].S:toks[b-1].E], ",.;:"), span{toks[a].S, toks[b-1].E}
}

// cyrClaimantSide reads which side a Cyrillic claimant speaks for; local
// officials speak for the country of the place in question.
func cyrClaimantSide(who, placeCountry string) model.Side {
	w := strings.ReplaceAll(strings.ToLower(who), "ё", "е")
	words := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	has := func(stems ...string) bool {
		for _, x := range words {
			if hasStem(x, stems) {
				return true
			}
		}
		return false
	}
	switch {
	case has("росси", "росії", "рф", "кремл", "песков", "захаров", "шойгу", "белоусов", "конашенков", "мчс", "тасс", "риа", "минобороны"):
		if has("украин", "україн", "всу", "зсу") {
			return model.SideUA
		}
		return model.SideRU
	case has("украин", "україн", "всу", "зсу", "повітрян", "генштаб", "дснс", "гсчс", "нацполіц", "нацполиц", "зеленськ", "зеленск",
		"сирськ", "сырск", "ігнат", "игнат", "ова", "ода", "мва", "міноборони", "сил"):
		return model.SideUA
	case has("аксенов", "аксьонов", "сальдо", "балицк", "балицьк", "пушилин", "пушилін", "пасечник", "пасічник", "развожаев", "развожаєв"):
		return model.SideRU // heads Russia installed in occupied regions
	case has("губернатор", "глава", "главы", "начальник", "мэр", "мер", "голова", "администрац", "адміністрац", "власт", "влад", "полици", "поліці"):
		return model.Side(placeCountry)
	}
	return ""
}

// cyrHedge returns the hedging words of a sentence, if any.
func cyrHedge(text string, toks []token) string {
	for i := range toks {
		if n, ok := hasSeqAny(toks, i, cyrHedges); ok {
			return strings.ToLower(text[toks[i].S:toks[i+n-1].E])
		}
	}
	return ""
}

// cyrCaveat reports whether a sentence says a claim could not be checked:
// "Проверить эту информацию не удалось", "Незалежно перевірити це не вдалося".
func cyrCaveat(toks []token) bool {
	neg, check := false, false
	for i, t := range toks {
		if (t.Low == "не" || t.Low == "невозможно" || t.Low == "неможливо") && i+1 < len(toks) &&
			hasStem(toks[i+1].Low, []string{"удал", "вдал", "подтвержд", "підтвердж", "провер", "перевір"}) {
			neg = true
		}
		check = check || hasStem(t.Low, []string{"провер", "перевір", "подтверд", "підтверд", "верифиц", "верифік"})
	}
	return neg && check
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
