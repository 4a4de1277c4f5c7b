package merge

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
)

func partitionOf(cs []Cluster) [][]string {
	out := make([][]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Reports)
	}
	return out
}

func TestPartitionCorpus(t *testing.T) {
	rs, docs := corpus()
	got := Partition(rs, originals(docs))
	want := wantPartition(rs)
	if len(got) != len(want) {
		t.Errorf("Partition: %d events, want %d: %v", len(got), len(want), partitionOf(got))
	}
	for _, c := range got {
		w := want[c.Reports[0][:1]]
		if !slices.Equal(c.Reports, w) {
			t.Errorf("Partition: event %v, want %v", c.Reports, w)
		}
		if c.ID != EventID(c.Reports[0]) {
			t.Errorf("event ID %s, want EventID(%s)", c.ID, c.Reports[0])
		}
	}
}

func TestPartitionOrderIndependent(t *testing.T) {
	rs, docs := corpus()
	want := Partition(rs, originals(docs))
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 30 {
		shuffled := slices.Clone(rs)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		got := Partition(shuffled, originals(docs))
		if !reflect.DeepEqual(partitionOf(got), partitionOf(want)) {
			t.Fatalf("shuffle %d: Partition = %v, want %v", i, partitionOf(got), partitionOf(want))
		}
	}
}

func TestPartitionConstraints(t *testing.T) {
	rs, docs := corpus()
	tests := []struct {
		name string
		c    Constraints
		want [][]string // events that must exist exactly
	}{
		{"split a report off", Constraints{CannotLink: [][2]string{{"A4", "A1"}, {"A4", "A2"}, {"A4", "A3"}, {"A4", "A5"}, {"A4", "A6"}, {"A4", "A7"}}},
			[][]string{{"A1", "A2", "A3", "A5", "A6", "A7"}, {"A4"}}},
		{"merge two events", Constraints{MustLink: [][2]string{{"D1", "E1"}}},
			[][]string{{"D1", "D2", "DF", "E1", "E2"}}},
		{"merge dated and undated", Constraints{MustLink: [][2]string{{"J1", "C1"}}},
			[][]string{{"C1", "C2", "J1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Originals = originals(docs).Originals
			got := partitionOf(Partition(rs, tt.c))
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(g []string) bool { return slices.Equal(g, w) }) {
					t.Errorf("Partition with %+v = %v, want an event %v", tt.c, got, w)
				}
			}
		})
	}
}

func TestCompare(t *testing.T) {
	rs, _ := corpus()
	byID := map[string]*model.Report{}
	for i := range rs {
		byID[rs[i].ID] = &rs[i]
	}
	tests := []struct {
		name, a, b string
		compatible bool
		gate       string
	}{
		{"wire and reprint", "A1", "A2", true, ""},
		{"district and city", "A1", "A4", true, ""},
		{"oblast and city", "A6", "A5", true, ""},
		{"same night other city", "A1", "B1", false, "place"},
		{"same city a week apart", "A1", "C1", false, "date"},
		{"different type", "E1", "I1", false, "type"},
		{"no date", "J1", "A5", false, "date"},
		{"country tallies", "H1", "H2", true, ""},
		{"country tally and city", "H1", "A4", false, "place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Compare(byID[tt.a], byID[tt.b])
			if s.Compatible != tt.compatible || s.Gate != tt.gate {
				t.Fatalf("Compare(%s, %s) = compatible %v gate %q (%v), want %v %q", tt.a, tt.b, s.Compatible, s.Gate, s.Reasons, tt.compatible, tt.gate)
			}
			if r := Compare(byID[tt.b], byID[tt.a]); r.Total != s.Total || r.Compatible != s.Compatible {
				t.Fatalf("Compare is not symmetric for %s, %s: %v vs %v", tt.a, tt.b, s.Total, r.Total)
			}
		})
	}
}
