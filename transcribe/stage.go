package transcribe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// Objects is what the transcribe stage needs from object storage.
type Objects interface {
	ReadObject(ctx context.Context, bucket, key string, maxBytes int64) (data []byte, found bool, err error)
	PutObject(ctx context.Context, bucket, key string, data []byte, contentType string) error
}

// Remover is what the stage also needs from object storage when the
// original recording is restricted or deleted (AudioRedaction.Original).
type Remover interface {
	RemoveObject(ctx context.Context, bucket, key string) error
}

// Config configures the transcribe stage.
type Config struct {
	// TranscriptsBucket receives the transcripts (default "callscope-transcripts").
	TranscriptsBucket string
	// MaxAudioBytes caps the size of a recording (default 1 GiB): a hostile
	// object must not exhaust memory.
	MaxAudioBytes int64
	// AdapterName is recorded in the transcript when the adapter leaves it empty.
	AdapterName string
	// TimeTolerance is how far a transcript's segments may run past the end
	// of the audio before the pair is rejected as mismatched (default 2 s).
	TimeTolerance float64
	// VAD finds the speech of each channel for every adapter, the import
	// one included. Nil loads Silero VAD from VADModel or the default
	// places (vad.DefaultModelPaths); when it cannot run, the stage logs
	// why once and transcripts have no speech intervals.
	VAD *vad.Detector
	// VADModel is the path of silero_vad_v5.onnx; empty looks in
	// ModelsDir/silero-vad-v5, then the default places.
	VADModel string
	// ModelsDir is the models directory (config asr.models_dir).
	ModelsDir string
	// NoVAD turns voice-activity detection off.
	NoVAD bool
	// Logger receives the VAD warning (default slog.Default()).
	Logger *slog.Logger
	// Redactor masks personal data in every transcript before it is
	// stored or handed on (docs/privacy.md); nil stores transcripts as the
	// recognizer made them.
	Redactor *redact.Redactor
	// Audio, when its Bucket is set, stores a redacted copy of each
	// recording (Redactor's spans silenced or toned) and applies the
	// policy for the original.
	Audio AudioRedaction
}

// AudioRedaction configures the redacted copies of recordings.
type AudioRedaction struct {
	// Bucket receives the copy, under the recording's key; "" is off.
	Bucket string
	// Mode: silence or a tone over each span.
	Mode wav.MaskMode
	// Original is what happens to the recording in the calls bucket once
	// its copy is stored: OriginalKeep, OriginalRestrict (moved to
	// RestrictedBucket) or OriginalDelete.
	Original         string
	RestrictedBucket string
}

// Policies for the original recording.
const (
	OriginalKeep     = "keep"
	OriginalRestrict = "restrict"
	OriginalDelete   = "delete"
)

// pad widens each masked span of the audio: word times are the
// recognizer's estimate.
const pad = 0.15

// Stage is the transcribe stage.
type Stage struct {
	cfg     Config
	objects Objects
	adapter Adapter
	pub     Publisher
}

// Publisher is what the transcribe stage needs from the job queue: to send
// the next stage's job and statuses. pipeline.Publisher is one; it gives
// every job its message id (pipeline.MsgID).
type Publisher interface {
	Publish(ctx context.Context, job schemas.Job) error
}

// NewStage builds the transcribe stage.
func NewStage(cfg Config, objects Objects, adapter Adapter, pub Publisher) *Stage {
	if cfg.TranscriptsBucket == "" {
		cfg.TranscriptsBucket = "callscope-transcripts"
	}
	if cfg.MaxAudioBytes == 0 {
		cfg.MaxAudioBytes = 1 << 30
	}
	if cfg.TimeTolerance == 0 {
		cfg.TimeTolerance = DefaultTimeTolerance
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.VAD == nil && !cfg.NoVAD {
		model := cfg.VADModel
		if p := filepath.Join(cfg.ModelsDir, "silero-vad-v5", vad.ModelFile); model == "" && cfg.ModelsDir != "" && fileExists(p) {
			model = p
		}
		d, err := vad.New(vad.Config{Model: model})
		if err != nil {
			// Degrade, do not fail: transcripts are still made, only the
			// speech intervals (and metrics that need them) are missing.
			cfg.Logger.Warn("transcribe: running without voice-activity detection", "reason", err.Error())
		} else {
			cfg.VAD = d
		}
	}
	return &Stage{cfg: cfg, objects: objects, adapter: adapter, pub: pub}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// VADModel is the VAD model file in use, or "" when none runs.
func (s *Stage) VADModel() string {
	if s.cfg.VAD == nil {
		return ""
	}
	return s.cfg.VAD.Model()
}

// Handle transcribes one recording and publishes its analyze job.
func (s *Stage) Handle(ctx context.Context, d pipeline.Delivery) error {
	var job schemas.TranscribeJob
	if err := json.Unmarshal(d.Data, &job); err != nil {
		return pipeline.Permanent(fmt.Errorf("transcribe: job is not valid JSON: %w", err))
	}
	tr, audio, err := s.transcribe(ctx, job)
	if err != nil {
		return err
	}
	if err := s.redactAudio(ctx, job, tr, audio); err != nil {
		return err
	}
	data, err := json.Marshal(tr)
	if err != nil {
		return fmt.Errorf("transcribe: encode transcript: %w", err)
	}
	key := schemas.TranscriptKey(job.Audio.Key)
	if err := s.objects.PutObject(ctx, s.cfg.TranscriptsBucket, key, data, "application/json"); err != nil {
		return fmt.Errorf("transcribe: store transcript s3://%s/%s: %w", s.cfg.TranscriptsBucket, key, err)
	}
	next := schemas.AnalyzeJob{
		CallID: job.CallID, Audio: job.Audio, Meta: job.Meta, Inputs: job.Inputs,
		Transcript:  schemas.Object{Bucket: s.cfg.TranscriptsBucket, Key: key},
		Origin:      job.Origin,
		RequestedAt: job.RequestedAt,
	}
	if next.RequestedAt.IsZero() { // a job from an older ingest
		next.RequestedAt = time.Now().UTC()
	}
	return s.pub.Publish(ctx, next)
}

// Transcribe fetches, decodes and transcribes one recording. Errors about
// the recording itself wrap pipeline.ErrPermanent; others are transient.
func (s *Stage) Transcribe(ctx context.Context, job schemas.TranscribeJob) (schemas.Transcript, error) {
	tr, _, err := s.transcribe(ctx, job)
	return tr, err
}

// redactAudio stores the redacted copy of the recording and applies the
// policy for the original. The copy is written before the original is
// touched, and a redelivered job writes the same copy again.
func (s *Stage) redactAudio(ctx context.Context, job schemas.TranscribeJob, tr schemas.Transcript, audio []byte) error {
	a := s.cfg.Audio
	if a.Bucket == "" || tr.PII == nil {
		return nil
	}
	var spans []wav.Span
	for _, sp := range tr.PII.Spans {
		spans = append(spans, wav.Span{Channel: sp.Channel, Start: sp.Start - pad, End: sp.End + pad})
	}
	if tr.PII.Error != "" {
		// Failed closed: the whole recording is masked.
		for c := range tr.Channels {
			spans = append(spans, wav.Span{Channel: c, Start: 0, End: tr.Duration + 1})
		}
	}
	masked, err := wav.Mask(audio, spans, a.Mode)
	if err != nil {
		return pipeline.Permanent(fmt.Errorf("transcribe: redact audio s3://%s/%s: %w", job.Audio.Bucket, job.Audio.Key, err))
	}
	if err := s.objects.PutObject(ctx, a.Bucket, job.Audio.Key, masked, "audio/wav"); err != nil {
		return fmt.Errorf("transcribe: store redacted audio s3://%s/%s: %w", a.Bucket, job.Audio.Key, err)
	}
	switch a.Original {
	case OriginalRestrict:
		if err := s.objects.PutObject(ctx, a.RestrictedBucket, job.Audio.Key, audio, "audio/wav"); err != nil {
			return fmt.Errorf("transcribe: move the original to s3://%s/%s: %w", a.RestrictedBucket, job.Audio.Key, err)
		}
		fallthrough
	case OriginalDelete:
		rm, ok := s.objects.(Remover)
		if !ok {
			return pipeline.Permanent(fmt.Errorf("transcribe: the object store cannot remove the original s3://%s/%s", job.Audio.Bucket, job.Audio.Key))
		}
		if err := rm.RemoveObject(ctx, job.Audio.Bucket, job.Audio.Key); err != nil {
			return fmt.Errorf("transcribe: remove the original s3://%s/%s: %w", job.Audio.Bucket, job.Audio.Key, err)
		}
	}
	return nil
}

func (s *Stage) transcribe(ctx context.Context, job schemas.TranscribeJob) (schemas.Transcript, []byte, error) {
	src := "s3://" + job.Audio.Bucket + "/" + job.Audio.Key
	data, found, err := s.objects.ReadObject(ctx, job.Audio.Bucket, job.Audio.Key, s.cfg.MaxAudioBytes+1)
	if err != nil {
		return schemas.Transcript{}, nil, fmt.Errorf("transcribe: read %s: %w", src, err)
	}
	if !found {
		return schemas.Transcript{}, nil, pipeline.Permanent(fmt.Errorf("transcribe: %s: recording not found", src))
	}
	if int64(len(data)) > s.cfg.MaxAudioBytes {
		return schemas.Transcript{}, nil, pipeline.Permanent(fmt.Errorf("transcribe: %s: larger than the %d-byte limit", src, s.cfg.MaxAudioBytes))
	}
	// The samples stay in the downloaded bytes, in the file's encoding, and
	// are decoded piece by piece by the VAD and the recognizer: the peak
	// memory of a call is about its file size (see docs/asr.md, "Memory").
	audio, channels, err := OpenRecording(data, job.Meta.Channels)
	if err != nil {
		return schemas.Transcript{}, nil, pipeline.Permanent(fmt.Errorf("transcribe: %s: %w", src, err))
	}
	holds, err := s.detectSpeech(ctx, channels)
	if err != nil {
		return schemas.Transcript{}, nil, fmt.Errorf("transcribe: %s: %w", src, err)
	}
	call := Call{
		ID: job.CallID, Language: job.Meta.Language, Duration: audio.Duration(), Channels: channels,
		Sibling: func(ctx context.Context, suffix string) ([]byte, bool, error) {
			key := strings.TrimSuffix(job.Audio.Key, path.Ext(job.Audio.Key)) + suffix
			data, found, err := s.objects.ReadObject(ctx, job.Audio.Bucket, key, schemas.MaxTranscriptBytes+1)
			if err == nil && len(data) > schemas.MaxTranscriptBytes {
				err = schemas.ErrTranscriptTooLarge
			}
			return data, found, err
		},
	}
	tr, err := s.adapter.Transcribe(ctx, call)
	if err != nil {
		if isPermanentASR(err) {
			err = pipeline.Permanent(err)
		}
		return schemas.Transcript{}, nil, fmt.Errorf("transcribe: %s: %w", src, err)
	}
	tr.CallID = job.CallID
	tr.Duration = call.Duration
	if tr.Language == "" {
		tr.Language = job.Meta.Language
	}
	if tr.ASR.Adapter == "" {
		tr.ASR.Adapter = s.cfg.AdapterName
	}
	addSpeech(&tr, channels)
	if tr.HoldDetected == nil {
		tr.HoldDetected = holds
	}
	if err := CheckFits(tr, s.cfg.TimeTolerance); err != nil {
		return schemas.Transcript{}, nil, pipeline.Permanent(fmt.Errorf("transcribe: %s: %w", src, err))
	}
	return s.redact(tr), data, nil
}

// redact masks personal data before anything is stored: the transcript
// object, and through it the segments, terms, hits and search index. A
// rule that fails masks more, never less, and is logged with the call.
func (s *Stage) redact(tr schemas.Transcript) schemas.Transcript {
	if s.cfg.Redactor == nil {
		return tr
	}
	out, err := s.cfg.Redactor.Apply(tr)
	if err != nil {
		s.cfg.Logger.Warn("transcribe: redaction failed closed", "call_id", tr.CallID, "reason", err.Error())
	}
	return out
}

// OpenRecording is the pure core's first step, on the recording's bytes
// (the stage's download, or a file `callscope analyze` read): it parses
// the WAV (samples stay in data, decoded piece by piece) and names its
// channels by the channel map.
func OpenRecording(data []byte, chmap map[string]string) (*wav.Raw, []Channel, error) {
	audio, err := wav.Parse(data)
	if err != nil {
		return nil, nil, err
	}
	channels, err := splitChannels(audio, chmap)
	if err != nil {
		return nil, nil, err
	}
	return audio, channels, nil
}

// detectSpeech runs the stage's VAD (DetectSpeech).
func (s *Stage) detectSpeech(ctx context.Context, channels []Channel) ([]schemas.Interval, error) {
	return DetectSpeech(ctx, s.cfg.VAD, channels)
}

// DetectSpeech runs d over the call's channels (in parallel, each compared
// with the other for echo), fills each channel's Speech (VADRan) and
// returns the holds heard in them. A nil d leaves speech unknown.
func DetectSpeech(ctx context.Context, d *vad.Detector, channels []Channel) ([]schemas.Interval, error) {
	if d == nil || len(channels) == 0 {
		return nil, nil
	}
	samples := make([]wav.Samples, len(channels))
	for i, ch := range channels {
		samples[i] = ch.Samples
	}
	found, err := d.DetectCall(ctx, samples, channels[0].SampleRate)
	if err != nil {
		return nil, fmt.Errorf("vad: %w", err)
	}
	for i := range channels {
		speech := found.Speech[i]
		if speech == nil {
			speech = []schemas.Interval{}
		}
		channels[i].Speech, channels[i].VADRan = speech, true
	}
	return found.Holds, nil
}

// addSpeech puts the VAD's intervals into the transcript channels the
// adapter left without them, matching channels by role.
func addSpeech(tr *schemas.Transcript, channels []Channel) {
	for i := range tr.Channels {
		tc := &tr.Channels[i]
		if len(tc.Speech) > 0 {
			continue
		}
		for _, ch := range channels {
			if ch.VADRan && ch.Role == tc.Role {
				tc.Speech = ch.Speech
				break
			}
		}
	}
}

// Fail records a recording that will not be transcribed.
func (s *Stage) Fail(ctx context.Context, d pipeline.Delivery, cause error) error {
	var job schemas.TranscribeJob
	_ = json.Unmarshal(d.Data, &job)
	return s.pub.Publish(ctx, schemas.StoreJob{Status: &schemas.Status{
		ObjectKey: job.Audio.Key, ETag: job.Audio.ETag, CallID: job.CallID,
		Stage: schemas.StageTranscribe, State: schemas.StateFailed,
		Error: cause.Error(), Attempts: d.Attempt, At: time.Now().UTC(),
	}})
}

// splitChannels names the recording's channels by the metadata's channel
// map (default: left = operator, right = client). A mono recording is one
// mixed channel.
func splitChannels(a *wav.Raw, chmap map[string]string) ([]Channel, error) {
	switch a.NumChannels() {
	case 1:
		return []Channel{{Role: schemas.RoleMixed, SampleRate: a.SampleRate, Samples: a.Channel(0)}}, nil
	case 2:
		left, right := schemas.RoleOperator, schemas.RoleClient
		if r := chmap["left"]; r != "" {
			left = r
			if chmap["right"] == "" {
				right = other(r)
			}
		}
		if r := chmap["right"]; r != "" {
			right = r
			if chmap["left"] == "" {
				left = other(r)
			}
		}
		return []Channel{
			{Role: left, SampleRate: a.SampleRate, Samples: a.Channel(0)},
			{Role: right, SampleRate: a.SampleRate, Samples: a.Channel(1)},
		}, nil
	default:
		return nil, fmt.Errorf("%d channels: want 1 (mixed) or 2 (operator and client)", a.NumChannels())
	}
}

func other(role string) string {
	if role == schemas.RoleOperator {
		return schemas.RoleClient
	}
	return schemas.RoleOperator
}

// DefaultTimeTolerance is Config.TimeTolerance's default, in seconds.
const DefaultTimeTolerance = 2.0

// CheckFits rejects a transcript whose speech runs past the end of the
// audio (tr.Duration) by more than tolerance seconds: it belongs to another
// recording. The error wraps schemas.ErrBadTranscript.
func CheckFits(tr schemas.Transcript, tolerance float64) error {
	for _, ch := range tr.Channels {
		for i, seg := range ch.Segments {
			if seg.End > tr.Duration+tolerance {
				return fmt.Errorf("%w: %s segment %d ends at %.1f s but the audio lasts %.1f s", schemas.ErrBadTranscript, ch.Role, i, seg.End, tr.Duration)
			}
		}
	}
	return nil
}

func isPermanentASR(err error) bool {
	return errors.Is(err, ErrNoTranscript) || errors.Is(err, schemas.ErrBadTranscript)
}
