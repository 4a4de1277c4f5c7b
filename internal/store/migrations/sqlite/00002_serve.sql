-- +goose Up
-- What `sitrep serve` needs to answer filtered queries fast on millions of events, and its API tokens.
-- Every side table below is kept in step with `events` by triggers, so whoever writes events (the merge
-- stage, a correction, a test) does not have to know they exist.

-- Keyset pagination walks (date_start, seq) backwards; a single-type list walks (type, date_start, seq).
-- Both indexes also cover every filtered column, so a walk tests the filters without reading the
-- (large) row, and a filtered histogram is counted from the index alone.
CREATE INDEX events_date_seq ON events(date_start, seq, type, attacker_side, status, independent_sources, lat, lon, date_end);
CREATE INDEX events_type_date_seq ON events(type, date_start, seq, attacker_side, status, independent_sources, lat, lon, date_end);
CREATE INDEX reports_date_seq ON reports(date_start, seq);
-- 00001's date indexes are prefixes of the two above; dropping them saves two index writes per event.
DROP INDEX events_type_date;
DROP INDEX events_date;

-- Spatial index: a B-tree on (quarter-degree latitude band, longitude, latitude, ...). A box becomes one
-- longitude range scan per band it covers, read from the index alone (it also carries what a list sorts on
-- and what a histogram groups by), which measured far cheaper per matching event than an R*Tree whose
-- extra columns cost a lookup each. The band is an index expression, not a generated column, because
-- SQLite treats only the former as covering; queries repeat the expression exactly.
CREATE INDEX events_band ON events(CAST((lat + 90) * 4 AS INTEGER), lon, lat, date_start, seq, type, date_end);
DROP INDEX events_latlon;

-- Weapon kinds each event names (model.Event.Weapons), for the weapon filter.
CREATE TABLE event_weapons (
    event_seq INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    PRIMARY KEY (event_seq, kind)
) WITHOUT ROWID;

-- Events per start day and type, for the unfiltered (or date/type-filtered) timeline histogram.
CREATE TABLE event_days (
    day  TEXT NOT NULL,
    type TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (day, type)
) WITHOUT ROWID;

-- The longest date range of any event, in days, so that a "range overlaps [from, to]" filter can bound
-- its index scan at from - max_span instead of reading every older event.
CREATE TABLE event_span (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    days REAL NOT NULL
);
INSERT INTO event_span (id, days) VALUES (1, 0);

-- +goose StatementBegin
CREATE TRIGGER events_serve_ai AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO event_weapons (event_seq, kind)
        SELECT new.seq, value FROM json_each(new.body, '$.weapons') WHERE type = 'text';
    INSERT INTO event_days (day, type, n)
        SELECT new.date_start, new.type, 1 WHERE length(new.date_start) = 10 AND new.date_start GLOB '[0-9]*'
        ON CONFLICT (day, type) DO UPDATE SET n = n + 1;
    UPDATE event_span SET days = max(days, COALESCE(julianday(new.date_end) - julianday(new.date_start), 0)) WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER events_serve_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_weapons WHERE event_seq = old.seq;
    UPDATE event_days SET n = n - 1 WHERE day = old.date_start AND type = old.type;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER events_serve_au AFTER UPDATE ON events BEGIN
    DELETE FROM event_weapons WHERE event_seq = old.seq;
    UPDATE event_days SET n = n - 1 WHERE day = old.date_start AND type = old.type;
    INSERT OR IGNORE INTO event_weapons (event_seq, kind)
        SELECT new.seq, value FROM json_each(new.body, '$.weapons') WHERE type = 'text';
    INSERT INTO event_days (day, type, n)
        SELECT new.date_start, new.type, 1 WHERE length(new.date_start) = 10 AND new.date_start GLOB '[0-9]*'
        ON CONFLICT (day, type) DO UPDATE SET n = n + 1;
    UPDATE event_span SET days = max(days, COALESCE(julianday(new.date_end) - julianday(new.date_start), 0)) WHERE id = 1;
END;
-- +goose StatementEnd

-- Back-fill the side tables from events already stored.
INSERT OR IGNORE INTO event_weapons (event_seq, kind)
    SELECT e.seq, w.value FROM events e, json_each(e.body, '$.weapons') w WHERE w.type = 'text';
INSERT INTO event_days (day, type, n)
    SELECT date_start, type, COUNT(*) FROM events WHERE length(date_start) = 10 AND date_start GLOB '[0-9]*'
    GROUP BY date_start, type;
UPDATE event_span SET days = COALESCE((SELECT max(julianday(date_end) - julianday(date_start)) FROM events), 0) WHERE id = 1;
UPDATE event_span SET days = 0 WHERE days < 0;

-- API bearer tokens. Only the SHA-256 of a token is stored; the token itself is shown once, at creation.
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL DEFAULT '',
    hash       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- +goose Down
DROP TABLE api_tokens;
DROP TRIGGER events_serve_au;
DROP TRIGGER events_serve_ad;
DROP TRIGGER events_serve_ai;
DROP TABLE event_span;
DROP TABLE event_days;
DROP TABLE event_weapons;
DROP INDEX events_band;
CREATE INDEX events_latlon ON events(lat, lon);
DROP INDEX reports_date_seq;
DROP INDEX events_type_date_seq;
DROP INDEX events_date_seq;
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_date ON events(date_start);
