// Package eval scores sitrep's per-document reports against a gold file,
// with the same metric definitions as shared/eval/score.py, so users can
// measure sitrep on their own gold sets from Go (`sitrep eval`).
//
// A gold file names places (spellings, coordinates, a match radius) and
// events (document, type, places, day, attacker side, counts). Each gold
// event is matched to at most one report of the same document and type
// that hits at least one of its places, choosing the report that agrees
// most; required events come first. Metrics:
//
//	recall     matched required events / required events
//	precision  matched reports / reports of gold documents
//	f1         harmonic mean of the two
//	counts     gold counts whose value the matched report gives
//	qualifiers of those, the ones with the same qualifier
//	dates      gold days the matched report's date covers
//	attacker   gold attacker sides the matched report gives
//	places     gold places the matched report locates
//	clean      clean-text checks that hold (only when documents are given)
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Place is a gold place: accepted spellings, coordinates and the radius in
// kilometres within which a report's coordinates count as a hit (30 when
// unset).
type Place struct {
	Names    []string `json:"names"`
	Lat      float64  `json:"lat"`
	Lon      float64  `json:"lon"`
	RadiusKm *float64 `json:"radius_km,omitempty"`
}

// Count is a gold count: its value and qualifier. In JSON it is a
// two-element array, [612, "approx"].
type Count struct {
	Value     float64
	Qualifier string
}

// UnmarshalJSON reads [value, qualifier].
func (c *Count) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("eval: count: %w", err)
	}
	if len(raw) != 2 {
		return fmt.Errorf("eval: count: want [value, qualifier], got %s", b)
	}
	if err := json.Unmarshal(raw[0], &c.Value); err != nil {
		return fmt.Errorf("eval: count value: %w", err)
	}
	if err := json.Unmarshal(raw[1], &c.Qualifier); err != nil {
		return fmt.Errorf("eval: count qualifier: %w", err)
	}
	return nil
}

// MarshalJSON writes [value, qualifier].
func (c Count) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{c.Value, c.Qualifier})
}

// Event is one gold event. Counts keys are drones_launched,
// drones_intercepted, missiles_launched, missiles_intercepted, the
// casualty fields and the quantity fields of the report contract.
type Event struct {
	ID       string           `json:"id"`
	Doc      string           `json:"doc"`
	Type     string           `json:"type"`
	Places   []string         `json:"places"`
	Date     string           `json:"date,omitempty"`
	Attacker string           `json:"attacker,omitempty"`
	Counts   map[string]Count `json:"counts"`
	Required bool             `json:"required"`
	Note     string           `json:"note,omitempty"`
}

// CleanRule lists strings that must be absent from a document's clean text
// and strings that must occur exactly once.
type CleanRule struct {
	Absent []string `json:"absent,omitempty"`
	Once   []string `json:"once,omitempty"`
}

// Gold is a gold file.
type Gold struct {
	Places    map[string]Place     `json:"places"`
	Events    []Event              `json:"events"`
	CleanText map[string]CleanRule `json:"clean_text,omitempty"`
	Docs      []string             `json:"docs,omitempty"`
}

// ReadGold decodes a gold file.
func ReadGold(r io.Reader) (Gold, error) {
	var g Gold
	// null dates, attackers and notes decode as "".
	var raw struct {
		Places    map[string]Place     `json:"places"`
		Events    []json.RawMessage    `json:"events"`
		CleanText map[string]CleanRule `json:"clean_text"`
		Docs      []string             `json:"docs"`
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return g, fmt.Errorf("eval: read gold: %w", err)
	}
	g.Places, g.CleanText, g.Docs = raw.Places, raw.CleanText, raw.Docs
	for _, e := range raw.Events {
		var ev struct {
			Event
			Date     *string `json:"date"`
			Attacker *string `json:"attacker"`
			Note     *string `json:"note"`
		}
		if err := json.Unmarshal(e, &ev); err != nil {
			return g, fmt.Errorf("eval: read gold event: %w", err)
		}
		out := ev.Event
		out.Date, out.Attacker, out.Note = deref(ev.Date), deref(ev.Attacker), deref(ev.Note)
		for _, p := range out.Places {
			if _, ok := g.Places[p]; !ok {
				return g, fmt.Errorf("eval: gold event %s: unknown place %q", out.ID, p)
			}
		}
		g.Events = append(g.Events, out)
	}
	return g, nil
}

// ReadGoldFile decodes the gold file at path.
func ReadGoldFile(path string) (Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return Gold{}, fmt.Errorf("eval: open gold: %w", err)
	}
	defer f.Close()
	return ReadGold(f)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
