package gazetteer

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestCityDistricts checks the curated city districts: how many each city
// has, that each lies in its city's oblast near its city, and that Kyiv
// City's point is still Kyiv's, not pulled towards the districts.
func TestCityDistricts(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]struct {
		city  string
		n     int
		reach float64 // km from the city's point within which each district lies
	}{
		703448: {"Kyiv", 10, 15},
		706483: {"Kharkiv", 9, 12},
		698740: {"Odesa", 4, 12},
		709930: {"Dnipro", 8, 15},
		687700: {"Zaporizhzhia", 7, 15},
		700569: {"Mykolaiv", 4, 15},
		706448: {"Kherson", 4, 8},
		702550: {"Lviv", 6, 8},
		703845: {"Kryvyi Rih", 7, 30}, // the city runs some 60 km along the Inhulets and Saksahan
	}
	total := 0
	for i := range g.Places {
		id := ID(i)
		ds := g.DistrictsOf(id)
		if len(ds) == 0 {
			continue
		}
		c := &g.Places[id]
		w, ok := want[c.GeonamesID]
		if !ok {
			t.Errorf("%s (%d) has %d districts; not one of the divided cities", c.Name, c.GeonamesID, len(ds))
			continue
		}
		if c.Name != w.city || len(ds) != w.n {
			t.Errorf("DistrictsOf(%s) = %d districts, want %s with %d", c.Name, len(ds), w.city, w.n)
		}
		for _, d := range ds {
			p := &g.Places[d]
			total++
			if parent, ok := g.ParentOf(d); !ok || parent != id {
				t.Errorf("ParentOf(%s) = %v, %v; want %s", p.Name, parent, ok, c.Name)
			}
			if p.Feature != District || p.Code != "PPLX" || p.Country != "UA" || p.Admin1 != c.Admin1 {
				t.Errorf("%s: feature %s code %s %s/%s, want district PPLX in %s", p.Name, p.Feature, p.Code,
					p.Country, p.Admin1, c.Admin1)
			}
			if !strings.HasSuffix(p.Name, " District, "+c.Name) {
				t.Errorf("district name %q, want \"<Adjective> District, %s\"", p.Name, c.Name)
			}
			if d := distKm(p.Lat, p.Lon, c.Lat, c.Lon); d > w.reach {
				t.Errorf("%s lies %.1f km from %s, want within %.0f km", p.Name, d, c.Name, w.reach)
			}
		}
	}
	if total != 59 {
		t.Errorf("city districts = %d, want 59", total)
	}
	if _, ok := g.ParentOf(g.Lookup(Key("Kyiv"))[0]); ok {
		t.Errorf("ParentOf(Kyiv) reports a parent; only districts have one")
	}
	a, _ := g.Admin1("UA", "12")
	if k := g.Places[a]; math.Abs(k.Lat-50.45466) > 1e-6 || math.Abs(k.Lon-30.5238) > 1e-6 {
		t.Errorf("Kyiv City point = %v,%v, want Kyiv's 50.45466,30.5238 (districts must not move it)", k.Lat, k.Lon)
	}
}

// TestDistrictNames checks how district names are indexed: with a
// district word only, in Latin and Cyrillic, Ukrainian and Russian, and
// the stems of declined forms.
func TestDistrictNames(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query string
		stem        bool
		want        []string // district names among the matches, any order
	}{
		{"kmu", "Saltivskyi district", false, []string{"Saltivskyi District, Kharkiv"}},
		{"russian spelling", "Saltovsky district", false, []string{"Saltivskyi District, Kharkiv"}},
		{"raion", "Prymorskyi raion", false, []string{"Prymorskyi District, Odesa"}},
		{"ukrainian", "Салтівський район", false, []string{"Saltivskyi District, Kharkiv"}},
		{"russian", "Приморский район", false, []string{"Prymorskyi District, Odesa"}},
		{"transliterated russian", "Primorskiy rayon", false, []string{"Prymorskyi District, Odesa"}},
		{"former name", "Suvorovsky district", false, []string{"Khadzhybeiskyi District, Odesa", "Suvorovskyi District, Kherson"}},
		{"ukrainian locative stem", "солом'янськ район", true, []string{"Solomianskyi District, Kyiv"}},
		{"russian locative stem", "голосеевск район", true, []string{"Holosiivskyi District, Kyiv"}},
		{"shared name", "Shevchenkivskyi district", false, []string{"Shevchenkivskyi District, Kyiv",
			"Shevchenkivskyi District, Kharkiv", "Shevchenkivskyi District, Dnipro",
			"Shevchenkivskyi District, Zaporizhzhia", "Shevchenkivskyi District, Lviv"}},
		{"bare adjective not indexed", "Prymorskyi", false, nil},
		{"bare cyrillic adjective not indexed", "Приморський", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []ID
			if tt.stem {
				ids = g.LookupStem(Key(tt.query))
			} else {
				ids = g.Lookup(Key(tt.query))
			}
			var got []string
			for _, id := range ids {
				if g.Places[id].Feature == District {
					got = append(got, g.Places[id].Name)
				}
			}
			if strings.Join(sorted(got), "|") != strings.Join(sorted(tt.want), "|") {
				t.Errorf("Lookup(%q) districts = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

// TestSupplementDistrictRows checks the district row's rules: a parent
// city that is loaded and in the same admin1, no geonames_id of its own, and
// a parent column on district rows only.
func TestSupplementDistrictRows(t *testing.T) {
	base := "admin1\tXX\t01\t\tQuux Oblast\t\t\t\t=Quux\n" +
		"city\tXX\t01\t42\tQuux\t10\t20\t5000\t\n"
	g, err := Load(nil, strings.NewReader(base+"district\tXX\t01\t\tNorth District, Quux\t10.1\t20\t\t=Northern|=Северный\t42\n"))
	if err != nil {
		t.Fatal(err)
	}
	ids := g.Lookup(Key("Northern district"))
	if len(ids) != 1 {
		t.Fatalf("Lookup(Northern district) = %v, want one district", ids)
	}
	if p, ok := g.ParentOf(ids[0]); !ok || g.Places[p].Name != "Quux" {
		t.Errorf("ParentOf(North District) = %v, %v, want Quux", p, ok)
	}
	if len(g.LookupStem("северн район")) != 1 {
		t.Errorf("LookupStem(северн район) finds no district; want the Cyrillic base's stem indexed")
	}
	for _, tt := range []struct{ name, row string }{
		{"no parent", "district\tXX\t01\t\tD\t10\t20\t\t=D\t"},
		{"unknown parent", "district\tXX\t01\t\tD\t10\t20\t\t=D\t43"},
		{"parent in another admin1", "district\tXX\t02\t\tD\t10\t20\t\t=D\t42"},
		{"own geonames_id", "district\tXX\t01\t7\tD\t10\t20\t\t=D\t42"},
		{"no point", "district\tXX\t01\t\tD\t\t\t\t=D\t42"},
		{"parent on a city row", "city\tXX\t01\t\tD\t10\t20\t\t\t42"},
		{"eleven columns", "district\tXX\t01\t\tD\t10\t20\t\t=D\t42\tx"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(nil, strings.NewReader(base+tt.row+"\n"))
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != 3 {
				t.Errorf("Load(%q) error = %v, want a *ParseError on line 3", tt.row, err)
			}
		})
	}
}

func sorted(ss []string) []string {
	out := append([]string(nil), ss...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
