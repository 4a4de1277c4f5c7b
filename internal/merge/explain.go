package merge

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Member is one report of an explained event: why it joined and where it
// came from.
type Member struct {
	Join
	Doc          string `json:"doc"`
	Publisher    string `json:"publisher,omitempty"`
	DuplicateOf  string `json:"duplicate_of,omitempty"`
	AttributedTo string `json:"attributed_to,omitempty"`
	Date         string `json:"date,omitempty"`
	Place        string `json:"place,omitempty"`
}

// Explanation is what `sitrep explain EVENT` shows: the event, every
// report with the score components that joined it, and the analyst
// corrections that touch it. It marshals to JSON; Text renders it for a
// terminal.
type Explanation struct {
	Event       model.Event        `json:"event"`
	Members     []Member           `json:"members"`
	Corrections []store.Correction `json:"corrections,omitempty"`
}

// Explain gathers the explanation of one event.
func Explain(ctx context.Context, st *store.Store, eventID string) (*Explanation, error) {
	ev, err := st.Event(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("merge: explain: %w", err)
	}
	rows, err := st.EventMembers(ctx, eventID)
	if err != nil {
		return nil, fmt.Errorf("merge: explain: %w", err)
	}
	reports, err := st.EventReports(ctx, []string{eventID})
	if err != nil {
		return nil, fmt.Errorf("merge: explain: %w", err)
	}
	byID := map[string]*model.Report{}
	var docIDs []string
	for i := range reports {
		byID[reports[i].ID] = &reports[i]
		docIDs = append(docIDs, reports[i].Doc)
	}
	docs, err := st.DocumentInfos(ctx, docIDs)
	if err != nil {
		return nil, fmt.Errorf("merge: explain: %w", err)
	}
	x := &Explanation{Event: *ev}
	inEvent := map[string]bool{}
	for _, row := range rows {
		m := Member{}
		if err := json.Unmarshal(row.Explanation, &m.Join); err != nil {
			return nil, fmt.Errorf("merge: explain %s: member %s: %w", eventID, row.ReportID, err)
		}
		m.Report = row.ReportID
		if r := byID[row.ReportID]; r != nil {
			m.Doc, m.AttributedTo, m.Date = r.Doc, r.Source.AttributedTo, rangeText(r.Date)
			if len(r.Locations) > 0 {
				m.Place = r.Locations[0].Name
			}
			d := docs[r.Doc]
			m.Publisher, m.DuplicateOf = d.Publisher, d.DuplicateOf
		}
		inEvent[row.ReportID] = true
		x.Members = append(x.Members, m)
	}
	all, err := st.Corrections(ctx)
	if err != nil {
		return nil, fmt.Errorf("merge: explain: %w", err)
	}
	for _, c := range all {
		if touches(c, eventID, inEvent) {
			x.Corrections = append(x.Corrections, c)
		}
	}
	return x, nil
}

// touches reports whether a correction names the event or one of its reports.
func touches(c store.Correction, eventID string, reports map[string]bool) bool {
	var ids []string
	switch c.Action {
	case "merge":
		var a MergeArgs
		if json.Unmarshal(c.Args, &a) == nil {
			ids = []string{a.AnchorA, a.AnchorB}
			if a.A == eventID || a.B == eventID {
				return true
			}
		}
	case "split":
		var a SplitArgs
		if json.Unmarshal(c.Args, &a) == nil {
			ids = append([]string{a.Report}, a.Others...)
			if a.Event == eventID {
				return true
			}
		}
	}
	return slices.ContainsFunc(ids, func(id string) bool { return reports[id] })
}

// Text renders the explanation for a terminal.
func (x *Explanation) Text() string {
	var b strings.Builder
	ev := &x.Event
	fmt.Fprintf(&b, "event %s: %s\n", ev.ID, describe(ev))
	fmt.Fprintf(&b, "status %s (%s); %d independent source(s) among %d publisher(s)\n",
		ev.Status, ev.StatusReason, ev.IndependentSources, len(ev.Publishers))
	var keys []string
	for k := range ev.Headline {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		h := ev.Headline[k]
		fmt.Fprintf(&b, "  %-20s %s  [%s]\n", k, model.Quantity{Value: h.Value, Qualifier: h.Qualifier}.String(), h.Rule)
	}
	fmt.Fprintf(&b, "reports (%d):\n", len(x.Members))
	for _, m := range x.Members {
		src := m.Publisher
		if m.DuplicateOf != "" {
			src += ", copy of " + m.DuplicateOf
		}
		if m.AttributedTo != "" {
			src += ", citing " + m.AttributedTo
		}
		fmt.Fprintf(&b, "  %s  doc %s (%s)  %s %s\n", m.Report, m.Doc, src, m.Date, m.Place)
		switch {
		case m.With == "" && m.Forced:
			b.WriteString("    held here by an analyst's merge\n")
		case m.With == "":
			b.WriteString("    first report of the event\n")
		default:
			s := m.Score
			fmt.Fprintf(&b, "    joined with %s: score %.2f = type %.2f×%.2f + date %.2f×%.2f + place %.2f×%.2f + attacker %.2f×%.2f + weapons %.2f×%.2f\n",
				m.With, s.Total, s.Type, WeightType, s.Date, WeightDate, s.Place, WeightPlace, s.Attacker, WeightAttacker, s.Weapons, WeightWeapons)
			for _, r := range s.Reasons {
				fmt.Fprintf(&b, "      %s\n", r)
			}
		}
	}
	if len(ev.Discrepancies) > 0 {
		b.WriteString("discrepancies:\n")
		for _, d := range ev.Discrepancies {
			var vs []string
			for _, v := range d.Values {
				q := ""
				if v.Qualifier != "" && v.Qualifier != model.Exact {
					q = " (" + string(v.Qualifier) + ")"
				}
				vs = append(vs, fmt.Sprintf("%v%s by %s [%s]", v.Value, q, firstNonEmpty(v.Publisher, v.Doc), v.Report))
			}
			fmt.Fprintf(&b, "  %s: %s\n", d.Field, strings.Join(vs, "; "))
		}
	}
	for _, c := range x.Corrections {
		state := ""
		if c.UndoneAt != nil {
			state = " (undone)"
		}
		fmt.Fprintf(&b, "correction #%d %s %s%s: %s %s\n", c.ID, c.At.Format("2006-01-02 15:04"), c.Action, state, c.Reason, string(c.Args))
	}
	return b.String()
}
