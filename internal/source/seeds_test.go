package source

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The shared evaluation data lives beside the repository; the test skips
// when it is absent (a checkout without ../shared).
const (
	seedsPath = "../../../shared/seeds/seeds.jsonl"
	goldPath  = "../../../shared/eval/seeds.gold.json"
	scorePath = "../../../shared/eval/score.py"
)

// TestSeedsCleanText decodes the seed reports through the JSONL path and
// checks the gold clean-text rules: every "absent" string absent, every
// "once" string present exactly once. It also runs the shared scorer on
// the exported documents when python3 is available.
func TestSeedsCleanText(t *testing.T) {
	raw, err := os.ReadFile(seedsPath)
	if err != nil {
		t.Skipf("seeds not available: %v", err)
	}
	goldRaw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Skipf("gold file not available: %v", err)
	}
	var gold struct {
		CleanText map[string]struct {
			Absent []string `json:"absent"`
			Once   []string `json:"once"`
		} `json:"clean_text"`
	}
	if err := json.Unmarshal(goldRaw, &gold); err != nil {
		t.Fatalf("gold: %v", err)
	}
	docs, errs := Decode(context.Background(), Input{Name: "seeds.jsonl", Raw: raw}, Options{})
	if len(errs) > 0 {
		t.Fatalf("Decode(seeds) errors: %v", errs)
	}
	byID := map[string]string{}
	var out strings.Builder
	for _, d := range docs {
		byID[d.ExternalID] = d.Text
		b, _ := json.Marshal(d)
		out.Write(b)
		out.WriteByte('\n')
	}
	checks, ok := 0, 0
	for id, rule := range gold.CleanText {
		text, found := byID[id]
		if !found {
			t.Errorf("seed %s not decoded", id)
		}
		for _, s := range rule.Absent {
			checks++
			if text != "" && !strings.Contains(text, s) {
				ok++
			} else {
				t.Errorf("seed %s: %q should be absent", id, s)
			}
		}
		for _, s := range rule.Once {
			checks++
			if n := strings.Count(text, s); n == 1 {
				ok++
			} else {
				t.Errorf("seed %s: %q appears %d times, want once", id, s, n)
			}
		}
	}
	t.Logf("clean=%.3f (%d/%d checks)", float64(ok)/float64(max(checks, 1)), ok, checks)

	py, err := exec.LookPath("python3")
	if err != nil {
		return
	}
	docsPath := filepath.Join(t.TempDir(), "documents.jsonl")
	if err := os.WriteFile(docsPath, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, scorePath, goldPath, os.DevNull, "--documents", docsPath, "--min", "clean=1")
	res, err := cmd.CombinedOutput()
	m := regexp.MustCompile(`clean=[0-9.]+`).Find(res)
	t.Logf("score.py: %s", m)
	if err != nil || string(m) != "clean=1.000" {
		t.Fatalf("score.py: %v\n%s", err, res)
	}
}
