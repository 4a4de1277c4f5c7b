package api

import (
	"sort"
	"strconv"
)

func itoa(i int) string { return strconv.Itoa(i) }

// sortFacts orders facts by position, then by report and field, so the
// reply is deterministic.
func sortFacts(fs []fact) []fact {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Report != b.Report {
			return a.Report < b.Report
		}
		return a.Field < b.Field
	})
	return fs
}
