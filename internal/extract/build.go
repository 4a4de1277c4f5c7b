package extract

import (
	"fmt"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// build turns frames into reports. A frame becomes a report only when it
// is located (a place more precise than a country, or a country plus
// figures); without a geocoder every frame with figures or a trigger is kept.
//
// voice is the side the whole text speaks for, when its wording shows it;
// it stands in for a claimant the report's sentences do not name.
//
// fallback places (from the title or publisher) locate frames of a text
// that names no place itself.
func (x *Extractor) build(doc *model.Document, sents []sentence, frames []*frame, voice model.Side, fallback []placeRef) []model.Report {
	text := doc.Text
	ri := model.NewRuneIndex(text)
	res := newResolver(doc.Published)
	var out []model.Report
	for _, whole := range frames {
		places := locating(whole)
		if len(places) == 0 {
			places = fallback
		}
		if x.find != nil && len(places) == 0 {
			continue
		}
		for gi, group := range targetGroups(text, whole, places) {
			fr := whole
			if gi > 0 {
				fr = withoutFigures(whole)
			}
			out = append(out, x.buildOne(doc, sents, fr, group, ri, &res, voice, len(out)))
		}
	}
	return out
}

// buildOne turns one frame located at places into the n-th report of doc.
func (x *Extractor) buildOne(doc *model.Document, sents []sentence, fr *frame, places []placeRef, ri *model.RuneIndex,
	res *resolver, voice model.Side, n int) model.Report {
	text := doc.Text
	rb := reportBuilder{text: text, ri: ri}
	rep := rb.report(fr, places)
	rep.Doc = doc.ID
	rep.ID = reportID(doc.ID, n)
	rep.Extractor = Version
	anchor := anchorOf(fr)
	s := sents[anchor.Sent]
	rep.Source = model.Source{Doc: doc.ID, Sentence: text[s.S:s.E], Start: ri.Char(s.S), End: ri.Char(s.E)}
	for _, f := range append([]*finding{anchor}, fr.Findings...) {
		if rep.Source.AttributedTo == "" && f.Claimant != "" {
			rep.Source.AttributedTo = f.Claimant
		}
	}
	if anchor.Hedge != "" {
		rep.Source.Hedged, rep.Source.HedgeText = true, anchor.Hedge
	}
	country := majorityCountry(places)
	rep.Source.ClaimantSide = claimantSide(rep.Source.AttributedTo, country)
	if rep.Source.ClaimantSide == "" && ministry(rep.Source.AttributedTo) {
		rep.Source.ClaimantSide = datelineSide(text) // "MOSCOW, Jan 5 – … the Defence Ministry reported"
	}
	if rep.Source.ClaimantSide == "" {
		rep.Source.ClaimantSide = voice
	}
	switch {
	case fr.Date != nil:
		rep.Date = fr.Date.DateRange
		rep.Facts = append(rep.Facts, rb.fact("date", rep.Date.Start+".."+rep.Date.End, fr.Date.Text, fr.Date.I, fr.Date.J, fr.dateToks()))
	case res.hasPub:
		rep.Date = model.DateRange{Start: res.pub.String(), End: res.pub.String(), Precision: model.Day, Basis: "published"}
	}
	rep.Attacker = attacker(fr, country, rep.Source.ClaimantSide)
	if rep.Attacker != nil {
		rep.Facts = append(rep.Facts, model.Fact{Field: "attacker", Value: string(rep.Attacker.Side)})
	}
	return rep
}

// targetKm is how far apart two targets named in one clause must be to be
// separate occurrences: "struck arms plants in Kyiv and the port in
// Odesa" tells of two strikes, "hit Kharkiv and its suburb Merefa" of one.
const targetKm = 100

// targetGroups splits an attack's places into the separate targets it
// names, each told in its own phrase ("plants in Kyiv and the port in
// Odesa"): settlements more than targetKm apart in different regions, each
// with the regions that contain it. A plain list of places ("hit Lviv,
// Ivano-Frankivsk and Rivne") is one wave and stays one report, as do a
// frame whose casualty figures cannot be shared out, an air-defence tally
// over several regions or any account of weapons shot down, and a frame
// naming one target. The first group is
// the first target the text names; a nationwide tally stays with it, as
// with a document's main target.
func targetGroups(text string, fr *frame, places []placeRef) [][]placeRef {
	whole := [][]placeRef{places}
	if fr.Type != model.Attack || fr.Summary || fr.AirDef || len(places) < 2 || frameCasualties(fr) || frameIntercepts(fr) {
		return whole
	}
	var groups [][]placeRef
	var regions []placeRef
	var prev *placeRef // the settlement before, in the text
	prevGroup := -1
	for i := range places {
		p := places[i]
		if !p.Loc.Resolved || p.Loc.Feature == "admin1" || p.Loc.Feature == "country" || p.Weak {
			regions = append(regions, p)
			continue
		}
		join := -1
		if prev != nil && listed(text, prev, &p) {
			join = prevGroup
		}
		for gi := 0; gi < len(groups) && join < 0; gi++ {
			for _, q := range groups[gi] {
				if q.Loc.Admin1 == p.Loc.Admin1 || q.Loc.DistanceKm(&p.Loc) <= targetKm {
					join = gi
				}
			}
		}
		if join < 0 {
			groups = append(groups, nil)
			join = len(groups) - 1
		}
		groups[join] = append(groups[join], p)
		prev, prevGroup = &places[i], join
	}
	if len(groups) < 2 {
		return whole
	}
	for _, g := range groups {
		if c := g[0].Loc.Country; c != "UA" && c != "RU" || !targetPhrase(text, g[0]) {
			return whole // "hit Kyiv while Zelensky was in Washington": a scene, not a second target
		}
	}
	// A region goes with the target in it; one that holds none ("Kyiv and
	// the Odesa region") names a target of its own.
	for _, r := range regions {
		placed := false
		for gi, g := range groups {
			if r.Loc.Admin1 != "" && g[0].Loc.Admin1 == r.Loc.Admin1 || r.Weak && r.Loc.Country == g[0].Loc.Country {
				groups[gi] = append(groups[gi], r)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []placeRef{r})
		}
	}
	return groups
}

// targetPhrase reports whether a place is told as a target: the object of
// "in", "on", "at", "over" or "of" ("plants in Kyiv", "the port of
// Izmail"), with no "while", "from", "after", "talks" or the like in the
// words before it that would make it a scene of something else.
func targetPhrase(text string, p placeRef) bool {
	if p.S >= p.E || p.S > len(text) {
		return false
	}
	ws := strings.Fields(strings.ToLower(lastWords(text[:p.S], 8)))
	if len(ws) == 0 {
		return false
	}
	switch strings.Trim(ws[len(ws)-1], ",") {
	case "in", "on", "at", "over", "of", "targeting", "struck", "hit", "attacked":
	default:
		return false
	}
	for _, w := range ws {
		switch strings.Trim(w, ",.") {
		case "while", "from", "after", "before", "talks", "visit", "visited", "returned", "when", "since", "meeting",
			"summit", "president", "minister", "travelled", "traveled", "flew", "born", "based":
			return false
		}
	}
	return true
}

// listed reports whether b follows a in the text as the next item of a
// plain list: only a comma, "and", "or", "as well as" or a closing
// parenthesis between them.
func listed(text string, a, b *placeRef) bool {
	if a.S >= a.E || b.S >= b.E || b.S < a.E {
		return false // placed by the title or publisher, or out of order
	}
	between := strings.Fields(strings.NewReplacer(",", " , ", "(", " ( ", ")", " ) ").Replace(text[a.E:b.S]))
	for _, w := range between {
		switch strings.ToLower(w) {
		case ",", "and", "or", "as", "well", "&", "(", ")": // "Sheremetyevo (Moscow) and Pulkovo"
		default:
			return false
		}
	}
	return true
}

// frameIntercepts reports whether fr tells of weapons shot down: where
// they fell is not a list of targets.
func frameIntercepts(fr *frame) bool {
	for _, f := range fr.Findings {
		if interceptIn(f.Toks) {
			return true
		}
	}
	return false
}

// frameCasualties reports whether any finding of fr counts people.
func frameCasualties(fr *frame) bool {
	for _, f := range fr.Findings {
		if hasCasualties(f) {
			return true
		}
	}
	return false
}

// withoutFigures is fr for a second target: the same type, date, attacker
// and weapon kinds, but none of the counts, which the text gives for the
// strike as a whole and which stay with the first target.
func withoutFigures(fr *frame) *frame {
	c := *fr
	c.Findings = make([]*finding, len(fr.Findings))
	for i, f := range fr.Findings {
		g := *f
		g.Figures, g.Villages = nil, nil
		c.Findings[i] = &g
	}
	c.Figures, c.Tally = false, false
	return &c
}

// locating returns the places that locate a frame: its non-country places,
// or its countries when it has figures and nothing more precise.
func locating(fr *frame) []placeRef {
	var strong, weak []placeRef
	for _, p := range fr.Places {
		if p.Weak {
			weak = append(weak, p)
		} else {
			strong = append(strong, p)
		}
	}
	if len(strong) > 0 {
		return strong
	}
	if fr.Figures {
		return weak
	}
	return nil
}

// anchorOf is the finding a report cites: the first that names a place
// more precise than a country, else the first.
func anchorOf(fr *frame) *finding {
	for _, f := range fr.Findings {
		if len(f.strong()) > 0 {
			return f
		}
	}
	return fr.Findings[0]
}

func majorityCountry(places []placeRef) string {
	n := map[string]int{}
	best := ""
	for _, p := range places {
		c := p.Loc.Country
		n[c]++
		if c != "" && (best == "" || n[c] > n[best]) {
			best = c
		}
	}
	return best
}

// attacker decides the attacking side: the wording when it names one,
// otherwise the opposite of the attacked place's country. Territory
// "liberated" or "retaken" goes to the side that says so (Russia's
// defence ministry "liberates" Ukrainian villages), else to the owner of
// the place. An air alert's attacker is the side opposite the regions
// under alert.
func attacker(fr *frame, country string, claimant model.Side) *model.Actor {
	if fr.Type == model.AirAlert {
		// An alert over one side's regions warns of the other side's attack.
		if s := other(model.Side(country)); s != "" {
			return &model.Actor{Side: s}
		}
		return nil
	}
	if fr.Side != "" {
		return &model.Actor{Side: fr.Side}
	}
	// Air defences belong to the side that reports them.
	if fr.AirDef && claimant != "" && fr.Type == model.Attack {
		return &model.Actor{Side: other(claimant)}
	}
	s := other(model.Side(country))
	for _, f := range fr.Findings {
		if f.Gain && fr.Type == model.TerritorialChange {
			s = model.Side(country)
			if claimant != "" {
				s = claimant
			}
		}
	}
	if s == "" {
		return nil
	}
	return &model.Actor{Side: s}
}

func (fr *frame) dateToks() []token {
	for _, f := range fr.Findings {
		if f.Sent == fr.DateSent && len(f.Dates) > 0 && f.Dates[0].I == fr.Date.I {
			return f.Toks
		}
	}
	return nil
}

// reportBuilder fills one report's figures.
type reportBuilder struct {
	text  string
	ri    *model.RuneIndex
	rep   model.Report
	owner map[*model.Quantity]int  // finding each stored count came from
	vague map[*model.Quantity]bool // counts read from "dozens", "hundreds"
}

func (rb *reportBuilder) fact(field, value, _ string, i, j int, toks []token) model.Fact {
	if toks == nil || i >= len(toks) || j > len(toks) || j <= i {
		return model.Fact{Field: field, Value: value}
	}
	s, e := toks[i].S, toks[j-1].E
	return model.Fact{Field: field, Value: value, Text: rb.text[s:e], Start: rb.ri.Char(s), End: rb.ri.Char(e)}
}

// report assembles the figures, weapons and places of a frame.
func (rb *reportBuilder) report(fr *frame, places []placeRef) model.Report {
	rep := &rb.rep
	rep.Type = fr.Type
	rep.Locations = make([]model.Location, 0, len(places))
	for i, p := range places {
		rep.Locations = append(rep.Locations, p.Loc)
		f := model.Fact{Field: fmt.Sprintf("locations[%d]", i), Value: p.Loc.Name, Text: p.Loc.MatchedText, Start: p.Loc.Start, End: p.Loc.End}
		if f.Start == f.End {
			f.Text = "" // located by the title or publisher, not by the text
		}
		rep.Facts = append(rep.Facts, f)
	}
	for k, f := range fr.Findings {
		for _, g := range f.Figures {
			rb.addFigure(g, f.Toks, k)
		}
		rep.Settlements = appendNew(rep.Settlements, f.Villages...)
	}
	for _, f := range fr.Findings {
		for _, w := range f.Weapons {
			if w.Kind == "air_defense" || w.Kind == "launcher" {
				continue
			}
			rb.weapon(w.weaponEntry)
		}
	}
	rb.unlisted(fr)
	// "captured the village of X" counts one settlement.
	if fr.Type == model.TerritorialChange && rep.Quantities.Settlements == nil && len(rep.Settlements) > 0 {
		rep.Quantities.Settlements = &model.Quantity{Value: float64(len(rep.Settlements)), Qualifier: model.Exact,
			Text: strings.Join(rep.Settlements, ", ")}
	}
	rep.Weapons = pruneBare(disjoint(rep.Weapons))
	// "Two missiles hit the plant" also tells how many were launched, as
	// far as the text knows.
	launched := map[string]bool{}
	for _, w := range rep.Weapons {
		if w.Launched != nil {
			launched[family(w.Kind)] = true
		}
	}
	for i := range rep.Weapons {
		w := &rep.Weapons[i]
		if w.Hit != nil && w.Launched == nil && w.Intercepted == nil && !launched[family(w.Kind)] {
			l := *w.Hit
			w.Launched = &l
		}
	}
	return *rep
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		dup := false
		for _, x := range list {
			dup = dup || x == it
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}

// weapon returns the report's weapon entry for w, adding it if needed.
func (rb *reportBuilder) weapon(w weaponEntry) (*model.Weapon, int) {
	for i := range rb.rep.Weapons {
		if rb.rep.Weapons[i].Kind == w.Kind && rb.rep.Weapons[i].Model == w.Model {
			return &rb.rep.Weapons[i], i
		}
	}
	rb.rep.Weapons = append(rb.rep.Weapons, model.Weapon{Kind: w.Kind, Model: w.Model})
	return &rb.rep.Weapons[len(rb.rep.Weapons)-1], len(rb.rep.Weapons) - 1
}

// addFigure stores one figure of finding k. Counts of the same field in
// one clause add up ("23 over Kursk and 6 over Belgorod"); across clauses
// the larger is kept (tolls rise as a story is updated, and a later
// sentence often repeats a figure).
func (rb *reportBuilder) addFigure(g figure, toks []token, k int) {
	q := g.quantity(rb.text, toks, rb.ri)
	var slot **model.Quantity
	var field string
	c, qs := &rb.rep.Casualties, &rb.rep.Quantities
	switch g.Field {
	case fWeapon:
		if g.Sub || g.Weapon.Kind == "air_defense" {
			return
		}
		w, i := rb.weapon(g.Weapon)
		switch g.Role {
		case roleIntercepted:
			slot = &w.Intercepted
		case roleHit:
			slot = &w.Hit
		default:
			slot = &w.Launched
		}
		field = fmt.Sprintf("weapons[%d].%s", i, g.Role)
	case fKilled:
		slot, field = &c.Killed, "casualties.killed"
	case fInjured:
		slot, field = &c.Injured, "casualties.injured"
	case fChildrenKilled:
		slot, field = &c.ChildrenKilled, "casualties.children_killed"
	case fChildrenInjured:
		slot, field = &c.ChildrenInjured, "casualties.children_injured"
	case fSettlements:
		slot, field = &qs.Settlements, "quantities.settlements"
	case fArea:
		slot, field = &qs.AreaKm2, "quantities.area_km2"
	case fTroops:
		slot, field = &qs.Troops, "quantities.troops"
	case fExplosions:
		slot, field = &qs.Explosions, "quantities.explosions"
	default:
		return
	}
	if rb.owner == nil {
		rb.owner, rb.vague = map[*model.Quantity]int{}, map[*model.Quantity]bool{}
	}
	switch {
	case *slot != nil && rb.owner[*slot] == k:
		sum := **slot
		sum.Value += q.Value
		if sum.Qualifier != q.Qualifier {
			sum.Qualifier = model.AtLeast
		}
		sum.Text += " + " + q.Text
		*slot = &sum
		rb.owner[*slot] = k
	case *slot == nil || !g.N.Vague && rb.vague[*slot] || q.Value > (*slot).Value && g.N.Vague == rb.vague[*slot]:
		// A count replaces a vague "hundreds"; a vague word never
		// replaces a count.
		*slot = q
		rb.owner[q] = k
		rb.vague[q] = g.N.Vague
	}
	s, e := toks[g.I].S, toks[g.J-1].E
	rb.rep.Facts = append(rb.rep.Facts, model.Fact{Field: field, Value: q.String(), Text: rb.text[s:e],
		Start: rb.ri.Char(s), End: rb.ri.Char(e)})
}

// disjoint keeps a report from counting one weapon twice. A generic total
// ("15 missiles", "178 drones") told beside its breakdown by type ("of
// them, 12 Kh-101 and 3 Iskander-M") keeps only what the breakdown leaves
// unnamed, so the entries of one family add up to the total: the breakdown
// replaces a total it matches, and a partial breakdown leaves the rest to
// the generic entry.
func disjoint(ws []model.Weapon) []model.Weapon {
	roles := []func(w *model.Weapon) **model.Quantity{
		func(w *model.Weapon) **model.Quantity { return &w.Launched },
		func(w *model.Weapon) **model.Quantity { return &w.Intercepted },
		func(w *model.Weapon) **model.Quantity { return &w.Hit },
	}
	emptied := false
	for g := range ws {
		gen := &ws[g]
		if gen.Model != "" || gen.Kind != family(gen.Kind) {
			continue // only "missile" and "drone" without a model are generic
		}
		for _, slot := range roles {
			total := *slot(gen)
			if total == nil {
				continue
			}
			named := 0.0
			for i := range ws {
				if i != g && family(ws[i].Kind) == gen.Kind {
					if q := *slot(&ws[i]); q != nil {
						named += q.Value
					}
				}
			}
			switch {
			case named == 0:
			case named >= total.Value:
				*slot(gen) = nil
				emptied = true
			default:
				rest := *total
				rest.Value -= named
				*slot(gen) = &rest
			}
		}
	}
	if !emptied {
		return ws
	}
	out := ws[:0]
	for _, w := range ws {
		if w.Launched != nil || w.Intercepted != nil || w.Hit != nil || w.Model != "" || w.Kind != family(w.Kind) {
			out = append(out, w)
		}
	}
	return out
}

// pruneBare drops a weapon entry that carries neither a count nor a model
// when a more specific entry of its family tells the same weapon: "a
// ballistic missile … the missile" is one ballistic_missile, not also a
// bare missile; "90 drones … the drones" one drone entry.
func pruneBare(ws []model.Weapon) []model.Weapon {
	bare := func(w model.Weapon) bool {
		return w.Launched == nil && w.Intercepted == nil && w.Hit == nil && w.Model == ""
	}
	// "112 drones … of the Shahed type": one model named beside a counted
	// generic entry of its kind names that entry's model.
	for i := range ws {
		g := &ws[i]
		if g.Model != "" || bare(*g) || g.Kind != family(g.Kind) {
			continue
		}
		only := -1
		for j, o := range ws {
			if j != i && o.Kind == g.Kind && o.Model != "" {
				if only >= 0 || o.Launched != nil || o.Intercepted != nil || o.Hit != nil {
					only = -2
					break
				}
				only = j
			}
		}
		if only >= 0 {
			g.Model = ws[only].Model
			ws = append(ws[:only], ws[only+1:]...)
			break
		}
	}
	out := ws[:0]
	for i, w := range ws {
		if bare(w) {
			covered := false
			for j, o := range ws {
				if j != i && family(o.Kind) == family(w.Kind) && (!bare(o) || o.Kind != w.Kind && w.Kind == family(w.Kind)) {
					covered = true
				}
			}
			if covered {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}
