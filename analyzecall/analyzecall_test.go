package analyzecall_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyzecall"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/vad"
)

var (
	calls = filepath.Join("..", "testdata", "calls")
	bad   = filepath.Join("..", "testdata", "bad")
)

func call(name string) string { return filepath.Join(calls, name) }

func hasVAD() bool {
	_, err := vad.New(vad.Config{})
	return err == nil
}

// TestAnalyzeFile runs the use case on the shipped recordings and checks
// what each input gives: the audio decoded, where the timing comes from,
// the ASR, the categories found and the profile that scored the call.
func TestAnalyzeFile(t *testing.T) {
	// A copy of a recording with its sidecar but no transcript: timing only.
	lone := t.TempDir()
	for _, f := range []string{"10_interrupt.wav", "10_interrupt.json"} {
		data, err := os.ReadFile(call(f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(lone, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name       string
		in         analyzecall.Input
		vad        bool // needs the VAD model
		audio      *analyzecall.AudioInfo
		timing     string
		asr        string
		callID     string
		categories map[string]int
		profile    string
		noText     bool // the text parameters are unknown
	}{
		{name: "stereo pcm16 with its transcript and sidecar", in: analyzecall.Input{Audio: call("10_interrupt.wav")},
			audio:  &analyzecall.AudioInfo{File: call("10_interrupt.wav"), Format: "pcm16", SampleRate: 8000, Channels: 2, Duration: 20.23},
			timing: analyzecall.TimingSegments, asr: "import", callID: "2026-11-20-000302",
			categories: map[string]int{"complaint": 1, "farewell": 1, "greeting": 1}, profile: "default"},
		{name: "a-law, outbound sales: the sales profile", in: analyzecall.Input{Audio: call("11_sales_outbound.wav")},
			audio:  &analyzecall.AudioInfo{File: call("11_sales_outbound.wav"), Format: "alaw", SampleRate: 8000, Channels: 2, Duration: 20.794},
			timing: analyzecall.TimingSegments, asr: "import",
			categories: map[string]int{"farewell": 2, "greeting": 1}, profile: "sales"},
		{name: "mono mixed", in: analyzecall.Input{Audio: call("12_mono_mixed.wav")},
			audio:  &analyzecall.AudioInfo{File: call("12_mono_mixed.wav"), Format: "pcm16", SampleRate: 8000, Channels: 1, Duration: 16.904},
			timing: analyzecall.TimingSegments, asr: "import",
			categories: map[string]int{"farewell": 1, "greeting": 1, "politeness": 2, "repeat_contact": 1}, profile: "default"},
		{name: "profile asked for", in: analyzecall.Input{Audio: call("10_interrupt.wav"), Profile: "sales"},
			audio:  &analyzecall.AudioInfo{File: call("10_interrupt.wav"), Format: "pcm16", SampleRate: 8000, Channels: 2, Duration: 20.23},
			timing: analyzecall.TimingSegments, asr: "import",
			categories: map[string]int{"complaint": 1, "farewell": 1, "greeting": 1}, profile: "sales"},
		{name: "transcript alone", in: analyzecall.Input{Transcript: call("10_interrupt.transcript.json")},
			timing: analyzecall.TimingSegments, asr: "import", callID: "2026-11-20-000302",
			categories: map[string]int{"complaint": 1, "farewell": 1, "greeting": 1}, profile: "default"},
		{name: "vad timing with the transcript's text", in: analyzecall.Input{Audio: call("10_interrupt.wav"), VAD: true}, vad: true,
			audio:  &analyzecall.AudioInfo{File: call("10_interrupt.wav"), Format: "pcm16", SampleRate: 8000, Channels: 2, Duration: 20.23},
			timing: analyzecall.TimingVAD, asr: "import",
			categories: map[string]int{"complaint": 1, "farewell": 1, "greeting": 1}, profile: "default"},
		{name: "no transcript: timing only, as asr.adapter none", in: analyzecall.Input{Audio: filepath.Join(lone, "10_interrupt.wav"), VAD: true}, vad: true,
			audio:  &analyzecall.AudioInfo{File: filepath.Join(lone, "10_interrupt.wav"), Format: "pcm16", SampleRate: 8000, Channels: 2, Duration: 20.23},
			timing: analyzecall.TimingVAD, asr: schemas.ASRNone, callID: "2026-11-20-000302",
			categories: map[string]int{}, profile: "default", noText: true},
	}
	a := analyzecall.New(analyzecall.Config{}, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.vad && !hasVAD() {
				t.Skip("no VAD model here")
			}
			got, err := a.AnalyzeFile(context.Background(), tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got.FormatVersion != analyzecall.FormatVersion || got.SpeechTiming != tt.timing || got.ASR.Adapter != tt.asr {
				t.Errorf("format %d, timing %s, asr %s", got.FormatVersion, got.SpeechTiming, got.ASR.Adapter)
			}
			if (got.Audio == nil) != (tt.audio == nil) || (got.Audio != nil && *got.Audio != *tt.audio) {
				t.Errorf("audio %+v, want %+v", got.Audio, tt.audio)
			}
			if tt.callID != "" && got.CallID != tt.callID {
				t.Errorf("call %q, want %q", got.CallID, tt.callID)
			}
			if len(got.Categories) != len(tt.categories) {
				t.Errorf("categories %v, want %v", got.Categories, tt.categories)
			}
			for c, n := range tt.categories {
				if got.Categories[c] != n {
					t.Errorf("categories %v, want %v", got.Categories, tt.categories)
				}
			}
			if got.Score == nil || got.Score.Profile != tt.profile {
				t.Fatalf("score %+v, want profile %s", got.Score, tt.profile)
			}
			if got.Hits == nil || got.Categories == nil {
				t.Error("hits or categories nil: they print as null")
			}
			_, words := got.Parameters["words_total"]
			if words == tt.noText || got.Parameters["talk_total"] <= 0 {
				t.Errorf("words_total present %v, talk_total %g", words, got.Parameters["talk_total"])
			}
			if got.Meta.Client.ID != "" {
				t.Errorf("the client's number is kept: %q", got.Meta.Client.ID)
			}
		})
	}
}

// TestAnalyzeFileSameTiming: the timing-only path (the none adapter over
// the VAD) gives the same timing parameters as the VAD with the transcript.
func TestAnalyzeFileSameTiming(t *testing.T) {
	if testing.Short() || !hasVAD() {
		t.Skip("runs the VAD model")
	}
	lone := t.TempDir()
	data, err := os.ReadFile(call("09_long_hold.wav"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lone, "09_long_hold.wav"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	a := analyzecall.New(analyzecall.Config{}, nil)
	ctx := context.Background()
	full, err := a.AnalyzeFile(ctx, analyzecall.Input{Audio: call("09_long_hold.wav"), VAD: true})
	if err != nil {
		t.Fatal(err)
	}
	alone, err := a.AnalyzeFile(ctx, analyzecall.Input{Audio: filepath.Join(lone, "09_long_hold.wav"), Meta: call("09_long_hold.json"), VAD: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range analyze.Parameters() {
		if p.Source != analyze.SourceTiming {
			continue
		}
		w, okw := full.Parameters[p.Name]
		g, okg := alone.Parameters[p.Name]
		if okw != okg || w != g {
			t.Errorf("%s: %g (%v) with the transcript, %g (%v) without", p.Name, w, okw, g, okg)
		}
		if okg {
			n++
		}
	}
	if n < 10 {
		t.Errorf("%d timing parameters", n)
	}
	if alone.ASR.Adapter != schemas.ASRNone || len(alone.Hits) != 0 {
		t.Errorf("asr %s, %d hits", alone.ASR.Adapter, len(alone.Hits))
	}
}

// TestAnalyzeFileErrors: bad input is refused with an error naming the
// file, wrapping the documented sentinels.
func TestAnalyzeFileErrors(t *testing.T) {
	tests := []struct {
		name string
		in   analyzecall.Input
		cfg  analyzecall.Config
		is   []error
	}{
		{"nothing", analyzecall.Input{}, analyzecall.Config{}, []error{analyzecall.ErrInput}},
		{"vad without audio", analyzecall.Input{Transcript: call("01_polite_model.transcript.json"), VAD: true}, analyzecall.Config{}, []error{analyzecall.ErrVADNeedsAudio}},
		{"not a wav", analyzecall.Input{Audio: filepath.Join(bad, "not_wav_text.wav")}, analyzecall.Config{}, []error{analyzecall.ErrInput}},
		{"three channels", analyzecall.Input{Audio: filepath.Join(bad, "three_channels.wav")}, analyzecall.Config{}, []error{analyzecall.ErrInput}},
		{"missing audio", analyzecall.Input{Audio: filepath.Join(bad, "missing.wav")}, analyzecall.Config{}, []error{os.ErrNotExist}},
		{"bad transcript", analyzecall.Input{Audio: filepath.Join(bad, "bad_transcript.wav")}, analyzecall.Config{}, []error{analyzecall.ErrInput, schemas.ErrBadTranscript}},
		{"transcript of another call", analyzecall.Input{Audio: filepath.Join(bad, "transcript_mismatch.wav")}, analyzecall.Config{}, []error{analyzecall.ErrInput, schemas.ErrBadTranscript}},
		{"no transcript", analyzecall.Input{Audio: filepath.Join(bad, "no_transcript.wav")}, analyzecall.Config{}, []error{analyzecall.ErrInput, analyzecall.ErrNoTranscript}},
		{"no such profile", analyzecall.Input{Audio: call("01_polite_model.wav"), Profile: "nope"}, analyzecall.Config{}, []error{analyzecall.ErrNoProfile}},
		{"bad phone tags setting", analyzecall.Input{Audio: call("01_polite_model.wav")}, analyzecall.Config{PhoneTags: "sometimes"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := analyzecall.New(tt.cfg, nil).AnalyzeFile(context.Background(), tt.in)
			if err == nil {
				t.Fatalf("no error: %+v", res)
			}
			for _, want := range tt.is {
				if !errors.Is(err, want) {
					t.Errorf("%v is not %v", err, want)
				}
			}
		})
	}
}

// TestAnalyzeFileMatcherError: a dictionary set that does not load is the
// caller's error, returned as it is.
func TestAnalyzeFileMatcherError(t *testing.T) {
	broken := errors.New("dictionaries: 2 mistakes")
	a := analyzecall.New(analyzecall.Config{}, func() (*match.Matcher, error) { return nil, broken })
	if _, err := a.AnalyzeFile(context.Background(), analyzecall.Input{Audio: call("01_polite_model.wav")}); !errors.Is(err, broken) {
		t.Fatalf("got %v", err)
	}
}

// TestAnalyzeFileProtectsClient: the client's number is replaced by its
// keyed hash, as ingest does, so the key changes the hash.
func TestAnalyzeFileProtectsClient(t *testing.T) {
	hash := func(key string) string {
		t.Helper()
		res, err := analyzecall.New(analyzecall.Config{ClientIDKey: []byte(key)}, nil).
			AnalyzeFile(context.Background(), analyzecall.Input{Audio: call("10_interrupt.wav")})
		if err != nil {
			t.Fatal(err)
		}
		if res.Meta.Client.ID != "" {
			t.Errorf("the client's number is kept: %q", res.Meta.Client.ID)
		}
		return res.Meta.Client.IDHash
	}
	if a, b := hash("key one"), hash("key two"); a == "" || a == b {
		t.Errorf("hashes %q and %q", a, b)
	}
}
