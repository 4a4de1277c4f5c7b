package dedup

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"
)

// BenchResult is what Bench measured.
type BenchResult struct {
	Docs          int           `json:"docs"`
	Planted       int           `json:"planted_duplicates"`
	Found         int           `json:"found"`           // planted copies linked to their original
	FalseLinks    int           `json:"false_links"`     // originals wrongly marked as copies
	Recall        float64       `json:"recall"`          // Found / Planted
	Elapsed       time.Duration `json:"elapsed"`         // generating plus checking
	CheckTime     time.Duration `json:"check_time"`      // time inside Index.Check only
	DocsPerSecond float64       `json:"docs_per_second"` // Docs / Elapsed
	PeakHeapSys   uint64        `json:"peak_heap_sys_bytes"`
	PeakSys       uint64        `json:"peak_sys_bytes"`
}

// String renders r on one line for the CLI.
func (r BenchResult) String() string {
	return fmt.Sprintf("docs=%d elapsed=%s check=%s docs/s=%.0f peak_heap=%.0fMiB peak_sys=%.0fMiB planted=%d recall=%.4f false_links=%d",
		r.Docs, r.Elapsed.Round(time.Millisecond), r.CheckTime.Round(time.Millisecond), r.DocsPerSecond,
		float64(r.PeakHeapSys)/(1<<20), float64(r.PeakSys)/(1<<20), r.Planted, r.Recall, r.FalseLinks)
}

// DupShare is the share of generated documents Bench plants as copies.
const DupShare = 0.15

// Bench indexes n generated news-like documents of 120–320 words drawn from
// a 30,000-word vocabulary. DupShare of them are copies of an earlier
// original with about 3% of words replaced, deleted or inserted and a new
// opening line, as a reprint is. progress, if not nil, is called every
// 10,000 documents. Texts are regenerated from per-document seeds, so the
// generator itself holds no corpus in memory.
func Bench(ctx context.Context, n int, progress func(done int)) (BenchResult, error) {
	res := BenchResult{Docs: n}
	vocab := benchVocabulary(30000)
	ix := New(DefaultThreshold, n)
	origOf := make([]int32, 0, n) // -1 for an original, else the copied document
	var words []string
	var sb strings.Builder
	start := time.Now()
	var ms runtime.MemStats
	sample := func() {
		runtime.ReadMemStats(&ms)
		res.PeakHeapSys = max(res.PeakHeapSys, ms.HeapSys)
		res.PeakSys = max(res.PeakSys, ms.Sys)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		if i%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
			sample()
			if progress != nil && i > 0 {
				progress(i)
			}
		}
		src := int32(-1)
		if i > 10 && rng.Float64() < DupShare {
			// Copy an original: walk back from a random earlier document.
			j := rng.IntN(i)
			for origOf[j] >= 0 {
				j = int(origOf[j])
			}
			src = int32(j)
		}
		origOf = append(origOf, src)
		if src < 0 {
			words = benchWords(words[:0], vocab, uint64(i))
		} else {
			words = benchWords(words[:0], vocab, uint64(src))
			words = benchEdit(words, vocab, rand.New(rand.NewPCG(uint64(i), 7)))
			res.Planted++
		}
		sb.Reset()
		for k, w := range words {
			if k > 0 {
				if k%17 == 0 {
					sb.WriteString(". ")
				} else {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(w)
		}
		id := fmt.Sprintf("d%08d", i)
		t0 := time.Now()
		m := ix.Check(id, sb.String())
		res.CheckTime += time.Since(t0)
		switch {
		case src >= 0 && m.DuplicateOf == fmt.Sprintf("d%08d", src):
			res.Found++
		case src < 0 && m.DuplicateOf != "":
			res.FalseLinks++
		}
	}
	sample()
	res.Elapsed = time.Since(start)
	if res.Planted > 0 {
		res.Recall = float64(res.Found) / float64(res.Planted)
	}
	res.DocsPerSecond = float64(n) / res.Elapsed.Seconds()
	if progress != nil {
		progress(n)
	}
	return res, nil
}

// benchVocabulary makes n distinct pronounceable words.
func benchVocabulary(n int) []string {
	const cons, vows = "bcdfghklmnprstvz", "aeiou"
	rng := rand.New(rand.NewPCG(42, 42))
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		var b []byte
		for range 2 + rng.IntN(3) {
			b = append(b, cons[rng.IntN(len(cons))], vows[rng.IntN(len(vows))])
		}
		if w := string(b); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// benchWords appends the words of generated document seed: 120–320 words,
// skewed towards frequent vocabulary as natural text is.
func benchWords(dst []string, vocab []string, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 11))
	n := 120 + rng.IntN(200)
	for range n {
		// The product of two uniforms favours low ranks: a cheap Zipf-like skew.
		r := rng.Float64() * rng.Float64()
		dst = append(dst, vocab[int(r*float64(len(vocab)))])
	}
	return dst
}

// benchEdit makes a reprint: a new six-word opening and ~3% of words
// replaced, dropped or inserted.
func benchEdit(words []string, vocab []string, rng *rand.Rand) []string {
	out := make([]string, 0, len(words)+8)
	for range 6 {
		out = append(out, vocab[rng.IntN(len(vocab))])
	}
	for _, w := range words {
		switch p := rng.Float64(); {
		case p < 0.01: // replaced
			out = append(out, vocab[rng.IntN(len(vocab))])
		case p < 0.02: // dropped
		case p < 0.03: // word inserted after
			out = append(out, w, vocab[rng.IntN(len(vocab))])
		default:
			out = append(out, w)
		}
	}
	return out
}
