package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Stream and subjects. The stream is a work queue: a message is removed once
// a stage acknowledges it, and each stage has its own durable consumer.
const (
	StreamJobs = "CALLSCOPE_JOBS"

	SubjectIngestS3    = "callscope.jobs.ingest.s3"   // S3 bucket notifications (MinIO publishes them)
	SubjectIngestScan  = "callscope.jobs.ingest.scan" // IngestJob from a bucket scan
	SubjectIngest      = "callscope.jobs.ingest.>"
	SubjectTranscribe  = "callscope.jobs.transcribe"
	SubjectAnalyze     = "callscope.jobs.analyze"
	SubjectStore       = "callscope.jobs.store"
	subjectAllJobs     = "callscope.jobs.>"
	subjectJobsPrefix  = "callscope.jobs."
	defaultDuplicates  = 2 * time.Minute
	consumerNamePrefix = "callscope-"
)

// StreamConfig tunes the jobs stream.
type StreamConfig struct {
	// Replicas is the number of stream replicas in a NATS cluster (1 here).
	Replicas int
	// DuplicateWindow is how long JetStream remembers Nats-Msg-Id values.
	DuplicateWindow time.Duration
	// Memory keeps the streams in memory instead of on disk (tests only).
	Memory bool
	// DeadMaxAge is how long the dead-letter stream keeps a job (default 30
	// days); DeadMaxBytes caps its size (0: no cap), oldest dropped first.
	DeadMaxAge   time.Duration
	DeadMaxBytes int64
}

// storage is where the streams and the bucket are kept (Memory).
func (cfg StreamConfig) storage() jetstream.StorageType {
	if cfg.Memory {
		return jetstream.MemoryStorage
	}
	return jetstream.FileStorage
}

// EnsureStream creates or updates the jobs stream, the dead-letter stream
// and the call-id claims bucket. It is idempotent.
func EnsureStream(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) error {
	if cfg.Replicas == 0 {
		cfg.Replicas = 1
	}
	if cfg.DuplicateWindow == 0 {
		cfg.DuplicateWindow = defaultDuplicates
	}
	_, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamJobs,
		Description: "callscope jobs: ingest -> transcribe -> analyze -> store",
		Subjects:    []string{subjectAllJobs},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     cfg.storage(),
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DuplicateWindow,
	})
	if err != nil {
		return fmt.Errorf("pipeline: create stream %s: %w", StreamJobs, err)
	}
	if err := ensureDeadStream(ctx, js, cfg); err != nil {
		return err
	}
	return ensureCallIDs(ctx, js, cfg)
}

// ConsumerConfig tunes one stage's durable consumer.
type ConsumerConfig struct {
	// AckWait is how long a delivered job may go unacknowledged before it is
	// delivered again. Workers send in-progress heartbeats while they work,
	// so a long ASR job does not expire.
	AckWait time.Duration
	// MaxDeliver is how many times a job is tried before the stage records
	// it as failed. -1 retries for ever (the store stage: nothing is lost
	// while ClickHouse is away). The consumer itself allows one delivery
	// more: if a worker dies during the last attempt, the extra delivery
	// records the failure instead of leaving the job stuck in the stream.
	MaxDeliver int
	// MaxAckPending caps the jobs delivered and not yet acknowledged
	// (default 1000). A batch worker needs at least its batch size.
	MaxAckPending int
}

// DefaultAckWait is a consumer's AckWait when its configuration names none.
const DefaultAckWait = 30 * time.Second

func (cfg ConsumerConfig) ackWait() time.Duration {
	if cfg.AckWait == 0 {
		return DefaultAckWait
	}
	return cfg.AckWait
}

// keepInProgress tells JetStream that msgs are still being worked on, at a
// third of ackWait so that one lost heartbeat does not expire them, until
// the returned stop function is called.
func keepInProgress(ackWait time.Duration, msgs ...jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(ackWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					_ = m.InProgress()
				}
			}
		}
	}()
	return func() { close(done) }
}

// EnsureConsumer creates or updates the durable consumer of a stage.
func EnsureConsumer(ctx context.Context, js jetstream.JetStream, stage, subject string, cfg ConsumerConfig) (jetstream.Consumer, error) {
	cfg.AckWait = cfg.ackWait()
	if cfg.MaxDeliver == 0 {
		cfg.MaxDeliver = 5
	}
	if cfg.MaxAckPending <= 0 {
		cfg.MaxAckPending = 1000
	}
	c, err := js.CreateOrUpdateConsumer(ctx, StreamJobs, jetstream.ConsumerConfig{
		Durable:       consumerNamePrefix + stage,
		Description:   "callscope " + stage + " stage",
		FilterSubject: subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    consumerMaxDeliver(cfg.MaxDeliver),
		MaxAckPending: cfg.MaxAckPending,
	})
	if err != nil {
		return nil, fmt.Errorf("pipeline: create consumer for stage %s: %w", stage, err)
	}
	return c, nil
}

// Pending reports how many jobs wait or are in flight for every stage.
func Pending(ctx context.Context, js jetstream.JetStream) (uint64, error) {
	s, err := js.Stream(ctx, StreamJobs)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("pipeline: stream %s: %w", StreamJobs, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("pipeline: stream %s info: %w", StreamJobs, err)
	}
	return info.State.Msgs, nil
}

func consumerMaxDeliver(n int) int {
	if n < 0 {
		return -1
	}
	return n + 1
}

// QueueDepth is the work of one stage's consumer.
type QueueDepth struct {
	Stage string
	// Waiting jobs not yet delivered; InFlight delivered and not yet
	// acknowledged.
	Waiting, InFlight uint64
}

// QueueDepths reports the depth of every stage's durable consumer that
// exists.
func QueueDepths(ctx context.Context, js jetstream.JetStream, stages ...string) ([]QueueDepth, error) {
	var out []QueueDepth
	for _, st := range stages {
		c, err := js.Consumer(ctx, StreamJobs, consumerNamePrefix+st)
		if errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("pipeline: consumer of stage %s: %w", st, err)
		}
		info := c.CachedInfo()
		if fresh, err := c.Info(ctx); err == nil {
			info = fresh
		}
		out = append(out, QueueDepth{Stage: st, Waiting: info.NumPending, InFlight: uint64(info.NumAckPending)})
	}
	return out, nil
}

// Stages are the stage names in pipeline order, as their consumers are named.
var Stages = []string{"ingest", "transcribe", "analyze", "store"}
