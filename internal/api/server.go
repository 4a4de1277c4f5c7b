package api

import (
	"context"
	"errors"
	"fmt"
	"github.com/sitrep-osint/sitrep/internal/web"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// Options configures a Server. Store is required; everything else may be
// left zero.
type Options struct {
	Store *store.Store
	Log   *slog.Logger
	// UI serves the web interface at "/" (internal/web's Handler); nil
	// serves a one-line placeholder.
	UI http.Handler
	// ReadTokenRequired closes reads (everything but /healthz and the UI's
	// static files) to requests without a valid bearer token.
	ReadTokenRequired bool
	// Hooks connect the routes that change data to the packages that do it.
	Hooks Hooks
	// Version is reported by /healthz.
	Version string
}

// Upload is one document POSTed for ingestion: the raw body, the name
// the client gave it (query parameter "name") and its Content-Type, which
// the source detector may use as a hint.
type Upload struct {
	Name        string
	ContentType string
	Body        []byte
}

// Hooks are the functions behind the write routes. They are plain functions
// rather than an interface so that serve.go can wire each to whichever
// package implements it (pipeline, merge, live); a nil hook makes its
// routes answer 501. Errors wrapping store.ErrNotFound become 404, errors
// wrapping ErrInvalid 400, others 500. Ingest and the corrections return
// the IDs of the events they changed for the reply; announcing those
// changes (stream clients, webhooks) is the hook's job, because the same
// changes also arise outside the API (feeds, the watched folder), so the
// handlers never announce them a second time.
type Hooks struct {
	Ingest  func(ctx context.Context, u Upload) (IngestCounts, []string, error)
	Merge   func(ctx context.Context, eventID, other, reason string) ([]string, error)
	Split   func(ctx context.Context, eventID, reportID, reason string) ([]string, error)
	Undo    func(ctx context.Context) ([]string, error)
	Explain func(ctx context.Context, eventID string) (any, error)

	ListSubscriptions  func(ctx context.Context) (any, error)
	CreateSubscription func(ctx context.Context, body []byte) (any, error)
	DeleteSubscription func(ctx context.Context, id string) error
}

// Limits on requests.
const (
	maxDocumentBody = 16 << 20 // a POSTed document
	maxJSONBody     = 64 << 10 // a correction or subscription
	queryTimeout    = 20 * time.Second
	exportTimeout   = 30 * time.Minute
	ingestTimeout   = 10 * time.Minute
)

// ContentSecurityPolicy is sent with every response: the UI's policy, one
// definition for the pages and the API alike.
const ContentSecurityPolicy = web.CSP

// Server is sitrep's HTTP server. Build it with New; it is safe for
// concurrent use.
type Server struct {
	st        *store.Store
	log       *slog.Logger
	opts      Options
	mux       *http.ServeMux
	metrics   *Metrics
	broker    *broker
	routes    []route
	pingEvery time.Duration
	// slots admits database-bound requests first come, first served; see
	// wrap.
	slots chan struct{}
}

// New builds a server and registers its routes.
func New(opts Options) *Server {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := newMetrics()
	s := &Server{st: opts.Store, log: log.With("component", "api"), opts: opts, mux: http.NewServeMux(), metrics: m,
		broker: newBroker(opts.Store, m), pingEvery: pingEvery, slots: make(chan struct{}, max(4, runtime.NumCPU()))}
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern(), s.wrap(rt))
	}
	return s
}

// Handler returns the server's root handler: every route, with security
// headers on every response.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		s.mux.ServeHTTP(w, r)
	})
}

// Metrics returns the server's metrics, for the live-input code to report
// ingests and feed errors into.
func (s *Server) Metrics() *Metrics { return s.metrics }

// NotifyEvents tells stream clients that these events were created or
// changed. It never blocks; pass it as pipeline.Options.OnEvents.
func (s *Server) NotifyEvents(ids []string) { s.broker.notify(ids) }

// ListenAndServe listens on addr and serves until ctx is cancelled, then
// shuts down gracefully (see Serve).
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("api: listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled. It then ends every event
// stream, stops accepting connections and gives requests in flight ten
// seconds to finish. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // a 16 MiB upload on a slow link
		WriteTimeout:      60 * time.Second, // streams and exports extend their own deadline
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	bctx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	wg.Go(func() { s.broker.run(bctx, s.log.Warn) })
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String())
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		stop()
		wg.Wait() // streams are closed before Shutdown waits for idle connections
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = srv.Shutdown(sctx)
		cancel()
		if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) {
			err = errors.Join(err, serr)
		}
	}
	stop()
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("api: serve: %w", err)
	}
	return nil
}

// statusWriter records the status code for the metrics; Unwrap lets
// http.ResponseController reach Flush and the deadlines.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adds, around one route's handler: metrics, authorization, the body
// limit and a deadline on the request context.
func (s *Server) wrap(rt route) http.Handler {
	label := rt.pattern()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			d := time.Since(start)
			if rt.produces == streamType {
				d = -1 // a stream's lifetime is not a latency
			}
			s.metrics.observe(label, r.Method, sw.code, d)
		}()
		if rt.auth == authWrite || (rt.auth == authRead && s.opts.ReadTokenRequired) {
			if !s.authorized(r) {
				sw.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
				fail(sw, http.StatusUnauthorized, "a valid bearer token is required (sitrep token create)")
				return
			}
		}
		limit := int64(maxJSONBody)
		if rt.maxBody > 0 {
			limit = rt.maxBody
		}
		r.Body = http.MaxBytesReader(sw, r.Body, limit)
		if !rt.long {
			ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		if rt.gated {
			// database/sql hands a freed connection to a random waiter, so
			// under load some requests would wait far longer than others;
			// a channel admits waiters in arrival order, and as many at a
			// time as the store has read connections.
			select {
			case s.slots <- struct{}{}:
				defer func() { <-s.slots }()
			case <-r.Context().Done():
				fail(sw, http.StatusServiceUnavailable, "server busy: request timed out waiting for the database")
				return
			}
		}
		rt.handler(sw, r)
	})
}

// authorized reports whether r carries a live bearer token.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return false
	}
	_, err := s.st.CheckToken(r.Context(), strings.TrimSpace(token))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.log.Error("check token", "error", err)
	}
	return err == nil
}
