// Package demo bundles sitrep's demo corpus: invented reports of a few
// nights of war, written for sitrep in several formats (HTML pages, RSS and
// Atom feeds, Telegram channel exports, JSONL and plain text). The same
// corpus is the test set for merging: corpus/expected.json records which
// document reports which event.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:embed corpus
var corpus embed.FS

// FS returns the corpus as a file system rooted at the corpus folder.
func FS() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the folder is embedded at build time; it cannot be missing
	}
	return sub
}

// IsDocument reports whether a corpus path is an input document rather than
// the corpus's own notes and ground truth.
func IsDocument(path string) bool {
	base := filepath.Base(path)
	return base != "expected.json" && !strings.EqualFold(base, "README.md") && !strings.HasPrefix(base, ".")
}

// WriteTo copies the corpus's documents into dir, keeping their folders,
// and returns how many files it wrote.
func WriteTo(dir string) (int, error) {
	n := 0
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !IsDocument(path) {
			return nil
		}
		data, err := fs.ReadFile(FS(), path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("demo: write corpus: %w", err)
	}
	return n, nil
}
