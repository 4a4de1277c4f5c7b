package telegram

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/clean"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source/pubdate"
)

// Documents maps the export's messages onto documents. Service messages
// and messages without text (media only, or only boilerplate) are
// skipped: they are not errors.
func Documents(e *Export) []model.Document {
	channel := e.Name
	if e.ID != 0 {
		channel = strconv.FormatInt(e.ID, 10)
	}
	var docs []model.Document
	for _, m := range e.Messages {
		if m.Type != "" && m.Type != "message" {
			continue
		}
		es := m.TextEntities
		if len(es) == 0 {
			es = m.Text
		}
		text := clean.Text(Plain(es))
		if text == "" {
			continue
		}
		docs = append(docs, model.Document{
			ExternalID:    channel + "/" + strconv.FormatInt(m.ID, 10),
			Publisher:     strings.TrimSpace(e.Name),
			Author:        strings.TrimSpace(m.From),
			Published:     messageTime(m),
			Format:        model.FormatTelegram,
			Text:          text,
			RawHash:       model.RawHash(m.Raw),
			ParserVersion: ParserVersion,
		})
	}
	return docs
}

// messageTime prefers date_unixtime, an exact instant; "date" is the
// exporting machine's local time without a zone and is read as UTC.
func messageTime(m Message) *time.Time {
	if n, err := strconv.ParseInt(m.DateUnix, 10, 64); err == nil && n > 0 {
		t := time.Unix(n, 0).UTC()
		return &t
	}
	if t, ok := pubdate.Parse(m.Date); ok {
		return &t
	}
	return nil
}
