package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements carry no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Head: true,
	atom.Figure: true, atom.Figcaption: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Input: true,
}

// blocks start and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Hr: true, atom.Main: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true, atom.Body: true, atom.Html: true,
}

// chromeWords mark, in a class or id, containers that hold page chrome
// rather than the article. Only the fallback renderer uses them:
// trafilatura has already removed such containers from its own output.
var chromeWords = []string{"comment", "related", "share", "sharing", "social", "cookie", "consent", "footer",
	"sidebar", "menu", "navbar", "breadcrumb", "promo", "banner", "newsletter", "subscribe", "advert",
	"popular", "trending", "recommend", "widget", "toolbar", "masthead"}

// FallbackText renders a whole page's text when no extractor found the
// article: like NodeText, but it also skips header, footer and aside
// elements and containers whose class or id names page chrome.
func FallbackText(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Header, atom.Footer, atom.Aside:
				return
			}
			cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
			for _, w := range chromeWords {
				if strings.Contains(cls, w) {
					return
				}
			}
		}
		if n.Type == html.ElementNode && (skipped[n.DataAtom] || hidden(n)) {
			return
		}
		if n.Type == html.TextNode || n.FirstChild == nil {
			walk(&b, n, false)
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			b.WriteByte('\n')
			if n.DataAtom == atom.Li {
				b.WriteString("- ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	visit(n)
	return b.String()
}

// NodeText renders the text of an HTML tree with one line per block
// element; list items get a "- " marker so that list shape survives into
// the text. Scripts, forms, navigation and media are skipped.
func NodeText(n *html.Node) string {
	var b strings.Builder
	walk(&b, n, false)
	return b.String()
}

func walk(b *strings.Builder, n *html.Node, pre bool) {
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		// Nodes built by extractors may carry only the tag name.
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	switch n.Type {
	case html.TextNode:
		t := n.Data
		if !pre {
			t = strings.Join(strings.Fields(t), " ")
			if t == "" {
				if n.Data != "" && b.Len() > 0 && !endsWithSpace(b) {
					b.WriteByte(' ')
				}
				return
			}
			if startsWithSpace(n.Data) && b.Len() > 0 && !endsWithSpace(b) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
		if !pre && endsWithSpaceStr(n.Data) {
			b.WriteByte(' ')
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		b.WriteByte('\n')
		if n.DataAtom == atom.Li {
			b.WriteString("- ")
		}
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(b, c, pre || n.DataAtom == atom.Pre)
	}
	if block {
		b.WriteByte('\n')
	}
}

// hidden reports elements a reader never sees.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func endsWithSpace(b *strings.Builder) bool {
	s := b.String()
	return s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n')
}

func startsWithSpace(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[0]))
}

func endsWithSpaceStr(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[len(s)-1]))
}

// FragmentText renders an HTML fragment (a feed item's description or
// content, a JSONL "html" field that is not a whole page) as text. Input
// without markup is returned as it is, so plain-text descriptions keep
// their line breaks.
func FragmentText(s string) string {
	if !looksLikeMarkup(s) {
		return html.UnescapeString(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		walk(&b, n, false)
	}
	return b.String()
}

func looksLikeMarkup(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' {
			c := s[i+1]
			if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
				return true
			}
		}
	}
	return false
}
