package merge

// Quality compares a partition of items into clusters with a gold one.
// Both map an item (a document or report ID) to its cluster label; items
// missing from either side are ignored.
type Quality struct {
	Items           int     `json:"items"`
	PairPrecision   float64 `json:"pair_precision"` // of the pairs put together, the share that belong together
	PairRecall      float64 `json:"pair_recall"`    // of the pairs that belong together, the share put together
	BCubedPrecision float64 `json:"bcubed_precision"`
	BCubedRecall    float64 `json:"bcubed_recall"`
}

// CompareClusters scores got against gold with pairwise and B-cubed precision and
// recall. A metric with nothing to measure (no pairs) is 1.
func CompareClusters(gold, got map[string]string) Quality {
	goldSize, gotSize, cell := map[string]int{}, map[string]int{}, map[[2]string]int{}
	n := 0
	for it, p := range got {
		g, ok := gold[it]
		if !ok {
			continue
		}
		n++
		goldSize[g]++
		gotSize[p]++
		cell[[2]string{g, p}]++
	}
	q := Quality{Items: n}
	if n == 0 {
		return q
	}
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, predPairs, goldPairs, bp, br float64
	for k, c := range cell {
		tp += pairs(c)
		// Each of the c items in this cell has c items in both clusters.
		bp += float64(c) * float64(c) / float64(gotSize[k[1]])
		br += float64(c) * float64(c) / float64(goldSize[k[0]])
	}
	for _, c := range gotSize {
		predPairs += pairs(c)
	}
	for _, c := range goldSize {
		goldPairs += pairs(c)
	}
	q.BCubedPrecision, q.BCubedRecall = bp/float64(n), br/float64(n)
	q.PairPrecision, q.PairRecall = 1, 1
	if predPairs > 0 {
		q.PairPrecision = tp / predPairs
	}
	if goldPairs > 0 {
		q.PairRecall = tp / goldPairs
	}
	return q
}
