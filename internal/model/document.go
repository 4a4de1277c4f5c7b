package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Format names the kind of input a document came from.
type Format string

// The input formats sitrep reads.
const (
	FormatHTML     Format = "html"
	FormatRSS      Format = "rss"
	FormatAtom     Format = "atom"
	FormatTelegram Format = "telegram"
	FormatJSONL    Format = "jsonl"
	FormatText     Format = "text"
)

// Document is one input reduced to clean main text plus its metadata.
//
// ID is derived from the normalised text (see DocumentID), so the same text
// ingested twice, from any format, is the same document. ExternalID keeps the
// identifier the input gave it (a JSONL "id", a Telegram message id, a feed
// item GUID).
type Document struct {
	ID           string     `json:"id"`
	ExternalID   string     `json:"external_id,omitempty"`
	URL          string     `json:"url,omitempty"`
	CanonicalURL string     `json:"canonical_url,omitempty"`
	Title        string     `json:"title,omitempty"`
	Publisher    string     `json:"publisher,omitempty"`
	Author       string     `json:"author,omitempty"`
	Language     string     `json:"language,omitempty"`
	Published    *time.Time `json:"published,omitempty"`
	Format       Format     `json:"format"`
	Text         string     `json:"text"`

	// Provenance: where the input came from, when it was read, a hash of the
	// raw bytes it was read from, and the version of the code that read it.
	Source        string    `json:"source,omitempty"`
	FetchedAt     time.Time `json:"fetched_at"`
	RawHash       string    `json:"raw_hash,omitempty"`
	ParserVersion string    `json:"parser_version,omitempty"`

	// DuplicateOf is the ID of the earlier document this one is a
	// near-duplicate of (a syndicated or lightly edited copy), if any.
	DuplicateOf string `json:"duplicate_of,omitempty"`

	// Republished lists later sightings of exactly this text from another
	// publisher or URL (verbatim reprints). They share the document's ID and
	// never count as independent sources.
	Republished []Sighting `json:"republished,omitempty"`
}

// Sighting is one more place where a document's exact text appeared.
type Sighting struct {
	Publisher  string     `json:"publisher,omitempty"`
	URL        string     `json:"url,omitempty"`
	Title      string     `json:"title,omitempty"`
	Published  *time.Time `json:"published,omitempty"`
	ExternalID string     `json:"external_id,omitempty"`
	Source     string     `json:"source,omitempty"`
}

// NormaliseText folds text for identity: Unicode spaces collapse to one
// space and the text is lower-cased, so re-wrapped or re-cased copies of
// the same text hash alike.
func NormaliseText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// DocumentID returns the identifier of a document with this clean text: the
// first 16 bytes of the SHA-256 of its normalised form, in hex.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(NormaliseText(text)))
	return hex.EncodeToString(sum[:16])
}

// RawHash returns the SHA-256 of raw input bytes, in hex.
func RawHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
