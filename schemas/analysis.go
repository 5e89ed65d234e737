package schemas

import "time"

// Analysis is what the analyze stage produces for one call and the store
// stage writes to ClickHouse. Writing the same Analysis twice must not change
// any report: the store replaces a call's rows by CallID.
type Analysis struct {
	CallID    string `json:"call_id"`
	ObjectKey string `json:"object_key"`
	ETag      string `json:"etag"`
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
}

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
}

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
