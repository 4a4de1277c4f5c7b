package live

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/sitrep-osint/sitrep/internal/pipeline"
	"github.com/sitrep-osint/sitrep/internal/source"
)

// Ingester is what the poller and the watcher hand their inputs to. The
// in-process *pipeline.Pipeline is one implementation; a queue that
// publishes inputs for remote workers (NATS) is the planned second.
type Ingester interface {
	// IngestInputs decodes, extracts and stores inputs. A broken input is
	// recorded by the ingester and counted in Summary.Failed; the error is
	// for failures of the store or the context only.
	IngestInputs(ctx context.Context, inputs []source.Input) (pipeline.Summary, error)
}

var _ Ingester = (*pipeline.Pipeline)(nil)

// clock returns now, or time.Now in UTC when now is nil.
func clock(now func() time.Time) func() time.Time {
	if now != nil {
		return now
	}
	return func() time.Time { return time.Now().UTC() }
}

// random returns r, or a uniform [0,1) source when r is nil.
func random(r func() float64) func() float64 {
	if r != nil {
		return r
	}
	return rand.Float64
}

// backoff returns how long to wait after the n-th consecutive failure
// (n >= 1): base doubled n-1 times, capped at maxDelay, then reduced by a
// random share of up to a half ("equal jitter") so that feeds or receivers
// that failed together do not all retry in the same second. u is in [0,1).
func backoff(base, maxDelay time.Duration, n int, u float64) time.Duration {
	d := base
	for i := 1; i < n && d < maxDelay; i++ {
		d *= 2
	}
	d = min(d, maxDelay)
	return d/2 + time.Duration(u*float64(d/2))
}

// runLoop runs round until ctx ends, sleeping for the duration each round
// returns (or until wake). An error in the first round is returned, since
// it means a misconfiguration (a missing folder, an unusable database);
// later errors are logged and the round is retried after idleRecheck.
func runLoop(ctx context.Context, log *slog.Logger, wake <-chan struct{}, round func(context.Context) (time.Duration, error)) error {
	for first := true; ; first = false {
		wait, err := round(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			if first {
				return err
			}
			log.Error("round failed; retrying", "error", err, "retry_in", idleRecheck)
			wait = idleRecheck
		}
		if !sleep(ctx, wait, wake) {
			return nil
		}
	}
}

// sleep waits for d, a wake-up or the end of ctx, and reports whether ctx
// is still live.
func sleep(ctx context.Context, d time.Duration, wake <-chan struct{}) bool {
	t := time.NewTimer(max(d, 0))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
	case <-wake:
	}
	return true
}

// signal does a non-blocking send on a wake-up channel of capacity 1.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
