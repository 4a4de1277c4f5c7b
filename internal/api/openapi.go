package api

import (
	"net/http"
	"regexp"
	"strings"
)

var pathParamRE = regexp.MustCompile(`\{([a-z_]+)\}`)

// openAPI builds the OpenAPI 3.1 document from the route table, so every
// route the mux serves is described and nothing else is.
func (s *Server) openAPI() map[string]any {
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		op := map[string]any{
			"operationId": operationID(rt),
			"summary":     rt.summary,
			"responses":   responses(rt),
		}
		var params []any
		for _, m := range pathParamRE.FindAllStringSubmatch(rt.path, -1) {
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
		if rt.filters {
			for _, p := range FilterParams {
				params = append(params, map[string]any{"name": p.Name, "in": "query", "description": p.Doc, "schema": map[string]any{"type": "string"}})
			}
		}
		for _, q := range rt.query {
			name, doc, _ := strings.Cut(q, ": ")
			params = append(params, map[string]any{"name": name, "in": "query", "description": doc, "schema": map[string]any{"type": "string"}})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.body != "" {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{rt.body: map[string]any{}}}
		}
		switch {
		case rt.auth == authWrite:
			op["security"] = []any{map[string]any{"bearer": []any{}}}
		case rt.auth == authRead:
			op["description"] = "Open unless the server runs with --read-token-required; then it needs a bearer token."
			op["security"] = []any{map[string]any{}, map[string]any{"bearer": []any{}}}
		}
		if paths[rt.path] == nil {
			paths[rt.path] = map[string]any{}
		}
		paths[rt.path][strings.ToLower(rt.method)] = op
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "sitrep API", "version": "1",
			"description": "Events, reports and documents extracted from war reporting. Filters combine with AND."},
		"paths": paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer",
				"description": "A token from \"sitrep token create\"."}},
			"schemas": map[string]any{"Error": map[string]any{"type": "object", "required": []string{"error"},
				"properties": map[string]any{"error": map[string]any{"type": "string"}}}},
		},
	}
}

// operationID names an operation from its method and path:
// GET /api/v1/events/{id} is getEventsById.
func operationID(rt route) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(rt.method))
	for _, seg := range strings.FieldsFunc(strings.TrimPrefix(rt.path, "/api/v1"), func(r rune) bool { return r == '/' || r == '.' }) {
		if strings.HasPrefix(seg, "{") {
			seg = "by_" + strings.Trim(seg, "{}")
		}
		for _, part := range strings.Split(seg, "_") {
			if part != "" {
				b.WriteString(strings.ToUpper(part[:1]) + part[1:])
			}
		}
	}
	if rt.path == "/" {
		b.WriteString("UI")
	}
	return b.String()
}

func responses(rt route) map[string]any {
	errRef := map[string]any{"content": map[string]any{jsonType: map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	with := func(desc string) map[string]any {
		m := map[string]any{"description": desc}
		for k, v := range errRef {
			m[k] = v
		}
		return m
	}
	ok := "200"
	if rt.method == "POST" && (rt.path == "/api/v1/documents" || rt.path == "/api/v1/subscriptions") {
		ok = "201"
	}
	out := map[string]any{ok: map[string]any{"description": "OK", "content": map[string]any{rt.produces: map[string]any{}}}}
	if rt.filters || rt.body != "" {
		out["400"] = with("Bad parameter or body")
	}
	if rt.auth != authNone {
		out["401"] = with("Missing or invalid bearer token")
	}
	if strings.Contains(rt.path, "{") {
		out["404"] = with("Not found")
	}
	if rt.body != "" {
		out["413"] = with("Body too large")
	}
	if rt.auth == authWrite {
		out["501"] = with("Not available in this server")
	}
	return out
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.openAPI())
}
