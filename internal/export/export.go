// Package export writes documents, reports and events in the formats
// researchers load into their own tools: JSONL (one JSON object a line, the
// report and event contracts), CSV (one row per record, flat columns),
// GeoJSON (events as points, for QGIS) and an ACLED-style CSV.
//
// A Writer is opened for one kind of record and one format, fed records
// one at a time, and closed; nothing is buffered beyond a CSV row, so an
// export of a large database streams.
package export

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Format is an output format.
type Format string

// The output formats.
const (
	JSONL   Format = "jsonl"
	CSV     Format = "csv"
	GeoJSON Format = "geojson"
	ACLED   Format = "acled"
)

// What is the kind of record exported.
type What string

// The record kinds.
const (
	Documents What = "documents"
	Reports   What = "reports"
	Events    What = "events"
)

// ErrUnsupported is returned for a format that does not fit the records,
// such as GeoJSON of documents.
var ErrUnsupported = errors.New("export: unsupported")

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case JSONL, CSV, GeoJSON, ACLED:
		return f, nil
	case "json", "ndjson":
		return JSONL, nil
	case "acled.csv", "acled-csv":
		return ACLED, nil
	}
	return "", fmt.Errorf("%w format %q: want jsonl, csv, geojson or acled", ErrUnsupported, s)
}

// ParseWhat reads a record kind.
func ParseWhat(s string) (What, error) {
	switch w := What(strings.ToLower(s)); w {
	case Documents, Reports, Events:
		return w, nil
	}
	return "", fmt.Errorf("%w record kind %q: want documents, reports or events", ErrUnsupported, s)
}

// Writer streams records of one kind in one format.
type Writer struct {
	what   What
	format Format
	w      io.Writer
	enc    *json.Encoder
	csv    *csv.Writer
	n      int
}

// NewWriter returns a writer of what in format f to w.
func NewWriter(w io.Writer, what What, f Format) (*Writer, error) {
	x := &Writer{what: what, format: f, w: w}
	switch f {
	case JSONL:
		x.enc = json.NewEncoder(w)
		x.enc.SetEscapeHTML(false)
	case CSV:
		x.csv = csv.NewWriter(w)
		if err := x.csv.Write(header(what)); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	case GeoJSON:
		if what != Events && what != Reports {
			return nil, fmt.Errorf("%w: GeoJSON of %s (events or reports only)", ErrUnsupported, what)
		}
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`+"\n"); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	case ACLED:
		if what != Events {
			return nil, fmt.Errorf("%w: ACLED-style CSV of %s (events only)", ErrUnsupported, what)
		}
		x.csv = csv.NewWriter(w)
		if err := x.csv.Write(acledHeader); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
	default:
		return nil, fmt.Errorf("%w format %q", ErrUnsupported, f)
	}
	return x, nil
}

// Count returns how many records were written.
func (x *Writer) Count() int { return x.n }

// Document writes one document.
func (x *Writer) Document(d *model.Document) error {
	x.n++
	switch x.format {
	case JSONL:
		return x.json(d)
	case CSV:
		return x.row(documentRow(d))
	}
	return fmt.Errorf("%w: documents as %s", ErrUnsupported, x.format)
}

// Report writes one report.
func (x *Writer) Report(r *model.Report) error {
	x.n++
	switch x.format {
	case JSONL:
		return x.json(r)
	case CSV:
		return x.row(reportRow(r))
	case GeoJSON:
		return x.feature(r.ID, r.Locations, r)
	}
	return fmt.Errorf("%w: reports as %s", ErrUnsupported, x.format)
}

// Event writes one event; docs resolves document IDs to documents for the
// formats that cite sources (ACLED's source and notes), and may be nil.
func (x *Writer) Event(ev *model.Event, docs func(id string) *model.Document) error {
	x.n++
	switch x.format {
	case JSONL:
		return x.json(ev)
	case CSV:
		return x.row(eventRow(ev))
	case GeoJSON:
		return x.feature(ev.ID, ev.Locations, ev)
	case ACLED:
		return x.row(acledRow(ev, docs))
	}
	return fmt.Errorf("%w: events as %s", ErrUnsupported, x.format)
}

// Close flushes what is buffered and ends the document.
func (x *Writer) Close() error {
	switch x.format {
	case CSV, ACLED:
		x.csv.Flush()
		if err := x.csv.Error(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	case GeoJSON:
		if _, err := io.WriteString(x.w, "\n]}\n"); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

func (x *Writer) json(v any) error {
	if err := x.enc.Encode(v); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func (x *Writer) row(rec []string) error {
	for i, cell := range rec {
		rec[i] = defuse(cell)
	}
	if err := x.csv.Write(rec); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// defuse keeps a CSV cell from being run as a spreadsheet formula. Document
// text is hostile input, and a cell that starts with =, +, -, @ or a
// control character is evaluated by Excel and LibreOffice when the file is
// opened; such a cell gets a leading apostrophe, which spreadsheets hide.
// Numbers ("-3.5", "+7") are left alone so coordinates and counts stay
// numeric.
func defuse(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '@', '\t', '\r':
		return "'" + cell
	case '+', '-':
		if _, err := strconv.ParseFloat(cell, 64); err == nil {
			return cell
		}
		return "'" + cell
	}
	return cell
}
