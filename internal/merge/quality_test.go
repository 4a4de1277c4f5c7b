package merge

import (
	"math"
	"testing"
)

func TestCompareClusters(t *testing.T) {
	tests := []struct {
		name      string
		gold, got map[string]string
		pp, pr    float64
		bp, br    float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "2"}, map[string]string{"a": "x", "b": "x", "c": "y"}, 1, 1, 1, 1},
		{"all merged", map[string]string{"a": "1", "b": "1", "c": "2"}, map[string]string{"a": "x", "b": "x", "c": "x"}, 1.0 / 3, 1, 5.0 / 9, 1},
		{"all split", map[string]string{"a": "1", "b": "1", "c": "2"}, map[string]string{"a": "x", "b": "y", "c": "z"}, 1, 0, 1, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := CompareClusters(tt.gold, tt.got)
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"pair precision", q.PairPrecision, tt.pp}, {"pair recall", q.PairRecall, tt.pr}, {"b3 precision", q.BCubedPrecision, tt.bp}, {"b3 recall", q.BCubedRecall, tt.br}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("CompareClusters %s = %.4f, want %.4f", c.what, c.got, c.want)
				}
			}
		})
	}
}
