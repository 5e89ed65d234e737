package pipeline

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// stuckIter is an iterator whose drain never completes: after Drain, Next
// neither returns a job nor reports the iterator closed (nats.go's Next
// can wait so when the drain of its subscription does not finish).
type stuckIter struct {
	drained, stopped atomic.Bool
}

func (it *stuckIter) Next(ctx context.Context) (jetstream.Msg, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
func (it *stuckIter) Drain() { it.drained.Store(true) }
func (it *stuckIter) Stop()  { it.stopped.Store(true) }

// TestWorkerStopsWhenDrainHangs: a worker whose iterator never finishes
// draining still returns, drainGrace after its context ends, having
// drained and then stopped the iterator (before, Run waited for ever: the
// shutdown hang of BenchmarkReprocessAnalyze).
func TestWorkerStopsWhenDrainHangs(t *testing.T) {
	was := drainGrace
	drainGrace = 200 * time.Millisecond
	t.Cleanup(func() { drainGrace = was })
	w := NewWorker(WorkerConfig{Stage: "s", Concurrency: 2, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, nil,
		func(context.Context, Delivery) error { return nil }, nil)
	it := &stuckIter{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.consume(ctx, it) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	stopped := time.Now()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("consume: %v", err)
		}
		if d := time.Since(stopped); d < drainGrace {
			t.Errorf("returned %v after the context ended, before the %v grace for draining", d, drainGrace)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("consume did not return after its context ended and the drain grace passed")
	}
	if !it.drained.Load() || !it.stopped.Load() {
		t.Errorf("iterator drained %v, stopped %v; want both", it.drained.Load(), it.stopped.Load())
	}
}
