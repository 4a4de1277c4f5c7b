package html

import (
	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// Document maps a page onto a model.Document with clean text. Provenance
// fields that depend on the input (ID, Source, FetchedAt, RawHash) are
// left for the caller.
func Document(p *Page) model.Document {
	author := p.Author
	if author == "" {
		author = clean.Author(p.Text)
	}
	return model.Document{
		URL:           p.URL,
		CanonicalURL:  p.CanonicalURL,
		Title:         p.Title,
		Publisher:     p.SiteName,
		Author:        author,
		Language:      p.Language,
		Published:     p.Published,
		Format:        model.FormatHTML,
		Text:          clean.Text(p.Text),
		ParserVersion: ParserVersion,
	}
}
