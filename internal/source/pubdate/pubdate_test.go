package pubdate

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"date only", "2025-06-08", "2025-06-08T00:00:00Z"},
		{"rfc3339", "2025-06-08T03:15:00+03:00", "2025-06-08T03:15:00+03:00"},
		{"rfc3339 nano", "2025-06-08T03:15:00.123Z", "2025-06-08T03:15:00.123Z"},
		{"no zone", "2025-06-08T03:15:00", "2025-06-08T03:15:00Z"},
		{"compact zone", "2025-06-08T03:15:00+0300", "2025-06-08T03:15:00+03:00"},
		{"space separated", "2025-06-08 03:15:00", "2025-06-08T03:15:00Z"},
		{"rss", "Sun, 08 Jun 2025 03:15:00 +0000", "2025-06-08T03:15:00Z"},
		{"long month", "June 8, 2025", "2025-06-08T00:00:00Z"},
		{"unix", "1749352500", "2025-06-08T03:15:00Z"},
		{"garbage", "yesterday", ""},
		{"empty", "", ""},
		{"too old", "1066-10-14", ""},
		{"far future", "2999-01-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("Parse(%q) = %v, want no date", tt.in, got)
				}
				return
			}
			want, _ := time.Parse(time.RFC3339Nano, tt.want)
			if !ok || !got.Equal(want) {
				t.Fatalf("Parse(%q) = %v, %v, want %v", tt.in, got, ok, want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2025-06-08", "Sun, 08 Jun 2025 03:15:00 +0000", "1749352500", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := Parse(s); ok && got.Year() < 1900 {
			t.Fatalf("Parse(%q) = %v: implausible year accepted", s, got)
		}
	})
}
