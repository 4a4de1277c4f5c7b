package extract

import (
	"sort"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// frame is one occurrence being assembled from the findings that describe it.
type frame struct {
	Type     model.EventType
	Findings []*finding
	Places   []placeRef
	Date     *dateMatch
	DateSent int
	Side     model.Side // from the wording
	First    int        // sentence index of the first finding
	Last     int        // sentence index of the latest finding
	Figures  bool
	Summary  bool // located by an air-defence tally over several regions
	AirDef   bool // some finding names air defences
	Tally    bool // some finding counts weapons
}

// strong reports whether the frame has a non-country place.
func (fr *frame) strong() bool {
	for _, p := range fr.Places {
		if !p.Weak {
			return true
		}
	}
	return false
}

// grouper assigns findings to frames: one frame per occurrence.
type grouper struct {
	frames []*frame
	last   *frame // the frame the latest finding joined
	sent   int    // the sentence of that finding
	// claimants are the claimants named so far, so that "the ministry"
	// later in the text is the ministry named before.
	claimants []string
}

// add places f in an existing frame or starts a new one. The rules:
//   - a finding that names a place joins the latest frame of its type that
//     shares a place (same name or same admin1 region) and does not
//     conflict on date or attacker; failing that, the latest placeless
//     frame of its type from the last few sentences; else it starts one;
//   - a finding that names no place joins the latest compatible frame of
//     its type; it starts a frame only when it carries figures, so bare
//     anaphora ("the attack") never becomes a report of its own.
func (g *grouper) add(f *finding) {
	if f.Claimant != "" {
		f.Claimant = claimantRef(f.Claimant, g.claimants)
		g.claimants = append(g.claimants, f.Claimant)
	}
	if !f.Factual || f.Type == "" {
		return
	}
	strong := len(f.strong()) > 0
	// A clause without figures continues the clause before it in the same
	// sentence: "Hits were recorded in Lviv; debris fell in Ternopil",
	// "drones hit Odesa, Izmail and Reni" name one occurrence.
	// It must not name another attacker or another country.
	if fr := g.last; fr != nil && f.Sent == g.sent && len(f.Figures) == 0 && fr.Type == f.Type && compatible(fr, f) &&
		(f.Side == "" || f.Side == fr.Side) && sameCountry(fr, f) {
		g.join(fr, f)
		return
	}
	if f.Anaphor {
		if k := g.latest(f.Type); k >= 0 && compatible(g.frames[k], f) {
			g.join(g.frames[k], f)
			return
		}
	}
	// Weapon counts that name no place belong with the tally they
	// continue, even when a side remark ("Odesa region was also targeted")
	// came in between.
	order := g.recent()
	// A nationwide tally ("Russia launched 64 drones across the country")
	// belongs to the first attack the document reports: its main target.
	if !strong && f.hasWeaponFigures() && f.Type == model.Attack && nationwide(f) {
		for k, fr := range g.frames {
			if fr.Type == f.Type && compatible(fr, f) && fr.strong() {
				g.join(g.frames[k], f)
				return
			}
		}
	}
	if !strong && f.hasWeaponFigures() {
		for _, k := range order {
			if fr := g.frames[k]; fr.Type == f.Type && fr.Tally && compatible(fr, f) && f.Sent-fr.Last <= 6 {
				g.join(fr, f)
				return
			}
		}
	}
	for _, k := range order {
		fr := g.frames[k]
		if fr.Type != f.Type || !compatible(fr, f) {
			continue
		}
		if fr.Type == model.TerritorialChange && claimantConflict(fr, f) {
			continue // a ministry's capture and analysts' estimate are two reports
		}
		if f.Summary && fr.strong() && !fr.Summary {
			continue // a regional tally is its own report, not a detail of one strike
		}
		switch {
		case strong && sharesPlace(fr, f) && casualtyConflict(fr, f):
			nf := &frame{Type: f.Type, First: f.Sent, DateSent: fr.DateSent, Date: fr.Date, Side: fr.Side}
			g.frames = append(g.frames, nf)
			g.join(nf, f)
			return
		case strong && sharesPlace(fr, f):
			g.join(fr, f)
			return
		case strong && !fr.strong() && f.Sent-fr.Last <= 4 && k == g.latest(f.Type) && !(hasCasualties(f) && fr.casualties()):
			// A located count after a national total ("In Kharkiv Oblast,
			// two were killed") is a report of its own, not the total's place.
			g.join(fr, f)
			return
		case !strong && k == g.latest(f.Type) && (fr.strong() || f.Sent-fr.Last <= 4):
			g.join(fr, f)
			return
		}
	}
	// A bare mention ("the attack") starts nothing, unless it is the first
	// thing the text reports: a short post ("Explosions in the capital!")
	// may be located by its title or publisher later.
	if !strong && len(f.Figures) == 0 && len(f.Places) == 0 && (len(g.frames) > 0 || !f.HasTrig) {
		return
	}
	if !strong && len(f.Figures) == 0 && !f.HasTrig {
		return
	}
	fr := &frame{Type: f.Type, First: f.Sent, DateSent: -1}
	g.frames = append(g.frames, fr)
	g.join(fr, f)
}

// latest returns the index of the frame of type t mentioned most
// recently, or -1.
func (g *grouper) latest(t model.EventType) int {
	for _, k := range g.recent() {
		if g.frames[k].Type == t {
			return k
		}
	}
	return -1
}

// recent returns frame indexes, the most recently mentioned first (the
// newer frame first when two were last mentioned in the same sentence).
func (g *grouper) recent() []int {
	out := make([]int, len(g.frames))
	for i := range out {
		out[i] = len(g.frames) - 1 - i
	}
	sort.SliceStable(out, func(a, b int) bool { return g.frames[out[a]].Last > g.frames[out[b]].Last })
	return out
}

func (g *grouper) join(fr *frame, f *finding) {
	g.last, g.sent = fr, f.Sent
	if !fr.strong() && len(f.strong()) > 0 {
		fr.Summary = f.Summary
	}
	fr.AirDef = fr.AirDef || f.AirDef
	fr.Tally = fr.Tally || f.hasWeaponFigures()
	fr.Findings = append(fr.Findings, f)
	fr.Last = f.Sent
	for _, p := range f.Places {
		dup := false
		for _, q := range fr.Places {
			if identical(p, q) { // a district stays beside its city
				dup = true
				break
			}
		}
		if !dup {
			fr.Places = append(fr.Places, p)
		}
	}
	if len(f.Dates) > 0 && (fr.Date == nil || fr.Date.Precision == model.Month && f.Dates[0].Precision == model.Day) {
		d := f.Dates[0]
		fr.Date, fr.DateSent = &d, f.Sent
	}
	if fr.Side == "" {
		fr.Side = f.Side
	}
	if len(f.Figures) > 0 {
		fr.Figures = true
	}
}

// compatible reports whether f may describe the same occurrence as fr:
// no conflicting day and no conflicting attacker.
func compatible(fr *frame, f *finding) bool {
	if fr.Date != nil && len(f.Dates) > 0 && !overlaps(fr.Date.DateRange, f.Dates[0].DateRange) {
		return false
	}
	if fr.Side != "" && f.Side != "" && fr.Side != f.Side {
		return false
	}
	return true
}

// overlaps reports whether two day ranges share or touch a day.
func overlaps(a, b model.DateRange) bool {
	full := len(a.Start) == 10 && len(b.Start) == 10 && a.Start[0] != '-' && b.Start[0] != '-'
	ka, kb := key(a.Start, full), key(b.Start, full)
	ea, eb := key(a.End, full), key(b.End, full)
	return ka <= eb && kb <= ea
}

// key makes "2025-06-07" and "--06-07" comparable by month and day when
// either year is unknown.
func key(d string, full bool) string {
	if !full && len(d) >= 5 {
		return d[len(d)-5:]
	}
	return d
}

func sharesPlace(fr *frame, f *finding) bool {
	for _, p := range f.Places {
		if p.Weak {
			continue
		}
		for _, q := range fr.Places {
			if !q.Weak && (samePlace(p, q) || p.Loc.Admin1 != "" && p.Loc.Admin1 == q.Loc.Admin1 && (p.Loc.Feature == "admin1" || q.Loc.Feature == "admin1")) {
				return true
			}
		}
	}
	return false
}

func samePlace(p, q placeRef) bool {
	return identical(p, q) || inCity(p.Loc, q.Loc) || inCity(q.Loc, p.Loc) // "the Darnytskyi district" is in Kyiv
}

// identical reports whether two mentions name the very same place.
func identical(p, q placeRef) bool {
	if p.Loc.GeonamesID != 0 && p.Loc.GeonamesID == q.Loc.GeonamesID {
		return true
	}
	return p.Loc.Name == q.Loc.Name && p.Loc.Country == q.Loc.Country
}

// districtKm is how far a city district's centre may lie from its city's
// point (Kryvyi Rih stretches some 25 km).
const districtKm = 30

// inCity reports whether d is a district of the city c.
func inCity(d, c model.Location) bool {
	return d.Feature == "district" && c.Feature != "district" && c.Feature != "admin1" && c.Feature != "country" &&
		d.Admin1 == c.Admin1 && d.Country == c.Country && d.DistanceKm(&c) <= districtKm
}

// casualties reports whether any finding of fr counts casualties.
func (fr *frame) casualties() bool {
	for _, f := range fr.Findings {
		if hasCasualties(f) {
			return true
		}
	}
	return false
}

// casualtyConflict reports whether f gives casualties for other places
// than the casualties fr already holds: "In Kyiv, 28 were killed … In
// Odesa, one person was killed" are two reports of one night.
func casualtyConflict(fr *frame, f *finding) bool {
	if !hasCasualties(f) {
		return false
	}
	for _, g := range fr.Findings {
		if !hasCasualties(g) || len(g.strong()) == 0 {
			continue
		}
		shared := false
		for _, p := range g.strong() {
			for _, q := range f.strong() {
				shared = shared || samePlace(p, q)
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

func hasCasualties(f *finding) bool {
	for _, g := range f.Figures {
		switch g.Field {
		case fKilled, fInjured, fChildrenKilled, fChildrenInjured:
			return true
		}
	}
	return false
}

// sameCountry reports whether every precise place of f lies in a country
// where fr already has a precise place (true when either names none).
func sameCountry(fr *frame, f *finding) bool {
	have := map[string]bool{}
	for _, p := range fr.Places {
		if !p.Weak {
			have[p.Loc.Country] = true
		}
	}
	if len(have) == 0 {
		return true
	}
	for _, p := range f.strong() {
		if !have[p.Loc.Country] {
			return false
		}
	}
	return true
}

// claimantConflict reports whether f and fr are told by different named
// claimants: "the ministry claimed the village" and "analysts estimate an
// advance of 9 km²" are separate reports of territory.
func claimantConflict(fr *frame, f *finding) bool {
	if f.Claimant == "" {
		return false
	}
	for _, g := range fr.Findings {
		if g.Claimant != "" && g.Claimant != f.Claimant {
			return true
		}
	}
	return false
}
