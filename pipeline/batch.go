package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// BatchHandler processes a batch of jobs at once (the store stage writes a
// batch in one INSERT). A nil error acknowledges every job in the batch
// but those it marked HandBack, which go back to the stream for another
// worker; an error hands them all back for a later retry.
type BatchHandler func(ctx context.Context, batch []Delivery) error

// BatchConfig configures a batch worker.
type BatchConfig struct {
	Stage    string
	Subject  string
	Consumer ConsumerConfig
	// MaxBatch is the most jobs handled at once. A batch is handled when it
	// is full, when FlushInterval passes without a new job, or when its
	// first job has waited MaxWait while more kept coming (default 5 ×
	// FlushInterval). A lone job so waits about FlushInterval, and a steady
	// stream (a reprocessing run) is written in batches of up to MaxBatch:
	// each batch costs ClickHouse a new part per table, a fixed cost that
	// dwarfs the rows' own at a hundred rows a batch.
	MaxBatch      int
	FlushInterval time.Duration
	MaxWait       time.Duration
	RetryDelay    time.Duration
	// MaxRetryDelay caps the back-off between tries of a failing batch
	// (default 15 s), so the backlog drains soon after ClickHouse is back.
	MaxRetryDelay time.Duration
	// Metrics, when set, counts written jobs and batch latency.
	Metrics *Metrics
	Logger  *slog.Logger
}

// BatchWorker runs a BatchHandler over a stage's durable consumer.
type BatchWorker struct {
	cfg    BatchConfig
	js     jetstream.JetStream
	handle BatchHandler
}

// NewBatchWorker builds a batch worker; Run starts it.
func NewBatchWorker(cfg BatchConfig, js jetstream.JetStream, handle BatchHandler) *BatchWorker {
	if cfg.MaxBatch < 1 {
		cfg.MaxBatch = 500
	}
	if cfg.FlushInterval == 0 {
		cfg.FlushInterval = 200 * time.Millisecond
	}
	if cfg.MaxWait < cfg.FlushInterval {
		cfg.MaxWait = 5 * cfg.FlushInterval
	}
	if cfg.RetryDelay == 0 {
		cfg.RetryDelay = time.Second
	}
	if cfg.MaxRetryDelay == 0 {
		cfg.MaxRetryDelay = 15 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &BatchWorker{cfg: cfg, js: js, handle: handle}
}

// Run handles batches until ctx is cancelled. The batch in hand when ctx is
// cancelled is finished (written and acknowledged) before Run returns.
func (w *BatchWorker) Run(ctx context.Context) error {
	cons, err := EnsureConsumer(ctx, w.js, w.cfg.Stage, w.cfg.Subject, w.cfg.Consumer)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it started
		}
		return err
	}
	log := w.cfg.Logger.With("stage", w.cfg.Stage)
	jobCtx := context.WithoutCancel(ctx)
	failures := 0
	for ctx.Err() == nil {
		msgs, deliveries, err := w.collect(ctx, cons)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			log.Warn("fetch failed", "err", err)
			sleep(ctx, w.cfg.RetryDelay)
			continue
		}
		if len(msgs) == 0 {
			continue
		}
		start := time.Now()
		stop := keepInProgress(w.cfg.Consumer.ackWait(), msgs...)
		err = w.handle(jobCtx, deliveries)
		stop()
		if err != nil {
			failures++
			delay := min(w.cfg.RetryDelay<<min(failures-1, 6), w.cfg.MaxRetryDelay)
			log.Warn("batch failed; will retry", "jobs", len(msgs), "retry_in", delay, "err", err)
			for _, m := range msgs {
				_ = m.NakWithDelay(delay)
			}
			continue
		}
		failures = 0
		// Jobs the handler marked are handed back; the others are done.
		done := make([]jetstream.Msg, 0, len(msgs))
		for i, m := range msgs {
			if deliveries[i].HandBack {
				_ = m.NakWithDelay(w.handBackDelay(deliveries[i].Attempt))
				continue
			}
			done = append(done, m)
		}
		if len(done) > 0 {
			w.cfg.Metrics.observeBatch(w.cfg.Stage, len(done), time.Since(start))
			ackBatch(done, log)
		}
	}
	return nil
}

// handBackDelay is how long a job handed back on its attempt-th delivery
// waits before it is delivered again: RetryDelay, doubling with each
// delivery up to MaxRetryDelay. A newer worker next to this one soon takes
// it; with none (only workers that cannot read it), it keeps coming back
// at most every MaxRetryDelay and stays in the stream, never acknowledged,
// until one is started.
func (w *BatchWorker) handBackDelay(attempt int) time.Duration {
	return min(w.cfg.RetryDelay<<min(max(attempt-1, 0), 6), w.cfg.MaxRetryDelay)
}

// collect fetches one batch: jobs until MaxBatch, or until a flush
// interval brings none, or until the first has waited MaxWait. An error
// with jobs in hand is dropped: the jobs are handled, and the next fetch
// meets the error again if it lasts.
func (w *BatchWorker) collect(ctx context.Context, cons jetstream.Consumer) ([]jetstream.Msg, []Delivery, error) {
	var msgs []jetstream.Msg
	var deliveries []Delivery
	var first time.Time
	for ctx.Err() == nil && len(msgs) < w.cfg.MaxBatch {
		wait := w.cfg.FlushInterval
		if len(msgs) > 0 {
			wait = min(wait, w.cfg.MaxWait-time.Since(first))
			if wait < 10*time.Millisecond {
				break
			}
		}
		batch, err := cons.Fetch(w.cfg.MaxBatch-len(msgs), jetstream.FetchMaxWait(wait))
		if err != nil {
			if errors.Is(err, jetstream.ErrNoMessages) || errors.Is(err, context.DeadlineExceeded) {
				err = nil
			}
			if len(msgs) > 0 || err != nil {
				return msgs, deliveries, err
			}
			continue
		}
		n := len(msgs)
		for msg := range batch.Messages() {
			attempt := 1
			if md, err := msg.Metadata(); err == nil {
				attempt = int(md.NumDelivered)
			}
			msgs = append(msgs, msg)
			deliveries = append(deliveries, Delivery{Subject: msg.Subject(), Data: msg.Data(), Attempt: attempt})
		}
		switch {
		case n == 0 && len(msgs) > 0:
			first = time.Now().Add(-wait) // the first may have come at the start of the wait
		case len(msgs) == n && n > 0:
			return msgs, deliveries, nil // a flush interval without a new job
		}
	}
	return msgs, deliveries, nil
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// ackBatch acks a written batch. The last ack waits for the server's
// answer, which comes after the acks sent before it: when the worker stops
// after a batch, the batch has left the stream (an ack merely sent could
// be lost with the process, and the batch written again). One round trip
// a batch, not one a job.
func ackBatch(msgs []jetstream.Msg, log *slog.Logger) {
	for i, m := range msgs {
		var err error
		if i < len(msgs)-1 {
			err = m.Ack()
		} else {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = m.DoubleAck(ctx)
			cancel()
		}
		if err != nil {
			log.Warn("ack failed; the job will be delivered again", "err", fmt.Errorf("ack: %w", err))
		}
	}
}
