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

// Document maps plain text onto a model.Document with clean text. A first
// line shaped like a headline (short, no sentence punctuation) followed by
// more text also becomes the title; it stays in the text too, so offsets
// cover everything the author wrote.
func Document(s string) model.Document {
	d := model.Document{Format: model.FormatText, ParserVersion: ParserVersion, Text: clean.Text(s), Author: clean.Author(s)}
	if first, rest, ok := strings.Cut(d.Text, "\n"); ok && rest != "" && headline(first) {
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
