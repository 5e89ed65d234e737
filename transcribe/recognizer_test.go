package transcribe

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

func TestChunks(t *testing.T) {
	cfg := ChunkConfig{MaxChunk: 10, Pad: 0.2, MaxGap: 1}
	iv := func(s, e float64) schemas.Interval { return schemas.Interval{Start: s, End: e} }
	tests := []struct {
		name   string
		speech []schemas.Interval
		dur    float64
		want   []schemas.Interval
	}{
		{"none", nil, 30, nil},
		{"padded and clipped", []schemas.Interval{iv(0.1, 2), iv(29, 29.9)}, 30, []schemas.Interval{iv(0, 2.2), iv(28.8, 30)}},
		{"close ones joined", []schemas.Interval{iv(1, 2), iv(2.5, 3)}, 30, []schemas.Interval{iv(0.8, 3.2)}},
		{"far ones apart", []schemas.Interval{iv(1, 2), iv(5, 6)}, 30, []schemas.Interval{iv(0.8, 2.2), iv(4.8, 6.2)}},
		{"joining stops at MaxChunk", []schemas.Interval{iv(1, 8), iv(8.5, 12)}, 30, []schemas.Interval{iv(0.8, 8.2), iv(8.3, 12.2)}},
		{"long speech cut evenly", []schemas.Interval{iv(0, 25)}, 30, []schemas.Interval{iv(0, 25.2/3), iv(25.2/3, 2*25.2/3), iv(2*25.2/3, 25.2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(tt.speech, tt.dur, cfg)
			if len(got) != len(tt.want) {
				t.Fatalf("Chunks = %v, want %v", got, tt.want)
			}
			for i := range got {
				if math.Abs(got[i].Start-tt.want[i].Start) > 1e-9 || math.Abs(got[i].End-tt.want[i].End) > 1e-9 {
					t.Fatalf("Chunks = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// energyRecognizer stands in for an ASR model, which cannot be obtained
// here: it "recognizes" each stretch where the signal is loud as one word
// naming its length, so the adapter's cutting, resampling, time shifting
// and channel handling can be checked against known audio.
type energyRecognizer struct {
	rate  int
	mu    sync.Mutex
	calls int
	rates map[int]bool
	max   int // longest input, samples
}

func (r *energyRecognizer) SampleRate() int { return r.rate }
func (r *energyRecognizer) Close() error    { return nil }

func (r *energyRecognizer) Recognize(_ context.Context, pcm []float32, rate int) ([]schemas.Segment, error) {
	r.mu.Lock()
	r.calls++
	if r.rates == nil {
		r.rates = map[int]bool{}
	}
	r.rates[rate] = true
	r.max = max(r.max, len(pcm))
	r.mu.Unlock()
	frame := rate / 100
	var segs []schemas.Segment
	start := -1
	for i := 0; i+frame <= len(pcm)+frame; i += frame {
		loud := false
		if i+frame <= len(pcm) {
			var e float64
			for _, v := range pcm[i : i+frame] {
				e += float64(v) * float64(v)
			}
			loud = e/float64(frame) > 1e-4
		}
		t := float64(i) / float64(rate)
		switch {
		case loud && start < 0:
			start = i
		case !loud && start >= 0:
			s := float64(start) / float64(rate)
			w := fmt.Sprintf("%.1fs", t-s)
			segs = append(segs, schemas.Segment{Start: s, End: t, Text: w, Words: []schemas.Word{{W: w, Start: s, End: t, Conf: 0.9}}})
			start = -1
		}
	}
	return segs, nil
}

// tone is a channel of silence with 440 Hz bursts at the given intervals.
func tone(rate int, dur float64, bursts ...schemas.Interval) []float32 {
	s := make([]float32, int(dur*float64(rate)))
	for _, b := range bursts {
		for i := int(b.Start * float64(rate)); i < int(b.End*float64(rate)); i++ {
			s[i] = float32(0.3 * math.Sin(2*math.Pi*440*float64(i)/float64(rate)))
		}
	}
	return s
}

func TestRecognizerAdapterTimesAndRates(t *testing.T) {
	op := []schemas.Interval{{Start: 1, End: 2.5}, {Start: 30, End: 31}}
	cl := []schemas.Interval{{Start: 5, End: 6}}
	tests := []struct {
		name     string
		vadRan   bool
		engine   int // recognizer rate
		wantRate int
	}{
		{"speech from VAD, resampled to 16 kHz", true, 16000, 16000},
		{"no VAD: whole channel in pieces", false, 16000, 16000},
		{"engine takes any rate", true, 0, 8000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &energyRecognizer{rate: tt.engine}
			a := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "test", Model: "energy"}, rec, ChunkConfig{MaxChunk: 20})
			call := Call{Duration: 40, Channels: []Channel{
				{Role: schemas.RoleOperator, SampleRate: 8000, Samples: wav.Floats(tone(8000, 40, op...))},
				{Role: schemas.RoleClient, SampleRate: 8000, Samples: wav.Floats(tone(8000, 40, cl...))},
			}}
			if tt.vadRan {
				call.Channels[0].Speech, call.Channels[0].VADRan = op, true
				call.Channels[1].Speech, call.Channels[1].VADRan = cl, true
			}
			tr, err := a.Transcribe(context.Background(), call)
			if err != nil {
				t.Fatal(err)
			}
			if tr.ASR.Adapter != "test" || tr.ASR.Model != "energy" {
				t.Errorf("ASR = %+v", tr.ASR)
			}
			for ci, want := range [][]schemas.Interval{op, cl} {
				segs := tr.Channels[ci].Segments
				if len(segs) != len(want) {
					t.Fatalf("channel %d: %d segments %v, want %d", ci, len(segs), segs, len(want))
				}
				for i, s := range segs {
					if math.Abs(s.Start-want[i].Start) > 0.02 || math.Abs(s.End-want[i].End) > 0.02 {
						t.Errorf("channel %d segment %d: %.3f-%.3f, want %.3f-%.3f", ci, i, s.Start, s.End, want[i].Start, want[i].End)
					}
					if w := s.Words[0]; w.Start != s.Start || w.End != s.End {
						t.Errorf("word times %v not shifted with the segment %.3f-%.3f", w, s.Start, s.End)
					}
				}
			}
			if !rec.rates[tt.wantRate] || len(rec.rates) != 1 {
				t.Errorf("recognizer got rates %v, want only %d", rec.rates, tt.wantRate)
			}
			// No piece longer than MaxChunk (20 s) at the engine's rate.
			if limit := 20*tt.wantRate + 64; rec.max > limit {
				t.Errorf("longest piece %d samples, want at most %d", rec.max, limit)
			}
			if s := a.ModelShare(); s <= 0 || s > 1 {
				t.Errorf("ModelShare = %v", s)
			}
		})
	}
}

type failingRecognizer struct{ nullRecognizer }

var errEngine = errors.New("engine broke")

func (*failingRecognizer) Recognize(context.Context, []float32, int) ([]schemas.Segment, error) {
	return nil, errEngine
}

func TestRecognizerAdapterError(t *testing.T) {
	a := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "test"}, &failingRecognizer{}, ChunkConfig{})
	_, err := a.Transcribe(context.Background(), Call{Channels: []Channel{{Role: "client", SampleRate: 8000, Samples: wav.Floats(tone(8000, 2))}}})
	if !errors.Is(err, errEngine) || !strings.Contains(err.Error(), "client channel") {
		t.Errorf("err = %v, want errEngine naming the channel", err)
	}
}

// A channel without samples is silence, as an empty slice was: no
// pieces, no segments, no error.
func TestRecognizerAdapterChannelWithoutSamples(t *testing.T) {
	rec := &energyRecognizer{rate: 16000}
	a := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "test"}, rec, ChunkConfig{})
	for _, samples := range []wav.Samples{nil, wav.Floats(nil)} {
		tr, err := a.Transcribe(context.Background(), Call{Channels: []Channel{{Role: "client", SampleRate: 8000, Samples: samples}}})
		if err != nil || len(tr.Channels) != 1 || len(tr.Channels[0].Segments) != 0 || rec.calls != 0 {
			t.Errorf("samples %#v: %+v, %v, %d recognizer calls; want one empty channel", samples, tr.Channels, err, rec.calls)
		}
	}
}

// dirObjects serves a directory as the recordings bucket: the stage's
// storage interface over local files.
type dirObjects struct {
	dir string
	mu  sync.Mutex
	put map[string][]byte
}

func (d *dirObjects) ReadObject(_ context.Context, _, key string, _ int64) ([]byte, bool, error) {
	data, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(key)))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	return data, err == nil, err
}

func (d *dirObjects) PutObject(_ context.Context, _, key string, data []byte, _ string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.put == nil {
		d.put = map[string][]byte{}
	}
	d.put[key] = data
	return nil
}

// VAD runs for every adapter: an imported transcript gets speech intervals
// that line up with its segments.
func TestStageAddsSpeechToImportedTranscript(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD")
	}
	det, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		t.Skipf("Silero VAD not available (scripts/setup.sh vad): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	adapter, err := NewAdapter("import", nil)
	if err != nil {
		t.Fatal(err)
	}
	st := NewStage(Config{VAD: det}, &dirObjects{dir: "../testdata/calls"}, adapter, nil)
	tr, err := st.Transcribe(context.Background(), schemas.TranscribeJob{CallID: "c14",
		Audio: schemas.Object{Bucket: "calls", Key: "14_real_voice.wav"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range tr.Channels {
		if len(ch.Speech) == 0 {
			t.Fatalf("%s: no speech intervals", ch.Role)
		}
		for _, s := range ch.Segments {
			ok := false
			for _, iv := range ch.Speech {
				ok = ok || (iv.Start < s.End && iv.End > s.Start && math.Abs(iv.End-s.End) < 0.3)
			}
			if !ok {
				t.Errorf("%s segment %.2f-%.2f: no speech interval ending with it in %v", ch.Role, s.Start, s.End, ch.Speech)
			}
		}
	}
}

// Without a model the stage still transcribes, without speech intervals.
func TestStageWithoutVAD(t *testing.T) {
	adapter, _ := NewAdapter("import", nil)
	st := NewStage(Config{VADModel: filepath.Join(t.TempDir(), "missing.onnx")}, &dirObjects{dir: "../testdata/calls"}, adapter, nil)
	if st.VADModel() != "" {
		t.Fatalf("VAD model %q in use, want none", st.VADModel())
	}
	tr, err := st.Transcribe(context.Background(), schemas.TranscribeJob{Audio: schemas.Object{Key: "01_polite_model.wav"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Channels) != 2 || len(tr.Channels[0].Segments) == 0 || tr.Channels[0].Speech != nil {
		t.Errorf("transcript without VAD: %+v", tr.Channels)
	}
}

func TestOptions(t *testing.T) {
	o := Options{"model_dir": "/m", "threads": 4, "rate": 1.5, "timeout": "30s", "retries": "3", "bad": []int{1}}
	if s, err := o.String("model_dir", ""); s != "/m" || err != nil {
		t.Errorf("String = %q, %v", s, err)
	}
	if n, err := o.Int("threads", 1); n != 4 || err != nil {
		t.Errorf("Int = %d, %v", n, err)
	}
	if n, err := o.Int("retries", 1); n != 3 || err != nil {
		t.Errorf("Int from text = %d, %v", n, err)
	}
	if n, err := o.Int("missing", 7); n != 7 || err != nil {
		t.Errorf("Int default = %d, %v", n, err)
	}
	if f, err := o.Float("rate", 0); f != 1.5 || err != nil {
		t.Errorf("Float = %v, %v", f, err)
	}
	if d, err := o.Duration("timeout", 0); d.Seconds() != 30 || err != nil {
		t.Errorf("Duration = %v, %v", d, err)
	}
	for _, f := range []func() error{
		func() error { _, err := o.String("threads", ""); return err },
		func() error { _, err := o.Int("rate", 0); return err },
		func() error { _, err := o.Float("bad", 0); return err },
		func() error { _, err := o.Duration("model_dir", 0); return err },
		func() error { return o.Check("model_dir", "threads") },
	} {
		if err := f(); !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), "asr.options.") {
			t.Errorf("err = %v, want ErrOption naming the option", err)
		}
	}
}

func TestAdapterSection(t *testing.T) {
	Register("section-test", func(cfg map[string]any) (Adapter, error) {
		if cfg["model_dir"] != "/x" || cfg["models_dir"] != "/models" || cfg["import"] != nil {
			return nil, fmt.Errorf("got options %v", cfg)
		}
		return importAdapter{}, nil
	})
	for _, opts := range []map[string]any{
		{"models_dir": "/models", "section-test": map[string]any{"model_dir": "/x"}, "import": map[string]any{}},
		{"models_dir": "/models", "model_dir": "/x", "import": map[string]any{"y": 1}},
	} {
		if _, err := NewAdapter("section-test", opts); err != nil {
			t.Errorf("options %v: %v", opts, err)
		}
	}
}

// nullRecognizer returns at once: what remains is the adapter's own work.
type nullRecognizer struct{}

func (nullRecognizer) SampleRate() int { return 16000 }
func (nullRecognizer) Close() error    { return nil }
func (nullRecognizer) Recognize(context.Context, []float32, int) ([]schemas.Segment, error) {
	return nil, nil
}

// BenchmarkAdapterOverhead is the cost outside the model per second of
// audio (cutting by speech, resampling 8 -> 16 kHz, copying) on a
// one-minute two-channel call that is 60% speech, as a real-time factor.
// Divided by a model's own real-time factor it gives the overhead share.
func BenchmarkAdapterOverhead(b *testing.B) {
	const dur, rate = 60.0, 8000
	var speech []schemas.Interval
	for t := 0.5; t+3 < dur; t += 5 {
		speech = append(speech, schemas.Interval{Start: t, End: t + 3})
	}
	ch := func(role string) Channel {
		return Channel{Role: role, SampleRate: rate, Samples: wav.Floats(tone(rate, dur, speech...)), Speech: speech, VADRan: true}
	}
	call := Call{Duration: dur, Channels: []Channel{ch(schemas.RoleOperator), ch(schemas.RoleClient)}}
	a := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "null"}, nullRecognizer{}, ChunkConfig{})
	for b.Loop() {
		if _, err := a.Transcribe(context.Background(), call); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/dur, "RTF")
}
