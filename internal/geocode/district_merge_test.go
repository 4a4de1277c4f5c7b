package geocode

import (
	"testing"

	"github.com/sitrep-osint/sitrep/internal/gazetteer"
	"github.com/sitrep-osint/sitrep/internal/merge"
)

// TestDistrictSameSettlement checks that a report placed at a district of
// Kyiv and one placed at Kyiv stay compatible in merge: merge compares two
// points by GeoNames ID, else by distance, and takes points within
// merge.SameSettlementKm for the same settlement; a district is a point
// there (its feature is not a region's). Districts of other cities farther
// than that from their city's point are logged: merge would take them for a
// nearby place, not the same settlement.
func TestDistrictSameSettlement(t *testing.T) {
	g := defaultGeocoder(t).WithDistricts()
	gaz := g.Gazetteer()
	kyiv := gaz.Lookup(gazetteer.Key("Kyiv"))[0]
	ds := gaz.DistrictsOf(kyiv)
	if len(ds) != 10 {
		t.Fatalf("DistrictsOf(Kyiv) = %d, want 10", len(ds))
	}
	for _, d := range ds {
		adj := gaz.Places[d].Name[:len(gaz.Places[d].Name)-len(" District, Kyiv")]
		text := "Debris fell in Kyiv's " + adj + " district overnight."
		ms := g.Find(text)
		if len(ms) != 2 {
			t.Fatalf("Find(%q) = %d mentions, want Kyiv and its district", text, len(ms))
		}
		city, dist := ms[0].Location, ms[1].Location
		if city.Name != "Kyiv" || dist.Name != gaz.Places[d].Name {
			t.Fatalf("Find(%q) = %s, %s; want Kyiv, %s", text, city.Name, dist.Name, gaz.Places[d].Name)
		}
		switch dist.Feature {
		case "country", "admin1", "region", "oblast":
			t.Errorf("%s has feature %q, which merge reads as an area, not a point", dist.Name, dist.Feature)
		}
		if dist.Admin1 != city.Admin1 {
			t.Errorf("%s admin1 = %q, Kyiv's %q: merge compares regions by admin1", dist.Name, dist.Admin1, city.Admin1)
		}
		if km := city.DistanceKm(&dist); km > merge.SameSettlementKm {
			t.Errorf("%s lies %.1f km from Kyiv, beyond merge.SameSettlementKm (%.0f): merge would not take it for Kyiv",
				dist.Name, km, merge.SameSettlementKm)
		}
	}
	for i := range gaz.Places {
		c := &gaz.Places[i]
		for _, d := range gaz.DistrictsOf(gazetteer.ID(i)) {
			p := &gaz.Places[d]
			if km := km(c.Lat, c.Lon, p.Lat, p.Lon); km > merge.SameSettlementKm {
				t.Logf("%s lies %.1f km from %s's point: merge reads it as nearby, not the same settlement", p.Name, km, c.Name)
			}
		}
	}
}
