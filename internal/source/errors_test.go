package source

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeInputs(t *testing.T) {
	koi8, _ := charmap.KOI8R.NewEncoder().Bytes([]byte("Вночи над городом сбили восемь беспилотников, сообщили военные."))
	latin1, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Le café près de la gare a été endommagé par une frappe nocturne."))
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Sirens sounded across the region twice during the night."))
	tests := []struct {
		name     string
		in       Input
		opts     Options
		wantErr  error  // the single whole-input error, if any
		wantText string // the first document's text
	}{
		{name: "empty", in: Input{Name: "empty.txt"}, wantErr: ErrEmpty},
		{name: "whitespace", in: Input{Name: "blank.txt", Raw: []byte(" \n\t\n")}, wantErr: ErrEmpty},
		{name: "only boilerplate", in: Input{Name: "chrome.txt", Raw: []byte("Home\nMenu\nShare this\nNo comments")}, wantErr: ErrEmpty},
		{name: "too large", in: Input{Name: "big.txt", Raw: []byte(strings.Repeat("word ", 100))}, opts: Options{MaxBytes: 64}, wantErr: ErrTooLarge},
		{name: "pdf", in: Input{Name: "report.pdf", Raw: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")}, wantErr: ErrUnknownFormat},
		{name: "nul bytes", in: Input{Name: "blob", Raw: []byte("abc\x00def\x00")}, wantErr: ErrUnknownFormat},
		{name: "control characters", in: Input{Name: "ctl", Raw: []byte(strings.Repeat("\x01\x02\x03abc", 20))}, wantErr: ErrUnknownFormat},
		{name: "mixed utf8 and garbage", in: Input{Name: "mixed.txt", Raw: []byte("Київ \xff\xfe зранку \xc3\x28 обстріл")}, wantErr: ErrInvalidUTF8},
		{name: "xml that is not a feed", in: Input{Name: "notes.xml", Raw: []byte(`<?xml version="1.0"?><note><to>A</to></note>`)}, wantErr: ErrNotFeed},
		{name: "text named as feed", in: Input{Name: "news.rss", Raw: []byte("Just a sentence of text.")}, wantErr: ErrNotFeed},
		{name: "feed content type", in: Input{Name: "https://x.example/f", URL: "https://x.example/f", ContentType: "application/rss+xml", Raw: []byte("plain words here.")}, wantErr: ErrNotFeed},
		{name: "unknown xml", in: Input{Name: "data", Raw: []byte(`<?xml version="1.0"?><inventory><item/></inventory>`)}, wantErr: ErrUnknownFormat},
		{name: "json named file with text", in: Input{Name: "data.jsonl", Raw: []byte("not json at all")}, wantErr: ErrUnknownFormat},
		{name: "truncated rss", in: Input{Name: "cut.xml", Raw: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Cut`)}, wantErr: ErrTruncated},
		{name: "koi8-r", in: Input{Name: "koi8.txt", Raw: koi8}, wantText: "Вночи над городом сбили восемь беспилотников, сообщили военные."},
		{name: "windows-1252", in: Input{Name: "latin.txt", Raw: latin1}, wantText: "Le café près de la gare a été endommagé par une frappe nocturne."},
		{name: "utf-16 with bom", in: Input{Name: "u16.txt", Raw: utf16}, wantText: "Sirens sounded across the region twice during the night."},
		{name: "utf-8 bom", in: Input{Name: "bom.txt", Raw: []byte("\xEF\xBB\xBFA short report on the overnight attack.")}, wantText: "A short report on the overnight attack."},
		{name: "cut multibyte rune at end", in: Input{Name: "cut.txt", Raw: []byte("Обстріл тривав годину.\xd0")}, wantText: "Обстріл тривав годину."},
		{name: "html declaring windows-1251", in: Input{Name: "page.html", Raw: append([]byte(`<html><head><meta charset="windows-1251"><title>T</title></head><body><p>`), append(cp1251(t, "Вибухи пролунали в обласному центрі вночі."), []byte("</p></body></html>")...)...)}, wantText: "Вибухи пролунали в обласному центрі вночі."},
		{name: "xml declaring windows-1251", in: Input{Name: "f.xml", Raw: append([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>K</title><item><title>`), append(cp1251(t, "Нічна атака на місто"), []byte("</title></item></channel></rss>")...)...)}, wantText: "Нічна атака на місто"},
		{name: "json array", in: Input{Name: "a.json", Raw: []byte(`[{"id":"x1","text":"Two drones were shot down near the bridge."},{"id":"x2","text":"A third fell in a field."}]`)}, wantText: "Two drones were shot down near the bridge."},
		{name: "pretty printed object", in: Input{Name: "one.json", Raw: []byte("{\n  \"id\": \"p1\",\n  \"text\": \"Power returned to the district by noon.\"\n}\n")}, wantText: "Power returned to the district by noon."},
		{name: "html fragment", in: Input{Name: "frag", Raw: []byte("<p>Crews cleared rubble from the main road.</p><p>Share</p>")}, wantText: "Crews cleared rubble from the main road."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Decode(context.Background(), tt.in, tt.opts)
			if tt.wantErr != nil {
				if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) {
					t.Fatalf("Decode(%s) = %d docs, %v; want one error wrapping %v", tt.in.Name, len(docs), errs, tt.wantErr)
				}
				if !strings.HasPrefix(errs[0].Error(), tt.in.Name+": ") || strings.Contains(errs[0].Error(), "\n") {
					t.Fatalf("Decode(%s) error %q does not name the input on one line", tt.in.Name, errs[0])
				}
				return
			}
			if len(errs) != 0 || len(docs) == 0 {
				t.Fatalf("Decode(%s) = %d docs, errors %v", tt.in.Name, len(docs), errs)
			}
			if docs[0].Text != tt.wantText {
				t.Fatalf("Decode(%s) text = %q, want %q", tt.in.Name, docs[0].Text, tt.wantText)
			}
			for _, d := range docs {
				checkDocument(t, d)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want Kind
		err  error
	}{
		{"html", Input{Name: "x", Raw: []byte("<!DOCTYPE html><html></html>")}, KindHTML, nil},
		{"rss", Input{Name: "x", Raw: []byte(`<?xml version="1.0"?><!-- c --><rss version="2.0"></rss>`)}, KindFeed, nil},
		{"atom", Input{Name: "x", Raw: []byte(`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`)}, KindFeed, nil},
		{"telegram", Input{Name: "x", Raw: []byte(`{"name":"c","type":"public_channel","messages":[]}`)}, KindTelegram, nil},
		{"jsonl", Input{Name: "x", Raw: []byte("{\"text\":\"a\"}\n{\"text\":\"b\"}")}, KindJSON, nil},
		{"text", Input{Name: "x", Raw: []byte("Plain words.")}, KindText, nil},
		{"xhtml with xml declaration", Input{Name: "x", Raw: []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>`)}, KindHTML, nil},
		{"unknown xml", Input{Name: "x", Raw: []byte(`<inventory/>`)}, KindUnknown, ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.in, Options{})
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("Detect(%s) = %v, %v; want %v, %v", tt.name, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tracking dropped", "https://News.Example.com/a/1?utm_source=x&id=7&fbclid=abc#comments", "https://news.example.com/a/1?id=7"},
		{"plain kept", "https://example.org/story", "https://example.org/story"},
		{"not http", "tg://resolve?domain=x", ""},
		{"relative", "/a/1", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalURL(tt.in); got != tt.want {
				t.Fatalf("canonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func cp1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeTruncatedTelegramKeepsEarlierMessages(t *testing.T) {
	raw := `{"name": "Night Watch", "type": "public_channel", "id": 5,
 "messages": [
  {"id": 1, "type": "message", "date": "2025-03-01T01:00:00", "date_unixtime": "1740790800", "text": "Drones over the eastern districts, stay in shelters."},
  {"id": 2, "type": "message", "date": "2025-03-01T01:30:00", "text": "Second alert of the ni`
	docs, errs := Decode(context.Background(), Input{Name: "result.json", Raw: []byte(raw)}, Options{})
	if len(docs) != 1 || docs[0].ExternalID != "5/1" || docs[0].Publisher != "Night Watch" {
		t.Fatalf("Decode(truncated export) docs = %+v, want message 1", docs)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) || !strings.Contains(errs[0].Error(), "line 4") {
		t.Fatalf("Decode(truncated export) errors = %v, want ErrTruncated at line 4", errs)
	}
}

func TestDecodeOptions(t *testing.T) {
	pub := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	raw := []byte(`{"id":"a","publisher":"Original","published":"2025-06-30","text":"A dated report about the night."}
{"id":"b","text":"An undated report about the morning."}`)
	docs, errs := Decode(context.Background(), Input{Name: "o.jsonl", Raw: raw}, Options{Publisher: "Given Name", Published: &pub})
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("Decode = %d docs, %v", len(docs), errs)
	}
	for _, d := range docs {
		if d.Publisher != "Given Name" {
			t.Errorf("doc %s publisher = %q, want the --publisher override", d.ExternalID, d.Publisher)
		}
	}
	if got := docs[0].Published.Format("2006-01-02"); got != "2025-06-30" {
		t.Errorf("doc a published = %s, want its own date kept", got)
	}
	if docs[1].Published == nil || !docs[1].Published.Equal(pub) {
		t.Errorf("doc b published = %v, want the --published fill %v", docs[1].Published, pub)
	}
}

func TestDecodeSameTextSameID(t *testing.T) {
	a, _ := Decode(context.Background(), Input{Name: "a.txt", Raw: []byte("Two  drones were downed.\n")}, Options{})
	b, _ := Decode(context.Background(), Input{Name: "b.jsonl", Raw: []byte(`{"text":"Two drones were downed."}`)}, Options{})
	if len(a) != 1 || len(b) != 1 || a[0].ID != b[0].ID {
		t.Fatalf("same text from two formats got different IDs: %v vs %v", a, b)
	}
}
