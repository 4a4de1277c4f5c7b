// Package live keeps a sitrep database current while "sitrep serve" runs:
// a Poller fetches RSS/Atom feeds, a Watcher ingests files dropped into a
// folder (Telegram Desktop exports among them), and a Notifier POSTs new
// and changed events to webhook subscriptions.
//
// Each is a long-lived component with a Run(ctx) method that returns when
// ctx is cancelled, after every goroutine it started has finished; the
// caller owns the goroutine Run runs on:
//
//	n := live.NewNotifier(st, live.NotifierOptions{Log: log})
//	p, err := pipeline.New(ctx, st, pipeline.Options{OnEvents: func(ids []string) {
//		if err := n.EventsChanged(ctx, ids); err != nil { log.Error(...) }
//	}})
//	poller := live.NewPoller(st, p, live.PollerOptions{Log: log})
//	watcher := live.NewWatcher(st, p, "/srv/drop", live.WatcherOptions{Log: log})
//	g.Go(func() error { return n.Run(ctx) }) // likewise poller.Run, watcher.Run
//
// Subscriptions are made with Subscribe (which checks the URL and the
// filter) and listed or deleted with the store's Subscriptions and
// DeleteSubscription; feeds with store.AddFeed or AddFeedFile.
//
// State lives in the database, not in memory, so a restart resumes where
// the last run stopped: feeds keep their ETag/Last-Modified validators, their
// error counts and the set of item GUIDs already ingested; the watcher keeps
// path, size, modification time and hash of every file it ingested; pending
// webhook deliveries keep their attempt count and next attempt time.
//
// Time is read through an injected clock (the Now option) and each
// component has a one-shot method (PollDue, Scan, DeliverDue) that does one
// round of work, so tests step through backoff and retries without sleeping.
package live
