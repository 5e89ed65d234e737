package vad

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
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
			for _, iv := range speech {
				if !inside(iv, ch.Segments, tol) {
					t.Errorf("%s: speech %.2f-%.2f s outside every transcript segment %v", name, iv.Start, iv.End, times(ch.Segments))
				}
			}
			for _, s := range ch.Segments {
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
