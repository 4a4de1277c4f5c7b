package clean

import (
	"strings"
	"testing"
)

// proseLines are article sentences (written for this test) that begin or
// end like widget labels, headings or citations. None may be removed or
// altered: the rules must key on whole-line shape, not on words.
var proseLines = []string{
	"Share prices of the state energy company fell after the strike on the plant.",
	"Home guard units were placed on alert in three districts overnight.",
	"Search teams worked until dawn at the collapsed apartment block.",
	"Contact with the forward unit was lost shortly before midnight.",
	"More than 40 drones were launched at the region, the air force said.",
	"More on Monday, officials said.",
	"Most of the missiles were intercepted over the capital.",
	"Top officials met in the morning to discuss air defence.",
	"Latest figures show 17 people were injured in the attack.",
	"Related damage was reported at a nearby substation.",
	"Comments by the governor suggested more attacks were expected.",
	"By Tuesday evening, power had been restored to most homes.",
	"Like other frontline cities, the town has lost half its population.",
	"Reply fire from artillery units was reported near the river.",
	"About 30 residents were evacuated from the damaged building.",
	"Updated casualty figures were released by the regional administration.",
	"Breaking the encirclement took the brigade three weeks.",
	"Read more carefully, the statement leaves room for a ceasefire.",
	"Advertisement boards along the motorway were shattered by the blast.",
	"Subscribers to the city's alert channel received the warning at 02:10.",
	"Posted guards now check every vehicle entering the port.",
	"Copyright law was not the issue, the court said.",
	"Privacy of the evacuees is protected under the new rules.",
	"Follow-up strikes hit the same area an hour later.",
	"The post office on Central Street was destroyed.",
	"Tags on the debris suggested the drones were produced this year.",
	"Watch towers along the border were rebuilt after the winter.",
	"Explosions were heard in the city centre.",
	"The ministry cited reports by reuters.com and other outlets.",
	"Figures published on the army website stats.example.org.",
	"Officials said more details would follow.",
	"Posted by the ministry on Monday, the video shows a burning depot.",
	"Breaking news reached the villages only days later.",
	"Live ammunition was found near the school.",
	"Jump in prices followed the strike on the refinery.",
	"Written by hand, the note listed the missing soldiers.",
	"Kharkiv: at least 5 explosions were reported overnight.",
	"Home",
}

func TestProseIsKept(t *testing.T) {
	// Each sentence inside an ordinary article.
	for _, l := range proseLines[:len(proseLines)-1] {
		in := "The city was attacked again overnight, officials said.\n" + l + "\nRepairs began in the morning, the mayor added."
		want := "The city was attacked again overnight, officials said.\n" + l + "\nRepairs began in the morning, the mayor added."
		if got := Text(in); got != want {
			t.Errorf("Text dropped or changed a prose line:\n  in %q\n got %q", l, got)
		}
	}
	// All of them together, in order, as one article.
	all := strings.Join(proseLines[:len(proseLines)-1], "\n")
	if got := Text(all); got != all {
		t.Errorf("Text changed an article of prose lines:\n got %q\nwant %q", got, all)
	}
}
