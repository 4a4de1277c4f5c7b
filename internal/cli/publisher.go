package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/merge"
)

func init() {
	register(command{name: "publisher", args: "[--json] | NAME press|official|state-media|auto",
		summary: "list publishers with their labels, or label one for the verification ladder (its events are recomputed)", run: runPublisher})
}

// runPublisher lists publishers, or labels one: a state agency or an
// official channel sitrep cannot tell from its name counts as independent
// press until it is labelled.
func runPublisher(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "publisher")
	asJSON := fs.Bool("json", false, "print the list as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 && len(pos) != 2 {
		return fmt.Errorf("%w: give no arguments to list publishers, or NAME and one of press, official, state-media, auto", ErrUsage)
	}
	if len(pos) == 2 && *asJSON {
		return fmt.Errorf("%w: --json applies to the list only", ErrUsage)
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(pos) == 0 {
		srcs, err := st.Sources(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.io.Out, srcs)
		}
		tw := tabwriter.NewWriter(e.io.Out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PUBLISHER\tLABEL\tROLE ON THE LADDER\tDOCUMENTS")
		for _, s := range srcs {
			role, _ := merge.PublisherRole(s.Name, s.Kind)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", s.Name, orDash(s.Kind), role, s.Documents)
		}
		return tw.Flush()
	}
	name, kind := pos[0], strings.ReplaceAll(strings.ToLower(pos[1]), "-", " ")
	if kind == "auto" {
		kind = "" // back to recognising the role from the name
	}
	known := kind == ""
	for _, l := range merge.Labels {
		known = known || l == kind
	}
	if !known {
		return fmt.Errorf("%w: label %q: want press, official, state-media or auto", ErrUsage, pos[1])
	}
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	found := false
	for _, s := range srcs {
		if s.Name == name || !found && strings.EqualFold(s.Name, name) {
			name, found = s.Name, true
		}
	}
	if !found {
		return fmt.Errorf("%w: no document is published by %q (\"sitrep publisher\" lists them)", ErrUsage, name)
	}
	res, err := merge.Relabel(ctx, st, name, kind)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "%s labelled %s; %d event(s) recomputed\n", name, orDash(kind), len(res.Events))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
