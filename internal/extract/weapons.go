package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

//go:embed weapons.tsv
var weaponsTSV []byte

// weaponEntry is one alias of the catalogue.
type weaponEntry struct {
	words []string // tokenised lower-case alias
	Kind  string
	Model string
	User  model.Side // the only side that fires it, when it has one
}

// catalogue indexes weapon aliases by their first word.
type catalogue struct {
	byFirst map[string][]weaponEntry
}

// parseCatalogue reads the weapon catalogue: "alias<TAB>kind[<TAB>model[<TAB>user]]"
// lines, "#" comments and blank lines.
func parseCatalogue(data []byte) (*catalogue, error) {
	c := &catalogue{byFirst: map[string][]weaponEntry{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("extract: weapons.tsv line %d: want alias, kind[, model]", n)
		}
		e := weaponEntry{Kind: f[1]}
		if len(f) > 2 {
			e.Model = f[2]
		}
		if len(f) > 3 {
			e.User = model.Side(f[3])
		}
		for _, t := range tokenize(f[0], 0, len(f[0])) {
			e.words = append(e.words, t.Low)
		}
		c.byFirst[e.words[0]] = append(c.byFirst[e.words[0]], e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("extract: read weapons.tsv: %w", err)
	}
	return c, nil
}

// match returns the longest alias starting at toks[i] and its length.
func (c *catalogue) match(toks []token, i int) (weaponEntry, int, bool) {
	if i >= len(toks) {
		return weaponEntry{}, 0, false
	}
	best, bestN := weaponEntry{}, 0
	for _, e := range c.byFirst[toks[i].Low] {
		if len(e.words) > bestN && hasSeq(toks, i, e.words...) {
			// A possessive may only end the alias ("the drone's debris").
			best, bestN = e, len(e.words)
		}
	}
	return best, bestN, bestN > 0
}

// weaponMention is a weapon named in tokens [I, J).
type weaponMention struct {
	weaponEntry
	I, J int
}

// find returns every weapon named in toks, left to right, longest first.
func (c *catalogue) find(toks []token) []weaponMention {
	var out []weaponMention
	for i := 0; i < len(toks); i++ {
		if e, n, ok := c.match(toks, i); ok {
			if !targetAfter(toks, i+n) {
				out = append(out, weaponMention{e, i, i + n})
			}
			i += n - 1
		}
	}
	return out
}

// industryNouns after a weapon name make it a modifier of a target or an
// organisation: "drone assembly workshops", "a missile plant", "drone
// operators", "missile components".
var industryNouns = set("assembly", "workshop", "workshops", "factory", "factories", "plant", "plants",
	"production", "producer", "producers", "manufacturer", "manufacturers", "manufacturing", "maker", "makers",
	"industry", "depot", "depots", "warehouse", "warehouses", "storage", "stores", "components", "parts",
	"operators", "operator", "pilots", "hangar", "hangars", "facility", "facilities", "programme", "program",
	"developer", "developers", "design", "bureau", "sites", "site", "base", "bases", "deal", "supplies")

// targetAfter reports whether the word at toks[k] makes the weapon before it
// a modifier ("drone factory") rather than the weapon used.
func targetAfter(toks []token, k int) bool {
	return k < len(toks) && industryNouns[toks[k].Low]
}
