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
	defaultDuplicates  = 2 * time.Minute
	consumerNamePrefix = "callscope-"
)

// StreamConfig tunes the jobs stream.
type StreamConfig struct {
	// Replicas is the number of stream replicas in a NATS cluster (1 here).
	Replicas int
	// DuplicateWindow is how long JetStream remembers Nats-Msg-Id values.
	DuplicateWindow time.Duration
	// Memory keeps the stream in memory instead of on disk (tests only).
	Memory bool
}

// EnsureStream creates or updates the jobs stream. It is idempotent.
func EnsureStream(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) error {
	if cfg.Replicas == 0 {
		cfg.Replicas = 1
	}
	if cfg.DuplicateWindow == 0 {
		cfg.DuplicateWindow = defaultDuplicates
	}
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	_, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamJobs,
		Description: "callscope jobs: ingest -> transcribe -> analyze -> store",
		Subjects:    []string{subjectAllJobs},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     storage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DuplicateWindow,
	})
	if err != nil {
		return fmt.Errorf("pipeline: create stream %s: %w", StreamJobs, err)
	}
	return nil
}

// ConsumerConfig tunes one stage's durable consumer.
type ConsumerConfig struct {
	// AckWait is how long a delivered job may go unacknowledged before it is
	// delivered again. Workers send in-progress heartbeats while they work,
	// so a long ASR job does not expire.
	AckWait time.Duration
	// MaxDeliver is how many times a job is tried before the stage records
	// it as failed. -1 retries for ever (the store stage: nothing is lost
	// while ClickHouse is away).
	MaxDeliver int
}

// EnsureConsumer creates or updates the durable consumer of a stage.
func EnsureConsumer(ctx context.Context, js jetstream.JetStream, stage, subject string, cfg ConsumerConfig) (jetstream.Consumer, error) {
	if cfg.AckWait == 0 {
		cfg.AckWait = 30 * time.Second
	}
	if cfg.MaxDeliver == 0 {
		cfg.MaxDeliver = 5
	}
	c, err := js.CreateOrUpdateConsumer(ctx, StreamJobs, jetstream.ConsumerConfig{
		Durable:       consumerNamePrefix + stage,
		Description:   "callscope " + stage + " stage",
		FilterSubject: subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    cfg.MaxDeliver,
		MaxAckPending: 1000,
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
