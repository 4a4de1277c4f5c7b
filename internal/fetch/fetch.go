// Package fetch downloads documents over HTTP(S) safely: bounded in time and
// size, with a clear User-Agent, and refusing to connect to loopback,
// private, link-local or unspecified addresses unless told otherwise.
//
// The address check runs at dial time (net.Dialer.Control), after DNS
// resolution and for every connection, so neither a redirect to an internal
// host nor a DNS name that resolves to one (DNS rebinding) can bypass it.
//
// Typical use:
//
//	resp, err := fetch.Get(ctx, "https://example.org/feed.xml", fetch.Options{}, nil)
//	if err != nil { ... }
//	fmt.Println(resp.Status, resp.ContentType, len(resp.Body))
//
// A conditional request passes If-None-Match / If-Modified-Since in hdr; a
// 304 Not Modified answer is returned as a Response, not an error.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Defaults applied to zero Options fields.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBytes       = 20 << 20
	DefaultMaxRedirects   = 5
)

// Errors returned (wrapped) by Get.
var (
	// ErrForbiddenAddress means the host resolved to an address that
	// Options.AllowPrivate does not permit.
	ErrForbiddenAddress = errors.New("forbidden address")
	// ErrTooLarge means the body exceeded Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects means the redirect chain exceeded Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrScheme means the URL (or a redirect target) is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
)

// Options bounds a fetch. The zero value is usable: every zero field takes
// its default.
type Options struct {
	Timeout        time.Duration // whole request including body; default 30s
	ConnectTimeout time.Duration // TCP connect; default 10s
	MaxBytes       int64         // body size limit; default 20 MiB
	MaxRedirects   int           // default 5
	UserAgent      string        // default UserAgent("dev")
	AllowPrivate   bool          // permit loopback, private, link-local and unspecified addresses
}

// UserAgent returns the User-Agent sitrep sends, for a release version.
func UserAgent(version string) string {
	return "sitrep/" + version + " (+https://github.com/sitrep-osint/sitrep)"
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("dev")
	}
	return o
}

// Response is a fetched resource.
type Response struct {
	Status      int         // HTTP status code: 2xx, or 304 for a conditional request
	Header      http.Header // response headers (ETag, Last-Modified, …)
	Body        []byte      // the whole body, at most Options.MaxBytes
	ContentType string      // the Content-Type header
	FinalURL    string      // the URL after redirects
}

// NotModified reports whether the server answered 304 Not Modified.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// StatusError is returned for an answer other than 2xx or 304.
type StatusError struct {
	URL    string
	Status int
}

// Error reports the URL and the status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// clients caches one *http.Client per Options value, so repeated fetches
// (feed polling) reuse connections.
var clients sync.Map // Options -> *http.Client

func clientFor(o Options) *http.Client {
	if c, ok := clients.Load(o); ok {
		return c.(*http.Client)
	}
	c, _ := clients.LoadOrStore(o, newClient(o))
	return c.(*http.Client)
}

func newClient(o Options) *http.Client {
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = RefusePrivate
	}
	tr := &http.Transport{
		// No proxy: a proxy would make the dial-time address check meaningless.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   o.ConnectTimeout,
		ResponseHeaderTimeout: o.Timeout,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return ErrTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: %s", ErrScheme, req.URL.Scheme)
			}
			return nil
		},
	}
}

// RefusePrivate is a net.Dialer.Control hook that refuses to connect to a
// non-Public address: address is the resolved "ip:port" about to be
// connected to, so redirects and DNS answers cannot get round it. Every
// sitrep HTTP client that reaches user-supplied URLs uses it.
func RefusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, address)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("%w: %s (allow private addresses with --allow-private or SITREP_ALLOW_PRIVATE=1)", ErrForbiddenAddress, ap.Addr())
	}
	return nil
}

// CheckHost refuses a host that names a non-public address outright: an IP
// literal that is not Public, or localhost. It lets a command reject such a
// URL when it is configured, with a clear message, instead of at every
// later fetch; names that resolve to private addresses are still refused
// when connecting.
func CheckHost(host string) error {
	if a, err := netip.ParseAddr(host); err == nil && !Public(a) {
		return fmt.Errorf("%w: %s (allow it with --allow-private or SITREP_ALLOW_PRIVATE=1)", ErrForbiddenAddress, a)
	}
	if h := strings.ToLower(host); h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%w: %s (allow it with --allow-private or SITREP_ALLOW_PRIVATE=1)", ErrForbiddenAddress, host)
	}
	return nil
}

// reserved lists special-purpose ranges (RFC 6890 and its updates) that
// netip's predicates do not cover and that no public service lives in.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // shared address space (carrier-grade NAT)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation (TEST-NET-1)
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation (TEST-NET-2)
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation (TEST-NET-3)
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: embeds an IPv4 address, possibly private
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: embeds an IPv4 address, possibly private
	netip.MustParsePrefix("fc00::/7"),        // unique local (also IsPrivate)
}

// Public reports whether a is a globally routable unicast address: not
// loopback, private, link-local, unspecified, multicast or shared space.
func Public(a netip.Addr) bool {
	a = a.Unmap()
	switch {
	case !a.IsValid(), a.IsLoopback(), a.IsPrivate(), a.IsUnspecified(),
		a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast(), a.IsInterfaceLocalMulticast(),
		a.IsMulticast():
		return false
	}
	for _, p := range reserved {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Get fetches rawURL with the given extra request headers (which may be
// nil). It returns an error for a non-http(s) URL, a forbidden address, a
// network failure, a body over the size limit, or a status other than 2xx
// and 304 (as *StatusError).
func Get(ctx context.Context, rawURL string, opts Options, hdr http.Header) (*Response, error) {
	opts = opts.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch: get %s: %w: %q", rawURL, ErrScheme, u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: %w", rawURL, err)
	}
	for k, vs := range hdr {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.7,*/*;q=0.5")
	}
	resp, err := clientFor(opts).Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		Status:      resp.StatusCode,
		Header:      resp.Header,
		ContentType: resp.Header.Get("Content-Type"),
		FinalURL:    resp.Request.URL.String(),
	}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: get: %w", &StatusError{URL: rawURL, Status: resp.StatusCode})
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, fmt.Errorf("fetch: get %s: %w: %d bytes > %d", rawURL, ErrTooLarge, resp.ContentLength, opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: get %s: read body: %w", rawURL, err)
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, fmt.Errorf("fetch: get %s: %w: over %d bytes", rawURL, ErrTooLarge, opts.MaxBytes)
	}
	out.Body = body
	return out, nil
}
