// Command sitrep turns war reporting into event data. See README.md, or run
// "sitrep help".
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/sitrep-osint/sitrep/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv)
	stop()
	os.Exit(code)
}
