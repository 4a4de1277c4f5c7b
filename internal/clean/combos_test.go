package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Article paragraphs and page chrome, written for this test, combined at
// random: the property is that every paragraph survives exactly once and
// no chrome does, whatever the mix.
var (
	comboProse = []string{
		"Russian drones struck an energy facility in the region overnight, cutting power to several thousand homes, the regional governor said on Wednesday.",
		"Air defence units shot down most of the incoming drones, but debris fell on a warehouse and a private house, starting two fires.",
		"Emergency crews put out the fires by morning. One man was treated for smoke inhalation and released, according to the emergency service.",
		"The energy company said repair teams were working to restore supply and that most customers should have electricity again by the evening.",
		"Schools in the affected districts switched to remote lessons for the day, while hospitals ran on backup generators.",
		"The attack was the third on the region's power grid this month, officials said, and followed a similar strike on a substation last week.",
		"Residents described hearing a series of loud explosions shortly after two in the morning, followed by the sound of anti-aircraft fire.",
		"Local authorities urged people to stay in shelters during air alerts and to keep their phones charged in case of further outages.",
		"The military administration said it would publish a full damage assessment once engineers had inspected the site.",
		"Rail services in the region ran with delays of up to an hour because of the power cuts, the state rail operator reported.",
	}
	comboTop = []string{
		"Skip to main content", "top of page", "Home › News › Ukraine", "Menu", "Search",
		"We use cookies to improve your experience on our site. By continuing you accept our use of cookies.",
		"Share this article", "Facebook Twitter WhatsApp Email", "By Olha Hrytsenko", "Published: 12 March 2025, 08:15",
		"Accept all", "Advertisement", "Back to Top ↑", "Jump to navigation", "Share on WhatsApp", "Print this page",
		"Cookie settings", "Posted by admin at 10:12", "Updated 14:05 EET", "3 min read", "Listen to this article",
		"Sign in", "Subscribe", "Latest", "Breadcrumb: Home / Europe / Ukraine",
	}
	comboMiddle = []string{
		"Read more: Parliament debates new mobilisation rules", "Advertisement", "Photo: Firefighters at the scene",
		"Story continues below advertisement", "See also: How the grid is being protected", "Continue reading",
		"ADVERTISEMENT", "Sponsored", "RELATED: Grain corridor holds despite new attacks", "Watch: Footage shows the moment of impact",
		"Also read: Winter preparations in frontline towns",
	}
	comboTail = [][]string{
		{"No comments:", "Post a Comment"},
		{"Related articles", "Ferry service resumes after long winter break", "Regional council approves new budget", "Volunteers open second aid kitchen in town"},
		{"Most Read", "Prices for heating expected to rise", "New bus routes announced for the autumn", "City library reopens after repairs"},
		{"Tags: energy, drones, air defence"},
		{"© 2025 Example Media. All rights reserved."},
		{"Get our daily briefing in your inbox."},
		{"Leave a comment", "Great reporting as always, thank you.", "Stay safe everyone in the region."},
		{"Recent News"},
		{"bottom of page"},
		{"Privacy Policy | Terms of Use | Contact Us"},
		{"Subscribe to our Telegram channel"},
		{"12 comments", "This is terrible news.", "Praying for everyone there."},
		{"Join the discussion", "Anonymous: why is nobody talking about this?"},
		{"You might also like", "Five things to know about the grain deal", "Inside the underground schools of the east"},
		{"More from Europe", "Border queues lengthen as holidays begin", "Ministers meet to discuss sanctions"},
		{"Trending now", "How to prepare a go-bag", "Where to find shelters in the city"},
		{"Sign up for our newsletter"},
		{"Copyright 2024 Example Ltd"},
		{"Load more comments"},
		{"Follow us on Telegram", "@example_news"},
	}
	comboCitations = []string{" news.example.com+2wire.example.org+1", " agency.example.net", " report.example.com+4"}
)

func TestChromeCombinations(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	const docs = 300
	checks, ok := 0, 0
	for n := range docs {
		k := 2 + rng.IntN(len(comboProse)-1)
		prose := append([]string(nil), comboProse[:k]...)
		rng.Shuffle(len(prose), func(i, j int) { prose[i], prose[j] = prose[j], prose[i] })

		var lines []string
		for range rng.IntN(4) {
			lines = append(lines, comboTop[rng.IntN(len(comboTop))])
		}
		var chrome []string
		chrome = append(chrome, lines...)
		for i, p := range prose {
			line := p
			if rng.IntN(4) == 0 { // citation chips glued to the sentence
				line = strings.TrimSuffix(p, ".") + comboCitations[rng.IntN(len(comboCitations))] + "."
			}
			lines = append(lines, line)
			if i == 0 && rng.IntN(3) == 0 { // the scraper repeats a paragraph
				lines = append(lines, p)
			}
			if i < len(prose)-1 && rng.IntN(5) == 0 {
				m := comboMiddle[rng.IntN(len(comboMiddle))]
				lines = append(lines, m)
				chrome = append(chrome, m)
			}
		}
		for range rng.IntN(3) {
			tail := comboTail[rng.IntN(len(comboTail))]
			lines = append(lines, tail...)
			chrome = append(chrome, tail...)
		}
		sep := "\n"
		if rng.IntN(2) == 0 {
			sep = "\n\n"
		}
		got := Text(strings.Join(lines, sep))
		for _, p := range prose {
			checks++
			if strings.Count(got, p) == 1 {
				ok++
			} else {
				t.Errorf("doc %d: paragraph kept %d times, want once: %q\n%s", n, strings.Count(got, p), p, got)
			}
		}
		for _, c := range chrome {
			checks++
			if !strings.Contains(got, c) {
				ok++
			} else {
				t.Errorf("doc %d: chrome survived: %q\n%s", n, c, got)
			}
		}
		for _, c := range comboCitations {
			checks++
			if !strings.Contains(got, strings.TrimSpace(c)) {
				ok++
			} else {
				t.Errorf("doc %d: citation survived: %q", n, c)
			}
		}
	}
	t.Logf("clean=%.3f over %d documents (%d/%d checks)", float64(ok)/float64(checks), docs, ok, checks)
}
