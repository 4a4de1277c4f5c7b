package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// cyrQuantity reads the first Cyrillic count in s, as the clause reader does.
func cyrQuantity(s string) (numMatch, string, bool) {
	toks := cyrTokens(s, 0, len(s))
	for i := range toks {
		if n, ok := cyrNumberAt(toks, i); ok {
			return n, s[toks[n.I].S:toks[n.J-1].E], true
		}
	}
	return numMatch{}, "", false
}

func TestCyrNumber(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		q     model.Qualifier
		text  string
	}{
		{"сбиты 47 беспилотников", 47, model.Exact, "47"},
		{"запущено 1 200 дронов", 1200, model.Exact, "1 200"},
		{"более 2,5 тыс. человек", 2500, model.MoreThan, "более 2,5 тыс."},
		{"погибли двое", 2, model.Exact, "двое"},
		{"поранено троє людей", 3, model.Exact, "троє"},
		{"п'ять авіабомб", 5, model.Exact, "п'ять"},
		{"пʼятеро поранених", 5, model.Exact, "пʼятеро"},
		{"двадцать пять ракет", 25, model.Exact, "двадцать пять"},
		{"сто двадцять три дрони", 123, model.Exact, "сто двадцять три"},
		{"две тысячи снарядов", 2000, model.Exact, "две тысячи"},
		{"одиннадцати ракет", 11, model.Exact, "одиннадцати"},
		{"не менее 15 дронов", 15, model.AtLeast, "не менее 15"},
		{"не менше 8 людей", 8, model.AtLeast, "не менше 8"},
		{"щонайменше 6 загиблих", 6, model.AtLeast, "щонайменше 6"},
		{"по меньшей мере 4 человека", 4, model.AtLeast, "по меньшей мере 4"},
		{"свыше 30 БПЛА", 30, model.MoreThan, "свыше 30"},
		{"понад 50 дронів", 50, model.MoreThan, "понад 50"},
		{"більше ніж 40 ракет", 40, model.MoreThan, "більше ніж 40"},
		{"около 60 дронов", 60, model.Approx, "около 60"},
		{"близько 20 вибухів", 20, model.Approx, "близько 20"},
		{"приблизно 100 людей", 100, model.Approx, "приблизно 100"},
		{"порядка 70 ракет", 70, model.Approx, "порядка 70"},
		{"до 40 дронов", 40, model.AtMost, "до 40"},
		{"выросло до 14", 14, model.Exact, "до 14"},
		{"десятки дронов", 20, model.AtLeast, "десятки"},
		{"кілька десятків ракет", 30, model.AtLeast, "кілька десятків"},
		{"сотни беспилотников", 200, model.AtLeast, "сотни"},
		{"менее 10 ракет", 10, model.LessThan, "менее 10"},
		{"50+ дронов", 50, model.MoreThan, "50+"},
	}
	for _, tt := range tests {
		n, text, ok := cyrQuantity(tt.in)
		if !ok || n.Value != tt.value || n.Qualifier != tt.q || text != tt.text {
			t.Errorf("cyrNumberAt(%q) = %v %s %q (ok %v), want %v %s %q", tt.in, n.Value, n.Qualifier, text, ok, tt.value, tt.q, tt.text)
		}
	}
	for _, in := range []string{"в 14:30", "беспилотники"} {
		if n, text, ok := cyrQuantity(in); ok {
			t.Errorf("cyrNumberAt(%q) = %v %q, want no number", in, n.Value, text)
		}
	}
}

// FuzzCyrNumber checks that the Cyrillic number reader never panics, and
// that what it reads is a valid, non-negative count over a non-empty span
// inside its input.
func FuzzCyrNumber(f *testing.F) {
	for _, s := range []string{"не менее 47 человек", "около 1 200", "десятки дронов", "двести пятьдесят", "понад 67 тис.",
		"до 10", "1,5 млн", "50+", "сто двадцять три", "п'ятеро", "кілька десятків", "9 99 999", "тысяча"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		toks := cyrTokens(s, 0, len(s))
		for i := range toks {
			n, ok := cyrNumberAt(toks, i)
			if !ok {
				continue
			}
			if !n.Qualifier.Valid() || n.Value < 0 || n.I != i || n.J <= n.I || n.J > len(toks) {
				t.Fatalf("cyrNumberAt(%q, %d) = %+v: invalid", s, i, n)
			}
		}
	})
}
