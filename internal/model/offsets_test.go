package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRuneIndex(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"ascii", "Kyiv was attacked overnight."},
		{"cyrillic", "Київ і Харків під атакою; Черкаський район."},
		{"mixed long", strings.Repeat("Kharkiv — Харків ✓ ", 40)},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ri := NewRuneIndex(tt.text)
			c := 0
			for b := range tt.text {
				if got := ri.Char(b); got != c {
					t.Fatalf("Char(%d) = %d, want %d", b, got, c)
				}
				if got := ri.Byte(c); got != b {
					t.Fatalf("Byte(%d) = %d, want %d", c, got, b)
				}
				c++
			}
			if got, want := ri.Char(len(tt.text)), utf8.RuneCountInString(tt.text); got != want {
				t.Fatalf("Char(len) = %d, want %d", got, want)
			}
		})
	}
}

func TestDocumentIDNormalises(t *testing.T) {
	a := DocumentID("Kyiv  was\nattacked.")
	b := DocumentID(" kyiv was attacked. ")
	if a != b {
		t.Fatalf("DocumentID differs for re-wrapped text: %s vs %s", a, b)
	}
	if a == DocumentID("Kharkiv was attacked.") {
		t.Fatal("DocumentID equal for different texts")
	}
}
