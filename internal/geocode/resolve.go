package geocode

import (
	"math"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
)

// Score weights. A candidate's score is its prior (what it is and how big)
// plus what the document says around it. They are tuned on the project's
// own table of mentions (geocode_test.go), not on any one document.
const (
	wAdminInText    = 2.0 // its oblast is named somewhere in the text
	wAdminNear      = 2.5 // ... right next to it ("X in the Y region", "X, Y Oblast")
	wCountryShare   = 1.5 // times the share of unambiguous mentions in its country
	wProximity      = 2.0 // times exp(-km/proximityKm) to the nearest unambiguous place
	proximityKm     = 120.0
	wEarlier        = 1.5 // an earlier mention of the same name resolved to it
	nearAfterBytes  = 60  // how far after a mention its admin area may be named
	nearBeforeByte  = 40  // ... and how far before
	maxMinorContext = 3.0 // cap on context for places under 20,000

	// A city district ("the Shevchenkivskyi district") is told from its
	// namesakes in other cities, and from a raion or town of the same name,
	// only by its city: named right beside it ("Kyiv's X district", "X
	// district of Kyiv", "у X районі Києва"), in the same sentence, or
	// anywhere in the text.
	wParentNear     = 5.0
	wParentSentence = 3.5
	wParentInText   = 2.0
	// wDistrictAlone lowers a district whose city the text never names and
	// near which nothing else lies, below a raion or town of that name.
	wDistrictAlone = 1.5
	// aloneConfidence caps the confidence of a district kept without any
	// context: the only district of that name, in a text that names no other
	// place.
	aloneConfidence = 0.25
)

// resolution is the chosen place for one span.
type resolution struct {
	id         gazetteer.ID // -1 when the span was dropped
	confidence float64
	// unlisted is set when the text places the name where none of its
	// gazetteer namesakes lies ("Ivanivka in the Kharkiv region" when the
	// gazetteer has no Ivanivka there, "Bilenke near Kramatorsk"): the
	// mention is then reported as an unlisted place at admin, the admin
	// area or town the text names.
	unlisted bool
	admin    gazetteer.ID
}

// scored is one candidate with its score components.
type scored struct {
	id                                                gazetteer.ID
	prior, admin, country, proximity, earlier, parent float64
}

func (s scored) total() float64 {
	return s.prior + s.admin + s.country + s.proximity + s.earlier + s.parent
}

// alone reports whether nothing in the text supports a city district: its
// city is not named, nor its oblast, nor any place within reach.
func (s scored) alone() bool {
	return s.parent == 0 && s.admin == 0 && s.earlier == 0 && s.proximity < minDistrictProximity
}

// minDistrictProximity is the proximity score that counts as context for a
// city district: an unambiguous place within districtReachKm, in the city
// itself. A town 100 km off says nothing about which city's "Kyivskyi
// district" is meant (Poltava has one too).
var minDistrictProximity = wProximity * math.Exp(-districtReachKm/proximityKm)

// districtReachKm is how far from a district a place may lie and still be
// in its city.
const districtReachKm = 20.0

// docContext is what the whole text says about where it is.
type docContext struct {
	text    string
	admins  map[string][]span           // "UA.07" → the spans that name that admin area
	share   map[string]float64          // country → share of unambiguous mentions
	anchors []anchor                    // distinct unambiguous populated places and sites
	cities  map[gazetteer.ID][]byteSpan // a city with districts → where the text may name it; nil when no span may be a district
}

type anchor struct {
	key      string
	lat, lon float64
}

// prior scores a place before context: its feature, size, status and
// whether it lies in the countries sitrep reports on.
func prior(p *gazetteer.Place) float64 {
	var s float64
	switch p.Feature {
	case gazetteer.Country:
		s = 6
	case gazetteer.Admin1:
		s = 5
	case gazetteer.Airbase, gazetteer.Airport, gazetteer.Site:
		s = 4.5
	case gazetteer.Admin2:
		s = 4
	case gazetteer.District:
		s = 2.5 // below a raion, level with a town of 10,000: its city's name decides
	default:
		pop := p.Population
		switch {
		case pop == 0 && p.Curated:
			pop = 2000
		case pop < 500:
			pop = 500 // GeoNames' 0 means unknown; cities500 lists places of about 500 or more
		}
		s = 0.6 * math.Log10(float64(pop)+10)
		switch p.Code {
		case "PPLC":
			s += 1.5
		case "PPLA":
			s += 0.8
		case "PPLA2":
			s += 0.3
		}
	}
	switch p.Country {
	case "UA":
		s += 1.2
	case "RU":
		s += 1.0
	case "BY", "MD":
		s += 0.5
	}
	return s
}

// context gathers the document-level evidence from the spans whose reading
// is not in doubt.
//
// In the first round (picks nil) a span counts when its best candidate leads
// on prior alone; in the second, when the first round picked it with a
// confidence of at least 0.5, so two mentions that are each ambiguous
// ("Kostiantynivka" and "Pokrovsk") can still settle each other.
func (g *Geocoder) context(text string, spans []span, picks []resolution) docContext {
	c := docContext{text: text, share: map[string]float64{}, admins: map[string][]span{}}
	seen := map[gazetteer.ID]bool{}
	n := 0.0
	if g.anyDistrict(spans) {
		c.cities = g.cityMentions(spans)
	}
	for i, sp := range spans {
		var id gazetteer.ID
		var ok bool
		if picks == nil {
			id, ok = g.unambiguous(sp)
		} else {
			id, ok = picks[i].id, picks[i].id >= 0 && picks[i].confidence >= 0.5
		}
		if !ok {
			continue
		}
		p := &g.gaz.Places[id]
		c.share[p.Country]++
		n++
		switch p.Feature {
		case gazetteer.Admin1:
			k := p.Country + "." + p.Admin1Code
			c.admins[k] = append(c.admins[k], sp)
		case gazetteer.Country:
		case gazetteer.Admin2:
			// A raion names its oblast too, and its point is a fair anchor.
			k := p.Country + "." + p.Admin1Code
			c.admins[k] = append(c.admins[k], sp)
			if !seen[id] {
				seen[id] = true
				c.anchors = append(c.anchors, anchor{sp.key, p.Lat, p.Lon})
			}
		default:
			if !seen[id] {
				seen[id] = true
				c.anchors = append(c.anchors, anchor{sp.key, p.Lat, p.Lon})
			}
		}
	}
	for k := range c.share {
		c.share[k] /= n
	}
	return c
}

// unambiguous returns a span's place when one candidate clearly leads on
// prior alone.
func (g *Geocoder) unambiguous(sp span) (gazetteer.ID, bool) {
	if len(sp.ids) == 1 {
		return sp.ids[0], true
	}
	best, second := -1.0, -1.0
	bestID := sp.ids[0]
	for _, id := range sp.ids {
		s := prior(&g.gaz.Places[id])
		switch {
		case s > best:
			second, best, bestID = best, s, id
		case s > second:
			second = s
		}
	}
	return bestID, best-second >= 1.5
}

// score computes every candidate's components for the span at index i.
func (g *Geocoder) score(spans []span, i int, c *docContext, earlier map[string]gazetteer.ID) []scored {
	sp := spans[i]
	out := make([]scored, 0, len(sp.ids))
	for _, id := range sp.ids {
		p := &g.gaz.Places[id]
		s := scored{id: id, prior: prior(p)}
		if p.Feature != gazetteer.Admin1 && p.Feature != gazetteer.Country && p.Admin1Code != "" {
			for _, a := range c.admins[p.Country+"."+p.Admin1Code] {
				s.admin = math.Max(s.admin, wAdminInText)
				if (a.start >= sp.end && a.start-sp.end <= nearAfterBytes) || (a.end <= sp.start && sp.start-a.end <= nearBeforeByte) {
					s.admin = wAdminInText + wAdminNear
				}
			}
		}
		s.country = wCountryShare * c.share[p.Country]
		if p.Feature != gazetteer.Country && p.Feature != gazetteer.Admin1 && len(sp.ids) > 1 {
			best := math.Inf(1)
			for _, a := range c.anchors {
				if a.key == sp.key {
					continue
				}
				best = math.Min(best, approxKm(p.Lat, p.Lon, a.lat, a.lon))
			}
			if !math.IsInf(best, 1) {
				s.proximity = wProximity * math.Exp(-best/proximityKm)
			}
		}
		if prev, ok := earlier[sp.key]; ok && prev == id {
			s.earlier = wEarlier
		}
		if p.Feature == gazetteer.District {
			if city, ok := g.gaz.ParentOf(id); ok {
				s.parent = c.parentScore(sp, c.cities[city])
			}
			if s.alone() {
				s.prior -= wDistrictAlone
			}
		}
		if p.Feature == gazetteer.City && p.Population < 20000 && !p.Curated {
			// Context may lift a small place over a bigger one of the same
			// name, but not over an admin area or a country.
			if extra := s.admin + s.proximity + s.earlier - maxMinorContext; extra > 0 {
				s.proximity = math.Max(0, s.proximity-extra)
			}
			if sp.kind == byStem {
				s.prior -= 1 // a declined form more often means the oblast adjective
			}
		}
		out = append(out, s)
	}
	return out
}

// resolve picks one place per span and says how sure it is.
func (g *Geocoder) resolve(text string, spans []span) []resolution {
	first := g.round(text, spans, g.context(text, spans, nil))
	return g.round(text, spans, g.context(text, spans, first))
}

// round resolves every span against one document context.
func (g *Geocoder) round(text string, spans []span, c docContext) []resolution {
	res := make([]resolution, len(spans))
	earlier := map[string]gazetteer.ID{}
	for i := range spans {
		cands := g.score(spans, i, &c, earlier)
		if len(cands) == 0 {
			res[i] = resolution{id: -1}
			continue
		}
		best, p := pick(cands)
		conf := p
		switch spans[i].kind {
		case byStem:
			conf *= 0.9
		case byTranslit:
			conf *= 0.85
		}
		if pl := &g.gaz.Places[best.id]; pl.Feature == gazetteer.City && pl.Population < 5000 && !pl.Curated {
			conf *= 0.8
			// A village far from every other place the text names is
			// likely a namesake the gazetteer lacks.
			if d := nearestAnchor(&c, spans[i].key, pl.Lat, pl.Lon); d > farKm {
				conf *= 0.6
			}
		}
		if pl := &g.gaz.Places[best.id]; pl.Feature == gazetteer.District && best.alone() {
			// A district with nothing in the text to place it: kept, barely,
			// when its name is its own and the text names no other place
			// (it then has no rival reading), dropped otherwise.
			if districtNamesakes(g.gaz, cands) > 1 || len(c.anchors) > 0 {
				res[i] = resolution{id: -1}
				continue
			}
			conf = math.Min(conf, aloneConfidence)
		}
		res[i] = resolution{id: best.id, confidence: math.Round(math.Max(0.05, math.Min(0.99, conf))*1000) / 1000}
		if admin, ok := g.unlistedIn(text, spans, i, cands); ok {
			res[i] = resolution{id: best.id, confidence: unlistedConfidence, unlisted: true, admin: admin}
		}
		if _, ok := earlier[spans[i].key]; !ok {
			earlier[spans[i].key] = best.id
		}
	}
	return res
}

// byteSpan is where a mention lies in the text, in bytes.
type byteSpan struct{ start, end int }

// anyDistrict reports whether any span may be read as a city district; only
// then does the context record where cities are named.
func (g *Geocoder) anyDistrict(spans []span) bool {
	for _, sp := range spans {
		for _, id := range sp.ids {
			if g.gaz.Places[id].Feature == gazetteer.District {
				return true
			}
		}
	}
	return false
}

// cityMentions records where the spans may name a city with districts. Any
// reading counts: "Odesa" names the city whatever it resolves to.
func (g *Geocoder) cityMentions(spans []span) map[gazetteer.ID][]byteSpan {
	m := map[gazetteer.ID][]byteSpan{}
	for _, sp := range spans {
		for _, id := range sp.ids {
			if len(g.gaz.DistrictsOf(id)) > 0 {
				m[id] = append(m[id], byteSpan{sp.start, sp.end})
			}
		}
	}
	return m
}

// parentScore scores how closely the text names a district's city: right
// beside the district, in its sentence, or elsewhere.
func (c *docContext) parentScore(sp span, mentions []byteSpan) float64 {
	best := 0.0
	for _, m := range mentions {
		if m.start == sp.start {
			continue
		}
		var gap string
		before := m.end <= sp.start
		if before {
			gap = c.text[m.end:sp.start]
		} else if m.start >= sp.end {
			gap = c.text[sp.end:m.start]
		} else {
			continue
		}
		w := wParentInText
		switch {
		case len(gap) <= maxParentGap && (before && parentBefore[normGap(gap)] || !before && parentAfter[normGap(gap)]):
			w = wParentNear
		case !strings.ContainsAny(gap, ".!?;\n"):
			w = wParentSentence
		}
		best = math.Max(best, w)
	}
	return best
}

// maxParentGap is the longest gap, in bytes, that parentBefore and
// parentAfter can match, with room for extra spaces.
const maxParentGap = 40

// parentBefore are the words between a city and its district named after
// it: "Kyiv's Solomianskyi district", "Kharkiv, Saltivskyi district", "у
// Києві, в Солом'янському районі".
var parentBefore = map[string]bool{
	"'s": true, "’s": true, "": true, ",": true, ", in the": true, ", in": true, "—": true, ":": true,
	", у": true, ", в": true, "(": true,
}

// parentAfter are the words between a district and its city named after
// it: "the Shevchenkivskyi district of Kyiv", "X district in Odesa", "X
// district, Kharkiv", "у Шевченківському районі Києва".
var parentAfter = map[string]bool{
	"": true, "of": true, "in": true, ",": true, "(": true, "of the city of": true, "in the city of": true,
	"of the capital": true, "міста": true, "города": true, "м.": true, "г.": true, "у": true, "в": true,
}

// normGap lower-cases a gap between two mentions and folds its spaces.
func normGap(gap string) string {
	return strings.ToLower(strings.Join(strings.Fields(gap), " "))
}

// districtNamesakes counts the city districts among a span's candidates.
func districtNamesakes(gaz *gazetteer.Gazetteer, cands []scored) int {
	n := 0
	for _, s := range cands {
		if gaz.Places[s.id].Feature == gazetteer.District {
			n++
		}
	}
	return n
}

// pick returns the best candidate and its softmax share of all candidates.
func pick(cands []scored) (scored, float64) {
	best := cands[0]
	for _, s := range cands[1:] {
		if s.total() > best.total() {
			best = s
		}
	}
	var sum float64
	for _, s := range cands {
		sum += math.Exp(s.total() - best.total())
	}
	return best, 1 / sum
}

// farKm is the distance beyond which a village is far from the story.
const farKm = 300

// nearestAnchor returns the distance to the closest anchor not named key,
// or 0 when there is none.
func nearestAnchor(c *docContext, key string, lat, lon float64) float64 {
	best := math.Inf(1)
	for _, a := range c.anchors {
		if a.key != key {
			best = math.Min(best, approxKm(lat, lon, a.lat, a.lon))
		}
	}
	if math.IsInf(best, 1) {
		return 0
	}
	return best
}

// approxKm is the equirectangular distance, close to km within a few
// hundred kilometres and much cheaper; proximity only needs that range.
func approxKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	x := (lon2 - lon1) * math.Pi / 180 * math.Cos((lat1+lat2)/2*math.Pi/180)
	y := (lat2 - lat1) * math.Pi / 180
	return r * math.Sqrt(x*x+y*y)
}

// km is the great-circle distance between two points.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func exp(x float64) float64 { return math.Exp(x) }

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// unlistedConfidence is the confidence of a mention placed only by the
// admin area the text puts it in.
const unlistedConfidence = 0.3

// inGaps are the words that put a place inside the admin area named right
// after it: "X in the Y region", "X, Y Oblast", "X (Y Oblast)", "X у
// Харківській області", "X Харківської області".
var inGaps = map[string]bool{
	"": true, ",": true, "in": true, "in the": true, "of": true, "of the": true, "(": true, ", in": true,
	", in the": true, "у": true, "в": true, "на": true, "(в": true, ", у": true, ", в": true,
}

// nearGaps are the words that put a place next to the town named after it:
// "X near Y", "X outside Y", "X біля Y".
var nearGaps = map[string]bool{
	"near": true, ", near": true, "outside": true, ", outside": true, "close to": true, "next to": true,
	"біля": true, "поблизу": true, "поруч з": true, "під": true, "около": true, "под": true, "возле": true,
}

// nearKm is how far from the town it is said to be near a village may lie.
const nearKm = 50

// unlistedIn reports where a small place is explicitly put when none of its
// namesakes lies there: in the admin area named right after it ("X in the Y
// region", "X, Y Oblast"), or at the town it is said to be near ("X near
// Y") when every namesake is farther than nearKm from that town.
func (g *Geocoder) unlistedIn(text string, spans []span, i int, cands []scored) (gazetteer.ID, bool) {
	if i+1 >= len(spans) {
		return 0, false
	}
	sp, next := spans[i], spans[i+1]
	if next.start-sp.end > 40 {
		return 0, false
	}
	gap := strings.ToLower(strings.Join(strings.Fields(text[sp.end:next.start]), " "))
	for _, c := range cands {
		if p := &g.gaz.Places[c.id]; p.Feature != gazetteer.City || p.Population >= 50000 {
			return 0, false
		}
	}
	there, ok := g.unambiguous(next)
	if !ok {
		return 0, false
	}
	a := &g.gaz.Places[there]
	switch {
	case inGaps[gap] && a.Feature == gazetteer.Admin1:
		for _, c := range cands {
			if p := &g.gaz.Places[c.id]; p.Country == a.Country && p.Admin1Code == a.Admin1Code {
				return 0, false
			}
		}
		return there, true
	case nearGaps[gap] && a.Feature == gazetteer.City:
		for _, c := range cands {
			if p := &g.gaz.Places[c.id]; km(p.Lat, p.Lon, a.Lat, a.Lon) <= nearKm {
				return 0, false
			}
		}
		return there, true
	}
	return 0, false
}
