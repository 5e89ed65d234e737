package schemas

import "time"

// The jobs below are the messages between stages (pipeline carries them as
// JSON on NATS). A job's Nats-Msg-Id is not chosen by its publisher:
// pipeline.MsgID derives it from the job, so the same job published twice
// is stored once.

// Job is one of IngestJob, TranscribeJob, AnalyzeJob and StoreJob.
type Job interface{ isJob() }

func (IngestJob) isJob()     {}
func (TranscribeJob) isJob() {}
func (AnalyzeJob) isJob()    {}
func (StoreJob) isJob()      {}

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
	CallID string   `json:"call_id"`
	Audio  Object   `json:"audio"`
	Meta   Metadata `json:"meta"`
	// Inputs are the versions of the sidecar and transcript ingest found
	// beside the recording; they pass on to the analysis, and are part of
	// the message ids (a retake with other inputs is a new job).
	Inputs Inputs `json:"inputs,omitzero"`
	// Origin says what asked for the work (a scan run, a bucket
	// notification); it passes on to the analyze job and is part of the
	// message ids of both.
	Origin string `json:"origin,omitempty"`
	// RequestedAt is when ingest took the recording; it passes on to the
	// analyze job (see AnalyzeJob.RequestedAt).
	RequestedAt time.Time `json:"requested_at,omitzero"`
}

// AnalyzeJob asks analyze to analyse a stored transcript.
type AnalyzeJob struct {
	CallID     string   `json:"call_id"`
	Audio      Object   `json:"audio"`
	Transcript Object   `json:"transcript"`
	Meta       Metadata `json:"meta"`
	// Inputs: see TranscribeJob.Inputs.
	Inputs Inputs `json:"inputs,omitzero"`
	// Origin says what asked for the analysis (see TranscribeJob.Origin).
	Origin string `json:"origin,omitempty"`
	// RequestedAt is when the analysis was asked for. It becomes the
	// analysis's AnalyzedAt, and so its stored version: a job delivered
	// twice writes the same version twice, which replaces itself, while
	// a later request (a reprocess run) supersedes it.
	RequestedAt time.Time `json:"requested_at,omitzero"`
}

// StoreJob asks the store stage to write an analysis or a status. Exactly one
// of the fields is set.
type StoreJob struct {
	Analysis *Analysis `json:"analysis,omitempty"`
	Status   *Status   `json:"status,omitempty"`
}
