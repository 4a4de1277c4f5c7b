package cli

import (
	"context"
	"fmt"
	"sort"
)

func init() {
	register(command{name: "stats", args: "[--json] [--failures N]", summary: "show what the database holds", run: runStats})
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats")
	asJSON := fs.Bool("json", false, "print JSON")
	failures := fs.Int("failures", 10, "list the `N` most recent failures")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fails, err := st.Failures(ctx, *failures)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.io.Out, map[string]any{"stats": s, "recent_failures": fails})
	}
	w := e.io.Out
	fmt.Fprintf(w, "database   %s\n", s.Path)
	fmt.Fprintf(w, "documents  %d (%d near-duplicates) from %d sources%s\n", s.Documents, s.Duplicates, s.Sources, breakdown(s.ByFormat))
	fmt.Fprintf(w, "reports    %d%s\n", s.Reports, breakdown(s.ByType))
	fmt.Fprintf(w, "events     %d%s\n", s.Events, breakdown(s.EventTypes))
	if s.FirstDate != "" {
		fmt.Fprintf(w, "dates      %s .. %s\n", s.FirstDate, s.LastDate)
	}
	fmt.Fprintf(w, "failures   %d\n", s.Failures)
	for _, f := range fails {
		fmt.Fprintf(w, "  %s %s\n", f.At.Format("2006-01-02 15:04"), f.Error) // the error names its input and item
	}
	return nil
}

// breakdown renders counts as " (a 3, b 1)", largest first.
func breakdown(m map[string]int64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	s := " ("
	for i, k := range keys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s %d", k, m[k])
	}
	return s + ")"
}
