// Package cli implements the sitrep command line: global flags, then one
// subcommand, each in its own file with its own flag.FlagSet.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/sitrep-osint/sitrep/internal/config"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Stdio is the process's standard streams, injected so commands are testable.
type Stdio struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// env is what a command runs with.
type env struct {
	cfg    config.Config
	io     Stdio
	log    *slog.Logger
	getenv func(string) string
}

// openStore opens the configured database, creating it if it does not
// exist: for the commands that write new data (ingest, serve, feed add, …).
func (e *env) openStore(ctx context.Context) (*store.Store, error) {
	return store.Open(ctx, e.cfg.DB, e.log)
}

// ErrNoDatabase is returned by commands that read a database that does not
// exist, rather than silently creating an empty one (a mistyped --db).
var ErrNoDatabase = errors.New("no such database")

// openExisting opens the configured database, which must exist: for the
// commands that only read or correct what was ingested.
func (e *env) openExisting(ctx context.Context) (*store.Store, error) {
	if _, err := os.Stat(e.cfg.DB); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s (set --db or SITREP_DB, or create it with \"sitrep ingest\")", ErrNoDatabase, e.cfg.DB)
	}
	return e.openStore(ctx)
}

// command is one subcommand.
type command struct {
	name    string
	args    string // argument synopsis for usage
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand, in the order help prints them.
var commands []command

func register(c command) { commands = append(commands, c) }

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// ErrUsage marks an error in how a command was called (exit status 2).
var ErrUsage = errors.New("usage")

// ErrPartial marks a command that did its work but not all of it, such as an
// ingest in which some inputs failed (exit status 1, after a summary).
var ErrPartial = errors.New("incomplete")

// Main runs sitrep with args (without the program name) and returns the
// process exit status.
func Main(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	sort.SliceStable(commands, func(i, j int) bool { return order(commands[i].name) < order(commands[j].name) })
	cfg := config.Default(getenv)
	fs := flag.NewFlagSet("sitrep", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	cfg.Register(fs)
	dump := fs.Bool("config-dump", false, "print the effective configuration and exit")
	fs.Usage = func() { usage(stdio.Err, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintln(stdio.Err, "sitrep:", err)
		return 2
	}
	if *dump {
		cfg.Dump(stdio.Out)
		return 0
	}
	rest := fs.Args()
	if len(rest) == 0 {
		usage(stdio.Err, fs)
		return 2
	}
	cmd, ok := lookup(rest[0])
	if !ok {
		fmt.Fprintf(stdio.Err, "sitrep: unknown command %q; run \"sitrep help\" for the list\n", rest[0])
		return 2
	}
	e := &env{cfg: cfg, io: stdio, log: cfg.Logger(stdio.Err), getenv: getenv}
	err := cmd.run(ctx, e, rest[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, ErrUsage):
		fmt.Fprintf(stdio.Err, "sitrep %s: %v\n", cmd.name, err)
		return 2
	case errors.Is(err, ErrPartial):
		fmt.Fprintf(stdio.Err, "sitrep %s: %v\n", cmd.name, err)
		return 1
	default:
		fmt.Fprintf(stdio.Err, "sitrep %s: %v\n", cmd.name, err)
		return 1
	}
}

// order puts the everyday commands first in help.
func order(name string) int {
	for i, n := range []string{"demo", "ingest", "export", "stats", "serve", "eval", "geocode", "explain", "merge", "split", "undo", "publisher", "feed", "subscribe", "token", "bench", "version", "help"} {
		if n == name {
			return i
		}
	}
	return 100
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `sitrep turns war reporting into event data: documents -> reports -> events.

Usage: sitrep [global flags] COMMAND [flags] [args]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nGlobal flags:\n")
	fs.PrintDefaults()
	fmt.Fprint(w, "\nRun \"sitrep COMMAND --help\" for a command's flags.\n")
}

// newFlags returns a FlagSet for cmd whose usage prints the synopsis.
func newFlags(e *env, name string) *flag.FlagSet {
	cmd, _ := lookup(name)
	fs := flag.NewFlagSet("sitrep "+name, flag.ContinueOnError)
	fs.SetOutput(e.io.Err)
	fs.Usage = func() {
		fmt.Fprintf(e.io.Err, "Usage: sitrep %s %s\n\n%s\n", name, cmd.args, cmd.summary)
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprint(e.io.Err, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses args with fs, allowing flags after positional arguments too
// ("sitrep ingest a.html --publisher X").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
	}
}

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeJSON prints v as indented JSON, the form every --json flag uses.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
