-- +goose Up
-- Feeds: RSS/Atom feeds polled by "sitrep serve". The conditional-GET validators (etag, last_modified)
-- and the error state survive restarts; next_poll is when the poller next fetches the feed.
CREATE TABLE feeds (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    url                TEXT NOT NULL UNIQUE,
    interval_s         INTEGER NOT NULL DEFAULT 600,
    etag               TEXT NOT NULL DEFAULT '',
    last_modified      TEXT NOT NULL DEFAULT '',
    next_poll          TEXT NOT NULL,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT NOT NULL DEFAULT '',
    last_error_at      TEXT,
    last_ok            TEXT,
    items_seen         INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);
CREATE INDEX feeds_next_poll ON feeds(next_poll);

-- Feed items already handed to the pipeline, by GUID (or id, link, or a content hash), so that a
-- changed feed only sends its new items through extraction. last_seen lets old keys be pruned.
CREATE TABLE feed_items (
    feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key   TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);

-- Files from a watched folder that were ingested, so a restart does not ingest them again.
CREATE TABLE watched_files (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    mtime       TEXT NOT NULL,
    hash        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- Subscriptions: a webhook URL, its HMAC secret and an event filter (JSON, API filter names).
CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    filter     TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);

-- Deliveries: one event sent to one subscription. body is the event JSON as it was when the delivery
-- was queued, so every retry sends (and signs) the same bytes. state: pending, delivered, failed.
CREATE TABLE deliveries (
    id              TEXT PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    body            BLOB NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(state, next_attempt);
CREATE INDEX deliveries_subscription ON deliveries(subscription_id, created_at);

-- Every delivery attempt: its HTTP status (0 when no answer) and error.
CREATE TABLE delivery_attempts (
    delivery_id TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    at          TEXT NOT NULL,
    http_status INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (delivery_id, attempt)
);

-- +goose Down
DROP TABLE delivery_attempts;
DROP TABLE deliveries;
DROP TABLE subscriptions;
DROP TABLE watched_files;
DROP TABLE feed_items;
DROP TABLE feeds;
