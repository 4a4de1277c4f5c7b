package extract

// Settlement names read from capture clauses ("captured X", "the villages
// of A and B", "liberated A, B and C").

import "strings"

// captureVerbs take a place as their object: "captured Chasiv Yar", "took
// control of Toretsk", "liberated the town of Kupiansk".
var captureVerbs = set("captured", "capturing", "seized", "occupied", "liberated", "retook", "retaken",
	"recaptured", "regained", "took", "taken", "taking")

// capturedName reads the settlement named as the object of a capture verb
// at toks[i], skipping "the", "town of", "control of", and returns the
// index of the token after it.
func capturedName(text string, toks []token, i int) (string, int, bool) {
	if !captureVerbs[toks[i].Low] {
		return "", 0, false
	}
	if i > 0 && (toks[i-1].Low == "in" || toks[i-1].Low == "of" || toks[i-1].Low == "the" || toks[i-1].Low == "from" || toks[i-1].Low == "into" || toks[i-1].Low == "russian-occupied") {
		return "", 0, false // "in occupied Horlivka" describes, it does not report a capture
	}
	take := toks[i].Low == "took" || toks[i].Low == "taken" || toks[i].Low == "taking"
	p := i + 1
	if take && p < len(toks) && toks[p].Upper && toks[p].Kind == tokWord && (i == 0 || !auxBefore(toks[i-1].Low)) {
		take = false // "troops took Kurakhove", "had taken Vovchansk" (not "was taken Monday")
	}
	for p < len(toks) && p <= i+5 {
		switch toks[p].Low {
		case "town", "city", "village", "settlement", "settlements", "villages", "towns":
			take = false // "took the village of X"
			p++
			continue
		case "the", "of", "full", "over", "most":
			p++
			continue
		case "control":
			take = false
			p++
			continue
		}
		break
	}
	if take || p >= len(toks) || !toks[p].Upper || toks[p].Kind != tokWord || sideWord(toks[p]) != "" {
		return "", 0, false
	}
	name := properName(text, toks, p)
	return name, p + len(strings.Fields(name)), true
}

// listAfter reads the names listed from toks[p] on, after a captured one:
// "liberated Dachne, Novoocheretuvate and Zelenyi Kut" captures three.
func listAfter(text string, toks []token, p int) []string {
	var out []string
	for p+1 < len(toks) && (toks[p].Low == "," || toks[p].Low == "and") {
		p++
		if toks[p].Low == "and" && p+1 < len(toks) {
			p++
		}
		if !toks[p].Upper || toks[p].Kind != tokWord || sideWord(toks[p]) != "" {
			break
		}
		name := properName(text, toks, p)
		out = append(out, name)
		p += len(strings.Fields(name))
	}
	return out
}

// auxBefore reports whether w makes a following "taken" passive.
func auxBefore(w string) bool {
	return w == "was" || w == "were" || w == "been" || w == "being" || w == "is" || w == "are"
}

// namedList reads "the settlements of Novomykhailivka and Yantarne",
// "the villages of A, B and C": every name after a plural settlement noun.
func namedList(text string, toks []token, i int) []string {
	if !(toks[i].Low == "settlements" || toks[i].Low == "villages" || toks[i].Low == "towns") || !hasSeq(toks, i+1, "of") {
		return nil
	}
	var out []string
	p := i + 2
	for p < len(toks) && toks[p].Upper && toks[p].Kind == tokWord {
		name := properName(text, toks, p)
		out = append(out, name)
		p += len(strings.Fields(name))
		if p < len(toks) && (toks[p].Low == "," || toks[p].Low == "and") {
			p++
			if p < len(toks) && toks[p].Low == "and" {
				p++
			}
			continue
		}
		break
	}
	return out
}

// properName reads the capitalised name starting at toks[p]: one or two
// words ("Kotliarivka", "Chasiv Yar").
func properName(text string, toks []token, p int) string {
	e := p + 1
	if e < len(toks) && toks[e].Upper && toks[e].Kind == tokWord {
		e++
	}
	return text[toks[p].S:toks[e-1].E]
}

// settlementNamed reports whether a clause names a settlement as the
// object of a capture: "occupied a village", "took the town".
func settlementNamed(toks []token) bool {
	for i, t := range toks {
		if (t.Low == "village" || t.Low == "town" || t.Low == "settlement" || t.Low == "city") && i > 0 &&
			(toks[i-1].Low == "a" || toks[i-1].Low == "the") {
			for b := i - 2; b >= 0 && b >= i-4; b-- {
				if territorialWords[toks[b].Low] && toks[b].Low != "control" && toks[b].Low != "advanced" {
					return true
				}
			}
		}
	}
	return false
}
