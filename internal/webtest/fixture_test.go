package webtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/web"
)

// fixture answers the API paths of .team/API.md from testdata/, applying the
// filters itself, so the UI can be tested before and apart from the real
// server. Every file is decoded into the model types with unknown fields
// refused, so a fixture that drifts from the contract fails here.
type fixture struct {
	t       *testing.T
	mu      sync.Mutex // guards events, which the stream handler extends
	events  []model.Event
	details map[string]json.RawMessage
	docs    map[string]documentResponse
	push    chan model.Event
	done    chan struct{}
}

type documentSummary struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher"`
	URL         string `json:"url"`
	Published   string `json:"published"`
	Format      string `json:"format"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

type eventResponse struct {
	Event       model.Event       `json:"event"`
	Reports     []model.Report    `json:"reports"`
	Documents   []documentSummary `json:"documents"`
	Explanation json.RawMessage   `json:"explanation"`
}

type documentResponse struct {
	Document model.Document `json:"document"`
	Reports  []model.Report `json:"reports"`
	Facts    []struct {
		Report string `json:"report"`
		Field  string `json:"field"`
		Text   string `json:"text"`
		Start  int    `json:"start"`
		End    int    `json:"end"`
	} `json:"facts"`
}

func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("fixture %s does not match the API types: %v", path, err)
	}
}

func loadFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, details: map[string]json.RawMessage{}, docs: map[string]documentResponse{}, push: make(chan model.Event, 4), done: make(chan struct{})}
	var list struct {
		Events     []model.Event `json:"events"`
		NextCursor string        `json:"next_cursor"`
	}
	decodeStrict(t, "testdata/events.json", &list)
	f.events = list.Events
	paths, _ := filepath.Glob("testdata/events/*.json")
	for _, p := range paths {
		var d eventResponse
		decodeStrict(t, p, &d)
		f.details[d.Event.ID], _ = json.Marshal(d)
	}
	paths, _ = filepath.Glob("testdata/documents/*.json")
	for _, p := range paths {
		var d documentResponse
		decodeStrict(t, p, &d)
		f.docs[d.Document.ID] = d
	}
	return f
}

// server serves the UI handler and the fixture API, with the CSP the real
// server sets.
func (f *fixture) server() *httptest.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /", web.Handler())
	mux.HandleFunc("GET /api/v1/events", func(w http.ResponseWriter, r *http.Request) {
		evs := f.filter(r)
		if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n < len(evs) {
			evs = evs[:n]
		}
		writeJSON(w, map[string]any{"events": evs, "next_cursor": ""})
	})
	mux.HandleFunc("GET /api/v1/events/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if d, ok := f.details[id]; ok {
			w.Header().Set("Content-Type", "application/json")
			w.Write(d)
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, ev := range f.events {
			if ev.ID == id {
				writeJSON(w, eventResponse{Event: ev, Reports: []model.Report{}, Documents: []documentSummary{}, Explanation: json.RawMessage("{}")})
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
		writeJSON(w, map[string]string{"error": "event not found"})
	})
	mux.HandleFunc("GET /api/v1/documents/{id}", func(w http.ResponseWriter, r *http.Request) {
		d, ok := f.docs[r.PathValue("id")]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			writeJSON(w, map[string]string{"error": "document not found"})
			return
		}
		writeJSON(w, d)
	})
	mux.HandleFunc("GET /api/v1/histogram", func(w http.ResponseWriter, r *http.Request) {
		per := map[string]map[string]int{}
		for _, ev := range f.filter(r) {
			day := ev.Date.Start
			if per[day] == nil {
				per[day] = map[string]int{}
			}
			per[day][string(ev.Type)]++
		}
		type day struct {
			Date   string         `json:"date"`
			Counts map[string]int `json:"counts"`
		}
		days := []day{}
		for d, c := range per {
			days = append(days, day{d, c})
		}
		sort.Slice(days, func(i, j int) bool { return days[i].Date < days[j].Date })
		writeJSON(w, map[string]any{"days": days})
	})
	mux.HandleFunc("GET /api/v1/stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusOK)
		fl := w.(http.Flusher)
		fmt.Fprint(w, ": hello\n\n")
		fl.Flush()
		for {
			select {
			case ev := <-f.push:
				f.mu.Lock()
				f.events = append([]model.Event{ev}, f.events...)
				f.mu.Unlock()
				b, _ := json.Marshal(ev)
				fmt.Fprintf(w, "event: event\ndata: %s\n\n", b)
				fl.Flush()
			case <-r.Context().Done():
				return
			case <-f.done:
				return
			}
		}
	})
	srv := httptest.NewServer(cspHeaders(mux))
	f.t.Cleanup(func() { close(f.done); srv.Close() })
	return srv
}

func cspHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", web.CSP)
		h.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// filter applies the API's filters to the fixture events.
func (f *fixture) filter(r *http.Request) []model.Event {
	q := r.URL.Query()
	list := func(k string) []string {
		if v := q.Get(k); v != "" {
			return strings.Split(v, ",")
		}
		return nil
	}
	minSources, _ := strconv.Atoi(q.Get("min_sources"))
	var bbox []float64
	for _, s := range list("bbox") {
		v, _ := strconv.ParseFloat(s, 64)
		bbox = append(bbox, v)
	}
	out := []model.Event{}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, ev := range f.events {
		switch {
		case q.Get("from") != "" && ev.Date.End < q.Get("from"),
			q.Get("to") != "" && ev.Date.Start > q.Get("to"),
			list("type") != nil && !slices.Contains(list("type"), string(ev.Type)),
			q.Get("side") != "" && (ev.Attacker == nil || string(ev.Attacker.Side) != q.Get("side")),
			list("status") != nil && !slices.Contains(list("status"), string(ev.Status)),
			ev.IndependentSources < minSources,
			list("weapon") != nil && !slices.ContainsFunc(list("weapon"), func(w string) bool { return slices.Contains(ev.Weapons, w) }),
			q.Get("q") != "" && !f.textMatches(ev, q.Get("q")),
			len(bbox) == 4 && (len(ev.Locations) == 0 || ev.Locations[0].Lon < bbox[0] || ev.Locations[0].Lat < bbox[1] || ev.Locations[0].Lon > bbox[2] || ev.Locations[0].Lat > bbox[3]):
			continue
		}
		out = append(out, ev)
	}
	return out
}

func (f *fixture) textMatches(ev model.Event, q string) bool {
	for _, d := range ev.Documents {
		if strings.Contains(strings.ToLower(f.docs[d].Document.Text), strings.ToLower(q)) {
			return true
		}
	}
	return false
}
