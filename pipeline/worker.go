package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrPermanent marks a failure that no retry can mend (a file that is not
// audio, a sidecar that is not JSON): the job is recorded as failed at once.
var ErrPermanent = errors.New("permanent failure")

// Permanent marks err so that errors.Is(err, ErrPermanent) holds. Its
// message is err's own: the mark is for the worker, the message for people.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err is marked permanent: it wraps
// ErrPermanent, or an error whose Permanent method returns true (how a
// stage that does not import pipeline marks its errors, e.g.
// analyze.PermanentError).
func IsPermanent(err error) bool {
	if errors.Is(err, ErrPermanent) {
		return true
	}
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}

type permanentError struct{ err error }

func (e permanentError) Error() string        { return e.err.Error() }
func (e permanentError) Unwrap() error        { return e.err }
func (e permanentError) Is(target error) bool { return target == ErrPermanent }

// Delivery is one job handed to a stage.
type Delivery struct {
	Subject string
	Data    []byte
	// Attempt counts deliveries of this job, from 1.
	Attempt int
	// HandBack is set by a BatchHandler (batch[i].HandBack = true) on a job
	// this worker cannot handle but another one can (a store job of a newer
	// layout, during a rolling upgrade): when the batch succeeds, the job is
	// handed back to the stream with a delay instead of acknowledged, and
	// goes to whichever worker fetches next. A Handler gets its Delivery by
	// value and cannot set it.
	HandBack bool
}

// Handler processes one job. A nil error acknowledges it; an error wrapping
// ErrPermanent, or any error on the last allowed attempt, goes to the
// worker's OnFailure and is then acknowledged; any other error hands the job
// back for a later retry.
type Handler func(ctx context.Context, d Delivery) error

// FailureHandler records a job that will not be retried (as a failed status).
// If it returns an error the job is handed back, so nothing is lost.
type FailureHandler func(ctx context.Context, d Delivery, cause error) error

// WorkerConfig configures a stage worker.
type WorkerConfig struct {
	Stage       string
	Subject     string
	Consumer    ConsumerConfig
	Concurrency int
	// RetryDelay is the first back-off delay; it doubles per attempt up to
	// one minute.
	RetryDelay time.Duration
	// UnavailableDelay caps the wait between tries of a job while a server
	// it needs is away (default 10 s); see IsUnavailable.
	UnavailableDelay time.Duration
	// Metrics, when set, counts the outcomes and latency of jobs.
	Metrics *Metrics
	Logger  *slog.Logger
}

// Worker runs one stage's handler over its durable consumer.
type Worker struct {
	cfg       WorkerConfig
	js        jetstream.JetStream
	handle    Handler
	onFailure FailureHandler
}

// NewWorker builds a worker; Run starts it.
func NewWorker(cfg WorkerConfig, js jetstream.JetStream, handle Handler, onFailure FailureHandler) *Worker {
	if cfg.Concurrency < 1 {
		cfg.Concurrency = 1
	}
	if cfg.RetryDelay == 0 {
		cfg.RetryDelay = time.Second
	}
	if cfg.UnavailableDelay == 0 {
		cfg.UnavailableDelay = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Worker{cfg: cfg, js: js, handle: handle, onFailure: onFailure}
}

// Run consumes jobs until ctx is cancelled, then finishes the jobs in hand
// (a job waiting for a server that is away is handed back instead) and
// returns.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := EnsureConsumer(ctx, w.js, w.cfg.Stage, w.cfg.Subject, w.cfg.Consumer)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it started
		}
		return err
	}
	msgs, err := cons.Messages(jetstream.PullMaxMessages(w.cfg.Concurrency))
	if err != nil {
		return fmt.Errorf("pipeline: stage %s: subscribe: %w", w.cfg.Stage, err)
	}
	return w.consume(ctx, jsIter{msgs})
}

// messageIter is what a worker needs of a consumer's message iterator:
// the next job (waiting until ctx ends), and to drain or stop it.
type messageIter interface {
	Next(ctx context.Context) (jetstream.Msg, error)
	Drain()
	Stop()
}

// jsIter is a jetstream.MessagesContext as a messageIter.
type jsIter struct{ jetstream.MessagesContext }

func (it jsIter) Next(ctx context.Context) (jetstream.Msg, error) {
	return it.MessagesContext.Next(jetstream.NextContext(ctx))
}

// drainGrace bounds a worker's shutdown: once ctx ends, the iterator is
// drained (the jobs it has buffered are still handled) and Next should
// soon report it closed; if it has not within drainGrace, the worker stops
// waiting, and whatever the iterator still holds is delivered again after
// AckWait. Without the bound a drain that never completed (the iterator's
// channel never closed) kept Run, and a process's shutdown, waiting for
// ever.
var drainGrace = 10 * time.Second

// consume hands the iterator's jobs to the handler until ctx ends and the
// iterator is drained (or drainGrace has passed), then waits for the jobs
// in hand.
func (w *Worker) consume(ctx context.Context, msgs messageIter) error {
	// Next waits on nextCtx, which ends drainGrace after ctx.
	nextCtx, giveUp := context.WithCancel(context.WithoutCancel(ctx))
	defer giveUp()
	go func() {
		select {
		case <-ctx.Done():
		case <-nextCtx.Done():
			return
		}
		msgs.Drain()
		t := time.NewTimer(drainGrace)
		defer t.Stop()
		select {
		case <-t.C:
			giveUp()
		case <-nextCtx.Done():
		}
	}()

	// In-flight jobs finish with their own context so a shutdown does not
	// abort half-written results; they are acknowledged or handed back.
	jobCtx := context.WithoutCancel(ctx)
	var wg sync.WaitGroup
	sem := make(chan struct{}, w.cfg.Concurrency)
	for {
		msg, err := msgs.Next(nextCtx)
		if err != nil {
			wg.Wait()
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) || ctx.Err() != nil {
				if !errors.Is(err, jetstream.ErrMsgIteratorClosed) {
					w.cfg.Logger.Warn("the job iterator did not drain in time; stopping it", "stage", w.cfg.Stage, "grace", drainGrace, "err", err)
					msgs.Stop()
				}
				return nil
			}
			return fmt.Errorf("pipeline: stage %s: next job: %w", w.cfg.Stage, err)
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			w.process(jobCtx, ctx, msg)
		}()
	}
}

// process handles one job. ctx outlives a shutdown (the job finishes);
// stopping is the worker's own context, which only ends a wait for a server
// that is away.
func (w *Worker) process(ctx, stopping context.Context, msg jetstream.Msg) {
	log := w.cfg.Logger.With("stage", w.cfg.Stage)
	attempt := 1
	if md, err := msg.Metadata(); err == nil {
		attempt = int(md.NumDelivered)
	}
	d := Delivery{Subject: msg.Subject(), Data: msg.Data(), Attempt: attempt}
	start := time.Now()
	maxDeliver := w.cfg.Consumer.MaxDeliver

	var err error
	if maxDeliver > 0 && attempt > maxDeliver {
		// The consumer's spare delivery: a worker died during the last
		// attempt. Record the failure without trying again.
		err = fmt.Errorf("%w: gave up after %d attempts (the last one did not finish: worker lost?)", ErrPermanent, maxDeliver)
	} else {
		stop := keepInProgress(w.cfg.Consumer.ackWait(), msg)
		err = w.handleWhileAvailable(ctx, stopping, d, log)
		stop()
	}
	if err == nil {
		if err := msg.DoubleAck(ctx); err != nil {
			log.Warn("ack failed; the job will be delivered again", "err", err)
		}
		w.cfg.Metrics.Observe(w.cfg.Stage, OutcomeProcessed, time.Since(start))
		return
	}
	if IsUnavailable(err) && stopping.Err() != nil {
		// Shutting down while a server is away: hand the job back at once
		// to whichever worker is left.
		_ = msg.Nak()
		return
	}

	final := IsPermanent(err) || (maxDeliver > 0 && attempt >= maxDeliver)
	if !final {
		delay := w.cfg.RetryDelay << min(attempt-1, 6)
		delay = min(delay, time.Minute)
		log.Warn("job failed; will retry", "attempt", attempt, "retry_in", delay, "err", err)
		w.cfg.Metrics.Observe(w.cfg.Stage, OutcomeRetried, 0)
		_ = msg.NakWithDelay(delay)
		return
	}
	// A job given up on goes to the dead-letter subject first, then is
	// recorded as failed; if either cannot be written the job is handed
	// back, so it is never lost.
	if derr := publishDead(ctx, w.js, w.cfg.Stage, d, err); derr != nil {
		log.Error("could not dead-letter a failed job; handing it back", "err", derr, "cause", err)
		_ = msg.NakWithDelay(w.cfg.RetryDelay)
		return
	}
	if w.onFailure != nil {
		if ferr := w.onFailure(ctx, d, err); ferr != nil {
			log.Error("could not record failure; handing the job back", "err", ferr, "cause", err)
			_ = msg.NakWithDelay(w.cfg.RetryDelay)
			return
		}
	}
	log.Info("job failed", "attempt", attempt, "err", err)
	w.cfg.Metrics.Observe(w.cfg.Stage, OutcomeFailed, time.Since(start))
	if err := msg.DoubleAck(ctx); err != nil {
		log.Warn("ack of failed job failed", "err", err)
	}
}

// handleWhileAvailable runs the handler; while it fails because a server
// is away (IsUnavailable), it keeps the job in hand and tries again, so an
// outage longer than the retry budget does not fail good calls. The
// heartbeat keeps the job from being redelivered meanwhile.
func (w *Worker) handleWhileAvailable(ctx, stopping context.Context, d Delivery, log *slog.Logger) error {
	delay := w.cfg.RetryDelay
	for waited := 0; ; waited++ {
		err := w.handle(ctx, d)
		if err == nil || IsPermanent(err) || !IsUnavailable(err) {
			return err
		}
		w.cfg.Metrics.Observe(w.cfg.Stage, OutcomeUnavailable, 0)
		if waited == 0 {
			log.Warn("a server is away; holding the job until it is back", "err", err)
		}
		sleep(stopping, delay)
		if stopping.Err() != nil {
			return err
		}
		delay = min(delay*2, w.cfg.UnavailableDelay)
	}
}
