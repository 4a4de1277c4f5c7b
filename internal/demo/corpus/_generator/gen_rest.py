"""Feeds, Telegram exports, JSONL and plain text of the demo corpus."""
from texts_wire import *

# Each entry: key, publisher, published (ISO, Kyiv offset), title, events, syndicated_of, note, plus format data.
DOCS = []

def doc(key, publisher, published, title, events, syndicated_of=None, note=None, **kw):
    d = dict(key=key, publisher=publisher, published=published, title=title, events=events,
             syndicated_of=syndicated_of, note=note)
    d.update(kw)
    DOCS.append(d)
    return d

# ------------------------------------------------------------------ RSS (Meridian wire)
RSS = []
def rss(guid, published, title, ps, events, link, note=None):
    RSS.append(doc("feeds/meridian.rss#" + guid, "Meridian Press Agency", published, title, events,
                   note=note, guid=guid, paras=ps, link=link, format="rss"))

rss("mpa-20261014-0412", "2026-10-14T08:40:00+03:00", W1_TITLE, W1, ["kyiv-2026-10-14", "odesa-2026-10-14"],
    "https://meridianpress.example/world/europe/russia-ukraine-kyiv-attack-2026-10-14/")
rss("mpa-20261016-0977", "2026-10-16T17:05:00+03:00", W2_TITLE, W2, ["zaporizhzhia-2026-10-16"],
    "https://meridianpress.example/world/europe/zaporizhzhia-glide-bombs-2026-10-16/")
rss("mpa-20261021-1230", "2026-10-21T09:50:00+03:00", W3_TITLE, W3, ["kyiv-2026-10-21"],
    "https://meridianpress.example/world/europe/kyiv-drones-second-time-2026-10-21/",
    note="Last paragraph compares with the attack 'a week earlier' (background, no new report).")
rss("mpa-20261022-1402", "2026-10-22T14:20:00+03:00", W4_TITLE, W4, ["ru-captures-hryshyne-2026-10-22"],
    "https://meridianpress.example/world/europe/russia-claims-hryshyne-2026-10-22/",
    note="Relays the Russian claim, hedged: does not lift the event above 'claimed'.")
rss("mpa-20261102-0215", "2026-11-02T09:35:00+02:00", W5_TITLE, W5, ["kharkiv-2026-11-02"],
    "https://meridianpress.example/world/europe/kharkiv-ballistic-missiles-2026-11-02/")

# ------------------------------------------------------------------ Atom (Hromada Today)
ATOM = []
def atom(eid, published, title, html, events, link, updated=None, note=None):
    ATOM.append(doc("feeds/hromada.atom#" + eid, "Hromada Today", published, title, events, note=note,
                    eid=eid, html=html, link=link, updated=updated or published, format="atom"))

atom("tag:hromada-today.example,2026:1041", "2026-10-14T07:55:00+03:00",
     "Kyiv: more than a dozen hurt after a night of explosions",
     "<p>More than a dozen people were hurt and one person died after Russia attacked the capital with drones and missiles early on Wednesday, Kyiv's mayor wrote on Telegram.</p>"
     "<p>The strikes damaged a high-rise block in Solomianskyi district and a house in Sviatoshynskyi district. Explosions were heard in Kyiv from about 2 a.m.</p>"
     "<p><em>Hromada Today will update this story.</em></p>",
     ["kyiv-2026-10-14"], "https://hromada-today.example/news/1041-kyiv-night-explosions")
atom("tag:hromada-today.example,2026:1088", "2026-10-16T19:30:00+03:00",
     "Glide bombs on Zaporizhzhia: three dead, 14 injured",
     "<p>Russian aircraft dropped four guided aerial bombs on Zaporizhzhia on Friday afternoon, killing three people and injuring 14, the head of the Zaporizhzhia regional military administration said.</p>"
     "<p>The bombs fell on an industrial area and a street of private houses in the city's Zavodskyi district at around 15:20. Eight houses were destroyed and a gas pipeline was damaged.</p>"
     "<p>A 15-year-old boy is among the injured, the official added. Rescue work ended by nightfall.</p>",
     ["zaporizhzhia-2026-10-16"], "https://hromada-today.example/news/1088-zaporizhzhia-kab")
atom("tag:hromada-today.example,2026:1102", "2026-10-18T13:05:00+03:00",
     "Kherson shelled again: woman killed, three wounded",
     "<p>Russian troops shelled Kherson from the left bank of the Dnipro on Sunday morning. A 64-year-old woman was killed at a bus stop in the Dniprovskyi district and three men were wounded, the Kherson regional military administration reported.</p>"
     "<p>According to the administration, artillery and mortars were used; a shop, an apartment block and a trolleybus line were damaged.</p>",
     ["kherson-2026-10-18"], "https://hromada-today.example/news/1102-kherson-shelling")
atom("tag:hromada-today.example,2026:1150", "2026-10-24T16:40:00+03:00",
     "Ukrainian troops say they have retaken Mala Tokmachka",
     "<p>Ukrainian forces have regained control of the village of Mala Tokmachka in Zaporizhzhia region, a spokesman for the brigade that fought there said on Saturday.</p>"
     "<p>The village, east of Orikhiv, had been contested for several weeks. The brigade published a video of soldiers walking past the ruined school. Russian forces have not commented.</p>",
     ["ua-retakes-mala-tokmachka-2026-10-24"], "https://hromada-today.example/news/1150-mala-tokmachka")
atom("tag:hromada-today.example,2026:1207", "2026-11-02T10:15:00+02:00",
     "Alert across the east, then ballistic missiles on Kharkiv",
     "<p>An air-raid alert was declared early on Monday in Kharkiv, Sumy, Poltava, Dnipropetrovsk and Donetsk regions because of the threat of ballistic missiles, the Air Force said.</p>"
     "<p>Minutes later, two missiles hit an industrial enterprise in Kharkiv's Kholodnohirskyi district. Six people were injured, the mayor's office said; one of them is in a serious condition.</p>"
     "<p>The blast also shattered windows in a nearby student dormitory.</p>",
     ["air-alert-east-2026-11-02", "kharkiv-2026-11-02"], "https://hromada-today.example/news/1207-kharkiv-ballistic",
     updated="2026-11-02T11:02:00+02:00")

# ------------------------------------------------------------------ Telegram channels
# Segments: a str is plain text; a tuple is (type, text) or ("text_link", text, href).
CHANNELS = {
    "air_force": dict(name="Air Force Command of Ukraine", id=1650001001, publisher="Air Force Command of Ukraine", messages=[]),
    "kyiv_mayor": dict(name="Kyiv City Mayor", id=1650001002, publisher="Kyiv City Mayor", messages=[]),
    "odesa_rma": dict(name="Odesa Regional Military Administration", id=1650001003,
                      publisher="Odesa Regional Military Administration", messages=[]),
}

def tg(ch, mid, date, segs, events, note=None, photo=None, service=None):
    c = CHANNELS[ch]
    m = dict(id=mid, date=date, segs=segs, photo=photo, service=service)
    c["messages"].append(m)
    if service or not segs:
        return  # not a document
    text = "".join(s if isinstance(s, str) else s[1] for s in segs)
    doc(f"telegram/{ch}/result.json#{mid}", c["publisher"], date + ("+03:00" if date < "2026-10-25T04" else "+02:00"),
        text[:80], events, note=note, format="telegram")

# Air Force
tg("air_force", 1, "2026-10-01T08:58:00", ["Official channel of the Air Force Command. Reports on the results of the air defence are published every morning. Subscribe and share only verified information."], [],
   note="Channel boilerplate, no event.")
tg("air_force", 2, "2026-10-01T09:00:00", None, [], service=dict(action="pin_message", message_id=1))
tg("air_force", 3, "2026-10-14T09:02:00", [
    "On the night of 14 October (from 18:30 on 13 October) the enemy attacked with ", ("bold", "431 air attack assets"),
    ": 412 Shahed-type strike UAVs and decoy drones of various types, 13 Kh-101 air-launched cruise missiles and 6 Iskander-M ballistic missiles.\n\n"
    "Launch areas: Kursk, Bryansk, Oryol, Millerovo, Primorsko-Akhtarsk; the Kh-101 were launched from Tu-95MS aircraft over Saratov region.\n\n"
    "The main direction of the strike was the city of Kyiv. Odesa region was also targeted.\n\n"
    "As of 08:30, air defence shot down or suppressed ", ("bold", "391 targets"), ":\n"
    "– 377 enemy UAVs of various types;\n– 12 Kh-101 cruise missiles;\n– 2 Iskander-M ballistic missiles.\n\n"
    "Hits by 4 missiles and 35 strike UAVs were recorded at 9 locations; debris fell at 6 locations.\n\n", ("hashtag", "#ПС_ЗСУ")],
   ["kyiv-2026-10-14", "odesa-2026-10-14"],
   note="Nationwide tally for the night; weapon figures are credited to the Kyiv event (main direction).")
tg("air_force", 4, "2026-10-14T09:03:00", [], [], photo="photos/photo_4@14-10-2026_09-03-00.jpg")
tg("air_force", 5, "2026-10-21T08:30:00", [
    "Overnight on 21 October the enemy attacked with 96 Shahed strike UAVs and Gerbera-type decoys, launched from the Kursk, Bryansk and Millerovo directions.\n\n"
    "Air defence downed or jammed 79 of them. The capital was the main target; debris fell in two districts of Kyiv.\n\n", ("hashtag", "#ПС_ЗСУ")],
   ["kyiv-2026-10-21"])
tg("air_force", 6, "2026-10-28T15:00:00", [("bold", "Reminder!"),
    " Photos and videos of air defence at work, or of the places where drones and missiles have hit, help the enemy to adjust its fire. Do not post them. Trust only official sources: ",
    ("text_link", "the Air Force channel", "https://t.me/s/example_air_force")], [],
   note="Boilerplate about hits in general, no event.")
tg("air_force", 7, "2026-11-02T06:58:00", [
    "⚠️ Air raid alert: Kharkiv, Sumy, Poltava, Dnipropetrovsk and Donetsk oblasts. Threat of ballistic missiles from the north-east!\n"
    "Тривога! Загроза застосування балістичного озброєння. Go to shelters."],
   ["air-alert-east-2026-11-02"])
tg("air_force", 8, "2026-11-02T09:10:00", [
    "At about 07:40 the enemy struck ", ("bold", "Харків"),
    " with two Iskander-M ballistic missiles launched from Belgorod region. Information on the consequences is being clarified by the regional military administration."],
   ["kharkiv-2026-11-02"])

# Kyiv mayor
tg("kyiv_mayor", 1, "2026-10-01T10:00:00", None, [], service=dict(action="create_channel", title="Kyiv City Mayor"))
tg("kyiv_mayor", 2, "2026-10-14T02:14:00", ["Explosions in the capital! Air defence is working. Stay in shelters until the all-clear."],
   ["kyiv-2026-10-14"])
tg("kyiv_mayor", 3, "2026-10-14T03:41:00", [
    ("bold", "Solomianskyi district:"), " drone debris hit a 16-storey residential building, fire on the 9th–11th floors.\n",
    ("bold", "Sviatoshynskyi district:"), " wreckage fell on a private house.\nFive people have been injured. Ambulances are on site."],
   ["kyiv-2026-10-14"])
tg("kyiv_mayor", 4, "2026-10-14T07:12:00", [
    "Consequences of the night attack on Kyiv as of 07:00: 14 people injured, nine of them in hospital. One person was killed in Solomianskyi district. Rescuers are still working at the site.\n",
    ("hashtag", "#Київ")], ["kyiv-2026-10-14"])
tg("kyiv_mayor", 5, "2026-10-14T07:30:00", [], [], photo="photos/photo_5@14-10-2026_07-30-00.jpg")
tg("kyiv_mayor", 6, "2026-10-21T01:55:00", ["Enemy drones over the city. Desnianskyi district: debris on open ground, no fire. Do not leave shelters!"],
   ["kyiv-2026-10-21"])
tg("kyiv_mayor", 7, "2026-10-21T06:40:00", [
    ("bold", "Obolonskyi district."), " Fragments of a downed drone damaged the roof of a nine-storey building. Two residents were injured; both were treated on the spot and did not need hospitalisation."],
   ["kyiv-2026-10-21"])
tg("kyiv_mayor", 8, "2026-10-24T12:00:00", [
    "Heating season: radiators are already warm in 93% of residential buildings. If your building still has no heat, call the city contact centre on 1551 or write to ",
    ("link", "https://kyiv-city.example/heating"), "."], [], note="Municipal boilerplate, no event.")

# Odesa RMA
tg("odesa_rma", 1, "2026-10-01T11:00:00", None, [], service=dict(action="create_channel", title="Odesa Regional Military Administration"))
tg("odesa_rma", 2, "2026-10-14T04:10:00", [
    "The enemy is massively attacking Odesa district with strike drones. Port infrastructure has been hit; a fire broke out in a warehouse. Preliminarily, one person, a port worker, has been injured. Stay in shelters!"],
   ["odesa-2026-10-14"])
tg("odesa_rma", 3, "2026-10-14T08:15:00", [
    ("bold", "Наслідки нічної атаки на Одесу / Consequences of the night attack on Odesa:"),
    "\na 52-year-old man died of his injuries; four more people were injured, two of them port employees. A grain terminal, warehouses and two civilian vessels under the flags of Panama and Liberia were damaged.\n"
    "All emergency services are working at the scene."], ["odesa-2026-10-14"])
tg("odesa_rma", 4, "2026-10-14T08:16:00", [], [], photo="photos/photo_4@14-10-2026_08-16-00.jpg")

# ------------------------------------------------------------------ JSONL (NewsGrid aggregator)
JSONL = []
def jl(jid, published, title, events, url, text=None, html=None, syndicated_of=None, note=None, publisher="NewsGrid"):
    JSONL.append(doc("jsonl/newsgrid.jsonl#" + jid, publisher, published, title, events, syndicated_of=syndicated_of,
                     note=note, jid=jid, url=url, text=text, html=html, format="jsonl"))

jl("ng-5001", "2026-10-14T09:02:00+03:00", "Kyiv hit by overnight Russian barrage; one dead, 12 hurt",
   ["kyiv-2026-10-14", "odesa-2026-10-14"], "https://newsgrid.example/story/ng-5001",
   text="\n\n".join(W1[:4]), syndicated_of="feeds/meridian.rss#mpa-20261014-0412",
   note="Wire copy, new headline, last paragraph trimmed.")
jl("ng-5002", "2026-10-16T17:40:00+03:00", "Guided bombs hit Zaporozhye, killing three",
   ["zaporizhzhia-2026-10-16"], "https://newsgrid.example/story/ng-5002",
   text="\n\n".join(W2[:3]), syndicated_of="feeds/meridian.rss#mpa-20261016-0977",
   note="Wire copy with a Russian-style spelling in the headline; last paragraph trimmed.")
jl("ng-5003", "2026-10-18T14:00:00+03:00", "Kherson: shelling kills one",
   ["kherson-2026-10-18"], "https://newsgrid.example/story/ng-5003",
   html="<div class=\"ng-item\"><h2>Kherson: shelling kills one</h2>"
        "<p>A woman was killed and two people were wounded when Russian artillery hit the Dniprovskyi district of Kherson on Sunday, regional officials said.</p>"
        "<p>Officials described the shelling as heavy and asked residents to stay in shelters.</p>"
        "<p class=\"ng-more\"><a href=\"https://newsgrid.example/partners\">Read more from our partners</a></p>"
        "<div class=\"ng-share\">Share: Facebook | X | Telegram</div></div>",
   note="NewsGrid's own brief, given as html.")
jl("ng-5004", "2026-10-22T15:00:00+03:00", "Russia claims capture of Hryshyne near Pokrovsk; Kyiv silent",
   ["ru-captures-hryshyne-2026-10-22"], "https://newsgrid.example/story/ng-5004",
   text="Russia's Defence Ministry on Thursday claimed to have taken the village of Hryshyne in Donetsk region. The claim could not be verified, and Ukrainian officials have not commented.\n\nHryshyne lies just north-west of Pokrovsk, which Russian forces have been trying to encircle for months.",
   note="Hedged relay of the Russian claim.")
jl("ng-5005", "2026-10-21T10:20:00+03:00", "Drones target Kyiv again, two hurt",
   ["kyiv-2026-10-21"], "https://newsgrid.example/story/ng-5005",
   text="\n\n".join([W3[0].replace("KYIV, Oct 21 (Meridian) - ", "KYIV, Oct 21 - ")] + W3[1:]) + "\n\n- Meridian",
   syndicated_of="feeds/meridian.rss#mpa-20261021-1230", note="Wire copy, dateline edited, credit line added.")
jl("ng-5006", "2026-10-26T12:00:00+02:00", "NewsGrid app update: dark mode, offline reading and faster alerts", [],
   "https://newsgrid.example/blog/app-update-october",
   text="Our new app version is rolling out this week. You can now switch to dark mode, save stories to read offline, and choose which breaking-news alerts you receive.\n\nUpdate from your app store to get the new features. Tell us what you think at feedback@newsgrid.example.",
   note="Boilerplate, no event.")
jl("ng-5007", "2026-11-02T11:00:00+02:00", "Kharkiv: five injured in morning ballistic strike",
   ["kharkiv-2026-11-02"], "https://newsgrid.example/story/ng-5007",
   text="Five people were injured on Monday morning when Russian Iskander-M missiles hit an enterprise in the Kholodnohirskyi district of Kharkiv, the head of the Kharkiv regional military administration said. Two of them were taken to hospital.\n\nNewsGrid will update this item.")

# ------------------------------------------------------------------ plain text
TXT = []
def txt(path, publisher, published, title, body, events, syndicated_of=None, note=None):
    TXT.append(doc("txt/" + path, publisher, published, title, events, syndicated_of=syndicated_of,
                   note=note, path=path, body=body, format="text"))

txt("bukovyna-plus_2026-10-14_kyiv-attack.txt", "Bukovyna Plus", "2026-10-14T10:40:00+03:00",
    "Kyiv under massive attack: at least 12 injured",
    "Kyiv under massive attack: at least 12 injured\n\n" + "\n\n".join([W1[0].replace("KYIV, Oct 14 (Meridian) - ", "")] + W1[1:4]) +
    "\n\nSource: Meridian Press Agency\n",
    ["kyiv-2026-10-14", "odesa-2026-10-14"], syndicated_of="feeds/meridian.rss#mpa-20261014-0412",
    note="Wire copy: new headline, dateline dropped, last paragraph trimmed.")
txt("zaporizhzhia-evening_2026-10-17_kab-toll.txt", "Zaporizhzhia Evening", "2026-10-17T08:30:00+03:00",
    "Death toll from Friday's glide-bomb strike rises to four",
    "Death toll from Friday's glide-bomb strike rises to four\n"
    "Zaporizhzhia Evening, 17 October 2026\n\n"
    "A woman injured in yesterday's Russian air strike on the Zavodskyi district died in hospital overnight, bringing the number of dead to four, the regional military administration said this morning.\n\n"
    "Fourteen people, a teenage boy among them, were injured when Russian aircraft dropped five guided aerial bombs (KABs) on the district at about 15:20 on Friday.\n\n"
    "According to the city council, eight private houses were destroyed and 31 damaged. Gas supply to the neighbourhood has been cut off until the pipeline is repaired.\n\n"
    "The city authorities have declared Saturday a day of mourning.\n",
    ["zaporizhzhia-2026-10-16"], note="'yesterday' and 'Friday' resolve to 16 October from the publication date.")
txt("kherson-hvylia_2026-10-18_morning.txt", "Kherson Hvylia Radio", "2026-10-18T10:30:00+03:00",
    "Morning news, Sunday 18 October",
    "KHERSON HVYLIA RADIO - Morning news, Sunday 18 October\n\n"
    "Shelling in Kherson this morning: a woman was killed and two men injured in the Dniprovskyi district, regional officials told our radio. The shells landed near a public transport stop; residents counted up to ten explosions.\n\n"
    "Emergency services and ambulance crews are at the scene. Residents are asked to stay indoors and away from windows.\n\n"
    "In other news, the city water utility says repairs on Perekopska Street will continue until Wednesday.\n",
    ["kherson-2026-10-18"], note="Early report: two injured (later three).")
txt("rusvesti_2026-10-19_pvo-ru.txt", "RusVesti", "2026-10-19T07:45:00+03:00",
    "Дежурными средствами ПВО перехвачены 47 украинских беспилотников",
    "Дежурными средствами ПВО перехвачены 47 украинских беспилотников\n\n"
    "МОСКВА, 19 октября. /РусВести/. В течение прошедшей ночи дежурными средствами противовоздушной обороны перехвачены и уничтожены 47 украинских беспилотных летательных аппаратов самолётного типа, сообщили в Министерстве обороны России.\n\n"
    "По данным ведомства, 21 беспилотник уничтожен над территорией Брянской области, 15 — над территорией Курской области и 11 — над территорией Белгородской области.\n\n"
    "Губернатор Брянской области сообщил, что пострадавших нет. Возгорание на нежилом объекте возле посёлка Сеща, возникшее из-за падения обломков, оперативно ликвидировано.\n",
    ["ua-drones-bryansk-2026-10-19"], note="Russian-language version of the ministry statement (same publisher as the English page).")
