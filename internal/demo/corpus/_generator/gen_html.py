"""HTML pages of the demo corpus."""
import chrome
from texts_wire import *

KL_MOSTREAD = [
    ("Metro stations to stay open all night during alerts, city says", "/kyiv/metro-night-shelters/"),
    ("Power outage schedules for Kyiv region: what changes this week", "/kyiv/outage-schedules/"),
    ("Kharkiv: three injured in drone attack on residential area", "/war/kharkiv-drone-three-injured/"),
    ("Parliament passes budget for 2027 in first reading", "/politics/budget-2027-first-reading/"),
    ("Inside the volunteer workshop that builds interceptor drones", "/war/interceptor-drone-workshop/"),
]

HTML = []

def add(key, builder, a, events, publisher, syndicated_of=None, note=None, title=None):
    HTML.append(dict(key=key, builder=builder, a=a, events=events, publisher=publisher,
                     syndicated_of=syndicated_of, note=note))

# --- Kyiv Ledger: E1 original reporting
add("html/kyivledger/2026-10-14-kyiv-night-attack.html", chrome.kyivledger, dict(
    title="Two killed, 17 injured as Russia launches mass drone and missile attack on Kyiv",
    url="https://kyivledger.example/war/2026/10/14/kyiv-night-attack-two-killed/",
    desc="Debris hit a high-rise in Solomianskyi district and a house in Sviatoshynskyi district; two children are among the injured.",
    author="Daryna Levchuk-Horn", published="2026-10-14T10:05:00+03:00", modified="2026-10-14T13:30:00+03:00",
    display_date="14 October 2026, 10:05 (updated 13:30)", img="/media/2026/10/solomianskyi-fire.jpg",
    img_alt="Firefighters at a damaged apartment block in Solomianskyi district.", tag="kyiv", tag_label="Kyiv",
    paras=[
        "UPDATED at 13:30 with a second death and new casualty figures.",
        "Two people were killed and 17 others injured, two children among them, during a massive Russian drone and missile attack on Kyiv overnight into Wednesday, 14 October, city authorities and emergency services said.",
        "The attack began shortly after midnight and went on for about five hours. Residents across the city heard explosions as air defences worked first against drones and, towards dawn, against cruise missiles approaching from the north-west.",
        "In Solomianskyi district, debris struck a 16-storey residential building and started a fire that spread across three floors. Rescuers led 23 residents out of the building. A woman died at the scene, and a man pulled from the rubble later died in hospital, the State Emergency Service said.",
        "In Sviatoshynskyi district, wreckage fell onto a private house and a car park, damaging dozens of cars. Windows were blown out in a nearby school, where classes were moved online for the rest of the week.",
        "The injured children, a seven-year-old girl and a 12-year-old boy, are in a stable condition, the city's health department said.",
        "According to the Air Force, Russia launched 412 drones and decoys and 19 missiles at Ukraine overnight; 377 drones and 14 missiles were shot down or suppressed.",
        "It was the largest attack on the capital since the summer.",
    ],
    related=[("How to find the nearest shelter: a guide for Kyiv residents", "/kyiv/shelter-guide/"),
             ("Odesa port hit again: what we know", "/war/odesa-port-what-we-know/"),
             ("Why Shahed decoys make air defence more expensive", "/war/shahed-decoys-explainer/")],
    mostread=KL_MOSTREAD), ["kyiv-2026-10-14"], "Kyiv Ledger")

# --- Kyiv Ledger: E3
add("html/kyivledger/2026-10-21-kyiv-drones-obolon.html", chrome.kyivledger, dict(
    title="Kyiv again under drone attack: three injured in Obolon",
    url="https://kyivledger.example/war/2026/10/21/kyiv-drones-obolon-three-injured/",
    desc="Fragments of a downed drone hit a nine-storey building in Obolonskyi district.",
    author="Taras Viniarskyi", published="2026-10-21T11:10:00+03:00", modified=None,
    display_date="21 October 2026, 11:10", img="/media/2026/10/obolon-roof.jpg",
    img_alt="The damaged roof of a residential building in Obolon.", tag="kyiv", tag_label="Kyiv",
    paras=[
        "Three people were injured when fragments of a downed Russian drone hit a residential building in Kyiv's Obolonskyi district during an overnight attack on Wednesday, according to the Kyiv city military administration.",
        "The roof and the top two floors of the nine-storey building were damaged, and residents were evacuated for several hours. Two of the injured received help on the spot; a third, a man of 70, was taken to hospital later in the morning with a head injury, the district administration told the Ledger.",
        "Debris also came down on open ground in Desnianskyi district.",
        "Russia sent 96 attack drones and decoys towards Ukraine overnight, of which 79 were destroyed or suppressed, the Air Force said.",
        "The attack came a week after the largest combined strike on the capital this autumn.",
    ],
    related=[("Two killed, 17 injured as Russia launches mass drone and missile attack on Kyiv", "/war/2026/10/14/kyiv-night-attack-two-killed/"),
             ("Obolon residents demand a second shelter in the district", "/kyiv/obolon-shelter-petition/"),
             ("Kharkiv: three injured in drone attack on residential area", "/war/kharkiv-drone-three-injured/")],
    mostread=KL_MOSTREAD), ["kyiv-2026-10-21"], "Kyiv Ledger",
    note="Last paragraph refers back to the 14 October attack without figures; it must not join that event.")

# --- Kyiv Ledger: E11 (single independent outlet, no officials)
add("html/kyivledger/2026-10-31-shostka-bus-station.html", chrome.kyivledger, dict(
    title="Drone hits bus station in Shostka, two injured, witnesses say",
    url="https://kyivledger.example/war/2026/10/31/shostka-bus-station-drone/",
    desc="Local authorities have not commented on the strike in the Sumy region town.",
    author="Iryna Stepova", published="2026-10-31T15:20:00+02:00", modified=None,
    display_date="31 October 2026, 15:20", img="/media/2026/10/shostka-station.jpg",
    img_alt="The bus station square in Shostka after the strike.", tag="sumy-region", tag_label="Sumy region",
    paras=[
        "A Russian attack drone struck the bus station in Shostka, a town in Sumy region about 50 km from the Russian border, on Saturday morning, two witnesses told the Kyiv Ledger.",
        "\u201cIt came down on the roof over the ticket hall at about half past nine. A bus to Sumy was just about to leave,\u201d said one of them, a taxi driver who asked not to be named. He said he had seen two people being helped into an ambulance.",
        "Photographs sent to the Ledger by a local resident show a holed roof, shattered windows and a burned-out minibus on the square in front of the station.",
        "The Sumy regional administration had not commented on the attack by the time of publication.",
    ],
    related=[("Sumy region: evacuation of border villages extended", "/war/sumy-evacuation-extended/"),
             ("Drone attacks on buses: a pattern in the border regions", "/war/drones-buses-pattern/")],
    mostread=KL_MOSTREAD), ["shostka-2026-10-31"], "Kyiv Ledger")

PV_FEED = [
    ("12:05 Mykolaiv: water supply restored in Zavodskyi district", "/mykolaiv/water-restored/"),
    ("11:48 Ferry traffic across the Danube resumes after storm", "/ports/danube-ferry/"),
    ("11:30 Odesa opera announces season premiere", "/odesa/opera-premiere/"),
    ("10:55 Kherson: humanitarian hub changes opening hours", "/kherson/hub-hours/"),
    ("10:12 Fuel prices in the south: weekly overview", "/ukraine/fuel-prices/"),
]

# --- Pivden Online: E2
add("html/pivden/2026-10-14-odesa-port-drones.html", chrome.pivden, dict(
    title="Drones hit Odesa port overnight: one dead, four injured, two ships damaged",
    url="https://pivden.example/en/odesa/2026/10/14/port-drone-attack/",
    desc="Russian drones damaged a grain terminal, warehouses and two civilian vessels in Odesa.",
    lead="One man was killed and four people were injured in a Russian drone attack on the port of Odesa.",
    author="Pivden Online newsroom", published="2026-10-14T11:20:00+03:00", modified=None, section="Odesa",
    display_date="14.10.2026 11:20", views="18 402",
    paras=[
        "Russian attack drones struck port facilities in Odesa in the early hours of Wednesday, killing one man and wounding four other people, according to the Odesa regional military administration.",
        "Residents of the Peresyp area reported more than a dozen loud explosions between 3 and 4.30 a.m. Mobile fire groups were working over the coast, and heavy machine-gun fire could be heard in the city centre.",
        "A grain terminal and several warehouses were damaged, and a fire covering about 1,200 square metres broke out in one of them. Two civilian vessels moored at the berths, flying the flags of Panama and Liberia, sustained damage to their superstructures, the port authority said. A tugboat moored nearby was reportedly also hit.",
        "The man who died was 52 and worked at the terminal. Two of the four injured are port employees; all of them are in a moderate condition, doctors said.",
        "The port continues to operate, and the loading of grain carriers should resume by the evening, a spokesperson for the terminal operator said.",
    ],
    related=[("Odesa region: how to get compensation for damaged housing", "/odesa/compensation-guide/"),
             ("Grain corridor: shipments up despite attacks", "/ports/grain-corridor-october/")],
    feed=PV_FEED), ["odesa-2026-10-14"], "Pivden Online")

# --- Pivden Online: E5
add("html/pivden/2026-10-18-kherson-shelling.html", chrome.pivden, dict(
    title="One killed, three wounded as Russian artillery shells Kherson",
    url="https://pivden.example/en/kherson/2026/10/18/dniprovskyi-shelling/",
    desc="A woman was killed at a bus stop in Kherson's Dniprovskyi district.",
    lead="Russian troops shelled the Dniprovskyi district of Kherson on Sunday morning.",
    author="Viktoriia Nechai", published="2026-10-18T12:40:00+03:00", modified=None, section="Kherson",
    display_date="18.10.2026 12:40", views="9 877",
    paras=[
        "Russian forces shelled Kherson's Dniprovskyi district on Sunday morning, killing a 64-year-old woman who was waiting at a bus stop and wounding three men, the head of the Kherson regional military administration said.",
        "The shelling began at about 08:15 and lasted almost an hour. According to the administration, the Russian troops fired artillery and mortars from positions on the left bank of the Dnipro, near Oleshky.",
        "Shell fragments damaged a grocery shop, a five-storey apartment block and the overhead line of a trolleybus route, which has been suspended until repairs are finished.",
        "The three injured men, aged between 38 and 59, were taken to the regional hospital with shrapnel wounds.",
    ],
    related=[("Kherson: where to get free firewood this winter", "/kherson/firewood/"),
             ("Left-bank evacuees: registration reopened", "/kherson/evacuees-registration/")],
    feed=PV_FEED), ["kherson-2026-10-18"], "Pivden Online",
    note="Oleshky is where the fire came from, not where it landed.")

RV_MOSTREAD = [
    ("Putin holds meeting with permanent members of the Security Council", "/politics/security-council-meeting/"),
    ("Central Bank keeps key rate unchanged", "/economy/key-rate-october/"),
    ("Lavrov: the West is not ready for serious talks", "/world/lavrov-west-talks/"),
    ("Weather: first snow expected in Moscow region", "/society/first-snow/"),
]

# --- RusVesti: E1 + E2, the Russian ministry's version
add("html/rusvesti/2026-10-14-mod-massive-strike.html", chrome.rusvesti, dict(
    title="Russian Armed Forces deliver massive strike on Ukrainian military-industrial facilities",
    url="https://rusvesti.example/en/svo/20261014/massive-strike/",
    desc="The Defence Ministry says all designated targets in Kiev and Odessa have been hit.",
    published="2026-10-14T11:00:00+03:00", modified=None, display_date="14.10.2026, 11:00",
    paras=[
        "MOSCOW, 14 October. /RusVesti/. Overnight, the Russian Armed Forces delivered a massive strike with high-precision long-range air- and land-based weapons, including Iskander-M missile systems, and attack unmanned aerial vehicles on enterprises of Ukraine's military-industrial complex in Kiev and on port infrastructure in Odessa used to receive Western weapons, the Russian Defence Ministry said.",
        "\u201cThe aims of the strike have been achieved. All designated targets have been hit,\u201d the ministry said in a statement.",
        "According to the ministry, the strike was a response to \u201cterrorist attacks by the Kiev regime\u201d against civilian targets on Russian territory.",
        "The ministry attributed the damage to residential buildings reported by the Ukrainian side to falling fragments of Ukrainian air-defence missiles.",
    ],
    related=[("Defence Ministry: Russian troops improve positions along the line of contact", "/svo/positions-improved/"),
             ("Air defences intercept drones over Belgorod region", "/svo/belgorod-drones-intercepted/")],
    mostread=RV_MOSTREAD), ["kyiv-2026-10-14", "odesa-2026-10-14"], "RusVesti")

# --- RusVesti: E6, claimed by one party only
add("html/rusvesti/2026-10-19-mod-drones-intercepted.html", chrome.rusvesti, dict(
    title="Air defences destroy 47 Ukrainian drones over three Russian regions overnight",
    url="https://rusvesti.example/en/svo/20261019/47-drones/",
    desc="Drones were shot down over Bryansk, Kursk and Belgorod regions, the Defence Ministry said.",
    published="2026-10-19T08:10:00+03:00", modified=None, display_date="19.10.2026, 08:10",
    paras=[
        "MOSCOW, 19 October. /RusVesti/. On-duty air defence systems intercepted and destroyed 47 Ukrainian fixed-wing unmanned aerial vehicles overnight, Russia's Defence Ministry reported on Monday.",
        "According to the ministry, 21 drones were shot down over the territory of Bryansk region, 15 over Kursk region and 11 over Belgorod region between 23:00 Moscow time on Sunday and 06:00 on Monday.",
        "The governor of Bryansk region wrote on Telegram that nobody had been hurt. A fire at a non-residential facility on the outskirts of the village of Seshcha, caused by falling debris, was quickly put out, he said.",
        "Ukrainian Telegram channels allegedly claimed that the target of the attack was the military airfield near Seshcha. The Defence Ministry did not comment on those reports.",
    ],
    related=[("Bryansk governor: schools in border districts switch to remote learning", "/society/bryansk-schools-remote/"),
             ("Kursk region: compensation payments for damaged homes", "/society/kursk-compensation/")],
    mostread=RV_MOSTREAD), ["ua-drones-bryansk-2026-10-19"], "RusVesti")

# --- RusVesti: E7 territorial claim
add("html/rusvesti/2026-10-22-mod-grishino.html", chrome.rusvesti, dict(
    title="Russian troops liberate Grishino in the Donetsk People's Republic",
    url="https://rusvesti.example/en/svo/20261022/grishino/",
    desc="Units of the Centre group of forces took control of the settlement, the Defence Ministry said.",
    published="2026-10-22T12:30:00+03:00", modified=None, display_date="22.10.2026, 12:30",
    paras=[
        "MOSCOW, 22 October. /RusVesti/. Units of the \u201cCentre\u201d group of forces, as a result of decisive actions, have liberated the settlement of Grishino in the Donetsk People's Republic, the Russian Defence Ministry said on Thursday.",
        "Grishino lies a few kilometres north-west of Krasnoarmeysk, on the road to Dobropolye.",
        "The ministry published a video showing Russian servicemen raising a flag over a building in the village.",
    ],
    related=[("Defence Ministry publishes footage of Grishino operation", "/svo/grishino-footage/"),
             ("Military expert: the Krasnoarmeysk direction remains key", "/svo/expert-krasnoarmeysk/")],
    mostread=RV_MOSTREAD), ["ru-captures-hryshyne-2026-10-22"], "RusVesti",
    note="Krasnoarmeysk is the Russian name of Pokrovsk; Grishino is Hryshyne, Donetsk oblast (and also an old name of Pokrovsk itself).")

# --- RusVesti: E10, the Russian ministry's version
add("html/rusvesti/2026-11-02-mod-kharkov.html", chrome.rusvesti, dict(
    title="Strike hits drone assembly workshops in Kharkov, Defence Ministry says",
    url="https://rusvesti.example/en/svo/20261102/kharkov-workshops/",
    desc="Iskander-M systems were used, the ministry said.",
    published="2026-11-02T14:45:00+03:00", modified=None, display_date="02.11.2026, 14:45",
    paras=[
        "MOSCOW, 2 November. /RusVesti/. Russian forces on Monday morning struck workshops in Kharkov where Ukrainian formations assembled long-range attack drones, the Russian Defence Ministry said.",
        "The strike was delivered with Iskander-M operational-tactical missile systems, and \u201cthe target was hit\u201d, the ministry said.",
        "The Kharkov regional administration reported injuries among civilians; according to the ministry, the damage in residential areas was caused by Ukrainian air defence.",
    ],
    related=[("Defence Ministry: strikes hit Ukrainian drone production sites this week", "/svo/drone-production-strikes/"),
             ("Belgorod region: drone hits car in Shebekino district", "/svo/shebekino-car/")],
    mostread=RV_MOSTREAD), ["kharkiv-2026-11-02"], "RusVesti")

NH_MOSTVIEWED = [
    ("Chancellor's autumn statement: what it means for your pay packet", "/business/autumn-statement-pay/"),
    ("A year after the floods: the towns still rebuilding", "/uk/floods-towns-rebuilding/"),
    ("Kyiv hit by overnight barrage as Russia fires hundreds of drones", "/world/ukraine/kyiv-overnight-barrage/"),
    ("Premier League: five things we learned this weekend", "/sport/five-things/"),
]

# --- Northern Herald: syndicated copy of W1 with an added intro sentence
add("html/northernherald/2026-10-14-kyiv-odesa-wire.html", chrome.herald, dict(
    title="Night of drones and missiles leaves Kyiv counting the damage",
    url="https://northernherald.example/world/ukraine/2026/oct/14/kyiv-odesa-drones-missiles",
    desc="One dead and at least 12 hurt in the capital; one killed in Odesa.",
    author="Meridian Press Agency", section="Ukraine war", kicker="Russia-Ukraine war",
    published="2026-10-14T12:00:00+03:00", modified=None, display_date="Wed 14 Oct 2026 10.00 BST",
    paras=["Ukraine's capital woke to smoke and sirens on Wednesday after one of the heaviest raids of the autumn."] + W1,
    related=[("Ukraine war at a glance: what we know on day 1,694 of the invasion", "/world/ukraine/at-a-glance/"),
             ("How Ukraine's mobile fire groups hunt Shahed drones", "/world/ukraine/mobile-fire-groups/")],
    mostread=NH_MOSTVIEWED, ncomments=87), ["kyiv-2026-10-14", "odesa-2026-10-14"], "The Northern Herald",
    syndicated_of="feeds/meridian.rss#mpa-20261014-0412")

# --- Northern Herald: opinion piece, no new event
add("html/northernherald/2026-10-25-opinion-long-night.html", chrome.herald, dict(
    title="The long night: what four autumns of drone war have taught Ukraine's cities",
    url="https://northernherald.example/commentisfree/2026/oct/25/ukraine-cities-drone-war-autumn",
    desc="Air-raid apps, generators and basement classrooms are now ordinary life. The West should not mistake endurance for invulnerability.",
    author="Edith Marlowe", section="Comment", kicker="Opinion",
    published="2026-10-25T09:00:00+03:00", modified=None, display_date="Sun 25 Oct 2026 07.00 BST",
    paras=[
        "Every autumn since the full-scale invasion began, Ukrainian cities have had to learn a new vocabulary of the night. First it was the difference between a cruise missile and a ballistic one; then the buzz of a moped engine that meant a Shahed; now it is the term \u201cdecoy\u201d, for the cheap drones sent in their hundreds to exhaust the defenders.",
        "The arithmetic has changed beyond recognition. Where a large raid once meant a few dozen drones, hundreds are now routine, and the people who count them have had to become accountants of attrition.",
        "In the first winters, Russian missiles went after the power system, knocking out plants from Kharkov, as Western newspapers still spelled it then, to Zaporozhye and Nikolaev. Blackouts became a way of life, and so did the generators humming on every pavement.",
        "What has not changed is the method: terrorise the cities, wear down the air defence, and wait for the West to lose interest. Each of those aims depends on us.",
        "Ukrainians have shown they can endure. Endurance, though, is not the same as invulnerability. Interceptors, radars and the money to keep them running are the difference between a night of noise and a night of funerals.",
    ],
    related=[("The Herald view on air defence: promises are not a policy", "/commentisfree/herald-view-air-defence/"),
             ("Letters: living with the sirens", "/letters/living-with-sirens/")],
    mostread=NH_MOSTVIEWED, ncomments=212), [], "The Northern Herald",
    note="Opinion: recounts earlier strikes in general terms, no date or figures; must produce no event.")

# --- Northern Herald: E8 with its own verification
add("html/northernherald/2026-10-25-mala-tokmachka.html", chrome.herald, dict(
    title="Ukraine's flag back over Mala Tokmachka, footage shows",
    url="https://northernherald.example/world/ukraine/2026/oct/25/mala-tokmachka-flag-footage",
    desc="Video verified by the Herald supports a Ukrainian brigade's claim to have retaken the village in Zaporizhzhia region.",
    author="Tom Ashworth-Pell", section="Ukraine war", kicker="Russia-Ukraine war",
    published="2026-10-25T18:00:00+03:00", modified=None, display_date="Sun 25 Oct 2026 16.00 BST",
    paras=[
        "Footage geolocated by the Northern Herald shows Ukrainian soldiers raising the national flag over the administrative building in Mala Tokmachka, a village east of Orikhiv in southern Ukraine's Zaporizhzhia region, supporting a claim a Ukrainian brigade made on Saturday.",
        "The village has changed hands at least twice since the summer. Its recapture moves the line of contact a little over two kilometres to the south-east, according to the Herald's analysis of the video and of satellite images.",
        "Russia's Defence Ministry, which reports the capture of villages almost daily, has not mentioned Mala Tokmachka since early September.",
        "Military analysts cautioned that small gains of this kind rarely change the wider picture on the southern front, but said they showed Ukrainian units could still mount local counter-attacks.",
    ],
    related=[("Ukraine war at a glance: what we know on day 1,705 of the invasion", "/world/ukraine/at-a-glance-1705/"),
             ("Orikhiv: the town that refuses to leave", "/world/ukraine/orikhiv-town/")],
    mostread=NH_MOSTVIEWED, ncomments=54), ["ua-retakes-mala-tokmachka-2026-10-24"], "The Northern Herald")
