package extract

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// cyrCases are short Russian and Ukrainian posts written for sitrep in the
// styles of ministries, regional administrations and Telegram channels,
// each read as a whole document published on Sunday 2 March 2025, 09:00
// Kyiv time, in the compact expectation form of the corpus tests.
var cyrCases = []struct {
	name, text string
	want       []string
}{
	// Russian: air defence tallies told by Russia's defence ministry.
	{"ru mod overnight tally", "В течение прошедшей ночи средствами ПВО перехвачены и уничтожены 38 украинских беспилотников над территорией Курской области, сообщили в Минобороны России.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Kursk drones_intercepted=38"}},
	{"ru mod regional breakdown", "Дежурные средства ПВО за ночь сбили 30 украинских БПЛА: 18 — над Брянской областью, 12 — над Орловской областью.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Bryansk @Oryol drones_intercepted=30"}},
	{"ru night to date", "В ночь на 1 марта над Белгородской областью были сбиты девять беспилотников ВСУ, сообщил губернатор.",
		[]string{"attack UA 2025-02-28..2025-03-01 @Belgorod drones_intercepted=9"}},
	{"ru more than", "Свыше 20 украинских дронов уничтожены над Ростовской областью минувшей ночью.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Rostov drones_intercepted=>20"}},
	{"ru not less than", "По данным местных властей, над Воронежской областью этой ночью сбиты не менее 15 беспилотных летательных аппаратов.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Voronezh drones_intercepted=≥15"}},
	{"ru bryansk governor injured", "Губернатор Брянской области Александр Богомаз сообщил, что в результате атаки украинского дрона на Клинцы вчера ранены двое мирных жителей.",
		[]string{"attack UA 2025-03-01 @Klintsy injured=2 drones_launched=1"}},
	{"ru no casualties", "В Курской области обломки сбитого беспилотника упали на территории промышленного объекта. Пострадавших нет.",
		[]string{"attack UA 2025-03-02 @Kursk"}},
	{"ru kursk killed and child", "В результате удара ВСУ по Рыльску погибли три человека, ещё семеро получили ранения, в том числе двое детей.",
		[]string{"attack UA 2025-03-02 @Rylsk killed=3 injured=7 children_injured=2"}},
	{"ru missiles atacms", "Средствами ПВО сбиты четыре ракеты ATACMS, выпущенные по Крыму, сообщили в Министерстве обороны РФ.",
		[]string{"attack UA 2025-03-02 @Crimea missiles_intercepted=4"}},
	{"ru hedged claim", "Украинские беспилотники якобы атаковали нефтебазу в Туапсе в субботу.",
		[]string{"attack UA 2025-03-01 @Tuapse"}},
	{"ru unverified", "По неподтверждённым данным, в Новороссийске ночью прогремели взрывы.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Novorossiysk"}},

	// Russian-language reports of strikes on Ukraine.
	{"ru kharkiv glide bombs", "Российские войска в пятницу сбросили на Харьков три управляемые авиабомбы, ранены 11 человек.",
		[]string{"attack RU 2025-02-28 @Kharkiv glide_bomb_launched=3 injured=11"}},
	{"ru odesa drones and killed", "Ночью Одессу атаковали российские ударные дроны, погиб мужчина, еще четверо ранены.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Odesa killed=1 injured=4"}},
	{"ru approx", "Около 50 дронов «Шахед» запустила Россия по Днепропетровской области в ночь на воскресенье.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Dnipropetrovsk drones_launched=~50"}},
	{"ru iskander", "Во вторник по Чернигову был нанесён удар двумя ракетами «Искандер-М», погибли пять человек.",
		[]string{"attack RU 2025-02-25 @Chernihiv missiles_launched=2 killed=5"}},
	{"ru up to", "По оценкам мониторинговых каналов, над Киевом в воскресенье работали до 40 дронов.",
		[]string{"attack RU 2025-03-02 @Kyiv drones_launched=≤40"}},
	{"ru killed among them children", "В Кривом Роге число погибших после ракетного удара выросло до 14, среди них трое детей.",
		[]string{"attack RU 2025-03-02 @Kryvyi killed=14 children_killed=3"}},

	// Russian territorial claims and air alerts.
	{"ru liberated village", "Подразделения группировки войск «Центр» освободили населённый пункт Новоселовка в Донецкой Народной Республике, сообщило Минобороны России.",
		[]string{"territorial_change RU 2025-03-02 @Novoselivka settlements=1"}},
	{"ru took control", "Российские войска взяли под контроль село Андреевка в Сумской области.",
		[]string{"territorial_change RU 2025-03-02 @Andreevka settlements=1"}},
	{"ru air alert", "В Киеве и Киевской области объявлена воздушная тревога.",
		[]string{"air_alert RU 2025-03-02 @Kyiv"}},
	{"ru speculation is no report", "Россия может нанести новый массированный удар по энергетике в ближайшие дни, считают аналитики.", nil},
	{"ru history is no report", "В 2023 году ракетный удар по Краматорску унес жизни 13 человек.", nil},
	{"ru dateline is no place", "КИЕВ, 2 марта. Воздушные силы ВСУ сообщили, что ночью над Житомирской областью сбиты 12 дронов.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Zhytomyr drones_intercepted=12"}},
	{"ru launch area is no place", "Противник атаковал Полтаву ударными БпЛА типа «Шахед» с направления Курска, три беспилотника сбиты.",
		[]string{"attack RU 2025-03-02 @Poltava drones_intercepted=3"}},
	{"ru daily tally", "За прошедшие сутки в результате обстрелов в Херсонской области погибли двое и ранены девять человек.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Kherson killed=2 injured=9"}},

	// Ukrainian: Air Force, regional administrations, Telegram channels.
	{"uk air force tally", "У ніч на 2 березня противник атакував Україну 120 ударними БпЛА типу «Шахед». Станом на 09:00 протиповітряною обороною збито 95 ворожих БпЛА на Чернігівщині та Київщині. — Повітряні сили ЗСУ",
		[]string{"attack RU 2025-03-01..2025-03-02 @Chernihiv @Kyiv drones_launched=120 drones_intercepted=95"}},
	{"uk of them shot down", "Вночі ворог випустив по Вінниччині 23 дрони, з них 19 збито силами ППО.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Vinnytsia drones_launched=23 drones_intercepted=19"}},
	{"uk missiles cruise", "Учора ворог завдав удару по Львову крилатими ракетами, дві ракети знищено, одна влучила в склад.",
		[]string{"attack RU 2025-03-01 @Lviv missiles_intercepted=2 missiles_hit=1"}},
	{"uk kharkiv injured children", "Внаслідок удару КАБами по Харкову поранено 17 людей, серед них троє дітей, повідомив начальник Харківської ОВА Олег Синєгубов.",
		[]string{"attack RU 2025-03-02 @Kharkiv injured=17 children_injured=3"}},
	{"uk killed woman", "У Херсоні внаслідок обстрілу загинула жінка, ще двоє людей поранено.",
		[]string{"attack RU 2025-03-02 @Kherson killed=1 injured=2"}},
	{"uk at least", "Щонайменше 8 людей загинули після ракетного удару по Запоріжжю в суботу.",
		[]string{"attack RU 2025-03-01 @Zaporizhzhia killed=≥8"}},
	{"uk more than", "Понад 30 безпілотників знешкоджено над Одещиною минулої ночі.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Odesa drones_intercepted=>30"}},
	{"uk approx", "Близько 10 вибухів пролунало в Ніжині вранці.",
		[]string{"attack RU 2025-03-02 @Nizhyn explosions=~10"}},
	{"uk number words", "Окупанти скинули на Нікополь п'ять авіабомб, поранено чотирьох мешканців.",
		[]string{"attack RU 2025-03-02 @Nikopol glide_bomb_launched=5 injured=4"}},
	{"uk no victims", "У Полтаві через падіння уламків збитого дрона пошкоджено гараж, обійшлося без жертв.",
		[]string{"attack RU 2025-03-02 @Poltava"}},
	{"uk ballistic", "Росіяни вдарили по Одесі балістичною ракетою «Іскандер-М» у п'ятницю, загинули двоє людей.",
		[]string{"attack RU 2025-02-28 @Odesa missiles_launched=1 killed=2"}},
	{"uk liberated village", "Сили оборони звільнили село Степове на Запоріжжі, повідомив Генштаб ЗСУ.",
		[]string{"territorial_change UA 2025-03-02 @Stepove settlements=1"}},
	{"uk occupiers captured", "Окупанти захопили селище Новомиколаївка на Донеччині, пишуть аналітики.",
		[]string{"territorial_change RU 2025-03-02 @Novomykolaivka settlements=1"}},
	{"uk air alert", "У Сумській області оголошено повітряну тривогу.",
		[]string{"air_alert RU 2025-03-02 @Sumy"}},
	{"uk allegedly", "Нібито українські дрони атакували нафтобазу в Брянській області, пишуть російські канали.",
		[]string{"attack UA 2025-03-02 @Bryansk"}},
	{"uk launch directions", "Вночі противник атакував 40 ударними БпЛА з напрямків Курськ, Орел, Міллерово – РФ. Уражено об'єкти на Сумщині.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Sumy drones_launched=40"}},
	{"uk weekday night", "У ніч на суботу ворог атакував Черкаси дронами, уламки пошкодили багатоповерхівку.",
		[]string{"attack RU 2025-02-28..2025-03-01 @Cherkasy"}},
	{"uk plan is no report", "Росія може готувати новий удар по енергетиці, попереджають у розвідці.", nil},
	{"uk two reports", "Вранці ворог обстріляв Херсон, поранено трьох людей. Увечері удар КАБом по Краматорську забрав життя двох людей.",
		[]string{"attack RU 2025-03-02 @Kherson injured=3", "attack RU ? @Kramatorsk killed=2 glide_bomb_launched=1"}},

	// Rules found by the held-out set, each with a case of its own.
	{"ru another count adds", "Ночью над территорией Тульской области сбиты 9 украинских дронов, ещё 4 — над Орловской областью.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Tula @Oryol drones_intercepted=13"}},
	{"uk blasts beside an alert", "У Кривому Розі пролунали вибухи, на Дніпропетровщині оголошено повітряну тривогу.",
		[]string{"attack RU 2025-03-02 @Kryvyi", "air_alert RU 2025-03-02 @Dnipropetrovsk"}},
	{"uk alert for a threat is no attack", "На Полтавщині оголошено тривогу через загрозу ракетного удару.",
		[]string{"air_alert RU 2025-03-02 @Poltava"}},
	{"ru city district named after a city", "В Харькове ранены 5 человек после удара КАБами по Киевскому району.",
		[]string{"attack RU 2025-03-02 @Kharkiv injured=5"}},
	{"uk heading locates the post", "Суми.\nВночі ворог атакував місто дронами, поранено двох людей.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Sumy injured=2"}},
	{"ru direction heading is no place", "Юг.\nВ Херсоне после обстрела погиб мужчина.",
		[]string{"attack RU 2025-03-02 @Kherson killed=1"}},

	// Rules found by set RU2.
	{"uk two towns two tolls", "Окупанти завдали ударів по Запорізькій області. Загинув чоловік у Василівці, ще двоє людей поранені в Оріхові.",
		[]string{"attack RU 2025-03-02 @Vasylivka killed=1", "attack RU 2025-03-02 @Orikhiv injured=2"}},
	{"ru active intercepted", "Ночью силы ПВО перехватили 16 беспилотников над Смоленской областью.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Smolensk drones_intercepted=16"}},
	{"ru name is no place", "В Херсоне дрон атаковал автобус, ранены трое, сообщил глава администрации Ярослав Шанько.",
		[]string{"attack RU 2025-03-02 @Kherson injured=3 drones_launched=1"}},
	{"ru raion of its town", "Курская область. В Рыльском районе от удара дрона пострадал мужчина.",
		[]string{"attack UA 2025-03-02 @Rylsk injured=1 drones_launched=1"}},
	{"ru young son", "В Белгороде при атаке дрона ранен 12-летний сын местного жителя.",
		[]string{"attack UA 2025-03-02 @Belgorod children_injured=1 drones_launched=1"}},
	{"ru two settlements", "Войска группировки «Восток» освободили населенные пункты Ивановка и Зеленое в Днепропетровской области.",
		[]string{"territorial_change RU 2025-03-02 @Dnipropetrovsk settlements=2"}},
	{"uk all the missiles", "Вночі ворог запустив по Україні 40 дронів і 4 ракети. ППО знешкодила 35 дронів та всі ракети над Житомирщиною.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Zhytomyr drones_launched=40 missiles_launched=4 drones_intercepted=35 missiles_intercepted=4"}},
	{"ru said in the statement", "Над Брянской областью сбиты 8 украинских дронов, говорится в сообщении российского Минобороны.",
		[]string{"attack UA 2025-03-02 @Bryansk drones_intercepted=8"}},

	// A title, common words, a source named before, the speaker's air defence.
	{"uk title restates the story", "Масована атака: що відомо на ранок 2 березня\nУ ніч на 2 березня ворог атакував Полтаву 30 дронами, загинули троє людей.\nРятувальники розбирають завали.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Poltava drones_launched=30 killed=3"}},
	{"ru common word is no place", "Над Курской областью сбиты 5 дронов. Кроме того, обломки упали в Льгове.",
		[]string{"attack UA 2025-03-02 @Kursk @Lgov drones_intercepted=5"}},
	{"ru intercepts by the ministry named before", "Минобороны России сообщило о поражении объектов энергетики Украины. Кроме того, над Белгородской областью сбиты 14 беспилотников.",
		[]string{"attack UA 2025-03-02 @Belgorod drones_intercepted=14"}},
	{"ru launched from ukraine", "Беспилотники, запущенные с территории Украины, атаковали Курчатов.",
		[]string{"attack UA 2025-03-02 @Kurchatov"}},

	// Rules found by set RU3.
	{"uk forces of the south speak", "Сили оборони півдня: протягом доби противник атакував Миколаївщину. Загинула одна людина, збито 12 ворожих БпЛА.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Mykolaiv killed=1 drones_intercepted=12"}},
	{"ru of those launched", "Воздушные силы ВСУ заявили, что из 20 выпущенных по Одессе ракет сбиты 17.",
		[]string{"attack RU 2025-03-02 @Odesa missiles_launched=20 missiles_intercepted=17"}},
	{"ru rocket shells are mlrs", "Над Белгородом сбиты шесть реактивных снарядов РСЗО.",
		[]string{"attack UA 2025-03-02 @Belgorod mlrs_intercepted=6"}},

	// More phrasings.
	{"ru claimant in telegram", "Украинские военные атаковали Белгород ракетами РСЗО «Вампир», заявил в Telegram губернатор Вячеслав Гладков. Ранены шесть человек.",
		[]string{"attack UA 2025-03-02 @Belgorod injured=6"}},
	{"uk ballistics slang", "Ворог вдарив по Дніпру балістикою: загинули щонайменше 5 людей, понад 30 поранено, серед них четверо дітей.",
		[]string{"attack RU 2025-03-02 @Dnipro killed=≥5 injured=>30 children_injured=4"}},
	{"uk liberated named after verb", "ЗСУ звільнили Кіндратівку на Сумщині — Генштаб.",
		[]string{"territorial_change UA 2025-03-02 @Sumy settlements=1"}},
	{"ru weekly tally is no report", "Российская армия за неделю выпустила по Украине более 1 500 дронов и около 80 ракет, заявил Зеленский.", nil},
	{"uk alert lasted", "Повітряна тривога у Києві тривала понад три години.",
		[]string{"air_alert RU 2025-03-02 @Kyiv"}},
	{"uk fake is no report", "Звільнено Бахмут? Ні, це фейк: ЗСУ не залишали позицій, заявили у ДШВ.", nil},
	{"ru denied capture", "В Генштабе ВСУ опровергли захват села Дачное в Днепропетровской области.", nil},
	{"uk border communities", "Протягом доби ворог 97 разів обстріляв прикордонні громади Сумщини. Зафіксовано 240 вибухів. Внаслідок атаки FPV-дрона у Великій Писарівці поранено чоловіка.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Sumy @Velyka_Pysarivka explosions=240 injured=1"}},
	{"ru zaporizhzhia toll with children", "В Запорожье в результате удара по инфраструктурному объекту погибли 3 человека и еще 12 получили ранения, сообщил глава ОВА Иван Федоров. Среди раненых — двое детей.",
		[]string{"attack RU 2025-03-02 @Zaporizhzhia killed=3 injured=12 children_injured=2"}},
	{"ru occupied donetsk district", "Вчера вечером в Донецке в результате обстрела ВСУ Киевского района погибли двое мирных жителей, сообщил Денис Пушилин.",
		[]string{"attack UA 2025-03-01 @Donetsk killed=2"}},
	{"uk drones and kabs", "Окупанти атакували Херсонщину 45 дронами та 12 КАБами, загинули 4 людини, 19 поранено.",
		[]string{"attack RU 2025-03-02 @Kherson drones_launched=45 glide_bomb_launched=12 killed=4 injured=19"}},
	{"uk strike on russia", "Сили оборони вночі уразили нафтопереробний завод у Саратовській області, повідомив Генштаб ЗСУ.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Saratov"}},
	{"ru afu attacked horlivka", "ВСУ атаковали Горловку беспилотниками, погибла женщина, ранены трое мирных жителей.",
		[]string{"attack UA 2025-03-02 @Horlivka killed=1 injured=3"}},
	{"ru according to governor", "По словам губернатора Курской области, вчера в Судже от удара дрона погибли двое.",
		[]string{"attack UA 2025-03-01 @Sudzha killed=2 drones_launched=1"}},
	{"ru neptune", "Над Крымом этой ночью сбиты две ракеты «Нептун» и 11 беспилотников.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Crimea missiles_intercepted=2 drones_intercepted=11"}},
	{"uk dozens", "Десятки дронів атакували Київ у ніч на неділю, уламки впали у трьох районах міста.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Kyiv drones_launched=≥20"}},
	{"ru mod briefing period", "С 20:00 1 марта до 07:00 2 марта дежурными средствами ПВО уничтожены 26 беспилотников ВСУ над Курской областью.",
		[]string{"attack UA 2025-03-01..2025-03-02 @Kursk drones_intercepted=26"}},
	{"ru kalibr and kh-101", "Вчера Россия выпустила по Киеву 6 крылатых ракет Х-101 и 4 «Калибра», сбиты 8 ракет.",
		[]string{"attack RU 2025-03-01 @Kyiv missiles_launched=10 missiles_intercepted=8"}},
	{"ru calibre is no missile", "В Белгороде обстрел из орудий крупного калибра повредил два дома.",
		[]string{"attack UA 2025-03-02 @Belgorod"}},
	{"ru night to saturday", "В ночь на субботу украинские беспилотники атаковали Брянск, пострадавших нет.",
		[]string{"attack UA 2025-02-28..2025-03-01 @Bryansk"}},
	{"uk past day tally", "За минулу добу росіяни 14 разів обстріляли Херсонщину, загинула одна людина, ще шестеро поранені.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Kherson killed=1 injured=6"}},
	{"uk spelled hundred", "Сто двадцять дронів запустила Росія по Україні вночі, сто з них збито над Київщиною та Сумщиною.",
		[]string{"attack RU 2025-03-01..2025-03-02 @Kyiv @Sumy drones_launched=120 drones_intercepted=100"}},

	// Rules found by set RU4 and by posts that gave no report.
	{"uk mayor's city locates the post", "Міський голова Полтави Віталій Шевчук повідомив, що вранці ворог атакував місто дронами. Травмовано трьох людей.",
		[]string{"attack RU 2025-03-02 @Poltava injured=3"}},
	{"ru mayor's city locates the post", "Мэр Курска Игорь Куцак сообщил, что после атаки беспилотника ранен мужчина.",
		[]string{"attack UA 2025-03-02 @Kursk injured=1 drones_launched=1"}},
	{"ru mayor's city yields to the scene", "Мэр Белгорода Валентин Демидов сообщил, что в Грайвороне при обстреле ранены два человека.",
		[]string{"attack UA 2025-03-02 @Grayvoron injured=2"}},
	{"ru occupied", "Российские подразделения заняли населенный пункт Торское в Донецкой области, сообщили в Минобороны РФ.",
		[]string{"territorial_change RU 2025-03-02 @Donetsk settlements=1"}},
	{"uk occupied", "Аналітики повідомили, що окупанти зайняли село Торське на Донеччині.",
		[]string{"territorial_change RU 2025-03-02 @Donetsk settlements=1"}},
	{"uk listed dead with a child", "У Херсоні після обстрілу загинули 60-річний чоловік та його 15-річна онука.",
		[]string{"attack RU 2025-03-02 @Kherson killed=2 children_killed=1"}},
	{"uk listed injured adults", "Ворог ударив по Краматорську, поранені 34-річна жінка та 40-річний чоловік.",
		[]string{"attack RU 2025-03-02 @Kramatorsk injured=2"}},
	{"uk injured by trade", "Дрон атакував автомобіль у Херсоні, поранено водія та рятувальника.",
		[]string{"attack RU 2025-03-02 @Kherson injured=2 drones_launched=1"}},
	{"ru appeal is no report", "Губернатор Белгородской области призвал жителей не снимать работу ПВО и последствия ударов.", nil},
}

func TestCyrillicSentences(t *testing.T) {
	for _, tt := range cyrCases {
		t.Run(tt.name, func(t *testing.T) {
			checkReports(t, tt.text, runDoc(t, "c-"+tt.name, tt.text, &corpusPub), tt.want)
		})
	}
}

// TestCyrillicSource checks what the report cites: sentence offsets in
// code points, the claimant, its side and the hedge.
func TestCyrillicSource(t *testing.T) {
	text := "Вчера над Курской областью сбиты 12 украинских дронов, сообщили в Минобороны России. Проверить эту информацию не удалось."
	reps := runDoc(t, "c-source", text, &corpusPub)
	if len(reps) != 1 {
		t.Fatalf("Reports(%q) = %d reports, want 1", text, len(reps))
	}
	src := reps[0].Source
	rs := []rune(text)
	if got := string(rs[src.Start:src.End]); got != src.Sentence {
		t.Errorf("sentence at [%d,%d) = %q, want %q", src.Start, src.End, got, src.Sentence)
	}
	sig := runDoc(t, "c-signature", "Вночі над Київщиною збито 14 ворожих дронів.\n— Повітряні сили ЗСУ", &corpusPub)
	if len(sig) != 1 || sig[0].Source.AttributedTo != "Повітряні сили ЗСУ" || sig[0].Source.ClaimantSide != model.SideUA {
		t.Errorf("signed post: reports %+v, want one attributed to Повітряні сили ЗСУ (UA)", sig)
	}
	for _, tt := range []struct{ text, who string }{
		{"Украинские военные атаковали Белгород ракетами, заявил в Telegram губернатор Вячеслав Гладков.", "губернатор Вячеслав Гладков"},
		{"ЗСУ звільнили Кіндратівку на Сумщині — Генштаб.", "Генштаб"},
		{"По данным Воздушных сил ВСУ, ночью над Полтавой сбиты 7 дронов.", "Воздушных сил ВСУ"},
		{"Об атаке сообщило Минобороны России. По данным ведомства, над Курской областью сбиты 9 дронов.", "Минобороны России"},
	} {
		reps := runDoc(t, "c-who", tt.text, &corpusPub)
		if len(reps) != 1 || reps[0].Source.AttributedTo != tt.who {
			t.Errorf("Reports(%q): attributed to %v, want %q", tt.text, reps, tt.who)
		}
	}
	if src.AttributedTo != "Минобороны России" || src.ClaimantSide != model.SideRU || !src.Hedged {
		t.Errorf("source = %+v, want attributed to Минобороны России (RU), hedged", src)
	}
	for _, f := range reps[0].Facts {
		if f.Text != "" && string(rs[f.Start:f.End]) != f.Text {
			t.Errorf("fact %s: text at [%d,%d) = %q, want %q", f.Field, f.Start, f.End, string(rs[f.Start:f.End]), f.Text)
		}
	}
}

// TestCyrillicParagraphSignature checks that a dash and a name closing a
// paragraph attribute that paragraph, and only it.
func TestCyrillicParagraphSignature(t *testing.T) {
	text := "Росіяни скинули КАБ на Куп'янськ, загинув чоловік. — Синєгубов\n\nУвечері в Ізюмі поранено жінку."
	reps := runDoc(t, "c-para-sig", text, &corpusPub)
	if len(reps) != 2 {
		t.Fatalf("Reports(%q) = %d reports, want 2", text, len(reps))
	}
	if got := reps[0].Source.AttributedTo; got != "Синєгубов" {
		t.Errorf("first paragraph attributed to %q, want Синєгубов", got)
	}
	if got := reps[1].Source.AttributedTo; got != "" {
		t.Errorf("second paragraph attributed to %q, want nobody", got)
	}
}

// TestCyrillicDispatch checks which documents take the Cyrillic rules.
func TestCyrillicDispatch(t *testing.T) {
	tests := []struct {
		lang, text string
		want       bool
	}{
		{"", "Ночью над Курском сбиты 5 дронов.", true},
		{"", "Drones hit Kyiv overnight, Київ says.", false},
		{"uk", "Kyiv: 3 injured", true},
		{"en", "Ночью над Курском сбиты 5 дронов.", false},
	}
	for _, tt := range tests {
		if got := isCyrillic(&model.Document{Language: tt.lang, Text: tt.text}); got != tt.want {
			t.Errorf("isCyrillic(%q, %q) = %v, want %v", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestCyrillicCancelled checks that a cancelled context stops extraction.
func TestCyrillicCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := extractor(t).Reports(ctx, &model.Document{Text: "Ночью над Курском сбиты 5 дронов."}); err == nil {
		t.Error("Reports with a cancelled context: no error")
	}
}

// TestCyrillicHedges checks which wordings hedge a claim: "якобы",
// "нібито", unconfirmed data and a caveat in the next sentence do;
// plain attribution ("по данным ведомства") does not.
func TestCyrillicHedges(t *testing.T) {
	tests := []struct {
		text   string
		hedged bool
	}{
		{"Украинские дроны якобы атаковали нефтебазу в Брянске.", true},
		{"Російські дрони нібито атакували Луцьк уночі.", true},
		{"По неподтверждённым данным, в Курске прогремели взрывы.", true},
		{"За непідтвердженими даними, у Бєлгороді пролунали вибухи.", true},
		{"Ночью над Курском сбиты 5 дронов. Проверить эту информацию не удалось.", true},
		{"У Херсоні внаслідок обстрілу поранено двох людей. Незалежно перевірити ці дані не вдалося.", true},
		{"По данным ведомства, над Курском сбиты 5 дронов.", false},
		{"За даними Повітряних сил, над Житомиром збито 6 дронів.", false},
	}
	for _, tt := range tests {
		reps := runDoc(t, "c-hedge", tt.text, &corpusPub)
		if len(reps) != 1 || reps[0].Source.Hedged != tt.hedged {
			var got []bool
			for _, r := range reps {
				got = append(got, r.Source.Hedged)
			}
			t.Errorf("Reports(%q): hedged %v, want one report hedged=%v", tt.text, got, tt.hedged)
		}
	}
}

// FuzzCyrillicReports checks that the Cyrillic rules never panic and keep
// every fact's offsets inside the text, on the sense or nonsense of any
// Cyrillic input.
func FuzzCyrillicReports(f *testing.F) {
	for _, c := range cyrCases[:12] {
		f.Add(c.text)
	}
	f.Add("— —, 5 — над, из них; в ночь на 31 февраля «»")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		reps, err := extractor(t).Reports(context.Background(), &model.Document{ID: "f", Language: "ru", Text: s, Published: &corpusPub})
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(s)
		for _, r := range reps {
			for _, fct := range r.Facts {
				if fct.Start < 0 || fct.End > n || fct.Start > fct.End {
					t.Fatalf("Reports(%q): fact %+v outside the text", s, fct)
				}
			}
		}
	})
}
