// Package model holds the types every sitrep stage shares: a Document (one
// cleaned input), a Report (what one document says about one occurrence) and
// an Event (one real occurrence, merged from many reports).
//
// The chain is document → report → event. Stages exchange only these types,
// so each stage can be tested alone and a store backend can persist them
// without knowing how they were made.
//
// Offsets. Every Start/End in this package counts Unicode code points
// (characters) into the document's stored clean text, as Python's str
// slicing does, never bytes. Go code that scans text by bytes converts with
// RuneIndex before it fills a model value.
//
// JSON. The field names follow the report and event contract that the
// evaluation scorer reads (shared/eval/README.md); extra fields are allowed
// by that contract and are documented on each type.
package model
