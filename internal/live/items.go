package live

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strings"
)

// feedItem is one <item> (RSS 0.9x/2.0, RSS 1.0) or <entry> (Atom) of a
// feed body: its identity and its byte span in the body.
type feedItem struct {
	Key        string // "guid:…", "id:…", "link:…" or "hash:…"
	Start, End int64  // body[Start:End] is the whole element
}

// scanItems finds the items of an RSS or Atom body without decoding them:
// the poller only needs each item's identity and where it sits, so that it
// can hand the pipeline a feed that holds only the items it has not seen.
// It reports false when body is not an XML feed (a JSON Feed, an HTML page,
// broken XML); the caller then treats the body as one opaque item.
func scanItems(body []byte) ([]feedItem, bool) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	// Identity only needs the (ASCII) GUIDs and offsets into the raw bytes,
	// so a declared legacy charset is read through unconverted.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		items []feedItem
		root  bool  // the root element was a feed
		depth int   // element depth
		cur   *item // the item being read, if any
		field string
		text  strings.Builder
	)
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := strings.ToLower(t.Name.Local)
			if depth == 1 {
				root = name == "rss" || name == "feed" || name == "rdf"
				if !root {
					return nil, false
				}
			}
			switch {
			case cur == nil && (name == "item" || name == "entry"):
				cur = &item{start: start, depth: depth}
			case cur != nil && depth == cur.depth+1:
				field = name
				text.Reset()
				if name == "link" && cur.link == "" {
					cur.link = atomHref(t)
				}
			}
		case xml.CharData:
			if cur != nil && field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			if cur != nil && depth == cur.depth+1 && field != "" {
				v := strings.TrimSpace(text.String())
				switch field {
				case "guid":
					cur.guid = v
				case "id":
					cur.id = v
				case "link":
					if v != "" {
						cur.link = v
					}
				}
				field = ""
			}
			if cur != nil && depth == cur.depth {
				end := dec.InputOffset()
				items = append(items, feedItem{Key: cur.key(body[cur.start:end]), Start: cur.start, End: end})
				cur = nil
			}
			depth--
		}
	}
	return items, root && cur == nil
}

// item collects the identity fields of one item while it is scanned.
type item struct {
	start          int64
	depth          int
	guid, id, link string
}

func (it *item) key(raw []byte) string {
	switch {
	case it.guid != "":
		return "guid:" + it.guid
	case it.id != "":
		return "id:" + it.id
	case it.link != "":
		return "link:" + it.link
	}
	sum := sha256.Sum256(raw)
	return "hash:" + hex.EncodeToString(sum[:16])
}

// atomHref returns the href of an Atom <link> that points at the entry
// itself (rel alternate or no rel).
func atomHref(t xml.StartElement) string {
	var href, rel string
	for _, a := range t.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "href":
			href = a.Value
		case "rel":
			rel = a.Value
		}
	}
	if rel != "" && rel != "alternate" {
		return ""
	}
	return href
}

// keepItems returns body without the items whose key is not in keep. The
// rest of the document (channel metadata, namespaces) is kept byte for byte.
func keepItems(body []byte, items []feedItem, keep map[string]bool) []byte {
	out := make([]byte, 0, len(body))
	var at int64
	for _, it := range items {
		if keep[it.Key] {
			continue
		}
		out = append(out, body[at:it.Start]...)
		at = it.End
	}
	return append(out, body[at:]...)
}

// bodyKey is the identity of a body that is not an XML feed.
func bodyKey(body []byte) string {
	sum := sha256.Sum256(body)
	return "body:" + hex.EncodeToString(sum[:16])
}
