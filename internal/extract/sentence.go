package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [S, E) of the document text.
type span struct{ S, E int }

// sentence is one sentence of the document with the byte offset of the
// paragraph it opens, if any (ParaStart is true for the first sentence of
// a line, where datelines such as "Kyiv —" appear).
type sentence struct {
	span
	ParaStart bool
	Headline  bool // a title-like line without final punctuation
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true, "col": true,
	"maj": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "jr": true, "sr": true,
	"prof": true, "vs": true, "etc": true, "approx": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true, "lt.-gen": true, "adm": true, "pres": true, "min": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "est": true, "cf": true,
}

// splitSentences splits text into sentences. A sentence ends at ".", "!"
// or "?" (plus closing quotes and brackets) followed by space and a capital
// letter, digit or opening quote, unless the word before the period is a
// known abbreviation or a single capital initial; every line break also
// ends a sentence. Own splitter rather than a trained one: news text here
// is short, and the abbreviation and initial rules are what matters.
func splitSentences(text string) []sentence {
	var out []sentence
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		out = appendLine(out, text, lineStart, lineEnd)
		lineStart = lineEnd + 1
	}
	return out
}

func appendLine(out []sentence, text string, s, e int) []sentence {
	s, e = trimSpan(text, s, e)
	if s >= e {
		return out
	}
	first := len(out)
	start := s
	for i := s; i < e; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i
		for j < e {
			c, sz := utf8.DecodeRuneInString(text[j:])
			if c != '"' && c != '”' && c != '’' && c != ')' && c != '\'' && c != '»' {
				break
			}
			j += sz
		}
		if j >= e {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(c) {
			continue
		}
		k := j
		for k < e {
			c, sz := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += sz
		}
		if k >= e {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'«(", next)) {
			continue
		}
		if r == '.' && isAbbreviation(text[start:i-1]) {
			continue
		}
		if r == '.' && unicode.IsDigit(next) && strings.HasSuffix(strings.ToLower(text[start:i-1]), " no") {
			continue // "No. 5"
		}
		ss, se := trimSpan(text, start, j)
		if ss < se {
			out = append(out, sentence{span: span{ss, se}})
		}
		start = k
	}
	if ss, se := trimSpan(text, start, e); ss < se {
		out = append(out, sentence{span: span{ss, se}})
	}
	if first < len(out) {
		out[first].ParaStart = true
		if len(out) == first+1 {
			out[first].Headline = isHeadline(text[out[first].S:out[first].E])
		}
	}
	return out
}

// isAbbreviation reports whether the text before a period ends in an
// abbreviation or a single-letter initial.
func isAbbreviation(before string) bool {
	k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
	w := before[k+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

// isHeadline reports whether a line reads as a title: no final sentence
// punctuation and most words capitalised.
func isHeadline(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?\"”:", last) {
		return false
	}
	words := strings.Fields(line)
	if len(words) < 3 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return caps*3 >= len(words)*2
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// clauseBreaks separate independent reports inside one sentence: "X was
// shelled, while Ukrainian forces struck Y".
var clauseBreaks = [][]string{{";"}, {",", "while"}, {",", "whereas"}, {",", "and", "separately"},
	{",", "though"}, {",", "although"}, {",", "but"}}

// splitClauses splits a sentence's tokens into clauses at clauseBreaks.
func splitClauses(toks []token) [][]token { return splitAt(toks, clauseBreaks) }

// splitAt splits tokens into clauses at any of the break sequences.
func splitAt(toks []token, breaks [][]string) [][]token {
	var out [][]token
	start := 0
	for i := 0; i < len(toks); i++ {
		for _, br := range breaks {
			if hasSeq(toks, i, br...) && i > start {
				out = append(out, toks[start:i])
				start = i + len(br)
				i = start - 1
				break
			}
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}
