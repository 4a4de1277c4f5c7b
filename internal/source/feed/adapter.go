package feed

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/html"
	"github.com/sitrep-osint/sitrep/internal/source/item"
)

// Documents maps each item onto a document. The body is the longer of the
// item's full content (content:encoded, Atom content) and its description
// (summary); an item with neither falls back to its title, since a
// headline-only feed still reports something. An item with no text at all
// is returned as an *item.Error.
func Documents(f *gofeed.Feed) ([]model.Document, []error) {
	var docs []model.Document
	var errs []error
	format := Format(f)
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		name := fmt.Sprintf("item %d", i+1)
		id := strings.TrimSpace(it.GUID)
		if id == "" {
			id = strings.TrimSpace(it.Link)
		}
		if id != "" {
			name += " (" + id + ")"
		}
		body := clean.Text(html.FragmentText(it.Content))
		if desc := clean.Text(html.FragmentText(it.Description)); utf8.RuneCountInString(desc) > utf8.RuneCountInString(body) {
			body = desc
		}
		if body == "" {
			body = clean.Text(html.FragmentText(it.Title))
		}
		if body == "" {
			errs = append(errs, item.Errorf(name, item.ErrEmpty, nil))
			continue
		}
		d := model.Document{
			ExternalID:    id,
			URL:           strings.TrimSpace(it.Link),
			Title:         strings.TrimSpace(html.FragmentText(it.Title)),
			Publisher:     strings.TrimSpace(f.Title),
			Language:      item.LangCode(f.Language),
			Format:        format,
			Text:          body,
			RawHash:       model.RawHash([]byte(it.GUID + "\x00" + it.Link + "\x00" + it.Title + "\x00" + it.Description + "\x00" + it.Content)),
			ParserVersion: ParserVersion,
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			d.Author = strings.TrimSpace(it.Authors[0].Name)
		}
		switch {
		case it.PublishedParsed != nil:
			t := it.PublishedParsed.UTC()
			d.Published = &t
		case it.UpdatedParsed != nil:
			t := it.UpdatedParsed.UTC()
			d.Published = &t
		}
		docs = append(docs, d)
	}
	return docs, errs
}
