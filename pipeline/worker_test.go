package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
)

// startJetStream runs a real in-process NATS server with JetStream and
// makes the pipeline's stream on it, in memory.
func startJetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	js := testenv.JetStream(t, testenv.NATS(t))
	if err := EnsureStream(context.Background(), js, StreamConfig{Memory: true}); err != nil {
		t.Fatal(err)
	}
	return js
}

type outcome struct {
	mu       sync.Mutex
	handled  map[string]int
	failed   map[string]error
	attempts map[string]int
}

func TestWorkerOutcomes(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	o := &outcome{handled: map[string]int{}, failed: map[string]error{}, attempts: map[string]int{}}
	errBoom := errors.New("boom")
	handle := func(ctx context.Context, d Delivery) error {
		o.mu.Lock()
		defer o.mu.Unlock()
		id := string(d.Data)
		o.handled[id]++
		o.attempts[id] = d.Attempt
		switch id {
		case "permanent":
			return Permanent(errBoom)
		case "flaky": // fails once, then works
			if d.Attempt == 1 {
				return errBoom
			}
		case "always":
			return errBoom
		}
		return nil
	}
	onFailure := func(ctx context.Context, d Delivery, cause error) error {
		o.mu.Lock()
		defer o.mu.Unlock()
		o.failed[string(d.Data)] = cause
		return nil
	}
	w := NewWorker(WorkerConfig{
		Stage: "t", Subject: SubjectTranscribe, Concurrency: 2, RetryDelay: 10 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 2 * time.Second, MaxDeliver: 3},
	}, js, handle, onFailure)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()

	for _, id := range []string{"ok", "permanent", "flaky", "always"} {
		if _, err := js.Publish(ctx, SubjectTranscribe, []byte(id)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, func() bool {
		o.mu.Lock()
		defer o.mu.Unlock()
		return len(o.failed) == 2 && o.handled["flaky"] == 2 && o.handled["ok"] == 1
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.handled["permanent"] != 1 {
		t.Errorf("a permanent failure is not retried: handled %d times", o.handled["permanent"])
	}
	if o.handled["always"] != 3 || o.attempts["always"] != 3 {
		t.Errorf("a transient failure is retried up to MaxDeliver=3: handled %d", o.handled["always"])
	}
	if !errors.Is(o.failed["permanent"], ErrPermanent) || !errors.Is(o.failed["always"], errBoom) {
		t.Errorf("failures: %v", o.failed)
	}
	if _, ok := o.failed["flaky"]; ok {
		t.Error("a job that succeeded on retry is not a failure")
	}
	if n, err := Pending(context.Background(), js); err != nil || n != 0 {
		t.Errorf("every job is acknowledged: %d pending, %v", n, err)
	}
}

func TestBatchWorkerRetriesWholeBatch(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var calls atomic.Int32
	var mu sync.Mutex
	written := map[string]int{}
	handle := func(ctx context.Context, batch []Delivery) error {
		if calls.Add(1) == 1 {
			return errors.New("clickhouse is away") // the first batch fails as a whole
		}
		mu.Lock()
		defer mu.Unlock()
		for _, d := range batch {
			written[string(d.Data)]++
		}
		return nil
	}
	w := NewBatchWorker(BatchConfig{Stage: "s", Subject: SubjectStore, MaxBatch: 50,
		FlushInterval: 50 * time.Millisecond, RetryDelay: 20 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 2 * time.Second, MaxDeliver: -1}}, js, handle)
	const n = 120
	for i := range n {
		if err := Publish(ctx, js, statusJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	// The same job again has the same message id: JetStream drops it.
	if err := Publish(ctx, js, statusJob(0)); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	waitFor(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(written) == n
	})
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	for k, c := range written {
		if c != 1 {
			t.Errorf("%s written %d times", k, c)
		}
	}
}

func statusJob(i int) schemas.StoreJob {
	return schemas.StoreJob{Status: &schemas.Status{ObjectKey: fmt.Sprintf("calls/%d.wav", i), ETag: "e", CallID: fmt.Sprint(i),
		Stage: schemas.StageIngest, State: schemas.StateQueued, Attempts: 1, At: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 15s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestBatchWorkerFillsFromAStream: jobs that keep coming, a few per flush
// interval, are written in batches that span several intervals (one
// ClickHouse part per table per batch is the store's main cost), up to
// MaxWait; a lone job is written after about one quiet interval.
func TestBatchWorkerFillsFromAStream(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type written struct {
		n  int
		at time.Time
	}
	batches := make(chan written, 100)
	handle := func(ctx context.Context, batch []Delivery) error {
		batches <- written{len(batch), time.Now()}
		return nil
	}
	const flush = 200 * time.Millisecond
	w := NewBatchWorker(BatchConfig{Stage: "s", Subject: SubjectStore, MaxBatch: 1000, FlushInterval: flush,
		MaxWait: 5 * flush, Consumer: ConsumerConfig{AckWait: 5 * time.Second, MaxDeliver: -1}}, js, handle)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()

	// A lone job.
	sent := time.Now()
	if err := Publish(ctx, js, statusJob(0)); err != nil {
		t.Fatal(err)
	}
	b := <-batches
	if b.n != 1 || b.at.Sub(sent) > 4*flush {
		t.Errorf("a lone job: batch of %d after %v, want 1 within %v", b.n, b.at.Sub(sent), 4*flush)
	}

	// A stream: one job every 10 ms for 2 s, twenty per flush interval.
	const n = 200
	go func() {
		for i := 1; i <= n; i++ {
			if ctx.Err() != nil {
				return
			}
			_ = Publish(ctx, js, statusJob(i))
			time.Sleep(10 * time.Millisecond)
		}
	}()
	total, largest := 0, 0
	for total < n {
		select {
		case b := <-batches:
			total += b.n
			largest = max(largest, b.n)
		case <-time.After(10 * time.Second):
			t.Fatalf("%d of %d jobs written", total, n)
		}
	}
	// One interval holds about 20 jobs; MaxWait (5 intervals) about 100.
	if largest < 45 || largest > 130 {
		t.Errorf("largest batch of a steady stream: %d jobs, want about 100 (several flush intervals, at most MaxWait)", largest)
	}
}
