package extract

import (
	"strings"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// placeMention is a place the geocoder found at text[S:E].
type placeMention struct {
	S, E int
	Loc  model.Location
}

// placeRef is a place mention kept for a clause. Weak places (countries)
// locate a report only when nothing more precise is named.
type placeRef struct {
	placeMention
	Weak bool
	// Dateline marks a dateline ("Kyiv —") or an official's jurisdiction
	// ("Belgorod governor", "Kharkiv mayor"): kept only if nothing else
	// in the clause locates it.
	Dateline bool
	// Seat marks a place inside the claimant's name ("the ministry in
	// Moscow said"): the speaker's seat, kept only when nothing else,
	// not even a settlement missing from the gazetteer, locates the clause.
	Seat bool
}

var (
	directions = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
		"north-east", "north-west", "south-east", "south-west")
	// metonymVerbs after a place name make it a government or army acting
	// ("Kyiv said", "Moscow maintains"), not a location.
	metonymVerbs = set("said", "says", "launched", "maintains", "maintained", "might", "may", "will", "would",
		"claims", "claimed", "announced", "denied", "denies", "accused", "accuses", "wants", "seeks",
		"sought", "conducted", "fired", "continues", "continued", "insists", "insisted", "must", "could",
		"should", "resumed", "retaliated", "hopes", "urged", "warned", "agreed", "refused", "rejected",
		"responded", "sent", "plans", "deploying", "deployed", "seldom", "rarely", "does", "did", "can",
		"reported", "says", "considers", "views", "argues", "escalated", "intensified", "conducts", "uses",
		"used", "needs", "received", "asked", "called", "pushed", "pushes", "recently", "also")
	auxVerbs     = set("is", "was", "has", "had", "have", "were", "are")
	passiveHints = set("been", "under", "hit", "attacked", "struck", "shelled", "targeted", "bombed", "rocked",
		"damaged", "again", "once", "also", "being", "left", "without", "among", "in", "on", "the", "a", "one")
	// localNouns after a possessive place keep it a location: "Kharkiv's
	// Saltivskyi district" names a place, "Kyiv's ability" an actor.
	localNouns = set("district", "districts", "suburb", "suburbs", "outskirts", "airport", "airbase",
		"refinery", "port", "centre", "center", "region", "oblast", "neighbourhood", "neighborhood",
		"station", "plant", "factory", "bridge", "residential", "city", "streets", "industrial", "main",
		"northern", "southern", "eastern", "western", "central", "historic", "old", "largest", "second",
		"biggest", "capital", "downtown", "power", "thermal", "oil", "railway", "train", "bus", "market",
		"shopping", "hospital", "village", "villages", "settlements", "energy")
)

// keepPlace decides whether a mention names where something happened. It
// drops datelines ("Kyiv —" opening a paragraph), places used as actors
// ("Kyiv had launched", "Moscow's defence ministry"), reference points
// ("150 km north of Kharkiv", "the border with Russia"), and marks
// countries weak.
func keepPlace(text string, sent sentence, m placeMention) (placeRef, bool) {
	ref := placeRef{placeMention: m, Weak: m.Loc.Feature == "country"}
	if sent.ParaStart && isDateline(text, sent, m) {
		ref.Dateline = true
		return ref, true
	}
	if rest := text[m.E:sent.E]; strings.HasPrefix(rest, "-") && len(rest) > 1 && unicode.IsLower([]rune(rest[1:])[0]) {
		return ref, false // "Moscow-appointed", "Kyiv-based": an adjective
	}
	after := strings.TrimLeft(text[m.E:sent.E], " ")
	if officialArea(text[sent.S:m.S], after) {
		ref.Dateline = true // "Belgorod governor Vyacheslav Gladkov said"
		return ref, true
	}
	if w := firstWord(after); strings.ToLower(w) == "time" || outletWords[strings.ToLower(w)] && w != "" && unicode.IsUpper([]rune(w)[0]) ||
		reportingOutlet(text[sent.S:m.S], after) {
		return ref, false // "23:00 Moscow time", "the Kyiv Post", "the Kyiv Ledger reported"
	}
	tail := after
	if mt := strings.ToLower(text[m.S:m.E]); strings.HasSuffix(mt, " district") || strings.HasSuffix(mt, " districts") {
		tail = "district " + after // the geocoder took "Samarskyi district" as one name
	}
	if m.Loc.Feature != "district" && cityDistrict(text[sent.S:m.S], tail) {
		return ref, false // "the city's Samarskyi district": a city's district, not the raion of that name
	}
	if strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") {
		next := strings.ToLower(firstWord(strings.TrimLeft(after[strings.IndexByte(after, 's')+1:], " ")))
		rest := strings.TrimLeft(after[strings.IndexByte(after, 's')+1:], " ")
		if acronym(firstWord(rest)) {
			return ref, false // "Kyiv's SBU", "Moscow's FSB": an agency
		}
		capital := rest != "" && unicode.IsUpper([]rune(rest)[0]) && !possessedActors[next]
		if ref.Weak || !localNouns[next] && !capital {
			return ref, false
		}
	}
	next := strings.ToLower(firstWord(after))
	if possessedActors[next] && next != "air" {
		return ref, false // "the Kiev regime", "Kyiv authorities"
	}
	subject := isSubject(text, sent, m)
	if subject && (metonymVerbs[next] || actorVerbs[next]) {
		return ref, false
	}
	if subject && auxVerbs[next] {
		rest := strings.TrimLeft(after[len(next):], " ")
		w := strings.ToLower(firstWord(rest))
		if w == "not" || w == "also" {
			rest = strings.TrimLeft(rest[len(w):], " ")
			w = strings.ToLower(firstWord(rest))
		}
		perfect := next == "has" || next == "have" || next == "had"
		if perfect && w != "been" && w != "come" && w != "again" && w != "also" && w != "once" {
			return ref, false // "Moscow has stepped up", "Kyiv had launched"
		}
		if !passiveHints[w] && !strings.HasSuffix(w, "ed") {
			return ref, false
		}
		if w == "launched" || w == "escalated" || w == "accused" || w == "called" || w == "claimed" || w == "announced" || w == "warned" {
			return ref, false
		}
	}
	if governs(text, sent, m, subject, next) {
		return ref, false
	}
	if isOrigin(text[sent.S:m.S]) {
		return ref, false
	}
	before := strings.ToLower(lastWords(text[sent.S:m.S], 3))
	bw := strings.Fields(before)
	if referencePoint(strings.Fields(strings.ToLower(lastWords(text[sent.S:m.S], 6)))) {
		// "a village just east of the town of Kupiansk": the nearest place
		// the text gives, kept only when nothing else locates the clause.
		ref.Dateline = true
		return ref, true
	}
	if nameRemark(strings.Fields(strings.ToLower(lastWords(text[sent.S:m.S], 4)))) {
		return ref, false
	}
	if n := len(bw); n >= 2 && bw[n-1] == "with" && bw[n-2] == "border" {
		return ref, false
	}
	if n := len(bw); n >= 1 && (bw[n-1] == "to" && n >= 2 && (bw[n-2] == "ambassador" || bw[n-2] == "visit" || bw[n-2] == "returned")) {
		return ref, false
	}
	return ref, true
}

// capitals are seats of government whose names stand for the government
// in news copy: "Moscow said", "a claim Kyiv rejected", "Warsaw scrambled
// jets".
var capitals = set("moscow", "kyiv", "kiev", "washington", "london", "paris", "berlin", "warsaw", "minsk",
	"beijing", "brussels", "tehran", "ankara", "budapest", "bratislava", "vilnius", "riga", "tallinn",
	"helsinki", "stockholm", "rome", "tokyo", "pyongyang", "chisinau", "bucharest", "prague", "ottawa",
	"tbilisi", "baku", "yerevan", "oslo", "copenhagen", "madrid", "vienna", "bern", "sofia", "athens")

// governs reports whether a capital's name stands for its government. A
// capital followed by a speech or action verb is an actor wherever it sits
// in the clause, unless a preposition makes it a place ("residents in Kyiv
// said"); a foreign capital (outside Ukraine and Russia) opening a clause
// with a verb is an actor too ("Warsaw scrambled fighter jets").
func governs(text string, sent sentence, m placeMention, subject bool, next string) bool {
	if !capitals[strings.ToLower(text[m.S:m.E])] {
		return false
	}
	bw := strings.Fields(strings.ToLower(lastWords(text[sent.S:m.S], 1)))
	if len(bw) > 0 && placePrepositions[strings.Trim(bw[0], ",")] {
		return false
	}
	if metonymVerbs[next] || actorVerbs[next] || speechVerbs[next] {
		return true
	}
	// "Kyiv and Moscow traded accusations": two capitals joined are actors.
	rest := strings.TrimLeft(text[m.E:sent.E], " ")
	if next == "and" && capitals[strings.ToLower(firstWord(strings.TrimLeft(rest[3:], " ")))] {
		return true
	}
	if len(bw) > 0 && bw[0] == "and" {
		prev := strings.Fields(strings.ToLower(lastWords(text[sent.S:m.S], 2)))
		if len(prev) == 2 && capitals[strings.Trim(prev[0], ",")] && subject2(text, sent, m) {
			return true
		}
	}
	foreign := m.Loc.Country != "" && m.Loc.Country != "UA" && m.Loc.Country != "RU"
	if !foreign || !subject || next == "" || localNouns[next] || auxVerbs[next] || possessedActors[next] {
		return false
	}
	return rest != "" && unicode.IsLower([]rune(rest)[0])
}

// subject2 reports whether the pair "X and m" opens its clause.
func subject2(text string, sent sentence, m placeMention) bool {
	before := strings.TrimSpace(text[sent.S:m.S])
	before = strings.TrimSpace(strings.TrimSuffix(before, "and"))
	i := strings.LastIndexAny(before, " ,")
	return i < 0 || before[i] == ','
}

var (
	placePrepositions = set("in", "on", "over", "at", "near", "of", "from", "to", "across", "around", "outside",
		"into", "towards", "toward", "above", "under", "inside", "within", "hit", "struck", "attacked", "targeted")
	speechVerbs = set("rejected", "condemned", "dismissed", "denounced", "blamed", "vowed", "promised",
		"pledged", "threatened", "welcomed", "criticised", "criticized", "confirmed", "acknowledged", "rejects",
		"condemns", "insisted", "stated", "added", "replied", "countered", "scrambled", "summoned", "traded",
		"exchanged")
)

// possessedActors after a place name make it a government or force.
var possessedActors = set("regime", "government", "authorities", "leadership", "defence", "defense", "ministry",
	"army", "forces", "military", "air", "officials", "troops", "command", "administration")

// isOrigin reports whether the text before a mention ends in "launched
// from", "fired from the direction of" and a list of places: where weapons
// came from, not where they struck.
func isOrigin(before string) bool {
	words := strings.Fields(strings.ToLower(before))
	carrier := false
	for k := len(words) - 1; k >= 0 && k >= len(words)-12; k-- {
		w := strings.Trim(words[k], ",.")
		if carrierWords[w] || strings.HasPrefix(w, "tu-") || strings.HasPrefix(w, "su-") || strings.HasPrefix(w, "mig-") {
			carrier = true // "launched from Tu-95MS bombers over the Saratov region"
			continue
		}
		switch w {
		case "from":
			// "3 Iskander-M missiles from the Kursk region": a weapon's origin;
			// "returned to Kyiv from Berlin": a traveller's
			for b := k - 1; b >= 0 && b >= k-4; b-- {
				if travelVerbs[strings.Trim(words[b], ",")] {
					return true
				}
			}
			return k > 0 && (originVerbs[strings.Trim(words[k-1], ",")] || originNouns[strings.Trim(words[k-1], ",")]) ||
				k > 1 && originVerbs[words[k-2]]
		case "over", "in", "above":
			if carrier || k > 0 && (carrierWords[words[k-1]] || strings.HasPrefix(words[k-1], "tu-")) {
				continue
			}
		case "the", "and", "of", "direction", "region", "regions", "oblast", "oblasts", "occupied", "russia's", "russia’s", "territory", "areas", "area", "":
			continue
		}
		if !strings.HasSuffix(words[k], ",") && k != len(words)-1 {
			// a list word must be a place ("Bryansk,"), the last may lack a comma
			if r := []rune(words[k]); len(r) > 0 && !unicode.IsLetter(r[0]) {
				return false
			}
		}
		if placeListStop[w] {
			return false
		}
	}
	return false
}

var (
	// carrierWords name what weapons are launched from, between "from"
	// and the place the carrier flew over.
	carrierWords = set("aircraft", "bombers", "bomber", "planes", "jets", "ships", "ship", "vessels", "submarines",
		"submarine", "carriers", "strategic", "tactical", "airspace", "fighters", "warships", "sea", "waters")
	// originNouns are weapons whose "from X" names the launch area.
	originNouns   = set("missiles", "missile", "drones", "drone", "uavs", "uav", "shaheds", "rockets", "bombs")
	travelVerbs   = set("returned", "returning", "arrived", "arriving", "travelled", "traveled", "travelling", "traveling", "back", "home")
	originVerbs   = set("launched", "fired", "flying", "flew", "came", "attacked", "taking", "took", "directions", "direction")
	placeListStop = set("in", "on", "over", "at", "near", "against", "towards", "toward", "targeting", "targeted", "into", "hit", "struck", "said", "were", "was", "killed", "injured", "attacked", "drones", "missiles")
)

// isSubject reports whether m opens its clause: at the start of the
// sentence or right after a comma, "and", "but", "that", "while" or "as".
func isSubject(text string, sent sentence, m placeMention) bool {
	before := strings.TrimSpace(text[sent.S:m.S])
	before = strings.TrimSuffix(before, "the")
	before = strings.TrimSpace(before)
	if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "—") {
		return true
	}
	w := strings.ToLower(lastWords(before, 1))
	switch w {
	case "and", "but", "that", "while", "as", "because", "since", "when", "after", "then", "now", "meanwhile",
		"later", "overnight", "yesterday", "today", "again":
		return true
	}
	return false
}

// isDateline reports whether m opens its paragraph as a dateline: "Kyiv —",
// "KYIV, Ukraine (AP) —", "MOSCOW, Nov 10 (Agency) –", "Kyiv:". Between the
// place and the dash may stand only capitalised words, numbers, commas,
// full stops and one parenthesised agency name.
func isDateline(text string, sent sentence, m placeMention) bool {
	if strings.TrimSpace(text[sent.S:m.S]) != "" {
		return false
	}
	rest := text[m.E:sent.E]
	for words := 0; words <= 6; words++ {
		rest = strings.TrimLeft(rest, " ,.")
		for _, p := range []string{"—", "–", "-", ":"} {
			if strings.HasPrefix(rest, p) {
				// "Odesa: drones hit the port" in a later paragraph labels
				// where; at the top of a text, or in capitals ("KYIV:"),
				// or set off by a dash, it is a dateline.
				return p != ":" || words > 0 || text[m.S:m.E] == strings.ToUpper(text[m.S:m.E]) || firstParagraph(text, sent.S)
			}
		}
		if strings.HasPrefix(rest, "(") {
			j := strings.IndexByte(rest, ')')
			if j < 0 || j > 40 {
				return false
			}
			rest = rest[j+1:]
			continue
		}
		end := strings.IndexAny(rest, " ,.(")
		if end <= 0 {
			return false
		}
		r := []rune(rest[:end])
		if !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return false
		}
		rest = rest[end:]
	}
	return false
}

// titleWords are officials whose title follows their area's name.
var titleWords = set("governor", "governor's", "mayor", "mayor's", "head", "chief", "administration",
	"administration's", "council", "authorities", "police", "prosecutor", "prosecutors", "ombudsman")

// officialArea reports whether the place before after names an official's
// area: "Belgorod governor", "Dnipropetrovsk regional governor", "the head
// of the Kharkiv regional military administration".
func officialArea(before, after string) bool {
	ws := strings.Fields(strings.ToLower(after))
	k := 0
	for k < len(ws) && k < 3 && (ws[k] == "regional" || ws[k] == "oblast" || ws[k] == "region" || ws[k] == "city" ||
		ws[k] == "military" || ws[k] == "district" || ws[k] == "region's" || ws[k] == "oblast's") {
		k++
	}
	if k < len(ws) {
		w := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(ws[k], ",.;:"), "'s"), "’s")
		if w == "governor" || w == "governor's" || w == "mayor" || w == "mayor's" {
			return true
		}
		if k > 0 && titleWords[w] {
			return true // "Kharkiv regional head", "Sumy regional administration"
		}
		if k == 0 && (w == "ova" || w == "oda" || w == "mva" || w == "rma" || w == "cma" || w == "oma") {
			return true // "Kharkiv OVA": the oblast military administration
		}
	}
	bw := strings.Fields(strings.ToLower(lastWords(before, 4)))
	// "the head of the Kharkiv regional military administration"
	return k > 0 && len(bw) >= 2 && bw[len(bw)-1] == "the" && bw[len(bw)-2] == "of" &&
		len(bw) >= 3 && (bw[len(bw)-3] == "head" || bw[len(bw)-3] == "chief" || bw[len(bw)-3] == "governor")
}

// outletWords end the names of news outlets: "the Kyiv Independent",
// "the Moscow Times".
var outletWords = set("independent", "post", "times", "ledger", "herald", "daily", "journal", "gazette",
	"telegraph", "observer", "tribune", "courier", "express", "insider", "pravda", "mirror", "chronicle",
	"review", "dispatch", "bulletin", "echo", "today", "online", "tribune", "standard", "monitor",
	"wire", "news", "agency", "press", "radio", "tv", "media", "reporter", "correspondent", "voice", "sentinel")

// reportingOutlet reports whether "the X Name reported" names an outlet: a
// place after "the", a capitalised word, then a reporting verb.
func reportingOutlet(before, after string) bool {
	bw := strings.Fields(strings.ToLower(lastWords(before, 1)))
	if len(bw) == 0 || bw[0] != "the" {
		return false
	}
	w := firstWord(after)
	if w == "" || !unicode.IsUpper([]rune(w)[0]) || acronym(w) {
		return false
	}
	rest := strings.TrimLeft(after[len(w):], " ")
	v := strings.ToLower(firstWord(rest))
	return v == "reported" || v == "reports" || v == "said" || v == "says" || v == "wrote" || v == "writes" || v == "cited" || v == "quoted"
}

// acronym reports whether w is an all-capital abbreviation ("SBU", "FSB").
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func firstWord(s string) string {
	for i, r := range s {
		if !(unicode.IsLetter(r) || r == '\'' || r == '-') {
			return s[:i]
		}
	}
	return s
}

// lastWords returns the last n space-separated words of s.
func lastWords(s string, n int) string {
	end := len(s)
	for k := 0; k < n && end > 0; k++ {
		s2 := strings.TrimRightFunc(s[:end], unicode.IsSpace)
		i := strings.LastIndexFunc(s2, unicode.IsSpace)
		end = i + 1
		if i < 0 {
			end = 0
			break
		}
	}
	return s[end:]
}

// cityDistrict reports whether a name before "district" is a district of a
// city rather than a raion: "the city's Samarskyi district", "the
// Shevchenkivskyi district of Kyiv". The city itself locates the clause.
func cityDistrict(before, after string) bool {
	if w := strings.ToLower(firstWord(after)); w != "district" && w != "districts" {
		return false
	}
	bw := strings.Fields(strings.ToLower(lastWords(before, 3)))
	for _, w := range bw {
		if w == "city's" || w == "city’s" || w == "capital's" || w == "capital’s" {
			return true
		}
	}
	// "Odesa's Prymorskyi district": the district of a city named just
	// before, which locates the clause itself.
	if lw := strings.Fields(lastWords(before, 1)); len(lw) == 1 {
		w := lw[0]
		if (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && unicode.IsUpper([]rune(w)[0]) {
			return true
		}
	}
	rest := strings.TrimLeft(after[len("district"):], "s ")
	if strings.HasPrefix(rest, "of ") {
		w := firstWord(strings.TrimLeft(rest[3:], " "))
		if w == "the" {
			return false
		}
		return w != "" && unicode.IsUpper([]rune(w)[0])
	}
	return false
}

// referencePoint reports whether the words before a place make it a point
// of reference: "north of Kharkiv", "just north-west of the city of
// Pokrovsk", "east of the town of Kupiansk".
func referencePoint(bw []string) bool {
	n := len(bw)
	// Step back over "the city of", "the town of", "the village of", "the".
	if n >= 3 && bw[n-1] == "of" && (settlementNouns[bw[n-2]] || bw[n-2] == "city" || bw[n-2] == "port") && bw[n-3] == "the" {
		n -= 3
	}
	if n >= 1 && bw[n-1] == "the" {
		n--
	}
	return n >= 2 && bw[n-1] == "of" && directions[bw[n-2]]
}

// nameRemark reports whether the words before a place make its name a
// remark about naming, not a location: "which used the Russian name
// Grishino", "known as Artemovsk", "formerly Kirovohrad". The place the
// remark names is the one the text has already given.
func nameRemark(bw []string) bool {
	n := len(bw)
	if n == 0 {
		return false
	}
	switch last := bw[n-1]; last {
	case "name", "names", "formerly", "renamed":
		return true
	case "as":
		return n >= 2 && (bw[n-2] == "known" || bw[n-2] == "referred" || bw[n-2] == "refers" || bw[n-2] == "it")
	case "calls", "called":
		return n >= 2 && (bw[n-2] == "it" || bw[n-2] == "still" || bw[n-2] == "also")
	}
	return false
}

// firstParagraph reports whether offset at lies in a text's first
// paragraph, or the one after a one-line title.
func firstParagraph(text string, at int) bool {
	before := strings.TrimLeftFunc(text[:at], unicode.IsSpace)
	parts := strings.Split(before, "\n\n") // the last part is this paragraph's start
	switch len(parts) {
	case 1:
		return true
	case 2:
		title := strings.TrimSpace(parts[0])
		return !strings.ContainsAny(title, "\n") && !strings.HasSuffix(title, ".") && !strings.Contains(title, ". ") // a title, then this paragraph
	}
	return false
}
