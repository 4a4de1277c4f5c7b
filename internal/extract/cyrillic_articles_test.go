package extract

import (
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
		t.Run(tt.file, func(t *testing.T) { checkArticle(t, tt.file, tt.pub, tt.want) })
	}
}
