package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

var (
	ruWords = set("russian", "russia", "moscow", "kremlin", "russians", "russia-backed", "pro-russian",
		"russian-installed", "moscow-installed", "kremlin-installed", "russia-installed")
	uaWords = set("ukrainian", "ukraine", "kyiv", "kiev", "ukrainians", "afu", "zsu", "vsu")
	// ruGroups name Russia's groups of forces in defence-ministry briefings.
	ruGroups = set("sever", "zapad", "yug", "tsentr", "vostok", "dnepr", "dnipro", "north", "west", "south",
		"centre", "center", "east")
	// actorNouns after a side word make it the attacker: "Russian forces",
	// "Ukrainian drones", "Russia's missile strike".
	actorNouns = set("forces", "troops", "army", "military", "soldiers", "units", "occupiers", "invaders",
		"drones", "drone", "missiles", "missile", "strike", "strikes", "attack", "attacks", "airstrike",
		"airstrikes", "shelling", "bombardment", "barrage", "assault", "push", "advance", "advances",
		"artillery", "jets", "aircraft", "bombers", "aviation", "offensive", "raid", "raids", "shells",
		"rockets", "shaheds", "fire", "saboteurs", "sabotage", "uavs", "marines", "paratroopers", "navy",
		"fleet", "warships", "gunners", "shelling", "sea")
	// notActor after an actor noun means the phrase names commentators.
	notActor = set("analysts", "analyst", "officials", "official", "spokesman", "spokesperson",
		"intelligence", "blogger", "bloggers", "experts", "sources", "leadership", "administration",
		"command", "commander", "commanders", "channels", "production", "program", "programme", "industry")
	// actorVerbs after a side word used as a subject make it the attacker.
	actorVerbs = set("launched", "attacked", "struck", "fired", "shelled", "hit", "targeted", "conducted",
		"unleashed", "pounded", "resumed", "retaliated", "captured", "seized", "occupied", "took",
		"bombed", "deploying", "deployed", "launching", "attacking", "striking", "used", "sent",
		"continues", "continued", "amassed", "amassing", "escalated", "intensified", "carried", "concentrated",
		"concentrating", "massed", "massing", "pounded", "bombarded")
	// targetMarkers before a side word make it the target: "strike on
	// Russia's airbase", "drones downed over Russian regions".
	targetMarkers = set("on", "against", "at", "targeting", "into", "in", "over", "across", "upon", "inside")
	adverbs       = set("also", "earlier", "later", "again", "reportedly", "allegedly", "meanwhile", "still",
		"already", "then", "overnight", "seldom", "never", "not", "now", "yet", "has", "have", "had", ",")
)

// borderPrepositions place something relative to a border.
var borderPrepositions = set("from", "near", "along", "to", "towards", "toward", "across", "off", "by", "beyond", "behind")

// targetNouns after a side word make it the attacked party: "Ukrainian
// military airfields", "Russian oil refineries".
var targetNouns = set("airfields", "airfield", "airbase", "airbases", "facilities", "facility", "targets",
	"target", "infrastructure", "sites", "enterprises", "installations", "depots", "depot", "positions",
	"refinery", "refineries", "cities", "city", "towns", "villages", "regions", "region", "territory",
	"civilians", "border", "ports", "port", "plants", "plant", "airports", "airport", "bases", "base",
	"ships", "ship", "vessel", "vessels", "soil", "oblasts", "lines", "grid", "homes", "capital")

// modifiers may stand between a side word and its noun.
var modifiers = set("armed", "air", "special", "ground", "military", "energy", "oil", "civilian", "critical",
	"key", "deep", "long-range", "border", "front-line", "frontline", "rear", "defence", "defense", "naval",
	"fuel", "power", "industrial", "occupied")

// sideCue is one piece of wording that names a side: as the attacker
// (Attacker true) or as the attacked party.
type sideCue struct {
	Side     model.Side
	Attacker bool
	At       int
}

func sideWord(t token) model.Side {
	switch {
	case ruWords[t.Low]:
		return model.SideRU
	case uaWords[t.Low]:
		return model.SideUA
	}
	return ""
}

func other(s model.Side) model.Side {
	switch s {
	case model.SideRU:
		return model.SideUA
	case model.SideUA:
		return model.SideRU
	}
	return ""
}

// sideCues reads who attacks whom from the wording of one clause.
//
// In a territorial clause "from" also marks the losing side: "retook three
// settlements from Ukrainian forces".
func sideCues(toks []token, terr bool) []sideCue {
	var out []sideCue
	for i, t := range toks {
		// "Units of the Vostok group", "the Sever battlegroup": Russia's
		// named groups of forces act for Russia.
		if ruGroups[t.Low] && t.Upper && (hasSeq(toks, i+1, "group") || hasSeq(toks, i+1, "battlegroup") ||
			hasSeq(toks, i+1, "grouping") || i > 0 && toks[i-1].Low == "battlegroup") {
			out = append(out, sideCue{Side: model.SideRU, Attacker: true, At: i})
			continue
		}
		s := sideWord(t)
		if s == "" || afterSince(toks, i) || i > 0 && toks[i-1].Low == "of" || i > 1 && toks[i-1].Low == "the" && toks[i-2].Low == "of" {
			continue
		}
		// "30 km from the Russian border", "along the Ukrainian border":
		// a border placed by a preposition is geography, not a party, unless
		// a target noun follows ("the Russian border regions").
		if hasSeq(toks, i+1, "border") && !(i+2 < len(toks) && targetNouns[toks[i+2].Low]) &&
			i > 1 && toks[i-1].Low == "the" && borderPrepositions[toks[i-2].Low] {
			continue
		}
		// "Russian air defences", "Ukraine's air force": the defender.
		if hasSeq(toks, i+1, "air", "defence") || hasSeq(toks, i+1, "air", "defense") ||
			hasSeq(toks, i+1, "air", "defences") || hasSeq(toks, i+1, "air", "defenses") ||
			hasSeq(toks, i+1, "air-defence") || hasSeq(toks, i+1, "air", "force") {
			out = append(out, sideCue{Side: other(s), Attacker: true, At: i})
			continue
		}
		target := i > 0 && targetMarkers[toks[i-1].Low] || i > 1 && toks[i-1].Low == "the" && targetMarkers[toks[i-2].Low] ||
			terr && i > 0 && toks[i-1].Low == "from"
		actor := false
		for p := i + 1; p < len(toks) && p <= i+3; p++ {
			w := toks[p].Low
			if targetNouns[w] {
				target = true // "Ukrainian military airfields", "Russian energy facilities"
				break
			}
			if actorNouns[w] && !(w == "military" && p+1 < len(toks) && targetNouns[toks[p+1].Low]) {
				actor = p+1 >= len(toks) || !notActor[toks[p+1].Low]
				if actor && !(terr && i > 0 && toks[i-1].Low == "from") {
					target = false // "in Russian drone strikes": the weapon is Russian
				}
				break
			}
			if modifiers[w] {
				continue
			}
			break
		}
		if !actor && !t.Poss && (t.Low == "russia" || t.Low == "ukraine" || t.Low == "moscow" || t.Low == "kyiv" || t.Low == "russians" || t.Low == "ukrainians") {
			p := i + 1
			for p < len(toks) && adverbs[toks[p].Low] {
				p++
			}
			actor = p < len(toks) && actorVerbs[toks[p].Low]
		}
		if i > 0 && toks[i-1].Low == "by" || i > 1 && toks[i-1].Low == "the" && toks[i-2].Low == "by" {
			actor, target = true, false
		}
		switch {
		case target:
			out = append(out, sideCue{Side: s, Attacker: false, At: i})
		case actor:
			out = append(out, sideCue{Side: s, Attacker: true, At: i})
		}
	}
	return out
}

// attackerFrom turns cues into an attacker side: attacker cues count for
// their side, target cues for the other; ties go to the first cue.
func attackerFrom(cues []sideCue) model.Side {
	votes := map[model.Side]int{}
	for _, c := range cues {
		s := c.Side
		if !c.Attacker {
			s = other(s)
		}
		votes[s]++
	}
	switch {
	case votes[model.SideRU] > votes[model.SideUA]:
		return model.SideRU
	case votes[model.SideUA] > votes[model.SideRU]:
		return model.SideUA
	case len(cues) > 0:
		if cues[0].Attacker {
			return cues[0].Side
		}
		return other(cues[0].Side)
	}
	return ""
}

// reportVerbs introduce a claim: "X said", "X wrote on Telegram".
var reportVerbs = set("said", "says", "say", "reported", "reports", "stated", "states", "wrote", "writes",
	"claimed", "claims", "claim", "announced", "announces", "confirmed", "confirms", "added", "posted",
	"told", "noted", "indicated", "informed", "according", "estimate", "estimates", "estimated", "assessed",
	"assesses", "assess")

// claimantWords may form the name of a claimant even when lower-case.
var claimantWords = set("officials", "authorities", "ministry", "defence", "defense", "mayor", "governor",
	"analysts", "open-source", "monitors", "observers", "experts",
	"governors", "mayors", "heads", "spokesmen", "spokeswoman",
	"head", "military", "administration", "air", "force", "forces", "police", "service", "spokesman",
	"spokesperson", "the", "of", "city", "regional", "general", "staff", "emergency", "state", "president",
	"command", "governor's", "office", "prosecutor", "prosecutors", "chief", "army", "defences",
	"defenses", "navy", "border", "guard", "operational", "southern", "northern", "eastern", "western",
	"local", "deputy", "minister", "foreign", "district", "council", "interior", "national", "media",
	"outlets", "channels", "bloggers", "agency", "sources", "intelligence", "directorate", "rescuers",
	"armed", "oblast", "region", "regional", "systems", "units", "top", "commander", "official", "in",
	"russian-installed", "moscow-installed", "occupation", "authorities", "reports", "unconfirmed",
	"witnesses", "eyewitnesses", "residents", "monitoring", "groups", "local")

// claimant finds whose statement a sentence is: "according to X", "X
// said", "X wrote", ", said X". It returns "" when the sentence names no one.
func claimant(text string, toks []token) string {
	who, _ := claimantSpan(text, toks)
	return who
}

// claimantSpan is claimant with the byte span of the name, so that a place
// inside it ("the Kyiv Independent reported") is not taken for a location.
func claimantSpan(text string, toks []token) (string, span) {
	for i := 0; i < len(toks); i++ {
		if hasSeq(toks, i, "according", "to") {
			j := i + 2
			for j < len(toks) && j < i+10 && (toks[j].Kind == tokWord || toks[j].Low == "*" || toks[j].Low == "’") && toks[j].Low != "who" && toks[j].Low != "which" && toks[j].Low != "that" {
				j++
			}
			if j > i+2 {
				return phraseSpan(text, toks, i+2, j)
			}
		}
	}
	for v := 0; v < len(toks); v++ {
		if !reportVerbs[toks[v].Low] || toks[v].Low == "according" || v+1 < len(toks) && reportVerbs[toks[v+1].Low] {
			continue
		}
		b := v - 1
		// "The ministry, which used the name Grishino, said": the speaker
		// stands before the relative clause set off by commas.
		if b >= 0 && toks[b].Low == "," {
			if c := relativeStart(toks, b); c > 0 {
				b = c - 1
			}
		}
		for b >= 0 && (adverbs[toks[b].Low] || strings.HasSuffix(toks[b].Low, "ly")) && !toks[b].Upper {
			b--
		}
		a := b + 1
		for a > 0 && a > b-7 {
			t := toks[a-1]
			if t.Kind == tokWord && (t.Upper || claimantWords[t.Low] || sideWord(t) != "") {
				a--
				continue
			}
			break
		}
		for a <= b && (toks[a].Low == "the" || toks[a].Low == "of") {
			a++
		}
		if a <= b && !(a == b && pronoun(toks[a].Low)) {
			return phraseSpan(text, toks, a, b+1)
		}
		// ", said Oleh Syniehubov"
		if v > 0 && toks[v-1].Low == "," {
			j := v + 1
			for j < len(toks) && j < v+8 && toks[j].Kind == tokWord && (toks[j].Upper || claimantWords[toks[j].Low]) {
				j++
			}
			if j > v+1 {
				return phraseSpan(text, toks, v+1, j)
			}
		}
	}
	return "", span{}
}

// relativeStart returns the index of the comma that opens a relative
// clause closed by the comma at end ("X, which used the Russian name Y,"
// or "X, who spoke on television,"), or -1 when the comma closes none.
func relativeStart(toks []token, end int) int {
	for c := end - 1; c > 0 && c > end-16; c-- {
		if toks[c].Low != "," {
			continue
		}
		switch toks[c+1].Low {
		case "which", "who", "whose", "citing", "quoting":
			return c
		}
		return -1
	}
	return -1
}

// claimantRef resolves a claimant named by a bare description ("the
// ministry", "the governor") to the fuller name an earlier sentence gave
// it ("Russia's Defence Ministry"): the description's head noun must be
// the last word of the earlier name. Other claimants are returned as they
// are.
func claimantRef(who string, earlier []string) string {
	w := strings.Fields(strings.ToLower(who))
	if len(w) == 0 || len(w) > 2 || (len(w) == 2 && !claimantWords[w[0]]) {
		return who
	}
	head := w[len(w)-1]
	if !institutions[head] {
		return who // "officials", "authorities": anyone's, not the ones named before
	}
	for i := len(earlier) - 1; i >= 0; i-- {
		e := strings.Fields(strings.ToLower(earlier[i]))
		if len(e) > len(w) && e[len(e)-1] == head {
			return earlier[i]
		}
	}
	return who
}

// institutions are the singular bodies a text names once in full and then
// as "the ministry", "the governor".
var institutions = set("ministry", "governor", "mayor", "administration", "staff", "command", "spokesman",
	"spokeswoman", "spokesperson", "service", "agency", "directorate", "council", "prosecutor")

func pronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i", "who", "which", "officials", "authorities", "ministry":
		return w != "officials" && w != "authorities" && w != "ministry"
	}
	return false
}

func phraseSpan(text string, toks []token, a, b int) (string, span) {
	p := phrase(text, toks, a, b)
	if p == "" {
		return "", span{}
	}
	return p, span{toks[a].S, toks[b-1].E}
}

func phrase(text string, toks []token, a, b int) string {
	for a < b && (toks[a].Low == "the" || toks[a].Low == "a") {
		a++
	}
	if a >= b {
		return ""
	}
	s := text[toks[a].S:toks[b-1].E]
	s = strings.ReplaceAll(s, "*", "")
	return strings.TrimRight(s, ",.;:")
}

// claimantSide reads which side a claimant speaks for; local officials
// (mayors, governors) speak for the country of the place in question.
func claimantSide(who string, placeCountry string) model.Side {
	w := strings.ToLower(who)
	has := func(words ...string) bool {
		for _, x := range words {
			if strings.Contains(w, x) {
				return true
			}
		}
		return false
	}
	press := has("media", "outlet", "journalist", "correspondent", "reporter", "resident", "witness", "blogger", "channel", "doctor", "medic", "volunteer") &&
		!has("official", "mayor", "governor", "administration", "ministry", "police", "military", "emergency")
	switch {
	case press && !has("russia", "kremlin", "ukrain", "state"):
		return "" // "local media", "residents told the paper": not a party's officials
	case has("russia", "moscow", "kremlin", "konashenkov", "shoigu", "belousov", "tass", "ria"):
		return model.SideRU
	case has("ukrain", "kyiv", "zelensk", "air force", "general staff", "syrskyi", "klitschko", "sybiha"):
		return model.SideUA
	case has("defence ministry", "defense ministry", "ministry of defence", "ministry of defense"):
		return ""
	case has("mayor", "governor", "regional", "administration", "local", "city", "oblast", "emergency", "police"):
		return model.Side(placeCountry)
	}
	return ""
}

// ministry reports whether a claimant is a ministry named without its
// country ("the Defence Ministry", "the ministry").
func ministry(who string) bool {
	return strings.Contains(strings.ToLower(who), "ministry")
}

// datelineSide reads the side a wire story is filed from when its
// dateline names one of the parties' capitals ("MOSCOW, Jan 5 (Agency) –",
// "KYIV —"): a ministry such a story names without a country is that
// capital's.
func datelineSide(text string) model.Side {
	for _, line := range strings.SplitN(text, "\n", 4) {
		line = strings.TrimSpace(line)
		end := strings.IndexAny(line, ",—–-(")
		if end <= 0 {
			continue
		}
		switch strings.TrimSpace(line[:end]) {
		case "MOSCOW":
			return model.SideRU
		case "KYIV", "KIEV":
			return model.SideUA
		}
	}
	return ""
}

// hedge returns the hedging word of a sentence, if any.
func hedge(toks []token) string {
	backed := backedClaim(toks)
	for i, t := range toks {
		if hedgeWords[t.Low] && !(backed && claimWords[t.Low]) {
			return t.Low
		}
		if (t.Low == "said" || t.Low == "believed") && hasSeq(toks, i+1, "to") && i > 0 && (toks[i-1].Low == "are" || toks[i-1].Low == "is" || toks[i-1].Low == "were" || toks[i-1].Low == "was") {
			return t.Low + " to"
		}
		if t.Low == "independently" && hasSeq(toks, i+1, "verified") {
			return "not independently verified"
		}
		// "a figure the agency could not independently verify"
		if t.Low == "independently" && i+1 < len(toks) && verifyWords[toks[i+1].Low] && i > 0 &&
			(toks[i-1].Low == "not" || toks[i-1].Low == "n't" || toks[i-1].Low == "cannot" || toks[i-1].Low == "unable") {
			return "not independently " + toks[i+1].Low
		}
		// "which could not be verified", "has not been confirmed"
		if (t.Low == "not" || t.Low == "n't") && i+2 < len(toks) && (toks[i+1].Low == "be" || toks[i+1].Low == "been") && verifyWords[toks[i+2].Low] {
			return "not " + toks[i+2].Low
		}
	}
	return ""
}

// claimWords are the hedge words that only name a claim; a claim the
// writer has checked is not hedged.
var claimWords = set("claim", "claims", "claimed", "claiming")

// backedClaim reports whether a sentence says a named outlet checked the
// claim it tells: "video verified by the Herald supports the brigade's
// claim". A negation anywhere ("could not be verified"), a party's own
// footage ("citing geolocated footage") or an unnamed verifier ("video it
// said verified the advance") keeps the hedge.
func backedClaim(toks []token) bool {
	checked := false
	for i, t := range toks {
		switch t.Low {
		case "not", "n't", "unable", "cannot", "no", "never", "without", "un", "citing":
			return false
		case "verified", "geolocated", "corroborated", "authenticated":
			// verified by a named outlet: "video verified by the Herald"
			p := i + 1
			if hasSeq(toks, p, "by") {
				p++
				if hasSeq(toks, p, "the") {
					p++
				}
				checked = checked || p < len(toks) && toks[p].Upper && sideWord(toks[p]) == ""
			}
		}
	}
	return checked
}

// verifyWords are what a caveat says could not be done to a claim.
var verifyWords = set("verify", "verified", "verification", "confirm", "confirmed", "corroborate",
	"corroborated", "substantiated", "substantiate")

// caveat reports whether a clause says a claim could not be checked: "the
// claim could not be independently verified", "Reuters was unable to
// confirm the report", "Kyiv did not confirm it". Such a sentence hedges
// the claim told in the sentence before it.
func caveat(toks []token) bool {
	neg := false
	for _, t := range toks {
		switch t.Low {
		case "not", "unable", "n't", "cannot", "no", "never":
			neg = true
		}
		if neg && verifyWords[t.Low] {
			return true
		}
	}
	return false
}

// russianMarkers are phrases only Russian official sources use; a text
// with one of them speaks for Russia even where no claimant is named.
var russianMarkers = []string{"people's republic", "special military operation", "kiev regime", "kyiv regime",
	"battlegroup", "zelensky regime", "neo-nazi", "ukrainian armed formations", "formations of the armed forces of ukraine"}

// perspective returns RU when text uses Russian official wording.
func perspective(text string) model.Side {
	low := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	for _, m := range russianMarkers {
		if strings.Contains(low, m) {
			return model.SideRU
		}
	}
	return ""
}
