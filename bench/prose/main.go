// Command prose compares sitrep's report extractor with the generic
// named-entity recogniser of github.com/jdkato/prose/v2 on the same
// generated corpus, in one run, on one core, and prints the throughput of
// each and their ratio.
//
//	cd bench/prose && go run . -docs 300
//
// It is a separate module so the product never depends on prose.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/sitrep-osint/sitrep/internal/extract"
	"github.com/sitrep-osint/sitrep/internal/geocode"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/synth"
)

func main() {
	n := flag.Int("docs", 300, "documents to generate")
	seed := flag.Uint64("seed", 7, "corpus seed")
	rounds := flag.Int("rounds", 3, "passes of sitrep over the corpus (best is kept)")
	perDoc := flag.Bool("prose-per-doc", false, "also time prose with one NewDocument per document (slow: it reloads its model each time)")
	flag.Parse()
	if err := run(*n, *seed, *rounds, *perDoc); err != nil {
		fmt.Fprintln(os.Stderr, "prose:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, rounds int, perDoc bool) error {
	runtime.GOMAXPROCS(1)
	g := synth.New(seed)
	if n < 1 {
		return fmt.Errorf("need at least one document")
	}
	docs := make([]model.Document, n)
	size := 0
	for i := range docs {
		d := g.Next()
		p := d.Published
		docs[i] = model.Document{ID: d.ID, Text: d.Text, Published: &p}
		size += len(d.Text)
	}
	mb := float64(size) / 1e6

	// prose loads its tagging and NER models inside every NewDocument
	// call; to give it its best case the corpus goes in as one document,
	// and the cost of one model load (an empty document) is subtracted.
	cpuLoad := cpuTime()
	if _, err := prose.NewDocument("."); err != nil {
		return fmt.Errorf("prose: %w", err)
	}
	load := cpuTime() - cpuLoad
	all := make([]byte, 0, size+2*n)
	for _, d := range docs {
		all = append(all, d.Text...)
		all = append(all, '\n', '\n')
	}
	start, cpu0 := time.Now(), cpuTime()
	doc, err := prose.NewDocument(string(all), prose.WithSegmentation(false))
	if err != nil {
		return fmt.Errorf("prose: %w", err)
	}
	entities := len(doc.Entities())
	proseWall, proseCPU := time.Since(start), cpuTime()-cpu0-load
	if perDoc {
		start, cpu0 = time.Now(), cpuTime()
		for _, d := range docs {
			if _, err := prose.NewDocument(d.Text, prose.WithSegmentation(false)); err != nil {
				return fmt.Errorf("prose: %w", err)
			}
		}
		fmt.Printf("prose/v2 one call per document: wall %v cpu %v\n", time.Since(start).Round(time.Millisecond), (cpuTime() - cpu0).Round(time.Millisecond))
	}

	geo, err := geocode.Default()
	if err != nil {
		return err
	}
	x := extract.New(geo)
	ctx := context.Background()
	if _, err := x.Reports(ctx, &docs[0]); err != nil { // load the gazetteer outside the timing
		return err
	}
	var sitrepWall, sitrepCPU time.Duration
	var reports, figures, places int
	for r := 0; r < rounds; r++ {
		reports, figures, places = 0, 0, 0
		start, cpu0 := time.Now(), cpuTime()
		for i := range docs {
			reps, err := x.Reports(ctx, &docs[i])
			if err != nil {
				return err
			}
			reports += len(reps)
			for _, rep := range reps {
				places += len(rep.Locations)
				for _, f := range rep.Facts {
					if f.Field != "attacker" && len(f.Field) > 0 && f.Field[0] != 'l' {
						figures++
					}
				}
			}
		}
		w, c := time.Since(start), cpuTime()-cpu0
		if r == 0 || c < sitrepCPU {
			sitrepWall, sitrepCPU = w, c
		}
	}

	fmt.Printf("corpus: %d documents, %.2f MB (synth seed %d)\n", n, mb, seed)
	fmt.Printf("prose/v2 NER:   wall %8v  cpu %8v  %7.3f MB/s (cpu)  %d entities (one call, model load of %v excluded)\n",
		proseWall.Round(time.Millisecond), proseCPU.Round(time.Millisecond), mb/proseCPU.Seconds(), entities, load.Round(time.Millisecond))
	fmt.Printf("sitrep extract: wall %8v  cpu %8v  %7.3f MB/s (cpu)  %d reports, %d located places, %d figures and dates\n",
		sitrepWall.Round(time.Millisecond), sitrepCPU.Round(time.Millisecond), mb/sitrepCPU.Seconds(), reports, places, figures)
	fmt.Printf("ratio (prose cpu / sitrep cpu): %.1fx\n", proseCPU.Seconds()/sitrepCPU.Seconds())
	return nil
}
