package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/url"

	"github.com/sitrep-osint/sitrep/internal/api"
	"github.com/sitrep-osint/sitrep/internal/export"
)

func init() {
	register(command{
		name: "export",
		args: "--what documents|reports|events --format jsonl|csv|geojson|acled [--from D] [--to D] [--bbox minLon,minLat,maxLon,maxLat]\n" +
			"       [--type T,..] [--side S] [--weapon W,..] [--min-sources N] [--status S,..] [--q TEXT]",
		summary: "write documents, reports or events to standard output",
		run:     runExport,
	})
}

// exportFilters are the filter flags of "sitrep export": the API's filter
// parameters (see api.ParseFilter), with dashes for underscores.
var exportFilters = []struct{ flag, param, usage string }{
	{"from", "from", "only events whose date range overlaps [from, to]; `YYYY-MM-DD`"},
	{"to", "to", "see --from; `YYYY-MM-DD`"},
	{"bbox", "bbox", "only events located inside `minLon,minLat,maxLon,maxLat`"},
	{"type", "type", "event `types`, comma-separated: attack, territorial_change, air_alert, deployment, battle"},
	{"side", "side", "attacker `sides`, comma-separated: RU, UA"},
	{"weapon", "weapon", "weapon `kinds`, comma-separated: drone, cruise_missile, ..."},
	{"min-sources", "min_sources", "at least `N` independent sources"},
	{"status", "status", "verification `statuses`, comma-separated: claimed, reported, corroborated, confirmed"},
	{"q", "q", "full-text search over the events' documents (`words` are ANDed)"},
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export")
	whatFlag := fs.String("what", "events", "`records` to export: documents, reports or events")
	formatFlag := fs.String("format", "jsonl", "output `format`: jsonl, csv, geojson (reports, events) or acled (events)")
	vals := map[string]*string{}
	for _, f := range exportFilters {
		vals[f.param] = fs.String(f.flag, "", f.usage)
	}
	if _, err := parse(fs, args); err != nil {
		return err
	}
	what, err := export.ParseWhat(*whatFlag)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	format, err := export.ParseFormat(*formatFlag)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	q := url.Values{}
	fs.Visit(func(f *flag.Flag) {
		for _, x := range exportFilters {
			if x.flag == f.Name {
				q.Set(x.param, *vals[x.param])
			}
		}
	})
	filter, err := api.ParseFilter(q)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if what == export.Documents && len(q) > 0 {
		return fmt.Errorf("%w: filters select events and reports; export documents without them", ErrUsage)
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	out := bufio.NewWriterSize(e.io.Out, 1<<16)
	w, err := export.NewWriter(out, what, format)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if what == export.Documents {
		err = st.Documents(ctx, w.Document)
	} else {
		// Events and reports come newest first, the order of the API.
		err = api.Export(ctx, st, w, what, filter)
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	e.log.Debug("exported", "what", what, "format", format, "count", w.Count())
	return nil
}
