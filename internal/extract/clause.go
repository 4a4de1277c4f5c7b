package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// finding is what one clause says: its occurrence type, figures, dates,
// places and attacker wording. Group merges findings into reports.
type finding struct {
	Type     model.EventType
	Sent     int // index of the sentence
	Toks     []token
	Figures  []figure
	Weapons  []weaponMention // named without a count
	Dates    []dateMatch     // day-precision dates, "since" dates excluded
	Places   []placeRef
	Side     model.Side // attacker from the wording; "" when it says nothing
	Gain     bool       // territory regained by its owner ("liberated")
	Claimant string
	Hedge    string
	Villages []string // "the village of X"
	Factual  bool
	HasTrig  bool
	Anaphor  bool // opens with "This barrage", "These strikes": continues the latest report
	Summary  bool // an air-defence tally over several regions: intercepts only
	AirDef   bool // names air defences without saying whose
	// battleSide is the side named on a ground assault ("Russian
	// assaults"), which attacks whoever repels it.
	battleSide model.Side
	// SelfActor: the speaker's own side acts ("its forces struck", "our
	// drones hit"); the claimant's side is the attacker.
	SelfActor bool
}

// strong returns the non-country places of f.
func (f *finding) strong() []placeRef {
	var out []placeRef
	for _, p := range f.Places {
		if !p.Weak {
			out = append(out, p)
		}
	}
	return out
}

// clauseReader reads findings from clauses.
type clauseReader struct {
	text       string
	weapons    *catalogue
	dates      resolver
	pubYear    int
	opinion    bool
	war        bool         // attack triggers may be read in their war sense (see warReading)
	lastWeapon *weaponEntry // the weapon last named, for "27 were destroyed" in the next sentence
	listRole   string       // role set by a line ending in ":" for the list items under it
}

// read builds the finding of one clause.
func (cr *clauseReader) read(toks []token, places []placeRef) finding {
	f := finding{Toks: toks, Places: places}
	pastMonth := false
	taken := make([]bool, len(toks))
	dl := datelineEnd(toks)
	for _, d := range cr.dates.findDates(toks) {
		for k := d.I; k < d.J; k++ {
			taken[k] = true
		}
		if !d.Retro && d.J > dl {
			d.Text = cr.text[toks[d.I].S:toks[d.J-1].E]
			f.Dates = append(f.Dates, d)
			// A whole month before the publication's is an older story.
			if d.Precision == model.Month && cr.dates.hasPub && d.End < cr.dates.pub.String()[:8]+"01" {
				pastMonth = true
			}
		}
	}
	var attack, terr, dep, alert, gain, modal, neg, retro, otherTime, oldYear, takeoff bool
	for i, t := range toks {
		w := t.Low
		infinitive := i > 0 && toks[i-1].Low == "to" && !(i > 1 && toks[i-2].Low == "claim")
		switch {
		case attackWords[w] && !infinitive && !negated(toks, i) && !repelled(toks, i):
			if w == "shot" && !hasSeq(toks, i+1, "down") {
				break
			}
			if ambiguousAttack[w] && (!cr.war || nonWarFrame(toks, i)) {
				break
			}
			attack = true
		case (w == "damaged" || w == "damaging") && i > 0 && cr.war && (debrisNouns[toks[i-1].Low] || cr.weaponAt(toks, i-1)):
			attack = true // "Russian drones damaged an energy facility"
		case w == "fire" && underFire(toks, i) && !negated(toks, i):
			attack = true // "came under fire", "was under artillery fire"
		case territorialWords[w] && hasSeq(toks, i+1, "off"):
			takeoff = true // "after a MiG-31K took off": an alert's cause, not a capture
		case w == "takeoff" || w == "take-off" || w == "takeoffs" || w == "take-offs":
			takeoff = true
		case territorialWords[w]:
			terr = true
			gain = gain || defenderGains[w]
		case w == "pushed" || w == "drove" || w == "driven" || w == "ousted":
			for p := i + 1; p < len(toks) && p <= i+4; p++ {
				if toks[p].Low == "out" || toks[p].Low == "from" {
					terr, gain = true, true
					// "pushed Russian troops out of Kamianske": the place regained
					q := p + 1
					if toks[p].Low == "out" && hasSeq(toks, q, "of") {
						q++
					}
					for q < len(toks) && (toks[q].Low == "the" || toks[q].Low == "village" || toks[q].Low == "town" || toks[q].Low == "of") {
						q++
					}
					if q < len(toks) && toks[q].Upper && toks[q].Kind == tokWord && sideWord(toks[q]) == "" {
						f.Villages = appendNew(f.Villages, properName(cr.text, toks, q))
					}
					break
				}
			}
		case deploymentWords[w]:
			dep = true
		case alertWords[w]:
			if (w == "alert" || w == "alerts" || w == "air-raid" || w == "sirens" || w == "siren" ||
				(w == "alarm" || w == "alarms") && i > 0 && toks[i-1].Low == "air") && alertEvent(toks, i) {
				alert = true
			}
		}
		if modalWords[w] && !purposeAt(toks, i) && !caveatModal(toks, i) || w == "may" && !t.Upper {
			modal = true
		}
		if negationWords[w] && !(i+2 < len(toks) && (toks[i+1].Low == "be" || toks[i+1].Low == "been" || toks[i+1].Low == "independently") && verifyWords[toks[i+2].Low]) {
			neg = true // "could not be verified" hedges, it does not deny
		}
		if isYear(w) && i > 0 && !taken[i] && cr.pubYear > 0 && atoi(w) < cr.pubYear && !afterSince(toks, i) {
			retro = true
			// "in 2022", "in the spring of 2023": the clause is set in that year
			oldYear = oldYear || toks[i-1].Low == "in" || toks[i-1].Low == "of"
		}
		if w == "that" && hasSeq(toks, i+1, "year") && i > 0 && (toks[i-1].Low == "of" || toks[i-1].Low == "in") {
			oldYear = true // "by the winter of that year": a year told before
		}
		if habitual[w] || w == "used" && hasSeq(toks, i+1, "to") && i > 0 && habitSubject(toks[i-1]) || w == "recent" && i+1 < len(toks) && (timeUnits[toks[i+1].Low] || periodUnits[toks[i+1].Low]) ||
			w == "every" && i+1 < len(toks) && (toks[i+1].Low == "night" || toks[i+1].Low == "day" || toks[i+1].Low == "week") {
			retro = true // habits and trends, not one occurrence
		}
		if (w == "after" || w == "following") && ordinalInPeriod(toks[:i]) && recountedStrike(toks, i) {
			retro, otherTime = true, true // "the second attack on the city in a week, after drones hit a substation on Monday"
		}
		if invasionStart(toks, i) && !hasSeq(toks, i-1, "since") && !(i > 1 && toks[i-2].Low == "since") {
			retro, oldYear = true, true // "in the first days of the invasion"
		}
		if (w == "previously" || w == "formerly") || (w == "last" && (hasSeq(toks, i+1, "year") || hasSeq(toks, i+1, "week") ||
			hasSeq(toks, i+1, "month") || hasSeq(toks, i+1, "summer") || hasSeq(toks, i+1, "winter"))) {
			retro = true
		}
		// "the attack a week earlier", "days ago": another occurrence;
		// "this week alone", "last month": a tally over a period.
		// "since January, Russia has launched 11,000 drones": a running total.
		if w == "since" && i+1 < len(toks) && (months[toks[i+1].Low] > 0 || hasSeq(toks, i+1, "the", "start") || hasSeq(toks, i+1, "then") ||
			isYear(toks[i+1].Low) ||
			hasSeq(toks, i+1, "the", "beginning")) && !superlativeBefore(toks, i) {
			otherTime = true
		}
		if (w == "earlier" || w == "ago" || w == "before" || w == "after" && i == 2) && i > 0 && timeUnits[toks[i-1].Low] ||
			(w == "this" || w == "last" || w == "past") && i+1 < len(toks) && periodUnits[toks[i+1].Low] && !superlativeBefore(toks, i) {
			otherTime = true
		}
	}
	fr := figureReader{toks: toks, weapons: cr.weapons, taken: taken, hasTerr: terr, hasDep: dep, carried: cr.lastWeapon,
		listRole: cr.listRole}
	f.Figures = fr.read()
	inFig := make([]bool, len(toks))
	for _, g := range f.Figures {
		for k := g.I; k < g.J && k < len(toks); k++ {
			inFig[k] = true
		}
	}
	for _, wm := range cr.weapons.find(toks) {
		if struckObject(toks, wm.I) {
			continue // "hit a Ukrainian HIMARS launcher": the target, not the weapon used
		}
		if !inFig[wm.I] {
			f.Weapons = append(f.Weapons, wm)
		}
		if wm.Kind != "air_defense" && wm.Kind != "launcher" {
			w := wm.weaponEntry
			cr.lastWeapon = &w
		}
	}
	for _, g := range f.Figures {
		if g.Field == fWeapon {
			w := g.Weapon
			cr.lastWeapon = &w
		}
	}
	// "used cluster munitions against Kherson", "fired rockets at Sumy": a
	// weapon named with a firing verb is an attack even without a count.
	if !attack && !neg && firedWeapon(toks, f.Weapons) {
		attack = true
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
	for i := range toks {
		if (toks[i].Low == "village" || toks[i].Low == "town" || toks[i].Low == "settlement") && hasSeq(toks, i+1, "of") && i+2 < len(toks) && toks[i+2].Upper &&
			!(i >= 3 && toks[i-1].Low == "the" && toks[i-2].Low == "of" && directions[toks[i-3].Low]) { // not "south of the town of Siversk"
			f.Villages = appendNew(f.Villages, properName(cr.text, toks, i+2))
		}
		if names := namedList(cr.text, toks, i); len(names) > 0 && terr {
			f.Villages = appendNew(f.Villages, names...)
		} else if name, end, ok := capturedName(cr.text, toks, i); ok {
			f.Villages = appendNew(f.Villages, name)
			f.Villages = appendNew(f.Villages, listAfter(cr.text, toks, end)...)
		}
	}
	switch {
	case terr && (has(fSettlements, fArea) || (len(f.Villages) > 0 || settlementNamed(toks)) && !attack):
		f.Type = model.TerritorialChange
	case dep && (has(fTroops) || namesTroops(toks)):
		f.Type = model.Deployment
	case alert:
		f.Type = model.AirAlert
	case attack || cr.war && !(takeoff && aircraftOnly(f)) && has(fWeapon, fKilled, fInjured, fChildrenKilled, fChildrenInjured, fExplosions):
		f.Type = model.Attack
	}
	if f.Type == model.Attack || f.Type == "" && attack {
		if side, ok := groundBattle(toks, f.Weapons, f.Figures); ok {
			f.Type = model.Battle
			attack = true
			if side != "" {
				f.battleSide = side
			}
		}
	} else if f.Type == "" && !neg {
		if side, ok := groundBattle(toks, f.Weapons, f.Figures); ok {
			f.Type, attack, f.battleSide = model.Battle, true, side
		}
	}
	f.HasTrig = attack || terr || dep || alert
	f.Anaphor = anaphoric(toks)
	for _, g := range f.Figures {
		if g.Field == fWeapon && (g.BackRef || g.OfThe) {
			f.Anaphor = true // "354 of the drones": the drones already told
		}
	}
	f.Gain = gain
	f.Side = attackerFrom(f.weaponUserCues(sideCues(toks, f.Type == model.TerritorialChange)))
	if f.Type == model.Battle && f.battleSide != "" {
		f.Side = f.battleSide // "repelled nine Russian infantry attacks": the assaulting side
	}
	f.AirDef = mentionsAirDefence(toks)
	for i := 0; i+1 < len(toks); i++ {
		if w := toks[i].Low; (w == "its" || w == "their" || w == "our") && actorNouns[toks[i+1].Low] {
			f.SelfActor = true
		}
	}
	f.Summary = len(f.strong()) >= 2 && has(fWeapon) && !has(fKilled, fInjured, fChildrenKilled, fChildrenInjured)
	for _, g := range f.Figures {
		if g.Field == fWeapon && g.Role != roleIntercepted {
			f.Summary = false
		}
	}
	// Territory and troops are reported as tallies over a period.
	f.Factual = !otherTime || f.Type == model.TerritorialChange || f.Type == model.Deployment
	if len(f.Figures) == 0 && len(f.Villages) == 0 && (modal && f.Type != model.AirAlert && f.Type != model.Deployment || neg || retro || pastMonth) {
		f.Factual = false
	}
	if cr.opinion && (len(f.Figures) == 0 || len(f.Dates) == 0) {
		f.Factual = false
	}
	// An attack set in an earlier year, or dated more than a month before
	// publication, is history recounted, whatever its figures.
	if f.Type == model.Attack && (oldYear || cr.stale(f.Dates)) {
		f.Factual = false
	}
	// "Two more bodies were recovered overnight": an update to a toll told
	// elsewhere, dated by the search rather than the strike.
	if !attack && len(f.strong()) == 0 && increments(toks, f.Figures) && searchCue(toks) {
		f.Factual = false
	}
	return f
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return n
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// anaphoric reports whether a clause opens by pointing back at an attack
// already told: "This barrage", "These latest strikes", "The strikes
// damaged…" (but not "The attack on Odesa", which names its own target).
func anaphoric(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	switch toks[0].Low {
	case "this", "these", "that", "the":
	default:
		return false
	}
	for p := 1; p < len(toks) && p <= 3; p++ {
		if attackWords[toks[p].Low] {
			if toks[0].Low != "the" {
				return true
			}
			next := ""
			if p+1 < len(toks) {
				next = toks[p+1].Low
			}
			return next != "on" && next != "in" && next != "against" && next != "at" && next != "near" && next != "of" && next != "by"
		}
	}
	return false
}

// repelled reports whether the attack word at toks[i] is a ground assault
// that was fought off ("pushed back assaults", "repelled attacks"): a
// battle, not a strike.
func repelled(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		switch toks[b].Low {
		case "repelled", "repulsed", "repel", "repelling", "fended", "beat", "back":
			return true
		}
	}
	return false
}

// negated reports whether the trigger at toks[i] is denied by "no" before
// it: "there had been no strikes", "no drone attacks".
func negated(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-2; b-- {
		if toks[b].Low == "no" {
			return true
		}
	}
	return false
}

// alertEvent reports whether the alert word at toks[i] is an occurrence
// (declared, issued, sounded, "alert in Odesa") rather than a habit ("live
// with the sirens").
func alertEvent(toks []token, i int) bool {
	if i+1 < len(toks) && (toks[i+1].Low == "in" || toks[i+1].Low == "for" || toks[i+1].Low == "across" || toks[i+1].Low == "over" || toks[i+1].Low == ":") {
		return true
	}
	for p := max(0, i-6); p < len(toks) && p <= i+6; p++ {
		if alertVerbs[toks[p].Low] {
			return true
		}
	}
	return false
}

var alertVerbs = set("declared", "issued", "sounded", "sounding", "announced", "wailed", "blared", "activated",
	"extended", "lifted", "raised", "went", "rang", "howled", "sound", "sounds", "effect", "kept", "lasted", "forced")

// mentionsAirDefence reports whether a clause names air defences.
func mentionsAirDefence(toks []token) bool {
	for i, t := range toks {
		if t.Low == "air" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Low, "defen") || strings.HasPrefix(t.Low, "air-defen") {
			return true
		}
	}
	return false
}

// hasWeaponFigures reports whether f counts weapons.
func (f *finding) hasWeaponFigures() bool {
	for _, g := range f.Figures {
		if g.Field == fWeapon {
			return true
		}
	}
	return false
}

var (
	habitual    = set("repeatedly", "regularly", "routinely", "daily", "nightly", "frequently", "often", "increasingly", "constantly", "intensified")
	timeUnits   = set("week", "weeks", "month", "months", "days", "year", "years", "day")
	periodUnits = set("week", "month", "year", "weeks", "months", "summer", "winter", "spring", "autumn", "fall")
)

// namesTroops reports whether a clause speaks of troops: "massing troops
// near Zaporizhzhia".
func namesTroops(toks []token) bool {
	for _, t := range toks {
		if t.Low == "troops" || t.Low == "forces" || t.Low == "soldiers" || t.Low == "servicemen" || t.Low == "reserves" {
			return true
		}
	}
	return false
}

// habitPronouns open a habit with "used to": "they used to shell the town".
var habitPronouns = set("they", "we", "it", "he", "she", "i", "you", "who", "which", "russia", "ukraine", "moscow",
	"kyiv", "russians", "ukrainians")

// habitSubject reports whether the word before "used to" makes it a habit
// ("they used to", "Russian forces used to"). After any other noun it is a
// purpose: "port infrastructure in Odesa used to receive weapons".
func habitSubject(t token) bool {
	return habitPronouns[t.Low] || actorNouns[t.Low]
}

// weaponAt reports whether a weapon name ends at toks[j]: "drones" in
// "Russian drones damaged", "Shahed" in "a Shahed damaged".
func (cr *clauseReader) weaponAt(toks []token, j int) bool {
	for p := max(0, j-2); p <= j; p++ {
		if _, m, ok := cr.weapons.match(toks, p); ok && p+m-1 == j {
			return true
		}
	}
	return false
}

// aircraftOnly reports whether the only weapons a clause counts or names
// are aircraft and it counts no casualties: "after a MiG-31K took off"
// explains an alert, "a drone that took off from Kursk killed two" does not.
func aircraftOnly(f finding) bool {
	for _, g := range f.Figures {
		if (g.Field != fWeapon || g.Weapon.Kind != "aircraft") && !carried(f.Toks, g.I) {
			return false
		}
	}
	for _, w := range f.Weapons {
		if w.Kind != "aircraft" && !carried(f.Toks, w.I) {
			return false
		}
	}
	return true
}

// carried reports whether the weapon at toks[i] is what an aircraft
// carries: "a carrier of Kinzhal missiles", "armed with Kh-101s".
func carried(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		switch toks[b].Low {
		case "carrier", "carriers", "carry", "carries", "carrying", "armed", "capable":
			return true
		}
	}
	return false
}

// weaponUserCues adds to cues the side of every counted or named weapon
// only one side uses ("Shahed", "HIMARS"): its user attacked.
func (f *finding) weaponUserCues(cues []sideCue) []sideCue {
	for _, g := range f.Figures {
		if g.Field == fWeapon && g.Weapon.User != "" {
			cues = append(cues, sideCue{Side: g.Weapon.User, Attacker: true, At: g.I})
		}
	}
	for _, wm := range f.Weapons {
		if wm.User != "" {
			cues = append(cues, sideCue{Side: wm.User, Attacker: true, At: wm.I})
		}
	}
	return cues
}
