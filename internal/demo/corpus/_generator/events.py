"""Ground truth for the demo corpus events (generator input)."""

MPA1 = "feeds/meridian.rss#mpa-20261014-0412"
MPA2 = "feeds/meridian.rss#mpa-20261016-0977"
MPA3 = "feeds/meridian.rss#mpa-20261021-1230"
MPA4 = "feeds/meridian.rss#mpa-20261022-1402"
MPA5 = "feeds/meridian.rss#mpa-20261102-0215"
HT1, HT2, HT3, HT4, HT5 = ("feeds/hromada.atom#tag:hromada-today.example,2026:" + n for n in ("1041", "1088", "1102", "1150", "1207"))
AF = lambda n: f"telegram/air_force/result.json#{n}"
KM = lambda n: f"telegram/kyiv_mayor/result.json#{n}"
OM = lambda n: f"telegram/odesa_rma/result.json#{n}"
NG = lambda n: f"jsonl/newsgrid.jsonl#ng-{n}"
KL1 = "html/kyivledger/2026-10-14-kyiv-night-attack.html"
KL2 = "html/kyivledger/2026-10-21-kyiv-drones-obolon.html"
KL3 = "html/kyivledger/2026-10-31-shostka-bus-station.html"
PV1 = "html/pivden/2026-10-14-odesa-port-drones.html"
PV2 = "html/pivden/2026-10-18-kherson-shelling.html"
RV1 = "html/rusvesti/2026-10-14-mod-massive-strike.html"
RV2 = "html/rusvesti/2026-10-19-mod-drones-intercepted.html"
RV3 = "html/rusvesti/2026-10-22-mod-grishino.html"
RV4 = "html/rusvesti/2026-11-02-mod-kharkov.html"
NH1 = "html/northernherald/2026-10-14-kyiv-odesa-wire.html"
NH3 = "html/northernherald/2026-10-25-mala-tokmachka.html"
BUK = "txt/bukovyna-plus_2026-10-14_kyiv-attack.txt"
ZE = "txt/zaporizhzhia-evening_2026-10-17_kab-toll.txt"
KH = "txt/kherson-hvylia_2026-10-18_morning.txt"
RVT = "txt/rusvesti_2026-10-19_pvo-ru.txt"

def q(v, qual="exact"):
    return {"value": v, "qualifier": qual}

W1COPIES = [NG(5001), NH1, BUK]

def same(docs, v, qual="exact"):
    return {d: q(v, qual) for d in docs}

PUBLISHERS = {
    "Meridian Press Agency": dict(kind="wire agency", role="press", side=None),
    "Kyiv Ledger": dict(kind="national outlet (UA)", role="press", side=None),
    "Hromada Today": dict(kind="national outlet (UA)", role="press", side=None),
    "Pivden Online": dict(kind="regional site (Odesa)", role="press", side=None),
    "Bukovyna Plus": dict(kind="regional site (Chernivtsi), runs wire copy", role="press", side=None),
    "Zaporizhzhia Evening": dict(kind="regional newspaper", role="press", side=None),
    "Kherson Hvylia Radio": dict(kind="regional radio", role="press", side=None),
    "The Northern Herald": dict(kind="foreign newspaper (UK)", role="press", side=None),
    "NewsGrid": dict(kind="aggregator, syndicates wire copy", role="press", side=None),
    "Air Force Command of Ukraine": dict(kind="Telegram channel, Ukrainian Air Force", role="official", side="UA"),
    "Kyiv City Mayor": dict(kind="Telegram channel, city mayor", role="official", side="UA"),
    "Odesa Regional Military Administration": dict(kind="Telegram channel, regional military administration", role="official", side="UA"),
    "RusVesti": dict(kind="Russian state news agency relaying the Russian Defence Ministry", role="state_media", side="RU"),
}

UA, RU = "UA", "RU"

EVENTS = {
    "kyiv-2026-10-14": dict(
        type="attack", date=dict(start="2026-10-13", end="2026-10-14", precision="day", basis="overnight"),
        places=[dict(name="Kyiv", admin1="Kyiv City", country="UA", lat=50.4501, lon=30.5234, role="target",
                     spellings=["Kyiv", "Kiev", "Київ"], districts=["Solomianskyi", "Sviatoshynskyi"])],
        attacker=RU, attacked=UA, weapons=["drone", "cruise_missile", "ballistic_missile"],
        weapon_models={AF(3): [dict(kind="drone", model="Shahed-136", launched=q(412), intercepted=q(377)),
                               dict(kind="cruise_missile", model="Kh-101", launched=q(13), intercepted=q(12)),
                               dict(kind="ballistic_missile", model="Iskander-M", launched=q(6), intercepted=q(2))]},
        figures=dict(
            injured={KM(3): q(5), KM(4): q(14), MPA1: q(12, "at_least"), **same(W1COPIES, 12, "at_least"),
                     KL1: q(17), HT1: q(12, "more_than")},
            killed={KM(4): q(1), MPA1: q(1), **same(W1COPIES, 1), KL1: q(2), HT1: q(1)},
            children_injured={KL1: q(2)},
            drones_launched={AF(3): q(412), KL1: q(412), MPA1: q(400, "more_than"), **same(W1COPIES, 400, "more_than")},
            drones_intercepted={AF(3): q(377), KL1: q(377)},
            missiles_launched={AF(3): q(19), KL1: q(19), MPA1: q(20, "approx"), **same(W1COPIES, 20, "approx")},
            missiles_intercepted={AF(3): q(14), KL1: q(14)},
        ),
        attacked_side_officials=[KM(2), KM(3), KM(4), AF(3), KL1, HT1, MPA1] + W1COPIES,
        hedged=[],
        notes="Largest event: officials' running counts (5 → 14 injured), the wire's 'at least 12', the Ledger's later 17 incl. 2 children, "
              "and the Air Force's nationwide tally (credited here: Kyiv was the main direction). RusVesti gives the Russian ministry's version "
              "with no figures. Three syndicated copies of the wire story must not count as sources.",
    ),
    "odesa-2026-10-14": dict(
        type="attack", date=dict(start="2026-10-13", end="2026-10-14", precision="day", basis="overnight"),
        places=[dict(name="Odesa", admin1="Odesa Oblast", country="UA", lat=46.4825, lon=30.7233, role="target",
                     spellings=["Odesa", "Odessa", "Одеса", "Одесу"], districts=["Peresyp"])],
        attacker=RU, attacked=UA, weapons=["drone"], weapon_models={},
        figures=dict(
            killed={OM(3): q(1), MPA1: q(1), **same(W1COPIES, 1), PV1: q(1)},
            injured={OM(2): q(1), OM(3): q(4), PV1: q(4)},
            explosions={PV1: q(12, "more_than")},
        ),
        attacked_side_officials=[OM(2), OM(3), AF(3), PV1, MPA1] + W1COPIES,
        hedged=[],
        notes="Same night as the Kyiv attack, different city and casualties: must stay a separate event.",
    ),
    "zaporizhzhia-2026-10-16": dict(
        type="attack", date=dict(start="2026-10-16", end="2026-10-16", precision="day", basis="weekday/yesterday"),
        places=[dict(name="Zaporizhzhia", admin1="Zaporizhzhia Oblast", country="UA", lat=47.8388, lon=35.1396, role="target",
                     spellings=["Zaporizhzhia", "Zaporozhye"], districts=["Zavodskyi"])],
        attacker=RU, attacked=UA, weapons=["glide_bomb"], weapon_models={},
        figures=dict(
            killed={MPA2: q(3, "at_least"), NG(5002): q(3, "at_least"), HT2: q(3), ZE: q(4)},
            injured={MPA2: q(11), NG(5002): q(11), HT2: q(14), ZE: q(14)},
            children_injured={HT2: q(1), ZE: q(1)},
            glide_bombs={HT2: q(4), ZE: q(5)},
        ),
        attacked_side_officials=[MPA2, NG(5002), HT2, ZE],
        hedged=[],
        notes="Death toll rises from 'at least three' to four the next morning; sources disagree on four vs five bombs.",
    ),
    "kherson-2026-10-18": dict(
        type="attack", date=dict(start="2026-10-18", end="2026-10-18", precision="day", basis="weekday"),
        places=[dict(name="Kherson", admin1="Kherson Oblast", country="UA", lat=46.6354, lon=32.6169, role="target",
                     spellings=["Kherson", "Херсон"], districts=["Dniprovskyi"]),
                dict(name="Oleshky", admin1="Kherson Oblast", country="UA", lat=46.626, lon=32.724, role="origin of fire (not a target)")],
        attacker=RU, attacked=UA, weapons=["artillery", "mortar"], weapon_models={},
        figures=dict(
            killed={PV2: q(1), HT3: q(1), NG(5003): q(1), KH: q(1)},
            injured={PV2: q(3), HT3: q(3), NG(5003): q(2), KH: q(2)},
            explosions={KH: q(10, "at_most")},
        ),
        attacked_side_officials=[PV2, HT3, NG(5003), KH],
        hedged=[],
        notes="Early reports say two injured, later ones three.",
    ),
    "ua-drones-bryansk-2026-10-19": dict(
        type="attack", date=dict(start="2026-10-18", end="2026-10-19", precision="day", basis="overnight"),
        places=[dict(name="Bryansk Oblast", admin1="Bryansk Oblast", country="RU", lat=52.9, lon=33.4, role="target region"),
                dict(name="Kursk Oblast", admin1="Kursk Oblast", country="RU", lat=51.7, lon=36.2, role="target region"),
                dict(name="Belgorod Oblast", admin1="Belgorod Oblast", country="RU", lat=50.7, lon=37.0, role="target region"),
                dict(name="Seshcha", admin1="Bryansk Oblast", country="RU", lat=53.736, lon=33.339, role="alleged target (airfield)",
                     spellings=["Seshcha", "Сеща"])],
        attacker=UA, attacked=RU, weapons=["drone"], weapon_models={},
        figures=dict(
            drones_intercepted={RV2: q(47), RVT: q(47)},
            drones_intercepted_bryansk={RV2: q(21), RVT: q(21)},
            drones_intercepted_kursk={RV2: q(15), RVT: q(15)},
            drones_intercepted_belgorod={RV2: q(11), RVT: q(11)},
        ),
        attacked_side_officials=[RV2, RVT],
        hedged=[],
        notes="Only the Russian ministry (via its state agency, in English and Russian) reports it: one party's claim.",
    ),
    "kyiv-2026-10-21": dict(
        type="attack", date=dict(start="2026-10-20", end="2026-10-21", precision="day", basis="overnight"),
        places=[dict(name="Kyiv", admin1="Kyiv City", country="UA", lat=50.4501, lon=30.5234, role="target",
                     spellings=["Kyiv", "Київ"], districts=["Obolonskyi", "Desnianskyi"])],
        attacker=RU, attacked=UA, weapons=["drone"], weapon_models={
            AF(5): [dict(kind="drone", model="Shahed-136", launched=q(96), intercepted=q(79))]},
        figures=dict(
            injured={KM(7): q(2), MPA3: q(2), NG(5005): q(2), KL2: q(3)},
            drones_launched={AF(5): q(96), KL2: q(96), MPA3: q(100, "approx"), NG(5005): q(100, "approx")},
            drones_intercepted={AF(5): q(79), KL2: q(79), MPA3: q(79), NG(5005): q(79)},
        ),
        attacked_side_officials=[KM(6), KM(7), AF(5), KL2, MPA3, NG(5005)],
        hedged=[],
        notes="Same city a week after kyiv-2026-10-14: a separate, smaller event. Two documents refer back to the earlier attack in background.",
    ),
    "ru-captures-hryshyne-2026-10-22": dict(
        type="territorial_change", date=dict(start="2026-10-22", end="2026-10-22", precision="day", basis="announcement"),
        places=[dict(name="Hryshyne", admin1="Donetsk Oblast", country="UA", lat=48.328, lon=37.080, role="settlement",
                     spellings=["Hryshyne", "Grishino"])],
        attacker=RU, attacked=UA, weapons=[], weapon_models={},
        figures=dict(settlements={RV3: q(1), MPA4: q(1), NG(5004): q(1)}),
        settlements=["Hryshyne"],
        attacked_side_officials=[],
        hedged=[MPA4, NG(5004)],
        notes="Russian claim relayed by two outlets that say it could not be verified: stays 'claimed'. Krasnoarmeysk = Pokrovsk; 'Grishino' is also an old name of Pokrovsk, 7 km away.",
    ),
    "ua-retakes-mala-tokmachka-2026-10-24": dict(
        type="territorial_change", date=dict(start="2026-10-24", end="2026-10-24", precision="day", basis="announcement"),
        places=[dict(name="Mala Tokmachka", admin1="Zaporizhzhia Oblast", country="UA", lat=47.536, lon=35.902, role="settlement",
                     spellings=["Mala Tokmachka"])],
        attacker=UA, attacked=RU, weapons=[], weapon_models={},
        figures=dict(settlements={HT4: q(1), NH3: q(1)}),
        settlements=["Mala Tokmachka"],
        attacked_side_officials=[],
        hedged=[],
        notes="Ukrainian brigade's claim plus the Herald's own geolocation: two independent outlets, no statement from the side that lost it.",
    ),
    "shostka-2026-10-31": dict(
        type="attack", date=dict(start="2026-10-31", end="2026-10-31", precision="day", basis="weekday"),
        places=[dict(name="Shostka", admin1="Sumy Oblast", country="UA", lat=51.863, lon=33.470, role="target", spellings=["Shostka"])],
        attacker=RU, attacked=UA, weapons=["drone"], weapon_models={},
        figures=dict(injured={KL3: q(2)}),
        attacked_side_officials=[],
        hedged=[],
        notes="One outlet, witnesses only; officials silent.",
    ),
    "air-alert-east-2026-11-02": dict(
        type="air_alert", date=dict(start="2026-11-02", end="2026-11-02", precision="day", basis="explicit/weekday"),
        places=[dict(name=n + " Oblast", admin1=n + " Oblast", country="UA", lat=la, lon=lo, role="alert region")
                for n, la, lo in [("Kharkiv", 49.6, 36.6), ("Sumy", 51.0, 34.1), ("Poltava", 49.6, 34.0),
                                  ("Dnipropetrovsk", 48.3, 34.8), ("Donetsk", 48.2, 37.7)]],
        attacker=RU, attacked=UA, weapons=["ballistic_missile"], weapon_models={},
        figures=dict(regions={AF(7): q(5), HT5: q(5)}),
        attacked_side_officials=[AF(7), HT5],
        hedged=[],
        notes="An alert, not an attack: must not merge with the Kharkiv strike of the same morning.",
    ),
    "kharkiv-2026-11-02": dict(
        type="attack", date=dict(start="2026-11-02", end="2026-11-02", precision="day", basis="weekday"),
        places=[dict(name="Kharkiv", admin1="Kharkiv Oblast", country="UA", lat=49.9935, lon=36.2304, role="target",
                     spellings=["Kharkiv", "Kharkov", "Харків"], districts=["Kholodnohirskyi"])],
        attacker=RU, attacked=UA, weapons=["ballistic_missile"], weapon_models={
            AF(8): [dict(kind="ballistic_missile", model="Iskander-M", launched=q(2))]},
        figures=dict(
            injured={MPA5: q(5, "at_least"), HT5: q(6), NG(5007): q(5)},
            missiles_launched={AF(8): q(2), MPA5: q(2), HT5: q(2)},
        ),
        attacked_side_officials=[AF(8), MPA5, HT5, NG(5007)],
        hedged=[],
        notes="Russian ministry (Kharkov) calls it a strike on drone workshops; Ukrainian sources give 5-6 injured.",
    ),
}
