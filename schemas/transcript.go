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
}

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
