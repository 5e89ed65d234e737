package schemas

// Transcript is what the transcribe stage produces and what the import ASR
// adapter accepts from a PBX or provider. Times are seconds from the start
// of the recording.
type Transcript struct {
	CallID   string              `json:"call_id,omitempty"`
	Language string              `json:"language,omitempty"`
	Duration float64             `json:"duration"`
	ASR      ASRInfo             `json:"asr"`
	Channels []TranscriptChannel `json:"channels"`
	// HoldDetected are the holds heard in the audio: music on hold,
	// ringback or IVR tones without speech (transcribe/vad). Reported
	// apart from the holds the metadata declares.
	HoldDetected []Interval `json:"hold_detected,omitempty"`
	// PII says what the transcribe stage masked before the transcript was
	// stored (package transcribe/redact); nil when redaction did not run.
	PII *PIIRedaction `json:"pii,omitempty"`
}

// PIIRedaction records a transcript's redaction: the types masked and
// where; never a value.
type PIIRedaction struct {
	// Types are the types the redactor was configured to mask.
	Types []string  `json:"types"`
	Spans []PIISpan `json:"spans"`
	// Error is set when a rule failed and a channel was masked closed
	// (every number and cue word).
	Error string `json:"error,omitempty"`
}

// PIISpan is one masked stretch: its type, channel (index and role),
// times in seconds and the rule that fired.
type PIISpan struct {
	Type    string  `json:"type"`
	Channel int     `json:"channel"`
	Role    string  `json:"role"`
	Start   float64 `json:"start"`
	End     float64 `json:"end"`
	Rule    string  `json:"rule"`
}

// ASRNone is the ASR adapter name of a transcript made without speech
// recognition (asr.adapter: none, `callscope analyze --vad` without a
// transcript): its channels carry the VAD's speech and no segments. What
// was said is unknown, not silent: the text parameters and categories of
// such a call are absent, not zero.
const ASRNone = "none"

// TextKnown tells whether the transcript says what was said: false for one
// made by ASRNone, which has timing only.
func (t Transcript) TextKnown() bool { return t.ASR.Adapter != ASRNone }

// ASRInfo names the engine and model that made a transcript.
type ASRInfo struct {
	Adapter string `json:"adapter"`
	Model   string `json:"model,omitempty"`
}

// TranscriptChannel is one party's speech.
type TranscriptChannel struct {
	Role     string    `json:"role"` // RoleOperator, RoleClient or RoleMixed
	Segments []Segment `json:"segments"`
	// Speech holds voice-activity spans, when a VAD ran; the call metrics
	// prefer them to segment times.
	Speech []Interval `json:"speech,omitempty"`
}

// Segment is a stretch of speech with its text. Words are optional.
type Segment struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
	Words []Word  `json:"words,omitempty"`
}

// Word is one recognized word with its time and confidence.
type Word struct {
	W     string  `json:"w"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Conf  float64 `json:"conf,omitempty"`
}
