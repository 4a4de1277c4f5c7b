package merge

import (
	"context"
	"os"
	"strconv"
	"testing"
)

func TestBenchSmall(t *testing.T) {
	res, err := Bench(context.Background(), t.TempDir(), 600, 64)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
	if q := res.Quality; q.PairPrecision < 0.95 || q.PairRecall < 0.95 {
		t.Fatalf("Bench(600) quality = %+v, want pairwise precision and recall >= 0.95", q)
	}
}

// TestBenchN runs Bench at the size in SITREP_MERGE_BENCH_N.
func TestBenchN(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("SITREP_MERGE_BENCH_N"))
	if err != nil || n <= 0 {
		t.Skip("set SITREP_MERGE_BENCH_N to run")
	}
	res, err := Bench(context.Background(), t.TempDir(), n, 256)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
}
