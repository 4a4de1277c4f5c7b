package geocode

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
)

type mentionCase struct {
	name, text, written, wantName, wantAdmin1 string
}

func readMentionCases(t testing.TB, path string) []mentionCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []mentionCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		c := strings.Split(s, "\t")
		if len(c) < 4 {
			t.Fatalf("%s:%d: %d columns, want 4 or 5", path, line, len(c))
		}
		mc := mentionCase{name: c[0], text: c[1], written: c[2], wantName: c[3]}
		if len(c) > 4 {
			mc.wantAdmin1 = c[4]
		}
		cases = append(cases, mc)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func defaultGeocoder(t testing.TB) *Geocoder {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestMentionTable runs the table of invented sentences in
// testdata/mentions.tsv: spelling variants, Cyrillic and declined forms,
// renames, oblast forms, Russian regions, Crimea, sites and names resolved by
// context. Each case names the written form Find must report and the place
// it must resolve to; at least 95% must be right, and every miss is logged.
func TestMentionTable(t *testing.T) {
	g := defaultGeocoder(t)
	cases := readMentionCases(t, "testdata/mentions.tsv")
	if len(cases) < 150 {
		t.Fatalf("mention table has %d cases, want at least 150", len(cases))
	}
	ok := 0
	for _, tc := range cases {
		got := g.Find(tc.text)
		var m *Mention
		for i := range got {
			if got[i].Text == tc.written {
				m = &got[i]
				break
			}
		}
		switch {
		case m == nil:
			var seen []string
			for _, x := range got {
				seen = append(seen, x.Text+"→"+x.Location.Name)
			}
			t.Logf("%s: Find(%q) has no mention %q; got %v", tc.name, tc.text, tc.written, seen)
		case m.Location.Name != tc.wantName || (tc.wantAdmin1 != "" && m.Location.Admin1 != tc.wantAdmin1):
			t.Logf("%s: Find(%q) resolved %q to %s (%s), want %s (%s)", tc.name, tc.text, tc.written,
				m.Location.Name, m.Location.Admin1, tc.wantName, tc.wantAdmin1)
		default:
			ok++
		}
	}
	rate := float64(ok) / float64(len(cases))
	t.Logf("mention table: %d/%d correct (%.3f)", ok, len(cases), rate)
	if rate < 0.95 {
		t.Errorf("mention table accuracy = %.3f, want >= 0.95", rate)
	}
}

// TestNoFalseMentions checks sentences whose capitalised words are
// ordinary words, people or organisations, not places.
func TestNoFalseMentions(t *testing.T) {
	g := defaultGeocoder(t)
	tests := []struct {
		name, text string
	}{
		{"months", "In May and March the talks stalled; August brought no change."},
		{"common words", "Victory Day parades were cancelled. The Mall was busy. Bar owners complained."},
		{"person", "President Volodymyr Zelensky met Ivan Sirko at the summit."},
		{"given name", "Governor Vladimir Saldo spoke to reporters."},
		{"institution", "Workers at the Kommunar plant and the Arsenal stadium were evacuated."},
		{"sentence start", "Nova Poshta said parcels were delayed. Police closed the road."},
		{"lower case", "the kiev cake and a new york cheesecake were on the menu."},
		{"headline words", "Army Says Power Restored After Strike"},
		{"weapons", "Iskander, Kinzhal and Kalibr missiles; Storm Shadow and Neptune; Shahed and Geran drones."},
		{"units", "The Azov Brigade and the Kraken unit reported kills."},
		{"code identifiers", "Call KASa, then BuyY and SHA with the KEY and P values."},
		{"english words that are alternate names", "Being at Home is Key, said the Mayor."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Find(tt.text); len(got) != 0 {
				var seen []string
				for _, m := range got {
					seen = append(seen, m.Text+"→"+m.Location.Name)
				}
				t.Errorf("Find(%q) = %v, want no mentions", tt.text, seen)
			}
		})
	}
}

// TestFindOffsets checks that byte and character offsets point at the text
// written, in Latin and Cyrillic.
func TestFindOffsets(t *testing.T) {
	g := defaultGeocoder(t)
	text := "Вибухи у Харкові — Kharkiv — та в Сумах; Kiev's metro sheltered people."
	ms := g.Find(text)
	if len(ms) < 4 {
		t.Fatalf("Find(%q) found %d mentions, want 4", text, len(ms))
	}
	runes := []rune(text)
	for _, m := range ms {
		if got := text[m.ByteStart:m.ByteEnd]; got != m.Text {
			t.Errorf("text[%d:%d] = %q, want %q", m.ByteStart, m.ByteEnd, got, m.Text)
		}
		if got := string(runes[m.Location.Start:m.Location.End]); got != m.Location.MatchedText {
			t.Errorf("runes[%d:%d] = %q, want %q", m.Location.Start, m.Location.End, got, m.Location.MatchedText)
		}
		if !m.Location.Resolved || m.Location.Confidence <= 0 || m.Location.Confidence > 1 {
			t.Errorf("%q: Resolved=%v Confidence=%v", m.Text, m.Location.Resolved, m.Location.Confidence)
		}
	}
	if ms[3].Text != "Kiev" {
		t.Errorf("fourth mention = %q, want %q (possessive 's dropped)", ms[3].Text, "Kiev")
	}
}

// TestStopwordsAreKeys checks that stopwords.txt holds keys in the form
// gazetteer.Key gives today; regenerate it (tools/gazetteer/stopwords) when
// the normaliser changes.
func TestStopwordsAreKeys(t *testing.T) {
	if len(dictWords) < 50 {
		t.Fatalf("stopwords.txt has %d words, want a generated list", len(dictWords))
	}
	for k, class := range dictWords {
		if gazetteer.Key(k) != k {
			t.Errorf("stopwords.txt: %q is not a key (Key gives %q)", k, gazetteer.Key(k))
		}
		if class != "always" && class != "initial" {
			t.Errorf("stopwords.txt: %q has class %q", k, class)
		}
	}
}
