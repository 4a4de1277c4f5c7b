package api

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/sitrep-osint/sitrep/internal/export"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

var exportMedia = map[export.Format]struct{ contentType, ext string }{
	export.CSV:     {"text/csv; charset=utf-8", "csv"},
	export.JSONL:   {"application/x-ndjson; charset=utf-8", "jsonl"},
	export.GeoJSON: {"application/geo+json; charset=utf-8", "geojson"},
	export.ACLED:   {"text/csv; charset=utf-8", "acled.csv"},
}

// Export streams every record f selects to w in format. Records are read in
// pages and written as they come, so memory stays flat however many match.
// It is shared by the HTTP export routes and "sitrep export".
func Export(ctx context.Context, st *store.Store, w *export.Writer, what export.What, f store.Filter) error {
	switch what {
	case export.Reports:
		return st.EachReport(ctx, f, w.Report)
	case export.Events:
		docs := func(id string) *model.Document {
			d, err := st.Document(ctx, id)
			if err != nil {
				return nil // the ACLED source column then omits this document
			}
			return d
		}
		return st.EachEvent(ctx, f, func(ev *model.Event) error { return w.Event(ev, docs) })
	}
	return fmt.Errorf("%w: filtered export of %s", export.ErrUnsupported, what)
}

func (s *Server) handleExport(format export.Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, err := ParseFilter(q)
		if err != nil {
			s.fault(w, r, err)
			return
		}
		what := export.Events
		if v := q.Get("what"); v != "" {
			if what, err = export.ParseWhat(v); err != nil || what == export.Documents {
				fail(w, http.StatusBadRequest, "what: want events or reports")
				return
			}
		}
		media := exportMedia[format]
		cw := &countWriter{w: w}
		bw := bufio.NewWriterSize(cw, 64<<10)
		xw, err := export.NewWriter(bw, what, format)
		if err != nil {
			fail(w, http.StatusBadRequest, err.Error())
			return
		}
		if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(exportTimeout)); err != nil {
			s.log.Debug("export: extend write deadline", "error", err)
		}
		h := w.Header()
		h.Set("Content-Type", media.contentType)
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-%s.%s"`, what, media.ext))
		h.Set("Cache-Control", "no-store")
		// The status is sent with the first buffered flush; a failure after
		// that can only cut the body short, which the log records.
		err = Export(r.Context(), s.st, xw, what, f)
		if err == nil {
			err = xw.Close()
		}
		if err == nil {
			err = bw.Flush()
		}
		if err != nil && cw.n == 0 { // nothing sent yet: a proper error reply is still possible
			h.Del("Content-Disposition")
			s.fault(w, r, err)
			return
		}
		if err != nil {
			s.log.Warn("export cut short", "format", format, "what", what, "records", xw.Count(), "error", err)
		}
	}
}

// countWriter counts the bytes that reached the client.
type countWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
