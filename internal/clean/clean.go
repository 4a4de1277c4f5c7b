// Package clean reduces extracted or scraped text to the clean main text
// sitrep stores: the exact string later stages cite character offsets into.
//
// go-trafilatura removes most page chrome from HTML, but news text reaches
// sitrep from many routes (feeds, JSONL dumps, Telegram, plain files) and
// still carries what scrapers leave behind. Text removes it with general
// rules — whole-line patterns for widget vocabulary and shape heuristics
// for blocks — never with strings taken from particular pages:
//
//   - characters: invalid UTF-8, control and zero-width characters and
//     soft hyphens go; Unicode spaces fold to ' '; hard-wrapped blocks are
//     re-joined into paragraphs.
//   - inline: markdown emphasis, headings, links and images lose their
//     markup (decision: "*The Times*" becomes "The Times" in every format);
//     citation residue goes, both counted chains glued to a sentence
//     ("…damage a.com+2b.org+1.") and a bare domain standing where a
//     sentence ends after a content word ("…in Denmark a.com."); footnote
//     markers and trailing "Continue reading" links go.
//   - lines: navigation ("top of page", "Skip to content", breadcrumbs, nav
//     bars), share bars, comment widgets, cookie banners, advertising,
//     newsletter pitches, footer and legal lines, agency and picture
//     credits, date stamps, bylines near the top (see Author), in English,
//     Ukrainian and Russian. A pattern matches whole lines only, so prose
//     that merely starts with "Share" or "Contact" stays.
//   - sections: a comment heading with at least as much article before it
//     as after ends the text; a list heading ("Related articles", "Most
//     read", "Recent News") ends it when mostly headlines follow; a trailing
//     run of three or more headline-shaped lines after the last sentence
//     goes. List items ("- …") and "Label: value" tallies are never taken
//     for headlines.
//   - repeats: a paragraph repeated by the scraper is kept once (the first
//     time), and a paragraph of six or more words that reappears inside a
//     longer one (a caption or teaser before the lead) gives way to it.
//
// The output has one paragraph per line, lines separated by a single "\n",
// no blank lines, no leading or trailing space and single spaces inside
// lines. Text is idempotent: Text(Text(s)) == Text(s).
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
