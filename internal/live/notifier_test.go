package live

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// putEvent writes an event row the way the merge stage stores it.
func putEvent(t *testing.T, st *store.Store, e model.Event) {
	t.Helper()
	body, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var side string
	if e.Attacker != nil {
		side = string(e.Attacker.Side)
	}
	err = st.Batch(context.Background(), func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(context.Background(), `INSERT INTO events
 (id, type, date_start, date_end, attacker_side, independent_sources, status, body, created_at, updated_at, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events))
 ON CONFLICT(id) DO UPDATE SET body = excluded.body, status = excluded.status`,
			e.ID, string(e.Type), e.Date.Start, e.Date.End, side, e.IndependentSources, string(e.Status), string(body),
			"2026-10-14T06:00:00Z", "2026-10-14T06:00:00Z")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func odesaAttack(id string) model.Event {
	return model.Event{
		ID: id, Type: model.Attack, Date: model.DateRange{Start: "2026-10-13", End: "2026-10-14"},
		Locations:          []model.Location{{Name: "Odesa", Lat: 46.48, Lon: 30.72, Resolved: true}},
		Attacker:           &model.Actor{Side: model.SideRU},
		Weapons:            []string{"drone"},
		IndependentSources: 2, Status: model.StatusCorroborated,
	}
}

// receiver is a webhook endpoint that checks signatures and answers with
// the next status of its script (200 once the script is used up).
type receiver struct {
	secret string
	mu     sync.Mutex
	script []int
	got    []received
}

type received struct {
	event, delivery string
	body            []byte
	signatureOK     bool
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	// Verify as a receiver would: recompute the HMAC over "t." + body.
	sig := req.Header.Get(HeaderSignature)
	ts, _, _ := strings.Cut(strings.TrimPrefix(sig, "t="), ",")
	m := hmac.New(sha256.New, []byte(r.secret))
	m.Write([]byte(ts + "."))
	m.Write(body)
	want := "t=" + ts + ",sha256=" + hex.EncodeToString(m.Sum(nil))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, received{event: req.Header.Get(HeaderEvent), delivery: req.Header.Get(HeaderDelivery), body: body,
		signatureOK: hmac.Equal([]byte(req.Header.Get(HeaderSignature)), []byte(want))})
	status := http.StatusOK
	if len(r.script) > 0 {
		status, r.script = r.script[0], r.script[1:]
	}
	w.WriteHeader(status)
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func deliverDue(t *testing.T, n *Notifier, want int) {
	t.Helper()
	got, err := n.DeliverDue(context.Background())
	if err != nil {
		t.Fatalf("DeliverDue: %v", err)
	}
	if got != want {
		t.Fatalf("DeliverDue attempted %d deliveries, want %d", got, want)
	}
}

func TestNotifierSignsAndRetries(t *testing.T) {
	ctx := context.Background()
	recv := &receiver{secret: "s3cret-for-tests", script: []int{http.StatusServiceUnavailable}}
	ts := httptest.NewServer(recv)
	defer ts.Close()
	st := openStore(t, tempDB(t))
	clock := newClock()
	n := NewNotifier(st, NotifierOptions{AllowPrivate: true, Now: clock.Now, Rand: func() float64 { return 0 }})

	match, err := Subscribe(ctx, st, ts.URL+"/hook", recv.secret, Filter{Types: []string{"attack"}, Sides: []string{"RU"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Subscribe(ctx, st, ts.URL+"/alerts", "other", Filter{Types: []string{"air_alert"}}, true); err != nil {
		t.Fatal(err)
	}
	ev := odesaAttack("ev-odesa-1")
	putEvent(t, st, ev)
	if err := n.EventsChanged(ctx, []string{ev.ID, "ev-unknown"}); err != nil {
		t.Fatal(err)
	}

	deliverDue(t, n, 1)                 // 503
	deliverDue(t, n, 0)                 // the retry is not due yet
	clock.Advance(DefaultRetryBase / 2) // Rand 0 → half of the first backoff
	deliverDue(t, n, 1)                 // 200

	got := recv.requests()
	if len(got) != 2 {
		t.Fatalf("receiver got %d requests, want 2", len(got))
	}
	for i, r := range got {
		if !r.signatureOK {
			t.Errorf("request %d: signature did not verify", i+1)
		}
		if r.event != ev.ID || r.delivery == "" || r.delivery != got[0].delivery {
			t.Errorf("request %d: event %q delivery %q, want %q and one stable delivery ID", i+1, r.event, r.delivery, ev.ID)
		}
		var back model.Event
		if err := json.Unmarshal(r.body, &back); err != nil || back.ID != ev.ID || back.Type != model.Attack {
			t.Errorf("request %d: body is not the event JSON: %s (%v)", i+1, r.body, err)
		}
	}

	ds, err := st.Deliveries(ctx, match.ID, 10)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Deliveries() = %d, %v; want 1", len(ds), err)
	}
	if ds[0].State != store.DeliveryDelivered || ds[0].Attempts != 2 {
		t.Errorf("delivery state %q after %d attempts, want delivered after 2", ds[0].State, ds[0].Attempts)
	}
	attempts, err := st.DeliveryAttempts(ctx, ds[0].ID)
	if err != nil || len(attempts) != 2 || attempts[0].HTTPStatus != 503 || attempts[0].Error == "" || attempts[1].HTTPStatus != 200 || attempts[1].Error != "" {
		t.Errorf("DeliveryAttempts() = %+v, %v; want a 503 with an error, then a 200", attempts, err)
	}
	if s := n.Stats(); s.Queued != 1 || s.Attempts != 2 || s.Delivered != 1 || s.Retries != 1 || s.Failed != 0 {
		t.Errorf("Stats() = %+v", s)
	}
}

func TestNotifierGivesUp(t *testing.T) {
	tests := []struct {
		name         string
		script       []int
		wantAttempts int
	}{
		{"server errors until the attempt limit", []int{500, 502, 503, 504}, 3},
		{"client error is final", []int{http.StatusNotFound}, 1},
		{"redirect is not followed", []int{http.StatusFound}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			recv := &receiver{secret: "k", script: tt.script}
			ts := httptest.NewServer(recv)
			defer ts.Close()
			st := openStore(t, tempDB(t))
			clock := newClock()
			n := NewNotifier(st, NotifierOptions{AllowPrivate: true, MaxAttempts: 3, Now: clock.Now})
			sub, err := Subscribe(ctx, st, ts.URL, "k", Filter{}, true)
			if err != nil {
				t.Fatal(err)
			}
			putEvent(t, st, odesaAttack("ev-1"))
			if err := n.EventsChanged(ctx, []string{"ev-1"}); err != nil {
				t.Fatal(err)
			}
			for range 5 {
				if _, err := n.DeliverDue(ctx); err != nil {
					t.Fatal(err)
				}
				clock.Advance(DefaultRetryMax)
			}
			ds, err := st.Deliveries(ctx, sub.ID, 10)
			if err != nil || len(ds) != 1 {
				t.Fatalf("Deliveries() = %d, %v", len(ds), err)
			}
			if ds[0].State != store.DeliveryFailed || ds[0].Attempts != tt.wantAttempts || len(recv.requests()) != tt.wantAttempts {
				t.Errorf("state %q, %d attempts, %d requests; want failed after %d", ds[0].State, ds[0].Attempts, len(recv.requests()), tt.wantAttempts)
			}
		})
	}
}

func TestNotifierRefusesPrivateAddresses(t *testing.T) {
	ctx := context.Background()
	recv := &receiver{secret: "k"}
	ts := httptest.NewServer(recv)
	defer ts.Close()
	st := openStore(t, tempDB(t))

	// Refused when the subscription is made...
	_, err := Subscribe(ctx, st, ts.URL, "k", Filter{}, false)
	if !errors.Is(err, ErrWebhookURL) || !errors.Is(err, fetch.ErrForbiddenAddress) {
		t.Fatalf("Subscribe(%s) = %v, want a forbidden-address error", ts.URL, err)
	}
	// ...and when it is delivered (a subscription stored while private
	// addresses were allowed, or a name that resolves inside).
	sub := &store.Subscription{URL: ts.URL, Secret: "k"}
	if err := st.CreateSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	putEvent(t, st, odesaAttack("ev-1"))
	clock := newClock()
	n := NewNotifier(st, NotifierOptions{Now: clock.Now})
	if err := n.EventsChanged(ctx, []string{"ev-1"}); err != nil {
		t.Fatal(err)
	}
	deliverDue(t, n, 1)
	if len(recv.requests()) != 0 {
		t.Fatalf("a private webhook received %d requests", len(recv.requests()))
	}
	ds, _ := st.Deliveries(ctx, sub.ID, 1)
	if len(ds) != 1 || ds[0].State != store.DeliveryFailed {
		t.Errorf("delivery = %+v, want failed at once (not retried)", ds)
	}

	// The dialer itself refuses a private address, whatever the URL says.
	c := newWebhookClient(time.Second, false)
	resp, err := c.Post(ts.URL, "application/json", strings.NewReader("{}"))
	if err == nil {
		resp.Body.Close()
	}
	if !errors.Is(err, fetch.ErrForbiddenAddress) {
		t.Errorf("POST through the webhook client to %s = %v, want ErrForbiddenAddress", ts.URL, err)
	}
}

func TestNotifierCoalescesUntriedDeliveries(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, tempDB(t))
	clock := newClock()
	n := NewNotifier(st, NotifierOptions{AllowPrivate: true, Now: clock.Now})
	sub, err := Subscribe(ctx, st, "https://hooks.example.org/sitrep", "", Filter{MinSources: 2}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub.Secret) != 64 {
		t.Errorf("generated secret %q, want 64 hex characters", sub.Secret)
	}
	ev := odesaAttack("ev-1")
	ev.IndependentSources = 1
	putEvent(t, st, ev)
	if err := n.EventsChanged(ctx, []string{ev.ID}); err != nil {
		t.Fatal(err)
	}
	for _, status := range []model.Status{model.StatusCorroborated, model.StatusConfirmed} {
		ev.IndependentSources, ev.Status = 3, status
		putEvent(t, st, ev)
		if err := n.EventsChanged(ctx, []string{ev.ID}); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := st.Deliveries(ctx, sub.ID, 10)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Deliveries() = %d, %v; want 1 (below min_sources first, then two changes coalesced)", len(ds), err)
	}
	var back model.Event
	if err := json.Unmarshal(ds[0].Body, &back); err != nil || back.Status != model.StatusConfirmed {
		t.Errorf("queued body has status %q, want the latest, confirmed", back.Status)
	}
}

func TestSign(t *testing.T) {
	// The expected value was computed independently, with Python's hmac
	// module, over "1700000000." + body.
	body := []byte(`{"id":"ev-1"}`)
	want := "t=1700000000,sha256=0ac2f6eab3c4d557a265c538c216481aea562efe6c3e9fc129f98c66ae72435d"
	if got := Sign("Jefe", 1700000000, body); got != want {
		t.Errorf("Sign() = %s", got)
	}
	if Sign("Jefe", 1700000000, body) == Sign("Jefe", 1700000001, body) {
		t.Error("Sign ignores the timestamp: a captured delivery could be replayed")
	}
}

func TestCheckWebhookURL(t *testing.T) {
	tests := []struct {
		url          string
		allowPrivate bool
		ok           bool
	}{
		{"https://hooks.example.org/x", false, true},
		{"http://93.184.216.34:8080/hook", false, true},
		{"http://127.0.0.1:9000/hook", false, false},
		{"http://127.0.0.1:9000/hook", true, true},
		{"http://[::1]/hook", false, false},
		{"http://10.1.2.3/hook", false, false},
		{"http://169.254.169.254/latest/meta-data", false, false},
		{"http://localhost:8080/", false, false},
		{"http://api.localhost/", false, false},
		{"ftp://hooks.example.org/x", true, false},
		{"https://user:pw@hooks.example.org/x", false, false},
		{"/relative/path", true, false},
	}
	for _, tt := range tests {
		err := CheckWebhookURL(tt.url, tt.allowPrivate)
		if (err == nil) != tt.ok {
			t.Errorf("CheckWebhookURL(%q, %v) = %v, want ok %v", tt.url, tt.allowPrivate, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrWebhookURL) {
			t.Errorf("CheckWebhookURL(%q) error %v does not wrap ErrWebhookURL", tt.url, err)
		}
	}
}

func TestNotifierRunStopsOnCancel(t *testing.T) {
	st := openStore(t, tempDB(t))
	n := NewNotifier(st, NotifierOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := n.Run(ctx); err != nil {
		t.Errorf("Run(cancelled) = %v, want nil", err)
	}
}

func TestNotifierWithPipeline(t *testing.T) {
	ctx := context.Background()
	recv := &receiver{secret: "pipeline-secret"}
	ts := httptest.NewServer(recv)
	defer ts.Close()
	st := openStore(t, tempDB(t))
	clock := newClock()
	n := NewNotifier(st, NotifierOptions{AllowPrivate: true, Now: clock.Now})
	if _, err := Subscribe(ctx, st, ts.URL, recv.secret, Filter{Types: []string{"attack"}}, true); err != nil {
		t.Fatal(err)
	}
	var hookErr error
	p, err := pipeline.New(ctx, st, pipeline.Options{Workers: 1, OnEvents: func(ids []string) {
		hookErr = errors.Join(hookErr, n.EventsChanged(ctx, ids))
	}})
	if err != nil {
		t.Fatal(err)
	}
	text := "KHARKIV, 14 October 2026 - Russian forces struck Kharkiv with drones overnight, the regional governor said on Wednesday. " +
		"Two people were injured and a warehouse caught fire, according to the city's mayor."
	sum, err := p.IngestInputs(ctx, []source.Input{{Name: "wire.txt", Raw: []byte(text), ContentType: "text/plain", FetchedAt: clock.Now()}})
	if err != nil || hookErr != nil {
		t.Fatalf("IngestInputs() = %+v, %v; hook %v", sum, err, hookErr)
	}
	if sum.Events == 0 {
		t.Fatalf("the pipeline made no event from %q (summary %+v)", text, sum)
	}
	deliverDue(t, n, sum.Events)
	got := recv.requests()
	if len(got) != sum.Events || !got[0].signatureOK {
		t.Fatalf("receiver got %d requests (signature ok: %v), want %d", len(got), len(got) > 0 && got[0].signatureOK, sum.Events)
	}
	var ev model.Event
	if err := json.Unmarshal(got[0].body, &ev); err != nil || ev.ID != got[0].event || ev.Type != model.Attack {
		t.Errorf("delivered body %s (%v), want the attack event %s", got[0].body, err, got[0].event)
	}
}

func TestNotifierResumesPendingRetries(t *testing.T) {
	ctx := context.Background()
	recv := &receiver{secret: "k", script: []int{http.StatusServiceUnavailable}}
	ts := httptest.NewServer(recv)
	defer ts.Close()
	db := tempDB(t)
	clock := newClock()
	st := openStore(t, db)
	n := NewNotifier(st, NotifierOptions{AllowPrivate: true, Now: clock.Now, Rand: func() float64 { return 0 }})
	if _, err := Subscribe(ctx, st, ts.URL, "k", Filter{}, true); err != nil {
		t.Fatal(err)
	}
	putEvent(t, st, odesaAttack("ev-1"))
	if err := n.EventsChanged(ctx, []string{"ev-1"}); err != nil {
		t.Fatal(err)
	}
	deliverDue(t, n, 1) // 503, retry pending
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st2 := openStore(t, db)
	n2 := NewNotifier(st2, NotifierOptions{AllowPrivate: true, Now: clock.Now})
	deliverDue(t, n2, 0)
	clock.Advance(DefaultRetryBase)
	deliverDue(t, n2, 1)
	got := recv.requests()
	if len(got) != 2 || got[0].delivery != got[1].delivery || !got[1].signatureOK {
		t.Errorf("receiver got %+v, want the same delivery twice, signed", got)
	}
}
