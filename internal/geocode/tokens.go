package geocode

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
)

// token is one word of the text: a run of letters, possibly with inner
// apostrophes ("Kam'yanske", "Пʼятихатки").
type token struct {
	start, end int    // byte span
	key        string // gazetteer.Key of the word (Cyrillic kept, Latin loose-folded)
	cyr        bool   // the word is Cyrillic
	upper      bool   // the word starts with an upper-case letter
	allUpper   bool   // every letter is upper case
	mixedCase  bool   // upper-case letters past the first, not all capitals ("KASa", "McAllen")
	joinPrev   bool   // only a space or a hyphen separates it from the previous token
	sentStart  bool   // first word of a sentence, a line or a quotation
}

// tokenize splits text into word tokens and records how each joins its
// predecessor: a name may span tokens only across spaces and hyphens.
func tokenize(text string) []token {
	var toks []token
	sep := "" // what lies between the previous token and this one
	sentence := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			if !unicode.IsSpace(r) && r != '-' && r != '‐' && r != '‑' {
				sep += string(r)
			} else if r == '\n' {
				sep += "\n"
			} else {
				sep += " "
			}
			if isSentenceBreak(r) {
				sentence = true
			}
			i += size
			continue
		}
		start := i
		allUpper, cyr, mixed := true, false, false
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isApostrophe(r) && i+size < len(text) {
				next, nsize := utf8.DecodeRuneInString(text[i+size:])
				possessive := (next == 's' || next == 'S') && !letterAt(text, i+size+nsize)
				// "People's" stays one word: it is part of names ("Donetsk
				// People's Republic"), never a place's possessive.
				if possessive && gazetteer.Key(text[start:i]) == "people" {
					possessive = false
				}
				if unicode.IsLetter(next) && i > start && !possessive {
					i += size
					continue
				}
			}
			if !unicode.IsLetter(r) {
				break
			}
			if unicode.IsLower(r) {
				allUpper = false
			} else if unicode.IsUpper(r) && i > start {
				mixed = true // an upper-case letter past the first; all-capitals words are cleared below
			}
			if r >= 0x400 && r <= 0x4ff {
				cyr = true
			}
			i += size
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		word := text[start:i]
		toks = append(toks, token{
			start: start, end: i, key: gazetteer.Key(word), cyr: cyr,
			upper: unicode.IsUpper(first), allUpper: allUpper && utf8.RuneCountInString(word) > 1, mixedCase: mixed && !allUpper,
			joinPrev:  len(toks) > 0 && (joinable(sep) || abbrevJoin(toks[len(toks)-1], sep)),
			sentStart: (sentence && !(len(toks) > 0 && abbrevJoin(toks[len(toks)-1], sep))) || len(toks) == 0,
		})
		sep = ""
		sentence = false
	}
	return toks
}

// joinable reports whether two words separated by sep can belong to one name.
func joinable(sep string) bool {
	if sep == "" {
		return false
	}
	for _, c := range sep {
		if c != ' ' {
			return false
		}
	}
	return len(sep) <= 2
}

// abbrevJoin lets "St. Petersburg" and "Mt. Elbrus" read as one name.
func abbrevJoin(prev token, sep string) bool {
	return (sep == ". " || sep == ".") && (prev.key == "st" || prev.key == "mt" || prev.key == "ft")
}

func isSentenceBreak(r rune) bool {
	switch r {
	case '.', '!', '?', '\n', ':', ';', '"', '«', '»', '“', '”', '(', '[', '•', '|':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '‘':
		return true
	}
	return false
}

// letterAt reports whether a letter starts at byte i of text.
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}
