package pipeline

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
)

// newerLayoutMsg is the message publishing job as a worker of the next
// binary layout would: the magic's last byte (the layout version) one
// higher.
func newerLayoutMsg(t *testing.T, job schemas.StoreJob) []byte {
	t.Helper()
	msg, err := NewMsg(job)
	if err != nil {
		t.Fatal(err)
	}
	if !schemas.IsBinaryStoreJob(msg.Data) || len(msg.Data) < 4 {
		t.Fatal("a store job is not published in the binary form")
	}
	msg.Data[3]++
	if _, err := schemas.DecodeStoreJob(msg.Data); !errors.Is(err, schemas.ErrNewerLayout) {
		t.Fatalf("the bumped body decodes with %v, want ErrNewerLayout", err)
	}
	return msg.Data
}

// TestBatchWorkerHandsBackANewerLayout: a rolling upgrade, old and new
// store workers side by side. An old worker's batch holds two jobs it reads
// and one of a newer layout: the two are written and acknowledged, the
// newer one is handed back (not acknowledged, not failing the batch) and
// comes back while only old workers run; once a newer worker runs, it
// takes the job and the stream is empty. Before hand-back the old worker
// acknowledged the newer job with its batch and the analysis was lost.
func TestBatchWorkerHandsBackANewerLayout(t *testing.T) {
	js := startJetStream(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var mu sync.Mutex
	written := map[string]int{} // object key (or "newer") -> times written
	var batchSizes []int
	var newerAttempts []int // deliveries of the newer job to the old worker
	oldWorker := func(ctx context.Context, batch []Delivery) error {
		mu.Lock()
		defer mu.Unlock()
		batchSizes = append(batchSizes, len(batch))
		for i, d := range batch {
			job, err := schemas.DecodeStoreJob(d.Data)
			switch {
			case errors.Is(err, schemas.ErrNewerLayout):
				newerAttempts = append(newerAttempts, d.Attempt)
				batch[i].HandBack = true
			case err != nil:
				t.Errorf("old worker: %v", err)
			default:
				written[job.Status.ObjectKey]++
			}
		}
		return nil
	}
	// The newer worker reads every job (here: the newer layout is the one
	// it wrote).
	newWorker := func(ctx context.Context, batch []Delivery) error {
		mu.Lock()
		defer mu.Unlock()
		for _, d := range batch {
			job, err := schemas.DecodeStoreJob(d.Data)
			if errors.Is(err, schemas.ErrNewerLayout) {
				written["newer"]++
				continue
			}
			if err != nil {
				t.Errorf("new worker: %v", err)
				continue
			}
			written[job.Status.ObjectKey]++
		}
		return nil
	}
	cfg := BatchConfig{Stage: "store", Subject: SubjectStore, MaxBatch: 50,
		FlushInterval: 50 * time.Millisecond, RetryDelay: 20 * time.Millisecond, MaxRetryDelay: 100 * time.Millisecond,
		Consumer: ConsumerConfig{AckWait: 5 * time.Second, MaxDeliver: -1}}

	for i := range 2 {
		if err := Publish(ctx, js, statusJob(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := js.Publish(ctx, SubjectStore, newerLayoutMsg(t, statusJob(2))); err != nil {
		t.Fatal(err)
	}
	runWorker(t, NewBatchWorker(cfg, js, oldWorker)) // stopped at cleanup

	// Only old workers: the two are written once, the newer job keeps
	// coming back and stays in the stream.
	waitFor(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(newerAttempts) >= 3
	})
	mu.Lock()
	if batchSizes[0] != 3 {
		t.Errorf("first batch of %d jobs, want the 3 published (a mixed batch)", batchSizes[0])
	}
	if written["calls/0.wav"] != 1 || written["calls/1.wav"] != 1 || len(written) != 2 {
		t.Errorf("old worker wrote %v, want each readable job once", written)
	}
	for i, a := range newerAttempts {
		if a != i+1 {
			t.Errorf("the newer job's deliveries to the old worker: %v, want 1, 2, 3, ...", newerAttempts)
			break
		}
	}
	mu.Unlock()
	if n, err := Pending(ctx, js); err != nil || n != 1 {
		t.Errorf("%d jobs in the stream (%v), want the newer one only", n, err)
	}

	// A newer worker joins: it takes the job.
	runWorker(t, NewBatchWorker(cfg, js, newWorker))
	waitFor(t, func() bool {
		n, err := Pending(ctx, js)
		return err == nil && n == 0
	})
	mu.Lock()
	defer mu.Unlock()
	if written["newer"] != 1 || written["calls/0.wav"] != 1 || written["calls/1.wav"] != 1 {
		t.Errorf("written %v, want every job once", written)
	}
}

// TestBatchWorkerHandBackDelay: a handed-back job waits RetryDelay, doubling
// with its deliveries, never more than MaxRetryDelay.
func TestBatchWorkerHandBackDelay(t *testing.T) {
	w := NewBatchWorker(BatchConfig{RetryDelay: time.Second, MaxRetryDelay: 15 * time.Second}, nil, nil)
	tests := []struct {
		attempt int
		want    time.Duration
	}{
		{0, time.Second}, // no metadata
		{1, time.Second},
		{2, 2 * time.Second},
		{4, 8 * time.Second},
		{5, 15 * time.Second},
		{1000, 15 * time.Second},
	}
	for _, tt := range tests {
		if got := w.handBackDelay(tt.attempt); got != tt.want {
			t.Errorf("attempt %d: delay %v, want %v", tt.attempt, got, tt.want)
		}
	}
}
