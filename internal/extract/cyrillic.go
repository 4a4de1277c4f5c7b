package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Russian and Ukrainian documents run through their own clause reader
// (clause_cyr.go) with Cyrillic lexicons, and then through the same
// grouper and report builder as English ones, so a report reads the same
// whatever the language of its source. Sentences, tokens, quantities,
// the date resolver, the geocoder and the frame logic are shared.

// isCyrillic reports whether doc should be read with the Russian and
// Ukrainian rules: its language says so, or most of its letters are
// Cyrillic.
func isCyrillic(doc *model.Document) bool {
	switch strings.ToLower(doc.Language) {
	case "ru", "uk", "rus", "ukr":
		return true
	case "":
	default:
		return false
	}
	cyr, lat := 0, 0
	for _, r := range doc.Text {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			lat++
		}
	}
	return cyr > 0 && cyr > 2*lat
}

// cyrillicReports is Reports for a Russian or Ukrainian text.
func (x *Extractor) cyrillicReports(ctx context.Context, doc *model.Document) ([]model.Report, error) {
	text := doc.Text
	sents := cyrSentences(text)
	var mentions []placeMention
	if x.find != nil {
		mentions = x.cyrRepublics(text, x.find(text))
	}
	res := newResolver(doc.Published)
	sentToks := make([][]token, len(sents))
	war := false
	for i, s := range sents {
		sentToks[i] = cyrTokens(text, s.S, s.E)
		war = war || cyrWar(sentToks[i])
	}
	voice := cyrVoice(text)
	sig := cyrSignature(text, sentToks)
	paraSig := cyrParaSignatures(text, sents, sentToks)
	cr := &cyrReader{text: text, dates: res, war: war, voice: voice}
	var g grouper
	var header *dateMatch
	var heading []placeRef // "Одеса." or "Белгородская область." heading a post
	seenPlace := false
	lastWho := ""
	for si, s := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("extract: reports: %w", err)
			}
		}
		toks := sentToks[si]
		if si == 0 && len(sents) > 2 && cyrHeadline(text, s, sents[1]) && !cyrOnlyPlaces(toks, mentions) {
			continue // a title ("Масована атака: що відомо на ранок 2 березня") restates the story
		}
		var sentPlaces []placeMention
		for _, m := range mentions {
			if m.S >= s.S && m.E <= s.E {
				sentPlaces = append(sentPlaces, m)
			}
		}
		who, whoSpan := cyrClaimant(text, toks)
		switch {
		case who == "" && cyrAnaphoricClaim(toks):
			who = lastWho // "по данным ведомства": the ministry named before
		case who == "" && paraSig[si] != "":
			who = paraSig[si] // "… поранено двох людей. — Федоров" closing the paragraph
		case who == "":
			who = sig // "— Повітряні сили ЗСУ" signing the post
		default:
			lastWho = who
		}
		hedged := cyrHedge(text, toks)
		if hedged == "" && si+1 < len(sents) && cyrCaveat(sentToks[si+1]) {
			hedged = "не удалось проверить"
		}
		cr.claim = whoSpan
		if si == 0 {
			for _, p := range headingPlaces(toks, sentPlaces) {
				if !cyrNotPlaces[strings.ToLower(text[p.S:p.E])] {
					heading = append(heading, p)
				}
			}
		}
		for _, ct := range cyrClauses(toks) {
			if len(ct) == 0 {
				continue
			}
			places := cyrClausePlaces(text, s, sentPlaces, mentions, ct, toks, whoSpan)
			f := cr.read(ct, places)
			f.Sent, f.Claimant, f.Hedge = si, who, hedged
			if f.Side == "" && interceptsOnly(&f) {
				// "сбиты 96 беспилотников": the speaker's air defence, so the
				// attacker is the other side of whoever speaks
				sp := cyrClaimantSide(who, "")
				if sp == "" {
					sp = cyrClaimantSide(lastWho, "")
				}
				if sp == "" {
					sp = voice
				}
				f.Side = other(sp)
			}
			if strings.HasSuffix(text[s.S:s.E], "?") && len(f.Figures) == 0 {
				f.Factual = false // "Звільнено Бахмут?": a question claims nothing
			}
			// A heading locates the lines under it until one names a place.
			if f.Type != "" && len(f.strong()) > 0 {
				seenPlace = true
			} else if !seenPlace && f.Type != "" {
				f.Places = append(f.Places, heading...)
			}
			if si <= 1 && f.Type == "" && header == nil && len(f.Dates) > 0 && len(toks) <= 12 {
				d := f.Dates[0]
				header = &d // "МОСКВА, 19 октября." opening a wire story
			}
			if f.Type != "" {
				for _, sub := range cyrPlaceShares(&f) {
					g.add(sub)
				}
				if len(f.Figures) > 0 || len(f.Places) > 0 {
					g.add(&f)
				}
			}
			// "пролунали вибухи, оголошено тривогу": the blasts are an attack
			// of their own beside the alert
			if f.Type == model.AirAlert && cyrAttackIn(ct) {
				a := f
				a.Type, a.HasTrig = model.Attack, true
				g.add(&a)
			}
		}
	}
	if header != nil {
		for _, fr := range g.frames {
			if fr.Date == nil {
				d := *header
				fr.Date, fr.DateSent = &d, -1
			}
		}
	}
	var fallback []placeRef
	if x.find != nil && !located(g.frames) {
		fallback = x.metaPlaces(doc)
	}
	// One frame at a time, so each report's claimant side is read with the
	// Cyrillic rules; the builder's own reading knows only English names.
	var out []model.Report
	for _, fr := range g.frames {
		places := locating(fr)
		if len(places) == 0 {
			places = fallback
		}
		who := ""
		for _, f := range append([]*finding{anchorOf(fr)}, fr.Findings...) {
			if who == "" && f.Claimant != "" {
				who = f.Claimant
			}
		}
		side := cyrClaimantSide(who, majorityCountry(places))
		if side == "" {
			side = voice
		}
		for _, rep := range x.build(doc, sents, []*frame{fr}, side, fallback) {
			rep.ID = reportID(doc.ID, len(out))
			rep.Source.ClaimantSide = side
			out = append(out, rep)
		}
	}
	return out, nil
}

// cyrRepublics reads "Донецкой Народной Республики" and "Луганской
// Народной Республики" (Russia's names for the occupied oblasts) as the
// oblasts, where the geocoder takes the adjective for the city.
func (x *Extractor) cyrRepublics(text string, ms []placeMention) []placeMention {
	var ri *model.RuneIndex
	for i := range ms {
		m := &ms[i]
		abbr := map[string]string{"Donetsk": "ДНР", "Luhansk": "ЛНР"}[m.Loc.Name]
		words := strings.Fields(text[m.E:min(len(text), m.E+80)])
		if abbr == "" || len(words) < 2 || !strings.HasPrefix(strings.ToLower(words[0]), "народн") ||
			!strings.HasPrefix(strings.ToLower(words[1]), "республик") {
			continue
		}
		found := x.find(abbr)
		if len(found) == 0 {
			continue
		}
		e := m.E + strings.Index(text[m.E:], words[1]) + len(strings.TrimRight(words[1], ".,;:"))
		if ri == nil {
			ri = model.NewRuneIndex(text)
		}
		loc := found[0].Loc
		loc.MatchedText, loc.Start, loc.End = text[m.S:e], ri.Char(m.S), ri.Char(e)
		m.Loc, m.E = loc, e
	}
	return ms
}

// cyrTokens tokenises a span and folds what Cyrillic spelling varies on:
// ё is е, and the Ukrainian apostrophe (ʼ, ’) is '.
func cyrTokens(text string, s, e int) []token {
	toks := tokenize(text, s, e)
	for i := range toks {
		l := toks[i].Low
		if strings.ContainsAny(l, "ёʼ’`") {
			l = strings.NewReplacer("ё", "е", "ʼ", "'", "’", "'", "`", "'").Replace(l)
			toks[i].Low = l
		}
	}
	return toks
}

// cyrAbbreviations end with a full stop that does not end a sentence.
var cyrAbbreviations = set("г", "гг", "обл", "р-н", "р-на", "пгт", "смт", "с", "п", "н", "ул", "вул", "т", "д", "им", "ім", "тыс", "тис",
	"млн", "км", "кв", "св", "просп", "пер", "м", "ст", "чел", "прим", "напр", "рис", "см", "див")

// cyrSentences splits text into sentences like splitSentences, and joins
// back the pieces cut after a Cyrillic abbreviation ("в г. Курске",
// "н. п. Петровка", "2 тыс. дронов").
func cyrSentences(text string) []sentence {
	in := splitSentences(text)
	var out []sentence
	for _, s := range in {
		if n := len(out); n > 0 && !s.ParaStart {
			prev := strings.TrimSuffix(text[out[n-1].S:out[n-1].E], ".")
			w := prev[strings.LastIndexFunc(prev, func(r rune) bool { return unicode.IsSpace(r) || r == '.' || r == '(' })+1:]
			if cyrAbbreviations[strings.ToLower(w)] {
				out[n-1].E = s.E
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// cyrClauseBreaks separate independent reports inside one sentence.
var cyrClauseBreaks = [][]string{{";"}, {",", "а", "также"}, {",", "тогда", "как"}, {",", "в", "то", "время", "как"},
	{",", "тоді", "як"}, {",", "водночас"}, {",", "однако"}, {",", "проте"}, {",", "але"}, {",", "но"}}

// cyrClauses splits a sentence's tokens into clauses.
func cyrClauses(toks []token) [][]token { return splitAt(toks, cyrClauseBreaks) }

// cyrWar reports whether a sentence speaks of weapons or strikes, so that
// a bare toll ("погибли двое") in the document reads as war casualties.
func cyrWar(toks []token) bool {
	if len(cyrFindWeapons(toks)) > 0 {
		return true
	}
	for _, t := range toks {
		if hasStem(t.Low, cyrAttack) && !hasStem(t.Low, cyrAttackNot) {
			return true
		}
	}
	return false
}

// cyrPlaceShares splits a clause that gives each of several places its own
// toll ("загинула жінка у Гуляйполі, ще троє людей поранені в Оріхові")
// into one finding per place with the casualty counts nearest to it; the
// clause keeps its other figures and places.
func cyrPlaceShares(f *finding) []*finding {
	strong := f.strong()
	if f.Type != model.Attack || len(strong) < 2 {
		return nil
	}
	byPlace := map[int][]figure{}
	for _, g := range f.Figures {
		switch g.Field {
		case fKilled, fInjured, fChildrenKilled, fChildrenInjured:
		default:
			continue
		}
		// the place in the same comma-separated part, else the nearest
		best, bestD := -1, 1<<30
		for k, p := range strong {
			d := p.S - f.Toks[g.I].S
			if d < 0 {
				d = f.Toks[g.J-1].E - p.E
				if d < 0 {
					d = -d
				}
			}
			if segmentAt(f.Toks, p.S) != segmentAt(f.Toks, f.Toks[g.I].S) {
				d += len(f.Toks) * 1000
			}
			if d < bestD {
				best, bestD = k, d
			}
		}
		byPlace[best] = append(byPlace[best], g)
	}
	if len(byPlace) < 2 {
		return nil
	}
	var out []*finding
	taken := map[int]bool{}
	for k := range strong {
		figs, ok := byPlace[k]
		if !ok {
			continue
		}
		sub := *f
		sub.Figures = figs
		sub.Places = []placeRef{strong[k]}
		sub.Weapons, sub.Villages = nil, nil
		out = append(out, &sub)
		taken[k] = true
	}
	var rest []figure
	for _, g := range f.Figures {
		switch g.Field {
		case fKilled, fInjured, fChildrenKilled, fChildrenInjured:
		default:
			rest = append(rest, g)
		}
	}
	var places []placeRef
	for _, p := range f.Places {
		keep := true
		for k, q := range strong {
			keep = keep && !(taken[k] && q.S == p.S)
		}
		if keep {
			places = append(places, p)
		}
	}
	f.Figures, f.Places = rest, places
	return out
}

// cyrHeadline reports whether the first line is a title: a line of its
// own without final punctuation, with the story below it. Cyrillic titles
// are written in sentence case, so isHeadline's capitals test does not apply.
func cyrHeadline(text string, s, next sentence) bool {
	line := strings.TrimSpace(text[s.S:s.E])
	last, _ := utf8.DecodeLastRuneInString(line)
	return next.ParaStart && !strings.ContainsRune(".!?:»\"", last) && strings.Count(line, " ") >= 2
}

// cyrOnlyPlaces reports whether a sentence is only place names and
// punctuation: a post's heading ("Одеса", "Харківщина"), kept to locate it.
func cyrOnlyPlaces(toks []token, mentions []placeMention) bool {
	return len(headingPlaces(toks, mentions)) > 0
}

// cyrAnaphoricClaim reports whether a sentence attributes its claim to a
// source named before: "по данным ведомства", "за його словами".
func cyrAnaphoricClaim(toks []token) bool {
	for i := range toks {
		if n, ok := hasSeqAny(toks, i, cyrAccording); ok {
			a := i + n
			if a < len(toks) && (toks[a].Low == "в" || toks[a].Low == "у") {
				a++
			}
			return a < len(toks) && (hasStem(toks[a].Low, cyrAnaphorClaimant) || toks[a].Low == "его" || toks[a].Low == "його" || toks[a].Low == "ее" || toks[a].Low == "її")
		}
	}
	return false
}

// interceptsOnly reports whether every figure of an attack finding counts
// weapons intercepted.
func interceptsOnly(f *finding) bool {
	if f.Type != model.Attack || len(f.Figures) == 0 {
		return false
	}
	for _, g := range f.Figures {
		if g.Field != fWeapon || g.Role != roleIntercepted {
			return false
		}
	}
	return true
}

// segmentAt counts the commas before byte offset b in toks.
func segmentAt(toks []token, b int) int {
	n := 0
	for _, t := range toks {
		if t.S >= b {
			break
		}
		if t.Low == "," {
			n++
		}
	}
	return n
}

// cyrSignature returns the name signing a post: a line that is only a dash
// and a claimant ("— Повітряні сили ЗСУ", "– Генштаб ЗСУ").
func cyrSignature(text string, sentToks [][]token) string {
	for _, toks := range sentToks {
		if len(toks) < 2 || toks[0].Low != "—" && toks[0].Low != "–" && toks[0].Low != "-" {
			continue
		}
		if b := cyrNameEnd(toks, 1); b == len(toks) || b == len(toks)-1 && toks[b].Kind == tokPunct {
			who, _ := cyrPhrase(text, toks, 1, b)
			for _, t := range toks[1:b] {
				if hasStem(t.Low, cyrClaimantWords) {
					return who
				}
			}
		}
	}
	return ""
}

// cyrParaSignatures returns, for each sentence, the name signing its
// paragraph: "… поранено двох людей. — Федоров" ending a paragraph, a dash
// after a full stop and a name of one to three capitalised words, speaks
// for the sentences of that paragraph, even with no title beside the name.
func cyrParaSignatures(text string, sents []sentence, sentToks [][]token) []string {
	out := make([]string, len(sents))
	for si, toks := range sentToks {
		if si+1 < len(sents) && !sents[si+1].ParaStart {
			continue
		}
		k := len(toks) - 1
		for k >= 0 && toks[k].Low != "—" && toks[k].Low != "–" {
			k--
		}
		if k < 0 || k+1 >= len(toks) || k > 0 && toks[k-1].Low != "." && toks[k-1].Low != "!" {
			continue
		}
		b := cyrNameEnd(toks, k+1)
		if b-k-1 > 3 || !(b == len(toks) || b == len(toks)-1 && toks[b].Kind == tokPunct) {
			continue
		}
		who, _ := cyrPhrase(text, toks, k+1, b)
		for j := si; j >= 0; j-- {
			out[j] = who
			if sents[j].ParaStart {
				break
			}
		}
	}
	return out
}

// cyrAttackIn reports whether a clause tells of a strike, not merely of
// its threat ("загроза ракетного удару").
func cyrAttackIn(toks []token) bool {
	hit := false
	for i, t := range toks {
		if hasStem(t.Low, []string{"загроз", "угроз", "опасност", "небезпек"}) {
			return false
		}
		hit = hit || hasStem(t.Low, cyrAttack) && !hasStem(t.Low, cyrAttackNot) && !cyrNegated(toks, i)
	}
	return hit
}

// cyrVoice returns the side a text's own wording speaks for.
func cyrVoice(text string) model.Side {
	low := strings.ReplaceAll(strings.ToLower(text), "ё", "е")
	ru, ua := 0, 0
	for _, m := range cyrRussianMarkers {
		ru += strings.Count(low, m)
	}
	for _, m := range cyrUkrainianMarkers {
		ua += strings.Count(low, m)
	}
	switch {
	case ru > ua:
		return model.SideRU
	case ua > ru:
		return model.SideUA
	}
	return ""
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
