package api

import (
	"net/http"
	"strings"
)

// authLevel says what a route needs from the caller.
type authLevel int

const (
	authNone  authLevel = iota // always open (health, the UI's files)
	authRead                   // open unless Options.ReadTokenRequired
	authWrite                  // always needs a bearer token
)

// route is one entry of the route table: everything the mux and the
// OpenAPI document need to know about an endpoint.
type route struct {
	method, path string
	summary      string
	auth         authLevel
	filters      bool     // reads the filter parameters (FilterParams)
	query        []string // other query parameters, "name: doc"
	body         string   // request body media type, "" for none
	produces     string   // response media type
	maxBody      int64    // body limit; 0 means maxJSONBody
	long         bool     // no request deadline (streams, exports)
	gated        bool     // a short database read, admitted in arrival order (set by routeTable)
	handler      http.HandlerFunc
}

func (rt route) pattern() string {
	if rt.method == "" {
		return rt.path
	}
	return rt.method + " " + rt.path
}

const (
	jsonType   = "application/json"
	csvType    = "text/csv"
	streamType = "text/event-stream"
)

// routeTable declares every route the server has. New registers exactly
// these on the mux, and the OpenAPI document is generated from them.
func (s *Server) routeTable() []route {
	routes := []route{
		{method: "GET", path: "/api/v1/events", summary: "List events matching the filters, newest date first, one page at a time.",
			auth: authRead, filters: true, produces: jsonType, handler: s.handleEvents},
		{method: "GET", path: "/api/v1/events/{id}", summary: "One event with its reports, documents, discrepancies and merge explanation.",
			auth: authRead, produces: jsonType, handler: s.handleEvent},
		{method: "GET", path: "/api/v1/documents/{id}", summary: "One document with its clean text, its reports and the character offsets of every fact.",
			auth: authRead, produces: jsonType, handler: s.handleDocument},
		{method: "GET", path: "/api/v1/reports", summary: "List reports matching the filters, newest date first, one page at a time.",
			auth: authRead, filters: true, produces: jsonType, handler: s.handleReports},
		{method: "GET", path: "/api/v1/histogram", summary: "Events per start day and type, for the timeline.",
			auth: authRead, filters: true, produces: jsonType, handler: s.handleHistogram},
		{method: "GET", path: "/api/v1/export.csv", summary: "Export exactly what the filters select as CSV.",
			auth: authRead, filters: true, query: []string{exportWhatDoc}, produces: csvType, long: true, handler: s.handleExport("csv")},
		{method: "GET", path: "/api/v1/export.jsonl", summary: "Export exactly what the filters select as JSON Lines.",
			auth: authRead, filters: true, query: []string{exportWhatDoc}, produces: "application/x-ndjson", long: true, handler: s.handleExport("jsonl")},
		{method: "GET", path: "/api/v1/export.geojson", summary: "Export exactly what the filters select as a GeoJSON FeatureCollection.",
			auth: authRead, filters: true, query: []string{exportWhatDoc}, produces: "application/geo+json", long: true, handler: s.handleExport("geojson")},
		{method: "GET", path: "/api/v1/export.acled.csv", summary: "Export the selected events as an ACLED-style CSV.",
			auth: authRead, filters: true, produces: csvType, long: true, handler: s.handleExport("acled")},
		{method: "GET", path: "/api/v1/stream", summary: "Server-sent events: an \"event\" message with the Event JSON whenever an event is created or changed; a ping comment every 20 s.",
			auth: authRead, produces: streamType, long: true, handler: s.handleStream},
		{method: "POST", path: "/api/v1/documents", summary: "Ingest one document in any supported format (Content-Type is a hint).",
			auth: authWrite, query: []string{"name: a file name for the document, used for format detection"}, body: "application/octet-stream",
			produces: jsonType, maxBody: maxDocumentBody, long: true, handler: s.handleIngest},
		{method: "POST", path: "/api/v1/events/{id}/merge", summary: "Merge another event into this one: {\"other\": id, \"reason\": \"\"}.",
			auth: authWrite, body: jsonType, produces: jsonType, handler: s.handleMerge},
		{method: "POST", path: "/api/v1/events/{id}/split", summary: "Split one report out of this event into a new event: {\"report\": id, \"reason\": \"\"}.",
			auth: authWrite, body: jsonType, produces: jsonType, handler: s.handleSplit},
		{method: "POST", path: "/api/v1/undo", summary: "Undo the most recent merge or split.",
			auth: authWrite, produces: jsonType, handler: s.handleUndo},
		{method: "GET", path: "/api/v1/subscriptions", summary: "List webhook subscriptions (needs a token: they hold webhook URLs).",
			auth: authWrite, produces: jsonType, handler: s.handleSubscriptions},
		{method: "POST", path: "/api/v1/subscriptions", summary: "Create a webhook subscription: a filter and a URL.",
			auth: authWrite, body: jsonType, produces: jsonType, handler: s.handleCreateSubscription},
		{method: "DELETE", path: "/api/v1/subscriptions/{id}", summary: "Delete a webhook subscription.",
			auth: authWrite, produces: jsonType, handler: s.handleDeleteSubscription},
		{method: "GET", path: "/api/v1/openapi.json", summary: "This document.",
			auth: authNone, produces: jsonType, handler: s.handleOpenAPI},
		{method: "GET", path: "/healthz", summary: "Liveness and database check.",
			auth: authNone, produces: jsonType, handler: s.handleHealth},
		{method: "GET", path: "/metrics", summary: "Prometheus metrics (text exposition format).",
			auth: authRead, produces: "text/plain", handler: s.handleMetrics},
		{method: "GET", path: "/", summary: "The web UI (embedded static files).",
			auth: authNone, produces: "text/html", long: true, handler: s.handleUI},
	}
	for i, rt := range routes {
		routes[i].gated = rt.method == "GET" && rt.auth == authRead && !rt.long && rt.path != "/metrics"
	}
	return routes
}

const exportWhatDoc = "what: events (default) or reports"

// handleUI serves the embedded web UI. Unknown /api/ paths get a JSON 404
// instead of a page.
func (s *Server) handleUI(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		fail(w, http.StatusNotFound, "no such endpoint; see /api/v1/openapi.json")
		return
	}
	if s.opts.UI == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("sitrep API server; the web UI is not built into this binary. See /api/v1/openapi.json\n"))
		return
	}
	s.opts.UI.ServeHTTP(w, r)
}
