package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// Stream tuning. A client whose buffer is full is disconnected rather than
// waited for: one stalled browser tab must not hold back the others, and
// EventSource reconnects by itself.
const (
	clientBuffer = 64               // messages queued per client
	queueBatches = 256              // change batches waiting to be loaded
	pingEvery    = 20 * time.Second // keeps proxies from closing an idle stream
)

// broker fans changed events out to the connected stream clients. The
// pipeline calls notify with event IDs on its writer goroutine; notify only
// enqueues, and run (owned by Serve) loads the events and sends them.
type broker struct {
	st      *store.Store
	metrics *Metrics
	queue   chan []string
	done    chan struct{} // closed when the server shuts down: streams end

	mu      sync.Mutex
	clients map[chan []byte]struct{}
	closed  bool
}

func newBroker(st *store.Store, m *Metrics) *broker {
	b := &broker{st: st, metrics: m, queue: make(chan []string, queueBatches), done: make(chan struct{}),
		clients: map[chan []byte]struct{}{}}
	m.clients = b.count
	return b
}

func (b *broker) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// subscribe registers a client; the channel is closed when the client is
// dropped for being slow or the broker shuts down.
func (b *broker) subscribe() (chan []byte, func()) {
	ch := make(chan []byte, clientBuffer)
	b.mu.Lock()
	if b.closed {
		close(ch)
	} else {
		b.clients[ch] = struct{}{}
	}
	b.mu.Unlock()
	return ch, func() { b.drop(ch) }
}

func (b *broker) drop(ch chan []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[ch]; ok {
		delete(b.clients, ch)
		close(ch)
	}
}

// publish sends msg to every client without blocking.
func (b *broker) publish(msg []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	sent := 0
	for ch := range b.clients {
		select {
		case ch <- msg:
			sent++
		default:
			delete(b.clients, ch)
			close(ch)
			b.metrics.streamDropped()
		}
	}
	b.metrics.streamSent(sent)
}

// notify queues a batch of changed event IDs; when the queue is full the
// batch is dropped and counted (the UI catches up on its next query).
func (b *broker) notify(ids []string) {
	if len(ids) == 0 {
		return
	}
	select {
	case b.queue <- append([]string(nil), ids...):
	default:
		b.metrics.streamDropped()
	}
}

// run loads and publishes queued batches until ctx ends, then closes every
// stream.
func (b *broker) run(ctx context.Context, log func(msg string, args ...any)) {
	defer b.shutdown()
	for {
		select {
		case <-ctx.Done():
			return
		case ids := <-b.queue:
			if b.count() == 0 {
				continue
			}
			for start := 0; start < len(ids); start += store.MaxLimit {
				chunk := ids[start:min(start+store.MaxLimit, len(ids))]
				evs, _, err := b.st.QueryEvents(ctx, store.Filter{IDs: chunk, Limit: store.MaxLimit})
				if err != nil {
					log("stream: load changed events", "error", err)
					continue
				}
				for _, ev := range evs {
					data, err := json.Marshal(ev)
					if err != nil {
						log("stream: encode event", "event_id", ev.ID, "error", err)
						continue
					}
					b.publish([]byte(fmt.Sprintf("event: event\nid: %s\ndata: %s\n\n", ev.ID, data)))
				}
			}
		}
	}
}

func (b *broker) shutdown() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	close(b.done)
	for ch := range b.clients {
		delete(b.clients, ch)
		close(ch)
	}
}

// MaxStreams caps concurrent stream clients: each holds a connection and a
// goroutine for as long as it stays, and reads are open by default.
const MaxStreams = 256

// streamWriteTimeout bounds each write to a stream client, so one that
// connects and never reads cannot hold its handler forever.
const streamWriteTimeout = 30 * time.Second

// handleStream serves GET /api/v1/stream as text/event-stream.
func (s *Server) handleStream(w http.ResponseWriter, r *http.Request) {
	if s.broker.count() >= MaxStreams {
		fail(w, http.StatusServiceUnavailable, "too many stream clients; retry later")
		return
	}
	rc := http.NewResponseController(w)
	// A stream outlives the server's write timeout: each write gets its own
	// deadline instead.
	deadline := func() {
		if err := rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout)); err != nil {
			s.log.Debug("stream: set write deadline", "error", err)
		}
	}
	deadline()
	ch, cancel := s.broker.subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, "retry: 5000\n: connected\n\n"); err != nil {
		return
	}
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(s.pingEvery)
	defer ping.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-s.broker.done:
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			deadline()
			_, err = w.Write(msg)
		case <-ping.C:
			deadline()
			_, err = fmt.Fprint(w, ": ping\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}
