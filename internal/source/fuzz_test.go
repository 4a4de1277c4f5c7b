package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// FuzzDecode feeds arbitrary bytes under several names through detection
// and every reader. Decode must not panic, every document must carry
// valid, non-empty clean text whose ID matches it, and every error must be
// a *source.Error.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"news_page.html", "feed_rss.xml", "feed_atom.xml", "telegram/result.json", "records.jsonl", "cp1251.txt"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b, name)
		}
	}
	f.Add([]byte(`{"name":"c","type":"public_channel","messages":[{"id":1,"text":["a",{"type":"bold","text":"b"}]}]}`), "result.json")
	f.Add([]byte("[{\"text\":\"x\"},"), "a.json")
	f.Add([]byte("\xff\xfe\x00"), "u.txt")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		docs, errs := Decode(context.Background(), Input{Name: name, Raw: raw, FetchedAt: time.Unix(0, 0)}, Options{})
		for _, d := range docs {
			if d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("Decode(%q) returned text %q", name, d.Text)
			}
			if d.ID != model.DocumentID(d.Text) {
				t.Fatalf("Decode(%q) ID does not match text", name)
			}
		}
		for _, err := range errs {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("Decode(%q) error %v is not *source.Error", name, err)
			}
		}
		if len(docs) == 0 && len(errs) == 0 {
			t.Fatalf("Decode(%q) returned neither documents nor errors", name)
		}
	})
}

func benchDecode(b *testing.B, name string, raw []byte) {
	b.Helper()
	b.SetBytes(int64(len(raw)))
	ctx := context.Background()
	docs := 0
	cpu0 := cpuTime()
	for b.Loop() {
		d, errs := Decode(ctx, Input{Name: name, Raw: raw}, Options{})
		if len(errs) != 0 {
			b.Fatal(errs)
		}
		docs += len(d)
	}
	// On a shared machine wall time overstates the cost; CPU time per
	// document (user+system of this process) is the steadier figure.
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
	if cpu > 0 {
		b.ReportMetric(float64(docs)/cpu, "docs/cpu-s")
		b.ReportMetric(float64(len(raw))*float64(b.N)/cpu/1e6, "MB/cpu-s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkDecodeHTML(b *testing.B) {
	raw, err := os.ReadFile("testdata/news_page.html")
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, "news_page.html", raw)
}

func BenchmarkDecodeText(b *testing.B) {
	para := "Air defence units reported shooting down most of the drones launched overnight at the region, the governor said on Tuesday morning, adding that debris had damaged two houses and a school.\n\n"
	raw := []byte("Overnight drone attack on the region\n\n")
	for len(raw) < 4000 {
		raw = append(raw, para...)
	}
	benchDecode(b, "report.txt", raw)
}
