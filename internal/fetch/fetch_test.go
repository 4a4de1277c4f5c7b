package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ua", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, r.UserAgent())
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 5000))
	})
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	})
	mux.HandleFunc("GET /loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("GET /hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ua", http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestGetRefusesLoopbackByDefault(t *testing.T) {
	srv := newServer(t)
	_, err := Get(context.Background(), srv.URL+"/ua", Options{}, nil)
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Get(%s) error = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	// The same host name must not help: localhost resolves to loopback.
	local := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	if _, err := Get(context.Background(), local+"/ua", Options{}, nil); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Get(%s) error = %v, want ErrForbiddenAddress", local, err)
	}
}

func TestGet(t *testing.T) {
	srv := newServer(t)
	allow := Options{AllowPrivate: true}
	tests := []struct {
		name     string
		path     string
		opts     Options
		hdr      http.Header
		wantErr  error
		status   int
		body     string
		finalURL string
	}{
		{name: "user agent", path: "/ua", opts: allow, status: 200, body: UserAgent("dev")},
		{name: "custom user agent", path: "/ua", opts: Options{AllowPrivate: true, UserAgent: UserAgent("1.2.3")}, status: 200, body: "sitrep/1.2.3 (+https://github.com/sitrep-osint/sitrep)"},
		{name: "redirect followed", path: "/hop", opts: allow, status: 200, body: UserAgent("dev"), finalURL: "/ua"},
		{name: "redirect loop", path: "/loop", opts: allow, wantErr: ErrTooManyRedirects},
		{name: "redirect to file scheme", path: "/file", opts: allow, wantErr: ErrScheme},
		{name: "too large", path: "/big", opts: Options{AllowPrivate: true, MaxBytes: 1000}, wantErr: ErrTooLarge},
		{name: "within size", path: "/big", opts: Options{AllowPrivate: true, MaxBytes: 5000}, status: 200, body: strings.Repeat("x", 5000)},
		{name: "conditional fresh", path: "/feed", opts: allow, status: 200, body: "<rss/>"},
		{name: "conditional not modified", path: "/feed", opts: allow, hdr: http.Header{"If-None-Match": {`"v1"`}}, status: 304},
		{name: "timeout", path: "/slow", opts: Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}, wantErr: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := Get(context.Background(), srv.URL+tt.path, tt.opts, tt.hdr)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) && !(tt.wantErr == context.DeadlineExceeded && err != nil && strings.Contains(err.Error(), "Timeout")) {
					t.Fatalf("Get(%s) error = %v, want %v", tt.path, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get(%s) error = %v", tt.path, err)
			}
			if resp.Status != tt.status || string(resp.Body) != tt.body {
				t.Fatalf("Get(%s) = %d %q, want %d %q", tt.path, resp.Status, resp.Body, tt.status, tt.body)
			}
			if tt.finalURL != "" && resp.FinalURL != srv.URL+tt.finalURL {
				t.Fatalf("Get(%s).FinalURL = %s, want %s", tt.path, resp.FinalURL, srv.URL+tt.finalURL)
			}
			if tt.status == 304 && !resp.NotModified() {
				t.Fatalf("Get(%s).NotModified() = false", tt.path)
			}
		})
	}
}

func TestGetStatusAndScheme(t *testing.T) {
	srv := newServer(t)
	_, err := Get(context.Background(), srv.URL+"/missing", Options{AllowPrivate: true}, nil)
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 404 {
		t.Fatalf("Get(/missing) error = %v, want StatusError 404", err)
	}
	if _, err := Get(context.Background(), "ftp://example.org/x", Options{}, nil); !errors.Is(err, ErrScheme) {
		t.Fatalf("Get(ftp) error = %v, want ErrScheme", err)
	}
}

func TestPublic(t *testing.T) {
	tests := []struct {
		name string
		addr string
		want bool
	}{
		{"public v4", "93.184.216.34", true},
		{"public v6", "2606:2800:220:1:248:1893:25c8:1946", true},
		{"loopback", "127.0.0.1", false},
		{"loopback v6", "::1", false},
		{"private 10", "10.1.2.3", false},
		{"private 192", "192.168.0.10", false},
		{"private 172", "172.16.5.4", false},
		{"link local", "169.254.169.254", false},
		{"unspecified", "0.0.0.0", false},
		{"unspecified v6", "::", false},
		{"unique local v6", "fd00::1", false},
		{"mapped loopback", "::ffff:127.0.0.1", false},
		{"shared space", "100.64.1.1", false},
		{"multicast", "224.0.0.1", false},
		{"this network", "0.1.2.3", false},
		{"protocol assignments", "192.0.0.8", false},
		{"benchmarking", "198.18.0.1", false},
		{"documentation", "203.0.113.7", false},
		{"reserved class E", "240.1.2.3", false},
		{"broadcast", "255.255.255.255", false},
		{"NAT64 of loopback", "64:ff9b::7f00:1", false},
		{"6to4 of private", "2002:c0a8:0001::1", false},
		{"public next to benchmarking", "198.20.0.1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Public(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Fatalf("Public(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}
