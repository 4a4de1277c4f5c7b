package merge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// IndependentSources counts the independent origins among the reports'
// documents. Two documents are one source when one is a near-duplicate of
// the other (DuplicateOf, directly or through the same original) or when
// they share a publisher: a wire story reprinted by five outlets is one
// source, and so are three updates by the same outlet. A document without
// a publisher is its own source.
func IndependentSources(rs []model.Report, docs map[string]DocInfo) int {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if ra > rb {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	seen := map[string]bool{}
	for i := range rs {
		doc := rs[i].Doc
		if seen[doc] {
			continue
		}
		seen[doc] = true
		node := "doc:" + doc
		find(node)
		info := docs[doc]
		if info.DuplicateOf != "" {
			// A copy counts for its original, whose publisher is the true
			// source; the reprinting outlet's own name is not unioned, so
			// its original articles stay independent.
			union(node, "doc:"+info.DuplicateOf)
			if p := docs[info.DuplicateOf].Publisher; p != "" {
				union(node, "pub:"+p)
			}
			continue
		}
		if info.Publisher != "" {
			union(node, "pub:"+info.Publisher)
		}
	}
	roots := map[string]bool{}
	for doc := range seen {
		roots[find("doc:"+doc)] = true
	}
	return len(roots)
}

// AttackedSide is the side an event's reports say was hit: the reports'
// target side when they name one, else the opponent of the attacker.
func AttackedSide(rs []model.Report, attacker *model.Actor) model.Side {
	if t := majority(rs, func(r *model.Report) string {
		if r.Target == nil {
			return ""
		}
		return string(r.Target.Side)
	}); t != "" {
		return model.Side(t)
	}
	if attacker != nil {
		switch attacker.Side {
		case model.SideRU:
			return model.SideUA
		case model.SideUA:
			return model.SideRU
		}
	}
	return ""
}

// Status places an event on the verification ladder; the first rule that
// holds wins:
//
//   - confirmed: officials of the attacked side speak — their own channel,
//     their state news agency, or a press report quoting them without a
//     hedge — and at least one independent press outlet reports it;
//   - corroborated: two or more independent press outlets, no officials of
//     the attacked side;
//   - reported: exactly one independent press outlet;
//   - claimed: no independent press outlet: only one party's officials or
//     state media, or press relaying a claim with a hedge.
//
// Independent press outlets are the distinct publishers with the press role
// (PublisherRole) among documents that are not syndicated copies, counting
// only reports that are not hedged ("claimed", "could not be verified") and
// that do not rest on the attacking side's word alone ("Russian troops
// have taken the village, the Russian Defence Ministry said").
func Status(rs []model.Report, attacker *model.Actor, docs map[string]DocInfo) (model.Status, string) {
	attacked := AttackedSide(rs, attacker)
	var press []string
	official := ""
	for i := range rs {
		r := &rs[i]
		d := docs[r.Doc]
		role, side := PublisherRole(d.Publisher, d.Kind)
		if side == "" {
			side = r.Source.ClaimantSide
		}
		switch {
		case role == RolePress && d.DuplicateOf == "" && !r.Source.Hedged && !relaysAttacker(r, attacker):
			p := firstNonEmpty(d.Publisher, "document "+r.Doc)
			if !slices.Contains(press, p) {
				press = append(press, p)
			}
		}
		if official != "" || attacked == "" {
			continue
		}
		switch {
		case (role == RoleOfficial || role == RoleStateMedia) && side == attacked:
			official = d.Publisher
		case role == RolePress && !r.Source.Hedged && r.Source.ClaimantSide == attacked:
			official = firstNonEmpty(r.Source.AttributedTo, string(attacked)+" officials") + " quoted by " + firstNonEmpty(d.Publisher, "the press")
		}
	}
	slices.Sort(press)
	list := strings.Join(press, ", ")
	switch {
	case official != "" && len(press) >= 1:
		return model.StatusConfirmed, fmt.Sprintf("officials of the attacked side (%s: %s) and %d independent press outlet(s): %s", attacked, official, len(press), list)
	case len(press) >= 2:
		return model.StatusCorroborated, fmt.Sprintf("%d independent press outlets (%s), no statement from officials of the attacked side", len(press), list)
	case len(press) == 1:
		return model.StatusReported, fmt.Sprintf("one independent press outlet (%s), no officials of the attacked side", list)
	}
	return model.StatusClaimed, "no independent press reporting it as fact: only one party's officials or state media, or claims relayed with a hedge"
}

// relaysAttacker reports whether a report only passes on what the
// attacking side's officials say: it names them as its source. A report
// that names no one is the outlet's own, whatever its wording suggests.
func relaysAttacker(r *model.Report, attacker *model.Actor) bool {
	return attacker != nil && attacker.Side != "" && r.Source.AttributedTo != "" && r.Source.ClaimantSide == attacker.Side
}
