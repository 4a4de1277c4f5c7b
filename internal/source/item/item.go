// Package item holds what every format reader under internal/source
// shares: the error for one bad item inside a multi-item input (a feed
// item, a JSONL line, a Telegram message) and the sentinels such errors
// wrap, and the normalisation of declared language codes. Package source
// re-exports the sentinels, so errors.Is works with either name.
package item

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinels wrapped by reader errors.
var (
	ErrTruncated = errors.New("truncated")
	ErrEmpty     = errors.New("no text")
	ErrNotFeed   = errors.New("not a feed")
	ErrMalformed = errors.New("malformed")
)

// Error is a failure of one item; the rest of its input is still read.
type Error struct {
	Item string // "line 7", "item 3 (guid)", "message 1042"
	Err  error
}

// Error reports the item and its cause.
func (e *Error) Error() string { return e.Item + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error for item whose cause wraps sentinel and cause.
func Errorf(item string, sentinel, cause error) *Error {
	if cause == nil {
		return &Error{Item: item, Err: sentinel}
	}
	return &Error{Item: item, Err: fmt.Errorf("%w: %w", sentinel, cause)}
}

// Line returns the 1-based line number of byte offset off in b.
func Line(b []byte, off int64) int {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	n := 1
	for _, c := range b[:max(off, 0)] {
		if c == '\n' {
			n++
		}
	}
	return n
}

// LangCode reduces a declared language ("en-GB", "uk_UA", " RU ") to its
// two-letter ISO 639-1 code, or "" when it is not one.
func LangCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}
