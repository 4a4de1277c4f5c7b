package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// Feature is the kind of place a gazetteer entry is.
type Feature string

// The features the gazetteer holds. They are the values of
// model.Location.Feature.
const (
	Country Feature = "country"
	Admin1  Feature = "admin1" // oblast, krai, republic, federal city
	Admin2  Feature = "admin2" // raion, an oblast's district
	City    Feature = "city"   // any populated place, from a capital to a hamlet
	// District is an administrative district of a city (міський район:
	// Kyiv's Solomianskyi, Kharkiv's Saltivskyi). Each has a parent city
	// (see ParentOf); its code is PPLX, GeoNames' "section of populated
	// place".
	District Feature = "district"
	Airport  Feature = "airport"
	Airbase  Feature = "airbase"
	Site     Feature = "site" // plants, depots, bridges, ports and other named targets
)

// Place is one gazetteer entry.
type Place struct {
	GeonamesID int64   // 0 for curated entries without one
	Name       string  // canonical English name: "Kyiv", "Kharkiv Oblast"
	Feature    Feature // see the Feature constants
	Code       string  // GeoNames feature code where known: "PPLC", "PPLA", "PPL"
	Country    string  // ISO 3166-1 alpha-2
	Admin1Code string  // GeoNames admin1 code within Country: "07"
	Admin2Code string  // GeoNames admin2 code; for Ukraine the raion's KATOTTH code: "6308"
	Admin1     string  // admin1 name: "Kharkiv Oblast"; an admin1 entry's own name
	Lat, Lon   float64
	Population int64
	Curated    bool // added or corrected by the curated supplement
}

// ID is an index into Gazetteer.Places.
type ID int32

// Gazetteer is the loaded place list and its name index. It is read-only
// after loading and safe for concurrent use.
type Gazetteer struct {
	Places []Place

	index    map[string][]ID // Key and LatinKeys of every name
	stems    map[string][]ID // Cyrillic stems (see Stem) of every Cyrillic name
	admin1   map[string]ID   // "UA.07" → the admin1 entry
	country  map[string]ID   // "UA" → the country entry
	acronyms map[string]bool // keys of names written in capitals: "ZNPP", "DPR"
	raions   map[string]ID   // "UA.12.6308" → the raion entry
	parent   map[ID]ID       // a city district → its city
	children map[ID][]ID     // a city → its districts
	maxWords int
	names    int
}

// Lookup returns the places one of whose names has this key (see Key and
// LatinKeys). The slice is shared: do not modify it.
func (g *Gazetteer) Lookup(key string) []ID { return g.index[key] }

// LookupStem returns the places one of whose Cyrillic names has this stem
// (see Stem). The slice is shared: do not modify it.
func (g *Gazetteer) LookupStem(stem string) []ID { return g.stems[stem] }

// Admin1 returns the admin1 entry of a country's admin1 code.
func (g *Gazetteer) Admin1(country, code string) (ID, bool) {
	id, ok := g.admin1[country+"."+code]
	return id, ok
}

// CountryOf returns the country entry for an ISO code.
func (g *Gazetteer) CountryOf(iso string) (ID, bool) {
	id, ok := g.country[iso]
	return id, ok
}

// RaionOf returns the raion (admin2 entry) a Ukrainian place lies in.
func (g *Gazetteer) RaionOf(id ID) (ID, bool) {
	p := &g.Places[id]
	r, ok := g.raions[p.Country+"."+p.Admin1Code+"."+p.Admin2Code]
	return r, ok && p.Admin2Code != ""
}

// ParentOf returns the city a city district (Feature District) belongs to.
func (g *Gazetteer) ParentOf(id ID) (ID, bool) {
	p, ok := g.parent[id]
	return p, ok
}

// DistrictsOf returns the districts of a city, in supplement order, or nil
// for a place without districts. The slice is shared: do not modify it.
func (g *Gazetteer) DistrictsOf(city ID) []ID { return g.children[city] }

// IsAcronym reports whether a key belongs to a name written in capitals in
// the gazetteer ("ZNPP", "USA"), so a capitalised abbreviation in a text may
// be read as that place.
func (g *Gazetteer) IsAcronym(key string) bool { return g.acronyms[key] }

// MaxWords is the largest number of words in any indexed name.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.Places) }

// NameCount returns the number of distinct names indexed.
func (g *Gazetteer) NameCount() int { return g.names }

// KeyCount returns the number of distinct keys in the index.
func (g *Gazetteer) KeyCount() int { return len(g.index) }

// CountByCountry returns how many places each country has.
func (g *Gazetteer) CountByCountry() map[string]int {
	m := map[string]int{}
	for _, p := range g.Places {
		m[p.Country]++
	}
	return m
}

// Stem strips one inflectional ending from a lower-case Cyrillic word, so
// that the declined forms a Ukrainian or Russian sentence uses ("у Сумах",
// "в Одесі", "Харківської області") meet the dictionary form ("Суми",
// "Одеса", "Харківська область"). It returns the word unchanged when it has
// no known ending or when stripping would leave fewer than three letters.
func Stem(word string) string { return stemMin(word, 3) }

// stemMin strips the longest ending that leaves at least min letters.
func stemMin(word string, min int) string {
	n := utf8.RuneCountInString(word)
	for _, suf := range cyrEndings {
		if strings.HasSuffix(word, suf) && n-utf8.RuneCountInString(suf) >= min {
			return word[:len(word)-len(suf)]
		}
	}
	return word
}

// cyrEndings are Ukrainian and Russian case endings, longest first.
// They stop short of the adjective stem "-ськ-"/"-ск-", so "Харківської"
// and "Харківська" share the stem "харківськ".
var cyrEndings = []string{
	"ого", "ому", "ими", "ами", "ями", "ові", "еві", "ою", "ею", "ью", "ої", "ій", "ий", "ая", "ую",
	"ой", "ей", "ый", "ым", "им", "ом", "ем", "ах", "ях", "ых", "их", "ые", "ие",
	"а", "я", "у", "ю", "і", "и", "е", "о", "ї", "й", "ь", "ы",
}

// stemVariants returns the stem of a Cyrillic word plus the forms a
// Ukrainian vowel alternation gives it: Київ/Києва, Харків/Харкова,
// Миколаїв/Миколаєва alternate і or ї in the last syllable with о, е or є.
func stemVariants(word string) []string { return stemVariantsMin(word, 3) }

func stemVariantsMin(word string, min int) []string {
	out := vowelVariants(stemMin(word, min))
	// Ukrainian locatives soften a final г, к, х to з, ц, с: Ріг → Розі.
	for _, v := range out {
		rs := []rune(v)
		if len(rs) < 2 {
			continue
		}
		if alt, ok := map[rune]rune{'г': 'з', 'к': 'ц', 'х': 'с'}[rs[len(rs)-1]]; ok {
			rs[len(rs)-1] = alt
			out = append(out, string(rs))
		}
	}
	return out
}

// vowelVariants returns s and the forms the і/о/е and ї/є alternation of
// its last syllable gives it.
func vowelVariants(s string) []string {
	out := []string{s}
	rs := []rune(s)
	if len(rs) < 3 || isCyrVowel(rs[len(rs)-1]) {
		return out
	}
	for i := len(rs) - 2; i >= len(rs)-3 && i > 0; i-- {
		switch rs[i] {
		case 'і':
			for _, alt := range []rune{'о', 'е'} {
				v := append([]rune(nil), rs...)
				v[i] = alt
				out = append(out, string(v))
			}
			return out
		case 'ї':
			v := append([]rune(nil), rs...)
			v[i] = 'є'
			return append(out, string(v))
		}
		if isCyrVowel(rs[i]) {
			return out
		}
	}
	return out
}

// Stems returns every stem of a lower-case Cyrillic word, one per ending it
// carries, longest ending first: "львові" gives "льв" and "львов" (the
// latter meets Львів through its vowel alternation).
func Stems(word string) []string {
	n := utf8.RuneCountInString(word)
	var out []string
	for _, suf := range cyrEndings {
		if strings.HasSuffix(word, suf) && n-utf8.RuneCountInString(suf) >= 3 {
			out = append(out, word[:len(word)-len(suf)])
		}
	}
	if len(out) == 0 {
		out = append(out, word)
	}
	return out
}

// StemKey stems every word of a folded Cyrillic key. Inside a name of
// several words a stem may keep two letters ("Часовим Яром" → "часов яр").
func StemKey(key string) string {
	if !strings.Contains(key, " ") {
		return Stem(key)
	}
	ws := strings.Split(key, " ")
	for i, w := range ws {
		ws[i] = stemMin(w, 2)
	}
	return strings.Join(ws, " ")
}

// stemKeyVariants returns the stem keys of a multi-word Cyrillic name with
// the vowel alternations of each word (see stemVariants), at most 16.
func stemKeyVariants(key string) []string {
	out := []string{""}
	for i, w := range strings.Split(key, " ") {
		vs := stemVariantsMin(w, 2)
		next := make([]string, 0, len(out)*len(vs))
		for _, o := range out {
			for _, v := range vs {
				if i > 0 {
					v = o + " " + v
				}
				next = append(next, v)
			}
		}
		if len(next) > 16 {
			next = next[:16]
		}
		out = next
	}
	return out
}
