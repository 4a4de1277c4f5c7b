package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Poller defaults.
const (
	DefaultFeedInterval  = 10 * time.Minute
	DefaultMaxBackoff    = 6 * time.Hour
	DefaultItemRetention = 30 * 24 * time.Hour
	// idleRecheck bounds how long Run sleeps, so that feeds added by another
	// process ("sitrep feed add" while serve runs) are noticed.
	idleRecheck = time.Minute
)

// PollerOptions tunes a Poller. The zero value is usable.
type PollerOptions struct {
	Fetch       fetch.Options // AllowPrivate, UserAgent, limits for every feed GET
	MaxBackoff  time.Duration // cap of the per-feed error backoff; default 6h
	Concurrency int           // feeds fetched at once; default 4
	// ItemRetention is how long an item key is remembered after the feed
	// last listed it; default 30 days.
	ItemRetention time.Duration
	Now           func() time.Time // clock; default time.Now
	Rand          func() float64   // jitter source in [0,1); default math/rand
	Log           *slog.Logger
}

// Poller fetches due feeds with conditional GET and ingests their new items.
type Poller struct {
	st    *store.Store
	ing   Ingester
	opts  PollerOptions
	now   func() time.Time
	rand  func() float64
	log   *slog.Logger
	wake  chan struct{}
	stats pollCounters
}

// PollerStats are the poller's counters since it was made, for /metrics.
type PollerStats struct {
	Polls        int64 `json:"polls"`         // fetches attempted
	NotModified  int64 `json:"not_modified"`  // 304 answers
	Errors       int64 `json:"errors"`        // failed polls (network, HTTP status, unreadable feed, ingest)
	ItemsNew     int64 `json:"items_new"`     // items not seen before, handed to the ingester
	ItemsSkipped int64 `json:"items_skipped"` // items already seen, not ingested again
	Documents    int64 `json:"documents"`     // new documents the ingester stored
}

type pollCounters struct {
	polls, notModified, errors, itemsNew, itemsSkipped, documents atomic.Int64
}

// NewPoller returns a poller that feeds ing from the feeds table of st.
func NewPoller(st *store.Store, ing Ingester, opts PollerOptions) *Poller {
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = DefaultMaxBackoff
	}
	if opts.Concurrency < 1 {
		opts.Concurrency = 4
	}
	if opts.ItemRetention <= 0 {
		opts.ItemRetention = DefaultItemRetention
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Poller{st: st, ing: ing, opts: opts, now: clock(opts.Now), rand: random(opts.Rand),
		log: log.With("component", "poller"), wake: make(chan struct{}, 1)}
}

// Stats returns a snapshot of the counters.
func (p *Poller) Stats() PollerStats {
	c := &p.stats
	return PollerStats{Polls: c.polls.Load(), NotModified: c.notModified.Load(), Errors: c.errors.Load(),
		ItemsNew: c.itemsNew.Load(), ItemsSkipped: c.itemsSkipped.Load(), Documents: c.documents.Load()}
}

// Wake makes Run look for due feeds now (call it after adding a feed).
func (p *Poller) Wake() { signal(p.wake) }

// Run polls due feeds until ctx ends, sleeping until the next feed is due,
// and returns nil then. A failing feed is recorded in its row and backed
// off. A store failure in the first round (an unusable database) is
// returned; later ones are logged and retried after a pause, so that a
// transient error does not stop the server.
func (p *Poller) Run(ctx context.Context) error {
	return runLoop(ctx, p.log, p.wake, p.round)
}

// round polls what is due and returns how long to sleep.
func (p *Poller) round(ctx context.Context) (time.Duration, error) {
	if _, err := p.PollDue(ctx); err != nil {
		return 0, err
	}
	next, ok, err := p.st.NextFeedPoll(ctx)
	if err != nil {
		return 0, fmt.Errorf("live: poller: %w", err)
	}
	if !ok {
		return idleRecheck, nil
	}
	return min(idleRecheck, next.Sub(p.now())), nil
}

// PollDue polls every feed due now, at most Concurrency at a time, and
// returns how many it polled. It waits for all of them before returning.
func (p *Poller) PollDue(ctx context.Context) (int, error) {
	due, err := p.st.DueFeeds(ctx, p.now())
	if err != nil {
		return 0, fmt.Errorf("live: poller: %w", err)
	}
	sem := make(chan struct{}, p.opts.Concurrency)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for _, f := range due {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return 0, ctx.Err()
		}
		wg.Add(1)
		go func() { // owner: PollDue, which waits on wg
			defer wg.Done()
			defer func() { <-sem }()
			if err := p.Poll(ctx, f); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return len(due), errors.Join(errs...)
}

// Poll fetches one feed and ingests the items it has not seen. A failure of
// the feed (network, HTTP status, unreadable body) is recorded in the feed's
// row with its backoff and is not returned; the error is for the store and
// the context.
func (p *Poller) Poll(ctx context.Context, f store.Feed) error {
	at := p.now()
	log := p.log.With("feed_id", f.ID, "feed_url", f.URL)
	interval := f.Interval
	if interval <= 0 {
		interval = DefaultFeedInterval
	}
	hdr := http.Header{}
	if f.ETag != "" {
		hdr.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		hdr.Set("If-Modified-Since", f.LastModified)
	}
	p.stats.polls.Add(1)
	resp, err := fetch.Get(ctx, f.URL, p.opts.Fetch, hdr)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return p.fail(ctx, log, f, at, interval, err)
	}
	res := store.FeedResult{At: at, ETag: f.ETag, LastModified: f.LastModified, NextPoll: at.Add(interval)}
	if v := resp.Header.Get("ETag"); v != "" {
		res.ETag = v
	}
	if v := resp.Header.Get("Last-Modified"); v != "" {
		res.LastModified = v
	}
	if resp.NotModified() {
		p.stats.notModified.Add(1)
		log.Debug("feed not modified")
		return p.polled(ctx, f.ID, res)
	}

	// Keep only the items not ingested before, so a feed that gained one
	// item costs one item of extraction, not fifty.
	items, isFeed := scanItems(resp.Body)
	keys := make([]string, 0, len(items))
	for _, it := range items {
		keys = append(keys, it.Key)
	}
	if !isFeed {
		keys = []string{bodyKey(resp.Body)}
	}
	unseen, err := p.st.UnseenFeedItems(ctx, f.ID, keys)
	if err != nil {
		return fmt.Errorf("live: poll feed %d: %w", f.ID, err)
	}
	p.stats.itemsSkipped.Add(int64(len(keys) - len(unseen)))
	if len(unseen) > 0 {
		body := resp.Body
		if isFeed {
			keep := make(map[string]bool, len(unseen))
			for _, k := range unseen {
				keep[k] = true
			}
			body = keepItems(body, items, keep)
		}
		in := source.Input{Name: f.URL, URL: resp.FinalURL, Raw: body, ContentType: resp.ContentType, FetchedAt: at}
		sum, err := p.ing.IngestInputs(ctx, []source.Input{in})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return p.fail(ctx, log, f, at, interval, fmt.Errorf("ingest: %w", err))
		}
		if sum.Read == 0 && sum.Failed > 0 {
			// Nothing in the answer could be read (an HTML page where a feed
			// was, say): the feed is broken, not merely quiet.
			return p.fail(ctx, log, f, at, interval, fmt.Errorf("%w: no readable item; see \"sitrep stats --failures\"", source.ErrNotFeed))
		}
		p.stats.itemsNew.Add(int64(len(unseen)))
		p.stats.documents.Add(int64(sum.New))
		log.Info("feed polled", "items_new", len(unseen), "documents_new", sum.New, "failed", sum.Failed)
	}
	res.Items = keys
	res.PruneBefore = at.Add(-p.opts.ItemRetention)
	return p.polled(ctx, f.ID, res)
}

// polled records a good poll. A feed removed while it was being polled
// ("sitrep feed remove" from another process) is not an error.
func (p *Poller) polled(ctx context.Context, id int64, res store.FeedResult) error {
	if err := p.st.FeedPolled(ctx, id, res); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("live: poll feed %d: %w", id, err)
	}
	return nil
}

// fail records a failed poll and schedules the retry with backoff.
func (p *Poller) fail(ctx context.Context, log *slog.Logger, f store.Feed, at time.Time, interval time.Duration, cause error) error {
	p.stats.errors.Add(1)
	n := f.ConsecutiveErrors + 1
	wait := backoff(interval, max(p.opts.MaxBackoff, interval), n, p.rand())
	log.Warn("feed poll failed", "error", cause, "consecutive_errors", n, "retry_in", wait.Round(time.Second))
	if err := p.st.FeedFailed(ctx, f.ID, cause.Error(), at, at.Add(wait)); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("live: poll feed %d: %w", f.ID, err)
	}
	return nil
}
