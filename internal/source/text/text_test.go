package text

import (
	"testing"
	"unicode/utf8"
)

func TestDocument(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"headline first", "Strike on the depot\n\nThe depot was hit at night.", "Strike on the depot", "Strike on the depot\nThe depot was hit at night."},
		{"sentence first", "The depot was hit at night.\nFires followed.", "", "The depot was hit at night.\nFires followed."},
		{"single line", "Strike on the depot", "", "Strike on the depot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Document(tt.in)
			if d.Title != tt.title || d.Text != tt.text {
				t.Fatalf("Document(%q) = title %q text %q, want %q %q", tt.in, d.Title, d.Text, tt.title, tt.text)
			}
		})
	}
}

func FuzzDocument(f *testing.F) {
	f.Add("Headline here\n\nBody text.")
	f.Fuzz(func(t *testing.T, s string) {
		d := Document(s)
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
			t.Fatalf("Document(%q) produced invalid UTF-8", s)
		}
	})
}
