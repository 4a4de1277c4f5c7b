package webtest

import (
	"fmt"
	"os"
	"testing"
	"time"

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

	// A shared link to an event opens its page directly.
	s.do("open shared event link", chromedp.Navigate(srv.URL+"/?type=attack#event/ev-kharkiv-1014"))
	s.WaitFor("event page from a link", `!document.getElementById('event').hidden && document.querySelectorAll('#event article.document').length === 2`,
		`document.getElementById('event').textContent.slice(0, 200)`)

	// "Use map view" turns the visible area into a bbox filter.
	s.do("zoom to Kharkiv", chromedp.Navigate(srv.URL+"/?status=corroborated"))
	s.WaitFor("corroborated markers", fmt.Sprintf(`%s === %d`, markerCount, s.MappedEvents("status=corroborated")), markerCount)
	s.do("use map view", chromedp.Click(chromedp.CSS(`.leaflet-control-zoom-in`)), chromedp.Sleep(400*time.Millisecond),
		chromedp.Click(chromedp.CSS(`#use-view`)), chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)))
	s.WaitFor("bbox in the URL", `new URLSearchParams(location.search).get('bbox') !== null`, `location.search`)
	bbox := Eval[string](s, `new URLSearchParams(location.search).get('bbox')`)
	want := s.MappedEvents("status=corroborated&" + query("bbox", bbox))
	s.WaitFor("markers in the view", fmt.Sprintf(`%s === %d`, markerCount, want), markerCount)
	t.Logf("bbox %s: %d corroborated events", bbox, want)

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

// TestUIThousandEvents loads a full page of events (the API's maximum) and
// logs how long the first data render takes with it.
func TestUIThousandEvents(t *testing.T) {
	f := loadFixture(t)
	base := f.events
	f.events = nil
	for i := range 1000 {
		ev := base[i%len(base)]
		ev.ID = fmt.Sprintf("ev-bulk-%04d", i)
		day := 1 + i%28
		ev.Date = model.DateRange{Start: fmt.Sprintf("2026-09-%02d", day), End: fmt.Sprintf("2026-09-%02d", day), Precision: model.Day}
		loc := ev.Locations[0]
		loc.Lat += float64(i%37-18) * 0.02 // spread around the fixture's places
		loc.Lon += float64(i%41-20) * 0.03
		ev.Locations = []model.Location{loc}
		f.events = append(f.events, ev)
	}
	srv := f.server()
	s := Start(t, srv.URL, "")
	if n := s.Overview(); n != 1000 {
		t.Fatalf("Overview() = %d markers, want 1000", n)
	}
}
