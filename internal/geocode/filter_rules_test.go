package geocode

import "testing"

// TestSurnameAlone checks that a surname the text has given with a first
// name is read as the person when it stands alone later, while towns that
// are regional centres keep their place reading.
func TestSurnameAlone(t *testing.T) {
	tests := []struct {
		name, text, word string
		place            bool
	}{
		{"governor named then alone", "Governor Alexander Gusev said drones were downed near Voronezh. According to Gusev, nobody was hurt.", "Gusev", false},
		{"town without the person", "Drone debris fell near Gusev in the Kaliningrad region.", "Gusev", true},
		{"mayor then surname", "Mayor Ivan Pushkin spoke to reporters. Pushkin said three houses burned.", "Pushkin", false},
		{"regional centre keeps its name", "Oleh Sumy is not a real person, but Sumy was shelled again.", "Sumy", true},
	}
	g := defaultGeocoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, m := range g.Find(tt.text) {
				if m.Text == tt.word && m.ByteStart > len(tt.text)/2 || m.Text == tt.word && tt.place {
					found = true
				}
			}
			if found != tt.place {
				t.Errorf("Find(%q): %q found as a place = %v, want %v", tt.text, tt.word, found, tt.place)
			}
		})
	}
}

// TestHromadaAdjective checks that a community's adjective is not read as a
// town the gazetteer lists under that spelling, while a town's own name
// before "community" is.
func TestHromadaAdjective(t *testing.T) {
	tests := []struct {
		name, text, word string
		place            bool
	}{
		{"adjective of a community", "Shelling hit the Pokrovska community of the Nikopol district.", "Pokrovska", false},
		{"list of communities", "The Nikopol, Myrove and Pokrovska communities came under fire.", "Pokrovska", false},
		{"town name before community", "The Nikopol community was shelled twice.", "Nikopol", true},
		{"adjective without community", "Pokrovsk was shelled twice.", "Pokrovsk", true},
	}
	g := defaultGeocoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, m := range g.Find(tt.text) {
				found = found || m.Text == tt.word
			}
			if found != tt.place {
				t.Errorf("Find(%q): %q found as a place = %v, want %v", tt.text, tt.word, found, tt.place)
			}
		})
	}
}

func TestRiverNotCity(t *testing.T) {
	tests := []struct {
		name, text, word string
		place            bool
	}{
		{"bank of the river", "Debris fell on the left bank of the Dnipro in the Obolonskyi district.", "Dnipro", false},
		{"across the river", "Troops crossed the Donets near Izium overnight.", "Donets", false},
		{"river after the name", "A barge sank in the Desna river north of Chernihiv.", "Desna", false},
		{"the city without article", "Drones struck Dnipro overnight, injuring four.", "Dnipro", true},
		{"the city council", "The blast damaged a school, the Dnipro city council said.", "Dnipro", true},
		{"the regional administration", "Drones hit a depot, the Dnipro regional administration said.", "Dnipro", true},
	}
	g := defaultGeocoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, m := range g.Find(tt.text) {
				found = found || m.Text == tt.word
			}
			if found != tt.place {
				t.Errorf("Find(%q): %q found as a place = %v, want %v", tt.text, tt.word, found, tt.place)
			}
		})
	}
}
