package webtest

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/sitrep-osint/sitrep/internal/model"
)

// TestUI runs the browser test against the fixture API, then checks live
// updates and the full-text filter, which need a server the test controls.
func TestUI(t *testing.T) {
	f := loadFixture(t)
	srv := f.server()
	s := Start(t, srv.URL, "")
	markers := s.Overview()

	// Live: a pushed event becomes a marker and a list row without reload.
	live := model.Event{
		ID: "ev-live-1", Type: model.Attack,
		Date:      model.DateRange{Start: "2026-10-21", End: "2026-10-21", Precision: model.Day},
		Locations: []model.Location{{Name: "Poltava", Admin1: "Poltava Oblast", Country: "UA", Lat: 49.589, Lon: 34.551, Resolved: true}},
		Attacker:  &model.Actor{Side: model.SideRU}, Headline: map[string]model.Headline{},
		Reports: []string{"rep-live"}, Documents: []string{}, Publishers: []string{"Steppe Times"},
		IndependentSources: 1, Status: model.StatusReported, Discrepancies: []model.Discrepancy{},
	}
	total := Eval[int](s, `Number(document.getElementById('timeline').dataset.total)`)
	s.WaitFor("live connection", `document.getElementById('live').textContent === 'live: connected'`, `document.getElementById('live').textContent`)
	f.push <- live
	s.WaitFor("live marker", fmt.Sprintf(`%s === %d && !!document.querySelector('#events-table tr[data-id="ev-live-1"]')`, markerCount, markers+1),
		markerCount)
	s.WaitFor("live bar", fmt.Sprintf(`Number(document.getElementById('timeline').dataset.total) === %d`, total+1),
		`document.getElementById('timeline').dataset.total`)
	s.Screenshot("01b-live.png")

	s.Filter()
	s.Brush()
	s.OpenEvent("")

	// Full-text search narrows the map to the events whose documents match.
	s.do("search", chromedp.Navigate(srv.URL+"/?q=wreckage"))
	s.WaitFor("search results", markerCount+` === 1 && document.querySelector('input[name=q]').value === 'wreckage'`, markerCount)
	s.CheckConsole()
}

// TestAgainstServer runs the same browser test against a running sitrep
// server, for example `sitrep demo`:
//
//	SITREP_WEBTEST_URL=http://127.0.0.1:8080 go test ./internal/webtest -run TestAgainstServer -v
func TestAgainstServer(t *testing.T) {
	base := os.Getenv("SITREP_WEBTEST_URL")
	if base == "" {
		t.Skip("SITREP_WEBTEST_URL not set: no running server to test")
	}
	Run(t, base, "")
}
