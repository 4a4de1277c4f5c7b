package merge

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func TestPublisherRole(t *testing.T) {
	tests := []struct {
		name, publisher, kind string
		role                  Role
		side                  model.Side
	}{
		{"city mayor channel", "Lutsk City Mayor", "", RoleOfficial, ""},
		{"regional administration", "Sumy Regional Military Administration", "", RoleOfficial, model.SideUA},
		{"air force", "Air Force Command of Ukraine", "", RoleOfficial, model.SideUA},
		{"russian ministry", "Ministry of Defence of Russia", "", RoleOfficial, model.SideRU},
		{"state agency brand in a word", "NovoVesti", "", RoleStateMedia, model.SideRU},
		{"tass", "TASS", "", RoleStateMedia, model.SideRU},
		{"investigative outlet is press", "Investigative Desk", "", RolePress, ""},
		{"syria in a name is not ria", "Syria Monitor", "", RolePress, ""},
		{"plain outlet", "Dnipro Daily", "", RolePress, ""},
		{"operator label wins", "Dnipro Daily", "official channel", RoleOfficial, model.SideUA},
		{"operator says press", "Air Force Fans", "press", RolePress, ""},
		{"operator says state media", "Channel Nine", "state media (RU)", RoleStateMedia, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role, side := PublisherRole(tt.publisher, tt.kind)
			if role != tt.role || side != tt.side {
				t.Fatalf("PublisherRole(%q, %q) = %s %q, want %s %q", tt.publisher, tt.kind, role, side, tt.role, tt.side)
			}
		})
	}
}
