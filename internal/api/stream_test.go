package api

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestStreamDeliversChangedEvents runs the real server on a loopback port,
// opens the stream, announces a change and checks that the event arrives,
// then that cancelling the context ends the stream and Serve.
func TestStreamDeliversChangedEvents(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st})
	srv.pingEvery = 50 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve = %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Serve did not return after cancel")
		}
	}()

	resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type = %q", ct)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitFor := func(want string) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream ended before %q", want)
				}
				if strings.HasPrefix(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q within 5s", want)
			}
		}
	}
	waitFor(": connected")
	for srv.broker.count() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	srv.NotifyEvents([]string{"ev-zap"})
	waitFor("event: event")
	waitFor(`data: {"id":"ev-zap"`)
	waitFor(": ping")
	cancel()
	select {
	case _, ok := <-lines:
		for ok {
			_, ok = <-lines
		}
	case <-time.After(5 * time.Second):
		t.Fatal("stream still open after shutdown")
	}
}

func TestBrokerDropsSlowClient(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st})
	b := srv.broker
	slow, cancelSlow := b.subscribe()
	defer cancelSlow()
	fast, cancelFast := b.subscribe()
	defer cancelFast()
	for i := 0; i <= clientBuffer; i++ {
		b.publish([]byte("m"))
		<-fast
	}
	n := 0
	for range slow { // closed after clientBuffer messages
		n++
	}
	if n != clientBuffer {
		t.Errorf("slow client got %d messages before being dropped, want %d", n, clientBuffer)
	}
	if b.count() != 1 {
		t.Errorf("clients = %d after dropping the slow one, want 1", b.count())
	}
	if srv.metrics.dropped != 1 {
		t.Errorf("dropped = %d, want 1", srv.metrics.dropped)
	}
}
