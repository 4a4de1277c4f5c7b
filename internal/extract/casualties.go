package extract

func isIncluding(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		switch toks[b].Low {
		case "including", "among":
			return true
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// casualty builds a casualty figure; child turns killed/injured into the
// children's field.
func (fr *figureReader) casualty(n numMatch, j int, field string, child bool) figure {
	if child {
		switch field {
		case fKilled:
			field = fChildrenKilled
		case fInjured:
			field = fChildrenInjured
		}
	}
	return figure{Field: field, N: n, I: n.I, J: j}
}

// casualtyKind finds whether people counted at toks[i] were killed or
// injured: first forward to the clause end, skipping an "including …"
// aside and stopping at the next number, then backward.
func (fr *figureReader) casualtyKind(i, j int) string {
	toks := fr.toks
	aside := false
	for p := j; p < len(toks); p++ {
		w := toks[p].Low
		if w == "including" || w == "among" && hasSeq(toks, p+1, "them") {
			aside = true
			continue
		}
		if aside {
			if w == "," || w == "—" || w == ")" {
				aside = false
			}
			continue
		}
		if toks[p].Kind == tokNum {
			if p == j+1 && toks[p-1].Low == "," && hasSeq(toks, p+1, ",") {
				continue // "a woman, 70, was injured": an age
			}
			break
		}
		if killedWords[w] {
			return fKilled
		}
		if injuredWords[w] {
			return fInjured
		}
		if w == "evacuated" || w == "rescued" || w == "displaced" || w == "missing" || w == "trapped" {
			return ""
		}
	}
	for p := i - 1; p >= 0; p-- {
		w := toks[p].Low
		if killedWords[w] {
			return fKilled
		}
		if injuredWords[w] {
			return fInjured
		}
		if toks[p].Kind == tokNum && p < i-2 {
			break
		}
	}
	return ""
}

// verbBefore reads a casualty verb right before a count: "killed two
// people", "injuring 12 others".
func verbBefore(toks []token, i int) string {
	if i == 0 {
		return ""
	}
	switch w := toks[i-1].Low; {
	case w == "killed" || w == "killing":
		return fKilled
	case w == "injured" || w == "injuring" || w == "wounded" || w == "wounding" || w == "hurt" || w == "hospitalised" || w == "hospitalized" ||
		w == "treated": // "medics treated eight people", not "twelve were treated for shock"
		return fInjured
	}
	return ""
}

// bringsToll reports "bringing the number of dead to", "brought the toll to".
func bringsToll(toks []token, b int) bool {
	for p := b - 1; p >= 0 && p >= b-8; p-- {
		if toks[p].Low == "bringing" || toks[p].Low == "brought" || toks[p].Low == "brings" || toks[p].Low == "taking" {
			return true
		}
	}
	return false
}
