"""Writes internal/demo/corpus from the data modules. Not shipped; run: python3 gen.py OUTDIR"""
import datetime as dt, html, json, os, sys
from email.utils import format_datetime
import chrome, gen_html, gen_rest, events
from gen_rest import DOCS

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
import shutil
for sub in ("feeds", "html", "jsonl", "telegram", "txt"):
    shutil.rmtree(os.path.join(OUT, sub), ignore_errors=True)
KYIV_SUMMER, KYIV_WINTER = dt.timezone(dt.timedelta(hours=3)), dt.timezone(dt.timedelta(hours=2))

def w(path, data):
    p = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)

def parse(s):
    return dt.datetime.fromisoformat(s)

# ---------------- HTML
for h in gen_html.HTML:
    a = h["a"]
    w(h["key"], h["builder"](a))
    DOCS.append(dict(key=h["key"], publisher=h["publisher"], published=a["published"], title=a["title"],
                     events=h["events"], syndicated_of=h["syndicated_of"], note=h["note"], format="html", url=a["url"]))

# ---------------- RSS
items = []
for d in gen_rest.RSS:
    content = "".join(f"<p>{html.escape(p)}</p>" for p in d["paras"])
    items.append(f"""    <item>
      <title>{html.escape(d['title'])}</title>
      <link>{d['link']}</link>
      <guid isPermaLink="false">{d['guid']}</guid>
      <pubDate>{format_datetime(parse(d['published']).astimezone(dt.timezone.utc), usegmt=True)}</pubDate>
      <dc:creator>Meridian Press Agency</dc:creator>
      <category>World</category>
      <category>Russia-Ukraine war</category>
      <description>{html.escape(d['paras'][0].split(' - ', 1)[-1])}</description>
      <content:encoded><![CDATA[{content}<p class="mpa-footer">© 2026 Meridian Press Agency. All rights reserved.</p>]]></content:encoded>
    </item>""")
w("feeds/meridian.rss", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Meridian Press Agency</title>
    <link>https://meridianpress.example/world/</link>
    <atom:link href="https://meridianpress.example/feeds/world.rss" rel="self" type="application/rss+xml"/>
    <description>Top world stories from Meridian Press Agency</description>
    <language>en</language>
    <lastBuildDate>Mon, 02 Nov 2026 07:40:00 GMT</lastBuildDate>
    <ttl>15</ttl>
{chr(10).join(reversed(items))}
  </channel>
</rss>
""")

# ---------------- Atom
entries = []
for d in gen_rest.ATOM:
    entries.append(f"""  <entry>
    <id>{d['eid']}</id>
    <title type="text">{html.escape(d['title'])}</title>
    <link rel="alternate" type="text/html" href="{d['link']}"/>
    <published>{d['published']}</published>
    <updated>{d['updated']}</updated>
    <author><name>Hromada Today newsroom</name></author>
    <category term="war"/>
    <summary type="text">{html.escape(d['title'])}</summary>
    <content type="html">{html.escape(d['html'] + '<p>Follow Hromada Today on Telegram.</p>')}</content>
  </entry>""")
w("feeds/hromada.atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:hromada-today.example,2026:feed/news</id>
  <title>Hromada Today</title>
  <subtitle>News from Ukraine's communities</subtitle>
  <link rel="self" type="application/atom+xml" href="https://hromada-today.example/feed/atom"/>
  <link rel="alternate" type="text/html" href="https://hromada-today.example/"/>
  <updated>2026-11-02T11:02:00+02:00</updated>
  <generator>HromadaCMS</generator>
{chr(10).join(reversed(entries))}
</feed>
""")

# ---------------- Telegram
def unix(local):
    t = dt.datetime.fromisoformat(local)
    tz = KYIV_SUMMER if local < "2026-10-25T04" else KYIV_WINTER
    return str(int(t.replace(tzinfo=tz).timestamp()))

for ch, c in gen_rest.CHANNELS.items():
    msgs = []
    for m in sorted(c["messages"], key=lambda m: m["id"]):
        base = dict(id=m["id"], type="message", date=m["date"], date_unixtime=unix(m["date"]))
        if m["service"]:
            base["type"] = "service"
            base["actor"] = c["name"]
            base["actor_id"] = f"channel{c['id']}"
            base.update(m["service"])
            base["text"] = ""
            base["text_entities"] = []
            msgs.append(base)
            continue
        base["from"] = c["name"]
        base["from_id"] = f"channel{c['id']}"
        if m["photo"]:
            base.update(photo=m["photo"], photo_file_size=184233, width=1280, height=960, text="", text_entities=[])
            msgs.append(base)
            continue
        segs = m["segs"]
        ents, text = [], []
        for s in segs:
            if isinstance(s, str):
                ents.append({"type": "plain", "text": s})
                text.append(s)
            elif s[0] == "text_link":
                e = {"type": "text_link", "text": s[1], "href": s[2]}
                ents.append(e); text.append(e)
            else:
                e = {"type": s[0], "text": s[1]}
                ents.append(e); text.append(e)
        if len(text) == 1 and isinstance(text[0], str):
            text = text[0]
        base["text"] = text
        base["text_entities"] = ents
        msgs.append(base)
    w(f"telegram/{ch}/result.json", json.dumps(dict(name=c["name"], type="public_channel", id=c["id"], messages=msgs),
                                               ensure_ascii=False, indent=1) + "\n")

# ---------------- JSONL
lines = []
for d in gen_rest.JSONL:
    o = dict(id=d["jid"], url=d["url"], title=d["title"], publisher=d["publisher"], published=d["published"])
    if d["html"]:
        o["html"] = d["html"]
    else:
        o["text"] = d["text"]
    lines.append(json.dumps(o, ensure_ascii=False))
w("jsonl/newsgrid.jsonl", "\n".join(lines) + "\n")

# ---------------- TXT
# Plain text carries its publisher and date in sitrep's optional header block
# (internal/source/text.Header), as an analyst saving a story would.
for d in gen_rest.TXT:
    w("txt/" + d["path"], "Publisher: %s\nPublished: %s\n\n%s" % (d["publisher"], d["published"], d["body"]))

# ---------------- expected.json
E = events.EVENTS
docs_by_key = {d["key"]: d for d in DOCS}
assert len(docs_by_key) == len(DOCS), "duplicate doc keys"
for d in DOCS:
    for e in d["events"]:
        assert e in E, (d["key"], e)
    if d["syndicated_of"]:
        assert d["syndicated_of"] in docs_by_key

def interval(f):
    v, ql = f["value"], f["qualifier"]
    return {"exact": (v, v), "at_least": (v, 1e18), "more_than": (v + 1e-9, 1e18), "approx": (0.8 * v, 1.2 * v),
            "at_most": (0, v), "less_than": (0, v - 1e-9)}[ql]

out_events = {}
for k, e in E.items():
    docs = sorted(d["key"] for d in DOCS if k in d["events"])
    for fld, per in e["figures"].items():
        for dk in per:
            assert dk in docs, (k, fld, dk)
    for dk in e["attacked_side_officials"] + e["hedged"]:
        assert dk in docs, (k, dk)
    orig = [d for d in docs if not docs_by_key[d]["syndicated_of"]]
    pubs = sorted({docs_by_key[d]["publisher"] for d in docs})
    indep = sorted({docs_by_key[d]["publisher"] for d in orig})
    press = sorted({docs_by_key[d]["publisher"] for d in orig
                    if events.PUBLISHERS[docs_by_key[d]["publisher"]]["role"] == "press" and d not in e["hedged"]})
    officials = [d for d in docs if d in e["attacked_side_officials"]
                 or (events.PUBLISHERS[docs_by_key[d]["publisher"]]["side"] == e["attacked"]
                     and events.PUBLISHERS[docs_by_key[d]["publisher"]]["role"] != "press")]
    if officials and press:
        status, why = "confirmed", f"officials of the attacked side ({e['attacked']}) and {len(press)} independent press outlet(s): {', '.join(press)}"
    elif len(press) >= 2:
        status, why = "corroborated", f"{len(press)} independent press outlets, no statement from officials of the attacked side ({e['attacked']})"
    elif len(press) == 1:
        status, why = "reported", f"one independent press outlet ({press[0]}), no officials of the attacked side"
    else:
        claimants = sorted({events.PUBLISHERS[docs_by_key[d]['publisher']]['side'] or 'press relaying a claim' for d in orig})
        status, why = "claimed", "no independent press reporting it as fact; only " + ", ".join(indep) + " (claim of one party)"
    differing, discrepant = [], []
    for fld, per in e["figures"].items():
        vals = list(per.values())
        if len({(v["value"], v["qualifier"]) for v in vals}) > 1:
            differing.append(fld)
        if any(interval(a)[1] < interval(b)[0] or interval(b)[1] < interval(a)[0] for a in vals for b in vals):
            discrepant.append(fld)
    out_events[k] = dict(
        type=e["type"], date=e["date"], places=e["places"], attacker={"side": e["attacker"]}, attacked_side=e["attacked"],
        weapons=e["weapons"], settlements=e.get("settlements", []),
        documents=docs, syndicated_copies=sorted(d for d in docs if docs_by_key[d]["syndicated_of"]),
        publishers=pubs, independent_publishers=indep, independent_sources=len(indep),
        independent_press=press, status=status, status_reason=why,
        figures=e["figures"], weapons_by_source=e["weapon_models"],
        differing_fields=sorted(differing), discrepant_fields=sorted(discrepant), notes=e["notes"])

out_docs = {}
for d in sorted(DOCS, key=lambda d: d["key"]):
    out_docs[d["key"]] = dict(format=d["format"], publisher=d["publisher"], published=d["published"], title=d["title"],
                              events=d["events"], syndicated_of=d["syndicated_of"], **({"note": d["note"]} if d["note"] else {}))


expected = dict(
    about="Ground truth for sitrep's demo corpus. Every text is invented. Times are Kyiv local time (EEST +03:00 until 25 Oct 2026 04:00, then EET +02:00).",
    document_key="path inside corpus/, plus '#' and the item id for multi-item files (RSS guid, Atom id, Telegram message id, JSONL id). "
                 "Telegram service and media-only messages are not documents.",
    ladder=dict(
        independent_sources="number of distinct publishers among the event's documents that are not syndicated copies",
        independent_press="distinct publishers with role 'press' (not officials, not belligerent state media) among non-copy documents, "
                          "excluding reports that only relay a belligerent's claim with a hedge ('claimed', 'could not be verified')",
        confirmed="officials of the attacked side (their own channel, their state agency, or quoted without hedge by the press) AND at least one independent press outlet",
        corroborated="two or more independent press outlets, no officials of the attacked side",
        reported="exactly one independent press outlet, no officials of the attacked side",
        claimed="no independent press outlet: only one party's officials or state media, or press relaying their claim with a hedge",
        order="the first rule that holds, from confirmed down to claimed",
    ),
    figure_fields="injured/killed/children_injured/explosions are casualty and quantity counts; *_launched/*_intercepted sum weapon kinds "
                  "(drones: Shahed-type and decoys; missiles: cruise + ballistic); glide_bombs counts guided aerial bombs; "
                  "settlements counts captured/retaken settlements; regions counts oblasts under alert. Syndicated copies repeat their original's figures. "
                  "differing_fields: sources give different value/qualifier pairs; discrepant_fields: some two values cannot both be true "
                  "(exact=[v,v], at_least=[v,inf), more_than=(v,inf), approx=[0.8v,1.2v]).",
    publishers=events.PUBLISHERS,
    documents=out_docs,
    events=out_events,
    no_event_documents=sorted(k for k, d in out_docs.items() if not d["events"]),
    syndicated=sorted(k for k, d in out_docs.items() if d["syndicated_of"]),
)
w("expected.json", json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
print(len(out_docs), "documents,", len(out_events), "events,", len(events.PUBLISHERS), "publishers")
for k, e in out_events.items():
    print(f"{k:40s} docs={len(e['documents']):2d} copies={len(e['syndicated_copies'])} indep={e['independent_sources']} press={len(e['independent_press'])} {e['status']:12s} discrepant={e['discrepant_fields']}")
