package merge

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Constraints are an analyst's corrections, as pairs of report IDs.
type Constraints struct {
	MustLink   [][2]string // the two reports' events are merged
	CannotLink [][2]string // the two reports never share an event
}

// Join says why a report belongs to its event: the member it is most
// compatible with and the score of that pair.
type Join struct {
	Report string `json:"report"`
	With   string `json:"with,omitempty"`
	Score  Score  `json:"score"`
	// Forced is set when only an analyst's merge holds the report here.
	Forced bool `json:"forced,omitempty"`
}

// Cluster is one event's membership as Partition decides it.
type Cluster struct {
	ID      string   // EventID of the smallest report ID
	Reports []string // sorted
	Joins   map[string]Join
}

// EventID names the event whose smallest report ID is reportID. Deriving
// the ID from the membership, not from arrival order, keeps IDs the same
// whatever order the reports were ingested in.
func EventID(reportID string) string {
	sum := sha256.Sum256([]byte("event\x00" + reportID))
	return "ev-" + hex.EncodeToString(sum[:8])
}

type edge struct {
	a, b  int
	score Score
}

// component is a union-find root's summary for the coherence check.
type component struct {
	members   []int
	primaries []model.Location // distinct primary points of members
	lo, hi    int              // intersection of day-precise members' dates
	dated     bool
}

// Partition groups reports into events. It is a pure function of the set of
// reports and constraints: the result does not depend on their order.
//
//  1. Every compatible pair (Compare) is an edge. Pairs are found by a sweep
//     over reports sorted by date, so only overlapping dates are compared.
//  2. Edges are applied strongest first (ties by report IDs). An edge joins
//     two groups only if no cannot-link pair would end up together and the
//     joined group stays coherent: the dates of its day-precise reports
//     still share at least one day, and the primary settlements (each
//     report's first point location) all lie within NearbyKm of each other.
//     Coherence is what stops chaining: a report naming "Kharkiv oblast"
//     links to both Kharkiv city and Kupiansk reports of the same night but
//     cannot fuse those two events, and a range report cannot bridge two
//     consecutive nights.
//  3. Analysts' must-links then join the two groups as they stand, so a
//     merged event keeps every report either side had.
func Partition(reports []model.Report, c Constraints) []Cluster {
	rs := slices.Clone(reports)
	slices.SortFunc(rs, func(a, b model.Report) int { return cmp.Compare(a.ID, b.ID) })
	rs = slices.CompactFunc(rs, func(a, b model.Report) bool { return a.ID == b.ID })
	fs := make([]*features, len(rs))
	index := make(map[string]int, len(rs))
	for i := range rs {
		fs[i] = featuresOf(&rs[i])
		index[rs[i].ID] = i
	}
	edges := candidateEdges(fs)

	parent := make([]int, len(rs))
	comps := make([]*component, len(rs))
	for i := range rs {
		parent[i] = i
		comps[i] = newComponent(i, fs[i])
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		comps[ra].absorb(comps[rb])
		comps[rb] = nil
	}
	var cannot [][2]int
	for _, p := range c.CannotLink {
		if i, ok := index[p[0]]; ok {
			if j, ok := index[p[1]]; ok {
				cannot = append(cannot, [2]int{i, j})
			}
		}
	}
	blocked := func(ra, rb int) bool {
		for _, p := range cannot {
			x, y := find(p[0]), find(p[1])
			if (x == ra && y == rb) || (x == rb && y == ra) {
				return true
			}
		}
		return false
	}
	for _, e := range edges {
		ra, rb := find(e.a), find(e.b)
		if ra == rb || blocked(ra, rb) || !comps[ra].coherent(comps[rb]) {
			continue
		}
		union(e.a, e.b)
	}
	forced := make(map[int]bool)
	for _, p := range c.MustLink {
		i, ok1 := index[p[0]]
		j, ok2 := index[p[1]]
		if ok1 && ok2 && find(i) != find(j) {
			union(i, j)
			forced[i], forced[j] = true, true
		}
	}
	return clusters(rs, fs, edges, find, forced)
}

// candidateEdges returns every compatible pair, strongest first.
func candidateEdges(fs []*features) []edge {
	order := make([]int, 0, len(fs))
	for i, f := range fs {
		if f.date.ok {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(fs[x].date.lo, fs[y].date.lo), cmp.Compare(x, y))
	})
	var edges []edge
	for k, i := range order {
		for _, j := range order[k+1:] {
			if fs[j].date.lo > fs[i].date.hi {
				break
			}
			if s := compare(fs[i], fs[j], false); s.Compatible {
				edges = append(edges, edge{a: min(i, j), b: max(i, j), score: s})
			}
		}
	}
	slices.SortFunc(edges, func(x, y edge) int {
		return cmp.Or(cmp.Compare(y.score.Total, x.score.Total), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return edges
}

func newComponent(i int, f *features) *component {
	c := &component{members: []int{i}}
	if len(f.places.points) > 0 {
		c.primaries = []model.Location{f.places.points[0]}
	}
	if f.date.ok && f.date.fine {
		c.lo, c.hi, c.dated = f.date.lo, f.date.hi, true
	}
	return c
}

func (c *component) absorb(o *component) {
	c.members = append(c.members, o.members...)
	for i := range o.primaries {
		dup := false
		for j := range c.primaries {
			if _, same, _ := samePoint(&o.primaries[i], &c.primaries[j]); same && (o.primaries[i].GeonamesID == c.primaries[j].GeonamesID || o.primaries[i].Name == c.primaries[j].Name) {
				dup = true
				break
			}
		}
		if !dup {
			c.primaries = append(c.primaries, o.primaries[i])
		}
	}
	switch {
	case !o.dated:
	case !c.dated:
		c.lo, c.hi, c.dated = o.lo, o.hi, true
	default:
		c.lo, c.hi = max(c.lo, o.lo), min(c.hi, o.hi)
	}
}

// coherent reports whether c and o may form one event.
func (c *component) coherent(o *component) bool {
	if c.dated && o.dated && max(c.lo, o.lo) > min(c.hi, o.hi) {
		return false
	}
	for i := range c.primaries {
		for j := range o.primaries {
			if _, _, near := samePoint(&c.primaries[i], &o.primaries[j]); !near {
				return false
			}
		}
	}
	return true
}

// clusters turns the union-find forest into sorted clusters with joins.
func clusters(rs []model.Report, fs []*features, edges []edge, find func(int) int, forced map[int]bool) []Cluster {
	groups := make(map[int][]int)
	for i := range rs {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	joins := make(map[int]Join)
	for _, e := range edges { // strongest first: the first edge inside a group wins
		if find(e.a) != find(e.b) {
			continue
		}
		_, hasA := joins[e.a]
		_, hasB := joins[e.b]
		if hasA && hasB {
			continue
		}
		s := compare(fs[e.a], fs[e.b], true) // the same score, now with its reasons
		if !hasA {
			joins[e.a] = Join{Report: rs[e.a].ID, With: rs[e.b].ID, Score: s}
		}
		if !hasB {
			joins[e.b] = Join{Report: rs[e.b].ID, With: rs[e.a].ID, Score: s}
		}
	}
	out := make([]Cluster, 0, len(groups))
	for _, members := range groups {
		slices.Sort(members) // rs is sorted by ID, so members[0] has the smallest ID
		cl := Cluster{ID: EventID(rs[members[0]].ID), Joins: make(map[string]Join, len(members))}
		for _, i := range members {
			cl.Reports = append(cl.Reports, rs[i].ID)
			j, ok := joins[i]
			if !ok {
				j = Join{Report: rs[i].ID}
			}
			if len(members) > 1 && (!ok || forced[i]) {
				j.Forced = !ok
			}
			cl.Joins[rs[i].ID] = j
		}
		out = append(out, cl)
	}
	slices.SortFunc(out, func(a, b Cluster) int { return cmp.Compare(a.Reports[0], b.Reports[0]) })
	return out
}
