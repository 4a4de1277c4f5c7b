// Package synth generates realistic but invented war reports for
// benchmarks: the same seed always yields the same corpus, so two runs (or
// sitrep and a peer tool) measure the same input.
//
// The sentences are templates written for sitrep, filled with real place
// names, weapon names and numbers in the forms journalists use ("at least
// 12", "about 300", "five"), so extraction does real work on every
// document. They are not test data: nothing asserts what is extracted.
package synth

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// Doc is one generated document.
type Doc struct {
	ID        string
	Title     string
	Publisher string
	Published time.Time
	Text      string // paragraphs separated by blank lines
}

var (
	cities = []string{"Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv", "Sumy", "Chernihiv", "Poltava", "Kherson",
		"Mykolaiv", "Kryvyi Rih", "Vinnytsia", "Zhytomyr", "Kropyvnytskyi", "Cherkasy", "Ternopil", "Rivne", "Bila Tserkva", "Kramatorsk"}
	oblasts = []string{"Kyiv", "Kharkiv", "Odesa", "Dnipropetrovsk", "Zaporizhzhia", "Lviv", "Sumy", "Chernihiv", "Poltava",
		"Kherson", "Mykolaiv", "Vinnytsia", "Zhytomyr", "Kirovohrad", "Cherkasy", "Donetsk"}
	ruRegions  = []string{"Bryansk", "Kursk", "Belgorod", "Oryol", "Voronezh", "Rostov", "Tula", "Kaluga", "Smolensk"}
	publishers = []string{"Northern Wire", "Dnipro Daily", "Kyiv Ledger", "Steppe Report", "Black Sea Monitor", "Eastern Front Desk",
		"Polissia News", "Carpathian Courier", "Frontline Brief", "Capital Times"}
	drones   = []string{"Shahed-type drones", "attack drones", "Geran-2 drones", "strike UAVs", "kamikaze drones"}
	missiles = []string{"cruise missiles", "Kh-101 missiles", "Iskander-M ballistic missiles", "Kalibr missiles", "ballistic missiles"}
	quals    = []string{"", "at least ", "about ", "more than ", "nearly ", "up to ", "some ", "over "}
	words    = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	// Filler sentences are built from parts so that independent documents
	// share few word sequences, as independent articles do; a corpus of a few
	// fixed sentences would make every document a near-duplicate of the rest.
	fillerWho   = []string{"Emergency crews", "Volunteers", "Power engineers", "Municipal workers", "Rescuers", "Police officers", "Utility teams", "Medics", "Neighbours", "Firefighters", "Local officials", "Railway staff"}
	fillerDid   = []string{"worked through the morning to", "spent several hours trying to", "were still working late in the evening to", "arrived within minutes to", "set up a temporary post to", "were called in from nearby towns to", "used cranes and heavy machinery to", "went from door to door to"}
	fillerWhat  = []string{"clear debris from the street", "restore power to the district", "check damaged apartments for people trapped inside", "board up broken windows before the cold", "reconnect water and heating", "put out the fires in the warehouses", "help elderly residents reach the shelters", "assess the cracked facade of the school", "hand out blankets and hot food", "repair the damaged tram line"}
	fillerWhere = []string{"on %s Street", "near the central market", "in the %s district", "close to the river embankment", "by the bus station", "around the old brewery", "next to a kindergarten", "on the outskirts of the city", "near the railway bridge", "in the industrial zone"}
	streets     = []string{"Shevchenko", "Franko", "Sadova", "Hrushevskoho", "Soborna", "Lesi Ukrainky", "Peremohy", "Zelena", "Kozatska", "Vyshneva", "Tsentralna", "Myru"}
	districts   = []string{"Shevchenkivskyi", "Podilskyi", "Solomianskyi", "Kyivskyi", "Osnovianskyi", "Saltivskyi", "Prymorskyi", "Zavodskyi", "Dniprovskyi", "Industrialnyi", "Slobidskyi", "Tsentralnyi"}
)

// CopyShare is the share of generated documents that are syndicated copies
// of an earlier one (a new headline and opening line, a trimmed ending), as
// wire stories are reprinted.
const CopyShare = 0.10

// Generator produces documents deterministically from a seed.
type Generator struct {
	r      *rand.Rand
	base   time.Time
	n      int
	recent []Doc // originals a copy may reprint
	// Copies counts the syndicated copies generated so far.
	Copies int
}

// New returns a generator; the same seed gives the same documents.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), base: time.Date(2026, 9, 1, 6, 0, 0, 0, time.UTC)}
}

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// num renders n the way a reporter might: digits, a word, or with a qualifier.
func (g *Generator) num(n int) string {
	if n <= 10 && g.r.IntN(3) == 0 {
		return g.pick(words)
	}
	q := g.pick(quals)
	if n >= 1000 {
		return fmt.Sprintf("%s%d,%03d", q, n/1000, n%1000)
	}
	return fmt.Sprintf("%s%d", q, n)
}

func (g *Generator) filler() string {
	where := g.pick(fillerWhere)
	switch {
	case strings.Contains(where, "Street"):
		where = fmt.Sprintf(where, g.pick(streets))
	case strings.Contains(where, "district"):
		where = fmt.Sprintf(where, g.pick(districts))
	}
	return fmt.Sprintf("%s %s %s %s.", g.pick(fillerWho), g.pick(fillerDid), g.pick(fillerWhat), where)
}

// Next returns the next document.
func (g *Generator) Next() Doc {
	g.n++
	if len(g.recent) > 0 && g.r.Float64() < CopyShare {
		return g.copyOf(g.recent[g.r.IntN(len(g.recent))])
	}
	d := g.original()
	if len(g.recent) < 50 {
		g.recent = append(g.recent, d)
	} else {
		g.recent[g.r.IntN(len(g.recent))] = d
	}
	return d
}

// copyOf reprints d under another publisher: a new opening line and
// headline, the last paragraph dropped.
func (g *Generator) copyOf(d Doc) Doc {
	g.Copies++
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) > 2 {
		paras = paras[:len(paras)-1]
	}
	intro := fmt.Sprintf("This report was first published by %s and is republished with permission.", d.Publisher)
	return Doc{
		ID:        fmt.Sprintf("synth-%07d", g.n),
		Title:     "Update: " + d.Title,
		Publisher: g.pick(publishers),
		Published: d.Published.Add(time.Duration(1+g.r.IntN(180)) * time.Minute),
		Text:      strings.Join(append([]string{intro}, paras...), "\n\n"),
	}
}

// original generates a new, independent document.
func (g *Generator) original() Doc {
	pub := g.base.Add(time.Duration(g.n%2000) * 6 * time.Hour).Add(time.Duration(g.r.IntN(300)) * time.Minute)
	city, oblast := g.pick(cities), g.pick(oblasts)
	var paras []string
	switch g.r.IntN(4) {
	case 0: // overnight combined attack with an air force tally
		launched, down := 50+g.r.IntN(600), 0
		down = launched * (60 + g.r.IntN(35)) / 100
		paras = append(paras,
			fmt.Sprintf("Russian forces attacked %s overnight with %s %s and %s %s, the Air Force said on %s.",
				city, g.num(launched), g.pick(drones), g.num(2+g.r.IntN(30)), g.pick(missiles), g.pick(weekdays)),
			fmt.Sprintf("Air defences shot down %s of the drones over %s and neighbouring regions, according to the military.",
				g.num(down), oblast+" Oblast"),
			fmt.Sprintf("At least %d people were injured, including %s children, the head of the regional administration wrote on Telegram.",
				1+g.r.IntN(60), g.pick(words)))
	case 1: // shelling with casualties
		paras = append(paras,
			fmt.Sprintf("Shelling of %s on %s killed %s civilians and wounded %s more, local officials said.",
				city, g.pick(weekdays), g.num(1+g.r.IntN(9)), g.num(2+g.r.IntN(25))),
			fmt.Sprintf("The strikes damaged %d apartment blocks and a school, according to the %s regional military administration.",
				1+g.r.IntN(12), oblast))
	case 2: // drones downed over Russian regions, a claim by one side
		paras = append(paras,
			fmt.Sprintf("Russia's Defence Ministry claimed its air defences intercepted %s Ukrainian drones overnight over the %s, %s and %s regions.",
				g.num(10+g.r.IntN(200)), g.pick(ruRegions), g.pick(ruRegions), g.pick(ruRegions)),
			"The claim could not be independently verified, and Kyiv did not comment on the reported attack.")
	default: // territorial claim
		paras = append(paras,
			fmt.Sprintf("Russia's military said it had captured %s settlements in the %s region over the past week, a claim Ukraine's general staff disputed.",
				g.num(1+g.r.IntN(4)), g.pick([]string{"Donetsk", "Zaporizhzhia", "Kharkiv", "Sumy"})),
			fmt.Sprintf("Ukrainian commanders said their units had pushed back assaults near %s and retaken positions lost in %s.",
				city, g.pick([]string{"September", "October", "the summer"})))
	}
	for i := 0; i < 2+g.r.IntN(4); i++ {
		paras = append(paras, g.filler())
	}
	return Doc{
		ID:        fmt.Sprintf("synth-%07d", g.n),
		Title:     fmt.Sprintf("Night of strikes: %s counts the damage", city),
		Publisher: g.pick(publishers),
		Published: pub,
		Text:      strings.Join(paras, "\n\n"),
	}
}

// HTML renders d as a news page with the chrome a real page carries:
// navigation, share buttons, a related-headlines list and a footer.
func HTML(d Doc) string {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>
<meta property="og:site_name" content="%s"><meta property="og:title" content="%s">
<meta property="article:published_time" content="%s"></head><body>
<header><nav><a href="/">Home</a> <a href="/war">War</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>%s</h1><p class="byline">By Staff Reporter</p>
`, esc(d.Title), esc(d.Publisher), esc(d.Publisher), esc(d.Title), d.Published.Format(time.RFC3339), esc(d.Title))
	for _, p := range strings.Split(d.Text, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
	}
	b.WriteString(`<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Parliament debates the budget</a></li><li><a href="/b">Grain exports rise</a></li></ul></aside></main>
<footer><p>© Example Media. All rights reserved.</p></footer></body></html>
`)
	return b.String()
}
