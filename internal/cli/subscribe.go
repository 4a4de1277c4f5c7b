package cli

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"text/tabwriter"

	"github.com/sitrep-osint/sitrep/internal/live"
	"github.com/sitrep-osint/sitrep/internal/store"
)

func init() {
	register(command{
		name: "subscribe",
		args: "add --url URL [--secret S] [--type T,..] [--side S] [--bbox minLon,minLat,maxLon,maxLat] [--min-sources N]\n" +
			"       [--status S,..] [--weapon W,..] [--allow-private] | list [--json] | remove ID",
		summary: "manage webhooks that receive new and changed events (sent by \"sitrep serve\")",
		run:     runSubscribe,
	})
}

// subscribeFilters are the filter flags of "subscribe add": the API's
// filter parameters that apply to a single event, with dashes.
var subscribeFilters = []struct{ flag, param, usage string }{
	{"type", "type", "event `types`, comma-separated: attack, territorial_change, air_alert, deployment, battle"},
	{"side", "side", "attacker `sides`, comma-separated: RU, UA"},
	{"bbox", "bbox", "only events located inside `minLon,minLat,maxLon,maxLat`"},
	{"min-sources", "min_sources", "at least `N` independent sources"},
	{"status", "status", "verification `statuses`, comma-separated: claimed, reported, corroborated, confirmed"},
	{"weapon", "weapon", "weapon `kinds`, comma-separated: drone, cruise_missile, ..."},
}

func runSubscribe(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: subscribe needs a subcommand: add, list or remove", ErrUsage)
	}
	switch sub, rest := args[0], args[1:]; sub {
	case "add":
		return runSubscribeAdd(ctx, e, rest)
	case "list", "ls":
		return runSubscribeList(ctx, e, rest)
	case "remove", "rm":
		return runSubscribeRemove(ctx, e, rest)
	case "-h", "-help", "--help", "help":
		newFlags(e, "subscribe").Usage()
		return nil
	default:
		return fmt.Errorf("%w: unknown subscribe subcommand %q (want add, list or remove)", ErrUsage, sub)
	}
}

func runSubscribeAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "subscribe")
	hook := fs.String("url", "", "webhook `URL` that receives a POST per new or changed event")
	secret := fs.String("secret", "", "HMAC `secret` for the X-Sitrep-Signature header (default: a random one, printed once)")
	allowPrivate := fs.Bool("allow-private", e.cfg.AllowPrivate, "allow a webhook on a private or loopback address (serve must run with --allow-private too)")
	vals := map[string]*string{}
	for _, f := range subscribeFilters {
		vals[f.param] = fs.String(f.flag, "", f.usage)
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *hook == "" {
		return fmt.Errorf("%w: subscribe add takes --url URL and filter flags only", ErrUsage)
	}
	q := url.Values{}
	for k, v := range vals {
		if *v != "" {
			q.Set(k, *v)
		}
	}
	filter, err := live.ParseFilter(q)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	sub, err := live.Subscribe(ctx, st, *hook, *secret, filter, *allowPrivate)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "subscription %d: %s\n", sub.ID, sub.URL)
	fmt.Fprintf(e.io.Out, "filter: %s\n", describeFilter(filter))
	if *secret == "" {
		fmt.Fprintf(e.io.Out, "secret: %s\n(shown once; the receiver checks X-Sitrep-Signature: sha256=HMAC-SHA256(secret, body))\n", sub.Secret)
	}
	return nil
}

func describeFilter(f live.Filter) string {
	if s := f.String(); s != "" {
		return s
	}
	return "(every event)"
}

func runSubscribeList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "subscribe")
	asJSON := fs.Bool("json", false, "print JSON (secrets are never printed)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if subs == nil {
			subs = []store.Subscription{}
		}
		return writeJSON(e.io.Out, subs)
	}
	if len(subs) == 0 {
		fmt.Fprintln(e.io.Out, "no subscriptions; add one with \"sitrep subscribe add --url URL\"")
		return nil
	}
	counts, err := st.DeliveryCounts(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCREATED\tDELIVERED\tPENDING\tFAILED\tURL\tFILTER")
	for _, s := range subs {
		f, err := live.SubscriptionFilter(&s)
		if err != nil {
			return err
		}
		count := counts[s.ID]
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%s\t%s\n", s.ID, s.Created.Local().Format("2006-01-02 15:04"),
			count[store.DeliveryDelivered], count[store.DeliveryPending], count[store.DeliveryFailed], s.URL, describeFilter(f))
	}
	return tw.Flush()
}

func runSubscribeRemove(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "subscribe")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: subscribe remove takes one subscription ID (see \"sitrep subscribe list\")", ErrUsage)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return fmt.Errorf("%w: subscription ID %q is not a number", ErrUsage, pos[0])
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.DeleteSubscription(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "subscription %d removed with its delivery log\n", id)
	return nil
}
