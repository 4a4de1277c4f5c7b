package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Feed is one polled RSS/Atom feed and its polling state.
type Feed struct {
	ID           int64         `json:"id"`
	URL          string        `json:"url"`
	Interval     time.Duration `json:"interval_ns"`
	ETag         string        `json:"etag,omitempty"`
	LastModified string        `json:"last_modified,omitempty"`
	NextPoll     time.Time     `json:"next_poll"`
	// ConsecutiveErrors counts failed polls since the last good one; the
	// poller backs off exponentially on it.
	ConsecutiveErrors int        `json:"consecutive_errors"`
	LastError         string     `json:"last_error,omitempty"`
	LastErrorAt       *time.Time `json:"last_error_at,omitempty"`
	LastOK            *time.Time `json:"last_ok,omitempty"`
	ItemsSeen         int64      `json:"items_seen"`
	Created           time.Time  `json:"created"`
}

// FeedResult is the outcome of one successful poll, written by FeedPolled.
type FeedResult struct {
	At           time.Time // when the poll happened; zero means now
	ETag         string
	LastModified string
	NextPoll     time.Time
	// Items are the keys of the feed's items in this answer (empty for a
	// 304); they are marked seen and their last_seen refreshed.
	Items []string
	// PruneBefore drops the feed's item keys last seen before it (zero: no
	// pruning), so the seen set does not grow without bound.
	PruneBefore time.Time
}

const feedColumns = `id, url, interval_s, etag, last_modified, next_poll, consecutive_errors, last_error,
 last_error_at, last_ok, items_seen, created_at`

func scanFeed(sc interface{ Scan(...any) error }) (*Feed, error) {
	var f Feed
	var interval int64
	var next, created string
	var errAt, ok sql.NullString
	if err := sc.Scan(&f.ID, &f.URL, &interval, &f.ETag, &f.LastModified, &next, &f.ConsecutiveErrors, &f.LastError,
		&errAt, &ok, &f.ItemsSeen, &created); err != nil {
		return nil, err
	}
	f.Interval = time.Duration(interval) * time.Second
	var err error
	if f.NextPoll, err = parseStamp(next); err != nil {
		return nil, fmt.Errorf("feed %d: next_poll: %w", f.ID, err)
	}
	if f.Created, err = parseStamp(created); err != nil {
		return nil, fmt.Errorf("feed %d: created_at: %w", f.ID, err)
	}
	if f.LastErrorAt, err = parseNullStamp(errAt); err != nil {
		return nil, fmt.Errorf("feed %d: last_error_at: %w", f.ID, err)
	}
	if f.LastOK, err = parseNullStamp(ok); err != nil {
		return nil, fmt.Errorf("feed %d: last_ok: %w", f.ID, err)
	}
	return &f, nil
}

func parseNullStamp(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseStamp(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// AddFeed stores a feed to poll every interval, due at once (its next_poll
// is the zero time, which sorts before any clock). Adding a URL
// that is already stored changes nothing (its state is kept) and returns
// the stored feed with added false.
func (s *Store) AddFeed(ctx context.Context, url string, interval time.Duration) (f *Feed, added bool, err error) {
	now := s.now()
	res, err := s.w.ExecContext(ctx, `INSERT INTO feeds (url, interval_s, next_poll, created_at) VALUES (?, ?, ?, ?)
 ON CONFLICT(url) DO NOTHING`, url, int64(interval/time.Second), stamp(time.Time{}), stamp(now))
	if err != nil {
		return nil, false, fmt.Errorf("store: add feed %s: %w", url, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return nil, false, fmt.Errorf("store: add feed %s: %w", url, err)
	}
	f, err = scanFeed(s.w.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	if err != nil {
		return nil, false, fmt.Errorf("store: add feed %s: %w", url, err)
	}
	return f, n == 1, nil
}

// Feed returns the feed with this ID, or ErrNotFound.
func (s *Store) Feed(ctx context.Context, id int64) (*Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: feed %d: %w", id, err)
	}
	return f, nil
}

// Feeds returns every feed, by ID.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	return s.queryFeeds(ctx, s.r, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
}

// DueFeeds returns the feeds whose next poll is at or before now, most
// overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]Feed, error) {
	return s.queryFeeds(ctx, s.r, `SELECT `+feedColumns+` FROM feeds WHERE next_poll <= ? ORDER BY next_poll, id`, stamp(now))
}

// NextFeedPoll returns the earliest next_poll of all feeds, and false when
// there are no feeds.
func (s *Store) NextFeedPoll(ctx context.Context) (time.Time, bool, error) {
	var next sql.NullString
	if err := s.r.QueryRowContext(ctx, `SELECT MIN(next_poll) FROM feeds`).Scan(&next); err != nil {
		return time.Time{}, false, fmt.Errorf("store: next feed poll: %w", err)
	}
	if !next.Valid {
		return time.Time{}, false, nil
	}
	t, err := parseStamp(next.String)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next feed poll: %w", err)
	}
	return t, true, nil
}

func (s *Store) queryFeeds(ctx context.Context, db *sql.DB, q string, args ...any) ([]Feed, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		out = append(out, *f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	return out, nil
}

// RemoveFeed deletes a feed and its seen items, or returns ErrNotFound.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: remove feed %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: remove feed %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: remove feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// UnseenFeedItems returns the keys among keys that were not yet marked seen
// for the feed, in the order given.
func (s *Store) UnseenFeedItems(ctx context.Context, feedID int64, keys []string) ([]string, error) {
	stmt, err := s.r.PrepareContext(ctx, `SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?`)
	if err != nil {
		return nil, fmt.Errorf("store: unseen feed items: %w", err)
	}
	defer stmt.Close()
	var out []string
	for _, k := range keys {
		var one int
		err := stmt.QueryRowContext(ctx, feedID, k).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out = append(out, k)
		case err != nil:
			return nil, fmt.Errorf("store: unseen feed items: %w", err)
		}
	}
	return out, nil
}

// FeedPolled records a successful poll: the new validators, the next poll,
// the items seen; it clears the error state.
func (s *Store) FeedPolled(ctx context.Context, id int64, r FeedResult) error {
	return s.Batch(ctx, func(tx *Tx) error {
		at := r.At
		if at.IsZero() {
			at = tx.now
		}
		now := stamp(at)
		// The feed row first: a feed removed during its poll is ErrNotFound,
		// not a foreign-key failure on its items.
		var one int
		err := tx.tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: feed %d polled: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: feed %d polled: %w", id, err)
		}
		var added int64
		for _, k := range r.Items {
			res, err := tx.tx.ExecContext(ctx, `INSERT INTO feed_items (feed_id, item_key, first_seen, last_seen) VALUES (?, ?, ?, ?)
 ON CONFLICT(feed_id, item_key) DO NOTHING`, id, k, now, now)
			if err != nil {
				return fmt.Errorf("store: feed %d polled: %w", id, err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("store: feed %d polled: %w", id, err)
			}
			if n == 0 {
				if _, err := tx.tx.ExecContext(ctx, `UPDATE feed_items SET last_seen = ? WHERE feed_id = ? AND item_key = ?`, now, id, k); err != nil {
					return fmt.Errorf("store: feed %d polled: %w", id, err)
				}
			}
			added += n
		}
		if !r.PruneBefore.IsZero() {
			if _, err := tx.tx.ExecContext(ctx, `DELETE FROM feed_items WHERE feed_id = ? AND last_seen < ?`, id, stamp(r.PruneBefore)); err != nil {
				return fmt.Errorf("store: feed %d polled: %w", id, err)
			}
		}
		if _, err := tx.tx.ExecContext(ctx, `UPDATE feeds SET etag = ?, last_modified = ?, next_poll = ?, consecutive_errors = 0,
 last_error = '', last_ok = ?, items_seen = items_seen + ? WHERE id = ?`,
			r.ETag, r.LastModified, stamp(r.NextPoll), now, added, id); err != nil {
			return fmt.Errorf("store: feed %d polled: %w", id, err)
		}
		return nil
	})
}

// FeedFailed records a failed poll at time at (zero: now): the error, one
// more consecutive error, and when to try again.
func (s *Store) FeedFailed(ctx context.Context, id int64, pollErr string, at, next time.Time) error {
	now := at
	if now.IsZero() {
		now = s.now()
	}
	res, err := s.w.ExecContext(ctx, `UPDATE feeds SET consecutive_errors = consecutive_errors + 1, last_error = ?,
 last_error_at = ?, next_poll = ? WHERE id = ?`, pollErr, stamp(now), stamp(next), id)
	if err != nil {
		return fmt.Errorf("store: feed %d failed: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: feed %d failed: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: feed %d failed: %w", id, ErrNotFound)
	}
	return nil
}

// WatchedFile is a file from a watched folder that was ingested.
type WatchedFile struct {
	Path     string    `json:"path"`
	Size     int64     `json:"size"`
	ModTime  time.Time `json:"mtime"`
	Hash     string    `json:"hash"` // model.RawHash of the bytes ingested
	Ingested time.Time `json:"ingested_at"`
}

// WatchedFiles returns every ingested watched file, keyed by path.
func (s *Store) WatchedFiles(ctx context.Context) (map[string]WatchedFile, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT path, size, mtime, hash, ingested_at FROM watched_files`)
	if err != nil {
		return nil, fmt.Errorf("store: watched files: %w", err)
	}
	defer rows.Close()
	out := map[string]WatchedFile{}
	for rows.Next() {
		var f WatchedFile
		var mtime, at string
		if err := rows.Scan(&f.Path, &f.Size, &mtime, &f.Hash, &at); err != nil {
			return nil, fmt.Errorf("store: watched files: %w", err)
		}
		if f.ModTime, err = parseStamp(mtime); err != nil {
			return nil, fmt.Errorf("store: watched files: %s: %w", f.Path, err)
		}
		if f.Ingested, err = parseStamp(at); err != nil {
			return nil, fmt.Errorf("store: watched files: %s: %w", f.Path, err)
		}
		out[f.Path] = f
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: watched files: %w", err)
	}
	return out, nil
}

// MarkWatchedFile records that f was ingested (replacing an earlier record
// for the same path). A zero f.Ingested is set to now.
func (s *Store) MarkWatchedFile(ctx context.Context, f WatchedFile) error {
	if f.Ingested.IsZero() {
		f.Ingested = s.now()
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO watched_files (path, size, mtime, hash, ingested_at) VALUES (?, ?, ?, ?, ?)
 ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, ingested_at = excluded.ingested_at`,
		f.Path, f.Size, stamp(f.ModTime), f.Hash, stamp(f.Ingested))
	if err != nil {
		return fmt.Errorf("store: mark watched file %s: %w", f.Path, err)
	}
	return nil
}
