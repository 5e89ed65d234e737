package analyze

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

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

// Publisher is what the analyze stage needs from the job queue: to send a
// result (or a failed status) on to the store stage. pipeline.Publisher is
// one; it gives every job its message id.
type Publisher interface {
	Publish(ctx context.Context, job schemas.Job) error
}

// PermanentError marks a failure that no retry can mend (a transcript that
// is missing or broken): the job is recorded as failed at once. The worker
// recognises it by its Permanent method (pipeline.IsPermanent).
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent reports that no retry can mend the failure.
func (e *PermanentError) Permanent() bool { return true }

func permanent(err error) error { return &PermanentError{err} }

// StageConfig configures the analyze stage.
type StageConfig struct {
	// CodeVersion is recorded with every analysis besides the dictionary
	// version (default "1").
	CodeVersion string
	// MaxTranscriptBytes caps a transcript's size (default 64 MiB).
	MaxTranscriptBytes int64
}

// Stage is the analyze stage: it reads a stored transcript, analyses it and
// publishes the result for the store stage. It knows nothing of NATS: the
// worker hands it each job's body, and it publishes through a Publisher.
type Stage struct {
	cfg      StageConfig
	analyzer CallAnalyzer
	objects  TranscriptReader
	pub      Publisher
}

// NewStage builds the analyze stage.
func NewStage(cfg StageConfig, analyzer CallAnalyzer, objects TranscriptReader, pub Publisher) *Stage {
	if cfg.CodeVersion == "" {
		cfg.CodeVersion = "1"
	}
	if cfg.MaxTranscriptBytes == 0 {
		cfg.MaxTranscriptBytes = schemas.MaxTranscriptBytes
	}
	return &Stage{cfg: cfg, analyzer: analyzer, objects: objects, pub: pub}
}

// Handle analyses the call of one AnalyzeJob (its JSON body).
func (s *Stage) Handle(ctx context.Context, data []byte) error {
	job, err := schemas.DecodeAnalyzeJob(data)
	if err != nil {
		return permanent(fmt.Errorf("analyze: job is not valid JSON: %w", err))
	}
	src := "s3://" + job.Transcript.Bucket + "/" + job.Transcript.Key
	raw, found, err := s.objects.ReadObject(ctx, job.Transcript.Bucket, job.Transcript.Key, s.cfg.MaxTranscriptBytes+1)
	if err != nil {
		return fmt.Errorf("analyze: read %s: %w", src, err)
	}
	if int64(len(raw)) > s.cfg.MaxTranscriptBytes {
		return permanent(fmt.Errorf("analyze: %s: %w", src, schemas.ErrTranscriptTooLarge))
	}
	if !found {
		return permanent(fmt.Errorf("analyze: transcript %s not found", src))
	}
	tr, err := schemas.ParseTranscript(raw)
	if err != nil {
		return permanent(fmt.Errorf("analyze: %s: %w", src, err))
	}
	a := s.analyzer.AnalyzeCall(tr, job.Meta)
	a.CallID = job.CallID
	a.ObjectKey = job.Audio.Key
	a.ETag = job.Audio.ETag
	a.Inputs = job.Inputs
	a.Meta = job.Meta
	a.ASR = tr.ASR
	a.AnalyzedAt = AnalyzedAt(job, time.Now())
	a.Version = s.cfg.CodeVersion + "+" + a.DictionaryVersion
	return s.pub.Publish(ctx, schemas.StoreJob{Analysis: &a})
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

// Fail records a call that will not be analysed (the job's JSON body, the
// delivery attempt it failed on, and why).
func (s *Stage) Fail(ctx context.Context, data []byte, attempt int, cause error) error {
	var job schemas.AnalyzeJob
	_ = json.Unmarshal(data, &job)
	return s.pub.Publish(ctx, schemas.StoreJob{Status: &schemas.Status{
		ObjectKey: job.Audio.Key, ETag: job.Audio.ETag, CallID: job.CallID,
		Stage: schemas.StageAnalyze, State: schemas.StateFailed,
		Error: cause.Error(), Attempts: attempt, At: time.Now().UTC(),
	}})
}
