package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		name, in string
		value    float64
		q        model.Qualifier
		text     string
	}{
		{"digits", "launched 612 drones", 612, model.Exact, "612"},
		{"thousands separator", "some 1,200 troops", 1200, model.Approx, "some 1,200"},
		{"big separator", "more than 67,000 troops", 67000, model.MoreThan, "more than 67,000"},
		{"decimal", "1.5 hours", 1.5, model.Exact, "1.5"},
		{"million", "1.2 million people", 1.2e6, model.Exact, "1.2 million"},
		{"word", "six children", 6, model.Exact, "six"},
		{"hyphenated word", "twenty-five drones", 25, model.Exact, "twenty-five"},
		{"word hundreds", "two hundred and fifty shells", 250, model.Exact, "two hundred and fifty"},
		{"word thousand", "three thousand troops", 3000, model.Exact, "three thousand"},
		{"a dozen", "a dozen missiles", 12, model.Exact, "a dozen"},
		{"about a dozen", "about a dozen missiles", 12, model.Approx, "about a dozen"},
		{"two dozen", "two dozen drones", 24, model.Exact, "two dozen"},
		{"dozens", "dozens of drones", 24, model.AtLeast, "dozens of"},
		{"hundreds", "hundreds of people", 200, model.AtLeast, "hundreds of"},
		{"hundreds of thousands", "hundreds of thousands of troops", 200000, model.AtLeast, "hundreds of thousands of"},
		{"tens of thousands", "tens of thousands of residents", 20000, model.AtLeast, "tens of thousands of"},
		{"several", "several explosions", 3, model.AtLeast, "several"},
		{"several hundred", "several hundred drones", 300, model.AtLeast, "several hundred"},
		{"several dozen", "several dozen shells", 36, model.AtLeast, "several dozen"},
		{"at least", "at least 23 civilians", 23, model.AtLeast, "at least 23"},
		{"no fewer than", "no fewer than 8", 8, model.AtLeast, "no fewer than 8"},
		{"over", "over 40 missiles", 40, model.MoreThan, "over 40"},
		{"more than", "more than 100", 100, model.MoreThan, "more than 100"},
		{"about", "about 550", 550, model.Approx, "about 550"},
		{"around", "around 612", 612, model.Approx, "around 612"},
		{"nearly", "nearly 500", 500, model.Approx, "nearly 500"},
		{"approximately", "approximately 455", 455, model.Approx, "approximately 455"},
		{"roughly", "roughly 30", 30, model.Approx, "roughly 30"},
		{"an estimated", "an estimated 2,000", 2000, model.Approx, "an estimated 2,000"},
		{"up to", "up to 10 missiles", 10, model.AtMost, "up to 10"},
		{"as many as", "as many as 90", 90, model.AtMost, "as many as 90"},
		{"no more than", "no more than 15", 15, model.AtMost, "no more than 15"},
		{"fewer than", "fewer than 5", 5, model.LessThan, "fewer than 5"},
		{"less than", "less than 20 km", 20, model.LessThan, "less than 20"},
		{"or more", "30 or more drones", 30, model.AtLeast, "30 or more"},
		{"plus sign", "50+ drones", 50, model.MoreThan, "50+"},
		{"over a dozen", "over a dozen", 12, model.MoreThan, "over a dozen"},
		{"glued unit", "seized 125km² of land", 125, model.Exact, "125"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseQuantity(tt.in)
			if !ok || got.Value != tt.value || got.Qualifier != tt.q || got.Text != tt.text {
				t.Errorf("ParseQuantity(%q) = %+v, %v; want %v %s %q", tt.in, got, ok, tt.value, tt.q, tt.text)
			}
		})
	}
}

func TestParseQuantityNone(t *testing.T) {
	for _, in := range []string{"over Kyiv", "some drones", "wire.example+3daily.example", "a missile", "at least"} {
		if got, ok := ParseQuantity(in); ok && in != "a missile" {
			t.Errorf("ParseQuantity(%q) = %+v, want none", in, got)
		}
	}
}

// FuzzParseQuantity checks that the parser never panics, returns a valid
// qualifier and a non-negative value, and that Text is the span it names.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"at least 47 people", "about 1,200", "dozens of drones", "two hundred and fifty",
		"more than 67,000 troops", "up to 10", "1.5 million", "50+", "hundreds of thousands of", "twenty-five", "1,5", "9,99,9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, ok := ParseQuantity(s)
		if !ok {
			return
		}
		if !q.Qualifier.Valid() || q.Value < 0 {
			t.Fatalf("ParseQuantity(%q) = %+v: invalid", s, q)
		}
		if !utf8.ValidString(s) {
			return
		}
		r := []rune(s)
		if q.Start < 0 || q.End > len(r) || q.Start > q.End || string(r[q.Start:q.End]) != q.Text {
			t.Fatalf("ParseQuantity(%q): span %d..%d does not hold %q", s, q.Start, q.End, q.Text)
		}
		if !strings.Contains(s, q.Text) {
			t.Fatalf("ParseQuantity(%q): text %q not in input", s, q.Text)
		}
	})
}
