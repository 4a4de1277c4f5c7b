package extract

import (
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	// Sunday 2 March 2025, 09:00 in Kyiv.
	pub := time.Date(2025, 3, 2, 9, 0, 0, 0, kyiv)
	// Late evening UTC that is already the next day in Kyiv.
	lateUTC := time.Date(2025, 3, 1, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name, in   string
		pub        *time.Time
		start, end string
		basis      string
	}{
		{"month day", "on February 27 Russia struck", &pub, "2025-02-27", "2025-02-27", "explicit"},
		{"day month", "on 27 February", &pub, "2025-02-27", "2025-02-27", "explicit"},
		{"ordinal", "on the 27th of February", &pub, "2025-02-27", "2025-02-27", "explicit"},
		{"with year", "June 7, 2024", &pub, "2024-06-07", "2024-06-07", "explicit"},
		{"day month year", "7 June 2024", &pub, "2024-06-07", "2024-06-07", "explicit"},
		{"future month is last year", "on December 30", &pub, "2024-12-30", "2024-12-30", "explicit"},
		{"iso", "reported 2025-01-15", &pub, "2025-01-15", "2025-01-15", "explicit"},
		{"night of", "on the night of March 1", &pub, "2025-02-28", "2025-03-01", "night"},
		{"night of range", "the night of 1-2 March", &pub, "2025-03-01", "2025-03-02", "night"},
		{"night of to", "the night of March 1 to 2", &pub, "2025-03-01", "2025-03-02", "night"},
		{"overnight into", "overnight into March 2", &pub, "2025-03-01", "2025-03-02", "night"},
		{"overnight into weekday", "struck overnight into Saturday", &pub, "2025-02-28", "2025-03-01", "night"},
		{"night to weekday", "on the night to Saturday", &pub, "2025-02-28", "2025-03-01", "night"},
		{"overnight into weekday a week back", "overnight into Monday", &pub, "2025-02-23", "2025-02-24", "night"},
		{"weekday same day", "on Sunday", &pub, "2025-03-02", "2025-03-02", "weekday"},
		{"weekday before", "on Friday", &pub, "2025-02-28", "2025-02-28", "weekday"},
		{"weekday possessive", "Tuesday's strike", &pub, "2025-02-25", "2025-02-25", "weekday"},
		{"weekday night", "on Saturday night", &pub, "2025-03-01", "2025-03-02", "weekday"},
		{"yesterday", "yesterday", &pub, "2025-03-01", "2025-03-01", "yesterday"},
		{"today", "earlier today", &pub, "2025-03-02", "2025-03-02", "today"},
		{"overnight", "attacked overnight", &pub, "2025-03-01", "2025-03-02", "overnight"},
		{"last night", "last night", &pub, "2025-03-01", "2025-03-02", "overnight"},
		{"past 24 hours", "over the past 24 hours", &pub, "2025-03-01", "2025-03-02", "past_day"},
		{"past day", "air defences in the past day", &pub, "2025-03-01", "2025-03-02", "past_day"},
		{"kyiv time", "overnight", &lateUTC, "2025-03-01", "2025-03-02", "overnight"},
		{"no year known", "on the night of March 12", nil, "--03-11", "--03-12", "night"},
		{"no year explicit", "June 7", nil, "--06-07", "--06-07", "explicit"},
		{"month", "in August", &pub, "2024-08-01", "2024-08-31", "month"},
		{"month with year", "late February 2025", &pub, "2025-02-01", "2025-02-28", "month"},
		{"since is skipped", "the largest since February 24, and on March 1 again", &pub, "2025-03-01", "2025-03-01", "explicit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ResolveDate(tt.in, tt.pub)
			if !ok || got.Start != tt.start || got.End != tt.end || got.Basis != tt.basis {
				t.Errorf("ResolveDate(%q) = %+v, %v; want %s..%s (%s)", tt.in, got, ok, tt.start, tt.end, tt.basis)
			}
		})
	}
}

func TestResolveDateNone(t *testing.T) {
	pub := time.Date(2025, 3, 2, 9, 0, 0, 0, kyiv)
	for _, in := range []string{"yesterday", "on Sunday", "overnight"} {
		if got, ok := ResolveDate(in, nil); ok {
			t.Errorf("ResolveDate(%q, nil) = %+v, want none without a publication date", in, got)
		}
	}
	for _, in := range []string{"the May offensive may resume", "February 30", "since March 1", "32 June", "in 2022"} {
		if got, ok := ResolveDate(in, &pub); ok {
			t.Errorf("ResolveDate(%q) = %+v, want none", in, got)
		}
	}
}

// FuzzResolveDate checks that resolution never panics and that any date it
// returns is well formed, ordered and within two days for a range.
func FuzzResolveDate(f *testing.F) {
	for _, s := range []string{"on the night of March 12", "March 11-12", "Saturday night", "overnight", "7th of June 2024",
		"February 29", "31 April", "1-31 May", "yesterday", "2025-13-01"} {
		f.Add(s, int64(1740900000))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		p := time.Unix(unix%4e9, 0)
		got, ok := ResolveDate(s, &p)
		if !ok {
			return
		}
		parse := func(d string) time.Time {
			layout := time.DateOnly
			if len(d) == 7 && d[:2] == "--" {
				d, layout = "2000"+d[1:], time.DateOnly
			}
			v, err := time.Parse(layout, d)
			if err != nil {
				t.Fatalf("ResolveDate(%q) = %+v: bad day %q: %v", s, got, d, err)
			}
			return v
		}
		a, b := parse(got.Start), parse(got.End)
		if b.Before(a) && got.Start[0] != '-' {
			t.Fatalf("ResolveDate(%q) = %+v: end before start", s, got)
		}
		if b.Sub(a) > 31*24*time.Hour {
			t.Fatalf("ResolveDate(%q) = %+v: range too long", s, got)
		}
	})
}
