package geocode

import (
	"encoding/json"
	"testing"
)

func TestCandidates(t *testing.T) {
	g := defaultGeocoder(t)
	tests := []struct {
		name, query, context, wantName, wantAdmin1 string
		wantMany                                   bool
	}{
		{"no context", "Kostiantynivka", "", "Kostiantynivka", "Donetsk Oblast", true},
		{"oblast in context", "Kostiantynivka", "Shelling in the Zaporizhzhia region near Melitopol.", "Kostiantynivka", "Zaporizhzhia Oblast", true},
		{"neighbours in context", "Kostiantynivka", "A drone hit Voznesensk and Pervomaisk, Mykolaiv Oblast.", "Kostiantynivka", "Mykolaiv Oblast", true},
		{"old spelling", "Kirovograd", "", "Kropyvnytskyi", "Kirovohrad Oblast", false},
		{"cyrillic", "Харків", "", "Kharkiv", "Kharkiv Oblast", false},
		{"region form", "Sumy region", "", "Sumy Oblast", "Sumy Oblast", false},
		{"airport", "Sheremetyevo", "", "Sheremetyevo International Airport", "Moscow Oblast", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := g.Candidates(tt.query, tt.context)
			if len(cs) == 0 {
				t.Fatalf("Candidates(%q, %q) = none", tt.query, tt.context)
			}
			if got := cs[0].Location; got.Name != tt.wantName || got.Admin1 != tt.wantAdmin1 {
				t.Errorf("Candidates(%q, %q)[0] = %s (%s), want %s (%s)", tt.query, tt.context, got.Name, got.Admin1, tt.wantName, tt.wantAdmin1)
			}
			if tt.wantMany && len(cs) < 2 {
				t.Errorf("Candidates(%q) has %d readings, want several", tt.query, len(cs))
			}
			sum := 0.0
			for i, c := range cs {
				sum += c.Probability
				if i > 0 && c.Score > cs[i-1].Score {
					t.Errorf("candidates not sorted: %v after %v", c.Score, cs[i-1].Score)
				}
			}
			if sum < 0.98 || sum > 1.02 {
				t.Errorf("probabilities sum to %.3f, want 1", sum)
			}
			if _, err := json.Marshal(cs); err != nil {
				t.Errorf("json.Marshal(candidates) = %v", err)
			}
		})
	}
	if cs := g.Candidates("Atlantis", ""); len(cs) != 0 {
		t.Errorf("Candidates(Atlantis) = %d readings, want none", len(cs))
	}
}
