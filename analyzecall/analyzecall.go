// Package analyzecall is the analyze-one-call use case: one recording (and
// its sidecar and transcript) on disk goes through the steps of the
// pipeline's transcribe and analyze stages, without any server, and comes
// back as the parameters, the phrase hits and the score with its reasons.
// `callscope analyze` prints its Result; it is the only place that runs it.
//
// The recording is read by the transcribe stage's pure core
// (transcribe.OpenRecording: parse, split by the channel map;
// transcribe.DetectSpeech: the VAD over the channels), a recording
// without a transcript gets its timing from the registered "none" ASR
// adapter as the pipeline's asr.adapter none does, a transcript is checked
// against the audio by transcribe.CheckFits, the sidecar is read and its
// personal data protected by ingest, and the call is analysed and scored by
// analyze. So there is one channel split, one VAD path and one analysis.
//
// It lives outside analyze because analyze is a pure core that may not
// import transcribe or ingest (internal/drift checks it).
package analyzecall

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/safefile"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// FormatVersion is the version of Result's JSON. It changes only when a
// field changes meaning or disappears; new fields may appear without a
// change.
const FormatVersion = 1

// Speech timing sources (Result.SpeechTiming).
const (
	TimingSegments = "segments" // the transcript's segment times
	TimingSpeech   = "speech"   // the transcript's own VAD intervals
	TimingVAD      = "vad"      // the VAD run on the recording (Input.VAD)
)

var (
	// ErrInput is wrapped by every error about the files given; the
	// message names the file.
	ErrInput = errors.New("bad input")
	// ErrNoTranscript (with ErrInput) means there is no transcript file
	// and timing from the VAD was not asked for.
	ErrNoTranscript = errors.New("no transcript")
	// ErrNoProfile means Input.Profile names no scoring profile; the
	// message lists those there are.
	ErrNoProfile = errors.New("no such profile")
	// ErrVADNeedsAudio means Input.VAD was asked without a recording.
	ErrVADNeedsAudio = errors.New("the VAD runs on the recording: give the audio")
)

// Config is what the settings give the use case.
type Config struct {
	// ScoringDir is the directory of scoring profiles (scoring.dir);
	// empty: the built-in ones.
	ScoringDir string
	// ClientIDKey and PhoneTags protect the sidecar's personal data as
	// ingest does (privacy.client_id_key, privacy.phone_tags).
	ClientIDKey []byte
	PhoneTags   string
	// VAD configures the voice detector of Input.VAD (zero: its defaults).
	VAD vad.Config
	// TimeTolerance is how far a transcript's speech may run past the end
	// of the audio (default transcribe.DefaultTimeTolerance, the stage's).
	TimeTolerance float64
}

// Analyzer runs the use case. It is safe for concurrent use.
type Analyzer struct {
	cfg     Config
	matcher func() (*match.Matcher, error)
}

// New returns the use case. matcher gives the compiled dictionaries: it is
// called once per call analysed, after the inputs were read (so that a
// caller can report a dictionary's mistakes its own way); nil compiles the
// built-in ones.
func New(cfg Config, matcher func() (*match.Matcher, error)) *Analyzer {
	if cfg.TimeTolerance == 0 {
		cfg.TimeTolerance = transcribe.DefaultTimeTolerance
	}
	if matcher == nil {
		matcher = func() (*match.Matcher, error) { return analyze.LoadMatcher("", true) }
	}
	return &Analyzer{cfg: cfg, matcher: matcher}
}

// Input names one call's files. At least Audio or Transcript is set.
type Input struct {
	// Audio is the recording (WAV); empty: Transcript is analysed alone,
	// every time from it (its duration, else the end of its last segment).
	Audio string
	// Meta is the sidecar metadata; empty: X.json beside the audio (or
	// the transcript) when it exists.
	Meta string
	// Transcript is the transcript; empty: X.transcript.json beside the
	// audio. With VAD and no such file, the call gets its timing only.
	Transcript string
	// VAD takes speech timing from the VAD run on the recording instead of
	// the transcript's.
	VAD bool
	// Profile scores by this profile instead of the one the call's
	// department, queue and direction choose.
	Profile string
}

// Result is one call's analysis: the JSON `callscope analyze --format
// json` prints (docs/scoring.md, "The analyze JSON", documents every field).
type Result struct {
	FormatVersion     int                `json:"format_version"`
	Audio             *AudioInfo         `json:"audio,omitempty"` // absent for a transcript alone
	TranscriptFile    string             `json:"transcript_file"` // "" for timing only
	MetadataFile      string             `json:"metadata_file,omitempty"`
	CallID            string             `json:"call_id"`
	Language          string             `json:"language"`
	DictionaryVersion string             `json:"dictionary_version"`
	ProfilesVersion   string             `json:"profiles_version,omitempty"`
	SpeechTiming      string             `json:"speech_timing"` // TimingSegments, TimingSpeech or TimingVAD
	Meta              schemas.Metadata   `json:"meta"`
	ASR               schemas.ASRInfo    `json:"asr"`
	Metrics           schemas.Metrics    `json:"metrics"`
	Parameters        map[string]float64 `json:"parameters"`
	Categories        map[string]int     `json:"categories"`
	Hits              []schemas.Hit      `json:"hits"`
	Score             *schemas.Score     `json:"score"`
}

// AudioInfo describes the decoded recording.
type AudioInfo struct {
	File       string  `json:"file"`
	Format     string  `json:"format"`
	SampleRate int     `json:"sample_rate"`
	Channels   int     `json:"channels"`
	Duration   float64 `json:"duration"`
}

// AnalyzeFile reads the call's files and analyses it.
func (a *Analyzer) AnalyzeFile(ctx context.Context, in Input) (*Result, error) {
	if in.Audio == "" && in.Transcript == "" {
		return nil, fmt.Errorf("analyze: %w: give the audio, the transcript or both", ErrInput)
	}
	if in.Audio == "" && in.VAD {
		return nil, fmt.Errorf("analyze: %w", ErrVADNeedsAudio)
	}
	var base string
	var rec *recording
	if in.Audio != "" {
		base = strings.TrimSuffix(in.Audio, filepath.Ext(in.Audio))
		var err error
		if rec, err = readAudio(in.Audio); err != nil {
			return nil, err
		}
	} else {
		base = strings.TrimSuffix(strings.TrimSuffix(in.Transcript, schemas.TranscriptSuffix), filepath.Ext(in.Transcript))
	}
	metaFile := in.Meta
	if metaFile == "" {
		if _, err := os.Stat(base + ".json"); err == nil {
			metaFile = base + ".json"
		}
	}
	meta, err := a.readMeta(metaFile)
	if err != nil {
		return nil, err
	}
	if meta.CallID == "" {
		meta.CallID = filepath.Base(base)
	}

	trFile := in.Transcript
	if trFile == "" {
		trFile = base + schemas.TranscriptSuffix
	}
	var tr schemas.Transcript
	timing := TimingSegments
	if _, statErr := os.Stat(trFile); in.Transcript == "" && in.VAD && errors.Is(statErr, fs.ErrNotExist) {
		// No transcript: the pipeline's asr.adapter none.
		if tr, err = a.timingOnly(ctx, rec, meta.Channels); err != nil {
			return nil, fmt.Errorf("analyze: %s: %w", in.Audio, err)
		}
		trFile, timing = "", TimingVAD
	} else {
		if tr, err = a.readTranscript(trFile, rec); err != nil {
			return nil, err
		}
		if in.VAD {
			if err := a.detectSpeech(ctx, &tr, rec, meta.Channels); err != nil {
				return nil, fmt.Errorf("analyze: %s: %w", in.Audio, err)
			}
			timing = TimingVAD
		} else if hasSpeech(tr) {
			timing = TimingSpeech
		}
	}
	if tr.Language == "" {
		tr.Language = meta.Language
	}

	m, err := a.matcher()
	if err != nil {
		return nil, err
	}
	profiles, err := analyze.LoadProfiles(a.cfg.ScoringDir)
	if err != nil {
		return nil, fmt.Errorf("analyze: scoring profiles: %w", err)
	}
	if in.Profile != "" && profiles.Profile(in.Profile) == nil {
		var names []string
		for _, p := range profiles.Profiles {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("profile %q: %w (have %s)", in.Profile, ErrNoProfile, strings.Join(names, ", "))
	}
	an := analyze.NewWith(analyze.Config{Profile: in.Profile}, func() *match.Matcher { return m }, profiles)
	res := an.AnalyzeCall(tr, meta)
	out := &Result{
		FormatVersion:  FormatVersion,
		TranscriptFile: trFile, MetadataFile: metaFile,
		CallID: res.CallID, Language: an.Language(tr, meta), DictionaryVersion: res.DictionaryVersion,
		ProfilesVersion: profiles.Version, SpeechTiming: timing,
		Meta: res.Meta, ASR: res.ASR, Metrics: res.Metrics, Parameters: res.Parameters,
		Categories: res.Categories, Hits: res.Hits, Score: res.Score,
	}
	if rec != nil {
		out.Audio = &AudioInfo{File: in.Audio, Format: rec.raw.Format, SampleRate: rec.raw.SampleRate,
			Channels: rec.raw.NumChannels(), Duration: round3(rec.raw.Duration())}
	}
	// Empty lists and maps print as [] and {}, never null: scripts index them.
	if out.Categories == nil {
		out.Categories = map[string]int{}
	}
	if out.Hits == nil {
		out.Hits = []schemas.Hit{}
	}
	return out, nil
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

// readMeta reads the sidecar as ingest does (the same size limit and
// parser) and protects its personal data as ingest does; "" is no sidecar.
func (a *Analyzer) readMeta(name string) (schemas.Metadata, error) {
	var meta schemas.Metadata
	if name != "" {
		data, err := safefile.Read(name, ingest.MaxSidecarBytes)
		if errors.Is(err, safefile.ErrTooLarge) {
			return meta, fmt.Errorf("analyze: %w: %w: %s: larger than %d bytes", ErrInput, ingest.ErrBadMetadata, name, ingest.MaxSidecarBytes)
		}
		if err != nil {
			return meta, fmt.Errorf("analyze: metadata: %w", err)
		}
		if meta, err = ingest.ParseMetadata(data, name); err != nil {
			return meta, fmt.Errorf("analyze: %w", err)
		}
	}
	mode, err := ingest.ParsePhoneTags(a.cfg.PhoneTags)
	if err != nil {
		return meta, err
	}
	ingest.Protect(&meta, a.cfg.ClientIDKey, mode)
	return meta, nil
}

// recording is a WAV file's bytes and its parsed header, read the way the
// transcribe stage reads a download (transcribe.OpenRecording).
type recording struct {
	data []byte
	raw  *wav.Raw
}

func readAudio(name string) (*recording, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("analyze: audio: %w", err)
	}
	raw, _, err := transcribe.OpenRecording(data, nil)
	if err != nil {
		return nil, fmt.Errorf("analyze: %s: %w: %w", name, ErrInput, err)
	}
	return &recording{data: data, raw: raw}, nil
}

// channels splits the recording by the channel map and runs the VAD over
// them: the transcribe stage's pure core.
func (a *Analyzer) channels(ctx context.Context, rec *recording, chmap map[string]string) ([]transcribe.Channel, []schemas.Interval, error) {
	d, err := vad.New(a.cfg.VAD)
	if err != nil {
		return nil, nil, fmt.Errorf("vad: %w", err)
	}
	_, channels, err := transcribe.OpenRecording(rec.data, chmap)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrInput, err)
	}
	holds, err := transcribe.DetectSpeech(ctx, d, channels)
	if err != nil {
		return nil, nil, err
	}
	return channels, holds, nil
}

// timingOnly is the transcript of a recording without one, made as the
// pipeline makes it with asr.adapter none: the VAD's speech per channel,
// no text.
func (a *Analyzer) timingOnly(ctx context.Context, rec *recording, chmap map[string]string) (schemas.Transcript, error) {
	channels, holds, err := a.channels(ctx, rec, chmap)
	if err != nil {
		return schemas.Transcript{}, err
	}
	none, err := transcribe.NewAdapter(schemas.ASRNone, nil)
	if err != nil {
		return schemas.Transcript{}, err
	}
	tr, err := none.Transcribe(ctx, transcribe.Call{Duration: rec.raw.Duration(), Channels: channels})
	if err != nil {
		return schemas.Transcript{}, err
	}
	tr.Duration = rec.raw.Duration()
	tr.HoldDetected = holds
	return tr, nil
}

// detectSpeech runs the VAD on the call's channels and puts each channel's
// speech into the transcript channel of the same role (replacing the
// transcript's own), and the holds heard into HoldDetected unless the
// transcript has them.
func (a *Analyzer) detectSpeech(ctx context.Context, tr *schemas.Transcript, rec *recording, chmap map[string]string) error {
	channels, holds, err := a.channels(ctx, rec, chmap)
	if err != nil {
		return err
	}
	for _, ch := range channels {
		for j := range tr.Channels {
			if tr.Channels[j].Role == ch.Role {
				tr.Channels[j].Speech = ch.Speech
			}
		}
	}
	if tr.HoldDetected == nil {
		tr.HoldDetected = holds
	}
	return nil
}

// readTranscript reads and checks the transcript as the transcribe stage
// does: valid, and no speech past the end of the audio (when there is
// audio; without it the transcript's own times are the call's).
func (a *Analyzer) readTranscript(name string, rec *recording) (schemas.Transcript, error) {
	data, err := safefile.Read(name, schemas.MaxTranscriptBytes)
	if errors.Is(err, safefile.ErrTooLarge) {
		return schemas.Transcript{}, fmt.Errorf("analyze: %s: %w: %w", name, ErrInput, schemas.ErrTranscriptTooLarge)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return schemas.Transcript{}, fmt.Errorf("analyze: %w: %w %s", ErrInput, ErrNoTranscript, name)
	}
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("analyze: transcript: %w", err)
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		return tr, fmt.Errorf("analyze: %s: %w: %w", name, ErrInput, err)
	}
	if tr.ASR.Adapter == "" {
		tr.ASR.Adapter = "import"
	}
	if rec == nil {
		return tr, nil
	}
	tr.Duration = rec.raw.Duration()
	if err := transcribe.CheckFits(tr, a.cfg.TimeTolerance); err != nil {
		return tr, fmt.Errorf("analyze: %s: %w: %w", name, ErrInput, err)
	}
	return tr, nil
}

func hasSpeech(tr schemas.Transcript) bool {
	return slices.ContainsFunc(tr.Channels, func(c schemas.TranscriptChannel) bool { return len(c.Speech) > 0 })
}
