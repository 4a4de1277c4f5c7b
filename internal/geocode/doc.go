// Package geocode finds place mentions in clean text and resolves each to
// one entry of the embedded gazetteer (package gazetteer), offline.
//
// Finding. The text is split into words; at each capitalised word the
// longest run of words that is a gazetteer name wins ("Velyka Novosilka"
// before "Velyka", "Kharkiv region" before "Kharkiv"). Names are compared
// through gazetteer keys, so spelling variants, transliterations and (for
// Cyrillic) declined forms meet. One-word matches are dropped when they are
// common English words, when they are short minor places, or when a
// capitalised neighbour makes them part of a person's name. Lists such as
// "the Kharkiv and Sumy regions" turn each name into its admin area.
//
// Resolving. Each candidate gets a prior (feature, population, capital
// status, and a lean towards Ukraine and Russia) plus context from the whole
// text: its oblast named anywhere, and more so right next to it ("X in the Y
// region"); the country share of the unambiguous mentions; the distance to
// the nearest unambiguous place; an earlier mention of the same name. The
// best total wins, and its softmax share, lowered for stem and
// transliteration matches and for tiny places, is the confidence.
//
// City districts. "Odesa's Prymorskyi district", "the Shevchenkivskyi
// district of Kyiv", "у Шевченківському районі Харкова" name a city's
// district (gazetteer feature "district"); five cities have a
// Shevchenkivskyi. A district scores by its city named in the text: right
// beside it ("Kyiv's", "of Kharkiv", "Харкова"), in its sentence, or
// anywhere. With neither its city, its oblast, an earlier mention nor a
// place within 20 km, a district yields to a raion or town of the same name
// ("Pokrovskyi district" in a Donetsk story is Pokrovsk Raion), and is
// dropped unless its name is its own and the text names no other place,
// when it is kept at a confidence of at most 0.25. Find reports districts
// only on a geocoder from WithDistricts (see there why).
//
// Typical use:
//
//	g, err := geocode.Default()
//	for _, m := range g.Find(text) {
//		fmt.Println(m.Text, m.Location.Name, m.Location.Admin1, m.Location.Lat, m.Location.Lon)
//	}
//
// Candidates explains one name: every reading with the parts of its score,
// for `sitrep geocode [--context TEXT] NAME`.
package geocode
