package schemas

import "time"

// Analysis is what the analyze stage produces for one call and the store
// stage writes to ClickHouse. Writing the same Analysis twice must not change
// any report: the store replaces a call's rows by CallID.
type Analysis struct {
	CallID    string `json:"call_id"`
	ObjectKey string `json:"object_key"`
	ETag      string `json:"etag"`
	// Inputs are the versions of the sidecar and transcript the analysis
	// was made with (see Inputs).
	Inputs Inputs `json:"inputs,omitzero"`
	// Version identifies the analysis: code version plus dictionary version.
	// A newer analysis of the same call replaces an older one.
	Version           string    `json:"version"`
	DictionaryVersion string    `json:"dictionary_version"`
	AnalyzedAt        time.Time `json:"analyzed_at"`
	Meta              Metadata  `json:"meta"`
	ASR               ASRInfo   `json:"asr"`
	Metrics           Metrics   `json:"metrics"`
	// Categories counts hits per dictionary category; a category with no hit
	// is absent.
	Categories map[string]int `json:"categories,omitempty"`
	Hits       []Hit          `json:"hits,omitempty"`
	// Parameters are the call's measured parameters by name (see
	// docs/parameters.md). Only known values are present: a parameter that
	// cannot be known for this call (overtalk of a mono recording) is
	// absent, never zero.
	Parameters map[string]float64 `json:"parameters,omitempty"`
	// Score is the call's score under its scoring profile; nil when no
	// profile applies.
	Score *Score `json:"score,omitempty"`
	// Segments are the transcript's segments with their search terms, as
	// the store writes them for search and what-if runs: analysis computes
	// the terms, the store only writes. The whole transcript (words, speech
	// intervals) stays in object storage and does not travel to the store.
	Segments []IndexedSegment `json:"segments,omitempty"`
}

// IndexedSegment is one transcript segment with its search terms: its
// words normalized and stemmed in the call's language.
type IndexedSegment struct {
	Channel string   `json:"channel"` // the channel's role
	Index   int      `json:"index"`   // within its channel
	Start   float64  `json:"start"`
	End     float64  `json:"end"`
	Text    string   `json:"text"`
	Terms   []string `json:"terms"`
}

// Score is a call's score on a scoring profile's scale with the result of
// every criterion, so a manager can see why.
type Score struct {
	Profile        string            `json:"profile"`
	ProfileVersion string            `json:"profile_version"`
	Value          float64           `json:"value"` // 1..Max
	Max            float64           `json:"max"`   // 5
	Criteria       []CriterionResult `json:"criteria"`
}

// CriterionResult is one scoring criterion applied to one call.
type CriterionResult struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"` // what the manager reads
	Weight float64 `json:"weight"`
	// Outcome is CriterionPassed, CriterionFailed or CriterionNotApplicable
	// (its condition needs a value the call does not have).
	Outcome string `json:"outcome"`
	// Evidence says why: the phrase and its time, or the value and the
	// threshold ("overtalk_total 7.2 s > 5 s").
	Evidence string   `json:"evidence,omitempty"`
	Start    *float64 `json:"start,omitempty"` // time of the evidence in the call, when it has one
}

// Criterion outcomes.
const (
	CriterionPassed        = "passed"
	CriterionFailed        = "failed"
	CriterionNotApplicable = "n/a"
)

// Metrics are the measured facts of a call. A nil value is unknown (a mono
// recording has no per-side talk time), never zero.
type Metrics struct {
	Duration     float64  `json:"duration"` // seconds
	Channels     int      `json:"channels"` // 1 or 2
	OperatorTalk *float64 `json:"operator_talk,omitempty"`
	ClientTalk   *float64 `json:"client_talk,omitempty"`
	TotalTalk    float64  `json:"total_talk"`
}

// Hit is one dictionary phrase found in a transcript: enough to show a
// quality manager exactly why a call was flagged.
type Hit struct {
	Category string  `json:"category"`
	PhraseID string  `json:"phrase_id"`
	Channel  string  `json:"channel"` // role of the channel
	Start    float64 `json:"start"`
	End      float64 `json:"end"`
	Text     string  `json:"text"` // the matched words as spoken
}

// Status is the processing state of one recording, written by every stage.
type Status struct {
	ObjectKey string    `json:"object_key"`
	ETag      string    `json:"etag"`
	CallID    string    `json:"call_id,omitempty"`
	Stage     string    `json:"stage"` // ingest, transcribe, analyze, store
	State     string    `json:"state"` // StateQueued, StateAnalysed, StateFailed
	Error     string    `json:"error,omitempty"`
	Attempts  int       `json:"attempts"`
	At        time.Time `json:"at"`
	// Inputs, in an analysed status, are the versions of the sidecar and
	// transcript the analysis read: `run` and `ingest scan` take the
	// recording again when one in the bucket has another ETag.
	Inputs Inputs `json:"inputs,omitzero"`
}

// Inputs are the versions of the objects beside a recording that ingest
// read for it: its sidecar NAME.json and, with asr.adapter import, its
// transcript NAME.transcript.json. Each is the object's ETag as the bucket
// reports it (a listing gives the same value, so comparing costs no
// request), InputAbsent when there was none, and "" when it is not known
// (an analysis recorded before inputs were, a transcript made by the ASR).
type Inputs struct {
	Sidecar    string `json:"sidecar,omitempty"`
	Transcript string `json:"transcript,omitempty"`
}

// InputAbsent is the version of an input that was not in the bucket.
const InputAbsent = "-"

// States of a call.
const (
	StateQueued   = "queued"
	StateAnalysed = "analysed"
	StateFailed   = "failed"
)

// Stages of the pipeline.
const (
	StageIngest     = "ingest"
	StageTranscribe = "transcribe"
	StageAnalyze    = "analyze"
	StageStore      = "store"
)
