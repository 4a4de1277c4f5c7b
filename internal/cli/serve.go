package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/sitrep-osint/sitrep/internal/api"
	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/live"
	"github.com/sitrep-osint/sitrep/internal/merge"
	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/internal/web"
	"golang.org/x/sync/errgroup"
)

func init() {
	register(command{
		name:    "serve",
		args:    "[--addr 127.0.0.1:8080] [--read-token-required] [--feeds FILE] [--watch DIR] [--allow-private]",
		summary: "serve the JSON API, the web UI and live updates",
		run:     runServe,
	})
}

// serveOptions configures serve.
type serveOptions struct {
	Addr              string
	ReadTokenRequired bool
	Feeds             string        // file listing feed URLs, added to the feeds table at start-up
	FeedInterval      time.Duration // poll interval for feeds added from Feeds
	Watch             string        // folder whose new files are ingested
	// Ready, when set, is called with the server's base URL once it
	// listens ("sitrep demo" prints it).
	Ready func(url string)
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve")
	var o serveOptions
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "listen `address` (host:port)")
	fs.BoolVar(&o.ReadTokenRequired, "read-token-required", false, "require a bearer token for reads too (writes always need one)")
	fs.StringVar(&o.Feeds, "feeds", "", "`file` of RSS/Atom feed URLs, one a line, to poll")
	fs.DurationVar(&o.FeedInterval, "feed-interval", live.DefaultFeedInterval, "poll `interval` for feeds added with --feeds")
	fs.StringVar(&o.Watch, "watch", "", "`directory` to watch for new files (e.g. Telegram exports) to ingest")
	fs.BoolVar(&e.cfg.AllowPrivate, "allow-private", e.cfg.AllowPrivate, "allow feeds, URL ingests and webhooks on private and loopback addresses (env SITREP_ALLOW_PRIVATE)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	o.Ready = func(url string) { fmt.Fprintf(e.io.Err, "sitrep: serving %s on %s (Ctrl-C to stop)\n", st.Path(), url) }
	return serve(ctx, e, st, o)
}

// serve runs sitrep's server on st until ctx is cancelled, then shuts it
// down gracefully and returns nil. It wires together the API, the web UI,
// a pipeline for POSTed documents, merge corrections, webhook
// subscriptions, and (when asked) the feed poller and folder watcher. Every
// changed event is pushed to the UI's stream and to the webhooks.
func serve(ctx context.Context, e *env, st *store.Store, o serveOptions) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("serve: listen %s: %w", o.Addr, err)
	}
	defer ln.Close()
	// Everything that can fail before the goroutines start comes first, so an
	// error never leaves one running against a store the caller then closes.
	if o.Feeds != "" {
		n, err := live.AddFeedFile(ctx, st, o.Feeds, o.FeedInterval)
		if err != nil {
			return err
		}
		e.log.Info("feeds added", "file", o.Feeds, "new", n)
	}
	allowPrivate := e.cfg.AllowPrivate
	notifier := live.NewNotifier(st, live.NotifierOptions{AllowPrivate: allowPrivate, UserAgent: fetch.UserAgent(version()), Log: e.log})

	var srv *api.Server
	changed := func(ids []string) {
		if len(ids) == 0 {
			return
		}
		srv.NotifyEvents(ids)
		if err := notifier.EventsChanged(ctx, ids); err != nil {
			e.log.Error("queue webhook deliveries", "events", len(ids), "error", err)
		}
	}
	fetchOpts := fetch.Options{AllowPrivate: allowPrivate, UserAgent: fetch.UserAgent(version()), MaxBytes: source.DefaultMaxBytes}
	pipe, err := pipeline.New(ctx, st, pipeline.Options{Source: source.Options{Fetch: fetchOpts, MaxBytes: source.LocalMaxBytes}, Workers: e.cfg.Workers,
		OnEvents: changed, Log: e.log})
	if err != nil {
		return err
	}
	srv = api.New(api.Options{Store: st, Log: e.log, UI: web.Handler(), ReadTokenRequired: o.ReadTokenRequired,
		Version: version(), Hooks: hooks(st, pipe, changed, allowPrivate)})

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return notifier.Run(gctx) })
	m := srv.Metrics()
	m.Func("sitrep_webhook_retries_total", "Failed webhook delivery attempts that will be retried.", "counter", nil,
		func() float64 { return float64(notifier.Stats().Retries) })
	m.Func("sitrep_webhook_failed_total", "Webhook deliveries given up after every retry.", "counter", nil,
		func() float64 { return float64(notifier.Stats().Failed) })
	// The poller also serves feeds added earlier with "sitrep feed add"; with none it sleeps.
	poller := live.NewPoller(st, pipe, live.PollerOptions{Fetch: fetchOpts, Log: e.log})
	g.Go(func() error { return poller.Run(gctx) })
	m.Func("sitrep_feed_errors_total", "Failed feed polls and unreadable watched files.", "counter", map[string]string{"input": "feeds"},
		func() float64 { return float64(poller.Stats().Errors) })
	m.Func("sitrep_feed_documents_total", "New documents stored from live inputs.", "counter", map[string]string{"input": "feeds"},
		func() float64 { return float64(poller.Stats().Documents) })
	if o.Watch != "" {
		watcher := live.NewWatcher(st, pipe, o.Watch, live.WatcherOptions{Log: e.log})
		g.Go(func() error { return watcher.Run(gctx) })
		m.Func("sitrep_feed_errors_total", "", "counter", map[string]string{"input": "watch"},
			func() float64 { return float64(watcher.Stats().Errors) })
		m.Func("sitrep_feed_documents_total", "", "counter", map[string]string{"input": "watch"},
			func() float64 { return float64(watcher.Stats().Documents) })
	}
	g.Go(func() error {
		if o.Ready != nil {
			o.Ready("http://" + ln.Addr().String() + "/")
		}
		return srv.Serve(gctx, ln)
	})
	return g.Wait()
}

// hooks connects the API's write routes to the packages that do the work.
func hooks(st *store.Store, pipe *pipeline.Pipeline, changed func([]string), allowPrivate bool) api.Hooks {
	invalid := func(err error) error {
		if errors.Is(err, merge.ErrNotInEvent) || errors.Is(err, live.ErrFilter) || errors.Is(err, live.ErrWebhookURL) {
			return fmt.Errorf("%w: %w", api.ErrInvalid, err)
		}
		return err
	}
	return api.Hooks{
		Ingest: func(ctx context.Context, u api.Upload) (api.IngestCounts, []string, error) {
			name := u.Name
			if name == "" {
				name = "upload"
			}
			sum, err := pipe.IngestInputs(ctx, []source.Input{{Name: "api:" + name, Raw: u.Body, ContentType: u.ContentType, FetchedAt: time.Now().UTC()}})
			// The pipeline's OnEvents has already announced the changed events.
			return api.IngestCounts{Documents: sum.Read, New: sum.New, Duplicates: sum.Duplicates, NearDuplicates: sum.NearDuplicates,
				Failed: sum.Failed, Reports: sum.Reports, Events: sum.Events}, sum.EventIDs, err
		},
		Merge: func(ctx context.Context, a, b, reason string) ([]string, error) {
			id, err := merge.Merge(ctx, st, a, b, reason)
			if err != nil {
				return nil, invalid(err)
			}
			changed([]string{id})
			return []string{id}, nil
		},
		Split: func(ctx context.Context, eventID, reportID, reason string) ([]string, error) {
			moved, err := merge.Split(ctx, st, eventID, reportID, reason)
			if err != nil {
				return nil, invalid(err)
			}
			ids := eventsOfReports(ctx, st, []string{reportID})
			ids = append(ids, moved)
			changed(ids)
			return ids, nil
		},
		Undo: func(ctx context.Context) ([]string, error) {
			c, err := merge.Undo(ctx, st, "undone through the API")
			if err != nil {
				return nil, err
			}
			var args struct {
				AnchorA string   `json:"anchor_a"`
				AnchorB string   `json:"anchor_b"`
				Report  string   `json:"report"`
				Others  []string `json:"others"`
			}
			if err := json.Unmarshal(c.Args, &args); err != nil {
				return nil, fmt.Errorf("undo: correction %d args: %w", c.ID, err)
			}
			ids := eventsOfReports(ctx, st, append([]string{args.AnchorA, args.AnchorB, args.Report}, args.Others...))
			changed(ids)
			return ids, nil
		},
		Explain: func(ctx context.Context, eventID string) (any, error) {
			return merge.Explain(ctx, st, eventID)
		},
		ListSubscriptions: func(ctx context.Context) (any, error) {
			subs, err := st.Subscriptions(ctx)
			if subs == nil {
				subs = []store.Subscription{}
			}
			return subs, err
		},
		CreateSubscription: func(ctx context.Context, body []byte) (any, error) {
			var req struct {
				URL    string      `json:"url"`
				Secret string      `json:"secret"`
				Filter live.Filter `json:"filter"`
			}
			if err := json.Unmarshal(body, &req); err != nil {
				return nil, errors.Join(api.ErrInvalid, err)
			}
			sub, err := live.Subscribe(ctx, st, req.URL, req.Secret, req.Filter, allowPrivate)
			if err != nil {
				return nil, invalid(err)
			}
			// The secret is shown this once, so the receiver can verify signatures.
			return struct {
				*store.Subscription
				Secret string `json:"secret"`
			}{sub, sub.Secret}, nil
		},
		DeleteSubscription: func(ctx context.Context, id string) error {
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return fmt.Errorf("%w: subscription id %q", api.ErrInvalid, id)
			}
			return st.DeleteSubscription(ctx, n)
		},
	}
}

// eventsOfReports returns the distinct events the reports belong to now.
func eventsOfReports(ctx context.Context, st *store.Store, reportIDs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range reportIDs {
		if id == "" {
			continue
		}
		r, err := st.Report(ctx, id)
		if err != nil || r.Event == "" || seen[r.Event] {
			continue
		}
		seen[r.Event] = true
		out = append(out, r.Event)
	}
	return out
}
