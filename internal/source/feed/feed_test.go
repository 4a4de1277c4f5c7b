package feed

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/source/item"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"not xml", "hello", item.ErrNotFeed},
		{"other xml", `<?xml version="1.0"?><note/>`, item.ErrNotFeed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.in)); !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%q) error = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, p := range []string{"../testdata/feed_rss.xml", "../testdata/feed_atom.xml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, _ := Decode(b)
		for _, d := range docs {
			if d.Text == "" {
				t.Fatalf("Decode returned an empty document")
			}
			if utf8.Valid(b) && !utf8.ValidString(d.Text) {
				t.Fatalf("Decode returned invalid UTF-8 text %q", d.Text)
			}
		}
	})
}
