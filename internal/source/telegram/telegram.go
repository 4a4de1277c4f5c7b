// Package telegram reads Telegram Desktop channel exports (result.json):
// one document per message with text. Service messages (joins, pins,
// title changes) and media-only messages are skipped.
package telegram

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/sitrep-osint/sitrep/internal/source/item"
)

// ParserVersion identifies this reader in a document's provenance.
const ParserVersion = "source/telegram@1"

// Looks reports whether b, a JSON object, is a channel export: it has a
// "messages" key beside "name" or "type" at the top level. It reads only
// as far as it needs to.
func Looks(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	named := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		key, _ := t.(string)
		switch key {
		case "name", "type":
			named = true
		case "messages":
			return named
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// Parse reads an export. It streams the messages array so that a file cut
// short still yields every message before the cut, together with an
// *item.Error wrapping item.ErrTruncated that names the line. A message
// whose JSON is well-formed but of the wrong shape is reported as its own
// *item.Error and skipped.
func Parse(b []byte) (*Export, []error) {
	e := &Export{}
	var errs []error
	dec := json.NewDecoder(bytes.NewReader(b))
	fail := func(err error) (*Export, []error) {
		line := fmt.Sprintf("line %d", item.Line(b, dec.InputOffset()))
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			// The input ended inside a value: name its last line.
			line = fmt.Sprintf("line %d", item.Line(b, int64(len(b))))
			return e, append(errs, item.Errorf(line, item.ErrTruncated, err))
		}
		return e, append(errs, item.Errorf(line, item.ErrMalformed, err))
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		if err == nil {
			err = errors.New("export is not a JSON object")
		}
		return fail(err)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		switch key, _ := t.(string); key {
		case "name":
			err = dec.Decode(&e.Name)
		case "type":
			err = dec.Decode(&e.Type)
		case "id":
			err = dec.Decode(&e.ID)
		case "messages":
			errs, err = parseMessages(dec, b, e, errs)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return fail(err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	return e, errs
}

func parseMessages(dec *json.Decoder, b []byte, e *Export, errs []error) ([]error, error) {
	if t, err := dec.Token(); err != nil {
		return errs, err
	} else if t != json.Delim('[') {
		return errs, errors.New("messages is not a list")
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return errs, err
		}
		var m Message
		if err := json.Unmarshal(raw, &m); err != nil {
			var id struct {
				ID json.RawMessage `json:"id"`
			}
			_ = json.Unmarshal(raw, &id) // best effort, for the error's name only
			name := fmt.Sprintf("message %s (line %d)", id.ID, item.Line(b, dec.InputOffset()))
			errs = append(errs, item.Errorf(name, item.ErrMalformed, err))
			continue
		}
		m.Raw = raw
		e.Messages = append(e.Messages, m)
	}
	_, err := dec.Token() // ']'
	return errs, err
}
