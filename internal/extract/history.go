package extract

// History, purpose and toll-update cues: what makes a clause recount an
// old or running story rather than report a new occurrence.

// purposeAt reports whether the modal-looking word at toks[i] only states
// what a reported strike was aimed at ("an attack aimed at the grid",
// "strikes aiming at energy sites"): a purpose, not speculation.
func purposeAt(toks []token, i int) bool {
	switch toks[i].Low {
	case "aimed", "aims", "aiming":
	default:
		return false
	}
	for p := i + 1; p < len(toks) && p <= i+3; p++ {
		switch toks[p].Low {
		case "at":
			return true
		case "mainly", "mostly", "primarily", "chiefly", "largely", "squarely", "specifically":
			continue
		}
		return false
	}
	return false
}

// afterSince reports whether toks[i] sits in a "since …" phrase, which
// compares with the past rather than reporting it.
func afterSince(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-5; b-- {
		if toks[b].Low == "since" {
			return true
		}
	}
	return false
}

// superlativeBefore reports whether a comparison precedes toks[i]: "the
// largest attack this year" dates nothing.
func superlativeBefore(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-12; b-- {
		w := toks[b].Low
		if w == "most" || w == "first" || w == "largest" || w == "biggest" || w == "heaviest" || w == "deadliest" ||
			w == "second" || w == "third" || w == "fourth" || w == "fifth" || w == "sixth" || w == "seventh" ||
			w == "eighth" || w == "ninth" || w == "tenth" || w == "latest" || w == "umpteenth" ||
			w == "worst" || w == "fiercest" || w == "strongest" || w == "longest" || w == "record" || numericOrdinal(w) ||
			(w == "st" || w == "nd" || w == "rd" || w == "th") && b > 0 && toks[b-1].Kind == tokNum && toks[b-1].E == toks[b].S {
			return true
		}
	}
	return false
}

// stale reports whether a clause's day-precision dates all end more than
// 31 days before publication.
func (cr *clauseReader) stale(dates []dateMatch) bool {
	if !cr.dates.hasPub || len(dates) == 0 {
		return false
	}
	cutoff := cr.dates.pub.add(-31).String()
	for _, d := range dates {
		if d.End == "" || d.End[0] == '-' || d.End >= cutoff {
			return false
		}
	}
	return true
}

// firedWeapon reports whether a clause names a weapon (not an air defence,
// launcher or aircraft) with a verb of firing it.
func firedWeapon(toks []token, ws []weaponMention) bool {
	named := false
	for _, w := range ws {
		if w.Kind != "air_defense" && w.Kind != "launcher" && w.Kind != "aircraft" {
			named = true
		}
	}
	if !named {
		return false
	}
	for i, t := range toks {
		switch t.Low {
		case "used", "fired", "launched", "dropped", "unleashed":
			if i > 0 && toks[i-1].Low == "to" || hasSeq(toks, i+1, "to") {
				return false // "plans to launch", "used to fire": intent and habit
			}
			return true
		}
	}
	return false
}

// searchCue reports whether a clause tells of a search or a later death:
// bodies recovered, people pulled from rubble, the wounded dying in hospital.
func searchCue(toks []token) bool {
	for _, t := range toks {
		switch t.Low {
		case "bodies", "body", "recovered", "retrieved", "pulled", "found", "rubble", "ruins", "succumbed", "hospital":
			return true
		}
	}
	return false
}

// increments reports whether every figure is a casualty count added to an
// earlier one: "two more bodies", "another three people died".
func increments(toks []token, figs []figure) bool {
	if len(figs) == 0 {
		return false
	}
	for _, g := range figs {
		switch g.Field {
		case fKilled, fInjured, fChildrenKilled, fChildrenInjured:
		default:
			return false
		}
		more := g.N.J < len(toks) && (toks[g.N.J].Low == "more" || toks[g.N.J].Low == "additional" || toks[g.N.J].Low == "further")
		another := g.N.I > 0 && (toks[g.N.I-1].Low == "another" || toks[g.N.I-1].Low == "additional" || toks[g.N.I-1].Low == "further")
		if !more && !another {
			return false
		}
	}
	return true
}

// invasionStart reports whether toks[i] opens "the first days of the
// (full-scale) invasion", "the start of the war": a time long past.
func invasionStart(toks []token, i int) bool {
	switch toks[i].Low {
	case "days", "weeks", "months", "start", "beginning", "outset", "hours":
	default:
		return false
	}
	p := i + 1
	if !hasSeq(toks, p, "of", "the") {
		return false
	}
	p += 2
	if p < len(toks) && (toks[p].Low == "full-scale" || toks[p].Low == "russian") {
		p++
	}
	return p < len(toks) && (toks[p].Low == "invasion" || toks[p].Low == "war")
}

// numericOrdinal reports whether w is an ordinal in digits: "15th", "2nd".
func numericOrdinal(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch w[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// caveatModal reports whether the modal at toks[i] only says a claim
// could not be checked ("a claim the agency could not independently
// verify", "which could not be verified"): a hedge, not speculation.
func caveatModal(toks []token, i int) bool {
	if !hasSeq(toks, i+1, "not") && !hasSeq(toks, i+1, "n't") {
		return false
	}
	for p := i + 2; p < len(toks) && p <= i+4; p++ {
		if verifyWords[toks[p].Low] {
			return true
		}
	}
	return false
}

// recountedStrike reports whether the "after"/"following" at toks[i]
// introduces a strike of its own ("after drones knocked out a substation",
// "following a missile strike on Monday"), not a time ("after midnight").
func recountedStrike(toks []token, i int) bool {
	if i+1 < len(toks) {
		switch toks[i+1].Low {
		case "midnight", "dark", "dawn", "sunset", "sunrise", "noon", "nightfall", "curfew":
			return false
		}
	}
	for p := i + 1; p < len(toks) && p <= i+6; p++ {
		w := toks[p].Low
		if attackWords[w] || w == "knocked" || w == "drones" || w == "drone" || w == "missile" || w == "missiles" ||
			w == "shelling" || w == "bombs" {
			return true
		}
	}
	return false
}

// ordinalInPeriod reports whether toks count an occurrence among others in
// a period: "the second attack on the city in a week", "the third strike
// in ten days". What such a sentence goes on to tell "after" or
// "following" is the earlier occurrence it counts.
func ordinalInPeriod(toks []token) bool {
	for i, t := range toks {
		switch t.Low {
		case "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		default:
			if !numericOrdinal(t.Low) {
				continue
			}
		}
		for p := i + 1; p < len(toks) && p <= i+8; p++ {
			if toks[p].Low != "in" && toks[p].Low != "within" {
				continue
			}
			for q := p + 1; q < len(toks) && q <= p+4; q++ {
				if periodUnits[toks[q].Low] || timeUnits[toks[q].Low] {
					return true
				}
			}
		}
	}
	return false
}
