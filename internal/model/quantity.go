package model

import "fmt"

// Qualifier says how a reported number relates to the true one.
type Qualifier string

// The qualifiers a journalist's wording maps onto: "at least 23" is AtLeast,
// "over 40" MoreThan, "about 550" Approx, "up to 10" AtMost, "fewer than 5"
// LessThan, and a bare number Exact.
const (
	Exact    Qualifier = "exact"
	Approx   Qualifier = "approx"
	AtLeast  Qualifier = "at_least"
	AtMost   Qualifier = "at_most"
	MoreThan Qualifier = "more_than"
	LessThan Qualifier = "less_than"
)

// Valid reports whether q is one of the defined qualifiers.
func (q Qualifier) Valid() bool {
	switch q {
	case Exact, Approx, AtLeast, AtMost, MoreThan, LessThan:
		return true
	}
	return false
}

// Quantity is a reported count with its qualifier. Text keeps the words it
// was read from ("at least 47", "dozens") so an analyst can check the
// reading; Start and End locate those words in the document.
type Quantity struct {
	Value     float64   `json:"value"`
	Qualifier Qualifier `json:"qualifier"`
	Text      string    `json:"text,omitempty"`
	Start     int       `json:"start,omitempty"`
	End       int       `json:"end,omitempty"`
}

// String renders q as an analyst would write it: "≥47", "~550", "12".
func (q Quantity) String() string {
	prefix := map[Qualifier]string{Approx: "~", AtLeast: "≥", AtMost: "≤", MoreThan: ">", LessThan: "<"}[q.Qualifier]
	return fmt.Sprintf("%s%g", prefix, q.Value)
}

// Q is shorthand for a Quantity without source text, mostly for tests.
func Q(v float64, q Qualifier) *Quantity { return &Quantity{Value: v, Qualifier: q} }
