package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/fetch"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type visit struct {
	name string
	err  error
	size int
}

func collect(t *testing.T, args []string, opts Options) []visit {
	t.Helper()
	var got []visit
	err := Walk(context.Background(), args, opts, func(in Input, err error) error {
		got = append(got, visit{in.Name, err, len(in.Raw)})
		return nil
	})
	if err != nil {
		t.Fatalf("Walk(%v) = %v", args, err)
	}
	return got
}

func TestWalkDirectory(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"b.txt":            "bravo",
		"a/z.html":         "<p>zulu</p>",
		"a/m.jsonl":        `{"text":"mike"}`,
		".hidden.txt":      "secret",
		".git/config":      "[core]",
		"c/.cache/x.txt":   "cached",
		"c/big.txt":        strings.Repeat("x", 200),
		"c/d/e/report.txt": "deep",
	})
	got := collect(t, []string{dir, filepath.Join(dir, "missing.txt")}, Options{MaxBytes: 100})
	want := []string{"a/m.jsonl", "a/z.html", "b.txt", "c/big.txt", "c/d/e/report.txt", "missing.txt"}
	if len(got) != len(want) {
		t.Fatalf("Walk visited %v, want %v", got, want)
	}
	for i, v := range got {
		rel, _ := filepath.Rel(dir, v.name)
		if rel != want[i] {
			t.Errorf("Walk visit %d = %s, want %s", i, rel, want[i])
		}
	}
	if !errors.Is(got[3].err, ErrTooLarge) {
		t.Errorf("big file error = %v, want ErrTooLarge", got[3].err)
	}
	if !errors.Is(got[5].err, os.ErrNotExist) {
		t.Errorf("missing file error = %v, want not-exist", got[5].err)
	}
	if got[2].err != nil || got[2].size != 5 {
		t.Errorf("b.txt visit = %+v", got[2])
	}
	files, size := Count([]string{dir, "-", "https://example.org/x"})
	if files != 7 || size != int64(len("bravo")+len("<p>zulu</p>")+len(`{"text":"mike"}`)+200+len("deep")) {
		t.Errorf("Count = %d files, %d bytes", files, size)
	}
}

func TestWalkStopsWhenFnFails(t *testing.T) {
	dir := writeTree(t, map[string]string{"1.txt": "one", "2.txt": "two", "3.txt": "three"})
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(Input, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Fatalf("Walk = %v after %d inputs, want stop after 2", err, n)
	}
}

func TestWalkStdin(t *testing.T) {
	got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader("piped report text")})
	if len(got) != 1 || got[0].name != "-" || got[0].err != nil || got[0].size != 17 {
		t.Fatalf("Walk(-) = %+v", got)
	}
	got = collect(t, []string{"-"}, Options{MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("y", 50))})
	if len(got) != 1 || !errors.Is(got[0].err, ErrTooLarge) {
		t.Fatalf("Walk(-) over limit = %+v, want ErrTooLarge", got)
	}
}

func TestWalkURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Local</title><item><guid>g1</guid><title>Bridge closed</title><description>The bridge was closed after an overnight strike.</description></item></channel></rss>`)
	}))
	defer srv.Close()

	// Loopback is refused unless the caller allows private addresses.
	got := collect(t, []string{srv.URL + "/feed"}, Options{})
	if len(got) != 1 || !errors.Is(got[0].err, fetch.ErrForbiddenAddress) {
		t.Fatalf("Walk(loopback URL) = %+v, want ErrForbiddenAddress", got)
	}

	var in Input
	err := Walk(context.Background(), []string{srv.URL + "/feed"}, Options{Fetch: fetch.Options{AllowPrivate: true}}, func(i Input, err error) error {
		in = i
		return err
	})
	if err != nil {
		t.Fatalf("Walk(URL) = %v", err)
	}
	docs, errs := Decode(context.Background(), in, Options{})
	if len(errs) != 0 || len(docs) != 1 || docs[0].Publisher != "Local" || docs[0].Source != srv.URL+"/feed" {
		t.Fatalf("Decode(fetched feed) = %+v, %v", docs, errs)
	}
}
