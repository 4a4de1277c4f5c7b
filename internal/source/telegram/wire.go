package telegram

import (
	"encoding/json"
	"errors"
	"strings"
)

// Export is a Telegram Desktop channel export (result.json), as written by
// "Export chat history" in JSON format.
type Export struct {
	Name     string    `json:"name"`
	Type     string    `json:"type"` // "public_channel", "private_channel", "public_supergroup", …
	ID       int64     `json:"id"`
	Messages []Message `json:"messages"`
}

// Message is one entry of Export.Messages.
type Message struct {
	ID           int64    `json:"id"`
	Type         string   `json:"type"` // "message" or "service"
	Date         string   `json:"date"` // local time of the exporting machine, no zone
	DateUnix     string   `json:"date_unixtime"`
	Edited       string   `json:"edited"`
	From         string   `json:"from"`
	Text         Text     `json:"text"`
	TextEntities []Entity `json:"text_entities"`
	Photo        string   `json:"photo"`
	File         string   `json:"file"`
	MediaType    string   `json:"media_type"`
	Forwarded    string   `json:"forwarded_from"`

	Raw []byte `json:"-"` // the message's JSON, for its RawHash
}

// Entity is a piece of formatted text: plain, bold, link, hashtag, …
type Entity struct {
	Type string `json:"type"`
	Text string `json:"text"`
	Href string `json:"href"`
}

// Text is a message's "text" field, which is either a string or a list of
// strings and entity objects.
type Text []Entity

// UnmarshalJSON accepts both shapes of "text".
func (t *Text) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*t = Text{{Type: "plain", Text: s}}
		return nil
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(b, &parts); err != nil {
		return errors.New("text is neither a string nor a list")
	}
	out := make(Text, 0, len(parts))
	for _, p := range parts {
		if err := json.Unmarshal(p, &s); err == nil {
			out = append(out, Entity{Type: "plain", Text: s})
			continue
		}
		var e Entity
		if err := json.Unmarshal(p, &e); err != nil {
			return errors.New("text part is neither a string nor an entity")
		}
		out = append(out, e)
	}
	*t = out
	return nil
}

// Plain flattens entities to plain text: every entity contributes its
// visible text (a text_link its label, not its target).
func Plain(es []Entity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.Text)
	}
	return b.String()
}
