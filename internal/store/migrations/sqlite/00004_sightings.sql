-- +goose Up
-- Sightings: the same clean text seen again from another publisher or URL (a verbatim
-- republication). The document keeps its first publisher; each later one is a row here, so
-- where a story was reprinted is not lost.
CREATE TABLE document_sightings (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    publisher   TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    published   TEXT,
    external_id TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (doc_id, publisher, url)
);

-- +goose Down
DROP TABLE document_sightings;
