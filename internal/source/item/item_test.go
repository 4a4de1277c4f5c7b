package item

import "testing"

func TestLangCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"en-GB", "en"}, {"uk_UA", "uk"}, {" RU ", "ru"}, {"", ""}, {"eng", ""}, {"x", ""}, {"-en", ""},
	}
	for _, tt := range tests {
		if got := LangCode(tt.in); got != tt.want {
			t.Errorf("LangCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
