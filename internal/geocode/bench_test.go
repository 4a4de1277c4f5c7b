package geocode

import (
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// benchText is a report-like paragraph written for the benchmark.
const benchText = `Overnight, Russian forces launched 120 drones and six missiles at Ukraine. Air defence
worked over Kyiv, Kharkiv and the Sumy region; debris fell in Kyivska oblast and near Bila Tserkva.
In the Donetsk region, shelling hit Kostiantynivka, Druzhkivka and Pokrovsk. У Харкові пошкоджено
школу, а на Дніпропетровщині загинула жінка. Governor Vyacheslav Gladkov said the Belgorod region
was shelled, while drones also targeted Engels airfield and the port of Novorossiysk. `

func BenchmarkFind(b *testing.B) {
	g := defaultGeocoder(b)
	text := strings.Repeat(benchText, 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if len(g.Find(text)) == 0 {
			b.Fatal("no mentions")
		}
	}
	b.ReportMetric(float64(len(text))*float64(b.N)/1e6/(cpuTime()-cpu0).Seconds(), "MB/cpu-s")
}

// cpuTime is the process's user plus system CPU time, which a machine
// shared with other work inflates far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkCandidates(b *testing.B) {
	g := defaultGeocoder(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = g.Candidates("Kostiantynivka", "Shelling near Druzhkivka and Kramatorsk.")
	}
}

// FuzzFind checks that Find never panics and that every mention's offsets
// lie within the text, on rune boundaries, and agree with each other.
func FuzzFind(f *testing.F) {
	for _, s := range []string{benchText, "Kiev's", "Київ—Kyiv", "St. Petersburg", "Kharkiv and Sumy regions",
		"Над Харковом", "\xffKyiv\xfe", "Kharkiv region of", "regions of Kyiv", "Zaporizhzhia NPP"} {
		f.Add(s)
	}
	g := defaultGeocoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		ri := model.NewRuneIndex(text)
		for _, m := range g.Find(text) {
			if m.ByteStart < 0 || m.ByteEnd > len(text) || m.ByteStart >= m.ByteEnd {
				t.Fatalf("mention %q span [%d,%d) outside text of %d bytes", m.Text, m.ByteStart, m.ByteEnd, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.ByteStart]) || (m.ByteEnd < len(text) && !utf8.RuneStart(text[m.ByteEnd]))) {
				t.Fatalf("mention %q span [%d,%d) not on rune boundaries", m.Text, m.ByteStart, m.ByteEnd)
			}
			if text[m.ByteStart:m.ByteEnd] != m.Text || m.Location.MatchedText != m.Text {
				t.Fatalf("mention text %q / %q, span has %q", m.Text, m.Location.MatchedText, text[m.ByteStart:m.ByteEnd])
			}
			if m.Location.Start != ri.Char(m.ByteStart) || m.Location.End != ri.Char(m.ByteEnd) {
				t.Fatalf("mention %q chars [%d,%d), want [%d,%d)", m.Text, m.Location.Start, m.Location.End,
					ri.Char(m.ByteStart), ri.Char(m.ByteEnd))
			}
			if !m.Location.Resolved || m.Location.Confidence <= 0 || m.Location.Confidence > 1 {
				t.Fatalf("mention %q: resolved=%v confidence=%v", m.Text, m.Location.Resolved, m.Location.Confidence)
			}
		}
	})
}
