package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normaliseChars makes text uniform before any rule runs: valid UTF-8,
// "\n" line ends, no control or invisible format characters, Unicode
// spaces folded to ' ', runs of spaces collapsed and lines trimmed.
func normaliseChars(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending inside the current line
	lineStart := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f' || r == '\u0085':
			r = '\n'
		}
		switch {
		case r == '\n':
			b.WriteByte('\n')
			space, lineStart = false, true
		case r == '\t' || unicode.IsSpace(r):
			space = !lineStart
		case r == '\u00AD' || r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\uFFFD' ||
			unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != '\u200D' && r != '\u200C'):
			// soft hyphen, zero-width space, word joiner, BOM, replacement
			// and control characters carry no text.
		default:
			if space {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space, lineStart = false, false
		}
	}
	return b.String()
}

// hasWord reports whether s contains a letter or digit; lines of bare
// punctuation, emoji or separators ("***", "—") carry no text.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsSentence reports whether a line ends like prose: with sentence
// punctuation, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]*_ ")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ';', '。', '！', '？':
		return true
	}
	return false
}

// words counts space-separated words.
func words(s string) int { return len(strings.Fields(s)) }

// startsList reports whether a line is a list item (bullet or number).
func startsList(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '–', '—', '*', '▪', '·', '◦', '►', '▶', '→', '✅', '❗', '⚡', '🔴', '📍':
		return true
	}
	if r >= '0' && r <= '9' {
		i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
		return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')')
	}
	return unicode.Is(unicode.So, r)
}
