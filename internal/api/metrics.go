package api

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Metrics counts what the server does and writes it in the Prometheus text
// exposition format (version 0.0.4). It is hand-written rather than
// github.com/prometheus/client_golang because sitrep needs four counters
// and one histogram, and the client library would add about ten modules
// (protobuf among them) to a single binary that otherwise has few.
//
// Metrics is safe for concurrent use. Other components report through
// Ingested, or expose their own counters with Func.
type Metrics struct {
	mu       sync.Mutex
	requests map[[3]string]uint64  // route, method, code
	latency  map[string]*histogram // route
	ingest   map[string]uint64     // result (new, duplicate, near_duplicate, failed, reports, events)
	funcs    []funcMetric          // samples read from other components at scrape time
	streamed uint64                // SSE messages sent to clients
	dropped  uint64                // slow SSE clients disconnected, or batches dropped
	clients  func() int            // current SSE clients
	started  time.Time
}

// latencyBuckets are upper bounds in seconds, tuned for the < 50 ms goal.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newMetrics() *Metrics {
	return &Metrics{requests: map[[3]string]uint64{}, latency: map[string]*histogram{}, ingest: map[string]uint64{},
		started: time.Now()}
}

// observe records one finished request; a negative d counts it without
// a latency.
func (m *Metrics) observe(route, method string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[3]string{route, method, strconv.Itoa(code)}]++
	if d < 0 {
		return
	}
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.latency[route] = h
	}
	s := d.Seconds()
	for i, b := range latencyBuckets {
		if s <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += s
	h.n++
}

// IngestCounts is what one ingest did: documents read and their fate,
// reports extracted and events created or changed.
type IngestCounts struct {
	Documents      int `json:"documents"`
	New            int `json:"new"`
	Duplicates     int `json:"duplicates"`
	NearDuplicates int `json:"near_duplicates"`
	Failed         int `json:"failed"`
	Reports        int `json:"reports"`
	Events         int `json:"events_touched"`
}

// Ingested adds an ingest's counts to sitrep_ingest_total.
func (m *Metrics) Ingested(c IngestCounts) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ingest["new"] += uint64(c.New)
	m.ingest["duplicate"] += uint64(c.Duplicates)
	m.ingest["near_duplicate"] += uint64(c.NearDuplicates)
	m.ingest["failed"] += uint64(c.Failed)
	m.ingest["report"] += uint64(c.Reports)
	m.ingest["event"] += uint64(c.Events)
}

// funcMetric is one sample whose value is read when /metrics is scraped.
type funcMetric struct {
	name, help, typ string
	labels          map[string]string
	fn              func() float64
}

// Func adds a sample read from fn at every scrape, such as the feed
// poller's error count: Func("sitrep_feed_errors_total", "…", "counter",
// map[string]string{"source": "feeds"}, func() float64 { … }). Samples
// that share a name must share help and type; typ is "counter" or "gauge".
func (m *Metrics) Func(name, help, typ string, labels map[string]string, fn func() float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.funcs = append(m.funcs, funcMetric{name: name, help: help, typ: typ, labels: labels, fn: fn})
}

func (m *Metrics) streamSent(n int) {
	m.mu.Lock()
	m.streamed += uint64(n)
	m.mu.Unlock()
}

func (m *Metrics) streamDropped() {
	m.mu.Lock()
	m.dropped++
	m.mu.Unlock()
}

// label escapes a label value as the exposition format requires.
func label(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func sortedKeys[K comparable, V any](m map[K]V, less func(a, b K) bool) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	return keys
}

// WriteTo writes every metric in the text exposition format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	m.mu.Lock()
	b.WriteString("# HELP sitrep_http_requests_total HTTP requests by route pattern, method and status code.\n# TYPE sitrep_http_requests_total counter\n")
	for _, k := range sortedKeys(m.requests, func(a, b [3]string) bool { return strings.Join(a[:], " ") < strings.Join(b[:], " ") }) {
		fmt.Fprintf(&b, "sitrep_http_requests_total{route=\"%s\",method=\"%s\",code=\"%s\"} %d\n", label(k[0]), label(k[1]), k[2], m.requests[k])
	}
	b.WriteString("# HELP sitrep_http_request_duration_seconds HTTP request latency by route pattern.\n# TYPE sitrep_http_request_duration_seconds histogram\n")
	for _, route := range sortedKeys(m.latency, func(a, b string) bool { return a < b }) {
		h, r := m.latency[route], label(route)
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "sitrep_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %d\n", r, le, cum)
		}
		fmt.Fprintf(&b, "sitrep_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", r, h.n)
		fmt.Fprintf(&b, "sitrep_http_request_duration_seconds_sum{route=\"%s\"} %g\n", r, h.sum)
		fmt.Fprintf(&b, "sitrep_http_request_duration_seconds_count{route=\"%s\"} %d\n", r, h.n)
	}
	b.WriteString("# HELP sitrep_ingest_total Ingested documents by result, and reports and events written.\n# TYPE sitrep_ingest_total counter\n")
	for _, k := range []string{"new", "duplicate", "near_duplicate", "failed", "report", "event"} {
		fmt.Fprintf(&b, "sitrep_ingest_total{result=\"%s\"} %d\n", k, m.ingest[k])
	}
	funcs := append([]funcMetric(nil), m.funcs...)
	fmt.Fprintf(&b, "# HELP sitrep_stream_messages_total Server-sent event messages delivered.\n# TYPE sitrep_stream_messages_total counter\nsitrep_stream_messages_total %d\n", m.streamed)
	fmt.Fprintf(&b, "# HELP sitrep_stream_dropped_total Slow stream clients disconnected or change batches dropped.\n# TYPE sitrep_stream_dropped_total counter\nsitrep_stream_dropped_total %d\n", m.dropped)
	clients := m.clients
	started := m.started
	m.mu.Unlock()
	sort.SliceStable(funcs, func(i, j int) bool { return funcs[i].name < funcs[j].name })
	for i, f := range funcs {
		if i == 0 || funcs[i-1].name != f.name {
			fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", f.name, f.help, f.name, f.typ)
		}
		b.WriteString(f.name)
		if len(f.labels) > 0 {
			var ls []string
			for _, k := range sortedKeys(f.labels, func(a, b string) bool { return a < b }) {
				ls = append(ls, fmt.Sprintf("%s=\"%s\"", k, label(f.labels[k])))
			}
			b.WriteString("{" + strings.Join(ls, ",") + "}")
		}
		fmt.Fprintf(&b, " %g\n", f.fn())
	}
	if clients != nil {
		fmt.Fprintf(&b, "# HELP sitrep_stream_clients Connected server-sent event clients.\n# TYPE sitrep_stream_clients gauge\nsitrep_stream_clients %d\n", clients())
	}
	fmt.Fprintf(&b, "# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&b, "# HELP process_start_time_seconds Start time of the server since the Unix epoch.\n# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds %d\n", started.Unix())
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.metrics.WriteTo(w); err != nil {
		s.log.Debug("metrics write", "error", err)
	}
}
