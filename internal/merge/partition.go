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
	// Originals maps a document to the original it is a near-duplicate of
	// (Document.DuplicateOf). Reports of one family of copies that name the
	// same place are linked even when a day apart or undated: a reprint
	// resolves "overnight" against its own publication time, or has none.
	Originals map[string]string
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
	copy  bool // both reports come from one family of near-duplicate documents
}

// copyEdges links the reports of near-duplicate documents that agree on
// type and place and are dated at most a day apart (or undated). They come
// before all other edges and skip the coherence check: a copy says what its
// original says.
func copyEdges(fs []*features, originals map[string]string) []edge {
	if len(originals) == 0 {
		return nil
	}
	root := func(doc string) string {
		for range 8 { // DuplicateOf points at a root; the bound guards bad data
			o, ok := originals[doc]
			if !ok || o == "" || o == doc {
				break
			}
			doc = o
		}
		return doc
	}
	families := map[string][]int{}
	for i, f := range fs {
		families[root(f.r.Doc)] = append(families[root(f.r.Doc)], i)
	}
	var edges []edge
	for _, members := range families {
		for x, i := range members {
			for _, j := range members[x+1:] {
				a, b := fs[i], fs[j]
				if a.r.Doc == b.r.Doc || a.r.Type != b.r.Type {
					continue
				}
				// A reprint may date the event a day off (it resolves
				// "overnight" against its own publication) or not at all;
				// further apart, it is a templated text about another day.
				if a.date.ok && b.date.ok && !a.date.overlapsWithin(b.date, 1+dateSlack(a.r.Type)) {
					continue
				}
				if place, _ := comparePlaces(&a.places, &b.places, false); place < 0.5 {
					continue
				}
				edges = append(edges, edge{a: min(i, j), b: max(i, j), copy: true})
			}
		}
	}
	slices.SortFunc(edges, func(x, y edge) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return edges
}

// component is a union-find root's summary for the coherence check.
type component struct {
	members   []int
	pointSets [][]model.Location // distinct point-location lists of members
	lo, hi    int                // intersection of day-precise members' dates
	dated     bool
	slack     int // dateSlack of the members' types
}

// Partition groups reports into events. It is a pure function of the set of
// reports and constraints: the result does not depend on their order.
//
//  1. Every compatible pair (Compare) is an edge. Pairs are found by a sweep
//     over reports sorted by date, so only overlapping dates are compared.
//  2. Edges are applied strongest first (ties by report IDs). An edge joins
//     two groups only if no cannot-link pair would end up together and the
//     joined group stays coherent: the dates of its day-precise reports
//     still share at least one day, and every two reports that name
//     settlements name at least one in common (within NearbyKm).
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
	edges = append(copyEdges(fs, c.Originals), edges...)

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
		if ra == rb || blocked(ra, rb) || (!e.copy && !comps[ra].coherent(comps[rb])) {
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
			if fs[j].date.lo > fs[i].date.hi+maxSlack {
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
	c := &component{members: []int{i}, slack: dateSlack(f.r.Type)}
	if len(f.places.points) > 0 {
		c.pointSets = [][]model.Location{f.places.points}
	}
	if f.date.ok && f.date.fine {
		c.lo, c.hi, c.dated = f.date.lo, f.date.hi, true
	}
	return c
}

func (c *component) absorb(o *component) {
	c.members = append(c.members, o.members...)
	c.slack = max(c.slack, o.slack)
	for _, ps := range o.pointSets {
		if !slices.ContainsFunc(c.pointSets, func(q []model.Location) bool { return samePoints(ps, q) }) {
			c.pointSets = append(c.pointSets, ps)
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
	if c.dated && o.dated && max(c.lo, o.lo) > min(c.hi, o.hi)+max(c.slack, o.slack) {
		return false
	}
	for _, p := range c.pointSets {
		for _, q := range o.pointSets {
			if !anyNear(p, q) {
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
		if e.copy {
			s.Compatible, s.Gate = true, ""
			s.Reasons = append([]string{"copy: the two documents are near-duplicates and name the same place"}, s.Reasons...)
		}
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

// anyNear reports whether some point of p is within NearbyKm of some point
// of q: the two reports can be about the same place.
func anyNear(p, q []model.Location) bool {
	for i := range p {
		for j := range q {
			if _, _, near := samePoint(&p[i], &q[j]); near {
				return true
			}
		}
	}
	return false
}

// samePoints reports whether two point lists name the same places in order.
func samePoints(p, q []model.Location) bool {
	if len(p) != len(q) {
		return false
	}
	for i := range p {
		if p[i].GeonamesID != q[i].GeonamesID || p[i].Name != q[i].Name || p[i].Lat != q[i].Lat || p[i].Lon != q[i].Lon {
			return false
		}
	}
	return true
}
