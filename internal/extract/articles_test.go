package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/articles/*.golden.json")

func kyivTime(s string) *time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, kyiv)
	if err != nil {
		panic(err)
	}
	return &t
}

// articleCases are short invented articles (testdata/articles) with the
// reports an analyst expects from each, in the compact form of corpus_test.go.
var articleCases = []struct {
	file string
	pub  *time.Time
	want []string
}{
	{"a01_odesa_wire", kyivTime("2025-04-12 10:30"), []string{
		"attack RU 2025-04-11..2025-04-12 @Odesa killed=3 injured=11 children_injured=2 drones_launched=87 drones_intercepted=56"}},
	{"a02_air_force_summary", kyivTime("2025-05-18 09:10"), []string{
		"attack RU 2025-05-17..2025-05-18 @Kyiv @Dnipropetrovsk @Donetsk drones_launched=273 drones_intercepted=88"}},
	{"a03_kharkiv_telegram", kyivTime("2025-06-05 04:40"), []string{
		"attack RU 2025-06-05 @Kharkiv injured=14 children_injured=1"}},
	{"a04_mod_daily", kyivTime("2025-07-20 12:00"), []string{
		"attack UA 2025-07-19..2025-07-20 @Bryansk @Kursk @Moscow drones_intercepted=93",
		"territorial_change RU ? @Donetsk settlements=1"}},
	{"a05_column", nil, nil},
	{"a06_analysis", kyivTime("2025-03-10 12:00"), nil},
	{"a07_kyiv_combined", kyivTime("2025-07-10 09:00"), []string{
		"attack RU 2025-07-09..2025-07-10 @Kyiv killed=≥2 injured=16 drones_launched=400 missiles_launched=18 drones_intercepted=370 missiles_intercepted=16",
		"attack RU 2025-07-10 @Chernihiv children_injured=1"}},
	{"a08_belgorod_kursk", kyivTime("2025-08-03 10:00"), []string{
		"attack UA 2025-08-02 @Belgorod injured=4",
		"attack UA ? @Grayvoron killed=1 drones_launched=1",
		"attack UA ? @Kursk drones_hit=1 drones_launched=1",
		"attack UA 2025-08-02..2025-08-03 @Belgorod @Kursk drones_intercepted=35"}},
	{"a09_front_line", kyivTime("2025-09-01 15:00"), []string{
		"territorial_change RU 2025-09-01 @Dnipropetrovsk settlements=1",
		"territorial_change UA 2025-09-01 @Kupiansk settlements=2"}},
	{"a10_nikopol_admin", kyivTime("2025-10-04 18:00"), []string{
		"attack RU 2025-10-04 @Nikopol @Marhanets injured=1"}},
	{"a11_kharkiv_two_days", kyivTime("2025-11-15 20:00"), []string{
		"attack RU 2025-11-14 @Kharkiv injured=12",
		"attack RU 2025-11-15 @Kharkiv missiles_hit=1 missiles_launched=1",
		"attack RU 2025-11-15 @Kupiansk killed=1"}},
	{"a12_zaporizhzhia_mixed", kyivTime("2025-12-06 19:00"), []string{
		"air_alert RU 2025-12-06 @Zaporizhzhia",
		"attack RU 2025-12-06 @Zaporizhzhia glide_bomb_hit=4 glide_bomb_launched=4 injured=1",
		"deployment RU 2025-12-06 @Huliaipole @Orikhiv troops=~20000"}},
	{"a13_sumy_toll", kyivTime("2025-04-14 10:00"), []string{
		"attack RU 2025-04-13 @Sumy killed=35 children_killed=2 missiles_hit=2 missiles_launched=2 injured=>117 children_injured=15"}},
	{"a14_airfields_claim", kyivTime("2025-05-10 11:00"), []string{
		"attack RU ? @Starokostiantyniv drones_launched=108 missiles_launched=4"}},
	{"a15_three_cities", kyivTime("2025-06-17 12:00"), []string{
		"attack RU 2025-06-16..2025-06-17 @Kyiv @Odesa @Zaporizhzhia drones_launched=440 missiles_launched=32 killed=28 missiles_hit=1",
		"attack RU 2025-06-16..2025-06-17 @Odesa killed=1 injured=17"}},
	{"a16_navy", kyivTime("2025-03-15 09:00"), []string{
		"attack UA 2025-03-14..2025-03-15 @Novorossiysk",
		"attack UA ? @Sevastopol drones_intercepted=12 injured=1"}},
	{"a18_record_night", kyivTime("2025-07-09 08:00"), []string{
		"attack RU 2025-07-08..2025-07-09 @Lutsk drones_launched=728 missiles_launched=13 drones_intercepted=296 missiles_intercepted=7 drones_hit=25 missiles_hit=6",
		"attack RU 2025-07-07 @Kyiv killed=28 children_killed=3",
		"attack UA 2025-07-08..2025-07-09 @Moscow drones_intercepted=337",
		"attack RU 2025-07-08 @Balakliia killed=2"}},
	{"a19_occupied", kyivTime("2025-08-08 12:00"), []string{
		"attack UA 2025-08-07 @Horlivka killed=2 injured=5 drones_launched=1"}},
	{"a20_daily_roundup", kyivTime("2025-07-09 11:00"), []string{
		"attack RU 2025-07-08..2025-07-09 @Ukraine killed=5 injured=27",
		"attack RU 2025-07-09 @Kharkiv killed=2 injured=9",
		"attack RU 2025-07-09 @Donetsk @Kostiantynivka @Druzhkivka killed=3",
		"attack RU 2025-07-09 @Kherson injured=11"}},
	{"a21_railways_analysis", kyivTime("2025-10-20 11:00"), nil},
	{"a22_ap_capital", kyivTime("2025-04-24 14:00"), []string{
		"attack RU 2025-04-24 @Kyiv killed=≥12 children_killed=1 injured=90 drones_launched=145 missiles_launched=66 drones_intercepted=112 missiles_intercepted=48",
		"territorial_change RU 2025-04-24 @Novomykhailivka @Yantarne settlements=2",
		"attack RU 2025-04-24 @Kupiansk injured=1 drones_hit=1 drones_launched=1"}},
	{"a17_residue", kyivTime("2025-02-20 08:00"), []string{
		"attack RU 2025-02-19..2025-02-20 @Kharkiv @Mykolaiv injured=3"}},
}

func TestArticles(t *testing.T) {
	for _, tt := range articleCases {
		t.Run(tt.file, func(t *testing.T) { checkArticle(t, tt.file, tt.pub, tt.want) })
	}
}

// checkArticle extracts testdata/articles/FILE.txt published at pub,
// checks the reports against want, and compares them with FILE.golden.json
// (-update rewrites it).
func checkArticle(t *testing.T, file string, pub *time.Time, want []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "articles", file+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	reps := runDoc(t, file, string(b), pub)
	checkReports(t, string(b), reps, want)

	// Coordinates and confidence are the geocoder's business; keep
	// the golden files about extraction.
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
	golden := filepath.Join("testdata", "articles", file+".golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	wantJSON, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(wantJSON)) {
		t.Errorf("reports differ from %s; review the change and rerun with -update", golden)
	}
}
