// Package webtest drives sitrep's web UI in headless Chromium (Debian's
// chromium package) through chromedp, and checks what an analyst sees: markers
// and bars, a filter that changes the URL and the markers, back and forward,
// and an event page with its sources and highlighted sentences.
//
// It is a test helper: only _test.go files import it, so chromedp never
// reaches the sitrep binary. Point it at any server that serves the UI and
// the API of .team/API.md:
//
//	func TestUI(t *testing.T) {
//		srv := httptest.NewServer(handler) // the real server, on a demo database
//		defer srv.Close()
//		webtest.Run(t, srv.URL, os.Getenv("SITREP_SCREENSHOTS"))
//	}
//
// Run skips when Chromium is missing, except under CI=true, where it fails.
// It saves PNG screenshots of each step in the directory it is given (a
// temporary one when empty) and logs the UI's first data render time.
package webtest
