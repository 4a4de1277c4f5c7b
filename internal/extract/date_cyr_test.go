package extract

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestCyrDates(t *testing.T) {
	pub := time.Date(2026, 10, 19, 7, 45, 0, 0, kyiv) // a Monday
	r := newResolver(&pub)
	tests := []struct {
		in, start, end, basis string
	}{
		{"в ночь на 19 октября", "2026-10-18", "2026-10-19", "night"},
		{"у ніч на 19 жовтня", "2026-10-18", "2026-10-19", "night"},
		{"в ніч проти 18 жовтня", "2026-10-17", "2026-10-18", "night"},
		{"в ночь с 17 на 18 октября", "2026-10-17", "2026-10-18", "night"},
		{"в ночь на воскресенье", "2026-10-17", "2026-10-18", "night"},
		{"минулої ночі", "2026-10-18", "2026-10-19", "overnight"},
		{"этой ночью", "2026-10-18", "2026-10-19", "overnight"},
		{"в течение прошедшей ночи", "2026-10-18", "2026-10-19", "overnight"},
		{"вночі", "2026-10-18", "2026-10-19", "overnight"},
		{"за прошедшие сутки", "2026-10-18", "2026-10-19", "past_day"},
		{"за минулу добу", "2026-10-18", "2026-10-19", "past_day"},
		{"вчера", "2026-10-18", "2026-10-18", "yesterday"},
		{"учора", "2026-10-18", "2026-10-18", "yesterday"},
		{"сегодня", "2026-10-19", "2026-10-19", "today"},
		{"сьогодні", "2026-10-19", "2026-10-19", "today"},
		{"в пятницу", "2026-10-16", "2026-10-16", "weekday"},
		{"у суботу", "2026-10-17", "2026-10-17", "weekday"},
		{"19 октября", "2026-10-19", "2026-10-19", "explicit"},
		{"12 грудня", "2025-12-12", "2025-12-12", "explicit"},
		{"3 мая 2024 года", "2024-05-03", "2024-05-03", "explicit"},
		{"17-18 жовтня", "2026-10-17", "2026-10-18", "explicit"},
		{"в октябре", "", "", ""},
		{"15.10.2026", "2026-10-15", "2026-10-15", "explicit"},
		{"с 20:00 18 октября до 07:00 19 октября", "2026-10-18", "2026-10-19", "explicit"},
		{"з 18:00 17 жовтня до 06:00 18 жовтня", "2026-10-17", "2026-10-18", "explicit"},
	}
	for _, tt := range tests {
		toks := cyrTokens(tt.in, 0, len(tt.in))
		ds := r.cyrFindDates(toks)
		if tt.start == "" {
			if len(ds) > 0 {
				t.Errorf("cyrFindDates(%q) = %+v, want none", tt.in, ds[0].DateRange)
			}
			continue
		}
		if len(ds) == 0 || ds[0].Start != tt.start || ds[0].End != tt.end || ds[0].Basis != tt.basis {
			t.Errorf("cyrFindDates(%q) = %+v, want %s..%s (%s)", tt.in, ds, tt.start, tt.end, tt.basis)
		}
	}
}

// FuzzCyrDates checks that the Cyrillic date reader never panics and
// gives ranges whose start is not after their end.
func FuzzCyrDates(f *testing.F) {
	for _, s := range []string{"в ночь на 19 октября", "у ніч на суботу", "31 лютого", "в ночь с 30 на 31 апреля", "29.02.2025", "минулої ночі"} {
		f.Add(s)
	}
	pub := time.Date(2026, 10, 19, 7, 45, 0, 0, kyiv)
	r := newResolver(&pub)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, d := range r.cyrFindDates(cyrTokens(s, 0, len(s))) {
			if d.Start > d.End || d.I >= d.J {
				t.Fatalf("cyrFindDates(%q) = %+v: start after end", s, d)
			}
		}
	})
}
