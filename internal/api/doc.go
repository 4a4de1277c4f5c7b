// Package api serves sitrep's JSON API (v1), its OpenAPI document, health
// and Prometheus metrics, a server-sent event stream of changed events, and
// mounts the web UI at "/".
//
// Every route is declared once, in routes (routes.go), as data: method,
// path, whether it needs a token, which query parameters it reads, and its
// handler. The ServeMux registration and the OpenAPI document are both
// generated from that table, so they cannot drift apart, and a test checks
// the two against each other and against the mux.
//
// Typical use:
//
//	srv := api.New(api.Options{Store: st, UI: web.Handler(), Log: log})
//	pipe, _ := pipeline.New(ctx, st, pipeline.Options{OnEvents: srv.NotifyEvents})
//	err := srv.ListenAndServe(ctx, "127.0.0.1:8080") // returns after ctx is cancelled and requests drain
//
// Load. Short database reads are admitted first come, first served, as many
// at a time as the store has read connections, so that under load every
// request waits about as long as the others (database/sql alone hands a
// freed connection to a random waiter). Streams and exports are not gated.
//
// Security. Reads are open unless Options.ReadTokenRequired; every write
// (ingest, corrections, subscriptions) needs "Authorization: Bearer TOKEN"
// with a token made by "sitrep token create" (stored hashed). Bodies are
// size-limited, the http.Server has read, write and idle timeouts, and every
// response carries a strict Content-Security-Policy and nosniff. Document
// text is hostile input: it only ever leaves this package JSON-encoded,
// with <, > and & escaped, and the UI renders it as text.
package api
