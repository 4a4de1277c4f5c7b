package model

import (
	"sort"
	"unicode/utf8"
)

// RuneIndex converts byte offsets in one text to character (code point)
// offsets, the unit every model offset uses. Build it once per document and
// call Char for each span: each call is a binary search.
type RuneIndex struct {
	// starts[i] is the byte offset at which the (i*step)-th rune begins.
	text   string
	starts []int
}

const runeIndexStep = 64

// NewRuneIndex indexes text for byte→character conversion.
func NewRuneIndex(text string) *RuneIndex {
	ri := &RuneIndex{text: text}
	n := 0
	for i := range text {
		if n%runeIndexStep == 0 {
			ri.starts = append(ri.starts, i)
		}
		n++
	}
	return ri
}

// Char returns the character offset of byte offset b. A b inside a
// multi-byte rune counts the rune as before b; b past the end is clamped.
func (ri *RuneIndex) Char(b int) int {
	if b <= 0 {
		return 0
	}
	if b > len(ri.text) {
		b = len(ri.text)
	}
	k := sort.Search(len(ri.starts), func(i int) bool { return ri.starts[i] > b }) - 1
	if k < 0 {
		return 0
	}
	return k*runeIndexStep + utf8.RuneCountInString(ri.text[ri.starts[k]:b])
}

// Byte returns the byte offset of character offset c (the inverse of Char).
func (ri *RuneIndex) Byte(c int) int {
	if c <= 0 {
		return 0
	}
	k := c / runeIndexStep
	if k >= len(ri.starts) {
		return len(ri.text)
	}
	b := ri.starts[k]
	for rest := c - k*runeIndexStep; rest > 0 && b < len(ri.text); rest-- {
		_, size := utf8.DecodeRuneInString(ri.text[b:])
		b += size
	}
	return b
}
