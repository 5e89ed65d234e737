//go:build cgo && !nosherpa

package sherpa

// These tests run the sherpa adapter end to end through the real
// sherpa-onnx runtime (its fbank features, ONNX Runtime, CTC greedy
// search, token timestamps) with a tiny NeMo-CTC-shaped model the test
// writes itself (internal/onnxgen.NemoCTC): a voice detector that says
// «да» for every stretch of loud frames. No speech model can be
// downloaded where they were written, and this one needs none. What they
// check is our side of sherpa-onnx: the model directory, the options,
// resampling, chunking, the timestamps turned into words at the right
// call times on the right channel. Recognition quality is not tested
// (see TestIntegrationTranscribesShippedCall for a real model).

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/callscope/callscope/internal/onnxgen"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

const tinyCalls = "../../testdata/calls"

// tinyTol is how far a word may lie outside the scripted speech, in
// seconds: the transcripts' times are exact to 0.05 s, and a word's time
// is its first 40 ms output frame (a word ends 80 ms after it starts).
const tinyTol = 0.15

// tinyModelDir writes the tiny model and its tokens into a fresh
// directory.
func tinyModelDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny-nemo-ctc")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := (onnxgen.NemoCTC{}).Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tinyAdapter builds the sherpa adapter through the registry, as the
// transcribe stage's wiring does.
func tinyAdapter(t testing.TB, opts map[string]any) *transcribe.RecognizerAdapter {
	t.Helper()
	a, err := transcribe.NewAdapter("sherpa", opts)
	if err != nil {
		t.Fatal(err)
	}
	ra, ok := a.(*transcribe.RecognizerAdapter)
	if !ok {
		t.Fatalf("NewAdapter(sherpa) = %T, want *transcribe.RecognizerAdapter", a)
	}
	t.Cleanup(func() { ra.Close() })
	return ra
}

// tinyVAD is Silero VAD, or nil when it cannot run here (the stage then
// decodes whole channels, as it does in production).
func tinyVAD(t testing.TB) *vad.Detector {
	d, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		t.Logf("without VAD, whole channels are decoded (run scripts/setup.sh vad for Silero): %v", err)
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tinyStage is the transcribe stage over testdata/calls.
func tinyStage(t testing.TB, a transcribe.Adapter) *transcribe.Stage {
	d := tinyVAD(t)
	cfg := transcribe.Config{VAD: d, NoVAD: d == nil, Logger: slog.New(slog.DiscardHandler)}
	return transcribe.NewStage(cfg, tinyFiles{}, a, nil)
}

// tinyFiles serves testdata/calls as the calls bucket.
type tinyFiles struct{}

func (tinyFiles) ReadObject(_ context.Context, _, key string, _ int64) ([]byte, bool, error) {
	data, err := os.ReadFile(filepath.Join(tinyCalls, key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	return data, err == nil, err
}

func (tinyFiles) PutObject(context.Context, string, string, []byte, string) error {
	return errors.New("tinyFiles: read-only")
}

// tinyJob is the transcribe job of a shipped call, with its sidecar's
// metadata (call 13's swapped channel map among it).
func tinyJob(t testing.TB, name string) schemas.TranscribeJob {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tinyCalls, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta schemas.Metadata
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return schemas.TranscribeJob{CallID: meta.CallID, Meta: meta, Audio: schemas.Object{Bucket: "calls", Key: name + ".wav"}}
}

// tinyTruth is a shipped call's scripted transcript: where each channel
// really speaks.
func tinyTruth(t testing.TB, name string) schemas.Transcript {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tinyCalls, name+".transcript.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tr schemas.Transcript
	if err := json.Unmarshal(data, &tr); err != nil {
		t.Fatalf("%s.transcript.json: %v", name, err)
	}
	return tr
}

func tinyNames(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(tinyCalls, "*.wav"))
	if len(files) == 0 {
		t.Fatalf("no calls in %s", tinyCalls)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(filepath.Base(f), ".wav")
	}
	return names
}

func tinyWords(ch schemas.TranscriptChannel) []schemas.Word {
	var out []schemas.Word
	for _, s := range ch.Segments {
		out = append(out, s.Words...)
	}
	return out
}

// checkAgainstTruth checks a channel's words against where it really
// speaks: every word inside a scripted turn, every turn with a word.
// It returns the number of words.
func checkAgainstTruth(t *testing.T, where string, got schemas.TranscriptChannel, truth []schemas.Segment) int {
	t.Helper()
	words := tinyWords(got)
	for _, w := range words {
		if !slices.ContainsFunc(truth, func(s schemas.Segment) bool {
			return w.Start >= s.Start-tinyTol && w.End <= s.End+tinyTol
		}) {
			t.Errorf("%s: word %q at %.3f-%.3f s is outside the channel's speech", where, w.W, w.Start, w.End)
		}
		if w.W != "да" {
			t.Errorf("%s: word %q at %.3f s, want «да», the model's only word", where, w.W, w.Start)
		}
	}
	for _, s := range truth {
		if !slices.ContainsFunc(words, func(w schemas.Word) bool { return w.Start >= s.Start-tinyTol && w.Start <= s.End }) {
			t.Errorf("%s: no word in the turn %.3f-%.3f s %q", where, s.Start, s.End, s.Text)
		}
	}
	for _, s := range got.Segments {
		if len(s.Words) == 0 || s.Start != s.Words[0].Start || s.End != s.Words[len(s.Words)-1].End {
			t.Errorf("%s: segment %+v does not span its words", where, s)
		}
	}
	return len(words)
}

// Every shipped call goes through the transcribe stage (WAV parsing, the
// channel map, Silero VAD, the registered sherpa adapter, the fit check)
// and each channel's words come out where that channel speaks, and
// nowhere else: not in the other party's turns, not in the pauses, not in
// call 09's 12 s hold.
func TestTinyModelTranscribesShippedCalls(t *testing.T) {
	if testing.Short() {
		t.Skip("runs VAD and sherpa-onnx over 16 calls")
	}
	dir := tinyModelDir(t)
	a := tinyAdapter(t, map[string]any{"model_dir": dir, "type": "nemo_ctc"})
	stage := tinyStage(t, a)
	var words, turns int
	var audio float64
	for _, name := range tinyNames(t) {
		tr, err := stage.Transcribe(context.Background(), tinyJob(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		truth := tinyTruth(t, name)
		if tr.ASR.Adapter != "sherpa" || tr.ASR.Model != filepath.Base(dir) {
			t.Errorf("%s: asr = %+v, want the sherpa adapter and model %s", name, tr.ASR, filepath.Base(dir))
		}
		if len(tr.Channels) != len(truth.Channels) {
			t.Fatalf("%s: %d channels, want %d", name, len(tr.Channels), len(truth.Channels))
		}
		for i, ch := range tr.Channels {
			if ch.Role != truth.Channels[i].Role {
				t.Errorf("%s: channel %d is %s, want %s (the sidecar's channel map)", name, i, ch.Role, truth.Channels[i].Role)
			}
			words += checkAgainstTruth(t, name+"/"+ch.Role, ch, truth.Channels[i].Segments)
			turns += len(truth.Channels[i].Segments)
		}
		audio += tr.Duration
	}
	if words < turns {
		t.Errorf("%d words in %d turns: the model did not run", words, turns)
	}
	// ModelShare sums the model's time over the channels, which are
	// decoded in parallel, and divides by wall time: on two-channel calls
	// it can pass 1. BenchmarkTinyOverhead measures the share one channel
	// at a time.
	t.Logf("%d calls, %.0f s of audio: %d words in %d turns; ModelShare %.3f",
		len(tinyNames(t)), audio, words, turns, a.ModelShare())
}

// tinySpy records what the recognizer is given.
type tinySpy struct {
	*Recognizer
	mu    sync.Mutex
	rates []int
	lens  []int
}

func (s *tinySpy) Recognize(ctx context.Context, pcm []float32, rate int) ([]schemas.Segment, error) {
	s.mu.Lock()
	s.rates, s.lens = append(s.rates, rate), append(s.lens, len(pcm))
	s.mu.Unlock()
	return s.Recognizer.Recognize(ctx, pcm, rate)
}

// The 8 kHz calls reach the model at its 16 kHz, in pieces no longer than
// max_chunk; the words still fall where the speech is, so the times are
// moved back to call time from each piece. The adapter is built as the
// registered factory builds it, with a spy around the recognizer.
func TestTinyModelResamplesAndSplits(t *testing.T) {
	const maxChunk = 1.5
	c, err := ParseOptions(map[string]any{"model_dir": tinyModelDir(t), "type": "nemo_ctc", "max_chunk": maxChunk})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	spy := &tinySpy{Recognizer: rec}
	cfg := transcribe.ChunkConfig{MaxChunk: c.MaxChunk}
	a := transcribe.NewRecognizerAdapter(schemas.ASRInfo{Adapter: "sherpa", Model: c.ModelName}, spy, cfg)
	defer a.Close()
	if rec.SampleRate() != 16000 {
		t.Fatalf("model rate %d, want 16000", rec.SampleRate())
	}
	const name = "01_polite_model"
	tr, err := tinyStage(t, a).Transcribe(context.Background(), tinyJob(t, name))
	if err != nil {
		t.Fatal(err)
	}
	truth := tinyTruth(t, name)
	for i, ch := range tr.Channels {
		checkAgainstTruth(t, name+"/"+ch.Role, ch, truth.Channels[i].Segments)
	}

	// What the recognizer must have been given: each piece the chunker
	// cuts, at twice its number of 8 kHz samples.
	const in, out = 8000, 16000
	var want []int
	long := false
	for _, ch := range tr.Channels {
		speech := ch.Speech
		if speech == nil { // no VAD: whole channels
			speech = []schemas.Interval{{Start: 0, End: tr.Duration}}
		}
		for _, iv := range speech {
			long = long || iv.End-iv.Start > maxChunk
		}
		for _, p := range transcribe.Chunks(speech, tr.Duration, cfg) {
			n := min(int(math.Round(tr.Duration*in)), int(math.Ceil(p.End*in))) - int(p.Start*in)
			want = append(want, n*out/in)
		}
	}
	if !long {
		t.Fatalf("no stretch of speech longer than %g s in %s: nothing to split", maxChunk, name)
	}
	got := slices.Clone(spy.lens)
	slices.Sort(got)
	slices.Sort(want)
	if len(got) != len(want) {
		t.Fatalf("%d pieces decoded, want %d", len(got), len(want))
	}
	for i := range got {
		if math.Abs(float64(got[i]-want[i])) > 2 {
			t.Errorf("decoded pieces of %v samples, want %v (16 kHz)", got, want)
			break
		}
	}
	for i, r := range spy.rates {
		if r != out {
			t.Errorf("piece %d given at %d Hz, want %d", i, r, out)
		}
		if spy.lens[i] > maxChunk*out+2 {
			t.Errorf("piece %d is %.2f s, longer than max_chunk %g s", i, float64(spy.lens[i])/out, maxChunk)
		}
	}
}

// tinyChannels reads a shipped call's channels as floats.
func tinyChannels(t testing.TB, name string) *wav.Audio {
	t.Helper()
	f, err := os.Open(filepath.Join(tinyCalls, name+".wav"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := wav.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// A channel of silence gives no words, even decoded whole (no VAD to
// skip it): the model itself says nothing on line noise or on digital
// silence, beside a channel that speaks.
func TestTinyModelSilenceGivesNoWords(t *testing.T) {
	a := tinyAdapter(t, map[string]any{"model_dir": tinyModelDir(t), "type": "nemo_ctc"})
	call01 := tinyChannels(t, "01_polite_model")
	// Call 09's hold, 13.817-25.817 s, is line noise on both channels.
	call09 := tinyChannels(t, "09_long_hold")
	hold := call09.Channels[0][int(14.0*8000):int(25.6*8000)]
	tests := []struct {
		name      string
		operator  []float32
		client    []float32
		wantWords [2]bool // operator, client
	}{
		{"line noise of a hold", hold, call09.Channels[1][int(14.0*8000):int(25.6*8000)], [2]bool{false, false}},
		{"digital silence", make([]float32, 5*8000), make([]float32, 5*8000), [2]bool{false, false}},
		// The control: the same adapter finds the operator's speech.
		{"speech beside silence", call01.Channels[0], make([]float32, len(call01.Channels[0])), [2]bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			call := transcribe.Call{Duration: float64(len(tt.operator)) / 8000, Channels: []transcribe.Channel{
				{Role: schemas.RoleOperator, SampleRate: 8000, Samples: wav.Floats(tt.operator)},
				{Role: schemas.RoleClient, SampleRate: 8000, Samples: wav.Floats(tt.client)},
			}}
			tr, err := a.Transcribe(context.Background(), call)
			if err != nil {
				t.Fatal(err)
			}
			for i, ch := range tr.Channels {
				if n := len(tinyWords(ch)); (n > 0) != tt.wantWords[i] {
					t.Errorf("%s channel: %d words, want words: %v (segments %+v)", ch.Role, n, tt.wantWords[i], ch.Segments)
				}
			}
		})
	}
}

// A model directory short of a file is refused with an error that names
// the directory and the missing file, before sherpa-onnx (which would
// end the process) sees it.
func TestTinyModelIncompleteDir(t *testing.T) {
	tests := []struct {
		remove  string
		wantErr string
	}{
		{"tokens.txt", "needs tokens.txt, not found"},
		{"model.onnx", "needs model.onnx, not found"},
	}
	for _, tt := range tests {
		t.Run(tt.remove, func(t *testing.T) {
			dir := tinyModelDir(t)
			if err := os.Remove(filepath.Join(dir, tt.remove)); err != nil {
				t.Fatal(err)
			}
			_, err := transcribe.NewAdapter("sherpa", map[string]any{"model_dir": dir, "type": "nemo_ctc"})
			if !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), dir) {
				t.Fatalf("NewAdapter: %v, want ErrModel naming %s and %q", err, dir, tt.wantErr)
			}
		})
	}
}

// BenchmarkTinyOverhead is BenchmarkOverhead with the tiny model over
// every channel of the shipped calls, with the speech the VAD finds
// (found once, beforehand): the share of the adapter's time outside the
// model (resampling, cutting, copying, word assembly). Each channel is
// its own call, because ModelShare adds up the model's time over channels
// decoded in parallel but measures Transcribe by the wall clock. The tiny
// model does almost nothing, so the share overstates what calls pay with
// a real one.
func BenchmarkTinyOverhead(b *testing.B) {
	a := tinyAdapter(b, map[string]any{"model_dir": tinyModelDir(b), "type": "nemo_ctc"})
	d := tinyVAD(b)
	var calls []transcribe.Call
	var audio float64
	for _, name := range tinyNames(b) {
		wa := tinyChannels(b, name)
		for _, samples := range wa.Channels {
			ch := transcribe.Channel{Role: schemas.RoleOperator, SampleRate: wa.SampleRate, Samples: wav.Floats(samples)}
			if d != nil {
				speech, err := d.Detect(context.Background(), samples, wa.SampleRate)
				if err != nil {
					b.Fatal(err)
				}
				ch.Speech, ch.VADRan = speech, true
			}
			calls = append(calls, transcribe.Call{Duration: wa.Duration(), Channels: []transcribe.Channel{ch}})
			audio += wa.Duration()
		}
	}
	for b.Loop() {
		for _, call := range calls {
			if _, err := a.Transcribe(context.Background(), call); err != nil {
				b.Fatal(err)
			}
		}
	}
	perAudio := b.Elapsed().Seconds() / float64(b.N) / audio
	b.ReportMetric(100*(1-a.ModelShare()), "%outside-model")
	// The overhead in absolute terms, which a real model's RTF can be
	// set against: outside share with it ≈ this / (this + its RTF).
	b.ReportMetric((1-a.ModelShare())*perAudio*1e6, "µs-outside/audio-s")
	b.ReportMetric(perAudio, "RTF")
}
