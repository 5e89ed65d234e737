package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/schemas"
)

// Object names a stored object at a known version.
type Object struct {
	Bucket string `json:"bucket"`
	Key    string `json:"key"`
	ETag   string `json:"etag,omitempty"`
	Size   int64  `json:"size,omitempty"`
}

// IngestJob asks ingest to take one recording, as a bucket scan found it.
type IngestJob struct {
	Audio Object `json:"audio"`
	// Run identifies the scan that published the job, so a rescan is not
	// swallowed by de-duplication of an earlier one.
	Run string `json:"run,omitempty"`
	// Transcript, when set, names a stored transcript of the recording:
	// ingest then re-reads the metadata and publishes an AnalyzeJob over
	// that transcript instead of a TranscribeJob (reprocessing without ASR).
	Transcript *Object `json:"transcript,omitempty"`
}

// TranscribeJob asks transcribe to turn a recording into a transcript.
type TranscribeJob struct {
	CallID string           `json:"call_id"`
	Audio  Object           `json:"audio"`
	Meta   schemas.Metadata `json:"meta"`
}

// AnalyzeJob asks analyze to analyse a stored transcript.
type AnalyzeJob struct {
	CallID     string           `json:"call_id"`
	Audio      Object           `json:"audio"`
	Transcript Object           `json:"transcript"`
	Meta       schemas.Metadata `json:"meta"`
	// RequestedAt is when the analysis was asked for. It becomes the
	// analysis's AnalyzedAt, and so its stored version: a job delivered
	// twice writes the same version twice, which replaces itself, while
	// a later request (a reprocess run) supersedes it.
	RequestedAt time.Time `json:"requested_at,omitzero"`
}

// StoreJob asks the store stage to write an analysis or a status. Exactly one
// of the fields is set.
type StoreJob struct {
	Analysis *schemas.Analysis `json:"analysis,omitempty"`
	Status   *schemas.Status   `json:"status,omitempty"`
}

// Publish sends v as JSON to subject through JetStream. A non-empty msgID
// becomes the Nats-Msg-Id header, so the same job published twice within the
// stream's duplicate window is stored once.
func Publish(ctx context.Context, js jetstream.JetStream, subject, msgID string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("pipeline: encode %s job: %w", subject, err)
	}
	msg := nats.NewMsg(subject)
	msg.Data = data
	if msgID != "" {
		msg.Header.Set(jetstream.MsgIDHeader, msgID)
	}
	if _, err := js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("pipeline: publish to %s: %w", subject, err)
	}
	return nil
}

// PublishStatus records a call's processing state through the store stage.
func PublishStatus(ctx context.Context, js jetstream.JetStream, st schemas.Status) error {
	return Publish(ctx, js, SubjectStore, "", StoreJob{Status: &st})
}
