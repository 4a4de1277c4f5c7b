package telegram

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/source/item"
)

func TestLooks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"export", `{"name":"C","type":"public_channel","id":1,"messages":[]}`, true},
		{"record with messages only", `{"messages":[]}`, false},
		{"jsonl record", `{"id":"a","text":"t"}`, false},
		{"array", `[]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Looks([]byte(tt.in)); got != tt.want {
				t.Fatalf("Looks(%s) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextShapes(t *testing.T) {
	raw := `{"name":"C","type":"public_channel","messages":[
 {"id":1,"type":"message","text":"plain string"},
 {"id":2,"type":"message","text":["a ",{"type":"link","text":"https://x.example"}," b"]},
 {"id":3,"type":"message","text":"","text_entities":[{"type":"plain","text":"from "},{"type":"text_link","text":"entities","href":"https://y.example"}]},
 {"id":4,"type":"service","text":"joined"},
 {"id":5,"type":"message","photo":"p.jpg","text":""},
 {"id":6,"type":"message","text":{"bad":true}}]}`
	e, errs := Parse([]byte(raw))
	if len(errs) != 1 || !errors.Is(errs[0], item.ErrMalformed) {
		t.Fatalf("Parse errors = %v, want one malformed message", errs)
	}
	docs := Documents(e)
	want := []string{"plain string", "a https://x.example b", "from entities"}
	if len(docs) != len(want) {
		t.Fatalf("Documents = %d, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		if d.Text != want[i] {
			t.Errorf("message %d text = %q, want %q", i, d.Text, want[i])
		}
	}
	if docs[0].ExternalID != "C/1" {
		t.Errorf("ExternalID = %q, want channel name fallback C/1", docs[0].ExternalID)
	}
}

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../testdata/telegram/result.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"name":"x","messages":[{"id":1,"text":[{"type":"bold"}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, _ := Parse(b)
		for _, d := range Documents(e) {
			if d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("Documents returned text %q", d.Text)
			}
		}
	})
}
