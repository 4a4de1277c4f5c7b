package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// byline matches a credit line: "By Jane Doe", "By Jane Doe and John Roe",
// "Автор: Олена Коваль". Names are one to four capitalised words.
var byline = regexp.MustCompile(`^(?i:by|written by|words by|від|автор|авторка|author):?\s+` +
	`(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s+(?:and|і|и|&)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?)` +
	`(?:\s*[,|·•–-]\s*.{0,40})?$`)

// bylineLines is how many leading lines may hold a byline.
const bylineLines = 4

// isByline reports whether line i of the text is a credit line.
func isByline(i int, l string) bool {
	return i < bylineLines && len(l) <= 120 && byline.MatchString(l)
}

// Author returns the name in a byline among the first lines of text (raw
// or clean), or "". Text drops such lines; callers that want the name
// keep it as metadata.
func Author(text string) string {
	if len(text) > 2048 {
		cut := 2048
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	lines := strings.SplitN(normaliseChars(text), "\n", 16)
	n := 0
	for _, l := range lines {
		l = strings.TrimSpace(stripMarkdown(l))
		if l == "" {
			continue
		}
		if m := byline.FindStringSubmatch(l); m != nil && len(l) <= 120 {
			return m[1]
		}
		if n++; n >= bylineLines {
			break
		}
	}
	return ""
}
