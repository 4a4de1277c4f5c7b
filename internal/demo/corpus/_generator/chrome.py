"""Page chrome for the invented outlets' HTML pages (generator helper, not shipped)."""
import html, json, re

def esc(s):
    return html.escape(s, quote=True)

def paras(ps, indent="        "):
    return "\n".join(f"{indent}<p>{esc(p)}</p>" for p in ps)

def jsonld(headline, published, modified, publisher, url, author, section):
    d = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": published,
        "dateModified": modified or published,
        "mainEntityOfPage": url,
        "author": {"@type": "Organization" if re.search(r"Agency|Desk|newsroom|RusVesti|Herald staff", author) else "Person", "name": author},
        "publisher": {"@type": "Organization", "name": publisher,
                      "logo": {"@type": "ImageObject", "url": url.split("/", 3)[0] + "//" + url.split("/")[2] + "/static/logo.png"}},
        "articleSection": section,
        "inLanguage": "en",
    }
    return json.dumps(d, ensure_ascii=False, indent=2)

def head(title, site, published, modified, url, desc, author, section, extra=""):
    mod = f'\n  <meta property="article:modified_time" content="{modified}">' if modified else ""
    return f"""<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} | {esc(site)}</title>
  <meta name="description" content="{esc(desc)}">
  <link rel="canonical" href="{url}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{esc(site)}">
  <meta property="og:title" content="{esc(title)}">
  <meta property="og:description" content="{esc(desc)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{published}">{mod}
  <meta property="article:section" content="{esc(section)}">
  <meta name="author" content="{esc(author)}">
  <link rel="stylesheet" href="/static/css/site.css">{extra}
  <script type="application/ld+json">
{jsonld(title, published, modified, site, url, author, section)}
  </script>
</head>"""

def ul(items, cls, indent="      "):
    lis = "\n".join(f'{indent}  <li><a href="{h}">{esc(t)}</a></li>' for t, h in items)
    return f'{indent}<ul class="{cls}">\n{lis}\n{indent}</ul>'

# ---------------------------------------------------------------- Kyiv Ledger
def kyivledger(a):
    nav = [("News", "/news/"), ("War", "/war/"), ("Politics", "/politics/"), ("Business", "/business/"),
           ("Kyiv", "/kyiv/"), ("Opinion", "/opinion/"), ("Podcasts", "/podcasts/")]
    body = paras(a["paras"])
    return f"""<!DOCTYPE html>
<html lang="en">
{head(a['title'], 'Kyiv Ledger', a['published'], a.get('modified'), a['url'], a['desc'], a['author'], 'War')}
<body class="article-page">
  <div id="cookie-consent" class="cookie-banner" role="dialog">
    <p>We use cookies to personalise content and to analyse our traffic. By clicking "Accept all" you agree to our use of cookies.</p>
    <button class="btn-accept">Accept all</button> <button class="btn-settings">Cookie settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">Kyiv Ledger</a>
    <nav class="main-nav">
{ul(nav, 'menu')}
    </nav>
    <a class="btn-subscribe" href="/membership/">Become a member</a>
    <form class="search" action="/search/"><input type="search" name="q" placeholder="Search"></form>
  </header>
  <main>
    <div class="breadcrumbs"><a href="/">Home</a> › <a href="/war/">War</a></div>
    <article class="story">
      <h1 class="story-title">{esc(a['title'])}</h1>
      <div class="byline">By <span class="author">{esc(a['author'])}</span> · <time datetime="{a['published']}">{a['display_date']}</time></div>
      <div class="share-bar"><a href="#" class="share-fb">Share on Facebook</a> <a href="#" class="share-x">Share on X</a> <a href="#" class="share-tg">Share on Telegram</a> <button class="copy-link">Copy link</button></div>
      <figure class="lead-image"><img src="{a['img']}" alt="{esc(a['img_alt'])}"><figcaption>{esc(a['img_alt'])} Photo: Kyiv Ledger</figcaption></figure>
      <div class="story-body">
{body}
      </div>
      <div class="tags">Tags: <a href="/tag/russian-attacks/">Russian attacks</a>, <a href="/tag/{a['tag']}/">{esc(a['tag_label'])}</a></div>
      <aside class="support-box"><p>Independent journalism needs your support. Join our community of readers.</p><a href="/membership/">Support the Kyiv Ledger</a></aside>
    </article>
    <section class="comments" id="comments">
      <h3>Comments (3)</h3>
      <div class="comment"><span class="comment-author">oksana_k</span> <span class="comment-time">2 hours ago</span><p>Thank you to the rescuers who work every night.</p><a class="reply" href="#">Reply</a></div>
      <div class="comment"><span class="comment-author">Mykola T.</span> <span class="comment-time">1 hour ago</span><p>Same story every week. When will we get more air defence?</p><a class="reply" href="#">Reply</a></div>
      <div class="comment"><span class="comment-author">guest_4471</span> <span class="comment-time">35 minutes ago</span><p>Stay safe everyone.</p><a class="reply" href="#">Reply</a></div>
      <form class="comment-form"><textarea placeholder="Log in to leave a comment"></textarea><button>Post comment</button></form>
    </section>
    <aside class="related">
      <h3>Related articles</h3>
{ul(a['related'], 'related-list')}
    </aside>
    <aside class="most-read">
      <h3>Most read</h3>
{ul(a['mostread'], 'most-read-list')}
    </aside>
  </main>
  <footer class="site-footer">
    <nav>{' | '.join(f'<a href="{h}">{t}</a>' for t, h in [('About us', '/about/'), ('Editorial policy', '/policy/'), ('Contacts', '/contacts/'), ('Advertising', '/ads/'), ('Privacy', '/privacy/')])}</nav>
    <p>© 2026 Kyiv Ledger. All rights reserved. Republication only with a hyperlink to the original.</p>
    <a href="#top" class="to-top">Back to top ↑</a>
  </footer>
  <script src="/static/js/app.js" defer></script>
</body>
</html>
"""

# ---------------------------------------------------------------- Pivden Online
def pivden(a):
    nav = [("Odesa", "/odesa/"), ("Mykolaiv", "/mykolaiv/"), ("Kherson", "/kherson/"), ("Ukraine", "/ukraine/"),
           ("Sea & ports", "/ports/"), ("Photo", "/photo/"), ("Weather", "/weather/")]
    body = paras(a["paras"], "          ")
    return f"""<!DOCTYPE html>
<html lang="en">
{head(a['title'], 'Pivden Online', a['published'], a.get('modified'), a['url'], a['desc'], a['author'], a['section'])}
<body>
  <div class="topbar"><span class="weather">Odesa +11°C</span> <span class="fx">USD 41.62 · EUR 48.10</span> <a href="/uk/">УКР</a> | <a href="/en/">ENG</a></div>
  <header>
    <div class="brand"><a href="/"><img src="/img/pivden-logo.svg" alt="Pivden Online"></a><span class="slogan">News of the Ukrainian south</span></div>
    <nav id="menu">
{ul(nav, 'nav-items', '      ')}
    </nav>
  </header>
  <div class="wrap">
    <div class="content">
      <article itemscope itemtype="https://schema.org/NewsArticle">
        <h1 itemprop="headline">{esc(a['title'])}</h1>
        <div class="meta"><span class="date">{a['display_date']}</span> · <span class="views">👁 {a['views']}</span> · <span class="author">{esc(a['author'])}</span></div>
        <div class="lead"><strong>{esc(a['lead'])}</strong></div>
        <div class="text" itemprop="articleBody">
{body}
        </div>
        <div class="source-note">Follow Pivden Online on Telegram and Viber so you don't miss important news.</div>
        <div class="social-share">
          <span>Share:</span> <a href="#">Facebook</a> <a href="#">Telegram</a> <a href="#">Viber</a> <a href="#">WhatsApp</a>
        </div>
      </article>
      <div class="read-also">
        <h4>Read also</h4>
{ul(a['related'], 'read-also-list', '        ')}
      </div>
      <div id="disqus_thread" class="comments-widget">
        <h4>Discussion</h4>
        <p class="comment"><b>Serhii_Od</b>: Heard everything from Peresyp, windows were shaking.</p>
        <p class="comment"><b>Alla</b>: God protect our city.</p>
        <p class="comments-login">Sign in to comment · 2 comments · Sort by newest</p>
      </div>
    </div>
    <aside class="sidebar">
      <div class="widget news-feed">
        <h4>News feed</h4>
{ul(a['feed'], 'feed-list', '        ')}
      </div>
      <div class="widget banner"><a href="/ads/">Advertise with us</a></div>
    </aside>
  </div>
  <div class="gdpr" id="gdpr-notice">This site uses cookies. By continuing to browse you agree to our privacy policy. <a href="/privacy/">More</a> <button>OK</button></div>
  <footer>
    <p>Pivden Online — regional news agency. © 2014–2026. Use of materials is allowed with an active link to pivden.example.</p>
    <p><a href="/contacts/">Contacts</a> · <a href="/team/">Editorial team</a> · <a href="/rules/">Rules</a></p>
  </footer>
</body>
</html>
"""

# ---------------------------------------------------------------- RusVesti
def rusvesti(a):
    nav = [("Politics", "/politics/"), ("World", "/world/"), ("Special military operation", "/svo/"),
           ("Economy", "/economy/"), ("Society", "/society/"), ("Sport", "/sport/"), ("На русском", "https://rusvesti.example/ru/")]
    body = paras(a["paras"], "        ")
    return f"""<!DOCTYPE html>
<html lang="en">
{head(a['title'], 'RusVesti', a['published'], a.get('modified'), a['url'], a['desc'], 'RusVesti', 'Special military operation')}
<body>
  <header class="rv-header">
    <a href="/" class="rv-logo">RusVesti — Russian news agency</a>
    <nav class="rv-nav">
{ul(nav, 'rv-menu')}
    </nav>
    <div class="rv-live"><a href="/live/">LIVE</a></div>
  </header>
  <div class="rv-ticker">Moscow exchange: IMOEX 2 912.4 · Brent $71.30 · USD/RUB 93.15</div>
  <main class="rv-main">
    <article class="rv-article">
      <div class="rv-date">{a['display_date']}</div>
      <h1>{esc(a['title'])}</h1>
      <div class="rv-body">
{body}
      </div>
      <div class="rv-share">Share: <a href="#">VK</a> <a href="#">OK</a> <a href="#">Telegram</a> <a href="#">Copy link</a></div>
      <p class="rv-subscribe">Subscribe to RusVesti on Telegram and Dzen</p>
    </article>
    <section class="rv-comments">
      <h3>Comments</h3>
      <p>Comments on this material are closed.</p>
    </section>
    <aside class="rv-more">
      <h3>More on this topic</h3>
{ul(a['related'], 'rv-related')}
    </aside>
    <aside class="rv-popular">
      <h3>Most read</h3>
{ul(a['mostread'], 'rv-popular-list')}
    </aside>
  </main>
  <div class="rv-cookies">RusVesti uses cookies and recommendation technologies. <button>Agree</button></div>
  <footer class="rv-footer">
    <p>© 2026 RusVesti. Registered as a mass medium. 18+</p>
    <p><a href="/about/">About the agency</a> · <a href="/contacts/">Contacts</a> · <a href="/terms/">Terms of use</a></p>
  </footer>
</body>
</html>
"""

# ---------------------------------------------------------------- The Northern Herald
def herald(a):
    nav = [("World", "/world/"), ("Europe", "/world/europe/"), ("Ukraine war", "/world/ukraine/"), ("Business", "/business/"),
           ("Comment", "/comment/"), ("Culture", "/culture/"), ("Sport", "/sport/")]
    body = paras(a["paras"], "        ")
    kicker = f'<p class="kicker">{esc(a["kicker"])}</p>' if a.get("kicker") else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
{head(a['title'], 'The Northern Herald', a['published'], a.get('modified'), a['url'], a['desc'], a['author'], a['section'])}
<body>
  <div class="consent-overlay" id="consent">
    <h2>Your privacy</h2>
    <p>The Northern Herald and our partners use cookies to deliver and improve our services. You can change your choices at any time.</p>
    <button>Yes, I'm happy</button> <button>Manage settings</button>
  </div>
  <header class="nh-masthead">
    <div class="nh-edition">UK edition · <a href="/international/">International</a></div>
    <a class="nh-title" href="/">The Northern Herald</a>
    <nav class="nh-sections">
{ul(nav, 'nh-nav')}
    </nav>
    <a class="nh-signin" href="/signin/">Sign in</a> <a class="nh-sub" href="/subscribe/">Subscribe</a>
  </header>
  <main>
    <article class="nh-article">
      {kicker}
      <h1>{esc(a['title'])}</h1>
      <p class="standfirst">{esc(a['desc'])}</p>
      <div class="nh-byline"><a href="/profile/">{esc(a['author'])}</a> · {a['display_date']}</div>
      <ul class="nh-share"><li><a href="#">Email</a></li><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">LinkedIn</a></li></ul>
      <div class="nh-body">
{body}
      </div>
      <p class="nh-more-on">More on this story</p>
    </article>
    <section class="nh-comments">
      <h3>Comments ({a.get('ncomments', 41)})</h3>
      <p class="nh-comments-note">This discussion is now closed for comments but you can still sign in to recommend comments.</p>
      <div class="nh-comment"><b>NorthumbrianReader</b> <span>14h ago</span><p>Sobering reading, as always.</p><span>Recommend (12)</span> <a href="#">Report</a></div>
      <div class="nh-comment"><b>quietobserver</b> <span>13h ago</span><p>The west keeps promising and delivering too little, too late.</p><span>Recommend (30)</span> <a href="#">Report</a></div>
      <a href="#" class="nh-view-all">View all comments ›</a>
    </section>
    <aside class="nh-onward">
      <h3>Most viewed</h3>
{ul(a['mostread'], 'nh-most-viewed')}
      <h3>Related stories</h3>
{ul(a['related'], 'nh-related')}
    </aside>
  </main>
  <footer class="nh-footer">
    <p>Original reporting and incisive analysis, direct from the Herald every morning. <a href="/newsletters/">Sign up to our newsletters</a></p>
    <p><a href="/help/">Help</a> · <a href="/complaints/">Complaints &amp; corrections</a> · <a href="/privacy/">Privacy policy</a> · <a href="/cookies/">Cookie policy</a> · <a href="/terms/">Terms &amp; conditions</a></p>
    <p>© 2026 Northern Herald News &amp; Media Ltd or its affiliated companies.</p>
  </footer>
</body>
</html>
"""
