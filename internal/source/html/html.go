// Package html reads web pages: the main text through go-trafilatura, and
// the title, site name, author, canonical URL, language and publication
// date from the page's meta tags and JSON-LD.
package html

import (
	"bytes"
	"fmt"
	"github.com/sitrep-osint/sitrep/internal/source/item"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParserVersion identifies this reader in a document's provenance; bump it
// when a change alters the text or metadata produced for the same page.
const ParserVersion = "source/html@1"

// minExtracted is go-trafilatura's default MinExtractedSize, in characters.
const minExtracted = 250

// Page is what sitrep reads from one HTML page, before cleaning.
type Page struct {
	Title        string
	SiteName     string
	Author       string
	Language     string
	URL          string // the address the page was fetched from, if known
	CanonicalURL string // <link rel=canonical>, else og:url, resolved against URL
	Description  string
	Published    *time.Time
	Text         string // main text, one block per line
}

// Parse reads a UTF-8 HTML page. pageURL, when known, resolves relative
// canonical links. The text is empty when the page has no main text.
func Parse(raw []byte, pageURL string) (*Page, error) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("html: parse: %w", err)
	}
	m := readMeta(doc)
	p := &Page{
		Title: m.Title, SiteName: m.SiteName, Author: m.Author, Language: item.LangCode(m.Language),
		URL: pageURL, Description: m.Description, Published: m.Published,
	}
	// A relative canonical link resolves against the fetch URL, else og:url.
	p.CanonicalURL = firstNonEmpty(resolve(firstNonEmpty(pageURL, m.OGURL), m.Canonical), resolve(pageURL, m.OGURL))

	opts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(firstNonEmpty(pageURL, p.CanonicalURL)); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	if p.Published == nil {
		opts.HtmlDateMode = trafilatura.Fast
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		// Below trafilatura's own minimum it falls back to a baseline that
		// glues whole subtrees into one paragraph; sitrep's block renderer
		// below does better on such short pages.
		if res.ContentNode != nil && utf8.RuneCountInString(res.ContentText) >= minExtracted {
			p.Text = NodeText(res.ContentNode)
		}
		md := res.Metadata
		p.Title = firstNonEmpty(p.Title, md.Title)
		p.SiteName = firstNonEmpty(p.SiteName, md.Sitename)
		p.Author = firstNonEmpty(p.Author, md.Author)
		p.Language = firstNonEmpty(p.Language, md.Language)
		if p.Published == nil && !md.Date.IsZero() {
			d := md.Date
			p.Published = &d
		}
	}
	p.Title = stripSiteName(p.Title, p.SiteName)
	if strings.TrimSpace(p.Text) == "" {
		// trafilatura found nothing it trusts: fall back to the article
		// element, else main, else the body, rendered as plain blocks.
		for _, a := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
			if n := find(doc, a); n != nil {
				p.Text = FallbackText(n)
				break
			}
		}
	}
	return p, nil
}

// LooksLikePage reports whether s is a whole HTML document rather than a
// fragment.
func LooksLikePage(s string) bool {
	head := strings.ToLower(s[:min(len(s), 2048)])
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
		strings.Contains(head, "<head") || strings.Contains(head, "<body")
}

// stripSiteName removes the site's name that page titles carry before or
// after the headline ("Headline | Site", "Site: Headline").
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", ": ", " :: ", " · "} {
		before, after, ok := strings.Cut(title, sep)
		if !ok {
			continue
		}
		switch {
		case strings.EqualFold(strings.TrimSpace(after), site) && strings.TrimSpace(before) != "":
			return strings.TrimSpace(before)
		case strings.EqualFold(strings.TrimSpace(before), site) && strings.TrimSpace(after) != "":
			return strings.TrimSpace(after)
		}
	}
	return title
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func resolve(base, ref string) string {
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && b.IsAbs() {
		r = b.ResolveReference(r)
	}
	if !r.IsAbs() || (r.Scheme != "http" && r.Scheme != "https") {
		return ""
	}
	return r.String()
}
