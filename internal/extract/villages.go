package extract

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// unlisted adds the settlements a frame names ("the village of X",
// "liberated X") that the gazetteer did not find as unresolved locations,
// so a small village missing from the gazetteer is still named by the
// report. Each takes admin1 and country from a region the report is
// located in ("X in the Kharkiv region"); it has no coordinates.
func (rb *reportBuilder) unlisted(fr *frame) {
	rep := &rb.rep
	region := model.Location{}
	for _, l := range rep.Locations {
		if l.Feature == "admin1" {
			region = l
			break
		}
	}
	for _, f := range fr.Findings {
		if len(f.Toks) == 0 {
			continue
		}
		s, e := f.Toks[0].S, f.Toks[len(f.Toks)-1].E
		for _, name := range f.Villages {
			if !plausibleName(name) || locatedAt(rep.Locations, name) {
				continue
			}
			k := strings.Index(rb.text[s:e], name)
			if k < 0 {
				continue
			}
			a, b := s+k, s+k+len(name)
			loc := model.Location{Name: name, MatchedText: name, Start: rb.ri.Char(a), End: rb.ri.Char(b),
				Feature: "settlement", Resolved: false}
			if region.Name != "" {
				loc.Admin1, loc.Country = region.Name, region.Country
			}
			rep.Facts = append(rep.Facts, model.Fact{Field: fmt.Sprintf("locations[%d]", len(rep.Locations)), Value: name,
				Text: name, Start: loc.Start, End: loc.End})
			rep.Locations = append(rep.Locations, loc)
		}
	}
}

// plausibleName reports whether s looks like a settlement's name: one or
// two capitalised words, none of them a side or a common title.
func plausibleName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 2 {
		return false
	}
	for _, w := range ws {
		r := []rune(w)
		if len(r) < 3 || !unicode.IsUpper(r[0]) || ruWords[strings.ToLower(w)] || uaWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// locatedAt reports whether a location already names the settlement.
func locatedAt(locs []model.Location, name string) bool {
	n := strings.ToLower(name)
	for _, l := range locs {
		if strings.EqualFold(l.Name, name) || strings.EqualFold(l.MatchedText, name) ||
			strings.HasPrefix(strings.ToLower(l.MatchedText), n) || strings.HasPrefix(n, strings.ToLower(l.MatchedText)) && l.Feature != "admin1" {
			return true
		}
	}
	return false
}
