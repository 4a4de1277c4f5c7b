package source

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestDecodeConcurrent runs every fixture through Decode from several
// goroutines at once, as the ingest pipeline's workers do; run it with
// -race. Results must not depend on the interleaving.
func TestDecodeConcurrent(t *testing.T) {
	names := []string{"news_page.html", "blog_post.html", "feed_rss.xml", "feed_atom.xml", "telegram/result.json", "records.jsonl", "cp1251.txt"}
	raws := map[string][]byte{}
	want := map[string]int{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		raws[n] = b
		docs, _ := Decode(context.Background(), Input{Name: n, Raw: b}, Options{})
		want[n] = len(docs)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range len(names) * 2 {
				n := names[(i+w)%len(names)]
				docs, _ := Decode(context.Background(), Input{Name: n, Raw: raws[n]}, Options{})
				if len(docs) != want[n] {
					t.Errorf("concurrent Decode(%s) = %d docs, want %d", n, len(docs), want[n])
				}
			}
		}()
	}
	wg.Wait()
}
