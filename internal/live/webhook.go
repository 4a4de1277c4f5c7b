package live

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/fetch"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Webhook request headers.
const (
	HeaderSignature = "X-Sitrep-Signature" // "t=UNIX,sha256=HEX": HMAC-SHA256 of "UNIX." + body, keyed with the secret (see Sign)
	HeaderEvent     = "X-Sitrep-Event"     // the event's ID
	HeaderDelivery  = "X-Sitrep-Delivery"  // the delivery's ID, the same on every retry
)

// ErrWebhookURL is wrapped by errors about a webhook URL that may not be used.
var ErrWebhookURL = errors.New("invalid webhook URL")

// Sign returns the X-Sitrep-Signature value for a body sent at unix time
// t: "t=<t>,sha256=<hex HMAC-SHA256 of "<t>." + body, keyed with secret>".
// A receiver recomputes the HMAC over the timestamp and the raw body,
// compares with hmac.Equal, and rejects a timestamp older than a few
// minutes, so a captured delivery cannot be replayed later.
func Sign(secret string, t int64, body []byte) string {
	ts := strconv.FormatInt(t, 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts + "."))
	m.Write(body)
	return "t=" + ts + ",sha256=" + hex.EncodeToString(m.Sum(nil))
}

// CheckWebhookURL returns an error wrapping ErrWebhookURL unless raw is an
// absolute http(s) URL whose host, when it is an IP literal, is public (or
// allowPrivate is set). Host names are checked again at every connection,
// after DNS resolution, by the notifier's dialer.
func CheckWebhookURL(raw string, allowPrivate bool) error {
	if strings.ContainsFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return fmt.Errorf("%w: %q: contains spaces", ErrWebhookURL, raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: %q: %v", ErrWebhookURL, raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return fmt.Errorf("%w: %q: want an http or https URL", ErrWebhookURL, raw)
	}
	if u.User != nil {
		return fmt.Errorf("%w: %q: credentials in the URL; use the secret instead", ErrWebhookURL, raw)
	}
	if allowPrivate {
		return nil
	}
	if err := fetch.CheckHost(u.Hostname()); err != nil {
		return fmt.Errorf("%w: %q: %w", ErrWebhookURL, raw, err)
	}
	return nil
}

// NewSecret returns a random 32-byte secret, hex encoded.
func NewSecret() string {
	b := make([]byte, 32)
	rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// Subscribe validates the URL and the filter and stores a subscription. An
// empty secret is replaced by NewSecret; the stored subscription (with its
// secret, to show once) is returned. The API's POST /subscriptions and
// "sitrep subscribe add" both call it.
func Subscribe(ctx context.Context, st *store.Store, webhookURL, secret string, f Filter, allowPrivate bool) (*store.Subscription, error) {
	if err := CheckWebhookURL(webhookURL, allowPrivate); err != nil {
		return nil, fmt.Errorf("live: subscribe: %w", err)
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("live: subscribe: %w", err)
	}
	if secret == "" {
		secret = NewSecret()
	}
	filter, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("live: subscribe: %w", err)
	}
	sub := &store.Subscription{URL: webhookURL, Secret: secret, Filter: filter}
	if err := st.CreateSubscription(ctx, sub); err != nil {
		return nil, err
	}
	return sub, nil
}

// SubscriptionFilter decodes a stored subscription's filter.
func SubscriptionFilter(sub *store.Subscription) (Filter, error) {
	var f Filter
	if len(sub.Filter) == 0 {
		return f, nil
	}
	if err := json.Unmarshal(sub.Filter, &f); err != nil {
		return Filter{}, fmt.Errorf("%w: subscription %d: %v", ErrFilter, sub.ID, err)
	}
	return f, nil
}

// newWebhookClient returns the client that POSTs webhooks. It mirrors
// internal/fetch's client (which only GETs): no proxy, and unless
// allowPrivate, a net.Dialer.Control hook that refuses every non-public
// address after DNS resolution, using fetch.Public, so neither a DNS name
// pointing inside nor DNS rebinding reaches an internal service. Redirects
// are not followed: a webhook answers where it was registered.
func newWebhookClient(timeout time.Duration, allowPrivate bool) *http.Client {
	dialer := &net.Dialer{Timeout: min(timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.Control = fetch.RefusePrivate
	}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: timeout,
			MaxIdleConns:          8,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		},
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
