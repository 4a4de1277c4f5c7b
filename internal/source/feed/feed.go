// Package feed reads RSS 2.0 and Atom feeds with gofeed: one document per
// item, its HTML content rendered and cleaned like any other text.
package feed

import (
	"bytes"
	"errors"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/item"
)

// ParserVersion identifies this reader in a document's provenance.
const ParserVersion = "source/feed@1"

// Parse reads an RSS or Atom feed. A document that is not a feed wraps
// item.ErrNotFeed; XML that ends early wraps item.ErrTruncated.
func Parse(b []byte) (*gofeed.Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	switch {
	case err == nil:
		return f, nil
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return nil, item.ErrNotFeed
	case strings.Contains(err.Error(), "EOF"):
		return nil, item.Errorf("feed", item.ErrTruncated, err)
	default:
		return nil, item.Errorf("feed", item.ErrNotFeed, err)
	}
}

// Format reports whether f is RSS or Atom.
func Format(f *gofeed.Feed) model.Format {
	if f.FeedType == "atom" {
		return model.FormatAtom
	}
	return model.FormatRSS
}

// Decode parses b and maps its items onto documents.
func Decode(b []byte) ([]model.Document, []error) {
	f, err := Parse(b)
	if err != nil {
		return nil, []error{err}
	}
	return Documents(f)
}
