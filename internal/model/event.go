package model

import "time"

// Status is an event's place on the verification ladder (see README).
type Status string

// The verification ladder, weakest first.
const (
	StatusClaimed      Status = "claimed"      // one party's claim only
	StatusReported     Status = "reported"     // one independent outlet
	StatusCorroborated Status = "corroborated" // two or more independent outlets
	StatusConfirmed    Status = "confirmed"    // officials of the attacked side and independent press
)

// Headline is the value an event shows for one field, with the rule that
// chose it, so a figure is never silently the first one seen.
type Headline struct {
	Value     float64   `json:"value"`
	Qualifier Qualifier `json:"qualifier"`
	Max       float64   `json:"max,omitempty"` // upper end when sources give a range
	Rule      string    `json:"rule"`
	Reports   []string  `json:"reports,omitempty"`
}

// SourceValue is one source's value for a disputed field.
type SourceValue struct {
	Value        any       `json:"value"`
	Qualifier    Qualifier `json:"qualifier,omitempty"`
	Report       string    `json:"report"`
	Doc          string    `json:"doc"`
	Publisher    string    `json:"publisher,omitempty"`
	AttributedTo string    `json:"attributed_to,omitempty"`
}

// Discrepancy records that sources disagree on a field, with every value.
// Conflict is set when two of the values cannot both be true ("12" and
// "at least 15"), not merely differently worded ("12" and "at least 12").
type Discrepancy struct {
	Field    string        `json:"field"`
	Values   []SourceValue `json:"values"`
	Conflict bool          `json:"conflict,omitempty"`
}

// Event is one real occurrence, merged from the reports of many documents.
// Reports lists every supporting report; merging never drops one.
type Event struct {
	ID                 string              `json:"id"`
	Type               EventType           `json:"type"`
	Date               DateRange           `json:"date"`
	Locations          []Location          `json:"locations"`
	Attacker           *Actor              `json:"attacker,omitempty"`
	Weapons            []string            `json:"weapons,omitempty"` // kinds named by any report
	Headline           map[string]Headline `json:"headline"`
	Reports            []string            `json:"reports"`
	Documents          []string            `json:"documents"`
	Publishers         []string            `json:"publishers"`
	IndependentSources int                 `json:"independent_sources"`
	Status             Status              `json:"status"`
	StatusReason       string              `json:"status_reason,omitempty"`
	Discrepancies      []Discrepancy       `json:"discrepancies"`
	Created            time.Time           `json:"created"`
	Updated            time.Time           `json:"updated"`
}
