package text

import (
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/source/pubdate"
)

// Header is the optional metadata block a plain-text file may open with,
// in the style of an e-mail or HTTP header: one "Key: value" a line, ended
// by a blank line. It lets an analyst who saves a story as text keep its
// publisher and date with it:
//
//	Publisher: Kherson Hvylia Radio
//	Published: 2026-10-18T08:00:00+03:00
//	Title: Morning news
//
//	Shelling in Kherson this morning…
//
// Keys are case-insensitive; Date is a synonym of Published, Source of
// Publisher, Link of URL. A block is a header only when every line before
// the blank line is such a key, so prose that happens to start with
// "Update: …" stays prose.
type Header struct {
	Title     string
	Publisher string
	Author    string
	URL       string
	Published *time.Time
}

var headerKeys = map[string]string{
	"title": "title", "headline": "title",
	"publisher": "publisher", "source": "publisher", "outlet": "publisher",
	"author": "author", "by": "author",
	"url": "url", "link": "url",
	"published": "published", "date": "published",
}

// maxHeaderLines bounds the header block: metadata is short.
const maxHeaderLines = 8

// SplitHeader separates a leading header block from the body. With no
// valid block it returns a zero Header and s unchanged.
func SplitHeader(s string) (Header, string) {
	var h Header
	rest := strings.TrimLeft(s, "\ufeff")
	for i := 0; ; i++ {
		line, after, ok := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			if i == 0 || !ok {
				return Header{}, s // no block, or a block with no body
			}
			return h, after
		}
		if i == maxHeaderLines || !ok {
			return Header{}, s
		}
		key, val, found := strings.Cut(line, ":")
		field := headerKeys[strings.ToLower(strings.TrimSpace(key))]
		val = strings.TrimSpace(val)
		if !found || field == "" || val == "" {
			return Header{}, s
		}
		switch field {
		case "title":
			h.Title = val
		case "publisher":
			h.Publisher = val
		case "author":
			h.Author = val
		case "url":
			if !strings.HasPrefix(val, "http://") && !strings.HasPrefix(val, "https://") {
				return Header{}, s
			}
			h.URL = val
		case "published":
			t, ok := pubdate.Parse(val)
			if !ok {
				return Header{}, s
			}
			h.Published = &t
		}
		rest = after
	}
}
