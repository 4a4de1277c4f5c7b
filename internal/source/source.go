package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/source/item"
)

// DefaultMaxBytes is the per-input size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 20 << 20

// LocalMaxBytes is the limit the CLI and the watched folder use for local
// files: a Telegram channel export is one JSON file of every message and
// often runs to hundreds of megabytes, far above what a page or feed needs.
// URLs keep fetch's own, smaller limit.
const LocalMaxBytes = 512 << 20

// Sentinel errors, wrapped in *Error.
var (
	ErrUnknownFormat = errors.New("unknown format")
	ErrTooLarge      = errors.New("input too large")
	ErrInvalidUTF8   = errors.New("invalid UTF-8 that cannot be repaired")
	ErrTruncated     = item.ErrTruncated // JSON or XML that ends early
	ErrNotFeed       = item.ErrNotFeed
	ErrEmpty         = item.ErrEmpty
	ErrMalformed     = item.ErrMalformed // one item that cannot be decoded
)

// Options controls reading. The zero value is usable.
type Options struct {
	Publisher string        // overrides the publisher of every document when set
	Published *time.Time    // fills Published for documents whose input has no date
	MaxBytes  int64         // per input; default DefaultMaxBytes
	Fetch     fetch.Options // for URL inputs
	Stdin     io.Reader     // read for the argument "-"; os.Stdin when nil
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Input is one unit read by Walk: a file, a fetched URL or stdin.
type Input struct {
	Name        string    // the path, URL or "-" as given; documents record it as Source
	URL         string    // the final URL for fetched inputs
	Raw         []byte    // the bytes as read
	ContentType string    // the HTTP Content-Type for fetched inputs
	FetchedAt   time.Time // when the bytes were read
}

// Error is a failure to read an input, or one item inside it.
type Error struct {
	Input string // the input's name
	Item  string // "line 7", "item 3", "message 1042"; empty for the whole input
	Err   error  // wraps a sentinel
}

// Error reports the input, the item if any, and the cause, on one line.
func (e *Error) Error() string {
	if e.Item == "" {
		return fmt.Sprintf("%s: %v", e.Input, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Input, e.Item, e.Err)
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// wrap builds an *Error whose chain includes both the sentinel and the
// underlying cause (either may be nil).
func wrap(input, item string, sentinel, cause error) *Error {
	// A file error names the path again ("stat x.txt: no such file"); the
	// Error already names the input, so keep only what went wrong.
	var pe *fs.PathError
	if errors.As(cause, &pe) && pe.Path == input {
		cause = pe.Err
	}
	var err error
	switch {
	case sentinel == nil:
		err = cause
	case cause == nil || errors.Is(cause, sentinel):
		err = sentinel
		if cause != nil {
			err = cause
		}
	default:
		err = fmt.Errorf("%w: %w", sentinel, cause)
	}
	return &Error{Input: input, Item: item, Err: err}
}
