package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublisherLabelChangesStatus labels an outlet as state media and
// checks that the event it alone reported drops from "reported" to
// "claimed" at once, and that bad labels and names are usage errors.
func TestPublisherLabelChangesStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	text := "Russian troops have captured the village of Dvorichna in the Kharkiv region on Friday."
	if code, _, stderr := run(t, db, text, "ingest", "--quiet", "--publisher", "Vostok Wire", "--published", "2026-10-16", "-"); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	status := func() string {
		t.Helper()
		code, out, stderr := run(t, db, "", "export", "--what", "events", "--format", "jsonl")
		if code != 0 {
			t.Fatalf("export: exit %d\n%s", code, stderr)
		}
		var e struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &e); err != nil {
			t.Fatalf("export: %v\n%s", err, out)
		}
		return e.Status
	}
	if s := status(); s != "reported" {
		t.Fatalf("status before labelling %q, want reported", s)
	}
	if code, out, stderr := run(t, db, "", "publisher", "Vostok Wire", "state-media"); code != 0 || !strings.Contains(out, "1 event(s) recomputed") {
		t.Fatalf("publisher: exit %d\n%s%s", code, out, stderr)
	}
	if s := status(); s != "claimed" {
		t.Errorf("status after labelling state media %q, want claimed", s)
	}
	if code, _, stderr := run(t, db, "", "publisher", "vostok wire", "auto"); code != 0 {
		t.Fatalf("publisher auto (any case): exit %d\n%s", code, stderr)
	}
	if s := status(); s != "reported" {
		t.Errorf("status after clearing the label %q, want reported", s)
	}
	if code, _, stderr := run(t, db, "", "publisher", "Vostok Wire", "state-media"); code != 0 {
		t.Fatalf("publisher: exit %d\n%s", code, stderr)
	}
	code, out, _ := run(t, db, "", "publisher")
	if code != 0 || !strings.Contains(out, "Vostok Wire") || !strings.Contains(out, "state media") {
		t.Errorf("publisher list: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"publisher", "Vostok Wire", "tabloid"}, {"publisher", "Nobody", "press"}, {"publisher", "Vostok Wire"},
		{"publisher", "--json", "Vostok Wire", "press"}} {
		if code, _, _ := run(t, db, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
