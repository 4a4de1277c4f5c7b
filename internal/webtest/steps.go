package webtest

import (
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/sitrep-osint/sitrep/internal/model"
)

const markerCount = `document.querySelectorAll('#map path.marker').length`

// Overview loads the page and checks that the map has one marker per mapped
// event, the basemap and oblast labels are drawn and the timeline has bars.
// It logs the first data render time and returns the marker count.
func (s *Session) Overview() int {
	s.T.Helper()
	want := s.MappedEvents("")
	_, days := histogramTypes(s)
	s.do("load page", chromedp.Navigate(s.Base+"/"))
	s.WaitFor("markers and bars",
		`document.querySelector('#map').dataset.markers !== undefined && document.querySelector('#timeline').dataset.bars !== undefined`,
		`document.getElementById('count').textContent`)
	s.WaitFor("basemap", `document.querySelectorAll('#map .oblast-label').length > 20`, `document.querySelectorAll('#map .oblast-label').length`)
	if got := Eval[int](s, markerCount); got != want || got == 0 {
		s.T.Errorf("markers on the map = %d, want %d (events with a resolved place), and more than 0", got, want)
	}
	if got := Eval[int](s, `Number(document.querySelector('#timeline').dataset.bars)`); got != days || got == 0 {
		s.T.Errorf("timeline days = %d, want %d from /api/v1/histogram, and more than 0", got, days)
	}
	if n := Eval[int](s, `document.querySelectorAll('#timeline canvas').length`); n == 0 {
		s.T.Error("timeline has no canvas: bars were not drawn")
	}
	// Pointing at a bar reads out its day and counts.
	r := Eval[[]float64](s, `(b => [b.x + b.width / 2, b.y + b.height * 0.9])(document.querySelector('#timeline .u-over').getBoundingClientRect())`)
	s.do("point at the timeline", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, r[0], r[1]))
	s.WaitFor("timeline readout", `/^\d{4}-\d{2}-\d{2}: /.test(document.getElementById('readout').textContent)`, `document.getElementById('readout').textContent`)
	if rows := Eval[int](s, `document.querySelectorAll('#events-table tbody tr').length`); rows == 0 {
		s.T.Error("event list is empty")
	}
	render := Eval[float64](s, `performance.getEntriesByName('sitrep:markers-drawn')[0].startTime`)
	s.T.Logf("first data render (navigation start → markers drawn): %.0f ms, %d markers, %d days", render, want, days)
	s.T.Logf("page timings (ms since navigation start): %s", Eval[string](s, `JSON.stringify({
		dom_content_loaded: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
		data_received: Math.round((performance.getEntriesByName('sitrep:data-received')[0] || {}).startTime || -1),
		basemap_drawn: Math.round((performance.getEntriesByName('sitrep:basemap-drawn')[0] || {}).startTime || -1),
		resources: performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.startTime) + '+' + Math.round(r.duration)).join(', ')})`))
	s.Screenshot("01-overview.png")
	s.CheckConsole()
	return want
}

// Filter picks an event type that selects some but not all events, applies
// it with the filter bar, and checks the URL and the marker count; then it
// checks that back and forward restore both.
func (s *Session) Filter() {
	s.T.Helper()
	per, _ := histogramTypes(s)
	total := 0
	for _, n := range per {
		total += n
	}
	typ := ""
	for k, n := range per {
		if n > 0 && n < total && (typ == "" || n > per[typ] || (n == per[typ] && k < typ)) {
			typ = k
		}
	}
	if typ == "" {
		s.T.Fatalf("webtest: the data has a single event type (%v); the filter step needs two", per)
	}
	all := s.MappedEvents("")
	want := s.MappedEvents(query("type", typ))
	s.do("apply type filter",
		chromedp.SetValue(chromedp.CSS(`select[name=type]`), typ),
		chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)))
	s.WaitFor("filtered markers",
		fmt.Sprintf(`new URLSearchParams(location.search).get('type') === %s && %s === %d`, jsString(typ), markerCount, want),
		`location.search + ' markers=' + `+markerCount)
	if want == all {
		s.T.Errorf("type=%s gives as many markers as no filter (%d): the filter step proves nothing", typ, all)
	}
	s.Screenshot("02-filtered.png")
	s.do("history back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	s.WaitFor("back to all markers",
		fmt.Sprintf(`!location.search.includes('type=') && %s === %d && document.querySelector('select[name=type]').value === ''`, markerCount, all),
		`location.search + ' markers=' + `+markerCount)
	s.do("history forward", chromedp.Evaluate[chromedp.Void](`history.forward()`))
	s.WaitFor("forward to filtered markers",
		fmt.Sprintf(`location.search.includes('type=') && %s === %d`, markerCount, want), `location.search + ' markers=' + `+markerCount)
	s.CheckConsole()
}

// eventDetail is GET /api/v1/events/{id}, as much as the test reads.
type eventDetail struct {
	Event     model.Event `json:"event"`
	Documents []struct {
		ID        string `json:"id"`
		Publisher string `json:"publisher"`
	} `json:"documents"`
}

// OpenEvent opens an event page, by id or, when id is "", the first event
// with source documents (one with discrepancies if any), and checks its
// status, discrepancy table, sources and highlighted sentences and facts.
func (s *Session) OpenEvent(id string) {
	s.T.Helper()
	if id == "" {
		id = pickEvent(s)
	}
	var d eventDetail
	s.API("/api/v1/events/"+id, &d)
	// Follow the list link when the event is listed, as a user would.
	s.do("open event", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(document.querySelector('#events-table tr[data-id=' + CSS.escape(%[1]s) + '] a') || {click() { location.hash = 'event/' + encodeURIComponent(%[1]s); }}).click()`,
		jsString(id))))
	s.WaitFor("event page with sources",
		fmt.Sprintf(`location.hash.startsWith('#event/') && document.querySelectorAll('#event article.document').length === %d && !document.querySelector('#event .doctext .loading')`, len(d.Documents)),
		`document.getElementById('event').textContent.slice(0, 300)`)
	if got := Eval[string](s, `document.querySelector('#event .status .badge').textContent`); got != string(d.Event.Status) {
		s.T.Errorf("status badge = %q, want %q", got, d.Event.Status)
	}
	if d.Event.StatusReason != "" && !Eval[bool](s, fmt.Sprintf(`document.querySelector('#event .status').textContent.includes(%s)`, jsString(d.Event.StatusReason))) {
		s.T.Errorf("status reason %q not shown", d.Event.StatusReason)
	}
	rows := 0
	for _, x := range d.Event.Discrepancies {
		rows += len(x.Values)
	}
	if got := Eval[int](s, `document.querySelectorAll('#event table.discrepancy tbody tr').length`); got != rows {
		s.T.Errorf("discrepancy rows = %d, want %d (one per source value)", got, rows)
	}
	table := Eval[string](s, `Array.from(document.querySelectorAll('#event table.discrepancy')).map(t => t.textContent).join(' ')`)
	for _, x := range d.Event.Discrepancies {
		for _, v := range x.Values {
			if v.Publisher != "" && !strings.Contains(table, v.Publisher) {
				s.T.Errorf("discrepancy table lacks publisher %q", v.Publisher)
			}
		}
	}
	if n := Eval[int](s, `document.querySelectorAll('#event .doctext .sentence').length`); n == 0 {
		s.T.Error("no highlighted sentence in the source documents")
	}
	s.checkFacts(d)
	// Document text is hostile: markup in it must stay text.
	if n := Eval[int](s, `document.querySelectorAll('#event .doctext *:not(span):not(mark)').length`); n != 0 {
		s.T.Errorf("document text produced %d elements other than highlights: markup from the text was parsed", n)
	}
	s.Screenshot("03-event.png")
	// Escape leaves the event page for the overview, filters kept.
	search := Eval[string](s, `location.search`)
	s.do("press Escape", chromedp.KeyEvent(kb.Escape))
	s.WaitFor("overview after Escape",
		fmt.Sprintf(`!document.getElementById('overview').hidden && !location.hash && location.search === %s`, jsString(search)),
		`location.href`)
	s.CheckConsole()
}

// checkFacts checks that each fact of the event's reports is marked, with
// the exact characters the API's offsets point at.
func (s *Session) checkFacts(d eventDetail) {
	s.T.Helper()
	mine := map[string]bool{}
	for _, r := range d.Event.Reports {
		mine[r] = true
	}
	checked := 0
	for _, doc := range d.Documents {
		var resp struct {
			Document model.Document `json:"document"`
			Facts    []struct {
				Report, Field, Text string
				Start, End          int
			} `json:"facts"`
		}
		s.API("/api/v1/documents/"+doc.ID, &resp)
		text := func(sel string) string {
			return Eval[string](s, fmt.Sprintf(`Array.from(document.getElementById('doc-' + %s).querySelectorAll(%s)).map(m => m.textContent).join('')`,
				jsString(doc.ID), jsString(sel)))
		}
		marked, sentences := text("mark.fact"), text(".sentence")
		runes := []rune(resp.Document.Text)
		for _, f := range resp.Facts {
			if !mine[f.Report] || f.End <= f.Start || f.End > len(runes) {
				continue
			}
			span := string(runes[f.Start:f.End])
			// The API names each report's source sentence "sentence".
			shown, kind := marked, "marked"
			if f.Field == "sentence" {
				shown, kind = sentences, "highlighted"
			}
			if !strings.Contains(shown, span) {
				s.T.Errorf("document %s: %s %q (chars %d–%d) not %s; %s text: %q", doc.ID, f.Field, span, f.Start, f.End, kind, kind, shown)
			}
			checked++
		}
	}
	if checked == 0 {
		s.T.Error("no fact of the event's reports was found in its documents")
	}
}

func pickEvent(s *Session) string {
	var list struct {
		Events []model.Event `json:"events"`
	}
	s.API("/api/v1/events?limit=1000", &list)
	best := ""
	for _, ev := range list.Events {
		if len(ev.Documents) == 0 {
			continue
		}
		if len(ev.Discrepancies) > 0 {
			return ev.ID
		}
		if best == "" {
			best = ev.ID
		}
	}
	if best == "" {
		s.T.Fatal("webtest: no event with source documents to open")
	}
	return best
}
