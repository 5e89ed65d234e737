package app

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

// runStages runs stages in the background until stop: done gives what
// Run returned (for WaitDone and the like, which stop waiting when the
// stages end), and stop ends them and fails tb if Run returned an error or
// had not returned a minute later (the goroutines are written to stderr).
// Defer stop before the Env the stages use is closed.
func runStages(tb testing.TB, ctx context.Context, stages *Stages) (done <-chan error, stop func()) {
	runCtx, cancel := context.WithCancel(ctx)
	result := make(chan error, 1)
	go func() { result <- stages.Run(runCtx) }()
	return result, func() {
		cancel()
		select {
		case err := <-result:
			if err != nil {
				tb.Errorf("stages: %v", err)
			}
		case <-time.After(time.Minute):
			_ = pprof.Lookup("goroutine").WriteTo(os.Stderr, 2)
			tb.Fatal("Stages.Run did not return within a minute of its context's end (goroutines above)")
		}
	}
}
