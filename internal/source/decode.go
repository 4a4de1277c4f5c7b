package source

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/feed"
	"github.com/sitrep-osint/sitrep/internal/source/html"
	"github.com/sitrep-osint/sitrep/internal/source/item"
	"github.com/sitrep-osint/sitrep/internal/source/jsonl"
	"github.com/sitrep-osint/sitrep/internal/source/telegram"
	"github.com/sitrep-osint/sitrep/internal/source/text"
)

// Decode detects the format of one input by content (with its name and
// content type as hints) and returns the documents in it, each complete:
// clean text, ID, provenance and metadata.
//
// One bad item inside a multi-item input (a feed item, a JSONL line, a
// Telegram message) is returned in errs and the other items are kept. An
// input that cannot be read at all returns no documents and one error.
// Every error is an *Error wrapping a sentinel.
func Decode(ctx context.Context, in Input, opts Options) (docs []model.Document, errs []error) {
	fail := func(sentinel, cause error) ([]model.Document, []error) {
		return nil, []error{wrap(in.Name, "", sentinel, cause)}
	}
	if err := ctx.Err(); err != nil {
		return fail(nil, err)
	}
	b, k, sentinel, cause := prepare(in, opts)
	if sentinel != nil {
		return fail(sentinel, cause)
	}

	var found []model.Document
	var itemErrs []error
	switch k {
	case KindHTML:
		p, err := html.Parse(b, in.URL)
		if err != nil {
			return fail(ErrUnknownFormat, err)
		}
		found = []model.Document{html.Document(p)}
	case KindFeed:
		found, itemErrs = feed.Decode(b)
	case KindTelegram:
		e, perrs := telegram.Parse(b)
		found, itemErrs = telegram.Documents(e), perrs
	case KindJSON:
		found, itemErrs = jsonl.Decode(b)
	case KindText:
		found = []model.Document{text.Document(string(b))}
	}

	for _, err := range itemErrs {
		errs = append(errs, toError(in.Name, err))
	}
	rawHash := model.RawHash(in.Raw)
	fetched := in.FetchedAt
	if fetched.IsZero() {
		fetched = time.Now().UTC()
	}
	for _, d := range found {
		if err := ctx.Err(); err != nil {
			return docs, append(errs, wrap(in.Name, "", nil, err))
		}
		if d.Text == "" || !utf8.ValidString(d.Text) {
			continue // single-document formats report this below
		}
		finish(&d, in, opts, rawHash, fetched)
		docs = append(docs, d)
	}
	if len(docs) == 0 && len(errs) == 0 {
		return fail(ErrEmpty, nil)
	}
	return docs, errs
}

// Detect reports which reader Decode would use for in, or the error
// Decode would fail the whole input with before reading it: ErrTooLarge,
// ErrUnknownFormat, ErrInvalidUTF8, ErrNotFeed or ErrEmpty, as an *Error.
func Detect(in Input, opts Options) (Kind, error) {
	_, k, sentinel, cause := prepare(in, opts)
	if sentinel != nil {
		return KindUnknown, wrap(in.Name, "", sentinel, cause)
	}
	return k, nil
}

// prepare checks the size, rejects binary content, converts the bytes to
// UTF-8 and detects the kind. On failure it returns the sentinel and an
// optional cause.
func prepare(in Input, opts Options) (b []byte, k Kind, sentinel, cause error) {
	if max := opts.maxBytes(); int64(len(in.Raw)) > max {
		return nil, KindUnknown, ErrTooLarge, fmt.Errorf("%d bytes > limit %d", len(in.Raw), max)
	}
	if binary(in.Raw) {
		return nil, KindUnknown, ErrUnknownFormat, errors.New("binary content")
	}
	b, err := toUTF8(in.Raw, in.ContentType)
	if err != nil {
		return nil, KindUnknown, ErrInvalidUTF8, nil
	}
	hintName := in.Name
	if in.URL != "" {
		hintName = in.URL
	}
	k, err = detect(b, hintsFor(hintName, in.ContentType))
	if err != nil {
		return nil, KindUnknown, err, nil
	}
	return b, k, nil, nil
}

// finish fills what every document shares, whatever its format.
func finish(d *model.Document, in Input, opts Options, rawHash string, fetched time.Time) {
	d.ID = model.DocumentID(d.Text)
	d.Source = in.Name
	d.FetchedAt = fetched
	if d.RawHash == "" {
		d.RawHash = rawHash
	}
	if d.URL == "" && (d.Format == model.FormatHTML || d.Format == model.FormatText) {
		d.URL = in.URL
	}
	if d.CanonicalURL == "" {
		d.CanonicalURL = d.URL
	}
	d.CanonicalURL = canonicalURL(d.CanonicalURL)
	if d.URL == "" {
		// A saved page read from a file: its canonical URL is where the
		// story lives, and the link an analyst follows to check it.
		d.URL = d.CanonicalURL
	}
	if opts.Publisher != "" {
		d.Publisher = opts.Publisher
	}
	if d.Published == nil && opts.Published != nil {
		t := *opts.Published
		d.Published = &t
	}
	if d.Language == "" {
		d.Language = language(d.Text)
	}
	d.Title = strings.ToValidUTF8(d.Title, "")
	d.Publisher = strings.ToValidUTF8(d.Publisher, "")
}

// langOptions limits detection to the languages reporting on the war is
// written in; comparing against every profile costs more than all of the
// cleaning, and the rare others are left blank rather than guessed.
var langOptions = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Ukr: true, whatlanggo.Rus: true, whatlanggo.Bel: true,
	whatlanggo.Pol: true, whatlanggo.Deu: true, whatlanggo.Fra: true, whatlanggo.Spa: true,
	whatlanggo.Ita: true, whatlanggo.Por: true, whatlanggo.Nld: true, whatlanggo.Ron: true,
	whatlanggo.Ces: true, whatlanggo.Bul: true, whatlanggo.Lit: true, whatlanggo.Lav: true,
	whatlanggo.Est: true, whatlanggo.Fin: true, whatlanggo.Swe: true, whatlanggo.Hun: true,
	whatlanggo.Tur: true,
}}

// trackingParams are query parameters that identify a click, not a page.
var trackingParams = []string{"utm_", "fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "igshid", "at_medium", "at_campaign", "cmpid", "ocid"}

// canonicalURL drops the fragment and click-tracking parameters from an
// http(s) URL so that copies of one article share a canonical URL; other
// values are returned as they are, and non-http(s) ones dropped.
func canonicalURL(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			for _, p := range trackingParams {
				if strings.HasPrefix(strings.ToLower(k), p) {
					q.Del(k)
				}
			}
		}
		u.RawQuery = q.Encode()
	}
	u.Host = strings.ToLower(u.Host)
	return u.String()
}

// language returns the ISO 639-1 code of text when the detector is
// confident, else "".
func language(text string) string {
	if len(text) > 800 {
		text = text[:800]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	info := whatlanggo.DetectWithOptions(text, langOptions)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// toError turns a reader's error into an *Error naming the input, keeping
// the reader's item name and its sentinel.
func toError(input string, err error) error {
	var ie *item.Error
	if errors.As(err, &ie) {
		if ie.Item == "feed" {
			return &Error{Input: input, Err: ie.Err}
		}
		return &Error{Input: input, Item: ie.Item, Err: ie.Err}
	}
	return &Error{Input: input, Err: err}
}
