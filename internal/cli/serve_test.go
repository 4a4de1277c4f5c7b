package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/config"
)

// TestServeIngestStreamAndExport runs "sitrep serve" on a loopback port
// with the real pipeline: a token from "sitrep token create" lets a
// document in, the new event arrives on the stream and in the list, and
// "sitrep export" with filters selects it.
func TestServeIngestStreamAndExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	code, token, stderr := run(t, db, "", "token", "create", "--name", "test")
	token = strings.TrimSpace(token)
	if code != 0 || !strings.HasPrefix(token, "srt_") {
		t.Fatalf("token create: exit %d, out %q, err %s", code, token, stderr)
	}

	getenv := func(k string) string { return map[string]string{"SITREP_DB": db}[k] }
	e := &env{cfg: config.Default(getenv), io: Stdio{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard},
		log: slog.New(slog.DiscardHandler), getenv: getenv}
	st, err := e.openStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	served := make(chan error, 1)
	go func() {
		served <- serve(ctx, e, st, serveOptions{Addr: "127.0.0.1:0", Ready: func(u string) { ready <- u }})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-served:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	base = strings.TrimSuffix(base, "/")

	stream, err := http.Get(base + "/api/v1/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	got := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stream.Body)
		for sc.Scan() {
			got <- sc.Text()
		}
		close(got)
	}()
	<-got // "retry: 5000": the client is registered once the stream has begun

	text := "Russian glide bombs hit an industrial site in Kramatorsk on 9 October 2026, the city council said; four workers were injured."
	post := func(tok string) *http.Response {
		req, _ := http.NewRequest("POST", base+"/api/v1/documents?name=note.txt", strings.NewReader(text))
		req.Header.Set("Content-Type", "text/plain")
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := post(""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without token = %d, want 401", resp.StatusCode)
	}
	resp := post(token)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var reply struct {
		Summary struct {
			New    int `json:"new"`
			Events int `json:"events_touched"`
		} `json:"summary"`
		Events []string `json:"events"`
	}
	if err := json.Unmarshal(body, &reply); err != nil {
		t.Fatalf("POST reply %s: %v", body, err)
	}
	if resp.StatusCode != http.StatusCreated || reply.Summary.New != 1 || len(reply.Events) == 0 || reply.Summary.Events != len(reply.Events) {
		t.Fatalf("POST with token = %d %s, want 201 with one new document and the events it touched", resp.StatusCode, body)
	}
	deadline := time.After(10 * time.Second)
	for waiting := true; waiting; {
		select {
		case l := <-got:
			waiting = !strings.HasPrefix(l, "data: ") || !strings.Contains(l, "Kramatorsk")
		case <-deadline:
			t.Fatal("no stream message about the new event within 10s")
		}
	}

	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve returned %v after cancel, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}

	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
		absent   string
	}{
		{"matching filters", []string{"export", "--format", "csv", "--type", "attack", "--bbox", "37,48,38,49.5", "--q", "glide"}, 0, "Kramatorsk", ""},
		{"other side", []string{"export", "--format", "csv", "--side", "UA"}, 0, "id,type", "Kramatorsk"},
		{"acled with dates", []string{"export", "--format", "acled", "--from", "2026-10-01", "--to", "2026-10-31"}, 0, "Military Forces of Russia", ""},
		{"bad filter", []string{"export", "--format", "csv", "--from", "yesterday"}, 2, "", ""},
		{"documents refuse filters", []string{"export", "--what", "documents", "--type", "attack"}, 2, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := run(t, db, "", tt.args...)
			if code != tt.code {
				t.Fatalf("sitrep %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
			if !strings.Contains(out, tt.contains) || (tt.absent != "" && strings.Contains(out, tt.absent)) {
				t.Errorf("sitrep %s output:\n%s\nwant %q and not %q", strings.Join(tt.args, " "), out, tt.contains, tt.absent)
			}
		})
	}
}
