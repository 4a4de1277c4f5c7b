package text

import (
	"testing"
	"time"
)

func TestSplitHeader(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		publisher string
		published string // RFC 3339 or "" for none
		title     string
		body      string
	}{
		{"full block", "Publisher: Steppe Radio\nPublished: 2026-10-18\nTitle: Morning bulletin\n\nShelling hit the port.",
			"Steppe Radio", "2026-10-18T00:00:00Z", "Morning bulletin", "Shelling hit the port."},
		{"synonyms and case", "SOURCE: Delta Wire\ndate: 2026-10-19T07:30:00+03:00\r\n\r\nDrones were downed.",
			"Delta Wire", "2026-10-19T04:30:00Z", "", "Drones were downed."},
		{"prose with a colon stays prose", "Update: two more people were injured.\n\nCrews are at the scene.",
			"", "", "", "Update: two more people were injured.\n\nCrews are at the scene."},
		{"unknown key", "Publisher: X\nMood: grim\n\nText.", "", "", "", "Publisher: X\nMood: grim\n\nText."},
		{"unreadable date", "Publisher: X\nPublished: last week\n\nText.", "", "", "", "Publisher: X\nPublished: last week\n\nText."},
		{"no body", "Publisher: X\nPublished: 2026-10-18\n", "", "", "", "Publisher: X\nPublished: 2026-10-18\n"},
		{"no blank line", "Publisher: X\nText goes on here.", "", "", "", "Publisher: X\nText goes on here."},
		{"url must be http", "URL: javascript:alert(1)\n\nText.", "", "", "", "URL: javascript:alert(1)\n\nText."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, body := SplitHeader(tt.in)
			got := ""
			if h.Published != nil {
				got = h.Published.UTC().Format(time.RFC3339)
			}
			if h.Publisher != tt.publisher || got != tt.published || h.Title != tt.title || body != tt.body {
				t.Errorf("SplitHeader(%q) = %+v (published %q), body %q; want publisher %q published %q title %q body %q",
					tt.in, h, got, body, tt.publisher, tt.published, tt.title, tt.body)
			}
		})
	}
}

func TestDocumentWithHeader(t *testing.T) {
	d := Document("Publisher: Steppe Radio\nPublished: 2026-10-18\n\nKherson shelled\n\nA woman was killed.")
	if d.Publisher != "Steppe Radio" || d.Published == nil || d.Title != "Kherson shelled" || d.Text != "Kherson shelled\nA woman was killed." {
		t.Errorf("Document = %+v", d)
	}
}

func FuzzSplitHeader(f *testing.F) {
	f.Add("Publisher: X\nPublished: 2026-10-18\n\nBody")
	f.Add("Update: nothing\n\nBody")
	f.Fuzz(func(t *testing.T, s string) {
		h, body := SplitHeader(s)
		if h == (Header{}) && body != s {
			t.Fatalf("SplitHeader(%q) dropped text without a header", s)
		}
		if len(body) > len(s) {
			t.Fatalf("SplitHeader(%q) grew the body", s)
		}
	})
}
