package model

import "math"

// EventType classifies an occurrence.
type EventType string

// The occurrence types sitrep extracts.
const (
	Attack            EventType = "attack"             // strikes, shelling, drone and missile raids
	TerritorialChange EventType = "territorial_change" // settlements or area captured or retaken
	AirAlert          EventType = "air_alert"          // air-raid alerts over named regions
	Deployment        EventType = "deployment"         // troop concentrations and build-ups
	Battle            EventType = "battle"             // ground fighting without a change of control
)

// Side is a belligerent, as an ISO country code: "RU", "UA".
type Side string

// The belligerents sitrep knows by default.
const (
	SideRU Side = "RU"
	SideUA Side = "UA"
)

// Precision says how much of a DateRange is known.
type Precision string

// Date precisions.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// DateRange is when an occurrence happened. Start and End are "2025-07-03",
// or "--07-03" when the year is unknown. An overnight attack is a range from
// the evening (Start) to the morning (End). Basis says how it was resolved
// ("explicit", "weekday", "yesterday", "overnight", "published").
type DateRange struct {
	Start     string    `json:"start,omitempty"`
	End       string    `json:"end,omitempty"`
	Precision Precision `json:"precision,omitempty"`
	Basis     string    `json:"basis,omitempty"`
	Text      string    `json:"text,omitempty"`
}

// IsZero reports whether no date is known.
func (d DateRange) IsZero() bool { return d.Start == "" && d.End == "" }

// Location is a place a report names, resolved against the gazetteer.
// Name, Admin1 and Country describe the gazetteer entry; MatchedText is what
// the document wrote ("Kiev", "Черкаський") at Start..End. Lat and Lon are
// zero only when the place could not be resolved (Resolved is false).
type Location struct {
	Name        string  `json:"name"`
	Admin1      string  `json:"admin1,omitempty"`
	Country     string  `json:"country,omitempty"`
	Lat         float64 `json:"lat,omitempty"`
	Lon         float64 `json:"lon,omitempty"`
	GeonamesID  int64   `json:"geonames_id,omitempty"`
	Feature     string  `json:"feature,omitempty"` // "city", "admin1", "admin2", "country", "airport", "site", …
	MatchedText string  `json:"matched_text,omitempty"`
	Start       int     `json:"start,omitempty"`
	End         int     `json:"end,omitempty"`
	Confidence  float64 `json:"confidence,omitempty"`
	Resolved    bool    `json:"resolved"`
}

// DistanceKm is the great-circle distance between two locations in
// kilometres; it means nothing unless both are resolved.
func (l *Location) DistanceKm(b *Location) float64 {
	const r = 6371.0
	la1, la2 := l.Lat*math.Pi/180, b.Lat*math.Pi/180
	dla, dlo := la2-la1, (b.Lon-l.Lon)*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// Actor is a party to an occurrence.
type Actor struct {
	Side Side   `json:"side,omitempty"`
	Name string `json:"name,omitempty"`
}

// Weapon is one weapon type a report counts. Kind is a class from the
// weapon catalogue ("drone", "cruise_missile", "ballistic_missile",
// "missile", "glide_bomb", "artillery", "mlrs", "fpv_drone", …); Model the
// catalogue's canonical name where one was named ("Shahed-136").
type Weapon struct {
	Kind        string    `json:"kind"`
	Model       string    `json:"model,omitempty"`
	Launched    *Quantity `json:"launched,omitempty"`
	Intercepted *Quantity `json:"intercepted,omitempty"`
	Hit         *Quantity `json:"hit,omitempty"` // got through / struck targets
}

// Casualties counts people harmed. Nil means the report says nothing.
type Casualties struct {
	Killed          *Quantity `json:"killed,omitempty"`
	Injured         *Quantity `json:"injured,omitempty"`
	ChildrenKilled  *Quantity `json:"children_killed,omitempty"`
	ChildrenInjured *Quantity `json:"children_injured,omitempty"`
}

// IsZero reports whether no casualty figure is set.
func (c Casualties) IsZero() bool {
	return c.Killed == nil && c.Injured == nil && c.ChildrenKilled == nil && c.ChildrenInjured == nil
}

// Quantities holds the other counts a report can carry.
type Quantities struct {
	Settlements *Quantity `json:"settlements,omitempty"`
	AreaKm2     *Quantity `json:"area_km2,omitempty"`
	Troops      *Quantity `json:"troops,omitempty"`
	Explosions  *Quantity `json:"explosions,omitempty"`
}

// IsZero reports whether no quantity is set.
func (q Quantities) IsZero() bool {
	return q.Settlements == nil && q.AreaKm2 == nil && q.Troops == nil && q.Explosions == nil
}

// Source is the provenance of a report inside its document: the sentence
// it was read from, its character offsets into the clean text, whose claim
// it is, and whether the wording hedges it ("reportedly", "claimed").
type Source struct {
	Doc          string `json:"doc"`
	Sentence     string `json:"sentence"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	AttributedTo string `json:"attributed_to,omitempty"`
	ClaimantSide Side   `json:"claimant_side,omitempty"`
	Hedged       bool   `json:"hedged"`
	HedgeText    string `json:"hedge_text,omitempty"`
}

// Fact is one extracted value with the exact span that supports it, so the
// UI can highlight every figure, not only the report's first sentence.
// Field names a report field: "weapons[0].launched", "casualties.injured",
// "date", "locations[1]", "attacker".
type Fact struct {
	Field string `json:"field"`
	Value string `json:"value"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Report is what one document says about one occurrence.
type Report struct {
	ID         string     `json:"id"`
	Doc        string     `json:"doc"`
	Type       EventType  `json:"type"`
	Date       DateRange  `json:"date"`
	Locations  []Location `json:"locations"`
	Attacker   *Actor     `json:"attacker,omitempty"`
	Target     *Actor     `json:"target,omitempty"`
	Weapons    []Weapon   `json:"weapons,omitempty"`
	Casualties Casualties `json:"casualties"`
	Quantities Quantities `json:"quantities"`
	// Settlements names places captured or retaken in a territorial change.
	Settlements []string `json:"settlements,omitempty"`
	Source      Source   `json:"source"`
	Facts       []Fact   `json:"facts,omitempty"`
	// Extractor is the version of the extraction rules that produced this.
	Extractor string `json:"extractor,omitempty"`
	// Event is the ID of the event this report was merged into, if any.
	Event string `json:"event,omitempty"`
}
