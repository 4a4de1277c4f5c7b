package gazetteer

import (
	"sort"
	"strings"
)

// addRaions adds one admin2 entry per Ukrainian raion. GeoNames gives each
// Ukrainian place the KATOTTH code of its raion (admin2) but no raion names;
// since 2020 every raion is named after its administrative centre, which is
// the largest PPLA/PPLA2 town carrying that code. A raion is indexed as
// "<Centre> Raion" (and raion, rayon, district) and as the Ukrainian
// adjective form "<Центр>ський район", whose stems and transliterations
// cover "Pokrovskyi raion" and declined forms. Its point is the median of its
// places. Raions whose centre cannot be told are left out.
func (b *builder) addRaions() {
	groups := map[string][]ID{}
	for i := range b.g.Places {
		p := &b.g.Places[i]
		if p.Country == "UA" && p.Feature == City && p.Admin2Code != "" && len(b.names[i]) > 0 {
			k := p.Admin1Code + "." + p.Admin2Code
			groups[k] = append(groups[k], ID(i))
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic IDs
	for _, k := range keys {
		members := groups[k]
		centre := ID(-1)
		for _, id := range members {
			p := &b.g.Places[id]
			if (p.Code == "PPLA" || p.Code == "PPLA2" || p.Code == "PPLC") &&
				(centre < 0 || p.Population > b.g.Places[centre].Population) {
				centre = id
			}
		}
		if centre < 0 {
			continue
		}
		c := b.g.Places[centre]
		lat, lon := medianPoint(b.g.Places, members)
		names := []string{c.Name + " raion", c.Name + " rayon", c.Name + " district"}
		if adj := raionAdjective(c.Name, b.names[centre]); adj != "" {
			latin := romanise(adj)
			names = append(names, adj+" район", adj+" р-н", latin+" raion", latin+" district")
		}
		id := b.add(Place{Name: c.Name + " Raion", Feature: Admin2, Country: "UA", Admin1Code: c.Admin1Code,
			Admin2Code: c.Admin2Code, Lat: lat, Lon: lon}, names)
		b.g.raions["UA."+c.Admin1Code+"."+c.Admin2Code] = id
		if a, ok := b.g.admin1["UA."+c.Admin1Code]; ok {
			b.g.Places[id].Admin1 = b.g.Places[a].Name
		}
	}
}

// raionAdjective forms the Ukrainian adjective of a raion centre's name
// ("Суми" → "Сумський", "Черкаси" → "Черкаський", "Покровськ" →
// "Покровський") from its Ukrainian name: the Cyrillic name that
// romanises (KMU 2010) to the centre's English name, preferring one with
// Ukrainian letters or a soft sign, which tell it from the Russian form.
func raionAdjective(name string, names []string) string {
	want := Key(name)
	uk, rank := "", -1
	for _, n := range names {
		k, cyr := fold(n)
		if !cyr || strings.ContainsAny(k, "ыэъ") || strings.Contains(k, " ") {
			continue
		}
		if LooseLatin(translit(k, ukTable, true)) != want {
			continue
		}
		r := 0
		if strings.ContainsAny(k, "іїєґ") {
			r += 2
		}
		if strings.Contains(k, "ь") {
			r++
		}
		if r > rank {
			uk, rank = k, r
		}
	}
	if uk == "" {
		return ""
	}
	r := []rune(uk)
	switch last := r[len(r)-1]; last {
	case 'а', 'и', 'е', 'о', 'я', 'і':
		r = r[:len(r)-1]
	}
	stem := string(r)
	switch {
	case strings.HasSuffix(stem, "ськ"):
		return stem + "ий"
	case strings.HasSuffix(stem, "с"):
		return stem + "ький"
	}
	return stem + "ський"
}

// addDistricts names the Moldovan and Belarusian admin areas the
// supplement does not: a Moldovan raion is named after its seat, the PPLA
// of its code ("Cahul District"). Entries are added in code order.
func (b *builder) addDistricts() {
	var keys []string
	for k := range b.admins {
		if _, ok := b.g.admin1[k]; !ok && strings.HasPrefix(k, "MD.") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		seat := ID(-1)
		for _, id := range b.admins[k] {
			if p := &b.g.Places[id]; p.Code == "PPLA" && (seat < 0 || p.Population > b.g.Places[seat].Population) {
				seat = id
			}
		}
		if seat < 0 {
			continue
		}
		s := b.g.Places[seat]
		name := plainName(s.Name) + " District"
		b.add(Place{Name: name, Feature: Admin1, Country: s.Country, Admin1Code: s.Admin1Code, Curated: false},
			[]string{plainName(s.Name) + " raion", plainName(s.Name) + " district"})
	}
}
