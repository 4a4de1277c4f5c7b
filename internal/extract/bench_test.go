package extract

import (
	"context"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/synth"
)

// BenchmarkReports measures extraction throughput (MB/s of clean text,
// geocoding included) over a fixed synthetic corpus. Run on one core:
//
//	go test -run XXX -bench Reports -benchtime 2x -cpu 1 ./internal/extract
func BenchmarkReports(b *testing.B) {
	g := synth.New(7)
	docs := make([]model.Document, 500)
	size := 0
	for i := range docs {
		d := g.Next()
		p := d.Published
		docs[i] = model.Document{ID: d.ID, Text: d.Text, Published: &p}
		size += len(d.Text)
	}
	x := extractor(b)
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for k := range docs {
			reps, err := x.Reports(ctx, &docs[k])
			if err != nil {
				b.Fatal(err)
			}
			n += len(reps)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N)/float64(len(docs)), "reports/doc")
}
