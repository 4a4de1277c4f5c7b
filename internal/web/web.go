package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// CSP is the Content-Security-Policy for every UI response: scripts, styles
// and data come only from this server, images also from data: URLs (Leaflet
// and uPlot use none from elsewhere). No inline script or style is allowed,
// so the UI has none.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

//go:embed static
var embedded embed.FS

// Static returns the UI's files, rooted at the static directory
// (index.html, app.js, vendor/…), for callers that want to list or
// check them.
func Static() fs.FS {
	sub, err := fs.Sub(embedded, "static")
	if err != nil {
		panic("web: static directory missing from embed: " + err.Error()) // cannot happen: the embed pattern names it
	}
	return sub
}

// contentTypes maps the extensions the UI ships to exact types, so no
// response depends on the host's MIME database or on sniffing.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".md":   "text/plain; charset=utf-8",
	".gz":   "application/gzip",
	"":      "text/plain; charset=utf-8", // LICENSE files
}

// asset is one embedded file, with its ETag and a lazily built gzip copy.
type asset struct {
	name, ctype, etag string
	body              []byte
	once              sync.Once
	gz                []byte
}

func (a *asset) gzipped() []byte {
	a.once.Do(func() {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // level is valid, cannot fail
		w.Write(a.body)                                       // writes to a bytes.Buffer do not fail
		w.Close()
		if b.Len() < len(a.body) {
			a.gz = b.Bytes()
		}
	})
	return a.gz
}

// Handler returns the UI handler. It answers GET and HEAD for "/" (the
// page, whatever the query string: filters live there) and "/assets/NAME";
// anything else is 404.
func Handler() http.Handler {
	assets := map[string]*asset{}
	err := fs.WalkDir(Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ctype, ok := contentTypes[path.Ext(p)]
		if !ok {
			return nil // not something the UI serves
		}
		body, err := fs.ReadFile(Static(), p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		a := &asset{name: p, ctype: ctype, body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		// A large file may ship pre-compressed beside it (basemap.json.gz,
		// written by tools/basemap), so no request pays for compressing it.
		if gz, err := fs.ReadFile(Static(), p+".gz"); err == nil {
			a.once.Do(func() { a.gz = gz })
		}
		assets[p] = a
		return nil
	})
	if err != nil {
		panic("web: walk embedded files: " + err.Error()) // embedded data is fixed at build time
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var name string
		switch {
		case r.URL.Path == "/":
			name = "index.html"
		case strings.HasPrefix(r.URL.Path, "/assets/"):
			name = strings.TrimPrefix(r.URL.Path, "/assets/")
		}
		a := assets[name]
		if a == nil {
			http.NotFound(w, r)
			return
		}
		serve(w, r, a)
	})
}

func serve(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", CSP)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Vary", "Accept-Encoding")
	// Vendored files sit under versioned names and never change inside a
	// build; the app's own files are revalidated by ETag on every load, so a
	// new binary is picked up at once and an unchanged one costs a 304.
	if strings.HasPrefix(a.name, "vendor/") {
		h.Set("Cache-Control", "public, max-age=86400")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	body, etag := a.body, a.etag
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && r.Header.Get("Range") == "" {
		if gz := a.gzipped(); gz != nil {
			body, etag = gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
