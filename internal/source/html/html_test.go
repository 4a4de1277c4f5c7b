package html

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFragmentText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"paragraphs", "<p>One.</p><p>Two <b>bold</b> words.</p>", "\nOne.\n\nTwo bold words.\n"},
		{"list items", "<ul><li>first</li><li>second</li></ul>", "\n\n- first\n\n- second\n\n"},
		{"scripts and figures dropped", "<p>Kept.</p><script>x()</script><figure><figcaption>Cap</figcaption></figure>", "\nKept.\n"},
		{"hidden dropped", `<p>Shown.</p><p style="display: none">Hidden.</p><div hidden>Also hidden.</div>`, "\nShown.\n"},
		{"plain text keeps lines", "Line one.\n\nLine two &amp; more.", "Line one.\n\nLine two & more."},
		{"inline spacing", "<p>a<span> b</span> <i>c</i></p>", "\na b c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FragmentText(tt.in); got != tt.want {
				t.Fatalf("FragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	page := `<html lang="uk-UA"><head>
<link rel="canonical" href="/a/1">
<meta property="og:url" content="https://site.example/a/1?utm=x">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2025-02-02T02:02:00Z","publisher":{"name":"LD Site"},"author":[{"name":"A. Writer"}]}]}</script>
</head><body><p>Short body text about a strike on a depot.</p></body></html>`
	p, err := Parse([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if p.CanonicalURL != "https://site.example/a/1" || p.Title != "H" || p.SiteName != "LD Site" ||
		p.Author != "A. Writer" || p.Language != "uk" || p.Published == nil || p.Published.Day() != 2 {
		t.Fatalf("Parse meta = %+v", p)
	}
	if !strings.Contains(p.Text, "Short body text about a strike on a depot.") {
		t.Fatalf("Parse text = %q", p.Text)
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ name, title, site, want string }{
		{"suffix", "Bridge hit overnight | Daily Ledger", "Daily Ledger", "Bridge hit overnight"},
		{"prefix", "Field Notes: A week of shelling", "Field Notes", "A week of shelling"},
		{"no site", "Bridge hit | Daily Ledger", "", "Bridge hit | Daily Ledger"},
		{"site not in title", "Kharkiv: night of explosions", "Daily Ledger", "Kharkiv: night of explosions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripSiteName(tt.title, tt.site); got != tt.want {
				t.Fatalf("stripSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../testdata/news_page.html"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<html><head><script type="application/ld+json">[{"@type":["Article"],"author":{"@id":"x"}}]</script></head><body><pre> a </pre></body></html>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Parse(b, "https://example.org/x")
		if err != nil {
			return
		}
		if utf8.Valid(b) && !utf8.ValidString(Document(p).Text) {
			t.Fatalf("Parse returned invalid UTF-8 text")
		}
		FragmentText(string(b))
	})
}
