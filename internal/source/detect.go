package source

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/source/telegram"
)

// Kind is the reader Decode chooses for an input. KindJSON covers JSON
// Lines, a JSON array of records and one record object.
type Kind int

// The kinds of input Decode reads.
const (
	KindUnknown Kind = iota
	KindHTML
	KindFeed
	KindTelegram
	KindJSON
	KindText
)

// String names the kind: "html", "feed", "telegram", "json", "text".
func (k Kind) String() string {
	return [...]string{"unknown", "html", "feed", "telegram", "json", "text"}[k]
}

// binaryMagic are signatures of formats sitrep does not read.
var binaryMagic = [][]byte{
	[]byte("%PDF"), []byte("PK\x03\x04"), []byte("\x1f\x8b"), []byte("\x89PNG"), []byte("GIF8"),
	[]byte("\xff\xd8\xff"), []byte("BZh"), []byte("\xfd7zXZ"), []byte("7z\xbc\xaf"), []byte("SQLite format 3"),
	[]byte("\x7fELF"), []byte("RIFF"), []byte("ID3"), []byte("OggS"),
}

// binary reports whether raw is a binary file: a known signature, or NUL
// bytes (outside UTF-16, which starts with a byte-order mark).
func binary(raw []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(raw, m) {
			return true
		}
	}
	if bytes.HasPrefix(raw, []byte("\xFF\xFE")) || bytes.HasPrefix(raw, []byte("\xFE\xFF")) {
		return false
	}
	return bytes.IndexByte(raw[:min(len(raw), 8192)], 0) >= 0
}

// hints are what the input's name and content type say about its format.
type hints struct {
	feed, json, html bool
}

func hintsFor(name, contentType string) hints {
	p := name
	if u, err := url.Parse(name); err == nil && u.Scheme != "" {
		p = u.Path
	}
	ext := strings.ToLower(path.Ext(p))
	mt, _, _ := mime.ParseMediaType(contentType)
	var h hints
	switch ext {
	case ".rss", ".atom", ".xml", ".rdf":
		h.feed = true
	case ".json", ".jsonl", ".ndjson":
		h.json = true
	case ".html", ".htm", ".xhtml":
		h.html = true
	}
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml":
		h.feed = true
	case "application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		h.json = true
	case "text/html", "application/xhtml+xml":
		h.html = true
	}
	return h
}

// htmlRoots are elements an HTML document or fragment may start with.
var htmlRoots = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "link": true, "script": true,
	"style": true, "div": true, "p": true, "article": true, "section": true, "main": true, "header": true,
	"nav": true, "span": true, "table": true, "h1": true, "h2": true, "h3": true, "h4": true, "ul": true,
	"ol": true, "a": true, "img": true, "br": true, "b": true, "i": true, "em": true, "strong": true,
	"center": true, "font": true, "blockquote": true, "figure": true, "base": true, "noscript": true,
}

// detect decides the format of UTF-8 input b by its content; hints only
// decide between "not a feed" and "unknown" for content that fits neither.
func detect(b []byte, h hints) (Kind, error) {
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return KindUnknown, ErrEmpty
	}
	switch t[0] {
	case '<':
		root := rootElement(t)
		switch {
		case root == "rss" || root == "feed" || root == "rdf:rdf":
			return KindFeed, nil
		case root == "!doctype html" || htmlRoots[root]:
			return KindHTML, nil
		case h.feed:
			return KindUnknown, ErrNotFeed
		case h.html:
			return KindHTML, nil
		}
		return KindUnknown, ErrUnknownFormat
	case '{':
		if telegram.Looks(t) {
			return KindTelegram, nil
		}
		return KindJSON, nil
	case '[':
		return KindJSON, nil
	}
	switch {
	case h.feed:
		return KindUnknown, ErrNotFeed
	case h.json:
		return KindUnknown, ErrUnknownFormat
	case !textual(t):
		return KindUnknown, ErrUnknownFormat
	}
	return KindText, nil
}

// rootElement returns the lower-case name of the first element, skipping
// the XML declaration, processing instructions, comments and a non-HTML
// doctype; an HTML doctype is returned as "!doctype html".
func rootElement(b []byte) string {
	s := string(b[:min(len(b), 8192)])
	for {
		s = strings.TrimLeft(s, " \t\r\n\uFEFF")
		if !strings.HasPrefix(s, "<") {
			return ""
		}
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return ""
			}
			s = s[i+3:]
		case strings.HasPrefix(s, "<!"):
			if len(s) >= 14 && strings.EqualFold(s[:14], "<!doctype html") {
				return "!doctype html"
			}
			i := strings.IndexByte(s, '>')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		default:
			end := strings.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return strings.ToLower(s[1:])
			}
			return strings.ToLower(s[1 : end+1])
		}
	}
}

// textual reports whether valid UTF-8 text reads as text: few control
// characters besides line breaks and tabs.
func textual(b []byte) bool {
	ctl, n := 0, 0
	for _, r := range string(b[:min(len(b), 8192)]) {
		n++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == 0x7f {
			ctl++
		}
	}
	return ctl*100 <= n
}
