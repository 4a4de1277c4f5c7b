package merge

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func TestDateSpan(t *testing.T) {
	tests := []struct {
		name     string
		d        model.DateRange
		ok, fine bool
		days     int // hi - lo
		yearless bool
	}{
		{"day", model.DateRange{Start: "2025-07-03", Precision: model.Day}, true, true, 0, false},
		{"overnight", model.DateRange{Start: "2025-07-03", End: "2025-07-04", Precision: model.Day}, true, true, 1, false},
		{"month", model.DateRange{Start: "2025-07", Precision: model.Month}, true, false, 30, false},
		{"year", model.DateRange{Start: "2025", Precision: model.Year}, true, false, 364, false},
		{"yearless", model.DateRange{Start: "--07-03", Precision: model.Day}, true, true, 0, true},
		{"reversed", model.DateRange{Start: "2025-07-04", End: "2025-07-03"}, true, true, 1, false},
		{"timestamp", model.DateRange{Start: "2025-07-03T22:00:00Z"}, true, true, 0, false},
		{"long day range is coarse", model.DateRange{Start: "2025-07-01", End: "2025-07-09", Precision: model.Day}, true, false, 8, false},
		{"empty", model.DateRange{}, false, false, 0, false},
		{"garbage", model.DateRange{Start: "last Tuesday"}, false, false, 0, false},
		{"mixed year and yearless", model.DateRange{Start: "--07-03", End: "2025-07-04"}, false, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := dateSpan(tt.d)
			if s.ok != tt.ok || (s.ok && (s.fine != tt.fine || s.hi-s.lo != tt.days || s.yearless != tt.yearless)) {
				t.Fatalf("dateSpan(%+v) = %+v, want ok %v fine %v span %d yearless %v", tt.d, s, tt.ok, tt.fine, tt.days, tt.yearless)
			}
		})
	}
}

func FuzzDateSpan(f *testing.F) {
	for _, s := range []string{"2025-07-03", "--07-03", "2025-07", "2025", "", "2025-13-45", "9999-12-31T23:59"} {
		f.Add(s, "2025-07-04")
	}
	f.Fuzz(func(t *testing.T, start, end string) {
		s := dateSpan(model.DateRange{Start: start, End: end})
		if s.ok && s.lo > s.hi {
			t.Fatalf("dateSpan(%q, %q) = [%d, %d], want lo <= hi", start, end, s.lo, s.hi)
		}
		if s.ok {
			// A span always overlaps itself and renders back to a parseable day.
			if !s.overlaps(s) {
				t.Fatalf("span %+v does not overlap itself", s)
			}
			if back := dateSpan(model.DateRange{Start: formatDay(s.lo, s.yearless)}); !back.ok || back.lo != s.lo {
				t.Fatalf("formatDay(%d) = %q does not parse back", s.lo, formatDay(s.lo, s.yearless))
			}
		}
	})
}
