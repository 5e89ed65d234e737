package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestStageHandsBackANewerLayout: a store worker in a rolling upgrade, over
// a real JetStream stream and chDB. One batch holds two analyses it reads,
// one of a newer binary layout (a newer analyze worker's) and one broken
// body. The two are stored and acknowledged; the broken one is dropped as
// before; the newer one is handed back, not acknowledged, and comes back
// while no newer worker runs, so it is still in the stream for one. Before,
// it was logged «cannot be read» and acknowledged: the analysis was lost.
func TestStageHandsBackANewerLayout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := migratedChDB(t)
	js := memoryStream(t, ctx)

	one, two, three := sample("call-1", t0), sample("call-2", t0), sample("call-3", t0)
	for _, a := range []*schemas.Analysis{&one, &two} {
		if err := pipeline.Publish(ctx, js, schemas.StoreJob{Analysis: a}); err != nil {
			t.Fatal(err)
		}
	}
	newer, err := pipeline.NewMsg(schemas.StoreJob{Analysis: &three})
	if err != nil {
		t.Fatal(err)
	}
	newer.Data[3]++ // the magic's last byte: the layout version
	if _, err := schemas.DecodeStoreJob(newer.Data); !errors.Is(err, schemas.ErrNewerLayout) {
		t.Fatalf("the bumped body decodes with %v, want ErrNewerLayout", err)
	}
	if _, err := js.PublishMsg(ctx, newer); err != nil {
		t.Fatal(err)
	}
	broken := schemas.EncodeStoreJob(schemas.StoreJob{Analysis: &three})[:12]
	if _, err := js.Publish(ctx, pipeline.SubjectStore, broken); err != nil {
		t.Fatal(err)
	}

	stage := store.NewStage(db, nil)
	var mu sync.Mutex
	var batchSizes []int
	var handedBack [][]byte
	handle := func(ctx context.Context, batch []pipeline.Delivery) error {
		err := stage.Handle(ctx, batch)
		mu.Lock()
		defer mu.Unlock()
		batchSizes = append(batchSizes, len(batch))
		for _, d := range batch {
			if d.HandBack {
				handedBack = append(handedBack, d.Data)
			}
		}
		return err
	}
	w := pipeline.NewBatchWorker(pipeline.BatchConfig{Stage: "store", Subject: pipeline.SubjectStore, MaxBatch: 50,
		FlushInterval: 50 * time.Millisecond, RetryDelay: 20 * time.Millisecond, MaxRetryDelay: 100 * time.Millisecond,
		Consumer: pipeline.ConsumerConfig{AckWait: 5 * time.Second, MaxDeliver: -1}}, js, handle)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()

	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		n := len(handedBack)
		mu.Unlock()
		if n >= 3 {
			break
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("the newer job was handed back %d times in 30 s, want it to keep coming back", n)
		}
	}
	mu.Lock()
	if batchSizes[0] != 4 {
		t.Errorf("first batch of %d jobs, want the 4 published (a mixed batch)", batchSizes[0])
	}
	for _, data := range handedBack {
		if string(data) != string(newer.Data) {
			t.Errorf("handed back a job of %d bytes, want only the newer one (%d bytes)", len(data), len(newer.Data))
		}
	}
	mu.Unlock()
	if n := countCalls(t, db); n != 2 {
		t.Errorf("%d calls stored, want the 2 readable ones", n)
	}
	if n, err := pipeline.Pending(ctx, js); err != nil || n != 1 {
		t.Errorf("%d jobs in the stream (%v), want the newer one only (the others acknowledged, the broken one dropped)", n, err)
	}
}
