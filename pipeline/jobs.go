package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/schemas"
)

// Subject is the subject a job is published to: each kind of job has one.
func Subject(job schemas.Job) string {
	switch job.(type) {
	case schemas.IngestJob:
		return SubjectIngestScan
	case schemas.TranscribeJob:
		return SubjectTranscribe
	case schemas.AnalyzeJob:
		return SubjectAnalyze
	default:
		return SubjectStore
	}
}

// MsgID is the one rule for a job's Nats-Msg-Id, which every publisher
// follows by publishing through NewMsg, Publish or a Publisher: the kind of
// job, the recording (bucket/key at its eTag), what asked for the work
// (a scan or reprocess run, a bucket notification) and the versions of the
// sidecar and transcript ingest found (inputsID). It never includes the
// time of publication, so the same job published twice within the stream's
// duplicate window (a redelivered stage publishing its result again, a
// resumed reprocess run) is stored once, while a new run is not swallowed.
//
// A result carries its own version: an analysis is identified by the time
// it was requested (its stored version), a status by its stage, state,
// attempt and time.
func MsgID(job schemas.Job) string {
	obj := func(o schemas.Object) string { return o.Bucket + "/" + o.Key + ":" + o.ETag }
	switch j := job.(type) {
	case schemas.IngestJob:
		id := "ingest:" + obj(j.Audio) + ":" + j.Run
		if j.Transcript != nil {
			id += ":transcript"
		}
		return id
	case schemas.TranscribeJob:
		return "transcribe:" + obj(j.Audio) + ":" + j.Origin + inputsID(j.Inputs)
	case schemas.AnalyzeJob:
		return "analyze:" + obj(j.Audio) + ":" + j.Origin + inputsID(j.Inputs)
	case schemas.StoreJob:
		switch {
		case j.Analysis != nil:
			a := j.Analysis
			return "store:analysis:" + a.ObjectKey + ":" + a.ETag + ":" + a.CallID + ":" + stamp(a.AnalyzedAt)
		case j.Status != nil:
			st := j.Status
			return "store:status:" + st.ObjectKey + ":" + st.ETag + ":" + st.CallID + ":" + st.Stage + ":" + st.State +
				":" + strconv.Itoa(st.Attempts) + ":" + stamp(st.At)
		}
	}
	return ""
}

// ReplayMsgID is the message id of the replay of dead letter seq: the
// letter's sequence in the dead-letter stream, unique and stable.
func ReplayMsgID(seq uint64) string { return "replay:" + strconv.FormatUint(seq, 10) }

// inputsID is the part of a job's message id that names the versions of
// the sidecar and transcript it was made with: a retake for a changed
// sidecar or transcript is a new job, never dropped as a duplicate of the
// one before it within JetStream's duplicate window. Empty for a job
// without recorded inputs (its id is what it was before inputs were).
func inputsID(in schemas.Inputs) string {
	if in == (schemas.Inputs{}) {
		return ""
	}
	return ":inputs:" + in.Sidecar + ":" + in.Transcript
}

func stamp(t time.Time) string { return strconv.FormatInt(t.UnixNano(), 10) }

// NewMsg encodes job as the message that publishes it: its subject, body
// and Nats-Msg-Id (MsgID). The body is JSON, except a store job's, which
// is schemas.EncodeStoreJob's binary form (the store stage reads both).
func NewMsg(job schemas.Job) (*nats.Msg, error) {
	subject := Subject(job)
	var data []byte
	if sj, ok := job.(schemas.StoreJob); ok {
		data = schemas.EncodeStoreJob(sj)
	} else {
		var err error
		if data, err = json.Marshal(job); err != nil {
			return nil, fmt.Errorf("pipeline: encode %s job: %w", subject, err)
		}
	}
	msg := nats.NewMsg(subject)
	msg.Data = data
	if id := MsgID(job); id != "" {
		msg.Header.Set(jetstream.MsgIDHeader, id)
	}
	return msg, nil
}

// Publish sends job through JetStream to its subject, with its message id.
func Publish(ctx context.Context, js jetstream.JetStream, job schemas.Job) error {
	msg, err := NewMsg(job)
	if err != nil {
		return err
	}
	if _, err := js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("pipeline: publish to %s: %w", msg.Subject, err)
	}
	return nil
}

// Publisher publishes jobs through JetStream. Stages declare the small
// interface they need (Publish) and are given one of these.
type Publisher struct{ js jetstream.JetStream }

// NewPublisher returns a Publisher over js.
func NewPublisher(js jetstream.JetStream) *Publisher { return &Publisher{js: js} }

// Publish sends job to its subject with its message id.
func (p *Publisher) Publish(ctx context.Context, job schemas.Job) error {
	return Publish(ctx, p.js, job)
}
