package jsonl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/html"
	"github.com/sitrep-osint/sitrep/internal/source/item"
	"github.com/sitrep-osint/sitrep/internal/source/pubdate"
)

// Document maps a record onto a model.Document with clean text. It fails
// with item.ErrMalformed for an unreadable id or date and item.ErrEmpty
// when no text remains after cleaning.
func Document(r Record) (model.Document, error) {
	name := fmt.Sprintf("line %d", r.Line)
	id, err := idString(r.ID)
	if err != nil {
		return model.Document{}, item.Errorf(name, item.ErrMalformed, err)
	}
	if id != "" {
		name += " (" + id + ")"
	}
	pub, err := published(r.Published)
	if err != nil {
		return model.Document{}, item.Errorf(name, item.ErrMalformed, err)
	}
	d := model.Document{
		ExternalID: id, URL: strings.TrimSpace(r.URL), Title: strings.TrimSpace(r.Title),
		Publisher: strings.TrimSpace(r.Publisher), Author: strings.TrimSpace(r.Author),
		Language: strings.ToLower(strings.TrimSpace(r.Language)), Published: pub,
		Format: model.FormatJSONL, ParserVersion: ParserVersion, RawHash: model.RawHash(r.Raw),
	}
	switch {
	case strings.TrimSpace(r.Text) != "":
		d.Text = clean.Text(r.Text)
		d.Author = firstNonEmpty(d.Author, clean.Author(r.Text))
	case html.LooksLikePage(r.HTML):
		p, err := html.Parse([]byte(r.HTML), d.URL)
		if err != nil {
			return model.Document{}, item.Errorf(name, item.ErrMalformed, err)
		}
		hd := html.Document(p)
		d.Text = hd.Text
		d.CanonicalURL = hd.CanonicalURL
		d.Title = firstNonEmpty(d.Title, hd.Title)
		d.Publisher = firstNonEmpty(d.Publisher, hd.Publisher)
		d.Author = firstNonEmpty(d.Author, hd.Author)
		d.Language = firstNonEmpty(d.Language, hd.Language)
		if d.Published == nil {
			d.Published = hd.Published
		}
	default:
		d.Text = clean.Text(html.FragmentText(r.HTML))
	}
	if d.Text == "" {
		return model.Document{}, item.Errorf(name, item.ErrEmpty, nil)
	}
	return d, nil
}

func idString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("id %s is neither a string nor a number", raw)
}

func published(raw json.RawMessage) (*time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if strings.TrimSpace(s) == "" {
			return nil, nil
		}
		t, ok := pubdate.Parse(s)
		if !ok {
			return nil, fmt.Errorf("published %q is not a date", s)
		}
		return &t, nil
	}
	if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		t := time.Unix(n, 0).UTC()
		return &t, nil
	}
	return nil, fmt.Errorf("published %s is not a date", raw)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
