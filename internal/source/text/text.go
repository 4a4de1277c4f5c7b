// Package text reads plain-text documents.
package text

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// ParserVersion identifies this reader in a document's provenance.
const ParserVersion = "source/text@1"

// Document maps plain text onto a model.Document with clean text. An
// opening header block (see Header) supplies metadata and is not part of the
// text. Without a Title header, a first line shaped like a headline (short,
// no sentence punctuation) followed by more text becomes the title; it stays
// in the text too, so offsets cover everything the author wrote.
func Document(s string) model.Document {
	h, body := SplitHeader(s)
	d := model.Document{Format: model.FormatText, ParserVersion: ParserVersion, Text: clean.Text(body), Author: h.Author,
		Title: h.Title, Publisher: h.Publisher, URL: h.URL, Published: h.Published}
	if d.Author == "" {
		d.Author = clean.Author(body)
	}
	if first, rest, ok := strings.Cut(d.Text, "\n"); d.Title == "" && ok && rest != "" && headline(first) {
		d.Title = first
	}
	return d
}

func headline(l string) bool {
	if utf8.RuneCountInString(l) > 160 || len(strings.Fields(l)) < 2 {
		return false
	}
	switch l[len(l)-1] {
	case '.', ',', ';', ':', '!':
		return false
	}
	return true
}
