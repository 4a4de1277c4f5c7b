// Package clean reduces extracted or scraped text to the clean main text
// sitrep stores: the exact string later stages cite character offsets into.
//
// go-trafilatura removes most page chrome from HTML, but news text reaches
// sitrep from many routes (feeds, JSONL dumps, Telegram, plain files) and
// still carries what scrapers leave behind: comment widgets, navigation
// residue, trailing lists of other headlines, citation counters glued onto
// sentences ("…damage example.com+2other.org+1."), paragraphs the scraper
// repeated, and markdown emphasis. Text removes these with general rules —
// whole-line patterns for widget vocabulary and shape heuristics for
// trailing blocks — never with strings taken from particular pages.
//
// The output has one paragraph per line, lines separated by a single "\n",
// no blank lines, no leading or trailing space, single spaces inside lines,
// and no markdown emphasis markers. Text is idempotent:
// Text(Text(s)) == Text(s).
package clean

import (
	"strings"
)

// Text returns the clean main text of s. It returns "" when nothing but
// boilerplate remains.
func Text(s string) string {
	// The rules interact (removing a citation can expose another, cutting a
	// section can leave a new trailing run), so passes repeat until the text
	// is stable; real text settles in one or two.
	for range 6 {
		n := pass(s)
		if n == s {
			break
		}
		s = n
	}
	return s
}

// pass applies every rule once.
func pass(s string) string {
	lines := unwrapBlocks(normaliseChars(s))
	// Within-line rules first, so every later rule sees finished lines.
	kept := lines[:0]
	for _, l := range lines {
		if l = inline(l); l != "" && hasWord(l) {
			kept = append(kept, l)
		}
	}
	// Section cuts look at headings the line filter would otherwise remove
	// ("No comments", "Related"), so they run before it.
	kept = dropTrailingSections(kept)
	out := kept[:0]
	for i, l := range kept {
		if !isBoilerplate(l) && !isByline(i, l) {
			out = append(out, l)
		}
	}
	out = dropTrailingHeadlines(out)
	out = dedupe(out)
	return strings.Join(out, "\n")
}

// Paragraphs splits clean text into its paragraphs.
func Paragraphs(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}
