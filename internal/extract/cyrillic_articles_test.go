package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// cyrArticleCases are invented Russian and Ukrainian articles and posts
// (testdata/articles/c*.txt) with the reports an analyst expects from
// each, kept with golden files like the English articles (-update
// rewrites them).
var cyrArticleCases = []struct {
	file string
	pub  *time.Time
	want []string
}{
	{"c01_ru_mod_night", kyivTime("2025-11-14 08:00"), []string{
		"attack UA 2025-11-13..2025-11-14 @Rostov @Voronezh @Lipetsk drones_intercepted=64 injured=1"}},
	{"c02_uk_air_force", kyivTime("2025-11-14 09:00"), []string{
		"attack RU 2025-11-13..2025-11-14 @Poltava @Sumy drones_launched=143 missiles_launched=6 drones_intercepted=118 missiles_intercepted=4 drones_hit=21 missiles_hit=2"}},
	{"c03_uk_kharkiv_ova", kyivTime("2025-06-10 21:30"), []string{
		"attack RU 2025-06-10 @Kharkiv injured=6 children_injured=1",
		"attack RU 2025-06-09 @Kupiansk killed=1 drones_hit=1 drones_launched=1"}},
	{"c04_ru_kherson_channel", kyivTime("2025-03-06 10:00"), []string{
		"attack RU 2025-03-06 @Kherson killed=2 injured=5 children_injured=1",
		"attack RU 2025-03-06 @Nikopol injured=3 drones_launched=1"}},
	{"c05_ru_front_claims", kyivTime("2025-08-20 12:00"), []string{
		"territorial_change RU 2025-08-20 @Donetsk settlements=1",
		"territorial_change RU 2025-08-20 @Zaporizhzhia settlements=1"}},
}

func TestCyrillicArticles(t *testing.T) {
	for _, tt := range cyrArticleCases {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "articles", tt.file+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			reps := runDoc(t, tt.file, string(b), tt.pub)
			checkReports(t, string(b), reps, tt.want)
			for i := range reps {
				for k := range reps[i].Locations {
					l := &reps[i].Locations[k]
					l.Confidence, l.Lat, l.Lon, l.GeonamesID = 0, 0, 0, 0
				}
			}
			got, err := json.MarshalIndent(reps, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "articles", tt.file+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("reports differ from %s; review the change and rerun with -update", golden)
			}
		})
	}
}
