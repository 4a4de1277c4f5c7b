package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Subscription is a webhook: events matching Filter are POSTed to URL,
// signed with Secret. Filter is JSON with the API's filter names (see
// live.Filter); the store keeps it opaque.
type Subscription struct {
	ID      int64           `json:"id"`
	URL     string          `json:"url"`
	Secret  string          `json:"-"`
	Filter  json.RawMessage `json:"filter"`
	Created time.Time       `json:"created"`
}

// Delivery states.
const (
	DeliveryPending   = "pending"
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed"
)

// Delivery is one event queued for, or sent to, one subscription. Body is
// the event JSON as it was when queued; retries send the same bytes.
type Delivery struct {
	ID             string    `json:"id"`
	SubscriptionID int64     `json:"subscription_id"`
	EventID        string    `json:"event_id"`
	Body           []byte    `json:"-"`
	State          string    `json:"state"`
	Attempts       int       `json:"attempts"`
	NextAttempt    time.Time `json:"next_attempt"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
}

// DeliveryAttempt is one try at a delivery.
type DeliveryAttempt struct {
	DeliveryID string        `json:"delivery_id"`
	Attempt    int           `json:"attempt"`
	At         time.Time     `json:"at"`
	HTTPStatus int           `json:"http_status"` // 0 when no answer came
	Error      string        `json:"error,omitempty"`
	Duration   time.Duration `json:"duration_ns"`
}

// CreateSubscription stores sub and sets its ID and Created.
func (s *Store) CreateSubscription(ctx context.Context, sub *Subscription) error {
	if len(sub.Filter) == 0 {
		sub.Filter = json.RawMessage("{}")
	}
	if !json.Valid(sub.Filter) {
		return fmt.Errorf("store: create subscription: filter is not valid JSON")
	}
	sub.Created = s.now()
	res, err := s.w.ExecContext(ctx, `INSERT INTO subscriptions (url, secret, filter, created_at) VALUES (?, ?, ?, ?)`,
		sub.URL, sub.Secret, string(sub.Filter), stamp(sub.Created))
	if err != nil {
		return fmt.Errorf("store: create subscription: %w", err)
	}
	if sub.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("store: create subscription: %w", err)
	}
	return nil
}

const subscriptionColumns = `id, url, secret, filter, created_at`

func scanSubscription(sc interface{ Scan(...any) error }) (*Subscription, error) {
	var sub Subscription
	var filter, created string
	if err := sc.Scan(&sub.ID, &sub.URL, &sub.Secret, &filter, &created); err != nil {
		return nil, err
	}
	sub.Filter = json.RawMessage(filter)
	var err error
	if sub.Created, err = parseStamp(created); err != nil {
		return nil, fmt.Errorf("subscription %d: created_at: %w", sub.ID, err)
	}
	return &sub, nil
}

// Subscription returns the subscription with this ID, or ErrNotFound.
func (s *Store) Subscription(ctx context.Context, id int64) (*Subscription, error) {
	sub, err := scanSubscription(s.r.QueryRowContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: subscription %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: subscription %d: %w", id, err)
	}
	return sub, nil
}

// Subscriptions returns every subscription, by ID.
func (s *Store) Subscriptions(ctx context.Context) ([]Subscription, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		sub, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		out = append(out, *sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	return out, nil
}

// DeleteSubscription deletes a subscription and its deliveries, or returns
// ErrNotFound.
func (s *Store) DeleteSubscription(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: delete subscription %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: delete subscription %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: delete subscription %d: %w", id, ErrNotFound)
	}
	return nil
}

// EventBodies returns the stored JSON (model.Event) of the events with
// these IDs, keyed by ID; unknown IDs are left out.
func (s *Store) EventBodies(ctx context.Context, ids []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(ids))
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		part := ids[:n]
		ids = ids[n:]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, `SELECT id, body FROM events WHERE id IN (?`+strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: event bodies: %w", err)
		}
		for rows.Next() {
			var id string
			var body []byte
			if err := rows.Scan(&id, &body); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: event bodies: %w", err)
			}
			out[id] = body
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, fmt.Errorf("store: event bodies: %w", err)
		}
	}
	return out, nil
}

// QueueDelivery stores d as pending, due at d.NextAttempt. When a delivery
// of the same event to the same subscription is still pending and untried,
// its body is replaced instead (the receiver gets the latest state once) and
// d.ID is set to that delivery's ID.
func (s *Store) QueueDelivery(ctx context.Context, d *Delivery) error {
	return s.Batch(ctx, func(tx *Tx) error {
		var existing string
		err := tx.tx.QueryRowContext(ctx, `SELECT id FROM deliveries WHERE subscription_id = ? AND event_id = ? AND state = ? AND attempts = 0`,
			d.SubscriptionID, d.EventID, DeliveryPending).Scan(&existing)
		switch {
		case err == nil:
			d.ID = existing
			if _, err := tx.tx.ExecContext(ctx, `UPDATE deliveries SET body = ?, updated_at = ? WHERE id = ?`,
				d.Body, stamp(d.Created), existing); err != nil {
				return fmt.Errorf("store: queue delivery: %w", err)
			}
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("store: queue delivery: %w", err)
		}
		if d.State == "" {
			d.State = DeliveryPending
		}
		d.Updated = d.Created
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO deliveries (id, subscription_id, event_id, body, state, attempts, next_attempt, created_at, updated_at)
 VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`, d.ID, d.SubscriptionID, d.EventID, d.Body, d.State, stamp(d.NextAttempt), stamp(d.Created), stamp(d.Created)); err != nil {
			return fmt.Errorf("store: queue delivery: %w", err)
		}
		return nil
	})
}

const deliveryColumns = `id, subscription_id, event_id, body, state, attempts, next_attempt, created_at, updated_at`

func scanDelivery(sc interface{ Scan(...any) error }) (*Delivery, error) {
	var d Delivery
	var next, created, updated string
	if err := sc.Scan(&d.ID, &d.SubscriptionID, &d.EventID, &d.Body, &d.State, &d.Attempts, &next, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if d.NextAttempt, err = parseStamp(next); err != nil {
		return nil, fmt.Errorf("delivery %s: next_attempt: %w", d.ID, err)
	}
	if d.Created, err = parseStamp(created); err != nil {
		return nil, fmt.Errorf("delivery %s: created_at: %w", d.ID, err)
	}
	if d.Updated, err = parseStamp(updated); err != nil {
		return nil, fmt.Errorf("delivery %s: updated_at: %w", d.ID, err)
	}
	return &d, nil
}

// DueDeliveries returns up to limit pending deliveries due at or before now,
// oldest due first.
func (s *Store) DueDeliveries(ctx context.Context, now time.Time, limit int) ([]Delivery, error) {
	return s.queryDeliveries(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE state = ? AND next_attempt <= ?
 ORDER BY next_attempt, created_at LIMIT ?`, DeliveryPending, stamp(now), limit)
}

// Deliveries returns the most recent deliveries of a subscription (all
// subscriptions when subscriptionID is 0), newest first.
func (s *Store) Deliveries(ctx context.Context, subscriptionID int64, limit int) ([]Delivery, error) {
	return s.queryDeliveries(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE ? = 0 OR subscription_id = ?
 ORDER BY created_at DESC, id LIMIT ?`, subscriptionID, subscriptionID, limit)
}

// NextDelivery returns when the earliest pending delivery is due, and false
// when none is pending.
func (s *Store) NextDelivery(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullString
	if err := s.r.QueryRowContext(ctx, `SELECT MIN(next_attempt) FROM deliveries WHERE state = ?`, DeliveryPending).Scan(&next); err != nil {
		return time.Time{}, false, fmt.Errorf("store: next delivery: %w", err)
	}
	if !next.Valid {
		return time.Time{}, false, nil
	}
	t, err := parseStamp(next.String)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next delivery: %w", err)
	}
	return t, true, nil
}

func (s *Store) queryDeliveries(ctx context.Context, q string, args ...any) ([]Delivery, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: deliveries: %w", err)
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, fmt.Errorf("store: deliveries: %w", err)
		}
		out = append(out, *d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: deliveries: %w", err)
	}
	return out, nil
}

// RecordDeliveryAttempt logs attempt a and moves the delivery to state,
// due again at next when state is still pending.
func (s *Store) RecordDeliveryAttempt(ctx context.Context, a DeliveryAttempt, state string, next time.Time) error {
	return s.Batch(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO delivery_attempts (delivery_id, attempt, at, http_status, error, duration_ms)
 VALUES (?, ?, ?, ?, ?, ?)`, a.DeliveryID, a.Attempt, stamp(a.At), a.HTTPStatus, a.Error, a.Duration.Milliseconds()); err != nil {
			return fmt.Errorf("store: record delivery attempt %s: %w", a.DeliveryID, err)
		}
		res, err := tx.tx.ExecContext(ctx, `UPDATE deliveries SET state = ?, attempts = ?, next_attempt = ?, updated_at = ? WHERE id = ?`,
			state, a.Attempt, stamp(next), stamp(a.At), a.DeliveryID)
		if err != nil {
			return fmt.Errorf("store: record delivery attempt %s: %w", a.DeliveryID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: record delivery attempt %s: %w", a.DeliveryID, err)
		} else if n == 0 {
			return fmt.Errorf("store: record delivery attempt %s: %w", a.DeliveryID, ErrNotFound)
		}
		return nil
	})
}

// DeliveryAttempts returns every attempt of a delivery, in order.
func (s *Store) DeliveryAttempts(ctx context.Context, deliveryID string) ([]DeliveryAttempt, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT delivery_id, attempt, at, http_status, error, duration_ms FROM delivery_attempts
 WHERE delivery_id = ? ORDER BY attempt`, deliveryID)
	if err != nil {
		return nil, fmt.Errorf("store: delivery attempts %s: %w", deliveryID, err)
	}
	defer rows.Close()
	var out []DeliveryAttempt
	for rows.Next() {
		var a DeliveryAttempt
		var at string
		var ms int64
		if err := rows.Scan(&a.DeliveryID, &a.Attempt, &at, &a.HTTPStatus, &a.Error, &ms); err != nil {
			return nil, fmt.Errorf("store: delivery attempts %s: %w", deliveryID, err)
		}
		if a.At, err = parseStamp(at); err != nil {
			return nil, fmt.Errorf("store: delivery attempts %s: %w", deliveryID, err)
		}
		a.Duration = time.Duration(ms) * time.Millisecond
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: delivery attempts %s: %w", deliveryID, err)
	}
	return out, nil
}

// DeliveryCounts returns, per subscription ID, how many deliveries are in
// each state.
func (s *Store) DeliveryCounts(ctx context.Context) (map[int64]map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT subscription_id, state, COUNT(*) FROM deliveries GROUP BY subscription_id, state`)
	if err != nil {
		return nil, fmt.Errorf("store: delivery counts: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string]int{}
	for rows.Next() {
		var id int64
		var state string
		var n int
		if err := rows.Scan(&id, &state, &n); err != nil {
			return nil, fmt.Errorf("store: delivery counts: %w", err)
		}
		if out[id] == nil {
			out[id] = map[string]int{}
		}
		out[id][state] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: delivery counts: %w", err)
	}
	return out, nil
}
