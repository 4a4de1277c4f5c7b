package source

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

var fixedTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

type golden struct {
	Documents []model.Document `json:"documents"`
	Errors    []string         `json:"errors"`
}

// TestDecodeFixtures decodes each fixture (written for this project, with
// realistic page chrome) and compares the result with its golden file. It
// also checks cleanliness the way the shared scorer does: chrome strings
// absent, article sentences present exactly once.
func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		wantDocs int
		wantErrs []error
		absent   []string
		once     []string
	}{
		{
			name: "html news page", file: "news_page.html", wantDocs: 1,
			absent: []string{"cookies", "Accept all", "Skip to content", "Search", "Facebook", "Share this", "Comments",
				"Stay strong", "protection around substations", "Related articles", "Ferry service resumes",
				"Most read", "Farmers warn", "Read more", "Grain exports recover", "Tags:", "All rights reserved",
				"Privacy Policy", "Back to top", "Firefighters at the damaged substation", "Home"},
			once: []string{"Air defence crews reported shooting down nine", "Engineers expected to restore electricity",
				"further attacks on energy sites were likely"},
		},
		{
			name: "blog post", file: "blog_post.html", wantDocs: 1,
			absent: []string{"No comments", "Post a Comment", "Newer Post", "Older Post", "Subscribe to", "Popular Posts",
				"Winter on the front line", "Blog Archive", "About Me", "Powered by", "Labels", "Email This", "Share to",
				"Search this blog", "Posted by", "Independent reporting"},
			once: []string{"Evacuation teams come twice a week", "We hear the launches before the whistles"},
		},
		{
			name: "site builder page", file: "site_builder.html", wantDocs: 1,
			absent: []string{"top of page", "bottom of page", "HOME", "CONTACT", "Facebook", "LinkedIn", "© 2025",
				"By Marta Levchenko", "site builder"},
			once: []string{"The harder problem is inland", "Why the southern ports still matter"},
		},
		{
			name: "short brief with heavy chrome", file: "short_brief.html", wantDocs: 1,
			absent: []string{"World", "Politics", "Home ›", "cookies", "Share on", "Copy link", "More briefs", "Grain ship",
				"Power cuts scheduled", "morning briefing", "Editorial standards"},
			once: []string{"An air-raid alert was declared in three northern regions", "It was lifted forty minutes later."},
		},
		{
			name: "rss feed", file: "feed_rss.xml", wantDocs: 3, wantErrs: []error{ErrEmpty},
			absent: []string{"Share this", "Facebook", "appeared first on", "Continue reading"},
			once:   []string{"damaging two locomotives", "Water trucks were sent to three districts"},
		},
		{
			name: "atom feed", file: "feed_atom.xml", wantDocs: 2,
			absent: []string{"Related stories", "Bridge repair tender", "12 Comments", "Great that the children"},
			once:   []string{"Ferry crews had been waiting since March", "breaking windows but injuring no one"},
		},
		{
			name: "telegram export", file: "telegram/result.json", wantDocs: 3, wantErrs: []error{ErrMalformed},
			absent: []string{"Subscribe to our channel", "https://example.gov.ua", "create_channel"},
			once:   []string{"Morning update: the regional governor says 3 people were injured", "power has been restored"},
		},
		{
			name: "jsonl records", file: "records.jsonl", wantDocs: 4, wantErrs: []error{ErrTruncated, ErrMalformed, ErrEmpty},
			absent: []string{"wire.example.com+", "other.example.org", "Read more", "Border queues grow", "Share this",
				"No comments", "Post a Comment", "Advertisement"},
			once: []string{"Volunteers delivered generators", "Residents must register", "No one was injured in the latest attack."},
		},
		{
			name: "windows-1251 text", file: "cp1251.txt", wantDocs: 1,
			absent: []string{"Поділитися", "\uFFFD"},
			once:   []string{"Постраждалих немає", "Обстріл залізничної станції"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs, errs := Decode(context.Background(), Input{Name: tt.file, Raw: raw, FetchedAt: fixedTime}, Options{})
			if len(docs) != tt.wantDocs {
				t.Errorf("Decode(%s) = %d documents, want %d", tt.file, len(docs), tt.wantDocs)
			}
			if len(errs) != len(tt.wantErrs) {
				t.Errorf("Decode(%s) errors = %v, want %d errors", tt.file, errs, len(tt.wantErrs))
			}
			for i := range min(len(errs), len(tt.wantErrs)) {
				var se *Error
				if !errors.Is(errs[i], tt.wantErrs[i]) || !errors.As(errs[i], &se) || se.Input != tt.file {
					t.Errorf("Decode(%s) error %d = %v, want *Error wrapping %v", tt.file, i, errs[i], tt.wantErrs[i])
				}
			}
			all := ""
			for _, d := range docs {
				checkDocument(t, d)
				all += d.Text + "\n\x00\n"
			}
			for _, s := range tt.absent {
				if strings.Contains(all, s) {
					t.Errorf("Decode(%s): %q should be absent", tt.file, s)
				}
			}
			for _, s := range tt.once {
				if n := strings.Count(all, s); n != 1 {
					t.Errorf("Decode(%s): %q appears %d times, want once", tt.file, s, n)
				}
			}
			g := golden{Documents: docs, Errors: []string{}}
			for _, e := range errs {
				g.Errors = append(g.Errors, e.Error())
			}
			compareGolden(t, filepath.Join("testdata", strings.ReplaceAll(tt.file, "/", "_")+".golden.json"), g)
		})
	}
}

// checkDocument asserts what every decoded document must satisfy.
func checkDocument(t *testing.T, d model.Document) {
	t.Helper()
	switch {
	case d.Text == "":
		t.Errorf("document %q has empty text", d.ExternalID)
	case d.ID != model.DocumentID(d.Text):
		t.Errorf("document %q: ID %s does not match its text", d.ExternalID, d.ID)
	case d.RawHash == "" || d.ParserVersion == "" || d.Source == "" || d.Format == "" || d.FetchedAt.IsZero():
		t.Errorf("document %q lacks provenance: %+v", d.ExternalID, d)
	case strings.Contains(d.Text, "\n\n") || strings.TrimSpace(d.Text) != d.Text:
		t.Errorf("document %q: text not normalised: %q", d.ExternalID, d.Text)
	}
}

func compareGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the decoded result; run go test -update and review the diff\ngot:\n%s", path, got)
	}
}
