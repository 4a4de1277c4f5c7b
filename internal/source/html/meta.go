package html

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/source/pubdate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says about itself in <head>: meta tags, the
// canonical link and JSON-LD. The first non-empty value found wins, in the
// order of the fields' sources listed in readMeta.
type meta struct {
	Title, SiteName, Author, Language, Canonical, OGURL, Description string
	Published                                                        *time.Time
}

// Meta names that carry a publication date, most specific first.
var dateMetaNames = []string{
	"article:published_time", "og:article:published_time", "datepublished", "date",
	"pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created",
	"sailthru.date", "parsely-pub-date", "article.published",
}

func readMeta(doc *html.Node) meta {
	var m meta
	tags := map[string]string{}
	var ld []string
	var title string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" {
					m.Language = l
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := tags[key]; !ok {
						tags[key] = v
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.Canonical == "" {
					m.Canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ld = append(ld, n.FirstChild.Data)
				}
			case atom.Time:
				if _, ok := tags["time"]; !ok && attr(n, "datetime") != "" && (attr(n, "itemprop") == "datePublished" || attr(n, "pubdate") != "" || hasAncestor(n, atom.Article)) {
					tags["time"] = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)

	var j jsonLD
	for _, s := range ld {
		j.read(s)
	}
	m.Title = firstNonEmpty(tags["og:title"], j.Headline, tags["twitter:title"], title)
	m.SiteName = firstNonEmpty(tags["og:site_name"], j.Publisher, tags["application-name"], tags["publisher"])
	m.Author = firstNonEmpty(tags["author"], tags["article:author"], j.Author)
	m.OGURL = firstNonEmpty(tags["og:url"], j.URL)
	m.Description = firstNonEmpty(tags["og:description"], tags["description"])
	if m.Language == "" {
		m.Language = firstNonEmpty(tags["og:locale"], tags["language"], tags["content-language"])
	}
	for _, k := range dateMetaNames {
		if t, ok := pubdate.Parse(tags[k]); ok {
			m.Published = &t
			break
		}
	}
	if m.Published == nil {
		for _, s := range []string{j.Published, tags["time"]} {
			if t, ok := pubdate.Parse(s); ok {
				m.Published = &t
				break
			}
		}
	}
	return m
}

// jsonLD collects the schema.org fields sitrep uses from JSON-LD blocks.
type jsonLD struct {
	Headline, Publisher, Author, Published, URL string
}

func (j *jsonLD) read(s string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return
	}
	j.visit(v, 0)
}

func (j *jsonLD) visit(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			j.visit(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			j.visit(g, depth+1)
		}
		if !articleType(x["@type"]) {
			return
		}
		set := func(dst *string, s string) {
			if *dst == "" {
				*dst = strings.TrimSpace(s)
			}
		}
		set(&j.Headline, str(x["headline"]))
		set(&j.Published, str(x["datePublished"]))
		set(&j.Publisher, name(x["publisher"]))
		set(&j.Author, name(x["author"]))
		set(&j.URL, firstNonEmpty(str(x["url"]), name(x["mainEntityOfPage"])))
	}
}

// articleType reports whether a JSON-LD @type names a kind of article.
func articleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || x == "BlogPosting" || x == "Report" || x == "WebPage" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if articleType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// name reads a schema.org Thing given as a string, an object with "name"
// (or "@id"), or a list of them (the first).
func name(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return firstNonEmpty(str(x["name"]), str(x["@id"]))
	case []any:
		if len(x) > 0 {
			return name(x[0])
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
