package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// run runs sitrep with args against the database at db and returns the exit
// status and both output streams.
func run(t *testing.T, db string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"SITREP_DB": db}
	code := Main(context.Background(), args, Stdio{In: strings.NewReader(stdin), Out: &out, Err: &errb}, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

func TestIngestRecordsBrokenInputsAndKeepsTheRest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, _, stderr := run(t, db, "", "ingest", "--quiet", "testdata/mixed")
	if code != 1 {
		t.Fatalf("ingest of a directory with broken inputs: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"broken.rss", "odesa.jsonl"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name the broken input %s:\n%s", want, stderr)
		}
	}
	code, out, _ := run(t, db, "", "stats", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d", code)
	}
	var st struct {
		Stats struct {
			Documents int `json:"documents"`
			Failures  int `json:"failures"`
		} `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	// kyiv_night.txt, odesa-1 and odesa-3 are stored; the truncated JSONL line,
	// the broken feed and the binary garbage are failures.
	if st.Stats.Documents != 3 {
		t.Errorf("documents = %d, want 3", st.Stats.Documents)
	}
	if st.Stats.Failures != 3 {
		t.Errorf("failures = %d, want 3", st.Stats.Failures)
	}

	// Ingesting the good inputs again adds nothing.
	code, _, stderr = run(t, db, "", "ingest", "--quiet", "testdata/mixed/kyiv_night.txt")
	if code != 0 || !strings.Contains(stderr, "0 new, 1 duplicate") {
		t.Errorf("re-ingest: exit %d, stderr %q; want exit 0 and 0 new, 1 duplicate", code, stderr)
	}
}

func TestIngestStdinAndExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	text := "Air defences shot down 41 of 57 drones launched at Poltava region overnight, the Air Force said on Friday."
	code, _, stderr := run(t, db, text, "ingest", "--quiet", "--publisher", "Sky Desk", "--published", "2026-10-16", "-")
	if code != 0 {
		t.Fatalf("ingest -: exit %d\n%s", code, stderr)
	}
	code, out, stderr := run(t, db, "", "export", "--what", "documents", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	var d struct {
		ID        string `json:"id"`
		Publisher string `json:"publisher"`
		Published string `json:"published"`
		Text      string `json:"text"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &d); err != nil {
		t.Fatalf("export line: %v\n%s", err, out)
	}
	if d.Publisher != "Sky Desk" || !strings.HasPrefix(d.Published, "2026-10-16") || d.Text != text {
		t.Errorf("exported document = %+v", d)
	}
	code, out, _ = run(t, db, "", "export", "--what", "documents", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "id,external_id,url,") || !strings.Contains(out, "Sky Desk") {
		t.Errorf("export csv: exit %d\n%s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, 2, "Usage: sitrep"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"ingest without inputs", []string{"ingest"}, 2, "name at least one file"},
		{"bad export format", []string{"export", "--format", "xml"}, 2, "want jsonl, csv"},
		{"bad export what", []string{"export", "--what", "cats"}, 2, "want documents, reports or events"},
		{"bad date", []string{"ingest", "--published", "last week", "x.txt"}, 2, "cannot read"},
		{"stats on a missing database", []string{"--db", "/nonexistent/typo.db", "stats"}, 1, "no such database"},
		{"export from a missing database", []string{"--db", "/nonexistent/typo.db", "export"}, 1, "no such database"},
		{"feed on loopback", []string{"feed", "add", "http://127.0.0.1:9/feed.xml"}, 2, "--allow-private"},
		{"feed on localhost", []string{"feed", "add", "http://localhost/feed.xml"}, 2, "forbidden address"},
		{"merge an event with itself", []string{"merge", "ev-1", "ev-1"}, 2, "same event"},
		{"eval without gold", []string{"eval"}, 2, "name the gold file"},
		{"help", []string{"help"}, 0, ""},
		{"command help", []string{"ingest", "--help"}, 0, "Usage: sitrep ingest"},
		{"version", []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, db, "", tt.args...)
			if code != tt.code || !strings.Contains(out+stderr, tt.want) {
				t.Errorf("sitrep %v = exit %d, output %q; want exit %d containing %q", tt.args, code, out+stderr, tt.code, tt.want)
			}
		})
	}
}
