package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
)

// Stdin is the argument that names standard input.
const Stdin = "-"

// IsURL reports whether arg is an http(s) URL rather than a path.
func IsURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// Walk expands args — files, directories (recursively, in lexical order,
// skipping hidden files and directories), http(s) URLs fetched with
// internal/fetch, and "-" for standard input — and calls fn once per input,
// in a stable order. A failure to read one input is passed to fn as
// (Input{Name: …}, err) with err an *Error; the walk goes on unless fn
// returns an error, which stops it and is returned. Walk also stops when
// ctx is done.
func Walk(ctx context.Context, args []string, opts Options, fn func(in Input, err error) error) error {
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case arg == Stdin:
			err = emit(fn, readStdin(opts))
		case IsURL(arg):
			err = emit(fn, fetchURL(ctx, arg, opts))
		default:
			err = walkPath(ctx, arg, opts, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type result struct {
	in  Input
	err error
}

func emit(fn func(Input, error) error, r result) error { return fn(r.in, r.err) }

func readStdin(opts Options) result {
	in := Input{Name: Stdin, FetchedAt: time.Now().UTC()}
	var r io.Reader = os.Stdin
	if opts.Stdin != nil {
		r = opts.Stdin
	}
	raw, err := io.ReadAll(io.LimitReader(r, opts.maxBytes()+1))
	if err != nil {
		return result{in, wrap(Stdin, "", nil, err)}
	}
	if int64(len(raw)) > opts.maxBytes() {
		return result{in, wrap(Stdin, "", ErrTooLarge, fmt.Errorf("over %d bytes", opts.maxBytes()))}
	}
	in.Raw = raw
	return result{in, nil}
}

func fetchURL(ctx context.Context, u string, opts Options) result {
	in := Input{Name: u, URL: u, FetchedAt: time.Now().UTC()}
	fo := opts.Fetch
	if fo.MaxBytes <= 0 || fo.MaxBytes > opts.maxBytes() {
		fo.MaxBytes = opts.maxBytes()
	}
	resp, err := fetch.Get(ctx, u, fo, nil)
	if err != nil {
		if errors.Is(err, fetch.ErrTooLarge) {
			return result{in, wrap(u, "", ErrTooLarge, err)}
		}
		return result{in, wrap(u, "", nil, err)}
	}
	in.URL, in.Raw, in.ContentType = resp.FinalURL, resp.Body, resp.ContentType
	return result{in, nil}
}

func walkPath(ctx context.Context, root string, opts Options, fn func(Input, error) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return fn(Input{Name: root}, wrap(root, "", nil, err))
	}
	if !info.IsDir() {
		return emit(fn, readFile(root, info, opts))
	}
	for _, e := range listFiles(root) {
		if err := ctx.Err(); err != nil {
			return err
		}
		var r result
		if e.err != nil {
			r = result{Input{Name: e.path}, wrap(e.path, "", nil, e.err)}
		} else if info, err := os.Stat(e.path); err != nil {
			r = result{Input{Name: e.path}, wrap(e.path, "", nil, err)}
		} else {
			r = readFile(e.path, info, opts)
		}
		if err := emit(fn, r); err != nil {
			return err
		}
	}
	return nil
}

type entry struct {
	path string
	err  error
}

// listFiles returns the regular, non-hidden files under root in lexical
// order, with an entry carrying the error for each unreadable directory.
func listFiles(root string) []entry {
	var files []entry
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, entry{p, err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || (d.Type()&fs.ModeSymlink != 0 && isRegular(p)) {
			files = append(files, entry{path: p})
		}
		return nil
	})
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files
}

func isRegular(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

func readFile(p string, info os.FileInfo, opts Options) result {
	in := Input{Name: p, FetchedAt: time.Now().UTC()}
	if info.Size() > opts.maxBytes() {
		return result{in, wrap(p, "", ErrTooLarge, fmt.Errorf("%d bytes > limit %d", info.Size(), opts.maxBytes()))}
	}
	raw, err := ReadFile(p, opts.maxBytes())
	if err != nil {
		return result{in, wrap(p, "", nil, err)}
	}
	in.Raw = raw
	return result{in, nil}
}

// ReadFile reads the file at path, failing with ErrTooLarge past max bytes
// however large the file has become since it was last looked at (a file
// still being written, or replaced, between a size check and the read).
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return raw, nil
}

// Count returns the number of inputs args expand to and their total size,
// from stat calls only, for a progress bar. URLs and stdin count as one
// input of unknown (zero) size.
func Count(args []string) (files int, bytes int64) {
	for _, arg := range args {
		if arg == Stdin || IsURL(arg) {
			files++
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			files++
			continue
		}
		if !info.IsDir() {
			files++
			bytes += info.Size()
			continue
		}
		for _, e := range listFiles(arg) {
			files++
			if info, err := os.Stat(e.path); err == nil {
				bytes += info.Size()
			}
		}
	}
	return files, bytes
}
