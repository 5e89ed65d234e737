package vad

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/onnxcheck"
	"github.com/callscope/callscope/transcribe/wav"
)

// detector returns a Detector, or skips saying what is missing.
func detector(t testing.TB) *Detector {
	t.Helper()
	d, err := New(Config{})
	if errors.Is(err, ErrUnavailable) {
		t.Skipf("Silero VAD not available (run scripts/setup.sh vad): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func decode(t testing.TB, path string) *wav.Audio {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := wav.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// The shipped calls' transcripts give where speech really is (within
// 0.05 s). A transcript segment is a turn and VAD may split it at a pause
// between sentences, so the check is: the speech found inside a segment
// starts and ends within 0.3 s of the segment's start and end, and no
// speech is found outside the segments.
func TestSpeechMatchesScriptedCalls(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 16 calls")
	}
	d := detector(t)
	files, _ := filepath.Glob("../../testdata/calls/*.wav")
	if len(files) == 0 {
		t.Fatal("no calls in testdata/calls")
	}
	const tol = 0.3
	var worst float64
	for _, f := range files {
		a := decode(t, f)
		data, err := os.ReadFile(strings.TrimSuffix(f, ".wav") + ".transcript.json")
		if err != nil {
			t.Fatal(err)
		}
		var tr schemas.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatal(err)
		}
		for ci, ch := range tr.Channels {
			speech, err := d.Detect(context.Background(), a.Channels[ci], a.SampleRate)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f) + "/" + ch.Role
			// Segments less than a turn pause apart are one stretch of
			// speech (on the mixed channel, two sides' turns can be).
			segs := bridgeSegments(ch.Segments, DefaultMinSilence)
			for _, iv := range speech {
				if !inside(iv, segs, tol) {
					t.Errorf("%s: speech %.2f-%.2f s outside every transcript segment %v", name, iv.Start, iv.End, times(segs))
				}
			}
			for _, s := range segs {
				first, last, ok := span(s, speech, tol)
				if !ok {
					t.Errorf("%s: segment %.2f-%.2f %q: no speech found", name, s.Start, s.End, s.Text)
					continue
				}
				ds, de := math.Abs(first-s.Start), math.Abs(last-s.End)
				worst = max(worst, ds, de)
				if ds > tol || de > tol {
					t.Errorf("%s: segment %.2f-%.2f %q: speech found %.2f-%.2f, want within %.1f s", name, s.Start, s.End, s.Text, first, last, tol)
				}
			}
		}
	}
	t.Logf("largest boundary difference: %.3f s", worst)
}

// bridgeSegments joins segments less than gap apart.
func bridgeSegments(in []schemas.Segment, gap float64) []schemas.Segment {
	var out []schemas.Segment
	for _, s := range in {
		if n := len(out); n > 0 && s.Start-out[n-1].End < gap {
			out[n-1].End = max(out[n-1].End, s.End)
			out[n-1].Text += " " + s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// inside reports whether iv lies within a segment (widened by tol).
func inside(iv schemas.Interval, segs []schemas.Segment, tol float64) bool {
	for _, s := range segs {
		if iv.Start >= s.Start-tol && iv.End <= s.End+tol {
			return true
		}
	}
	return false
}

// span is the extent of the speech found within segment s (widened by tol).
func span(s schemas.Segment, speech []schemas.Interval, tol float64) (first, last float64, ok bool) {
	for _, iv := range speech {
		if iv.Start >= s.Start-tol && iv.End <= s.End+tol {
			if !ok {
				first = iv.Start
			}
			last, ok = iv.End, true
		}
	}
	return first, last, ok
}

func times(segs []schemas.Segment) [][2]float64 {
	out := make([][2]float64, len(segs))
	for i, s := range segs {
		out[i] = [2]float64{s.Start, s.End}
	}
	return out
}

// asteriskDir holds Debian's asterisk-core-sounds-ru-wav: real human
// Russian telephone prompts at 8 kHz (CC-BY-3.0).
const asteriskDir = "/usr/share/asterisk/sounds/ru_RU_f_IvrvoiceRU"

// Real human speech: every prompt is speech from near its start to near
// its end, with the silence the recording studio left around it. Prompts
// with silence laid in the middle are not assumed to be one interval.
func TestSpeechInRealTelephonePrompts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over real recordings")
	}
	d := detector(t)
	prompts := []string{"all-circuits-busy-now", "agent-loginok", "pls-try-call-later", "privacy-prompt", "vm-tmpexists", "cancelled"}
	var checked int
	for _, p := range prompts {
		path := filepath.Join(asteriskDir, p+".wav")
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s missing: install the Debian package asterisk-core-sounds-ru-wav (scripts/setup.sh apt)", path)
		}
		a := decode(t, path)
		ch := a.Channels[0]
		// Put the prompt into a call-like channel: 1.5 s silence, prompt,
		// 2 s silence, prompt again.
		gap1, gap2 := 1.5, 2.0
		sig := make([]float32, 0, 2*len(ch)+int(4*float64(a.SampleRate)))
		sig = append(sig, make([]float32, int(gap1*float64(a.SampleRate)))...)
		sig = append(sig, ch...)
		sig = append(sig, make([]float32, int(gap2*float64(a.SampleRate)))...)
		sig = append(sig, ch...)
		first, second := speechSpan(ch, a.SampleRate)
		dur := float64(len(ch)) / float64(a.SampleRate)
		want := []schemas.Interval{
			{Start: gap1 + first, End: gap1 + second},
			{Start: gap1 + dur + gap2 + first, End: gap1 + dur + gap2 + second},
		}
		speech, err := d.Detect(context.Background(), sig, a.SampleRate)
		if err != nil {
			t.Fatal(err)
		}
		if len(speech) == 0 {
			t.Errorf("%s: no speech found", p)
			continue
		}
		// The first interval starts at the first utterance, the last ends
		// at the end of the second one, and nothing is found in the 2 s gap.
		if got := speech[0].Start; math.Abs(got-want[0].Start) > 0.3 {
			t.Errorf("%s: speech starts at %.2f s, want %.2f (±0.3)", p, got, want[0].Start)
		}
		if got := speech[len(speech)-1].End; math.Abs(got-want[1].End) > 0.3 {
			t.Errorf("%s: speech ends at %.2f s, want %.2f (±0.3)", p, got, want[1].End)
		}
		for _, iv := range speech {
			if iv.Start > want[0].End+0.3 && iv.End < want[1].Start-0.3 {
				t.Errorf("%s: speech %.2f-%.2f inside the silence between the prompts", p, iv.Start, iv.End)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no prompt checked")
	}
}

// speechSpan is where a studio recording's signal rises above -40 dBFS
// (20 ms frames): the reference the VAD is held to.
func speechSpan(s []float32, rate int) (first, last float64) {
	frame := rate / 50
	first, last = -1, 0
	for i := 0; i+frame <= len(s); i += frame {
		var e float64
		for _, v := range s[i : i+frame] {
			e += float64(v) * float64(v)
		}
		if 10*math.Log10(e/float64(frame)+1e-12) > -40 {
			if first < 0 {
				first = float64(i) / float64(rate)
			}
			last = float64(i+frame) / float64(rate)
		}
	}
	return first, last
}

// Reading a channel a block at a time from the file's bytes finds the
// same speech, to the millisecond, as the decoded channel: the stage's
// memory saving changes no interval.
func TestDetectSamplesMatchesDetect(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD")
	}
	d := detector(t)
	tests := []struct{ file, format string }{
		{"01_polite_model.wav", "pcm16"},
		{"02_complaint.wav", "alaw"},
		{"08_negated_complaint.wav", "mulaw"},
		{"12_mono_mixed.wav", "pcm16"}, // mono
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("../../testdata/calls", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := wav.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if raw.Format != tt.format {
				t.Fatalf("format %s, want %s", raw.Format, tt.format)
			}
			a := decode(t, path)
			for c := range a.Channels {
				want, err := d.Detect(context.Background(), a.Channels[c], a.SampleRate)
				if err != nil {
					t.Fatal(err)
				}
				got, err := d.DetectSamples(context.Background(), raw.Channel(c), raw.SampleRate)
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 {
					t.Fatalf("channel %d: no speech found, the comparison would prove nothing", c)
				}
				if !slices.Equal(got, want) {
					t.Errorf("channel %d: DetectSamples = %v, Detect = %v", c, got, want)
				}
			}
		})
	}
}

func TestSilenceHasNoSpeech(t *testing.T) {
	d := detector(t)
	speech, err := d.Detect(context.Background(), make([]float32, 8000*5), 8000)
	if err != nil {
		t.Fatal(err)
	}
	if len(speech) != 0 {
		t.Errorf("silence: %v, want no speech", speech)
	}
}

func TestDetectStopsOnCancel(t *testing.T) {
	d := detector(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.Detect(ctx, make([]float32, 8000*5), 8000); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

func TestMissingModelIsUnavailable(t *testing.T) {
	_, err := New(Config{Model: filepath.Join(t.TempDir(), "nope.onnx")})
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "nope.onnx") {
		t.Errorf("missing model: %v, want ErrUnavailable naming the file", err)
	}
}

// A model file that is not Silero VAD is an ErrUnavailable naming the
// file, not an exit inside sherpa-onnx.
func TestWrongModelIsUnavailable(t *testing.T) {
	v := func(name string, rank int) onnxcheck.Value { return onnxcheck.Value{Name: name, Rank: rank} }
	nemo := onnxcheck.Encode(&onnxcheck.Model{
		Inputs:   []onnxcheck.Value{v("audio_signal", 3), v("length", 1)},
		Outputs:  []onnxcheck.Value{v("logprobs", 3)},
		Metadata: map[string]string{"vocab_size": "34", "subsampling_factor": "4"},
	})
	mixed := onnxcheck.Encode(&onnxcheck.Model{ // v5 inputs, v4 outputs
		Inputs:  []onnxcheck.Value{v("input", 2), v("state", 3), v("sr", 0)},
		Outputs: []onnxcheck.Value{v("output", 2), v("hn", 3), v("cn", 3)},
	})
	tests := []struct {
		name    string
		content []byte
		wantErr string
	}{
		{"NeMo CTC model", nemo, "is not a Silero VAD v5 model: inputs are [audio_signal length], want [input state sr]; outputs are [logprobs], want [output stateN]"},
		{"v5 inputs with v4 outputs", mixed, "outputs are [output hn cn], want [output stateN]"},
		{"HTML page", []byte("<html>Not Found</html>"), "not an ONNX model"},
		{"empty file", nil, "not an ONNX model: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ModelFile)
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := New(Config{Model: path})
			if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("New: %v\nwant ErrUnavailable naming %s with %q", err, path, tt.wantErr)
			}
		})
	}
}

// What sherpa-onnx accepts passes: the v5 model scripts/setup.sh installs
// and a v4 model's declarations.
func TestSileroModelsPassTheCheck(t *testing.T) {
	v4 := filepath.Join(t.TempDir(), "silero_vad_v4.onnx")
	v := func(name string) onnxcheck.Value { return onnxcheck.Value{Name: name, Rank: -1} }
	os.WriteFile(v4, onnxcheck.Encode(&onnxcheck.Model{
		Inputs:  []onnxcheck.Value{v("input"), v("sr"), v("h"), v("c")},
		Outputs: []onnxcheck.Value{v("output"), v("hn"), v("cn")},
	}), 0o644)
	paths := []string{v4}
	for _, p := range DefaultModelPaths() {
		if _, err := os.Stat(p); err == nil {
			paths = append(paths, p)
		}
	}
	if len(paths) == 1 {
		t.Log("no installed Silero VAD model (scripts/setup.sh vad): checking the v4 declarations only")
	}
	for _, p := range paths {
		if err := checkModel(p); err != nil {
			t.Errorf("checkModel(%s): %v", p, err)
		}
	}
}

func TestMerge(t *testing.T) {
	got := merge([]schemas.Interval{{Start: 0, End: 1}, {Start: 1, End: 2}, {Start: 3, End: 3}, {Start: 4, End: 5}, {Start: 4.5, End: 4.8}})
	want := []schemas.Interval{{Start: 0, End: 2}, {Start: 4, End: 5}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("merge = %v, want %v", got, want)
	}
}

// BenchmarkDetect reports the real-time factor of VAD on one 8 kHz channel
// of a shipped call (resampling to 16 kHz included).
func BenchmarkDetect(b *testing.B) {
	d := detector(b)
	a := decode(b, "../../testdata/calls/01_polite_model.wav")
	ch := a.Channels[0]
	audio := time.Duration(float64(len(ch)) / float64(a.SampleRate) * float64(time.Second))
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Detect(context.Background(), ch, a.SampleRate); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(audio), "RTF")
}

// Calls analysed in parallel, each making and deleting its detectors,
// give each the same speech as one alone; in CI the runtime once aborted
// the process when a detector was made while the last one of the moment
// was deleted (see runtimeKeeper).
func TestDetectCallsInParallel(t *testing.T) {
	d := detector(t)
	a := decode(t, "../../testdata/calls/02_complaint.wav")
	chans := []wav.Samples{wav.Floats(a.Channels[0]), wav.Floats(a.Channels[1])}
	want, err := d.DetectCall(context.Background(), chans, a.SampleRate)
	if err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 6, 4
	errs := make(chan error, workers*rounds)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				got, err := d.DetectCall(context.Background(), chans, a.SampleRate)
				if err == nil && !reflect.DeepEqual(got, want) {
					err = fmt.Errorf("speech differs from one call alone: %v", got.Speech)
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
