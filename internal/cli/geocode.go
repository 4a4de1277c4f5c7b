package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/geocode"
)

func init() {
	register(command{
		name:    "geocode",
		args:    "[--context TEXT] [--limit N] NAME",
		summary: "show the ranked gazetteer candidates for a place name, with why each scored as it did",
		run:     runGeocode,
	})
}

func runGeocode(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "geocode")
	context := fs.String("context", "", "surrounding `text` (a sentence or article) used to choose between candidates")
	limit := fs.Int("limit", 10, "print at most `N` candidates")
	names, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: name a place, e.g. sitrep geocode Kirovograd", ErrUsage)
	}
	name := strings.Join(names, " ")
	g, err := geocode.Default()
	if err != nil {
		return err
	}
	cands := g.Candidates(name, *context)
	if len(cands) > *limit {
		cands = cands[:*limit]
	}
	if cands == nil {
		cands = []geocode.Candidate{}
	}
	if err := writeJSON(e.io.Out, map[string]any{"name": name, "candidates": cands}); err != nil {
		return err
	}
	if len(cands) == 0 {
		return fmt.Errorf("%w: no gazetteer entry matches %q", ErrPartial, name)
	}
	return nil
}
