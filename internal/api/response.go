package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// ErrInvalid marks an error in what the client sent (400). Hooks wrap it to
// reject a request without it being logged as a server failure.
var ErrInvalid = errors.New("invalid request")

// errorBody is every error reply: {"error": "message"}.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON sends v as JSON with status. The encoder escapes <, > and &, so
// hostile document text cannot become markup even if a client mislabels
// the reply.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client went away; nothing left to tell it
}

// fail sends a client error.
func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// fault maps err onto a status: not found 404, bad input 400, a cancelled
// request 503, anything else 500 (logged here, once, and not shown to the
// client).
func (s *Server) fault(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		fail(w, http.StatusNotFound, "not found")
	case errors.Is(err, store.ErrBadCursor):
		fail(w, http.StatusBadRequest, "bad cursor")
	case errors.Is(err, ErrInvalid):
		fail(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		fail(w, http.StatusServiceUnavailable, "request cancelled or timed out")
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		fail(w, http.StatusInternalServerError, "internal error")
	}
}

// decodeJSON reads a small JSON body into v; bodies are capped by the
// route's limit before this runs.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}
