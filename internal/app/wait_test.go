package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestWaitQueuedLost: a recording that no stage holds a job for and none
// recorded a result for is not waited on for ever: once the queues stay
// empty, WaitQueued records it as failed with ErrLost and returns.
func TestWaitQueuedLost(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	env, err := StartEmbedded(ctx, &cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	stages, err := NewStages(cfg, env, log)
	if err != nil {
		t.Fatal(err)
	}
	done, stop := runStages(t, ctx, stages)
	defer stop()

	waitCtx, cancelWait := context.WithTimeout(ctx, 20*time.Second)
	defer cancelWait()
	start := time.Now()
	err = WaitQueued(waitCtx, env, []string{"in/ghost.wav"}, start, func(int, int) {}, done)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitDone waited %s for a recording nothing will finish", time.Since(start).Round(time.Second))
	}
	if err != nil {
		t.Fatal(err)
	}
	latest, err := store.LatestStatuses(ctx, env.DB)
	if err != nil {
		t.Fatal(err)
	}
	st := latest["in/ghost.wav"]
	if st.State != schemas.StateFailed || !strings.Contains(st.Error, ErrLost.Error()) {
		t.Errorf("status %+v, want failed with %q", st, ErrLost)
	}
}
