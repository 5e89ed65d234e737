package analyze

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
)

// CallAnalyzer is the pure core the stage runs on each transcript.
type CallAnalyzer interface {
	AnalyzeCall(tr schemas.Transcript, meta schemas.Metadata) schemas.Analysis
}

// TranscriptReader is what the analyze stage needs from object storage.
type TranscriptReader interface {
	ReadObject(ctx context.Context, bucket, key string, maxBytes int64) (data []byte, found bool, err error)
}

// StageConfig configures the analyze stage.
type StageConfig struct {
	// CodeVersion is recorded with every analysis besides the dictionary
	// version (default "1").
	CodeVersion string
	// MaxTranscriptBytes caps a transcript's size (default 64 MiB).
	MaxTranscriptBytes int64
}

// Stage is the analyze stage: it reads a stored transcript, analyses it and
// publishes the result for the store stage.
type Stage struct {
	cfg      StageConfig
	analyzer CallAnalyzer
	objects  TranscriptReader
	js       jetstream.JetStream
}

// NewStage builds the analyze stage.
func NewStage(cfg StageConfig, analyzer CallAnalyzer, objects TranscriptReader, js jetstream.JetStream) *Stage {
	if cfg.CodeVersion == "" {
		cfg.CodeVersion = "1"
	}
	if cfg.MaxTranscriptBytes == 0 {
		cfg.MaxTranscriptBytes = 64 << 20
	}
	return &Stage{cfg: cfg, analyzer: analyzer, objects: objects, js: js}
}

// Handle analyses one call.
func (s *Stage) Handle(ctx context.Context, d pipeline.Delivery) error {
	var job schemas.AnalyzeJob
	if err := json.Unmarshal(d.Data, &job); err != nil {
		return pipeline.Permanent(fmt.Errorf("analyze: job is not valid JSON: %w", err))
	}
	src := "s3://" + job.Transcript.Bucket + "/" + job.Transcript.Key
	data, found, err := s.objects.ReadObject(ctx, job.Transcript.Bucket, job.Transcript.Key, s.cfg.MaxTranscriptBytes)
	if err != nil {
		return fmt.Errorf("analyze: read %s: %w", src, err)
	}
	if !found {
		return pipeline.Permanent(fmt.Errorf("analyze: transcript %s not found", src))
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		return pipeline.Permanent(fmt.Errorf("analyze: %s: %w", src, err))
	}
	a := s.analyzer.AnalyzeCall(tr, job.Meta)
	a.CallID = job.CallID
	a.ObjectKey = job.Audio.Key
	a.ETag = job.Audio.ETag
	a.Meta = job.Meta
	a.ASR = tr.ASR
	a.AnalyzedAt = AnalyzedAt(job, time.Now())
	a.Version = s.cfg.CodeVersion + "+" + a.DictionaryVersion
	return pipeline.Publish(ctx, s.js, schemas.StoreJob{Analysis: &a})
}

// AnalyzedAt is the time an analysis of job is stored under: the time it
// was requested, so that a redelivered job stores the same version again
// instead of a newer copy; now for a job without one (published by an
// older version).
func AnalyzedAt(job schemas.AnalyzeJob, now time.Time) time.Time {
	if !job.RequestedAt.IsZero() {
		return job.RequestedAt.UTC()
	}
	return now.UTC()
}

// Fail records a call that will not be analysed.
func (s *Stage) Fail(ctx context.Context, d pipeline.Delivery, cause error) error {
	var job schemas.AnalyzeJob
	_ = json.Unmarshal(d.Data, &job)
	return pipeline.PublishStatus(ctx, s.js, schemas.Status{
		ObjectKey: job.Audio.Key, ETag: job.Audio.ETag, CallID: job.CallID,
		Stage: schemas.StageAnalyze, State: schemas.StateFailed,
		Error: cause.Error(), Attempts: d.Attempt, At: time.Now().UTC(),
	})
}
