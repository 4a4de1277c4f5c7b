// Package store persists documents, reports, events and their links.
//
// Store is one concrete type around database/sql. SQLite (modernc.org/sqlite,
// no cgo) is the embedded default: the file is opened twice, as a single
// writer connection and as a pool of read-only connections, because SQLite
// allows one writer at a time and a pool of writers would only trade
// throughput for SQLITE_BUSY errors. WAL mode lets the readers run while the
// writer commits.
//
// Writes happen in batches: Batch runs a function in one transaction, so an
// ingest batch is stored whole or not at all, and a broken input inside it is
// recorded as a failure row without touching the rest.
//
// SQL is written inline next to the method that runs it, with "?"
// placeholders; dialect differences are isolated in sqlite.go.
// Migrations are numbered .sql files per dialect, applied by goose from an
// embedded file system, each in its own transaction: 00001 documents,
// reports, events and their links; 00002 the serving indexes and side
// tables kept by triggers, and API tokens; 00003 feeds, watched files,
// subscriptions and deliveries; 00004 sightings of verbatim reprints.
// They are append-only: a shipped migration is never edited, and numbers
// are never reused.
package store
