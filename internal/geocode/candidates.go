package geocode

import (
	"sort"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// Candidate is one reading of a name with the parts of its score, so a user
// can see why a name resolved where it did (`sitrep geocode`).
type Candidate struct {
	Location    model.Location `json:"location"`
	Population  int64          `json:"population,omitempty"`
	MatchedBy   string         `json:"matched_by"` // "name", "stem" or "transliteration"
	Score       float64        `json:"score"`
	Probability float64        `json:"probability"`      // softmax share among the candidates
	Prior       float64        `json:"prior"`            // feature, size, capital status, country focus
	Admin       float64        `json:"admin"`            // its admin area is named in the context
	Country     float64        `json:"country"`          // share of the context's places in its country
	Proximity   float64        `json:"proximity"`        // closeness to unambiguous places in the context
	Parent      float64        `json:"parent,omitempty"` // a city district's city is named in the context
}

// Candidates returns every gazetteer reading of name, best first, scored as
// Find would score the name written at the end of context.
func (g *Geocoder) Candidates(name, context string) []Candidate {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	toks := tokenize(name)
	if len(toks) == 0 {
		return nil
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key
	}
	ids, kind := g.lookup(strings.Join(keys, " "), toks[0].cyr)
	if len(ids) == 0 {
		return nil
	}
	text := context
	if text != "" {
		text += "\n"
	}
	start := len(text)
	text += name
	ctxSpans := g.spans(text[:start], tokenize(text[:start]))
	var picks []resolution
	if len(ctxSpans) > 0 {
		picks = g.resolve(text, ctxSpans)
	}
	c := g.context(text, ctxSpans, picks)
	spans := append(ctxSpans, span{first: -1, last: -1, start: start, end: len(text),
		key: strings.Join(keys, " "), kind: kind, ids: ids})
	if c.cities == nil && g.anyDistrict(spans[len(spans)-1:]) {
		c.cities = g.cityMentions(ctxSpans)
	}
	earlier := map[string]gazetteer.ID{}
	for i, r := range picks {
		if _, ok := earlier[ctxSpans[i].key]; !ok && r.id >= 0 {
			earlier[ctxSpans[i].key] = r.id
		}
	}
	cands := g.score(spans, len(spans)-1, &c, earlier)
	bestTotal := cands[0].total()
	for _, s := range cands {
		bestTotal = max(bestTotal, s.total())
	}
	var sum float64
	for _, s := range cands {
		sum += exp(s.total() - bestTotal)
	}
	out := make([]Candidate, 0, len(cands))
	for _, s := range cands {
		loc := g.location(s.id)
		loc.MatchedText = name
		p := exp(s.total()-bestTotal) / sum
		loc.Confidence = round3(p)
		out = append(out, Candidate{
			Location: loc, Population: g.gaz.Places[s.id].Population, MatchedBy: kind.String(),
			Score: round3(s.total()), Probability: round3(p), Prior: round3(s.prior), Admin: round3(s.admin),
			Country: round3(s.country), Proximity: round3(s.proximity), Parent: round3(s.parent),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// Lookup returns the gazetteer entries a name matches, without context.
func (g *Geocoder) Lookup(name string) []gazetteer.ID {
	k, cyr := gazetteer.Key(name), false
	for _, r := range name {
		if r >= 0x400 && r <= 0x4ff {
			cyr = true
			break
		}
	}
	ids, _ := g.lookup(k, cyr)
	return ids
}
