package merge

import (
	"fmt"

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

// Status places an event on the verification ladder. The rules, weakest
// first:
//
//   - claimed: every report is either hedged ("reportedly", "claimed") or
//     attributed to the attacking side's own officials — nothing but one
//     party's word, however many outlets repeat it;
//   - reported: one independent source states it;
//   - corroborated: two or more independent sources state it;
//   - confirmed: corroborated, and at least one report is attributed to
//     officials of the attacked side (a claimant whose side is not the
//     attacker's).
func Status(rs []model.Report, attacker *model.Actor, independent int) (model.Status, string) {
	var atk model.Side
	if attacker != nil {
		atk = attacker.Side
	}
	onlyClaims, attackedOfficial := true, ""
	for i := range rs {
		src := &rs[i].Source
		ownClaim := src.ClaimantSide != "" && src.ClaimantSide == atk
		if !src.Hedged && !ownClaim {
			onlyClaims = false
		}
		if src.ClaimantSide != "" && src.ClaimantSide != atk && attackedOfficial == "" {
			attackedOfficial = firstNonEmpty(src.AttributedTo, string(src.ClaimantSide)+" officials")
		}
	}
	switch {
	case onlyClaims:
		return model.StatusClaimed, fmt.Sprintf("all %d report(s) are hedged or the attacking side's own claim", len(rs))
	case independent >= 2 && attackedOfficial != "":
		return model.StatusConfirmed, fmt.Sprintf("%d independent sources, and officials of the attacked side (%s)", independent, attackedOfficial)
	case independent >= 2:
		return model.StatusCorroborated, fmt.Sprintf("%d independent sources", independent)
	}
	return model.StatusReported, "one independent source"
}
