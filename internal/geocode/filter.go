package geocode

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
)

// stopWords are capitalised English words that GeoNames also lists as a
// place name (a village, or an alternate name of one). Alone, they are read
// as words, never as places; inside a longer name ("Nova Kakhovka", "Mala
// Tokmachka") they still match, because the longest name is tried first.
var stopWords = keySet(`
a an the and or of in on at to by for from with as is it its he she we they his her our their this that these those
all any some no not yes but if so than then there here what which who whom whose when where why how
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
president prime minister governor mayor head chief general colonel major captain sergeant lieutenant commander
army navy police guard border service security ministry council office administration parliament government
state union federation republic kingdom empire united national international regional central
north south east west northern southern eastern western central upper lower new old great little big small
first second third last next final main mid
victory glory freedom liberty peace hope faith star sun moon river lake sea bay island mountain hill valley forest
field park garden station airport port bridge road street avenue square market mall bar club hotel school church
center centre city town village district region oblast province krai territory area zone front line
power energy plant factory works mine oil gas water fire air sky land ground sea
red white black green blue gold silver golden rose lily
mir pobeda progress pravda iskra zarya rassvet oktyabr komsomol pioneer lenin
nova nove novyi novyy mala malyi velyka velyky stara staryi
news update live video photo report reports said says told according source sources
drone drones missile missiles rocket rockets attack attacks strike strikes shelling
russian russians ukrainian ukrainians european american british
sunday night morning evening day week year today yesterday tomorrow
telegram twitter facebook reuters interfax tass ukrinform suspilne kyivindependent
mass media press agency
над під при про для від біля після через між перед поруч навколо але що як це ці цей той там тут так вже ще
все всі було буде також після близько понад майже лише тільки сьогодні вчора вночі зранку увечері
под около после через между перед рядом вокруг это эти этот тот там тут так уже еще все было будет также
более почти только сегодня вчера ночью утром вечером
`)

// contextWords may stand capitalised right before or after a place name
// without making it part of a longer proper name: "Kharkiv Mayor", "Governor
// of Sumy", "Kupiansk Direction".
var contextWords = keySet(`
mayor governor head chief regional military administration council city oblast region raion district
airport airfield air base airbase port station thermal power plant nuclear npp tpp chpp refinery depot
river reservoir bridge dam direction axis sector front group operational forces army brigade
international oil gas fuel ammunition arsenal plant factory works hospital university railway
in near outside of at from to the across around over
`)

func keySet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[gazetteer.Key(w)] = true
	}
	return m
}

// rejectSingle decides whether a one-word match is more likely an ordinary
// word or part of a person's or organisation's name than a place.
func (g *Geocoder) rejectSingle(text string, toks []token, i int, ids []gazetteer.ID) bool {
	t := toks[i]
	major := false
	for _, id := range ids {
		if isMajor(&g.gaz.Places[id]) {
			major = true
			break
		}
	}
	if stopWords[t.key] {
		return true
	}
	if g.personOrThing(toks, i, major) {
		return true
	}
	if major {
		return false
	}
	if !t.cyr && len(t.key) <= 3 {
		return true // short Latin words: "Bar", "Mir", "Lot"
	}
	// A capitalised neighbour that is not a place and not a word that
	// usually stands next to one makes this a person's or an organisation's
	// name: "Ihor Terekhov", "Ivan Sirko Street".
	if i > 0 && t.joinPrev && !toks[i-1].sentStart && toks[i-1].upper && !contextWords[toks[i-1].key] &&
		len(g.gaz.Lookup(toks[i-1].key)) == 0 {
		return true
	}
	if i+1 < len(toks) && toks[i+1].joinPrev && toks[i+1].upper && !toks[i+1].allUpper &&
		!contextWords[toks[i+1].key] && len(g.gaz.Lookup(toks[i+1].key)) == 0 {
		return true
	}
	return false
}

// isMajor reports whether a place is big enough that a one-word mention of
// it is taken at face value.
func isMajor(p *gazetteer.Place) bool {
	switch p.Feature {
	case gazetteer.Country, gazetteer.Admin1, gazetteer.Airbase, gazetteer.Airport, gazetteer.Site:
		return true
	}
	return p.Population >= 20000 || p.Curated || p.Code == "PPLC" || p.Code == "PPLA"
}

// namedThings follow a word that names the thing rather than a place: the
// "Kommunar plant", "Lenin Street", the "Arsenal stadium".
var namedThings = keySet(`
factory plant works mill street avenue prospect boulevard lane embankment highway square stadium arena metro
hospital clinic school lyceum university academy institute brigade battalion regiment division corps company
corporation concern group team club cinema theatre theater museum mall market hotel restaurant cafe church
cathedral monastery bank shipyard mine colliery
вулиця улица проспект завод фабрика бригада батальйон полк
`)

// givenNames are first names that are also place names (Vladimir,
// Volodymyr, Sofia): followed by a capitalised word they start a person's
// name.
var givenNames = keySet(`
volodymyr vladimir oleksandr aleksandr alexander alexandr mykola nikolai nikolay ivan andriy andrii andrei andrey
sergei sergey serhiy serhii dmytro dmitry dmitri yuriy yuri yurii vitali vitaliy vitalii oleh oleg ihor igor
petro pyotr pavlo pavel mykhailo mikhail kyrylo kirill vadym vadim maksym maxim roman denys denis bohdan taras
yevhen yevgeny evgeny anatoliy anatoly viktor victor valeriy valery stepan olha olga yulia yuliia iryna irina
natalia nataliya tetiana tatiana svetlana kateryna ekaterina maria mariia anna oksana sofia alexandra elizabeth
victoria lyudmila vera nadia nadezhda ruslan arsen timur ramzan artem artyom kostiantyn konstantin
володимир владимир олександр александр микола николай іван иван андрій андрей сергій сергей дмитро дмитрий
юрій юрий віталій виталий олег ігор игорь петро петр павло павел михайло михаил максим роман денис богдан
тарас євген евгений віктор виктор олена елена ольга юлія юлия ірина ирина наталія наталья тетяна татьяна
світлана светлана софія софия анна марія мария костянтин константин
`)

// personOrThing reports whether the word at i starts a person's name or
// names an institution rather than a place.
func (g *Geocoder) personOrThing(toks []token, i int, major bool) bool {
	if i+1 >= len(toks) || !toks[i+1].joinPrev {
		return false
	}
	next := toks[i+1]
	if givenNames[toks[i].key] && next.upper && !next.allUpper && len(g.gaz.Lookup(next.key)) == 0 && !contextWords[next.key] {
		return true
	}
	return !major && namedThings[next.key]
}

// adminPlural are the words that turn a list of names into admin areas:
// "the Kharkiv and Sumy regions".
var adminPlural = keySet("regions oblasts provinces")

// adminOf are the phrases that do the same from before: "the regions of
// Kharkiv and Sumy".
var adminOf = []string{"regions of", "oblasts of", "provinces of", "region of", "oblast of", "province of"}

// promoteAdminRuns reads lists of names followed by "regions" (or preceded
// by "regions of") as admin areas, since a city name alone would otherwise
// win: "Kharkiv, Sumy and Chernihiv regions".
func (g *Geocoder) promoteAdminRuns(text string, toks []token, spans []span) {
	for j := 0; j < len(spans); j++ {
		// Collect the run of spans joined by commas and "and".
		k := j
		for k+1 < len(spans) && listGap(text[spans[k].end:spans[k+1].start]) {
			k++
		}
		last := spans[k].last
		after := last+1 < len(toks) && toks[last+1].joinPrev && adminPlural[toks[last+1].key]
		before := false
		if !after {
			head := strings.ToLower(strings.TrimRight(text[max(0, spans[j].start-20):spans[j].start], " the"))
			for _, p := range adminOf {
				if strings.HasSuffix(head, p) {
					before = true
					break
				}
			}
		}
		if after || before {
			for m := j; m <= k; m++ {
				g.promote(&spans[m])
			}
			if after {
				spans[k].end = toks[last+1].end
			}
		}
		j = k
	}
}

// promote replaces a span's places by the admin area its name heads.
func (g *Geocoder) promote(sp *span) {
	if sp.kind != byName {
		return
	}
	if ids := g.gaz.Lookup(sp.key + " region"); len(ids) > 0 {
		sp.ids, sp.admin = ids, true
	}
}

// listGap reports whether the text between two names only joins them into
// a list: commas, "and", "&", "та", "і", "и", "й".
func listGap(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, ",")
	s = strings.TrimSpace(s)
	switch s {
	case "", "and", "&", "та", "і", "и", "й", "and the", "or":
		return true
	}
	return false
}
