package api

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// notAvailable answers a route whose hook this server was built without.
func notAvailable(w http.ResponseWriter, what string) {
	fail(w, http.StatusNotImplemented, what+" is not available in this server")
}

// readBody reads a capped body, answering 413 when it is over the limit.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body too large")
		} else {
			fail(w, http.StatusBadRequest, "cannot read request body")
		}
		return nil, false
	}
	return b, true
}

// decodeOr400 decodes a JSON body, answering 413 or 400 on failure.
func decodeOr400(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := decodeJSON(r, v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body too large")
		} else {
			fail(w, http.StatusBadRequest, "body: want a JSON object")
		}
		return false
	}
	return true
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.Ingest == nil {
		notAvailable(w, "ingest")
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	// Extracting a large document can outlast the server's write timeout.
	if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(ingestTimeout)); err != nil {
		s.log.Debug("ingest: extend write deadline", "error", err)
	}
	if len(body) == 0 {
		fail(w, http.StatusBadRequest, "empty body: POST the document itself")
		return
	}
	name := r.URL.Query().Get("name")
	if len(name) > 200 || strings.ContainsAny(name, "/\\\x00") {
		fail(w, http.StatusBadRequest, "name: want a plain file name")
		return
	}
	counts, ids, err := s.opts.Hooks.Ingest(r.Context(), Upload{Name: name, ContentType: r.Header.Get("Content-Type"), Body: body})
	if err != nil {
		s.fault(w, r, err)
		return
	}
	s.metrics.Ingested(counts)
	status := http.StatusCreated
	if counts.New == 0 {
		status = http.StatusOK
	}
	if ids == nil {
		ids = []string{}
	}
	writeJSON(w, status, map[string]any{"summary": counts, "events": ids})
}

// changedEvents answers a correction with the events it changed.
func (s *Server) changedEvents(w http.ResponseWriter, r *http.Request, ids []string, err error) {
	if err != nil {
		s.fault(w, r, err)
		return
	}
	evs := []*model.Event{}
	if len(ids) > 0 {
		if evs, _, err = s.st.QueryEvents(r.Context(), store.Filter{IDs: ids, Limit: store.MaxLimit}); err != nil {
			s.fault(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": evs})
}

func (s *Server) handleMerge(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.Merge == nil {
		notAvailable(w, "merge")
		return
	}
	var req struct{ Other, Reason string }
	if !decodeOr400(w, r, &req) {
		return
	}
	if req.Other == "" || req.Other == r.PathValue("id") {
		fail(w, http.StatusBadRequest, "other: want the ID of a second event")
		return
	}
	ids, err := s.opts.Hooks.Merge(r.Context(), r.PathValue("id"), req.Other, req.Reason)
	s.changedEvents(w, r, ids, err)
}

func (s *Server) handleSplit(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.Split == nil {
		notAvailable(w, "split")
		return
	}
	var req struct{ Report, Reason string }
	if !decodeOr400(w, r, &req) {
		return
	}
	if req.Report == "" {
		fail(w, http.StatusBadRequest, "report: want the ID of a report of this event")
		return
	}
	ids, err := s.opts.Hooks.Split(r.Context(), r.PathValue("id"), req.Report, req.Reason)
	s.changedEvents(w, r, ids, err)
}

func (s *Server) handleUndo(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.Undo == nil {
		notAvailable(w, "undo")
		return
	}
	ids, err := s.opts.Hooks.Undo(r.Context())
	s.changedEvents(w, r, ids, err)
}

func (s *Server) handleSubscriptions(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.ListSubscriptions == nil {
		notAvailable(w, "subscriptions")
		return
	}
	subs, err := s.opts.Hooks.ListSubscriptions(r.Context())
	if err != nil {
		s.fault(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"subscriptions": subs})
}

func (s *Server) handleCreateSubscription(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.CreateSubscription == nil {
		notAvailable(w, "subscriptions")
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	sub, err := s.opts.Hooks.CreateSubscription(r.Context(), body)
	if err != nil {
		s.fault(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"subscription": sub})
}

func (s *Server) handleDeleteSubscription(w http.ResponseWriter, r *http.Request) {
	if s.opts.Hooks.DeleteSubscription == nil {
		notAvailable(w, "subscriptions")
		return
	}
	if err := s.opts.Hooks.DeleteSubscription(r.Context(), r.PathValue("id")); err != nil {
		s.fault(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"deleted": r.PathValue("id")})
}
