package gazetteer

import (
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	counts := g.CountByCountry()
	for _, cc := range []string{"UA", "RU", "BY", "MD"} {
		if counts[cc] < 50 {
			t.Errorf("CountByCountry()[%s] = %d, want at least 50", cc, counts[cc])
		}
	}
	t.Logf("places=%d names=%d keys=%d UA=%d RU=%d BY=%d MD=%d", g.Len(), g.NameCount(), g.KeyCount(),
		counts["UA"], counts["RU"], counts["BY"], counts["MD"])
}
