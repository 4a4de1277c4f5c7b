package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokNum          // digits, possibly with "," thousands separators or a "." decimal point
	tokPunct
)

// token is one word, number or punctuation mark. S and E are byte offsets
// into the document text; Low is the lower-cased text with typographic
// apostrophes folded to "'" and a possessive "'s" removed (Poss is then set).
type token struct {
	S, E  int
	Low   string
	Kind  tokKind
	Poss  bool // the word ended in 's / ’s
	Upper bool // the word starts with an upper-case letter
}

// tokenize splits text[start:end] into tokens with document byte offsets.
// Hyphenated words stay one token ("Shahed-136", "twenty-five"); a run of
// digits glued to letters stays a single word token unless the letters are
// a known unit or ordinal suffix, so scraper residue such as
// "com+3dailyexample" never yields a number.
func tokenize(text string, start, end int) []token {
	toks := make([]token, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, i, end)
			toks = appendWord(toks, text, i, j)
			i = j
		default:
			toks = append(toks, token{S: i, E: i + size, Low: string(r), Kind: tokPunct})
			i += size
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '²' {
			j += size
			continue
		}
		// Inner punctuation that keeps a word together when followed by a
		// letter or digit: hyphens, apostrophes, and separators in numbers.
		if j+size < end && (r == '-' || r == '\'' || r == '’' || r == '‑' || r == '.' || r == ',') {
			next, _ := utf8.DecodeRuneInString(text[j+size:])
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			switch r {
			case '.', ',':
				if unicode.IsDigit(prev) && unicode.IsDigit(next) {
					j += size
					continue
				}
			default:
				if unicode.IsLetter(next) || unicode.IsDigit(next) {
					j += size
					continue
				}
			}
		}
		break
	}
	return j
}

// unitSuffixes may follow digits without a space ("125km²", "5th").
var unitSuffixes = map[string]bool{
	"km": true, "km²": true, "km2": true, "sqkm": true, "st": true, "nd": true, "rd": true, "th": true,
	"k": true, "m": true,
}

func appendWord(toks []token, text string, i, j int) []token {
	w := text[i:j]
	low := strings.ToLower(w)
	low = strings.ReplaceAll(low, "’", "'")
	low = strings.ReplaceAll(low, "‑", "-")
	first, _ := utf8.DecodeRuneInString(w)
	t := token{S: i, E: j, Low: low, Upper: unicode.IsUpper(first)}
	if strings.HasSuffix(low, "'s") && len(low) > 2 {
		t.Low, t.Poss = low[:len(low)-2], true
	} else if strings.HasSuffix(low, "s'") && len(low) > 2 {
		t.Low, t.Poss = low[:len(low)-1], true
	}
	if isDigitWord(t.Low) {
		t.Kind = tokNum
		return append(toks, t)
	}
	// Digits followed by a unit or ordinal suffix split in two.
	k := 0
	for k < len(low) && (low[k] >= '0' && low[k] <= '9' || ((low[k] == ',' || low[k] == '.') && k > 0)) {
		k++
	}
	if k > 0 && k < len(low) && unitSuffixes[low[k:]] && isDigitWord(low[:k]) {
		toks = append(toks, token{S: i, E: i + k, Low: low[:k], Kind: tokNum})
		return append(toks, token{S: i + k, E: j, Low: low[k:]})
	}
	return append(toks, t)
}

// isDigitWord reports whether s is digits with optional inner , or . separators.
func isDigitWord(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// hasSeq reports whether the lower-case words seq occur in toks at i.
func hasSeq(toks []token, i int, seq ...string) bool {
	if i < 0 || i+len(seq) > len(toks) {
		return false
	}
	for k, w := range seq {
		if toks[i+k].Low != w {
			return false
		}
	}
	return true
}
