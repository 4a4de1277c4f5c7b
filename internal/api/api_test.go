package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// scenario is one API request and what its reply must and must not hold.
type scenario struct {
	name      string
	method    string
	url       string
	body      string
	token     bool
	status    int
	contains  []string
	forbidden []string
}

func run(t *testing.T, h http.Handler, token string, tests []scenario) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			req := httptest.NewRequest(method, tt.url, strings.NewReader(tt.body))
			if tt.token {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Fatalf("%s %s = %d, want %d; body %s", method, tt.url, rec.Code, tt.status, body)
			}
			for _, s := range tt.contains {
				if !strings.Contains(body, s) {
					t.Errorf("%s %s body lacks %q; body %s", method, tt.url, s, body)
				}
			}
			for _, s := range tt.forbidden {
				if strings.Contains(body, s) {
					t.Errorf("%s %s body has %q; body %s", method, tt.url, s, body)
				}
			}
			if got := rec.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("%s %s CSP = %q", method, tt.url, got)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s %s X-Content-Type-Options = %q", method, tt.url, got)
			}
		})
	}
}

func TestReadAPI(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st, Version: "test"})
	run(t, srv.Handler(), fx.token, []scenario{
		{name: "all events newest first", url: "/api/v1/events", status: 200,
			contains: []string{`"id":"ev-odesa"`, `"id":"ev-kursk"`, `"next_cursor":""`}},
		{name: "type and side", url: "/api/v1/events?type=attack&side=ru", status: 200,
			contains: []string{"ev-odesa", "ev-zap"}, forbidden: []string{"ev-alert", "ev-kursk"}},
		{name: "bbox around Odesa", url: "/api/v1/events?bbox=30,46,31,47", status: 200,
			contains: []string{"ev-odesa"}, forbidden: []string{"ev-zap", "ev-alert", "ev-kursk"}},
		{name: "date overlap", url: "/api/v1/events?from=2026-10-03&to=2026-10-11", status: 200,
			contains: []string{"ev-zap", "ev-kursk"}, forbidden: []string{"ev-odesa", "ev-alert"}},
		{name: "weapon", url: "/api/v1/events?weapon=glide_bomb", status: 200, contains: []string{"ev-zap"}, forbidden: []string{"ev-odesa"}},
		{name: "min sources and status", url: "/api/v1/events?min_sources=2&status=corroborated,confirmed", status: 200,
			contains: []string{"ev-odesa", "ev-kursk"}, forbidden: []string{"ev-zap", "ev-alert"}},
		{name: "full text", url: "/api/v1/events?q=warehouse", status: 200, contains: []string{"ev-zap"}, forbidden: []string{"ev-odesa"}},
		{name: "page of one has a cursor", url: "/api/v1/events?limit=1", status: 200, forbidden: []string{`"next_cursor":""`}},
		{name: "bad date", url: "/api/v1/events?from=14.10.2026", status: 400, contains: []string{`"error":"invalid request: from`}},
		{name: "bad bbox", url: "/api/v1/events?bbox=1,2,3", status: 400, contains: []string{"bbox"}},
		{name: "unknown type", url: "/api/v1/events?type=picnic", status: 400, contains: []string{"picnic"}},
		{name: "bad cursor", url: "/api/v1/events?cursor=%21%21", status: 400, contains: []string{"bad cursor"}},
		{name: "event detail", url: "/api/v1/events/ev-odesa", status: 200,
			contains: []string{`"event":{"id":"ev-odesa"`, `"reports":[{"id":"rep-odesa"`, `"publisher":"Black Sea Wire"`, `"distance_km":0`}},
		{name: "unknown event", url: "/api/v1/events/nope", status: 404, contains: []string{`"error"`}},
		{name: "document with facts, hostile-free", url: "/api/v1/documents/" + fx.odesaDoc, status: 200,
			contains:  []string{`"field":"casualties.injured"`, `"text":"three dock workers were hurt"`, `"field":"sentence"`},
			forbidden: []string{`"report":"rep-odesa","field":"bogus"`}},
		{name: "hostile document is escaped", url: "/api/v1/documents/" + fx.hostile, status: 200,
			contains: []string{`\u003cscript\u003e`, `\u003cimg`}, forbidden: []string{"<script>", "<img"}},
		{name: "unknown document", url: "/api/v1/documents/feedface", status: 404},
		{name: "reports filtered", url: "/api/v1/reports?weapon=drone", status: 200, contains: []string{"rep-odesa"}, forbidden: []string{"rep-zap"}},
		{name: "histogram", url: "/api/v1/histogram?from=2026-10-10", status: 200,
			contains:  []string{`{"date":"2026-10-11","counts":{"attack":1}}`, `{"date":"2026-10-14","counts":{"air_alert":1,"attack":1}}`},
			forbidden: []string{"2026-10-02"}},
		{name: "histogram with bbox", url: "/api/v1/histogram?bbox=30,46,31,47", status: 200,
			contains: []string{`{"date":"2026-10-14","counts":{"attack":1}}`}, forbidden: []string{"air_alert"}},
		{name: "export csv", url: "/api/v1/export.csv?type=attack", status: 200, contains: []string{"id,type,date_start", "ev-odesa", "ev-zap"}, forbidden: []string{"ev-alert"}},
		{name: "export jsonl of reports", url: "/api/v1/export.jsonl?what=reports&side=RU", status: 200, contains: []string{`"id":"rep-odesa"`}, forbidden: []string{"rep-zap"}},
		{name: "export geojson", url: "/api/v1/export.geojson?bbox=30,46,31,47", status: 200, contains: []string{`"FeatureCollection"`, `"coordinates":[30.72,46.48]`}},
		{name: "export acled", url: "/api/v1/export.acled.csv?side=UA", status: 200, contains: []string{"event_date", "Military Forces of Ukraine", "ev-kursk"}, forbidden: []string{"ev-odesa"}},
		{name: "export bad filter", url: "/api/v1/export.csv?min_sources=-1", status: 400},
		{name: "export documents refused", url: "/api/v1/export.csv?what=documents", status: 400},
		{name: "health", url: "/healthz", status: 200, contains: []string{`"status":"ok"`}},
		{name: "openapi", url: "/api/v1/openapi.json", status: 200, contains: []string{`"openapi":"3.1.0"`, `"/api/v1/events/{id}"`}},
		{name: "unknown api path is JSON 404", url: "/api/v1/nothing", status: 404, contains: []string{`"error"`}},
		{name: "wrong method", method: "DELETE", url: "/api/v1/events", status: 405},
		{name: "ui placeholder", url: "/", status: 200, contains: []string{"sitrep API server"}},
	})
}

func TestWriteAPI(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st, Hooks: Hooks{Ingest: textIngest(fx.st)}})
	big := strings.Repeat("x", maxDocumentBody+1)
	run(t, srv.Handler(), fx.token, []scenario{
		{name: "ingest without token", method: "POST", url: "/api/v1/documents", body: "Shelling hit Nikopol.", status: 401, contains: []string{"bearer token"}},
		{name: "ingest with token", method: "POST", url: "/api/v1/documents?name=note.txt", body: "Shelling hit Nikopol at dawn.", token: true, status: 201,
			contains: []string{`"new":1`}},
		{name: "same document again", method: "POST", url: "/api/v1/documents", body: "shelling hit  Nikopol at dawn.", token: true, status: 200,
			contains: []string{`"duplicates":1`}},
		{name: "empty document", method: "POST", url: "/api/v1/documents", token: true, status: 400},
		{name: "oversized document", method: "POST", url: "/api/v1/documents", body: big, token: true, status: 413},
		{name: "bad name", method: "POST", url: "/api/v1/documents?name=../../etc/passwd", body: "x", token: true, status: 400},
		{name: "merge without token", method: "POST", url: "/api/v1/events/ev-odesa/merge", body: `{"other":"ev-zap"}`, status: 401},
		{name: "merge not wired", method: "POST", url: "/api/v1/events/ev-odesa/merge", body: `{"other":"ev-zap"}`, token: true, status: 501},
		{name: "subscriptions need a token even to list", url: "/api/v1/subscriptions", status: 401},
		{name: "wrong token", method: "POST", url: "/api/v1/undo", status: 401},
	})
	// The ingested text is now searchable.
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, want := range []string{`sitrep_http_requests_total{route="POST /api/v1/documents",method="POST",code="201"} 1`,
		`sitrep_http_requests_total{route="POST /api/v1/documents",method="POST",code="401"} 1`,
		`sitrep_ingest_total{result="new"} 1`, `sitrep_ingest_total{result="duplicate"} 1`,
		`sitrep_http_request_duration_seconds_bucket{route="POST /api/v1/documents",le="+Inf"} 6`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, rec.Body.String())
		}
	}
}

func TestCorrectionHooks(t *testing.T) {
	fx := newFixture(t)
	var got []string
	srv := New(Options{Store: fx.st, Hooks: Hooks{
		Merge: func(ctx context.Context, id, other, reason string) ([]string, error) {
			got = []string{id, other, reason}
			return []string{id}, nil
		},
	}})
	run(t, srv.Handler(), fx.token, []scenario{
		{name: "merge", method: "POST", url: "/api/v1/events/ev-odesa/merge", body: `{"other":"ev-zap","reason":"same strike"}`, token: true, status: 200,
			contains: []string{`"events":[{"id":"ev-odesa"`}},
		{name: "merge with itself", method: "POST", url: "/api/v1/events/ev-odesa/merge", body: `{"other":"ev-odesa"}`, token: true, status: 400},
		{name: "merge with unknown field", method: "POST", url: "/api/v1/events/ev-odesa/merge", body: `{"other":"ev-zap","force":true}`, token: true, status: 400},
	})
	if strings.Join(got, "|") != "ev-odesa|ev-zap|same strike" {
		t.Errorf("Merge hook called with %v", got)
	}
}

func TestReadTokenRequired(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st, ReadTokenRequired: true})
	run(t, srv.Handler(), fx.token, []scenario{
		{name: "events closed", url: "/api/v1/events", status: 401},
		{name: "events with token", url: "/api/v1/events", token: true, status: 200, contains: []string{"ev-odesa"}},
		{name: "metrics closed", url: "/metrics", status: 401},
		{name: "health open", url: "/healthz", status: 200},
		{name: "openapi open", url: "/api/v1/openapi.json", status: 200},
	})
}

// TestOpenAPIMatchesRoutes checks the document against the mux: every
// operation it lists is served by the route with exactly that pattern,
// and every registered route is listed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st})
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct{ Name, In string }
		} `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	ops := map[string]bool{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			pattern := strings.ToUpper(method) + " " + path
			documented[pattern] = true
			if ops[op.OperationID] {
				t.Errorf("operationId %q used twice", op.OperationID)
			}
			ops[op.OperationID] = true
			concrete := pathParamRE.ReplaceAllString(path, "x1")
			_, got := srv.mux.Handler(httptest.NewRequest(strings.ToUpper(method), concrete, nil))
			if got != pattern {
				t.Errorf("documented %s: %s %s is served by %q", pattern, strings.ToUpper(method), concrete, got)
			}
			for _, m := range pathParamRE.FindAllStringSubmatch(path, -1) {
				found := false
				for _, p := range op.Parameters {
					found = found || (p.In == "path" && p.Name == m[1])
				}
				if !found {
					t.Errorf("%s: path parameter %s not documented", pattern, m[1])
				}
			}
		}
	}
	for _, rt := range srv.routes {
		if !documented[rt.pattern()] {
			t.Errorf("route %s is not in the OpenAPI document", rt.pattern())
		}
		delete(documented, rt.pattern())
	}
	for p := range documented {
		t.Errorf("OpenAPI documents %s, which is not registered", p)
	}
	if len(srv.routes) < 20 {
		t.Errorf("only %d routes registered", len(srv.routes))
	}
}

func TestExportStreamsEveryMatch(t *testing.T) {
	fx := newFixture(t)
	srv := New(Options{Store: fx.st})
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/export.geojson", nil))
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID string `json:"id"`
		} `json:"features"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil {
		t.Fatalf("export.geojson is not JSON: %v\n%s", err, rec.Body.String())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 4 {
		t.Errorf("export.geojson = %s with %d features, want FeatureCollection with 4", fc.Type, len(fc.Features))
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/geo+json") {
		t.Errorf("Content-Type = %q", ct)
	}
}

// TestListEscapesStoredJSON stores an event whose body was written without
// HTML escaping and checks that the list, which passes bodies through,
// still escapes it.
func TestListEscapesStoredJSON(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	err := fx.st.Batch(ctx, func(tx *store.Tx) error {
		_, err := tx.SQL().ExecContext(ctx, `UPDATE events SET body = json_set(body, '$.status_reason', '<b onmouseover=x>') WHERE id = 'ev-zap'`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := New(Options{Store: fx.st})
	run(t, srv.Handler(), fx.token, []scenario{
		{name: "list", url: "/api/v1/events?weapon=glide_bomb", status: 200, contains: []string{`\u003cb onmouseover=x\u003e`}, forbidden: []string{"<b"}},
		{name: "detail", url: "/api/v1/events/ev-zap", status: 200, contains: []string{`\u003cb onmouseover=x\u003e`}, forbidden: []string{"<b"}},
	})
}
