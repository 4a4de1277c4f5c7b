package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// stepTimeout bounds each step; the first page load includes Chromium's start.
const stepTimeout = 45 * time.Second

// Browser returns the Chromium binary to drive: $SITREP_CHROMIUM, else
// chromium or chromium-browser on the PATH. When none is found it skips the
// test, or fails it under CI=true, where .ci/run has installed chromium.
func Browser(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("webtest: chromium not found under CI=true: .ci/run must install it (apt-get install -y chromium)")
	}
	t.Skip("webtest: chromium not found; install it (apt-get install -y chromium) or set SITREP_CHROMIUM to run the browser test")
	return ""
}

// Session is one browser tab on the UI under test.
type Session struct {
	T     *testing.T
	Ctx   context.Context // chromedp context of the tab
	Base  string          // server URL, no trailing slash
	Shots string          // screenshot directory

	mu       sync.Mutex
	problems []string // exceptions, console errors, CSP violations
}

// Start launches Chromium with a throwaway profile and no network beyond
// the server, and opens a tab. The browser stops when the test ends.
func Start(t *testing.T, baseURL, shotsDir string) *Session {
	t.Helper()
	bin := Browser(t)
	if shotsDir == "" {
		shotsDir = os.Getenv("SITREP_SCREENSHOTS")
	}
	if shotsDir == "" {
		shotsDir = t.TempDir()
	}
	if err := os.MkdirAll(shotsDir, 0o755); err != nil {
		t.Fatalf("webtest: screenshots: %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	s := &Session{T: t, Ctx: ctx, Base: strings.TrimSuffix(baseURL, "/"), Shots: shotsDir}
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without a timeout (see chromedp.Run)
		t.Fatalf("webtest: start %s: %v", bin, err)
	}
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				s.mu.Lock()
				s.problems = append(s.problems, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
				s.mu.Unlock()
			}
		}
	}()
	return s
}

// Run loads the UI at baseURL and checks the overview, a filter with back
// and forward, a date range brushed on the timeline, and an event page, saving a screenshot of each. It returns
// the session so a caller can add steps.
func Run(t *testing.T, baseURL, shotsDir string) *Session {
	t.Helper()
	s := Start(t, baseURL, shotsDir)
	s.Overview()
	s.Filter()
	s.Brush()
	s.OpenEvent("")
	return s
}

// do runs actions with a step timeout and fails the test on error.
func (s *Session) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.T.Helper()
	ctx, cancel := context.WithTimeout(s.Ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		s.T.Fatalf("webtest: %s: %v", what, err)
	}
}

// Eval evaluates a JavaScript expression in the page and decodes its value.
func Eval[T any](s *Session, expr string) T {
	s.T.Helper()
	ctx, cancel := context.WithTimeout(s.Ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		s.T.Fatalf("webtest: eval %s: %v", expr, err)
	}
	return v
}

// WaitFor polls a JavaScript condition until it is true; on timeout it
// fails with what the page shows for debug.
func (s *Session) WaitFor(what, cond, debug string) {
	s.T.Helper()
	ctx, cancel := context.WithTimeout(s.Ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout-time.Second)))
	if err != nil {
		s.Screenshot("failed-" + strings.ReplaceAll(what, " ", "-") + ".png")
		got := "?"
		if debug != "" {
			if v, err := chromedp.Run(s.Ctx, chromedp.Evaluate[any](debug)); err == nil {
				got = fmt.Sprint(v)
			}
		}
		s.T.Fatalf("webtest: waiting for %s: %v (page shows %s; console: %v)", what, err, got, s.Problems())
	}
}

// Screenshot saves the visible page as a PNG in the screenshot directory.
func (s *Session) Screenshot(name string) string {
	s.T.Helper()
	ctx, cancel := context.WithTimeout(s.Ctx, stepTimeout)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.T.Errorf("webtest: screenshot %s: %v", name, err)
		return ""
	}
	p := filepath.Join(s.Shots, name)
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		s.T.Errorf("webtest: write screenshot: %v", err)
	}
	s.T.Logf("screenshot %s", p)
	return p
}

// Problems returns the exceptions and console errors seen so far.
func (s *Session) Problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.problems...)
}

// CheckConsole fails the test if the page threw or logged an error,
// which includes CSP violations.
func (s *Session) CheckConsole() {
	s.T.Helper()
	time.Sleep(100 * time.Millisecond) // let queued console messages arrive
	if p := s.Problems(); len(p) > 0 {
		s.T.Errorf("webtest: page errors: %s", strings.Join(p, "; "))
	}
}

// API fetches a JSON API path from the server into v.
func (s *Session) API(path string, v any) {
	s.T.Helper()
	res, err := http.Get(s.Base + path)
	if err != nil {
		s.T.Fatalf("webtest: GET %s: %v", path, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		s.T.Fatalf("webtest: GET %s: %s", path, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		s.T.Fatalf("webtest: GET %s: decode: %v", path, err)
	}
}

// MappedEvents returns how many events the API lists for a query string
// that have a resolved place: the markers the map must show.
func (s *Session) MappedEvents(query string) int {
	s.T.Helper()
	var list struct {
		Events []model.Event `json:"events"`
	}
	s.API("/api/v1/events?limit=1000&"+query, &list)
	n := 0
	for _, ev := range list.Events {
		for _, l := range ev.Locations {
			if l.Resolved && (l.Lat != 0 || l.Lon != 0) {
				n++
				break
			}
		}
	}
	return n
}

func histogramTypes(s *Session) (map[string]int, int) {
	var h struct {
		Days []struct {
			Date   string         `json:"date"`
			Counts map[string]int `json:"counts"`
		} `json:"days"`
	}
	s.API("/api/v1/histogram", &h)
	per := map[string]int{}
	for _, d := range h.Days {
		for k, v := range d.Counts {
			per[k] += v
		}
	}
	return per, len(h.Days)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// query returns "key=value" escaped for a URL.
func query(k, v string) string { return url.Values{k: {v}}.Encode() }
