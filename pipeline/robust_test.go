package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/schemas"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runWorker(t *testing.T, w interface{ Run(context.Context) error }) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				err = errors.New("worker did not stop within 20 s")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// TestDeadLetter: a job given up on lands on callscope.dead.<stage> with the
// reason and attempt count, and the failure handler records it.
func TestDeadLetter(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	var failed atomic.Int32
	w := NewWorker(WorkerConfig{Stage: "transcribe", Subject: SubjectTranscribe, RetryDelay: 10 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 2 * time.Second, MaxDeliver: 2}, Metrics: NewMetrics()}, js,
		func(ctx context.Context, d Delivery) error {
			if string(d.Data) == "bad" {
				return Permanent(errors.New("not a RIFF/WAVE file\nsecond line"))
			}
			return errors.New("keeps failing")
		},
		func(ctx context.Context, d Delivery, cause error) error { failed.Add(1); return nil })
	stop := runWorker(t, w)
	for _, body := range []string{"bad", "flaky"} {
		if _, err := js.Publish(ctx, SubjectTranscribe, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, func() bool { return failed.Load() == 2 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	dead, err := DeadLetters(ctx, js, "transcribe", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 2 || dead[0].Seq >= dead[1].Seq {
		t.Errorf("read %d dead letters (%+v), want the 2 in stream order, each once", len(dead), dead)
	}
	if one, err := DeadLetters(ctx, js, "", 1); err != nil || len(one) != 1 || one[0].Seq != dead[0].Seq {
		t.Errorf("the first dead letter only: %+v, %v", one, err)
	}
	got := map[string]DeadLetter{}
	for _, d := range dead {
		got[string(d.Data)] = d
	}
	if d := got["bad"]; d.Reason != "not a RIFF/WAVE file second line" || d.Attempts != 1 || d.Subject != SubjectTranscribe || d.Stage != "transcribe" {
		t.Errorf("dead letter of a permanent failure = %+v", d)
	}
	if d := got["flaky"]; d.Reason != "keeps failing" || d.Attempts != 2 {
		t.Errorf("dead letter after MaxDeliver = %+v", d)
	}
	if n, _ := Pending(ctx, js); n != 0 {
		t.Errorf("%d jobs left in the work queue", n)
	}
	if p, f := w.cfg.Metrics.Counts("transcribe"); p != 0 || f != 2 {
		t.Errorf("metrics: processed %d failed %d, want 0 and 2", p, f)
	}
}

// TestReplayDead: a dead-lettered job replayed once its cause is fixed is
// handled, and leaves the dead-letter stream; a letter naming no jobs
// subject is refused.
func TestReplayDead(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	var fixed atomic.Bool
	var handled, failed atomic.Int32
	w := NewWorker(WorkerConfig{Stage: "transcribe", Subject: SubjectTranscribe, RetryDelay: 10 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 2 * time.Second, MaxDeliver: 2}}, js,
		func(ctx context.Context, d Delivery) error {
			if !fixed.Load() {
				return Permanent(errors.New("ASR model missing"))
			}
			handled.Add(1)
			return nil
		},
		func(ctx context.Context, d Delivery, cause error) error { failed.Add(1); return nil })
	runWorker(t, w)
	// The job's own message id stays in the duplicate window: the replay
	// must not be swallowed by it.
	if err := Publish(ctx, js, schemas.TranscribeJob{CallID: "c-1", Audio: schemas.Object{Bucket: "calls", Key: "c-1.wav", ETag: "e1"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return failed.Load() == 1 })
	dead, err := DeadLetters(ctx, js, "", 10)
	if err != nil || len(dead) != 1 || dead[0].Reason != "ASR model missing" {
		t.Fatalf("dead letters before the replay: %+v, %v", dead, err)
	}
	fixed.Store(true)
	if err := ReplayDead(ctx, js, dead[0]); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return handled.Load() == 1 })
	if left, err := DeadLetters(ctx, js, "", 10); err != nil || len(left) != 0 {
		t.Errorf("dead letters after the replay: %+v, %v", left, err)
	}
	stray := DeadLetter{Seq: 99, Subject: "elsewhere.jobs", Data: []byte("{}")}
	if err := ReplayDead(ctx, js, stray); !errors.Is(err, ErrNotReplayable) {
		t.Errorf("replay of a letter to %q: %v, want ErrNotReplayable", stray.Subject, err)
	}
}

// TestUnavailableHoldsTheJob: while a server is away the job is held and
// retried without using up its attempts, so an outage longer than the
// retry budget fails nothing.
func TestUnavailableHoldsTheJob(t *testing.T) {
	js := startJetStream(t)
	var tries atomic.Int32
	var failed atomic.Int32
	var ok atomic.Int32
	w := NewWorker(WorkerConfig{Stage: "analyze", Subject: SubjectAnalyze, RetryDelay: 5 * time.Millisecond, UnavailableDelay: 20 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 2 * time.Second, MaxDeliver: 2}}, js,
		func(ctx context.Context, d Delivery) error {
			if tries.Add(1) <= 8 {
				return fmt.Errorf("analyze: read s3://t/k: %w", errors.New("dial tcp 127.0.0.1:9: connect: connection refused"))
			}
			ok.Add(1)
			return nil
		},
		func(ctx context.Context, d Delivery, cause error) error { failed.Add(1); return nil })
	stop := runWorker(t, w)
	if _, err := js.Publish(context.Background(), SubjectAnalyze, []byte("job")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return ok.Load() == 1 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if failed.Load() != 0 {
		t.Error("a job that met an unavailable server was recorded as failed")
	}
}

func TestIsUnavailable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{errors.New("wav: not a RIFF/WAVE file"), false},
		{fmt.Errorf("store: %w", context.DeadlineExceeded), true},
		{fmt.Errorf("x: %w", errors.New("dial tcp 1.2.3.4:9000: connect: connection refused")), true},
		{Permanent(errors.New("connection refused")), false},
		{Unavailable(errors.New("clickhouse is starting")), true},
		{errors.New("Server not initialized yet, please try again."), true},
		{nil, false},
	}
	for _, tt := range tests {
		if got := IsUnavailable(tt.err); got != tt.want {
			t.Errorf("IsUnavailable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestSpareDelivery: a worker that dies during the last allowed attempt
// does not leave the job stuck: the consumer's spare delivery records the
// failure without running the handler again.
func TestSpareDelivery(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	cc := ConsumerConfig{AckWait: 300 * time.Millisecond, MaxDeliver: 2}
	cons, err := EnsureConsumer(ctx, js, "analyze", SubjectAnalyze, cc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, SubjectAnalyze, []byte("job")); err != nil {
		t.Fatal(err)
	}
	// Two deliveries that are never acknowledged: workers that died.
	for i := range 2 {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for range b.Messages() {
			n++
		}
		if n != 1 {
			t.Fatalf("delivery %d: got %d messages", i+1, n)
		}
	}
	var handled, failed atomic.Int32
	var cause atomic.Value
	w := NewWorker(WorkerConfig{Stage: "analyze", Subject: SubjectAnalyze, Consumer: cc}, js,
		func(ctx context.Context, d Delivery) error { handled.Add(1); return nil },
		func(ctx context.Context, d Delivery, err error) error {
			cause.Store(err.Error())
			failed.Add(1)
			return nil
		})
	stop := runWorker(t, w)
	waitFor(t, func() bool { return failed.Load() == 1 })
	_ = stop()
	if handled.Load() != 0 {
		t.Error("the handler ran on the spare delivery")
	}
	if c, _ := cause.Load().(string); !strings.Contains(c, "gave up after 2 attempts") {
		t.Errorf("cause = %q", c)
	}
	if n, _ := Pending(ctx, js); n != 0 {
		t.Errorf("%d jobs stuck in the work queue", n)
	}
}

// TestGracefulShutdown: cancelling a worker while it handles jobs lets them
// finish and be acknowledged; the batch worker writes the batch in hand.
func TestGracefulShutdown(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	started := make(chan struct{}, 10)
	var finished atomic.Int32
	w := NewWorker(WorkerConfig{Stage: "transcribe", Subject: SubjectTranscribe, Concurrency: 2,
		Consumer: ConsumerConfig{AckWait: 5 * time.Second, MaxDeliver: 3}}, js,
		func(ctx context.Context, d Delivery) error {
			started <- struct{}{}
			time.Sleep(400 * time.Millisecond)
			finished.Add(1)
			return nil
		}, nil)
	stop := runWorker(t, w)
	for i := range 2 {
		if _, err := js.Publish(ctx, SubjectTranscribe, []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	<-started
	<-started
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if finished.Load() != 2 {
		t.Errorf("%d of 2 jobs in hand finished before Run returned", finished.Load())
	}

	var written atomic.Int32
	inBatch := make(chan struct{}, 1)
	bw := NewBatchWorker(BatchConfig{Stage: "store", Subject: SubjectStore, MaxBatch: 10, FlushInterval: 300 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 5 * time.Second, MaxDeliver: -1}}, js,
		func(ctx context.Context, batch []Delivery) error {
			select {
			case inBatch <- struct{}{}:
			default:
			}
			time.Sleep(400 * time.Millisecond)
			written.Add(int32(len(batch)))
			return nil
		})
	for i := range 5 {
		if _, err := js.Publish(ctx, SubjectStore, []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	stopBatch := runWorker(t, bw)
	<-inBatch
	if err := stopBatch(); err != nil {
		t.Fatal(err)
	}
	if n, _ := Pending(ctx, js); n != 0 || written.Load() != 5 {
		t.Errorf("after shutdown: %d written, %d left in the stream; want 5 and 0", written.Load(), n)
	}
}

func TestMetricsPrometheusText(t *testing.T) {
	m := NewMetrics()
	m.Observe("analyze", OutcomeProcessed, 3*time.Millisecond)
	m.Observe("analyze", OutcomeProcessed, 70*time.Millisecond)
	m.Observe("analyze", OutcomeFailed, 2*time.Second)
	m.Observe("transcribe", OutcomeRetried, 0)
	m.Observe("transcribe", OutcomeUnavailable, 0)
	m.observeBatch("store", 500, 250*time.Millisecond)
	var b bytes.Buffer
	if err := m.WritePrometheus(&b, []QueueDepth{{Stage: "analyze", Waiting: 12, InFlight: 4}, {Stage: "store", Waiting: 0, InFlight: 500}}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "metrics.golden"), b.Bytes(), *update, "go test ./pipeline -update")
}
