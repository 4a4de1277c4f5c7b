package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/sitrep-osint/sitrep/internal/config"
)

// Version is sitrep's release, set at build time with
// -ldflags "-X github.com/sitrep-osint/sitrep/internal/cli.Version=v1.2.3".
var Version = "dev"

func init() {
	register(command{name: "version", summary: "print the version and build information", run: runVersion})
	register(command{name: "help", args: "[COMMAND]", summary: "show help for sitrep or one command", run: runHelp})
}

// version returns Version, or the VCS revision when built from a checkout.
func version() string {
	if Version != "dev" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "dev-" + s.Value[:12]
			}
		}
	}
	return Version
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.io.Out, "sitrep %s (%s, %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

func runHelp(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		cfg := config.Default(e.getenv)
		fs := flag.NewFlagSet("sitrep", flag.ContinueOnError)
		cfg.Register(fs)
		fs.Bool("config-dump", false, "print the effective configuration and exit")
		fs.SetOutput(e.io.Out)
		usage(e.io.Out, fs)
		return nil
	}
	cmd, ok := lookup(args[0])
	if !ok {
		return fmt.Errorf("%w: unknown command %q", ErrUsage, args[0])
	}
	return cmd.run(ctx, e, []string{"--help"})
}
