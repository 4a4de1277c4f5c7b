import json, sys, os, re, glob, html.parser
import xml.etree.ElementTree as ET
root = sys.argv[1]
ok = True
def fail(*a):
    global ok; ok = False; print("FAIL", *a)
for p in glob.glob(root + "/**/*.json", recursive=True):
    json.load(open(p, encoding="utf-8"))
for p in glob.glob(root + "/**/*.jsonl", recursive=True):
    for i, line in enumerate(open(p, encoding="utf-8")):
        o = json.loads(line)
        if set(o) - {"id", "url", "title", "publisher", "published", "text", "html"} or not ("text" in o) ^ ("html" in o):
            fail(p, i, sorted(o))
for p in glob.glob(root + "/feeds/*"):
    t = ET.parse(p).getroot()
    n = len(t.findall("./channel/item")) or len(t.findall("{http://www.w3.org/2005/Atom}entry"))
    print(p, t.tag, n, "items")
VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "embed", "param", "track", "wbr"}
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.st = []; s.err = []
    def handle_starttag(s, t, a):
        if t not in VOID: s.st.append(t)
    def handle_endtag(s, t):
        if not s.st or s.st[-1] != t: s.err.append((t, list(s.st[-3:]), s.getpos()))
        else: s.st.pop()
for p in glob.glob(root + "/html/**/*.html", recursive=True):
    x = P(); x.feed(open(p, encoding="utf-8").read()); x.close()
    if x.err or x.st: fail(p, x.err[:3], x.st)
    s = open(p, encoding="utf-8").read()
    for need in ['og:site_name', 'article:published_time', '"NewsArticle"', '"datePublished"', '"publisher"', '<nav', '<article', '<footer', 'ookie']:
        if need not in s: fail(p, "missing", need)
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', s, re.S)
    json.loads(m.group(1))
for p in glob.glob(root + "/telegram/*/result.json"):
    d = json.load(open(p, encoding="utf-8"))
    assert d["type"] == "public_channel" and isinstance(d["id"], int)
    for m in d["messages"]:
        t = m["text"]
        flat = t if isinstance(t, str) else "".join(x if isinstance(x, str) else x["text"] for x in t)
        ent = "".join(e["text"] for e in m["text_entities"])
        if flat != ent: fail(p, m["id"], "text/entities mismatch")
        import datetime
        if m["type"] not in ("message", "service"): fail(p, m["id"], m["type"])
    print(p, len(d["messages"]), "messages")
print("OK" if ok else "ERRORS")
