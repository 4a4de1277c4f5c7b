package live

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Notifier defaults.
const (
	DefaultMaxAttempts  = 8
	DefaultRetryBase    = 30 * time.Second
	DefaultRetryMax     = time.Hour
	DefaultPostTimeout  = 10 * time.Second
	deliveriesPerRound  = 100
	maxReplyBytesLogged = 200
)

// NotifierOptions tunes a Notifier. The zero value is usable.
type NotifierOptions struct {
	AllowPrivate bool          // permit webhook URLs on loopback and private addresses
	MaxAttempts  int           // attempts per delivery before it is marked failed; default 8
	RetryBase    time.Duration // wait after the first failed attempt, doubled each time; default 30s
	RetryMax     time.Duration // cap of that wait; default 1h
	Timeout      time.Duration // per POST; default 10s
	UserAgent    string        // default fetch.UserAgent("dev")
	Now          func() time.Time
	Rand         func() float64
	Log          *slog.Logger
}

// Notifier queues events for the subscriptions whose filter they match and
// POSTs them, signed, retrying with backoff. The queue is the deliveries
// table, so pending deliveries survive a restart.
type Notifier struct {
	st     *store.Store
	opts   NotifierOptions
	client *http.Client
	now    func() time.Time
	rand   func() float64
	log    *slog.Logger
	wake   chan struct{}
	stats  notifyCounters
}

// NotifierStats are the notifier's counters since it was made, for /metrics.
type NotifierStats struct {
	Queued    int64 `json:"queued"`    // deliveries queued (or refreshed while still untried)
	Attempts  int64 `json:"attempts"`  // POSTs tried
	Delivered int64 `json:"delivered"` // deliveries answered 2xx
	Retries   int64 `json:"retries"`   // failed attempts that will be retried
	Failed    int64 `json:"failed"`    // deliveries given up
}

type notifyCounters struct {
	queued, attempts, delivered, retries, failed atomic.Int64
}

// NewNotifier returns a notifier over the subscriptions in st.
func NewNotifier(st *store.Store, opts NotifierOptions) *Notifier {
	if opts.MaxAttempts < 1 {
		opts.MaxAttempts = DefaultMaxAttempts
	}
	if opts.RetryBase <= 0 {
		opts.RetryBase = DefaultRetryBase
	}
	if opts.RetryMax <= 0 {
		opts.RetryMax = DefaultRetryMax
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultPostTimeout
	}
	if opts.UserAgent == "" {
		opts.UserAgent = fetch.UserAgent("dev")
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Notifier{st: st, opts: opts, client: newWebhookClient(opts.Timeout, opts.AllowPrivate),
		now: clock(opts.Now), rand: random(opts.Rand), log: log.With("component", "notifier"), wake: make(chan struct{}, 1)}
}

// Stats returns a snapshot of the counters.
func (n *Notifier) Stats() NotifierStats {
	c := &n.stats
	return NotifierStats{Queued: c.queued.Load(), Attempts: c.attempts.Load(), Delivered: c.delivered.Load(),
		Retries: c.retries.Load(), Failed: c.failed.Load()}
}

// EventsChanged queues a delivery of each of these events to every
// subscription whose filter it matches, and wakes Run. The pipeline's
// Options.OnEvents hook calls it after each committed batch; it returns
// quickly (a few queries), the POSTs happen on Run's goroutine.
func (n *Notifier) EventsChanged(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	subs, err := n.st.Subscriptions(ctx)
	if err != nil || len(subs) == 0 {
		return err
	}
	filters := make([]Filter, len(subs))
	for i := range subs {
		if filters[i], err = SubscriptionFilter(&subs[i]); err != nil {
			return fmt.Errorf("live: notify: %w", err)
		}
	}
	bodies, err := n.st.EventBodies(ctx, ids)
	if err != nil {
		return fmt.Errorf("live: notify: %w", err)
	}
	now := n.now()
	queued := 0
	for _, id := range ids {
		body, ok := bodies[id]
		if !ok {
			continue // deleted by a merge in the same batch
		}
		var ev model.Event
		if err := json.Unmarshal(body, &ev); err != nil {
			return fmt.Errorf("live: notify: event %s: %w", id, err)
		}
		for i := range subs {
			if !filters[i].Match(&ev) {
				continue
			}
			d := &store.Delivery{ID: newDeliveryID(), SubscriptionID: subs[i].ID, EventID: id, Body: body,
				NextAttempt: now, Created: now}
			if err := n.st.QueueDelivery(ctx, d); err != nil {
				return fmt.Errorf("live: notify: %w", err)
			}
			queued++
		}
	}
	if queued > 0 {
		n.stats.queued.Add(int64(queued))
		signal(n.wake)
	}
	return nil
}

func newDeliveryID() string {
	b := make([]byte, 16)
	rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// Run delivers due deliveries until ctx ends, sleeping until the next one is
// due or EventsChanged queues more, and returns nil then. A store failure
// in the first round is returned; later ones are logged and retried.
func (n *Notifier) Run(ctx context.Context) error {
	return runLoop(ctx, n.log, n.wake, func(ctx context.Context) (time.Duration, error) {
		if _, err := n.DeliverDue(ctx); err != nil {
			return 0, err
		}
		next, ok, err := n.st.NextDelivery(ctx)
		if err != nil {
			return 0, fmt.Errorf("live: notifier: %w", err)
		}
		if !ok {
			return idleRecheck, nil
		}
		return min(idleRecheck, next.Sub(n.now())), nil
	})
}

// DeliverDue makes one attempt at every delivery due now, one after the
// other, and returns how many it attempted.
func (n *Notifier) DeliverDue(ctx context.Context) (int, error) {
	total := 0
	for {
		due, err := n.st.DueDeliveries(ctx, n.now(), deliveriesPerRound)
		if err != nil {
			return total, fmt.Errorf("live: notifier: %w", err)
		}
		for _, d := range due {
			if err := n.attempt(ctx, d); err != nil {
				return total, err
			}
			total++
		}
		if len(due) < deliveriesPerRound {
			return total, nil
		}
	}
}

// attempt POSTs one delivery and records the outcome.
func (n *Notifier) attempt(ctx context.Context, d store.Delivery) error {
	log := n.log.With("delivery_id", d.ID, "subscription_id", d.SubscriptionID, "event_id", d.EventID)
	sub, err := n.st.Subscription(ctx, d.SubscriptionID)
	if errors.Is(err, store.ErrNotFound) {
		return nil // deleted meanwhile; its deliveries went with it
	}
	if err != nil {
		return fmt.Errorf("live: notifier: %w", err)
	}
	a := store.DeliveryAttempt{DeliveryID: d.ID, Attempt: d.Attempts + 1, At: n.now()}
	n.stats.attempts.Add(1)
	start := time.Now()
	status, retry, postErr := n.post(ctx, sub, d)
	a.Duration = time.Since(start)
	a.HTTPStatus = status
	if postErr != nil {
		if ctx.Err() != nil {
			return ctx.Err() // shutting down: not the receiver's fault, do not count it
		}
		a.Error = postErr.Error()
	}
	state, next := store.DeliveryDelivered, a.At
	switch {
	case postErr == nil:
		n.stats.delivered.Add(1)
		log.Info("webhook delivered", "attempt", a.Attempt, "http_status", status)
	case retry && a.Attempt < n.opts.MaxAttempts:
		state = store.DeliveryPending
		next = a.At.Add(backoff(n.opts.RetryBase, n.opts.RetryMax, a.Attempt, n.rand()))
		n.stats.retries.Add(1)
		log.Warn("webhook failed, will retry", "attempt", a.Attempt, "http_status", status, "error", postErr, "next_attempt", next)
	default:
		state = store.DeliveryFailed
		n.stats.failed.Add(1)
		log.Warn("webhook failed, giving up", "attempt", a.Attempt, "http_status", status, "error", postErr)
	}
	if err := n.st.RecordDeliveryAttempt(ctx, a, state, next); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("live: notifier: %w", err)
	}
	return nil
}

// post sends the delivery. It returns the HTTP status (0 without an
// answer), whether a failure is worth retrying, and the failure.
func (n *Notifier) post(ctx context.Context, sub *store.Subscription, d store.Delivery) (int, bool, error) {
	if err := CheckWebhookURL(sub.URL, n.opts.AllowPrivate); err != nil {
		return 0, false, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.URL, bytes.NewReader(d.Body))
	if err != nil {
		return 0, false, fmt.Errorf("live: post: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", n.opts.UserAgent)
	req.Header.Set(HeaderSignature, Sign(sub.Secret, n.now().Unix(), d.Body))
	req.Header.Set(HeaderEvent, d.EventID)
	req.Header.Set(HeaderDelivery, d.ID)
	resp, err := n.client.Do(req)
	if err != nil {
		// A refused address will be refused again: do not retry it.
		return 0, !errors.Is(err, fetch.ErrForbiddenAddress), fmt.Errorf("live: post: %w", err)
	}
	defer resp.Body.Close()
	reply, _ := io.ReadAll(io.LimitReader(resp.Body, maxReplyBytesLogged)) // only for the log; a short read is fine
	switch c := resp.StatusCode; {
	case c >= 200 && c <= 299:
		return c, false, nil
	case c == http.StatusRequestTimeout, c == http.StatusTooManyRequests, c >= 500:
		return c, true, fmt.Errorf("live: post: HTTP %d %s: %q", c, http.StatusText(c), reply)
	default: // redirects and other client errors will not fix themselves
		return c, false, fmt.Errorf("live: post: HTTP %d %s: %q", c, http.StatusText(c), reply)
	}
}
