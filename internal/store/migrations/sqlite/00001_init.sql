-- +goose Up
-- Documents: one row per distinct clean text. id is model.DocumentID(text).
CREATE TABLE documents (
    id             TEXT PRIMARY KEY,
    external_id    TEXT NOT NULL DEFAULT '',
    url            TEXT NOT NULL DEFAULT '',
    canonical_url  TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL DEFAULT '',
    publisher      TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    published      TEXT,              -- RFC 3339, NULL when unknown
    format         TEXT NOT NULL,
    text           TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT '',
    fetched_at     TEXT NOT NULL,
    raw_hash       TEXT NOT NULL DEFAULT '',
    parser_version TEXT NOT NULL DEFAULT '',
    duplicate_of   TEXT REFERENCES documents(id),
    minhash        BLOB,              -- near-duplicate signature, filled by the dedup stage
    seq            INTEGER NOT NULL   -- ingest order, for stable iteration and cursors
);
CREATE UNIQUE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_external_id ON documents(external_id);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

-- Full-text search over documents (external content: the FTS index stores no second copy of the text).
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
-- +goose StatementBegin
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd

-- Sources: publishers seen, for independent-source counting.
CREATE TABLE sources (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT '',   -- wire, outlet, telegram, official, …
    first_seen TEXT NOT NULL
);

-- Failures: inputs or items that could not be read. The rest of their batch is stored.
CREATE TABLE failures (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    input    TEXT NOT NULL,
    item     TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL DEFAULT '',
    error    TEXT NOT NULL,
    at       TEXT NOT NULL
);

-- Reports: what one document says about one occurrence. body is the full model.Report JSON;
-- the other columns are copies for filtering.
CREATE TABLE reports (
    id            TEXT PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type          TEXT NOT NULL,
    date_start    TEXT NOT NULL DEFAULT '',
    date_end      TEXT NOT NULL DEFAULT '',
    attacker_side TEXT NOT NULL DEFAULT '',
    lat           REAL,
    lon           REAL,
    extractor     TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    seq           INTEGER NOT NULL
);
CREATE UNIQUE INDEX reports_seq ON reports(seq);
CREATE INDEX reports_doc ON reports(doc_id);
CREATE INDEX reports_type_date ON reports(type, date_start);

-- Events: merged occurrences. body is the full model.Event JSON.
CREATE TABLE events (
    id                  TEXT PRIMARY KEY,
    type                TEXT NOT NULL,
    date_start          TEXT NOT NULL DEFAULT '',
    date_end            TEXT NOT NULL DEFAULT '',
    attacker_side       TEXT NOT NULL DEFAULT '',
    lat                 REAL,
    lon                 REAL,
    independent_sources INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL DEFAULT '',
    body                TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    seq                 INTEGER NOT NULL
);
CREATE UNIQUE INDEX events_seq ON events(seq);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_latlon ON events(lat, lon);

-- Which event each report supports, and why it joined (score components as JSON).
CREATE TABLE event_reports (
    report_id   TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    score       REAL NOT NULL DEFAULT 0,
    explanation TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX event_reports_event ON event_reports(event_id);

-- Discrepancies: fields on which an event's sources disagree; values is a JSON array of model.SourceValue.
CREATE TABLE discrepancies (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field    TEXT NOT NULL,
    vals     TEXT NOT NULL,
    PRIMARY KEY (event_id, field)
);

-- Corrections: an analyst's merge/split decisions, kept across re-ingest and reversible.
CREATE TABLE corrections (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,        -- merge | split | undo
    args      TEXT NOT NULL,        -- JSON
    reason    TEXT NOT NULL DEFAULT '',
    undone_at TEXT
);

-- +goose Down
DROP TABLE corrections;
DROP TABLE discrepancies;
DROP TABLE event_reports;
DROP TABLE events;
DROP TABLE reports;
DROP TABLE failures;
DROP TABLE sources;
DROP TRIGGER documents_ad;
DROP TRIGGER documents_ai;
DROP TABLE documents_fts;
DROP TABLE documents;
