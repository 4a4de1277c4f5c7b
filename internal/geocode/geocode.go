package geocode

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// Geocoder finds and resolves place mentions against a gazetteer. It holds
// no per-call state and is safe for concurrent use.
type Geocoder struct {
	gaz       *gazetteer.Gazetteer
	districts bool // Find reports city districts (see WithDistricts)
}

// New returns a geocoder over g.
func New(g *gazetteer.Gazetteer) *Geocoder { return &Geocoder{gaz: g} }

// WithDistricts returns a geocoder over the same gazetteer whose Find also
// reports city districts ("Odesa's Prymorskyi district" as the Prymorskyi
// District of Odesa, feature "district").
//
// Without it Find still reads a district's name as one, so "the
// Prymorskyi district" is no longer taken for the town of Prymorskyi in
// Crimea, but leaves the mention out, as before districts existed:
// extraction treats every location of a sentence as a place of its own and
// would split "debris fell in Kyiv's Sviatoshynskyi and Darnytskyi
// districts" from the attack on Kyiv until it knows that a district lies in
// its city (gazetteer.ParentOf). Candidates always lists districts.
func (g *Geocoder) WithDistricts() *Geocoder { return &Geocoder{gaz: g.gaz, districts: true} }

var (
	defaultOnce sync.Once
	defaultGeo  *Geocoder
	defaultErr  error
)

// Default returns the geocoder over the embedded gazetteer, loaded once;
// safe for concurrent use.
func Default() (*Geocoder, error) {
	defaultOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			defaultErr = fmt.Errorf("geocode: load gazetteer: %w", err)
			return
		}
		defaultGeo = New(g)
	})
	return defaultGeo, defaultErr
}

// Gazetteer returns the gazetteer the geocoder resolves against.
func (g *Geocoder) Gazetteer() *gazetteer.Gazetteer { return g.gaz }

// Mention is one place mention in a text, resolved to one gazetteer entry.
type Mention struct {
	ByteStart, ByteEnd int    // span in text, in bytes
	Text               string // as written: "Kiev", "Черкаський", "Sumy region"
	// Location is the resolved place. Its Start and End are character
	// offsets (model.RuneIndex); Resolved is true; Confidence is 0..1.
	Location model.Location
}

// matchKind says how a mention's words met a gazetteer name.
type matchKind int

const (
	byName     matchKind = iota // the folded words are a name's key
	byStem                      // a declined Cyrillic form met a name's stem
	byTranslit                  // Cyrillic words met a Latin name through transliteration
)

func (k matchKind) String() string {
	return [...]string{"name", "stem", "transliteration"}[k]
}

// span is a candidate mention before resolution.
type span struct {
	first, last int // token indexes, inclusive
	start, end  int // bytes
	key         string
	kind        matchKind
	ids         []gazetteer.ID
	admin       bool // the words force an admin area ("Kharkiv and Sumy regions")
}

// Find returns every place mention in text, each resolved to one gazetteer
// entry using the whole text as context: admin areas named in the text and
// next to the mention ("X in the Y region"), the countries of the other
// mentions, the distance to unambiguous places, earlier mentions of the same
// name, the feature the words ask for and the size of the place.
func (g *Geocoder) Find(text string) []Mention {
	toks := tokenize(text)
	spans := g.spans(text, toks)
	if len(spans) == 0 {
		return nil
	}
	res := g.resolve(text, spans)
	ri := model.NewRuneIndex(text)
	out := make([]Mention, 0, len(spans))
	for i, sp := range spans {
		r := res[i]
		if r.id < 0 {
			continue
		}
		if !g.districts && g.gaz.Places[r.id].Feature == gazetteer.District {
			continue
		}
		loc := g.location(r.id)
		if r.unlisted {
			// A place the gazetteer lacks, put by the text in an admin area
			// or near a town: named as written, placed at that area or town.
			loc = g.location(r.admin)
			loc.Name, loc.Feature, loc.GeonamesID = gazetteer.Romanise(text[sp.start:sp.end]), string(gazetteer.City), 0
		}
		loc.MatchedText = text[sp.start:sp.end]
		loc.Start, loc.End = ri.Char(sp.start), ri.Char(sp.end)
		loc.Confidence = r.confidence
		out = append(out, Mention{ByteStart: sp.start, ByteEnd: sp.end, Text: loc.MatchedText, Location: loc})
	}
	return out
}

// location renders a gazetteer entry as a model.Location.
func (g *Geocoder) location(id gazetteer.ID) model.Location {
	p := &g.gaz.Places[id]
	return model.Location{
		Name: p.Name, Admin1: p.Admin1, Country: p.Country, Lat: p.Lat, Lon: p.Lon,
		GeonamesID: p.GeonamesID, Feature: string(p.Feature), Resolved: true,
	}
}

// spans finds the longest gazetteer names in the token stream.
func (g *Geocoder) spans(text string, toks []token) []span {
	var out []span
	maxW := g.gaz.MaxWords()
	surnames := personSurnames(toks)
	var kb strings.Builder
	for i := 0; i < len(toks); {
		if !toks[i].upper {
			i++
			continue
		}
		run := 1 // how many tokens from i can form one name
		for run < maxW && i+run < len(toks) && toks[i+run].joinPrev && toks[i+run].cyr == toks[i].cyr {
			run++
		}
		found := false
		for n := run; n >= 1; n-- {
			kb.Reset()
			for k := i; k < i+n; k++ {
				if k > i {
					kb.WriteByte(' ')
				}
				kb.WriteString(toks[k].key)
			}
			key := kb.String()
			ids, kind := g.lookup(key, toks[i].cyr)
			if len(ids) == 0 {
				continue
			}
			if toks[i].cyr && adjectival(toks[i].key) {
				ids = g.adminsOnly(ids)
			}
			sp := span{first: i, last: i + n - 1, start: toks[i].start, end: toks[i+n-1].end, key: key, kind: kind, ids: ids}
			if n == 1 && (g.rejectSingle(text, toks, i, ids) || surnames[toks[i].key] && !g.anyCentre(ids)) {
				break
			}
			out = append(out, sp)
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
	g.promoteAdminRuns(text, toks, out)
	return out
}

// lookup finds the places of a folded key: by name, then (for Cyrillic) by
// stem and by transliteration.
func (g *Geocoder) lookup(key string, cyr bool) ([]gazetteer.ID, matchKind) {
	if ids := g.gaz.Lookup(key); len(ids) > 0 {
		return ids, byName
	}
	if !cyr {
		return nil, byName
	}
	if strings.Contains(key, " ") {
		st := gazetteer.StemKey(key)
		if ids := g.stemFilter(g.gaz.LookupStem(st), len(st)); len(ids) > 0 {
			return ids, byStem
		}
	} else {
		for _, st := range gazetteer.Stems(key) {
			if ids := g.stemFilter(g.gaz.LookupStem(st), utf8.RuneCountInString(st)); len(ids) > 0 {
				return ids, byStem
			}
		}
	}
	// "Нікопольщина", "Бахмутщини": the area around a town, read as the
	// town's raion (or the town where the raion is unknown).
	if i := strings.Index(key, "щин"); i > 0 && !strings.Contains(key, " ") {
		for _, id := range g.gaz.Lookup(key[:i]) {
			if r, ok := g.gaz.RaionOf(id); ok {
				return []gazetteer.ID{r}, byStem
			}
			return []gazetteer.ID{id}, byStem
		}
	}
	// Through transliteration only places of the countries reported in
	// depth qualify: a Cyrillic word that merely sounds like a foreign city
	// ("Розі", Roseau) is not one; Cyrillic reports name those in Cyrillic.
	for _, lk := range gazetteer.LatinKeys(key) {
		var ids []gazetteer.ID
		for _, id := range g.gaz.Lookup(lk) {
			switch g.gaz.Places[id].Country {
			case "UA", "RU", "BY", "MD":
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			return ids, byTranslit
		}
	}
	return nil, byName
}

// stemFilter keeps the stem matches worth a declined form: places of the
// countries reported in depth, admin areas, sites and cities of 100,000 or
// more elsewhere (a stem is short, and a small foreign town matches by
// accident: "Розі" is not Roseau). A stem of three letters ("сум", "роз")
// only reaches admin areas, sites and towns of 20,000 or more.
func (g *Geocoder) stemFilter(ids []gazetteer.ID, stemLen int) []gazetteer.ID {
	var out []gazetteer.ID
	for _, id := range ids {
		p := &g.gaz.Places[id]
		if p.Feature == gazetteer.City && stemLen < 4 && p.Population < 20000 {
			continue
		}
		switch {
		case p.Country == "UA", p.Country == "RU", p.Country == "BY", p.Country == "MD",
			p.Feature != gazetteer.City, p.Population >= 100000:
			out = append(out, id)
		}
	}
	return out
}

// adjectival reports whether a Cyrillic word is a place adjective
// ("Курскую", "Харківської", "Донецька", "Запорізькій"), the form that
// names an oblast or raion rather than its town.
func adjectival(word string) bool {
	for _, stem := range []string{"ськ", "цьк", "зьк", "ск", "цк", "зк"} {
		i := strings.LastIndex(word, stem)
		if i <= 0 {
			continue
		}
		switch word[i+len(stem):] {
		// Not "а", "у", "ом", "ою" or "і": "Донецька", "Курска", "Донецьку",
		// "Курском" are also cases of the towns Донецьк and Курск.
		case "ої", "ій", "ий", "ого", "ому", "им", "ім", "ая", "ой", "ую", "ое", "ие", "их", "іх":
			return true
		}
	}
	return false
}

// adminsOnly keeps the admin areas (city districts among them) among ids,
// or all of ids when there are none.
func (g *Geocoder) adminsOnly(ids []gazetteer.ID) []gazetteer.ID {
	var out []gazetteer.ID
	for _, id := range ids {
		if f := g.gaz.Places[id].Feature; f == gazetteer.Admin1 || f == gazetteer.Admin2 || f == gazetteer.District {
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}
