package apitest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/api"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
	"github.com/sitrep-osint/sitrep/internal/web"
	"github.com/sitrep-osint/sitrep/internal/webtest"
)

const testdata = "../testdata"

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// load stores the fixture's documents, reports and events as the pipeline
// would, with each event's reports as members.
func load(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	var list struct {
		Events []*model.Event `json:"events"`
	}
	readJSON(t, filepath.Join(testdata, "events.json"), &list)
	var docs []*model.Document
	var reports []model.Report
	paths, _ := filepath.Glob(filepath.Join(testdata, "documents", "*.json"))
	for _, p := range paths {
		var d struct {
			Document model.Document `json:"document"`
			Reports  []model.Report `json:"reports"`
		}
		readJSON(t, p, &d)
		docs = append(docs, &d.Document)
		reports = append(reports, d.Reports...)
	}
	known := map[string]bool{}
	for _, r := range reports {
		known[r.ID] = true
	}
	err := st.Batch(ctx, func(tx *store.Tx) error {
		for _, d := range docs {
			if _, err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		if err := tx.InsertReports(ctx, reports); err != nil {
			return err
		}
		for _, ev := range list.Events {
			var members []store.EventMember
			for _, id := range ev.Reports {
				if known[id] {
					members = append(members, store.EventMember{ReportID: id, Score: 0.9, Explanation: json.RawMessage(`{"fixture":true}`)})
				}
			}
			if err := tx.PutEvent(ctx, ev, members); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("load fixture into the store: %v", err)
	}
}

// TestUIOnRealAPI serves the UI from the real API server and runs the
// browser test on it.
func TestUIOnRealAPI(t *testing.T) {
	webtest.Browser(t) // skip early, before building a store, when there is no browser
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "ui.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	load(t, st)
	srv := httptest.NewServer(api.New(api.Options{Store: st, UI: web.Handler()}).Handler())
	t.Cleanup(srv.Close)
	shots := os.Getenv("SITREP_SCREENSHOTS")
	if shots != "" {
		shots = filepath.Join(shots, "real-api")
	}
	webtest.Run(t, srv.URL, shots)
}
