package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/geocode"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// Version names the extraction rules; it is stored on every report so a
// report can be traced to the rules that made it.
const Version = "extract/1"

// defaultCatalogue is the embedded weapon catalogue, parsed once.
var defaultCatalogue = func() *catalogue {
	c, err := parseCatalogue(weaponsTSV)
	if err != nil {
		panic(err) // the embedded file is part of the source; a test covers it
	}
	return c
}()

// Extractor reads reports out of documents. It is safe for concurrent use.
type Extractor struct {
	find    func(text string) []placeMention
	weapons *catalogue
}

// New returns an extractor that locates places with geo. With a nil geo
// reports carry no locations and every occurrence in a document of the
// same type collapses into one report.
func New(geo *geocode.Geocoder) *Extractor {
	x := &Extractor{weapons: defaultCatalogue}
	if geo != nil {
		geo = geo.WithDistricts() // "Kyiv's Darnytskyi district", kept beside Kyiv
		x.find = func(text string) []placeMention {
			ms := geo.Find(text)
			out := make([]placeMention, len(ms))
			for i, m := range ms {
				out[i] = placeMention{S: m.ByteStart, E: m.ByteEnd, Loc: m.Location}
			}
			return out
		}
	}
	return x
}

// Reports returns what doc says about each occurrence it reports, in the
// order the document first mentions them. doc.Text is the clean text;
// doc.Published (may be nil) anchors relative dates in Europe/Kyiv time.
func (x *Extractor) Reports(ctx context.Context, doc *model.Document) ([]model.Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: reports: %w", err)
	}
	if isCyrillic(doc) {
		return x.cyrillicReports(ctx, doc) // Russian and Ukrainian rules (cyrillic.go)
	}
	text := doc.Text
	sents := splitSentences(text)
	var mentions []placeMention
	if x.find != nil {
		mentions = x.find(text)
	}
	res := newResolver(doc.Published)
	cr := &clauseReader{text: text, weapons: x.weapons, dates: res, pubYear: res.pub.Year}
	sentToks := make([][]token, len(sents))
	for i, s := range sents {
		sentToks[i] = tokenize(text, s.S, s.E)
	}
	cr.opinion = isOpinion(sentToks, text) || opinionTitle(doc.Title)
	cr.war = warReading(sentToks, x.weapons)
	var g grouper
	var header headerDate
	mi := 0
	prevSide := model.Side("")
	var lastTown *placeRef
	var heading []placeRef // "Odesa." or "Kharkiv region:" standing alone as a post's heading
	for si, s := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("extract: reports: %w", err)
			}
		}
		for mi < len(mentions) && mentions[mi].S < s.S {
			mi++
		}
		var sentPlaces []placeMention
		for k := mi; k < len(mentions) && mentions[k].S < s.E; k++ {
			sentPlaces = append(sentPlaces, mentions[k])
		}
		if s.Headline && len(sents) > 2 {
			continue
		}
		toks := sentToks[si]
		if si < 2 && heading == nil {
			heading = headingPlaces(toks, sentPlaces)
		}
		who, whoSpan := claimantSpan(text, toks)
		hedged := hedge(toks)
		if hedged == "" && caveatAfter(sents, sentToks, si) {
			hedged = "not verified" // a sentence after says this could not be checked
		}
		if !isListItem(text, s) {
			cr.listRole = ""
		}
		for _, ct := range splitClauses(toks) {
			if len(ct) == 0 {
				continue
			}
			places := clausePlaces(text, s, sentPlaces, ct, whoSpan)
			places, lastTown = anaphoricPlace(places, ct, lastTown)
			f := cr.read(ct, places)
			if len(f.Villages) > 0 {
				f.Places = dropSeats(f.Places) // "captured Verkhnokamianske, the ministry in Moscow said"
			}
			f.Sent, f.Claimant, f.Hedge = si, who, hedged
			if cs := claimantSide(who, ""); f.SelfActor && cs != "" && f.Type == model.Attack && !interceptIn(ct) {
				f.Side = cs // "Ukraine's General Staff said its forces struck …"
			}
			if si == 0 {
				header.see(&f, len(toks))
			}
			if f.Side == "" && f.Type == model.Deployment {
				f.Side = prevSide
			}
			if f.Type != "" {
				shares := placeShares(&f)
				g.add(&f)
				for _, sub := range shares {
					g.add(sub)
				}
			}
		}
		prevSide = attackerFrom(sideCues(toks, false))
		if strings.HasSuffix(text[s.S:s.E], ":") {
			cr.listRole = listRole(toks)
		}
	}
	if d := header.date(); d != nil {
		for _, fr := range g.frames {
			if fr.Date == nil {
				dd := *d
				fr.Date, fr.DateSent = &dd, -1
			}
		}
	}
	var fallback []placeRef
	if x.find != nil && !located(g.frames) {
		fallback = heading
		if fallback == nil {
			fallback = x.metaPlaces(doc)
		}
	}
	return x.build(doc, sents, g.frames, perspective(text), fallback), nil
}

// placeShares splits a toll given with its shares by place ("killed 12
// people, including six in Kyiv and four in Dnipro") into one finding per
// named place with its share; the total keeps the other places.
func placeShares(f *finding) []*finding {
	field := ""
	for _, g := range f.Figures {
		if (g.Field == fKilled || g.Field == fInjured) && field == "" {
			field = g.Field
		}
	}
	if field == "" || f.Type != model.Attack {
		return nil
	}
	toks := f.Toks
	var out []*finding
	var taken []placeRef
	for i := range toks {
		p := i + 1
		switch {
		case toks[i].Low == "including":
		case toks[i].Low == "among" && hasSeq(toks, i+1, "them"):
			p++
		default:
			continue
		}
		for p < len(toks) {
			n, ok := parseNumberAt(toks, p)
			if !ok || !hasSeq(toks, n.J, "in") {
				break
			}
			k := n.J + 1
			if hasSeq(toks, k, "the") {
				k++
			}
			var place *placeRef
			for pi := range f.Places {
				if k < len(toks) && f.Places[pi].S == toks[k].S && !f.Places[pi].Weak {
					place = &f.Places[pi]
				}
			}
			if place == nil {
				break
			}
			sub := *f
			sub.Figures = []figure{{Field: field, N: n, I: n.I, J: n.J}}
			sub.Places = []placeRef{*place}
			sub.Weapons, sub.Villages, sub.Anaphor, sub.Summary = nil, nil, false, false
			out = append(out, &sub)
			taken = append(taken, *place)
			q := k
			for q < len(toks) && toks[q].S < place.E {
				q++
			}
			if q < len(toks) && (toks[q].Low == "," || toks[q].Low == "and") {
				q++
				if q < len(toks) && toks[q].Low == "and" {
					q++
				}
				p = q
				continue
			}
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	kept := f.Places[:0:0]
	for _, p := range f.Places {
		share := false
		for _, t := range taken {
			share = share || samePlace(p, t)
		}
		if !share {
			kept = append(kept, p)
		}
	}
	f.Places = kept
	return out
}

// headerDate reads a post's opening line when it is only a date and a
// place ("Zaporizhzhia district, 1 March."): the date of every report the
// post gives without one.
type headerDate struct {
	d      *dateMatch
	typed  bool
	tokens int
}

func (h *headerDate) see(f *finding, tokens int) {
	h.typed = h.typed || f.Type != ""
	h.tokens = tokens
	if h.d == nil && len(f.Dates) > 0 {
		d := f.Dates[0]
		h.d = &d
	}
}

func (h *headerDate) date() *dateMatch {
	if h.typed || h.tokens > 10 {
		return nil
	}
	return h.d
}

// clausePlaces keeps the place mentions of one clause that locate what
// it reports. A dateline ("Kyiv —") is dropped when the sentence names
// another place, and kept when it is all there is ("Kharkiv: explosions").
//
// Places inside the claimant's name ("according to the Kyiv Independent")
// name the speaker, not the scene.
func clausePlaces(text string, s sentence, mentions []placeMention, ct []token, who span) []placeRef {
	var places []placeRef
	other := false // a place that is neither a dateline nor an official's title
	for _, m := range mentions {
		if m.S < ct[0].S || m.E > ct[len(ct)-1].E || m.S >= who.S && m.E <= who.E && who.E > who.S && outletName(text, m) {
			continue
		}
		if p, ok := keepPlace(text, s, m); ok {
			if m.S >= who.S && m.E <= who.E && who.E > who.S {
				// "the Kharkiv regional prosecutor's office said", "the defence
				// ministry in Moscow said": the speaker's seat, not the scene
				p.Dateline, p.Seat = true, true
			}
			other = other || !p.Dateline && !p.Weak
			places = append(places, p)
		} else if m.S >= who.S && m.E <= who.E && who.E > who.S && jurisdiction(text, m) {
			// "according to Kyiv's military administration, 11 were injured in
			// the capital": the speaker's area locates a clause naming no other.
			places = append(places, placeRef{placeMention: m, Dateline: true, Seat: true})
		}
	}
	out := places[:0]
	for _, p := range places {
		if p.Dateline && other {
			continue
		}
		p.Dateline = false
		out = append(out, p)
	}
	return out
}

// dropSeats removes the speaker's seat from places.
func dropSeats(places []placeRef) []placeRef {
	out := places[:0:0]
	for _, p := range places {
		if !p.Seat {
			out = append(out, p)
		}
	}
	return out
}

// outletName reports whether a place mention is part of a name such as
// "The New York Times" or "the Kyiv Independent": the next word is
// capitalised and not an official's title ("Kharkiv Mayor" stays a place).
func outletName(text string, m placeMention) bool {
	w := firstWord(strings.TrimLeft(text[m.E:], " "))
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !officialTitles[strings.ToLower(w)]
}

// jurisdiction reports whether a place mention is the area of an official
// or administration named possessively: "Kyiv's military administration",
// "Odesa's governor".
func jurisdiction(text string, m placeMention) bool {
	after := strings.TrimLeft(text[m.E:], " ")
	if !strings.HasPrefix(after, "'s ") && !strings.HasPrefix(after, "’s ") {
		return false
	}
	w := strings.ToLower(firstWord(strings.TrimLeft(after[strings.IndexByte(after, ' '):], " ")))
	return officialTitles[w] && w != "district"
}

var officialTitles = set("mayor", "governor", "regional", "city", "oblast", "region", "military", "administration",
	"council", "district", "police", "prosecutor", "prosecutors", "emergency", "head", "governor's", "mayor's")

// isListItem reports whether a sentence is a bulleted line ("– 12 Kh-101
// cruise missiles;").
func isListItem(text string, s sentence) bool {
	r, _ := utf8.DecodeRuneInString(text[s.S:s.E])
	return strings.ContainsRune("–—-•*·", r)
}

// listRole reads the role a list introduction gives its items: "air
// defence shot down 391 targets:" makes each item an interception.
func listRole(toks []token) string {
	for p := range toks {
		if r := roleOf(toks, p, false); r != "" {
			return r
		}
	}
	return ""
}

// located reports whether any frame names a place.
func located(frames []*frame) bool {
	for _, fr := range frames {
		if len(fr.Places) > 0 {
			return true
		}
	}
	return false
}

// metaPlaces locates a document that names no place in its text by its
// title, else by its publisher: a Telegram post by "Kyiv City Mayor" or a
// story from "Zaporizhzhia Evening" is about that place.
func (x *Extractor) metaPlaces(doc *model.Document) []placeRef {
	for _, src := range []string{doc.Title, doc.Publisher} {
		var out []placeRef
		for _, m := range x.find(src) {
			if m.Loc.Feature != "country" {
				m.Loc.Start, m.Loc.End = 0, 0 // not in the text
				out = append(out, placeRef{placeMention: m})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// anaphoricPlace resolves "the city", "the city's", "the capital", "the
// town", "the village" and "the area" in a clause that names no place to the last town named
// before it, and returns the town to remember for later clauses.
func anaphoricPlace(places []placeRef, ct []token, last *placeRef) ([]placeRef, *placeRef) {
	for i := range places {
		p := places[i]
		if !p.Weak && p.Loc.Feature != "admin1" && p.Loc.Feature != "admin2" {
			last = &p
		}
	}
	for _, p := range places {
		if !p.Weak {
			return places, last
		}
	}
	if last == nil {
		return places, last
	}
	for i := 0; i+1 < len(ct); i++ {
		if ct[i].Low == "the" && (ct[i+1].Low == "city" || ct[i+1].Low == "capital" || ct[i+1].Low == "town" ||
			ct[i+1].Low == "village" || ct[i+1].Low == "area") &&
			!(i+2 < len(ct) && ct[i+2].Low == "of") {
			return append(places, *last), last
		}
	}
	return places, last
}

// isOpinion reports whether a text is written in the first person outside
// quotes: a column or analysis, whose recollections are not new reports.
func isOpinion(sentToks [][]token, text string) bool {
	n := 0
	for _, toks := range sentToks {
		quoted := false
		for _, t := range toks {
			switch t.Low {
			case "“", "”", "\"":
				quoted = !quoted
			}
			if !quoted && firstPerson[t.Low] && (t.Low != "i" || text[t.S:t.E] == "I") {
				n++
				break
			}
		}
	}
	return n >= 3
}

// opinionTitle reports whether a title marks its piece as opinion or
// analysis: "Opinion: …", "Analysis | …", "Comment - …", "Editorial: …".
func opinionTitle(title string) bool {
	w := strings.ToLower(firstWord(strings.TrimSpace(title)))
	switch w {
	case "opinion", "analysis", "comment", "commentary", "editorial", "column", "op-ed", "view", "viewpoint", "essay":
	default:
		return false
	}
	rest := strings.TrimLeft(strings.TrimSpace(title)[len(w):], " ")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, "-") ||
		strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// reportID derives a stable report identifier from the document and the
// report's ordinal in it.
func reportID(doc string, n int) string {
	sum := sha256.Sum256([]byte(doc + "/" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:8])
}

// headingPlaces returns the places of a sentence that is nothing but place
// names ("Odesa.", "Kharkiv region:", "Sumy region, past day:"): the
// heading of a terse post, which locates the items under it when they
// name no place of their own.
func headingPlaces(toks []token, mentions []placeMention) []placeRef {
	if len(mentions) == 0 {
		return nil
	}
	var out []placeRef
	for _, t := range toks {
		in := false
		for _, m := range mentions {
			if t.S >= m.S && t.E <= m.E {
				in = true
			}
		}
		switch {
		case in, t.Kind != tokWord, headingWords[t.Low]:
		default:
			return nil
		}
	}
	for _, m := range mentions {
		if m.Loc.Feature != "country" {
			out = append(out, placeRef{placeMention: m})
		}
	}
	return out
}

// headingWords may stand beside the place in a post's heading.
var headingWords = set("region", "oblast", "city", "district", "community", "past", "last", "day", "hours",
	"night", "overnight", "morning", "evening", "update", "updates", "situation", "in", "the", "and", "as", "of", "today")

// interceptIn reports whether a clause speaks of interceptions: "its
// forces downed 337 drones" tells the defender, not the attacker.
func interceptIn(toks []token) bool {
	for _, t := range toks {
		if interceptWords[t.Low] && t.Low != "destroyed" {
			return true
		}
	}
	return false
}

// caveatAfter reports whether a caveat ("could not be independently
// verified") follows sentence si: the next sentence, or a later one in its
// paragraph in the plural ("The claims could not be verified") that covers
// every claim of the paragraph.
func caveatAfter(sents []sentence, toks [][]token, si int) bool {
	for sj := si + 1; sj < len(sents) && sj <= si+4; sj++ {
		if sj > si+1 && sents[sj].ParaStart {
			return false
		}
		if caveat(toks[sj]) {
			if sj == si+1 {
				return true
			}
			for _, t := range toks[sj] {
				switch t.Low {
				case "claims", "reports", "figures", "statements", "accounts", "they", "these", "either":
					return true
				}
			}
			return false
		}
	}
	return false
}
