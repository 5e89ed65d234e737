package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/safefile"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

func init() { registerCommand(newAnalyzeCmd) }

// ErrAnalyzeInput is wrapped by every error about the files given to
// `callscope analyze`; the message names the file.
var ErrAnalyzeInput = errors.New("bad input")

// AnalyzeFormatVersion is the version of the JSON `callscope analyze`
// prints. It changes only when a field changes meaning or disappears;
// new fields may appear without a change.
const AnalyzeFormatVersion = 1

// fitTolerance is how far the transcript's speech may run past the end of
// the audio: the transcribe stage's default.
const fitTolerance = 2.0

type analyzeOptions struct {
	g              *globals
	audio          string
	meta           string
	transcript     string
	format         string
	profile        string
	listParameters bool
	vad            bool
}

func newAnalyzeCmd(g *globals) *cobra.Command {
	opts := &analyzeOptions{g: g}
	cmd := &cobra.Command{
		Use:   "analyze (--audio X.wav [--transcript X.transcript.json] | --transcript X.json) [--meta X.json] [--vad] [--format json|text]",
		Short: "Analyse one call offline: parameters, phrase hits and the score with its reasons",
		Long: `analyze runs the analyze stage on one recording without any server: it
decodes the WAV, reads the sidecar metadata and the transcript, computes
every parameter (docs/parameters.md), finds the dictionary phrases and
scores the call by its scoring profile (docs/scoring.md), then prints it
all.

--meta defaults to X.json beside the audio when it exists, --transcript to
X.transcript.json beside it. The channel map of the metadata says which WAV
channel is the operator's; --vad runs Silero VAD over each channel and
takes speech timing from it instead of the transcript's segment times.

Without --audio, --transcript alone is analysed: every time comes from the
transcript (its duration, else the end of its last segment). Without a
transcript, --audio with --vad gives the timing parameters only (talk,
silence, overtalk, interruptions, per side, from the VAD), as the pipeline
does with asr.adapter none; the text parameters and categories are then
unknown and left out.

--format json prints the document integrators script against (its fields
are in docs/scoring.md, "The analyze JSON"); --format text is for people.
--list-parameters prints every parameter with its unit and source.`,
		Example: `  callscope analyze --audio testdata/calls/10_interrupt.wav
  callscope analyze --transcript testdata/calls/05_third_time.transcript.json
  callscope analyze --audio call-without-transcript.wav --vad
  callscope analyze --audio call.wav --transcript asr/call.json --format json
  callscope analyze --audio call.wav --profile sales --scoring my-profiles/
  callscope analyze --list-parameters`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAnalyze(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "dictionaries", "dictionaries.dir", "", "directory of dictionary YAML files (empty: built-in)")
	g.bind(cmd.Flags(), "scoring", "scoring.dir", "", "directory of scoring profile YAML files (empty: built-in)")
	f := cmd.Flags()
	f.StringVar(&opts.audio, "audio", "", "the recording (WAV); without it, --transcript is analysed alone")
	f.StringVar(&opts.meta, "meta", "", "sidecar metadata JSON (default: X.json beside the audio or transcript, when present)")
	f.StringVar(&opts.transcript, "transcript", "", "transcript JSON (default: X.transcript.json beside the audio; none with --vad: timing only)")
	f.StringVar(&opts.format, "format", "text", "output: text or json")
	f.StringVar(&opts.profile, "profile", "", "score by this profile instead of the one the call's department, queue and direction choose")
	f.BoolVar(&opts.listParameters, "list-parameters", false, "list every parameter with its unit, source and definition, and exit")
	f.BoolVar(&opts.vad, "vad", false, "take speech timing from Silero VAD run on the audio (needs the VAD model)")
	return cmd
}

// AnalyzeOutput is the JSON `callscope analyze --format json` prints.
// docs/scoring.md documents every field.
type AnalyzeOutput struct {
	FormatVersion     int                `json:"format_version"`
	Audio             *AudioInfo         `json:"audio,omitempty"` // absent for --transcript alone
	TranscriptFile    string             `json:"transcript_file"` // "" for timing only (--vad without a transcript)
	MetadataFile      string             `json:"metadata_file,omitempty"`
	CallID            string             `json:"call_id"`
	Language          string             `json:"language"`
	DictionaryVersion string             `json:"dictionary_version"`
	ProfilesVersion   string             `json:"profiles_version,omitempty"`
	SpeechTiming      string             `json:"speech_timing"` // segments, speech (the transcript's VAD intervals) or vad
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

func runAnalyze(ctx context.Context, o *analyzeOptions) error {
	if o.format != "text" && o.format != "json" {
		return fmt.Errorf("--format %q: want text or json", o.format)
	}
	if o.listParameters {
		return listParameters(o.g.out, o.format)
	}
	if o.audio == "" && o.transcript == "" {
		return errors.New("give --audio, --transcript or both (or --list-parameters)")
	}
	if o.audio == "" && o.vad {
		return errors.New("--vad needs --audio: the VAD runs on the recording")
	}
	out, err := analyzeFile(ctx, o)
	if err != nil {
		return err
	}
	if o.format == "json" {
		enc := json.NewEncoder(o.g.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return printAnalysis(o.g.out, out)
}

// analyzeFile reads the inputs and analyses the call.
func analyzeFile(ctx context.Context, o *analyzeOptions) (*AnalyzeOutput, error) {
	var base string
	var audio *recording
	if o.audio != "" {
		base = strings.TrimSuffix(o.audio, filepath.Ext(o.audio))
		var err error
		if audio, err = readAudio(o.audio); err != nil {
			return nil, err
		}
	} else {
		base = strings.TrimSuffix(strings.TrimSuffix(o.transcript, schemas.TranscriptSuffix), filepath.Ext(o.transcript))
	}
	metaFile := o.meta
	if metaFile == "" {
		if _, err := os.Stat(base + ".json"); err == nil {
			metaFile = base + ".json"
		}
	}
	var meta schemas.Metadata
	if metaFile != "" {
		// The same limit as ingest: a sidecar ingest would refuse is
		// refused here too.
		data, err := safefile.Read(metaFile, ingest.MaxSidecarBytes)
		if errors.Is(err, safefile.ErrTooLarge) {
			return nil, fmt.Errorf("analyze: %w: %w: %s: larger than %d bytes", ErrAnalyzeInput, ingest.ErrBadMetadata, metaFile, ingest.MaxSidecarBytes)
		}
		if err != nil {
			return nil, fmt.Errorf("analyze: metadata: %w", err)
		}
		if meta, err = ingest.ParseMetadata(data, metaFile); err != nil {
			return nil, fmt.Errorf("analyze: %w", err)
		}
	}
	mode, err := ingest.ParsePhoneTags(o.g.cfg.Privacy.PhoneTags)
	if err != nil {
		return nil, err
	}
	ingest.Protect(&meta, []byte(o.g.cfg.Privacy.ClientIDKey), mode)
	if meta.CallID == "" {
		meta.CallID = filepath.Base(base)
	}
	trFile := o.transcript
	if trFile == "" {
		trFile = base + schemas.TranscriptSuffix
	}
	var tr schemas.Transcript
	if _, statErr := os.Stat(trFile); o.transcript == "" && o.vad && errors.Is(statErr, fs.ErrNotExist) {
		// No transcript: timing from the VAD, text unknown.
		tr, trFile = timingOnlyTranscript(audio, meta.Channels), ""
	} else if tr, err = readCallTranscript(trFile, audio); err != nil {
		return nil, err
	}
	if tr.Language == "" {
		tr.Language = meta.Language
	}
	timing := "segments"
	if o.vad {
		if err := detectSpeech(ctx, &tr, audio, meta.Channels); err != nil {
			return nil, fmt.Errorf("analyze: %s: %w", o.audio, err)
		}
		timing = "vad"
	} else if hasSpeech(tr) {
		timing = "speech"
	}

	m, err := loadOrReport(dictSource{o.g.cfg.Dictionaries.Dir}, o.g.errOut)
	if err != nil {
		return nil, err
	}
	profiles, err := analyze.LoadProfiles(o.g.cfg.Scoring.Dir)
	if err != nil {
		return nil, fmt.Errorf("analyze: scoring profiles: %w", err)
	}
	if o.profile != "" && profiles.Profile(o.profile) == nil {
		var names []string
		for _, p := range profiles.Profiles {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("--profile %q: no such profile (have %s)", o.profile, strings.Join(names, ", "))
	}
	a := analyze.NewWith(analyze.Config{Profile: o.profile}, func() *match.Matcher { return m }, profiles)
	res := a.AnalyzeCall(tr, meta)
	out := &AnalyzeOutput{
		FormatVersion:  AnalyzeFormatVersion,
		TranscriptFile: trFile, MetadataFile: metaFile,
		CallID: res.CallID, Language: a.Language(tr, meta), DictionaryVersion: res.DictionaryVersion,
		ProfilesVersion: profiles.Version, SpeechTiming: timing,
		Meta: res.Meta, ASR: res.ASR, Metrics: res.Metrics, Parameters: res.Parameters,
		Categories: res.Categories, Hits: res.Hits, Score: res.Score,
	}
	if audio != nil {
		out.Audio = &AudioInfo{File: o.audio, Format: audio.raw.Format, SampleRate: audio.raw.SampleRate,
			Channels: audio.raw.NumChannels(), Duration: round3(audio.Duration())}
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

// recording is a WAV file's bytes and its parsed header, read the way the
// transcribe stage reads a download (transcribe.OpenRecording).
type recording struct {
	data []byte
	raw  *wav.Raw
}

func (r *recording) Duration() float64 { return r.raw.Duration() }

func readAudio(name string) (*recording, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("analyze: audio: %w", err)
	}
	raw, _, err := transcribe.OpenRecording(data, nil)
	if err != nil {
		return nil, fmt.Errorf("analyze: %s: %w: %w", name, ErrAnalyzeInput, err)
	}
	return &recording{data: data, raw: raw}, nil
}

// timingOnlyTranscript is the transcript of a recording without one, as
// the pipeline's asr.adapter none makes it: a channel per WAV channel by
// the channel map, no text; detectSpeech fills in the speech.
func timingOnlyTranscript(audio *recording, chmap map[string]string) schemas.Transcript {
	tr := schemas.Transcript{Duration: audio.Duration(), ASR: schemas.ASRInfo{Adapter: schemas.ASRNone}}
	_, channels, _ := transcribe.OpenRecording(audio.data, chmap) // readAudio parsed it
	for _, ch := range channels {
		tr.Channels = append(tr.Channels, schemas.TranscriptChannel{Role: ch.Role, Segments: []schemas.Segment{}})
	}
	return tr
}

// readCallTranscript reads and checks the transcript as the transcribe stage
// does: valid, and no speech past the end of the audio (when there is
// audio; without it the transcript's own times are the call's).
func readCallTranscript(name string, audio *recording) (schemas.Transcript, error) {
	data, err := safefile.Read(name, schemas.MaxTranscriptBytes)
	if errors.Is(err, safefile.ErrTooLarge) {
		return schemas.Transcript{}, fmt.Errorf("analyze: %s: %w: %w", name, ErrAnalyzeInput, schemas.ErrTranscriptTooLarge)
	}
	if errors.Is(err, fs.ErrNotExist) {
		hint := "give one with --transcript"
		if audio != nil {
			hint += ", or --vad for the timing parameters only"
		}
		return schemas.Transcript{}, fmt.Errorf("analyze: %w: no transcript %s (%s)", ErrAnalyzeInput, name, hint)
	}
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("analyze: transcript: %w", err)
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		return tr, fmt.Errorf("analyze: %s: %w: %w", name, ErrAnalyzeInput, err)
	}
	if tr.ASR.Adapter == "" {
		tr.ASR.Adapter = "import"
	}
	if audio == nil {
		return tr, nil
	}
	tr.Duration = audio.Duration()
	for _, ch := range tr.Channels {
		for i, seg := range ch.Segments {
			if seg.End > tr.Duration+fitTolerance {
				return tr, fmt.Errorf("analyze: %s: %w: %s segment %d ends at %.1f s but the audio lasts %.1f s",
					name, ErrAnalyzeInput, ch.Role, i, seg.End, tr.Duration)
			}
		}
	}
	return tr, nil
}

func hasSpeech(tr schemas.Transcript) bool {
	return slices.ContainsFunc(tr.Channels, func(c schemas.TranscriptChannel) bool { return len(c.Speech) > 0 })
}

// detectSpeech runs the VAD on the call's channels, split by the channel
// map and examined exactly as the transcribe stage does it (the same code:
// transcribe.OpenRecording, transcribe.DetectSpeech), puts each channel's
// speech into the transcript channel of the same role, and the holds heard
// into HoldDetected.
func detectSpeech(ctx context.Context, tr *schemas.Transcript, audio *recording, chmap map[string]string) error {
	d, err := vad.New(vad.Config{})
	if err != nil {
		return fmt.Errorf("--vad: %w", err)
	}
	_, channels, err := transcribe.OpenRecording(audio.data, chmap)
	if err != nil {
		return err
	}
	holds, err := transcribe.DetectSpeech(ctx, d, channels)
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

// --- output ---

func listParameters(w io.Writer, format string) error {
	ps := analyze.Parameters()
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(ps)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PARAMETER\tUNIT\tSOURCE\tDEFINITION")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Unit, p.Source, p.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d parameters with a fixed name, plus hits_<category> for each dictionary category (docs/parameters.md)\n", len(ps)-1)
	return err
}

var outcomeMark = map[string]string{
	schemas.CriterionPassed: "+", schemas.CriterionFailed: "-", schemas.CriterionNotApplicable: " ",
}

func printAnalysis(w io.Writer, a *AnalyzeOutput) error {
	var b bytes.Buffer
	if au := a.Audio; au != nil {
		channels := "stereo"
		if au.Channels == 1 {
			channels = "mono"
		}
		fmt.Fprintf(&b, "call %s  %s (%s %s %d Hz, %.3f s)\n", a.CallID, au.File, au.Format, channels, au.SampleRate, au.Duration)
	} else {
		fmt.Fprintf(&b, "call %s  %s (no audio: times from the transcript, %.3f s)\n", a.CallID, a.TranscriptFile, a.Metrics.Duration)
	}
	fmt.Fprintf(&b, "operator %s %s, department %s, queue %s, direction %s, language %s\n",
		dash(a.Meta.Operator.ID), a.Meta.Operator.Name, dash(a.Meta.Operator.Department), dash(a.Meta.Queue), dash(a.Meta.Direction), a.Language)
	fmt.Fprintf(&b, "speech timing from %s; dictionaries %s\n", a.SpeechTiming, a.DictionaryVersion)
	if a.ASR.Adapter == schemas.ASRNone {
		fmt.Fprintf(&b, "no transcript: timing only; what was said is unknown (words, hits and categories are left out)\n")
	}

	if s := a.Score; s != nil {
		fmt.Fprintf(&b, "\nSCORE %.2f of %g  (profile %s %s)\n", s.Value, s.Max, s.Profile, s.ProfileVersion)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, c := range s.Criteria {
			fmt.Fprintf(tw, "  %s %s\t%s\t×%g\t%s\n", outcomeMark[c.Outcome], c.Outcome, c.ID, c.Weight, c.Text)
			fmt.Fprintf(tw, "\t\t\t  %s\n", c.Evidence)
		}
		tw.Flush()
	} else {
		fmt.Fprintf(&b, "\nSCORE none: no scoring profile applies to this call\n")
	}

	fmt.Fprintf(&b, "\nHITS %d\n", len(a.Hits))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, h := range a.Hits {
		fmt.Fprintf(tw, "  %7.3f-%7.3f\t%s\t%s/%s\t%q\n", h.Start, h.End, h.Channel, h.Category, h.PhraseID, h.Text)
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nPARAMETERS %d\n", len(a.Parameters))
	names := make([]string, 0, len(a.Parameters))
	for n := range a.Parameters {
		names = append(names, n)
	}
	order := map[string]int{}
	for i, p := range analyze.Parameters() {
		order[p.Name] = i
	}
	slices.SortFunc(names, func(x, y string) int {
		ix, okx := order[x]
		iy, oky := order[y]
		switch {
		case okx && oky:
			return ix - iy
		case okx:
			return -1
		case oky:
			return 1
		}
		return strings.Compare(x, y)
	})
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, n := range names {
		fmt.Fprintf(tw, "  %s\t%g\t%s\n", n, a.Parameters[n], analyze.ParameterUnit(n))
	}
	tw.Flush()
	var unknown []string
	for _, p := range analyze.Parameters() {
		if _, ok := a.Parameters[p.Name]; !ok && !strings.Contains(p.Name, "<") {
			unknown = append(unknown, p.Name)
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintf(&b, "  unknown for this call: %s\n", strings.Join(unknown, ", "))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
