package merge

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// TestStatus walks the verification ladder rung by rung.
func TestStatus(t *testing.T) {
	ru := &model.Actor{Side: model.SideRU}
	ua := &model.Actor{Side: model.SideUA}
	rep := func(doc string, claimant model.Side, hedged bool) model.Report {
		r := model.Report{Doc: doc, Source: model.Source{ClaimantSide: claimant, Hedged: hedged}}
		if claimant != "" {
			r.Source.AttributedTo = string(claimant) + " officials"
		}
		return r
	}
	docs := map[string]DocInfo{
		"mod":     {Publisher: "Russian Ministry of Defence", Kind: "official"},
		"gov":     {Publisher: "Kharkiv Regional Military Administration", Kind: "official"},
		"wire":    {Publisher: "Meridian Press Agency"},
		"paper":   {Publisher: "Kyiv Ledger"},
		"reprint": {Publisher: "Danube Chronicle", DuplicateOf: "wire"},
	}
	tests := []struct {
		name     string
		attacker *model.Actor
		reports  []model.Report
		want     model.Status
	}{
		{"one party's ministry alone", ru, []model.Report{rep("mod", model.SideRU, false)}, model.StatusClaimed},
		{"press relaying the attacker's claim", ru,
			[]model.Report{rep("mod", model.SideRU, false), rep("wire", model.SideRU, false)}, model.StatusClaimed},
		{"press relaying with a hedge", ua, []model.Report{rep("wire", "", true)}, model.StatusClaimed},
		{"one outlet", ru, []model.Report{rep("wire", "", false)}, model.StatusReported},
		{"an outlet's own report in the attacker's voice", ua,
			[]model.Report{{Doc: "wire", Source: model.Source{ClaimantSide: model.SideUA}}}, model.StatusReported},
		{"a reprint is not a second outlet", ru,
			[]model.Report{rep("wire", "", false), rep("reprint", "", false)}, model.StatusReported},
		{"two outlets", ru, []model.Report{rep("wire", "", false), rep("paper", "", false)}, model.StatusCorroborated},
		{"attacked side's officials and an outlet", ru,
			[]model.Report{rep("gov", model.SideUA, false), rep("wire", model.SideUA, false)}, model.StatusConfirmed},
		{"the attacked side quoted by the press", ru,
			[]model.Report{rep("wire", model.SideUA, false), rep("paper", "", false)}, model.StatusConfirmed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := Status(tt.reports, tt.attacker, docs)
			if got != tt.want {
				t.Errorf("status %s (%s), want %s", got, why, tt.want)
			}
		})
	}
}
