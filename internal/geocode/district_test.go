package geocode

import (
	"strings"
	"testing"
)

// TestCityDistricts runs invented sentences that name a city's district:
// each divided city, names several cities share told apart by the city
// named beside them, in the sentence or elsewhere in the text, Russian
// spellings, Ukrainian and Russian declined forms, a bare name with no city
// to place it, and a raion or village of the same name where the text
// points there. want "" means Find must report no mention of written.
func TestCityDistricts(t *testing.T) {
	g := defaultGeocoder(t).WithDistricts()
	tests := []struct {
		name, text, written, want string
		minConf, maxConf          float64
	}{
		{"kyiv possessive", "Debris fell on a school in Kyiv's Solomianskyi district.",
			"Solomianskyi district", "Solomianskyi District, Kyiv", 0.8, 1},
		{"kyiv of", "A fire broke out in the Shevchenkivskyi district of Kyiv after the strike.",
			"Shevchenkivskyi district", "Shevchenkivskyi District, Kyiv", 0.8, 1},
		{"kyiv russian spelling", "Air defence worked over the Svyatoshinsky district of Kiev.",
			"Svyatoshinsky district", "Sviatoshynskyi District, Kyiv", 0.8, 1},
		{"kharkiv possessive", "Kharkiv's Saltivskyi district was shelled overnight.",
			"Saltivskyi district", "Saltivskyi District, Kharkiv", 0.8, 1},
		{"kharkiv same sentence", "Two missiles hit Kharkiv overnight, and one struck a warehouse in the Shevchenkivskyi district.",
			"Shevchenkivskyi district", "Shevchenkivskyi District, Kharkiv", 0.8, 1},
		{"kharkiv russian spelling", "The Saltovsky district of Kharkov came under fire.",
			"Saltovsky district", "Saltivskyi District, Kharkiv", 0.8, 1},
		{"odesa possessive", "A drone hit an apartment block in Odesa's Prymorskyi district.",
			"Prymorskyi district", "Prymorskyi District, Odesa", 0.8, 1},
		{"odesa russian spelling", "Explosions rocked the Primorsky district of Odessa.",
			"Primorsky district", "Prymorskyi District, Odesa", 0.8, 1},
		{"odesa former name", "Port buildings in the Suvorovsky district of Odesa were damaged.",
			"Suvorovsky district", "Khadzhybeiskyi District, Odesa", 0.8, 1},
		{"kherson shares the former name", "Russian artillery shelled Kherson's Suvorovskyi district.",
			"Suvorovskyi district", "Suvorovskyi District, Kherson", 0.8, 1},
		{"dnipro over samar raion", "Dnipro's Samarskyi district was hit by a missile.",
			"Samarskyi district", "Samarskyi District, Dnipro", 0.8, 1},
		{"samar raion without dnipro", "Shelling hit the Samarskyi district in the Dnipropetrovsk region.",
			"Samarskyi district", "Samar Raion", 0.5, 1},
		{"zaporizhzhia earlier sentence", "Russian drones attacked Zaporizhzhia. In the Khortytskyi district a house burned.",
			"Khortytskyi district", "Khortytskyi District, Zaporizhzhia", 0.8, 1},
		{"zavodskyi of zaporizhzhia", "A guided bomb hit the Zavodskyi district of Zaporizhzhia.",
			"Zavodskyi district", "Zavodskyi District, Zaporizhzhia", 0.8, 1},
		{"zavodskyi of mykolaiv", "In Mykolaiv, debris damaged cars in the Zavodskyi district.",
			"Zavodskyi district", "Zavodskyi District, Mykolaiv", 0.8, 1},
		{"korabelnyi of mykolaiv", "Mykolaiv's Korabelnyi district lost power after the attack.",
			"Korabelnyi district", "Korabelnyi District, Mykolaiv", 0.8, 1},
		{"korabelnyi of kherson", "Kherson's Korabelnyi district was shelled from the left bank.",
			"Korabelnyi district", "Korabelnyi District, Kherson", 0.8, 1},
		{"lviv shevchenkivskyi", "A missile hit an infrastructure site in Lviv's Shevchenkivskyi district.",
			"Shevchenkivskyi district", "Shevchenkivskyi District, Lviv", 0.8, 1},
		{"lviv dateline", "Lviv: a drone struck the Sykhivskyi district.",
			"Sykhivskyi district", "Sykhivskyi District, Lviv", 0.8, 1},
		{"kryvyi rih over pokrovsk raion", "A ballistic missile struck the Pokrovskyi district of Kryvyi Rih.",
			"Pokrovskyi district", "Pokrovskyi District, Kryvyi Rih", 0.8, 1},
		{"pokrovsk raion in donetsk", "Shelling hit the Pokrovskyi district near Myrnohrad in the Donetsk region.",
			"Pokrovskyi district", "Pokrovsk Raion", 0.8, 1},
		{"tsentralnyi of dnipro", "In Dnipro, a drone hit the Tsentralnyi district.",
			"Tsentralnyi district", "Tsentralnyi District, Dnipro", 0.8, 1},
		{"tsentralnyi elsewhere in text", "Kherson came under fire again. In the Tsentralnyi district a woman was wounded.",
			"Tsentralnyi district", "Tsentralnyi District, Kherson", 0.8, 1},
		{"two cities nearest wins", "Drones hit Kharkiv's Shevchenkivskyi district and Kyiv's Solomianskyi district.",
			"Shevchenkivskyi district", "Shevchenkivskyi District, Kharkiv", 0.7, 1},
		{"two cities reversed", "Drones hit Kyiv's Shevchenkivskyi district and Kharkiv's Saltivskyi district.",
			"Shevchenkivskyi district", "Shevchenkivskyi District, Kyiv", 0.7, 1},
		{"ukrainian locative", "У Києві уламки впали у Шевченківському районі.",
			"Шевченківському районі", "Shevchenkivskyi District, Kyiv", 0.7, 1},
		{"ukrainian city genitive after", "Уламки впали в Шевченківському районі Харкова.",
			"Шевченківському районі", "Shevchenkivskyi District, Kharkiv", 0.7, 1},
		{"ukrainian odesa kyivskyi", "В Одесі пошкоджено будинок у Київському районі.",
			"Київському районі", "Kyivskyi District, Odesa", 0.7, 1},
		{"russian nominative", "В Одессе пострадал Приморский район.",
			"Приморский район", "Prymorskyi District, Odesa", 0.7, 1},
		{"russian locative -ом", "В Индустриальном районе Харькова повреждены дома.",
			"Индустриальном районе", "Industrialnyi District, Kharkiv", 0.7, 1},
		{"russian kyiv", "В Голосеевском районе Киева сбит беспилотник.",
			"Голосеевском районе", "Holosiivskyi District, Kyiv", 0.7, 1},
		{"kryvyi rih cyrillic", "Кривий Ріг: ракета влучила в Покровський район.",
			"Покровський район", "Pokrovskyi District, Kryvyi Rih", 0.7, 1},
		{"shared name without a city", "Fragments fell in the Shevchenkivskyi district.",
			"Shevchenkivskyi district", "", 0, 0},
		{"own name without any context", "Shelling hit the Saltivskyi district overnight.",
			"Saltivskyi district", "Saltivskyi District, Kharkiv", 0.05, aloneConfidence},
		{"own name in another city", "Strikes hit the Primorsky district of Novorossiysk.",
			"Primorsky district", "", 0, 0},
		{"a divided city not in the gazetteer", "In Poltava, three people were injured in the Kyivskyi district.",
			"Kyivskyi district", "", 0, 0},
		{"village of the district's name", "A strike hit Primorskiy near Feodosia.",
			"Primorskiy", "Primorskiy", 0.5, 1},
	}
	if len(tests) < 25 {
		t.Fatalf("%d cases, want at least 25", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text)
			var seen []string
			for _, m := range ms {
				seen = append(seen, m.Text+"→"+m.Location.Name)
				if m.Text != tt.written {
					continue
				}
				if tt.want == "" {
					t.Fatalf("Find(%q) reports %q as %s, want no mention", tt.text, tt.written, m.Location.Name)
				}
				if m.Location.Name != tt.want {
					t.Fatalf("Find(%q): %q = %s (%s), want %s", tt.text, tt.written, m.Location.Name, m.Location.Admin1, tt.want)
				}
				if c := m.Location.Confidence; c < tt.minConf || c > tt.maxConf {
					t.Errorf("Find(%q): %q confidence = %.3f, want %.2f..%.2f", tt.text, tt.written, c, tt.minConf, tt.maxConf)
				}
				return
			}
			if tt.want != "" {
				t.Errorf("Find(%q) has no mention %q, want %s; got %v", tt.text, tt.written, tt.want, seen)
			}
		})
	}
}

// TestFindLeavesOutDistricts checks the default geocoder: it reads a
// district's name as one, so the words resolve to no other place, but it
// does not report the district (see WithDistricts).
func TestFindLeavesOutDistricts(t *testing.T) {
	g := defaultGeocoder(t)
	text := "A drone hit an apartment block in Odesa's Prymorskyi district; debris fell in the Prymorskyi district."
	var got []string
	for _, m := range g.Find(text) {
		got = append(got, m.Text+"→"+m.Location.Name)
	}
	if strings.Join(got, ", ") != "Odesa→Odesa" {
		t.Errorf("Find(%q) = %v, want only Odesa→Odesa", text, got)
	}
}

// TestCandidatesDistrict checks that Candidates explains a district's
// reading with its parent component.
func TestCandidatesDistrict(t *testing.T) {
	g := defaultGeocoder(t)
	cs := g.Candidates("Shevchenkivskyi district", "Explosions were heard in Lviv.")
	if len(cs) != 5 {
		t.Fatalf("Candidates(Shevchenkivskyi district) = %d readings, want the 5 districts", len(cs))
	}
	if top := cs[0]; top.Location.Name != "Shevchenkivskyi District, Lviv" || top.Parent != wParentInText ||
		top.Location.Feature != "district" {
		t.Errorf("Candidates top = %s (feature %s, parent %.1f), want Lviv's district, parent %.1f",
			top.Location.Name, top.Location.Feature, top.Parent, wParentInText)
	}
	for _, c := range cs[1:] {
		if c.Parent != 0 {
			t.Errorf("Candidates: %s parent = %.1f, want 0 (its city is not named)", c.Location.Name, c.Parent)
		}
	}
}
