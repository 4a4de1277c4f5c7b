package cli

import (
	"context"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/eval"
	"github.com/sitrep-osint/sitrep/internal/model"
)

func init() {
	register(command{
		name:    "eval",
		args:    "--gold FILE.json [--min KEY=VALUE ...]   (or: eval FILE.json)",
		summary: "score the database's reports against a gold set (the metrics of shared/eval/score.py)",
		run:     runEval,
	})
}

// repeated collects a flag given several times.
type repeated []string

func (r *repeated) String() string     { return fmt.Sprint(*r) }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval")
	goldPath := fs.String("gold", "", "gold `file` (JSON, the format of shared/eval/seeds.gold.json)")
	var mins repeated
	fs.Var(&mins, "min", "fail unless metric `KEY=VALUE` is met (repeatable): recall, precision, f1, counts, qualifiers, dates, attacker, places, clean")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case *goldPath == "" && len(pos) == 1: // "sitrep eval gold.json", as score.py takes it
		*goldPath = pos[0]
	case len(pos) > 0:
		return fmt.Errorf("%w: unexpected arguments %q", ErrUsage, pos)
	case *goldPath == "":
		return fmt.Errorf("%w: name the gold file: sitrep eval --gold FILE.json", ErrUsage)
	}
	var bounds []eval.Bound
	for _, m := range mins {
		b, err := eval.ParseBound(m)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrUsage, err)
		}
		bounds = append(bounds, b)
	}
	gold, err := eval.ReadGoldFile(*goldPath)
	if err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	var reports []model.Report
	if err := st.Reports(ctx, func(r *model.Report) error { reports = append(reports, *r); return nil }); err != nil {
		return err
	}
	var docs []model.Document
	if err := st.Documents(ctx, func(d *model.Document) error { docs = append(docs, *d); return nil }); err != nil {
		return err
	}
	m := eval.Score(gold, reports, docs)
	fmt.Fprint(e.io.Out, m.Report(bounds))
	if f := m.Failures(bounds); len(f) > 0 {
		return fmt.Errorf("%w: below bound: %v", ErrPartial, f)
	}
	return nil
}
