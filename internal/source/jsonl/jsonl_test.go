package jsonl

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/source/item"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantRecs int
		wantErrs []error
	}{
		{"lines", "{\"id\":1,\"text\":\"a\"}\n\n{\"id\":\"b\",\"text\":\"b\"}\n", 2, nil},
		{"crlf", "{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n", 2, nil},
		{"bad line kept apart", "{\"text\":\"a\"}\nnot json\n{\"text\":\"c\"}", 2, []error{item.ErrMalformed}},
		{"truncated last line", "{\"text\":\"a\"}\n{\"text\":\"cut", 1, []error{item.ErrTruncated}},
		{"trailing data", "{\"text\":\"a\"} {\"text\":\"b\"}", 0, []error{item.ErrMalformed}},
		{"array", "[{\"text\":\"a\"},\n{\"text\":\"b\"}]", 2, nil},
		{"truncated array", "[{\"text\":\"a\"},\n{\"text\":\"b\"", 1, []error{item.ErrTruncated}},
		{"pretty object", "{\n \"text\": \"a\"\n}", 1, nil},
		{"wrong field type", "{\"text\": 5}", 0, []error{item.ErrMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := Parse([]byte(tt.in))
			if len(recs) != tt.wantRecs || len(errs) != len(tt.wantErrs) {
				t.Fatalf("Parse(%q) = %d records, errors %v; want %d, %v", tt.in, len(recs), errs, tt.wantRecs, tt.wantErrs)
			}
			for i, err := range errs {
				if !errors.Is(err, tt.wantErrs[i]) {
					t.Fatalf("Parse(%q) error %d = %v, want %v", tt.in, i, err, tt.wantErrs[i])
				}
			}
		})
	}
}

func TestDocumentHTMLField(t *testing.T) {
	page := `<html><head><meta property="og:site_name" content="Page Site"><meta property="article:published_time" content="2025-05-05T10:00:00Z"></head><body><article><p>The ferry resumed service after the river was swept for mines, officials said.</p></article></body></html>`
	r := Record{Line: 1, HTML: page}
	d, err := Document(r)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "The ferry resumed service after the river was swept for mines, officials said." || d.Publisher != "Page Site" || d.Published == nil {
		t.Fatalf("Document(html record) = %+v", d)
	}
}

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../testdata/records.jsonl"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`[{"id":1,"published":123,"html":"<p>x</p>"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, _ := Decode(b)
		for _, d := range docs {
			if d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("Decode returned text %q", d.Text)
			}
		}
	})
}
