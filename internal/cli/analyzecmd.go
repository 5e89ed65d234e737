package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyzecall"
	"github.com/callscope/callscope/schemas"
)

func init() { registerCommand(newAnalyzeCmd) }

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
	if st, err := os.Stat(o.audio); o.audio != "" && err == nil && st.IsDir() {
		return fmt.Errorf("--audio %s is a directory: analyze takes one recording; callscope run %s analyses every one in it", o.audio, o.audio)
	}
	cfg := o.g.cfg
	uc := analyzecall.New(analyzecall.Config{ScoringDir: cfg.Scoring.Dir,
		ClientIDKey: []byte(cfg.Privacy.ClientIDKey), PhoneTags: cfg.Privacy.PhoneTags},
		func() (*match.Matcher, error) {
			return loadOrReport(dictSource{path: cfg.Dictionaries.Dir, noModels: !cfg.Dictionaries.Models}, o.g.errOut)
		})
	out, err := uc.AnalyzeFile(ctx, analyzecall.Input{Audio: o.audio, Meta: o.meta, Transcript: o.transcript,
		VAD: o.vad, Profile: o.profile})
	switch {
	case errors.Is(err, analyzecall.ErrNoProfile):
		return fmt.Errorf("--%w", err)
	case errors.Is(err, analyzecall.ErrNoTranscript):
		hint := "give one with --transcript"
		if o.audio != "" {
			hint += ", or --vad for the timing parameters only"
		}
		return fmt.Errorf("%w (%s)", err, hint)
	case err != nil:
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

func printAnalysis(w io.Writer, a *analyzecall.Result) error {
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
	if w := a.Meta.Tags[schemas.WarningsTag]; w != "" {
		for _, one := range strings.Split(w, "; ") {
			fmt.Fprintf(&b, "warning: %s\n", one)
		}
	}
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
