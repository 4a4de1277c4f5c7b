package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		ctype, cache       string
		contains           string
	}{
		{name: "page", method: "GET", path: "/", status: 200, ctype: "text/html; charset=utf-8", cache: "no-cache", contains: `<script type="module" src="/assets/app.js">`},
		{name: "page with filters", method: "GET", path: "/?type=attack&from=2026-10-01", status: 200, ctype: "text/html; charset=utf-8", contains: "<title>sitrep</title>"},
		{name: "module", method: "GET", path: "/assets/app.js", status: 200, ctype: "text/javascript; charset=utf-8", cache: "no-cache", contains: "import"},
		{name: "stylesheet", method: "GET", path: "/assets/style.css", status: 200, ctype: "text/css; charset=utf-8"},
		{name: "basemap", method: "GET", path: "/assets/basemap.json", status: 200, ctype: "application/json", contains: `"countries"`},
		{name: "vendored leaflet", method: "GET", path: "/assets/vendor/leaflet-1.9.4/leaflet.js", status: 200, ctype: "text/javascript; charset=utf-8", cache: "public, max-age=86400", contains: "Leaflet 1.9.4"},
		{name: "vendored licence", method: "GET", path: "/assets/vendor/uplot-1.6.32/LICENSE", status: 200, ctype: "text/plain; charset=utf-8", contains: "MIT"},
		{name: "image", method: "GET", path: "/assets/vendor/leaflet-1.9.4/images/layers.png", status: 200, ctype: "image/png"},
		{name: "head", method: "HEAD", path: "/assets/app.js", status: 200, ctype: "text/javascript; charset=utf-8"},
		{name: "missing asset", method: "GET", path: "/assets/nope.js", status: 404},
		{name: "escape attempt", method: "GET", path: "/assets/../web.go", status: 404},
		{name: "other path", method: "GET", path: "/event/abc", status: 404},
		{name: "post", method: "POST", path: "/", status: 405},
	}
	h := Handler()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != tt.status {
				t.Fatalf("%s %s: status = %d, want %d", tt.method, tt.path, res.StatusCode, tt.status)
			}
			if tt.status != 200 {
				return
			}
			if got := res.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("%s: Content-Type = %q, want %q", tt.path, got, tt.ctype)
			}
			if got := res.Header.Get("Content-Security-Policy"); got != CSP {
				t.Errorf("%s: CSP = %q, want %q", tt.path, got, CSP)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options = %q, want nosniff", tt.path, got)
			}
			if tt.cache != "" && res.Header.Get("Cache-Control") != tt.cache {
				t.Errorf("%s: Cache-Control = %q, want %q", tt.path, res.Header.Get("Cache-Control"), tt.cache)
			}
			if body := rec.Body.String(); tt.contains != "" && !strings.Contains(body, tt.contains) {
				t.Errorf("%s: body lacks %q", tt.path, tt.contains)
			}
		})
	}
}

func TestHandlerGzipAndETag(t *testing.T) {
	h := Handler()
	plain := httptest.NewRecorder()
	h.ServeHTTP(plain, httptest.NewRequest("GET", "/assets/basemap.json", nil))

	req := httptest.NewRequest("GET", "/assets/basemap.json", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	zipped := httptest.NewRecorder()
	h.ServeHTTP(zipped, req)
	if got := zipped.Header().Get("Content-Encoding"); got != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", got)
	}
	if zipped.Body.Len() >= plain.Body.Len()/2 {
		t.Errorf("gzip body %d bytes, plain %d: expected at least 2x smaller", zipped.Body.Len(), plain.Body.Len())
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, plain.Body.Bytes()) {
		t.Fatalf("gunzipped body differs from plain body (err %v)", err)
	}
	if zipped.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Error("gzip and plain responses share an ETag")
	}

	for _, r := range []*httptest.ResponseRecorder{plain, zipped} {
		req := httptest.NewRequest("GET", "/assets/basemap.json", nil)
		req.Header.Set("Accept-Encoding", r.Header().Get("Content-Encoding"))
		req.Header.Set("If-None-Match", r.Header().Get("ETag"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified {
			t.Errorf("If-None-Match %s: status = %d, want 304", r.Header().Get("ETag"), rec.Code)
		}
	}
}

// TestNoInlineCodeOrHTMLSinks enforces the two rules the CSP and hostile
// document text depend on: no inline script or style in the page, and no
// HTML-parsing DOM sink in the UI's own scripts (vendored code excluded).
func TestNoInlineCodeOrHTMLSinks(t *testing.T) {
	page, err := fs.ReadFile(Static(), "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`),                  // a script with a body
		regexp.MustCompile(`<script(?:(?:\s(?:type|defer)(?:="[^"]*")?)*)>`), // a script without src
		regexp.MustCompile(`(?i)\sstyle\s*=`),
		regexp.MustCompile(`(?i)<style`),
		regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
	} {
		if m := re.Find(page); m != nil {
			t.Errorf("index.html has inline code %q (CSP forbids it)", m)
		}
	}
	sinks := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*'style'`)
	scripts, _ := fs.Glob(Static(), "*.js")
	if len(scripts) < 5 {
		t.Fatalf("found %d scripts, expected the UI modules", len(scripts))
	}
	for _, name := range scripts {
		src, err := fs.ReadFile(Static(), name)
		if err != nil {
			t.Fatal(err)
		}
		if m := sinks.Find(src); m != nil {
			t.Errorf("%s uses %q: build DOM with el()/textContent instead", name, m)
		}
	}
}

// TestReferencesResolve checks that every file the page and its modules
// load is embedded, so nothing is fetched from elsewhere.
func TestReferencesResolve(t *testing.T) {
	ref := regexp.MustCompile(`(?:src|href)="(/[^"]*)"|from '\./([^']+)'|fetch\('(/assets/[^']+)'\)`)
	files := []string{"index.html"}
	scripts, _ := fs.Glob(Static(), "*.js")
	files = append(files, scripts...)
	found := 0
	for _, name := range files {
		src, _ := fs.ReadFile(Static(), name)
		for _, m := range ref.FindAllSubmatch(src, -1) {
			target := string(m[1]) + string(m[2]) + string(m[3])
			target = strings.TrimPrefix(strings.TrimPrefix(target, "/assets/"), "/")
			if target == "" { // href="/" is the page itself
				continue
			}
			if _, err := fs.Stat(Static(), target); err != nil {
				t.Errorf("%s references %q, which is not embedded", name, m[0])
			}
			found++
		}
	}
	if found < 10 {
		t.Errorf("found only %d references; the pattern no longer matches the page", found)
	}
	if bytes.Contains(mustRead(t, "index.html"), []byte("//")) && regexp.MustCompile(`(?:src|href)="(?:https?:)?//`).Match(mustRead(t, "index.html")) {
		t.Error("index.html loads something from another origin")
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(Static(), name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
