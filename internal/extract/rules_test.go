package extract

import "testing"

// ruleCases are short texts written for the generalisation rules (one
// group per rule), each read as a whole document published on Sunday
// 2 March 2025, in the compact expectation form of the corpus tests.
var ruleCases = []struct {
	name, text string
	want       []string
}{
	// A purpose ("aimed at") is not speculation.
	{"aimed at purpose", "Russian drones struck Poltava overnight in an attack aimed at the city's gas network, the governor said.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Poltava"}},
	{"aimed mainly at", "Missiles hit Lutsk and Kovel, local officials said, in strikes aimed mainly at rail depots.",
		[]string{"attack RU 2025-03-02 @Lutsk @Kovel"}},
	{"aims to is still intent", "Moscow aims to strike Odesa's grain terminals before the harvest, an analyst wrote.", nil},

	// Capitals standing for governments.
	{"claim a capital rejected", "Russian missiles hit Odesa on Saturday; Moscow said it had targeted port facilities, a claim Kyiv dismissed.",
		[]string{"attack RU 2025-03-01 @Odesa"}},
	{"foreign capital acts", "Drones hit Lutsk overnight, and Warsaw scrambled fighter jets near the border.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Lutsk"}},
	{"capital condemned", "A glide bomb struck a hospital in Kharkiv on Saturday, killing one patient; Berlin condemned the attack.",
		[]string{"attack RU 2025-03-01 @Kharkiv glide_bomb_launched=1 glide_bomb_hit=1 killed=1"}},
	{"people in the capital said", "Residents in Kyiv said explosions shook the city before dawn.",
		[]string{"attack RU 2025-03-02 @Kyiv"}},

	// Where weapons were launched from is not where they struck.
	{"launched from bombers over a region", "Six Kh-101 missiles launched from Tu-95MS bombers over the Volgograd region struck Kremenchuk on Saturday.",
		[]string{"attack RU 2025-03-01 @Kremenchuk missiles_launched=6"}},
	{"weapon from a region", "The enemy used 4 Iskander-M missiles from the Bryansk region against Chernihiv.",
		[]string{"attack RU 2025-03-02 @Chernihiv missiles_launched=4"}},

	// A breakdown by type does not add to its total.
	{"of them breakdown", "Overnight the enemy launched 22 missiles and 90 drones. Of them, 16 Kh-101 cruise missiles and 6 Kalibr missiles. Impacts were recorded in the Rivne region.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Rivne missiles_launched=22 drones_launched=90"}},
	{"partial breakdown", "Russia fired 30 missiles at Dnipro on Saturday, among them 8 Kinzhal missiles.",
		[]string{"attack RU 2025-03-01 @Dnipro missiles_launched=30"}},
	{"breakdown across sentences", "The enemy attacked Zhytomyr with 120 drones on Saturday. 70 Shahed drones and 50 Gerbera decoys were counted.",
		[]string{"attack RU 2025-03-01 @Zhytomyr drones_launched=120"}},

	// Clauses of one sentence without figures tell one occurrence.
	{"hits and debris", "Hits were recorded in the Khmelnytskyi and Lviv regions; debris fell in the Ternopil region.",
		[]string{"attack RU 2025-03-02 @Khmelnytskyi @Lviv @Ternopil"}},
	{"while other side", "Shelling hit Nikopol, while Ukrainian drones struck a depot in the Belgorod region.",
		[]string{"attack RU 2025-03-02 @Nikopol", "attack UA 2025-03-02 @Belgorod"}},

	// A toll update without a place of its own does not start a report.
	{"two more bodies", "Friday's missile strike on Chernihiv killed nine people, the mayor said on Sunday. Two more bodies were found under the rubble overnight. In all, 41 people were wounded.",
		[]string{"attack RU 2025-02-28 @Chernihiv killed=9 injured=41"}},
	{"another killed with a place", "Another two people were killed in Kherson when a drone hit a bus on Sunday.",
		[]string{"attack RU 2025-03-02 @Kherson killed=2 drones_hit=1 drones_launched=1"}},

	// History recounted with figures is not a new report.
	{"in an earlier year", "In 2023 a missile strike on a cafe in Hroza killed 59 villagers gathered for a wake.", nil},
	{"season of an earlier year", "In the summer of 2022, shelling of Mykolaiv wounded hundreds of residents.", nil},
	{"that year", "By the autumn of that year, Russia was sending dozens of Shaheds at Odesa every week.", nil},
	{"dated months back", "On 14 October a drone struck a school in Sumy, injuring 12 people.", nil},
	{"dated this week stays", "On 27 February a drone struck a school in Sumy, injuring 12 people.",
		[]string{"attack RU 2025-02-27 @Sumy injured=12 drones_hit=1 drones_launched=1"}},
	{"several hundred", "Several hundred drones were launched at Kyiv overnight.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Kyiv drones_launched=≥300"}},

	// An official's jurisdiction locates only a clause that names no other place.
	{"governor of another place", "Ukrainian rockets struck the town of Grayvoron, Belgorod governor Vyacheslav Gladkov said on Saturday.",
		[]string{"attack UA 2025-03-01 @Grayvoron"}},
	{"mayor alone locates", "Kharkiv mayor Ihor Terekhov reported three explosions on Sunday morning.",
		[]string{"attack RU 2025-03-02 @Kharkiv explosions=3"}},

	// Territory told by different claimants is reported separately; "the
	// area" and "the village" point back at the place just named.
	{"capture and estimate", "The Russian defence ministry said its forces had captured the village of Udachne in the Donetsk region. Independent analysts estimate that Russian troops have gained about 14 square kilometres in the area this week.",
		[]string{"territorial_change RU ? @Udachne settlements=1", "territorial_change RU ? @Udachne area_km2=~14"}},
	{"same claimant joins", "Russian troops captured the village of Udachne, the ministry said. They advanced 6 square kilometres in the area, it said.",
		[]string{"territorial_change RU ? @Udachne settlements=1 area_km2=6"}},

	// A part opening its own clause takes the verb after it.
	{"part after comma", "Two Kh-59 missiles and 55 Shaheds were used against Izmail, 41 of the drones were shot down.",
		[]string{"attack RU 2025-03-02 @Izmail missiles_launched=2 drones_launched=55 drones_intercepted=41"}},
	// "took"/"taken" with a place as object is a capture; passive "taken" is not.
	{"had taken a town", "The Russian army said it had taken Toretsk after weeks of fighting.",
		[]string{"territorial_change RU ? @Toretsk settlements=1"}},
	{"taken to hospital", "Four wounded residents of Sumy were taken to hospital on Saturday.",
		[]string{"attack RU 2025-03-01 @Sumy injured=4"}},
	// The speaker's jurisdiction locates a clause that names no place.
	{"possessive administration", "According to Odesa's military administration, six people were hurt in the overnight attack.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Odesa injured=6"}},
	{"possessive administration elsewhere", "According to Kharkiv's regional administration, a drone hit Chuhuiv, wounding two.",
		[]string{"attack RU 2025-03-02 @Chuhuiv drones_hit=1 drones_launched=1 injured=2"}},

	// A capture verb with a list of names captures each.
	{"captured list", "Moscow's troops have captured Kotliarivka, Udachne and Novoekonomichne in the Donetsk region, the ministry claimed.",
		[]string{"territorial_change RU ? @Udachne settlements=3"}},
	// The speaker's area ("the Sumy regional administration said") is not a scene beside a named one.
	{"regional office as speaker", "A drone killed a man in Bilopillia, the Sumy regional prosecutor's office said.",
		[]string{"attack RU 2025-03-02 @Bilopillia killed=1 drones_launched=1"}},
	// Two capitals joined are governments.
	{"capitals trade accusations", "Kyiv and Moscow traded accusations on Saturday after a strike on the Zaporizhzhia nuclear plant.",
		[]string{"attack RU 2025-03-01 @Zaporizhzhia"}},
	{"two capitals struck", "Drones struck Lviv and Kyiv overnight.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Lviv @Kyiv"}},

	// "N more" people wounded is a figure; "two more bodies found" is a toll update.
	{"more wounded is a figure", "A missile struck Dnipro on Friday, killing four people. Governor Serhiy Lysak said 17 more were wounded, three of them children.",
		[]string{"attack RU 2025-02-28 @Dnipro killed=4 injured=17 children_injured=3 missiles_hit=1 missiles_launched=1"}},
	// A running total since a month is not an occurrence.
	{"since a month", "Since January, Russia has fired more than 900 missiles at Ukraine's cities, including Kharkiv and Odesa.", nil},
	{"largest since keeps", "The attack on Kharkiv on Saturday was the largest since January, with 60 drones launched.",
		[]string{"attack RU 2025-03-01 @Kharkiv drones_launched=60"}},

	// A weapon named with a firing verb is an attack without a count.
	{"used cluster munitions", "The occupiers reportedly used cluster munitions against Kherson on Friday.",
		[]string{"attack RU 2025-02-28 @Kherson"}},
	{"used to is a habit", "Russia used to fire rockets at Kharkiv almost every night.", nil},
	// "Pushed out of X" regains X.
	{"pushed out of", "Ukrainian troops pushed Russian units out of Kamianske in the Zaporizhzhia region, the brigade said.",
		[]string{"territorial_change UA ? @Kamianske settlements=1"}},
	// "N of the M" with the weapon told before.
	{"n of the m carried weapon", "Russia launched KN-23 ballistic missiles at Kyiv on Thursday, the Air Force said, adding that 4 of the 6 were intercepted.",
		[]string{"attack RU 2025-02-27 @Kyiv missiles_launched=6 missiles_intercepted=4"}},

	// A second "N of M" shares the first one's verb.
	{"two parts one verb", "The air force said it had shot down 5 of 8 Kinzhal missiles and 61 of 70 drones aimed at Starokostiantyniv.",
		[]string{"attack RU 2025-03-02 @Starokostiantyniv missiles_launched=8 missiles_intercepted=5 drones_launched=70 drones_intercepted=61"}},
	// A post's opening date line dates what the post reports.
	{"header date line", "Nikopol district, 28 February.\nThe enemy shelled Marhanets with artillery. A woman, 70, was injured.",
		[]string{"attack RU 2025-02-28 @Marhanets injured=1"}},
	{"opening sentence with a date is not a header", "On 28 February drones hit Sumy.\nIn Kherson, shelling wounded two people.",
		[]string{"attack RU 2025-02-28 @Sumy", "attack RU 2025-03-02 @Kherson injured=2"}},

	// More people nouns; "another N" after a casualty verb.
	{"doctor and nurses", "Russian artillery hit a hospital in Kherson on Saturday, wounding a doctor and two nurses.",
		[]string{"attack RU 2025-03-01 @Kherson injured=3"}},
	{"injured another", "A Russian strike killed 4 people in Kharkiv on Saturday and injured another 31.",
		[]string{"attack RU 2025-03-01 @Kharkiv killed=4 injured=31"}},
	// The speaker's seat is not the scene.
	{"ministry in a capital", "The Russian army has taken full control of Velyka Novosilka, the defence ministry in Moscow said.",
		[]string{"territorial_change RU ? @Velyka_Novosilka settlements=1"}},
	// An ordinal over a period is not a period tally.
	{"fifth strike this year", "Ukraine's SBU said its drones hit the Ryazan refinery on Saturday, the fifth strike on the plant this year.",
		[]string{"attack UA 2025-03-01 @Ryazan"}},

	// "A family of four" counts four people.
	{"family of four killed", "Occupation officials in Oleshky claimed Ukrainian shelling had killed a family of four on Saturday.",
		[]string{"attack UA 2025-03-01 @Oleshky killed=4"}},
	{"family of five injured", "A family of five was injured when a drone hit their house in Bilozerka.",
		[]string{"attack RU 2025-03-02 @Bilozerka injured=5 drones_hit=1 drones_launched=1"}},

	// A toll's shares by place are reports of their own.
	{"shares by place", "Russian strikes killed at least 9 people across Ukraine overnight, including five in Kharkiv and two in Zaporizhzhia, officials said.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Ukraine killed=≥9", "attack RU 2025-03-01..2025-03-02 @Kharkiv killed=5",
			"attack RU 2025-03-01..2025-03-02 @Zaporizhzhia killed=2"}},
	{"including children is not a place share", "A missile strike on Odesa on Saturday killed five people, including two children.",
		[]string{"attack RU 2025-03-01 @Odesa killed=5 children_killed=2"}},

	// "Destroyed" a target is a strike.
	{"destroyed a vessel", "Ukraine's navy said it destroyed a Russian landing craft off the coast of Crimea on Saturday.",
		[]string{"attack UA 2025-03-01 @Crimea"}},
	{"destroyed houses continue", "Russian drones hit Sumy overnight. Three houses were destroyed.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Sumy"}},

	// Russia's named groups of forces are Russian.
	{"vostok group liberated", "Units of the Vostok group liberated the settlements of Dachne and Udachne.",
		[]string{"territorial_change RU ? @Dachne @Udachne settlements=2"}},
	{"battlegroup centre", "The Battlegroup Centre took control of Udachne, the ministry said.",
		[]string{"territorial_change RU ? @Udachne settlements=1"}},
}

func TestRules(t *testing.T) {
	for _, tt := range ruleCases {
		t.Run(tt.name, func(t *testing.T) {
			checkReports(t, tt.text, runDoc(t, "r-"+tt.name, tt.text, &corpusPub), tt.want)
		})
	}
}
