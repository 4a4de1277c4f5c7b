package source

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)`)

var xmlEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)(["'])`)

// toUTF8 returns raw as valid UTF-8 without a byte-order mark. Input that
// is not UTF-8 is decoded from the charset it declares (BOM, HTTP
// Content-Type, XML declaration, HTML meta) or, failing that, from the
// single-byte encoding its byte statistics point to: Windows-1251 or
// KOI8-R for Cyrillic, Windows-1252 for Latin text. Text that mixes valid
// multi-byte UTF-8 with invalid bytes is corrupt rather than legacy-encoded
// and yields ErrInvalidUTF8. An XML declaration is rewritten to say
// UTF-8 so that parsers do not decode the text a second time.
func toUTF8(raw []byte, contentType string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte("\xFF\xFE")), bytes.HasPrefix(raw, []byte("\xFE\xFF")):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil || !utf8.Valid(out) {
			return nil, ErrInvalidUTF8
		}
		return fixXMLDecl(out), nil
	}
	if utf8.Valid(raw) {
		return raw, nil
	}
	enc := declared(raw, contentType)
	if enc == nil {
		if mixedUTF8(raw) {
			// A cut at the very end (a truncated download) is the one
			// corruption that is safe to repair: drop the partial rune.
			if t := trimPartialRune(raw); utf8.Valid(t) {
				return t, nil
			}
			return nil, ErrInvalidUTF8
		}
		enc = guessSingleByte(raw)
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) || hasC1(out) {
		return nil, ErrInvalidUTF8
	}
	return fixXMLDecl(out), nil
}

// declared returns the non-UTF-8 encoding the input declares, or nil.
func declared(raw []byte, contentType string) encoding.Encoding {
	var names []string
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		names = append(names, params["charset"])
	}
	if m := xmlEncoding.FindSubmatch(raw[:min(len(raw), 512)]); m != nil {
		names = append(names, string(m[2]))
	}
	if m := metaCharset.FindSubmatch(raw[:min(len(raw), 4096)]); m != nil {
		names = append(names, string(m[1]))
	}
	for _, n := range names {
		e, err := htmlindex.Get(strings.TrimSpace(n))
		if err != nil {
			continue
		}
		if canon, _ := htmlindex.Name(e); canon == "utf-8" {
			continue // declared UTF-8 but is not: guess instead
		}
		return e
	}
	return nil
}

// mixedUTF8 reports whether raw contains at least one valid multi-byte
// UTF-8 sequence: then its invalid bytes are corruption, not a legacy
// encoding.
func mixedUTF8(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError && size > 1 {
			return true
		}
		i += size
	}
	return false
}

func trimPartialRune(raw []byte) []byte {
	for k := 1; k <= 3 && k <= len(raw); k++ {
		if utf8.RuneStart(raw[len(raw)-k]) {
			return raw[:len(raw)-k]
		}
	}
	return raw
}

// guessSingleByte picks a legacy encoding from byte statistics. In Cyrillic
// text nearly every letter is a high byte, and lower-case letters dominate:
// Windows-1251 puts them at 0xE0–0xFF, KOI8-R at 0xC0–0xDF. In Latin text
// high bytes are sparse accented letters among ASCII ones.
func guessSingleByte(raw []byte) encoding.Encoding {
	var ascii, high, lowerCP1251, lowerKOI8 int
	for _, c := range raw {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			ascii++
		case c >= 0xC0:
			high++
			if c >= 0xE0 {
				lowerCP1251++
			} else {
				lowerKOI8++
			}
		case c >= 0x80:
			high++
		}
	}
	if high > ascii {
		if lowerKOI8 > lowerCP1251 {
			return charmap.KOI8R
		}
		return charmap.Windows1251
	}
	return charmap.Windows1252
}

// hasC1 reports C1 control characters, which a correct decoding of real
// text never produces.
func hasC1(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0x80 && r <= 0x9F {
			return true
		}
	}
	return false
}

func fixXMLDecl(b []byte) []byte {
	return xmlEncoding.ReplaceAll(b, []byte("${1}utf-8${3}"))
}
