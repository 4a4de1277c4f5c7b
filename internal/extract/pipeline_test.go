package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations", "U.S. officials met Gen. Syrskyi in St. Petersburg? No. They met in Kyiv.",
			[]string{"U.S. officials met Gen. Syrskyi in St. Petersburg?", "No.", "They met in Kyiv."}},
		{"initials", "Analyst J. Smith said drones hit Sumy. Nobody was hurt.",
			[]string{"Analyst J. Smith said drones hit Sumy.", "Nobody was hurt."}},
		{"decimal and quote", "The raid lasted 2.5 hours. “Blasts all over town!” the mayor wrote.",
			[]string{"The raid lasted 2.5 hours.", "“Blasts all over town!” the mayor wrote."}},
		{"lines", "Kharkiv: explosions\nStay in shelters", []string{"Kharkiv: explosions", "Stay in shelters"}},
		{"residue", "Kyiv was hit apnews.com+2time.com+2. Then calm.", []string{"Kyiv was hit apnews.com+2time.com+2.", "Then calm."}},
		{"lower case after period", "Drones hit Odesa at 3 a.m. local time.", []string{"Drones hit Odesa at 3 a.m. local time."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(tt.text) {
				got = append(got, tt.text[s.S:s.E])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitSentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestCatalogue(t *testing.T) {
	c, err := parseCatalogue(weaponsTSV)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, kind, model string
		user              model.Side
	}{
		{"Shahed-136", "drone", "Shahed-136", model.SideRU},
		{"Geranium-2 drones", "drone", "Shahed-136", model.SideRU},
		{"Gerbera decoys", "drone", "Gerbera", model.SideRU},
		{"Iskander-M ballistic missiles", "ballistic_missile", "Iskander-M", model.SideRU},
		{"Kh-101 cruise missiles", "cruise_missile", "Kh-101", model.SideRU},
		{"Kh-22", "cruise_missile", "Kh-22", model.SideRU},
		{"Kinzhal", "ballistic_missile", "Kinzhal", model.SideRU},
		{"Kalibr", "cruise_missile", "Kalibr", model.SideRU},
		{"KABs", "glide_bomb", "KAB", model.SideRU},
		{"UMPK", "glide_bomb", "UMPK", model.SideRU},
		{"S-300 missiles", "missile", "S-300", model.SideRU},
		{"ATACMS", "ballistic_missile", "ATACMS", model.SideUA},
		{"Storm Shadow missiles", "cruise_missile", "Storm Shadow", model.SideUA},
		{"HIMARS", "mlrs", "HIMARS", model.SideUA},
		{"FPV drones", "fpv_drone", "", ""},
		{"cruise and ballistic missiles", "missile", "", ""},
		{"guided aerial bombs", "glide_bomb", "", ""},
		{"artillery shells", "artillery", "", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, 0, len(tt.text))
		e, n, ok := c.match(toks, 0)
		if !ok || n != len(toks) || e.Kind != tt.kind || e.Model != tt.model || e.User != tt.user {
			t.Errorf("match(%q) = %+v, %d, %v; want %s %s %s over all %d tokens", tt.text, e, n, ok, tt.kind, tt.model, tt.user, len(toks))
		}
	}
	if _, err := parseCatalogue([]byte("bad line without kind\n")); err == nil {
		t.Error("parseCatalogue accepted a line without a kind")
	}
}

func TestClaimantAndHedge(t *testing.T) {
	tests := []struct {
		text, who, hedge string
		side             model.Side
	}{
		{"According to the Ukrainian Air Force, 40 drones were shot down.", "Ukrainian Air Force", "", model.SideUA},
		{"Russia's Defence Ministry claimed its forces captured the village.", "Russia's Defence Ministry", "claimed", model.SideRU},
		{"The mayor wrote on Telegram that three people were hurt.", "mayor", "", model.SideUA},
		{"Two people were hurt, said Oleh Syniehubov, the governor.", "Oleh Syniehubov", "", ""},
		{"Explosions were reportedly heard in Kherson.", "", "reportedly", ""},
		{"The video purporting to show the strike could not be independently verified.", "", "purporting", ""},
		{"Drones allegedly hit the depot, unconfirmed reports said.", "unconfirmed reports", "allegedly", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, 0, len(tt.text))
		who, h := claimant(tt.text, toks), hedge(toks)
		if who != tt.who || h != tt.hedge {
			t.Errorf("claimant, hedge(%q) = %q, %q; want %q, %q", tt.text, who, h, tt.who, tt.hedge)
		}
		if got := claimantSide(who, "UA"); got != tt.side {
			t.Errorf("claimantSide(%q) = %q, want %q", who, got, tt.side)
		}
	}
}

func TestSideCues(t *testing.T) {
	tests := []struct {
		text string
		want model.Side
	}{
		{"Russian forces shelled the town.", model.SideRU},
		{"Ukrainian drones hit a refinery.", model.SideUA},
		{"Russian air defences downed 30 drones.", model.SideUA},
		{"Ukraine's air force said 40 Shaheds were destroyed.", model.SideRU},
		{"A strike on Russia's Belgorod region injured two.", model.SideUA},
		{"Drones were downed over Russian regions.", model.SideUA},
		{"Kyiv launched drones at refineries.", model.SideUA},
		{"the largest attack since the beginning of Russia's special military operation", ""},
		{"Ukrainian military analysts expressed concern.", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text, 0, len(tt.text))
		if got := attackerFrom(sideCues(toks, false)); got != tt.want {
			t.Errorf("attackerFrom(sideCues(%q)) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestReportInvariants checks every report of the article corpus: IDs are
// unique and stable, offsets are characters into the text and point at the
// cited sentence and facts, and every quantity has a valid qualifier.
func TestReportInvariants(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no articles")
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		runes := []rune(text)
		id := filepath.Base(f)
		reps := runDoc(t, id, text, &corpusPub)
		again := runDoc(t, id, text, &corpusPub)
		for i, r := range reps {
			if seen[r.ID] || r.ID != again[i].ID {
				t.Errorf("%s: report ID %q not unique or not stable", id, r.ID)
			}
			seen[r.ID] = true
			if r.Doc != id || r.Source.Doc != id || r.Extractor != Version {
				t.Errorf("%s: report doc %q/%q extractor %q", id, r.Doc, r.Source.Doc, r.Extractor)
			}
			if string(runes[r.Source.Start:r.Source.End]) != r.Source.Sentence {
				t.Errorf("%s: source offsets %d..%d do not hold %q", id, r.Source.Start, r.Source.End, r.Source.Sentence)
			}
			for _, fc := range r.Facts {
				if fc.Text != "" && string(runes[fc.Start:fc.End]) != fc.Text {
					t.Errorf("%s: fact %s offsets %d..%d do not hold %q", id, fc.Field, fc.Start, fc.End, fc.Text)
				}
			}
			for _, l := range r.Locations {
				if l.Start != l.End && string(runes[l.Start:l.End]) != l.MatchedText {
					t.Errorf("%s: location %s offsets do not hold %q", id, l.Name, l.MatchedText)
				}
			}
		}
	}
}

func TestNilGeocoder(t *testing.T) {
	x := New(nil)
	doc := &model.Document{ID: "d", Text: "Russia launched 40 drones overnight, and 30 were shot down. Separately, the governor said a woman was killed.", Published: &corpusPub}
	reps, err := x.Reports(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || len(reps[0].Locations) != 0 || reps[0].Weapons[0].Launched == nil || reps[0].Weapons[0].Launched.Value != 40 {
		t.Fatalf("Reports without geocoder = %+v, want one unlocated report with 40 launched", reps)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Reports(ctx, doc); err == nil {
		t.Error("Reports with a cancelled context returned no error")
	}
}

// FuzzReports checks that extraction never panics on arbitrary text and
// that every offset it returns lies inside the text.
func FuzzReports(f *testing.F) {
	for _, s := range []string{"Russia launched 40 drones at Kyiv overnight; 30 were shot down.",
		"KYIV (AP) — At least 5 people, including two children, were killed in Odesa on Sunday.",
		"Kharkiv: explosions", "of which 5 of them 3 of the 2 drones", "the night of 31-1 June", "\xff\xfe"} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		reps, err := x.Reports(context.Background(), &model.Document{ID: "f", Text: s, Published: &corpusPub})
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(s)
		for _, r := range reps {
			if r.Source.Start < 0 || r.Source.End > n || r.Source.Start > r.Source.End {
				t.Fatalf("source offsets %d..%d outside %d characters", r.Source.Start, r.Source.End, n)
			}
			for _, fc := range r.Facts {
				if fc.Start < 0 || fc.End > n || fc.Start > fc.End {
					t.Fatalf("fact %s offsets %d..%d outside %d characters", fc.Field, fc.Start, fc.End, n)
				}
			}
		}
	})
}
