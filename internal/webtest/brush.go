package webtest

import (
	"fmt"
	"net/url"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Brush drags across the middle of the timeline, as an analyst selecting a
// period, and checks that the URL gains from/to and the map shows exactly the
// events the API returns for that range. It starts from the unfiltered page.
func (s *Session) Brush() {
	s.T.Helper()
	all := s.MappedEvents("")
	s.do("load page", chromedp.Navigate(s.Base+"/"))
	s.WaitFor("timeline", `!!document.querySelector('#timeline .u-over') && `+markerCount+fmt.Sprintf(` === %d`, all), markerCount)
	type rect struct{ X, Y, W, H float64 }
	r := Eval[rect](s, `(() => { const b = document.querySelector('#timeline .u-over').getBoundingClientRect(); return {X: b.x, Y: b.y, W: b.width, H: b.height}; })()`)
	y := r.Y + r.H/2
	x0, x1 := r.X+r.W*0.30, r.X+r.W*0.62
	held := func(p *input.DispatchMouseEventParams) { p.Button = input.MouseButtonLeft; p.Buttons = 1 }
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x0, y),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x0, y, held, chromedp.ClickCount(1)),
	}
	for i := 1; i <= 8; i++ {
		steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x0+(x1-x0)*float64(i)/8, y, held))
	}
	steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x1, y, held, chromedp.ClickCount(1)))
	s.do("drag across the timeline", steps...)
	s.WaitFor("date range in the URL", `(p => p.get('from') && p.get('to'))(new URLSearchParams(location.search))`, `location.search`)
	q, err := url.ParseQuery(Eval[string](s, `location.search.slice(1)`))
	if err != nil {
		s.T.Fatal(err)
	}
	from, to := q.Get("from"), q.Get("to")
	if from > to {
		s.T.Fatalf("brushed range from=%s to=%s is reversed", from, to)
	}
	want := s.MappedEvents(url.Values{"from": {from}, "to": {to}}.Encode())
	s.WaitFor("brushed markers", fmt.Sprintf(`%s === %d && document.querySelector('input[name=from]').value === %s`, markerCount, want, jsString(from)), markerCount)
	if want == all || want == 0 {
		s.T.Errorf("brushing %s..%s shows %d of %d events: expected a strict, non-empty subset", from, to, want, all)
	}
	s.T.Logf("brushed %s..%s: %d of %d markers", from, to, want, all)
	s.Screenshot("02b-brushed.png")
	s.CheckConsole()
}
