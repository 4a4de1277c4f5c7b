package extract

import "github.com/sitrep-osint/sitrep/internal/model"

// War context: "attack", "strike", "shot" and "hit" are everyday words in
// sports, business and health copy. They report an occurrence only in a
// document that speaks of war at all, and never in their non-war frames
// ("went on strike", "a heart attack", "prices shot up"). A document that
// names no war cue but speaks of sport, markets, labour or health is read
// in those senses; a terse war post without cues ("Kharkiv: explosions")
// is still read as war.

// ambiguousAttack are attack triggers with common non-war senses.
var ambiguousAttack = set("attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "striking",
	"hit", "hits", "shot", "assault", "assaults", "raid", "raids", "targeted", "targeting", "destroyed",
	"pounded", "rocked", "volley", "salvo", "onslaught", "explosion", "explosions", "blast", "blasts",
	"bombarded", "impacts")

// warWords speak of war wherever they stand.
var warWords = set("war", "wartime", "invasion", "troops", "army", "military", "soldiers", "servicemen",
	"artillery", "shelling", "shelled", "enemy", "occupiers", "occupying", "invaders", "aggressor", "frontline",
	"front-line", "airstrike", "airstrikes", "bombardment", "air-raid", "shells", "mortar", "mortars",
	"howitzer", "howitzers", "munitions", "warplanes", "warship", "warships", "brigade", "battalion",
	"regiment", "saboteurs", "sabotage", "interceptors", "casualties", "ceasefire", "shelters", "shelter")

// warContext reports whether a document speaks of war: a weapon from the
// catalogue, a military word, or a side word before an attack or an
// actor noun ("Russian strike", "Ukrainian forces").
func warContext(sents [][]token, c *catalogue) bool {
	for _, toks := range sents {
		if len(c.find(toks)) > 0 {
			return true
		}
		for i, t := range toks {
			if warWords[t.Low] || t.Low == "air" && (hasSeq(toks, i+1, "defence") || hasSeq(toks, i+1, "defense") || hasSeq(toks, i+1, "force")) {
				return true
			}
			if sideWord(t) != "" {
				for p := i + 1; p < len(toks) && p <= i+2; p++ {
					if actorNouns[toks[p].Low] || attackWords[toks[p].Low] {
						return true
					}
				}
			}
		}
	}
	return false
}

// otherDomain are words of sport, markets, labour and health copy.
var otherDomain = set("match", "goal", "goals", "shots", "striker", "strikers", "keeper", "goalkeeper", "league",
	"coach", "club", "fans", "stadium", "derby", "scored", "score", "players", "player", "midfielder", "defender",
	"defenders", "tournament", "championship", "cup", "half-time", "forward", "winger", "referee", "football", "season", "playoff", "kick-off", "prices", "price", "shares", "investors",
	"traders", "market", "markets", "stocks", "percent", "exporters", "wages", "dockworkers", "union", "unions",
	"stoppage", "walkout", "heart", "stroke", "concert", "album", "film", "novel", "election")

// warReading reports whether attack triggers in the document may report
// occurrences: it speaks of war, or at least of nothing else.
func warReading(sents [][]token, c *catalogue) bool {
	if warContext(sents, c) {
		return true
	}
	for _, toks := range sents {
		for _, t := range toks {
			if otherDomain[t.Low] {
				return false
			}
		}
	}
	return true
}

// strikers are who goes on a labour strike.
var strikers = set("workers", "farmers", "miners", "drivers", "doctors", "teachers", "dockworkers", "employees",
	"staff", "nurses", "truckers", "unions", "union", "students", "hauliers", "railway")

// nonWarFrame reports whether the trigger at toks[i] is used in a non-war
// sense: "heart attack", "on strike", "hunger strike", "strike action",
// "prices shot up", "a strike past the keeper", "shots at goal".
func nonWarFrame(toks []token, i int) bool {
	w := toks[i].Low
	if i > 0 {
		switch toks[i-1].Low {
		case "heart", "panic", "asthma", "anxiety", "hunger", "general", "labour", "labor", "rent", "warning",
			"counter", "lucky", "free", "penalty", "goal", "goals":
			return true
		case "on":
			if w == "strike" || w == "strikes" {
				return true // "went on strike"
			}
		}
	}
	if w == "strike" || w == "strikes" {
		// "farmers staged a strike", "a strike by dockworkers"
		for b := i - 1; b >= 0 && b >= i-3; b-- {
			switch toks[b].Low {
			case "staged", "stage", "staging", "called", "declared", "organised", "organized", "held", "joined", "threatened":
				return true
			}
		}
		if hasSeq(toks, i+1, "by") && i+2 < len(toks) && strikers[toks[i+2].Low] {
			return true
		}
	}
	if hasSeq(toks, i+1, "action") || hasSeq(toks, i+1, "ballot") || hasSeq(toks, i+1, "pay") && w == "strike" {
		return true
	}
	if w == "shot" && (hasSeq(toks, i+1, "up") || hasSeq(toks, i+1, "past") || hasSeq(toks, i+1, "wide")) {
		return true
	}
	if w == "hit" && (hasSeq(toks, i+1, "a", "record") || hasSeq(toks, i+1, "record") || hasSeq(toks, i+1, "the", "post")) {
		return true
	}
	for p := i + 1; p < len(toks) && p <= i+3; p++ {
		switch toks[p].Low {
		case "goal", "keeper", "goalkeeper", "net", "crossbar", "post", "volatility", "prices", "margins":
			return true
		}
	}
	return false
}

// groundNouns are ground fighting; attack nouns count as ground fighting
// after an infantry or armour word ("infantry attacks").
var (
	groundNouns = set("assaults", "clashes", "firefights", "skirmishes", "engagements", "offensives")
	groundMods  = set("infantry", "ground", "mechanised", "mechanized", "armoured", "armored", "tank", "motorised")
	strikeWords = set("strike", "strikes", "struck", "shelling", "shelled", "hit", "hits", "bombed", "bombing",
		"airstrike", "airstrikes", "shot", "downed", "intercepted", "explosion", "explosions", "blast", "blasts",
		"debris", "barrage", "bombardment")
)

// groundBattle reports whether a clause tells ground fighting rather than a
// strike: ground assaults or infantry attacks, with no weapon named, no
// casualty figure and no strike word ("Russian troops launched 23 assaults
// near Kostiantynivka", "repelled nine Russian infantry attacks near
// Lyman"); a single "assault on Kharkiv" is a strike. It returns the side named on the assaults, if any.
func groundBattle(toks []token, weapons []weaponMention, figs []figure) (model.Side, bool) {
	for _, w := range weapons {
		if w.Kind != "air_defense" {
			return "", false
		}
	}
	for _, g := range figs {
		if g.Field != fSettlements && g.Field != fTroops {
			return "", false
		}
	}
	at := -1
	for i, t := range toks {
		if strikeWords[t.Low] {
			return "", false
		}
		if at < 0 && (groundNouns[t.Low] || (t.Low == "attacks" || t.Low == "attack" || t.Low == "assault") && i > 0 && groundMods[toks[i-1].Low]) {
			at = i
		}
	}
	if at < 0 {
		return "", false
	}
	for b := at - 1; b >= 0 && b >= at-3; b-- {
		if s := sideWord(toks[b]); s != "" {
			return s, true
		}
	}
	return "", true
}

// underFire reports whether "fire" at toks[i] is "came under (artillery)
// fire" or "was under fire": a verb before "under", so that a verbless
// headline ("Nikopol district under fire again") does not start a report.
func underFire(toks []token, i int) bool {
	u := i - 1
	if u > 0 && toks[u].Low != "under" && toks[u].Kind == tokWord {
		u-- // "under artillery fire"
	}
	if u < 1 || toks[u].Low != "under" {
		return false
	}
	switch toks[u-1].Low {
	case "came", "come", "comes", "coming", "was", "were", "is", "are", "been", "remained", "remains":
		return true
	}
	return false
}

// datelineEnd returns the index of the dash that closes a dateline opening
// the clause ("DNIPRO, March 2 (Agency) –"), or -1. The date in a dateline
// is the filing date, not the date of what the story reports.
func datelineEnd(toks []token) int {
	if len(toks) == 0 || !toks[0].Upper {
		return -1
	}
	paren := false
	for k := 1; k < len(toks) && k <= 10; k++ {
		t := toks[k]
		switch {
		case t.Low == "-" || t.Low == "–" || t.Low == "—":
			if k >= 2 {
				return k
			}
			return -1
		case t.Low == "(":
			paren = true
		case t.Low == ")":
			paren = false
		case paren, t.Low == ",", t.Low == ".", t.Kind == tokNum, t.Upper:
		default:
			return -1
		}
	}
	return -1
}

// nationwide reports whether a clause counts weapons over the whole
// country ("across Ukraine", "nationwide", "in total"): such a tally
// belongs to the main attack the document reports, not the latest place.
func nationwide(f *finding) bool {
	toks := f.Toks
	for i, t := range toks {
		switch t.Low {
		case "nationwide", "overall":
			return true
		case "across", "throughout", "against", "at", "over":
			if i+1 < len(toks) && (toks[i+1].Low == "ukraine" || hasSeq(toks, i+1, "the", "country") || hasSeq(toks, i+1, "the", "whole")) {
				return true
			}
		case "in":
			if hasSeq(toks, i+1, "total") || hasSeq(toks, i+1, "all") && i+2 < len(toks) && toks[i+2].Kind != tokWord {
				return true
			}
		}
	}
	return false
}

// struckObject reports whether the weapon named at toks[i] is the object
// of a strike verb: "hit a Ukrainian HIMARS launcher", "destroyed an S-400
// system", "struck the Patriot battery".
func struckObject(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-4; b-- {
		w := toks[b].Low
		switch {
		case w == "hit" || w == "struck" || w == "destroyed" || w == "targeted" || w == "hitting" || w == "striking" ||
			w == "destroying" || w == "targeting" || w == "damaged" || w == "damaging":
			return true
		case w == "a" || w == "an" || w == "the" || w == "two" || sideWord(toks[b]) != "" || toks[b].Poss || modifiers[w]:
			continue
		}
		return false
	}
	return false
}
