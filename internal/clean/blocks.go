package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unwrapBlocks splits normalised text into lines, joining the lines of a
// hard-wrapped block (fixed-width plain text, e-mail style) back into one
// paragraph. A block is a run of lines between blank lines; it counts as
// hard-wrapped when all its lines but the last are of similar, moderate
// width and most of them stop mid-sentence.
func unwrapBlocks(s string) []string {
	var out, block []string
	flush := func() {
		if hardWrapped(block) {
			var b strings.Builder
			for i, l := range block {
				if i > 0 && !strings.HasSuffix(block[i-1], "-") {
					b.WriteByte(' ')
				}
				b.WriteString(l)
			}
			out = append(out, b.String())
		} else {
			out = append(out, block...)
		}
		block = block[:0]
	}
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

func hardWrapped(block []string) bool {
	if len(block) < 2 {
		return false
	}
	minW, maxW, open := 1<<30, 0, 0
	for _, l := range block[:len(block)-1] {
		w := utf8.RuneCountInString(l)
		minW, maxW = min(minW, w), max(maxW, w)
		if !endsSentence(l) {
			open++
		}
		if startsList(l) {
			return false
		}
	}
	if startsList(block[len(block)-1]) {
		return false
	}
	if minW < 40 || maxW > 100 || maxW-minW > 30 || open*2 < len(block)-1 {
		return false
	}
	// A wrapped sentence continues on the next line: some line starts in
	// lower case or follows a hyphen or comma. A list of headlines of
	// similar width does neither.
	for i := 1; i < len(block); i++ {
		r, _ := utf8.DecodeRuneInString(block[i])
		prev := block[i-1]
		if unicode.IsLower(r) || strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, ",") {
			return true
		}
	}
	return false
}

// headlineLike reports whether a line has the shape of a headline, a menu
// entry or a label rather than prose: short and without sentence-final
// punctuation.
func headlineLike(l string) bool {
	return !endsSentence(l) && utf8.RuneCountInString(l) <= 160
}

// prose reports whether a line reads as article prose.
func prose(l string) bool { return endsSentence(l) && words(l) >= 4 }

// dropTrailingSections cuts reader-comment sections and lists of other
// headlines that follow the article. A comment heading ends the article
// when at least as much prose precedes it as follows it; a list heading
// ends it when at least half of what follows is headline-shaped. Headings
// before the first prose line are left to the line filter, since a page
// may open with a section label.
func dropTrailingSections(lines []string) []string {
	n := len(lines)
	after := make([]int, n+1) // after[i]: prose characters in lines[i:]
	for i := n - 1; i >= 0; i-- {
		after[i] = after[i+1]
		if prose(lines[i]) && !isBoilerplate(lines[i]) {
			after[i] += len(lines[i])
		}
	}
	out := make([]string, 0, n)
	before := 0 // prose characters kept so far
	for i := 0; i < n; i++ {
		l := lines[i]
		if h := headingText(l); before > 0 && !endsSentence(l) && len(h) <= 240 && utf8.RuneCountInString(h) <= 60 {
			if commentHeading.MatchString(h) && before >= after[i+1] {
				return out
			}
			if listHeading.MatchString(h) {
				if mostlyHeadlines(lines[i+1:]) {
					return out
				}
				// Drop the heading and the headline run right after it.
				j := i + 1
				for j < n && headlineLike(lines[j]) && !startsList(lines[j]) && !commentHeading.MatchString(headingText(lines[j])) {
					j++
				}
				i = j - 1
				continue
			}
		}
		before += after[i] - after[i+1]
		out = append(out, l)
	}
	return out
}

func mostlyHeadlines(lines []string) bool {
	h := 0
	for _, l := range lines {
		if headlineLike(l) || isBoilerplate(l) {
			h++
		}
	}
	return h*2 >= len(lines)
}

// dropTrailingHeadlines removes a run of three or more headline-shaped lines
// (at least three words each, not list items) that ends the text after its
// last prose line: a headline list whose heading was lost.
func dropTrailingHeadlines(lines []string) []string {
	i := len(lines)
	for i > 0 {
		l := lines[i-1]
		if !headlineLike(l) || startsList(l) || words(l) < 3 || labelled(l) {
			break
		}
		i--
	}
	if len(lines)-i < 3 {
		return lines
	}
	for _, l := range lines[:i] {
		if prose(l) {
			return lines[:i]
		}
	}
	return lines
}

// labelled reports a "Label: value" line ("Kharkiv: 5 explosions"), the
// shape of a tally or a list of facts rather than of another headline.
func labelled(l string) bool {
	i := strings.IndexByte(l, ':')
	return i >= 0 && i <= 40
}

// dedupe drops paragraphs the scraper repeated. An exact repeat (ignoring
// case, spacing and final punctuation) is dropped after its first
// occurrence; a paragraph of at least six words that reappears inside a
// longer paragraph (a caption or teaser repeating the article's own text,
// before or after it) is dropped in favour of the longer one.
func dedupe(lines []string) []string {
	keys := make([]string, len(lines))
	for i, l := range lines {
		keys[i] = dedupeKey(l)
	}
	seen := make(map[string]bool, len(lines))
	out := lines[:0]
	for i, l := range lines {
		k := keys[i]
		if seen[k] {
			continue
		}
		seen[k] = true
		if len(lines) <= 2000 && words(k) >= 6 && containedElsewhere(keys, i) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func containedElsewhere(keys []string, i int) bool {
	k := keys[i]
	for j, o := range keys {
		if j != i && len(o) > len(k) && strings.Contains(o, k) {
			return true
		}
	}
	return false
}

func dedupeKey(l string) string {
	return strings.TrimRight(strings.ToLower(l), ".!?…;:,\"'”’» ")
}
