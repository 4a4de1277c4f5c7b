// Package source turns inputs — files, directories, URLs, stdin — into
// complete model.Documents with clean text and provenance.
//
// It detects each input's format by content, with the file extension and
// HTTP content type as hints, and hands it to one reader per format:
//
//	source/html      web pages (go-trafilatura main text + meta/JSON-LD)
//	source/feed      RSS 2.0 and Atom feeds, one document per item
//	source/telegram  Telegram Desktop channel exports (result.json)
//	source/jsonl     JSON Lines {id,url,title,publisher,published,text|html}
//	source/text      plain text
//
// Each reader decodes into its own wire structs and maps them onto
// model.Document in its adapter.go; this package then fills what every
// document shares (ID, Source, FetchedAt, RawHash, Language) and applies
// the caller's Options. Text is always internal/clean's output, the exact
// string that is stored and that later stages cite offsets into.
//
// Typical use, as the ingest pipeline does:
//
//	err := source.Walk(ctx, args, opts, func(in source.Input, err error) error {
//		if err != nil {
//			return record(err) // one unreadable input; the walk goes on
//		}
//		docs, errs := source.Decode(ctx, in, opts)
//		...
//	})
//
// Detect reports the reader Decode would choose without decoding.
//
// Errors are *Error values naming the input and item, wrapping one of the
// sentinels (ErrUnknownFormat, ErrTooLarge, ErrInvalidUTF8, ErrTruncated,
// ErrNotFeed, ErrEmpty) so callers can test them with errors.Is.
package source
