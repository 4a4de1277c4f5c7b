package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "whitespace and paragraphs",
			in:   "  First  line of\u00a0text.\r\n\r\n\r\n\tSecond\u200b paragraph here.  \n",
			want: "First line of text.\nSecond paragraph here.",
		},
		{
			name: "counted citation chain",
			in:   "Shelling damaged a school in the village news.example.com+3other-site.org+1.\nNext point.",
			want: "Shelling damaged a school in the village.\nNext point.",
		},
		{
			name: "bare trailing citation",
			in:   "Officials said the bridge was closed for repairs wire.example.net.\nIt reopened on Friday example.ua. Traffic resumed.",
			want: "Officials said the bridge was closed for repairs.\nIt reopened on Friday. Traffic resumed.",
		},
		{
			name: "citation chips after the full stop and on their own line",
			in:   "Flights resumed after a short delay. news.example.com\nstatus.example.org+1 wire.example.net\nPrices rose in the U.S. example.com",
			want: "Flights resumed after a short delay.\nPrices rose in the U.S. example.com",
		},
		{
			name: "domain that belongs to the sentence",
			in:   "The statement was posted on army.example.gov.\nFull figures are at stats.example.org.",
			want: "The statement was posted on army.example.gov.\nFull figures are at stats.example.org.",
		},
		{
			name: "markdown emphasis and links",
			in:   "As *The Daily Ledger* reported, **three** drones fell near [the depot](https://example.org/x).\n## Background\nShe wrote 2*3*4 in snake_case_name.",
			want: "As The Daily Ledger reported, three drones fell near the depot.\nBackground\nShe wrote 2*3*4 in snake_case_name.",
		},
		{
			name: "navigation residue",
			in:   "Skip to content\ntop of page\nA convoy crossed the river at dawn.\nBack to top\nbottom of page",
			want: "A convoy crossed the river at dawn.",
		},
		{
			name: "comment widget after article",
			in:   "The mayor reported damage to two houses in the district.\nRepairs begin next week.\n\n3 Comments\nGreat reporting, thanks for this.\nI live nearby and heard it.",
			want: "The mayor reported damage to two houses in the district.\nRepairs begin next week.",
		},
		{
			name: "comment labels",
			in:   "Power was restored by the evening in most districts.\nNo comments:\nPost a Comment\nSubscribe to: Post Comments (Atom)",
			want: "Power was restored by the evening in most districts.",
		},
		{
			name: "headline list under heading",
			in:   "Air defence units shot down most of the drones overnight.\nMost Read\nFarmers Count Losses After Spring Floods\nCity Council Approves New Tram Line\nLocal Team Wins Regional Final",
			want: "Air defence units shot down most of the drones overnight.",
		},
		{
			name: "lone trailing heading",
			in:   "Two warehouses burned after the strike on the port.\nRelated Articles",
			want: "Two warehouses burned after the strike on the port.",
		},
		{
			name: "trailing headlines without heading",
			in:   "Emergency crews worked through the night at the site.\nRail Operator Adds Extra Evening Trains\nNew Bridge Opens Ahead of Schedule\nWinter Heating Prices Set to Rise",
			want: "Emergency crews worked through the night at the site.",
		},
		{
			name: "list items are kept",
			in:   "Overnight the following regions reported alerts:\n- Northern district under alert\n- Eastern district under alert\n- Southern district under alert",
			want: "Overnight the following regions reported alerts:\n- Northern district under alert\n- Eastern district under alert\n- Southern district under alert",
		},
		{
			name: "share bar cookie banner and footer",
			in:   "We use cookies to improve your experience. Accept all?\nShare this article\nFacebook Twitter WhatsApp Email\nThe checkpoint was moved two kilometres east.\nRead more: Another Story About Something Else\n© 2025 Example Media Group. All rights reserved.\nPrivacy Policy | Terms of Use | Contact",
			want: "The checkpoint was moved two kilometres east.",
		},
		{
			name: "exact repeated paragraph",
			in:   "Rescuers pulled two people from the rubble on Tuesday.\nThe fire was out by noon.\nRescuers pulled two people from the rubble on Tuesday.",
			want: "Rescuers pulled two people from the rubble on Tuesday.\nThe fire was out by noon.",
		},
		{
			name: "caption repeating a later paragraph",
			in:   "Headline About The Night Raid\nVolunteers carried the wounded to waiting ambulances near the square.\nThe raid began shortly after midnight.\nVolunteers carried the wounded to waiting ambulances near the square, witnesses said, while sirens sounded.",
			want: "Headline About The Night Raid\nThe raid began shortly after midnight.\nVolunteers carried the wounded to waiting ambulances near the square, witnesses said, while sirens sounded.",
		},
		{
			name: "hard wrapped block",
			in:   "The column of trucks moved slowly along the coastal road\nwhile drones circled overhead and the crews waited for\nclearance from the checkpoint ahead.\n\nA second paragraph.",
			want: "The column of trucks moved slowly along the coastal road while drones circled overhead and the crews waited for clearance from the checkpoint ahead.\nA second paragraph.",
		},
		{
			name: "short message stays whole",
			in:   "Blasts all over town\nStay in shelters",
			want: "Blasts all over town\nStay in shelters",
		},
		{
			name: "sentence mentioning comments stays",
			in:   "The ministry declined to comment on the losses.\nShare prices fell after the announcement.",
			want: "The ministry declined to comment on the losses.\nShare prices fell after the announcement.",
		},
		{
			name: "separator lines and footnotes",
			in:   "The dam was breached in June.[3]\n* * *\nWater levels fell quickly.[citation needed]",
			want: "The dam was breached in June.\nWater levels fell quickly.",
		},
		{
			name: "prose that starts like widget labels stays",
			in:   "Updated figures show 12 people were killed.\nContact, he said, was lost with the unit at dawn.\nCopyright lawyers were not involved in the case.\nPosted guards now watch the bridge day and night.",
			want: "Updated figures show 12 people were killed.\nContact, he said, was lost with the unit at dawn.\nCopyright lawyers were not involved in the case.\nPosted guards now watch the bridge day and night.",
		},
		{
			name: "date and credit lines go",
			in:   "Published: 14 March 2025, 06:40\nThe bridge was hit twice.\nLast updated Mon, 3 Feb 2025 09:15 UTC",
			want: "The bridge was hit twice.",
		},
		{
			name: "tallies after prose are kept",
			in:   "A large attack hit several cities overnight. Stay safe.\nKharkiv: 5 explosions reported\nSumy: 3 drones downed near the border\nOdesa: air alert still in force",
			want: "A large attack hit several cities overnight. Stay safe.\nKharkiv: 5 explosions reported\nSumy: 3 drones downed near the border\nOdesa: air alert still in force",
		},
		{
			name: "list of same-width headlines is not unwrapped",
			in:   "Crews repaired the line by noon, the operator said.\nRegional Council Approves Budget For Shelter Repairs\nNew Ferry Timetable Announced For The Summer Season\nVolunteers Open Second Kitchen In The Old Town Hall",
			want: "Crews repaired the line by noon, the operator said.",
		},
		{
			name: "byline near the top goes",
			in:   "Shelling Hits Border Villages\nBy Jane Roe and Petro Ivanenko, Staff Reporters\nSeven villages were shelled this week.\nBy nightfall the roads were closed.",
			want: "Shelling Hits Border Villages\nSeven villages were shelled this week.\nBy nightfall the roads were closed.",
		},
		{
			name: "decorated widget labels and channel signature",
			in:   "Two drones were shot down over the city.\n👉 Subscribe to our channel\n→ Read more\n@city_watch_news",
			want: "Two drones were shot down over the city.",
		},
		{
			name: "nav bars and inbox pitches",
			in:   "Home › War in Ukraine › Briefs\nThe alert was lifted after forty minutes.\nGet the morning briefing in your inbox every day.\nMorning Wire · Editorial standards · Contact",
			want: "The alert was lifted after forty minutes.",
		},
		{
			name: "a sentence with slashes stays",
			in:   "Losses on the 24/7 front / the report said / were heavy but uneven, analysts said.",
			want: "Losses on the 24/7 front / the report said / were heavy but uneven, analysts said.",
		},
		{
			name: "place lists with slashes stay",
			in:   "Air alert: Kharkiv / Sumy / Poltava",
			want: "Air alert: Kharkiv / Sumy / Poltava",
		},
		{
			name: "agency credits and picture credits",
			in:   "Photo: Rescuers search the rubble of a house\nThe strike destroyed two houses, police said.\nAgency writer Ann Lee in Lviv contributed to this report.\nReporting by Ann Lee; Editing by Tom Bell\nOur Standards: The Agency Trust Principles.",
			want: "The strike destroyed two houses, police said.",
		},
		{
			name: "prose about photos and reporting stays",
			in:   "Photographs of the wreckage were shared by the ministry.\nReporting restrictions were lifted on Friday.",
			want: "Photographs of the wreckage were shared by the ministry.\nReporting restrictions were lifted on Friday.",
		},
		{
			name: "ukrainian page chrome",
			in:   "Головна › Новини › Війна\nУночі ворожі дрони атакували місто, повідомив голова обласної адміністрації.\nРеклама\nЧитайте також: Як працюватимуть укриття взимку\nПошкоджено дах школи та кілька автомобілів.\nПоділитися\nПідписуйтесь на наш Telegram-канал\nОстанні новини\nУ місті відкрили новий пункт незламності\nЕнергетики відновили живлення лікарні",
			want: "Уночі ворожі дрони атакували місто, повідомив голова обласної адміністрації.\nПошкоджено дах школи та кілька автомобілів.",
		},
		{
			name: "russian comment widget",
			in:   "Ночью над областью сбили шесть беспилотников, сообщили военные.\nКомментарии (4)\nКогда это закончится?\nСпасибо ПВО!",
			want: "Ночью над областью сбили шесть беспилотников, сообщили военные.",
		},
		{name: "only boilerplate", in: "Home\nMenu\nNo comments", want: ""},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if got != tt.want {
				t.Fatalf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := Text(got); again != got {
				t.Fatalf("Text not idempotent:\n once %q\ntwice %q", got, again)
			}
		})
	}
}

func TestAuthor(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"simple", "Title\n\nBy Jane Roe\n\nText.", "Jane Roe"},
		{"two names and role", "By Jane Roe and John Doe, Reuters\nText.", "Jane Roe and John Doe"},
		{"ukrainian", "Автор: Олена Коваль\nТекст.", "Олена Коваль"},
		{"sentence is not a byline", "By nightfall the roads were closed.", ""},
		{"too far down", "a\nb\nc\nd\nBy Jane Roe", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Author(tt.in); got != tt.want {
				t.Fatalf("Author(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	if got := Paragraphs("a\nb"); len(got) != 2 || got[1] != "b" {
		t.Fatalf("Paragraphs(a\\nb) = %q", got)
	}
	if got := Paragraphs(""); got != nil {
		t.Fatalf("Paragraphs(\"\") = %q, want nil", got)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"A line.\n\nAnother line a.com+2b.org+1.",
		"*x* **y** [z](https://e.org) ## h",
		"Related\nA B C\nD E F",
		"\xff\xfe bad utf8 \r\n\u2028",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Text(%q) is not valid UTF-8", s)
		}
		if strings.Contains(got, "\n\n") || strings.TrimSpace(got) != got {
			t.Fatalf("Text(%q) = %q: blank line or outer space", s, got)
		}
		if again := Text(got); again != got {
			t.Fatalf("Text not idempotent for %q:\n once %q\ntwice %q", s, got, again)
		}
	})
}

func BenchmarkText(b *testing.B) {
	para := "Overnight, air defence units reported intercepting most of the drones launched at the region, officials said in a statement on Tuesday morning. "
	in := strings.Repeat(para+"\n\n", 40) + "Related\nSome Headline Here\nAnother Headline There\n"
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Text(in)
	}
}
