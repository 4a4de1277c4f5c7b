// Package jsonl reads JSON Lines documents, one object a line:
//
//	{"id": "a1", "url": "…", "title": "…", "publisher": "…", "published": "2025-06-08", "text": "…"}
//
// "html" may stand in place of "text"; it is read through the HTML reader
// (a whole page) or rendered as a fragment, then cleaned. "published" is a
// date ("2025-06-08"), an RFC 3339 time, a Unix timestamp or null. A JSON
// array of such objects, or one pretty-printed object, is read the same way.
package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/item"
)

// ParserVersion identifies this reader in a document's provenance.
const ParserVersion = "source/jsonl@1"

// Record is one JSON object as it appears on the wire.
type Record struct {
	ID        json.RawMessage `json:"id"` // string or number
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Publisher string          `json:"publisher"`
	Author    string          `json:"author"`
	Language  string          `json:"language"`
	Published json.RawMessage `json:"published"` // string, number or null
	Text      string          `json:"text"`
	HTML      string          `json:"html"`

	Line int    `json:"-"` // 1-based line the record starts on
	Raw  []byte `json:"-"` // the record's bytes, for its RawHash
}

// Parse reads every record in b. A line that is not a JSON object is
// returned as an *item.Error naming the line (wrapping item.ErrTruncated
// when the JSON ends early) and the other lines are still read.
func Parse(b []byte) ([]Record, []error) {
	t := bytes.TrimSpace(b)
	if len(t) > 0 && t[0] == '[' {
		return parseArray(b)
	}
	var recs []Record
	var errs []error
	line := 0
	for rest := b; len(rest) > 0; {
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		line++
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		r, err := decodeOne(l)
		if err != nil {
			if line == 1 && errors.Is(err, io.ErrUnexpectedEOF) && json.Valid(b) {
				// One pretty-printed object spread over many lines.
				r, err = decodeOne(t)
				if err != nil {
					return nil, []error{item.Errorf("line 1", item.ErrMalformed, err)}
				}
				r.Line = 1
				return []Record{r}, nil
			}
			errs = append(errs, lineError(line, err))
			continue
		}
		r.Line = line
		recs = append(recs, r)
	}
	return recs, errs
}

func parseArray(b []byte) ([]Record, []error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return nil, []error{lineError(1, err)}
	}
	var recs []Record
	var errs []error
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			errs = append(errs, lineError(item.Line(b, start), err))
			return recs, errs // the stream cannot be resynchronised
		}
		r, err := decodeOne(raw)
		off := start
		for off < int64(len(b)) && bytes.IndexByte([]byte(" \t\r\n,"), b[off]) >= 0 {
			off++
		}
		line := item.Line(b, off)
		if err != nil {
			errs = append(errs, lineError(line, err))
			continue
		}
		r.Line = line
		recs = append(recs, r)
	}
	if _, err := dec.Token(); err != nil {
		errs = append(errs, lineError(item.Line(b, dec.InputOffset()), err))
	}
	return recs, errs
}

func decodeOne(l []byte) (Record, error) {
	var r Record
	dec := json.NewDecoder(bytes.NewReader(l))
	if err := dec.Decode(&r); err != nil {
		return r, err
	}
	if dec.More() {
		return r, errors.New("data after the JSON object")
	}
	r.Raw = l
	return r, nil
}

func lineError(line int, err error) error {
	name := fmt.Sprintf("line %d", line)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return item.Errorf(name, item.ErrTruncated, err)
	}
	return item.Errorf(name, item.ErrMalformed, err)
}

// Decode reads b and maps every record onto a document.
func Decode(b []byte) ([]model.Document, []error) {
	recs, errs := Parse(b)
	docs := make([]model.Document, 0, len(recs))
	for _, r := range recs {
		d, err := Document(r)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}
