//go:build cgo && !nosherpa

package vad

import (
	"context"
	"fmt"
	"math"
	"sync"

	sherpa "github.com/k2-fsa/sherpa-onnx-go/sherpa_onnx"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/resample"
	"github.com/callscope/callscope/transcribe/wav"
)

// Detector finds speech with Silero VAD. It is safe for concurrent use:
// each Detect call runs its own sherpa-onnx detector, because a detector
// keeps the state of one stream.
type Detector struct {
	cfg   Config
	model string
}

// New checks that the model is present and returns a Detector.
func New(cfg Config) (*Detector, error) {
	cfg = cfg.withDefaults()
	model, err := findModel(cfg.Model)
	if err != nil {
		return nil, err
	}
	// sherpa-onnx ends the process on a file that is not a Silero model.
	if err := checkModel(model); err != nil {
		return nil, err
	}
	d := &Detector{cfg: cfg, model: model}
	// Load it once now so that a broken file is reported at start-up, not
	// on the first call.
	v, err := d.newVAD()
	if err != nil {
		return nil, err
	}
	keepRuntime(v)
	return d, nil
}

// runtimeKeeper is one detector the process never deletes. onnxruntime
// shares one environment among its sessions and destroys it with the last
// one; a session created while another thread destroys it aborts the
// process («Only one instance of LoggingManager created with
// InstanceType::Default can exist at any point in time», seen in CI when
// calls were analysed in parallel and every detector of the moment had
// just been deleted). With one session kept the environment is made once.
var runtimeKeeper struct {
	sync.Once
	v *sherpa.VoiceActivityDetector
}

// keepRuntime keeps v for the life of the process if no detector is kept
// yet, and deletes it otherwise.
func keepRuntime(v *sherpa.VoiceActivityDetector) {
	kept := false
	runtimeKeeper.Do(func() { runtimeKeeper.v, kept = v, true })
	if !kept {
		sherpa.DeleteVoiceActivityDetector(v)
	}
}

// Model is the path of the model file in use.
func (d *Detector) Model() string { return d.model }

func (d *Detector) newVAD() (*sherpa.VoiceActivityDetector, error) {
	return d.newVADWith(rawMinSilence, rawMinSpeech)
}

func (d *Detector) newVADWith(minSilence, minSpeech float32) (*sherpa.VoiceActivityDetector, error) {
	c := sherpa.VadModelConfig{
		SileroVad: sherpa.SileroVadModelConfig{
			Model:     d.model,
			Threshold: d.cfg.Threshold,
			// sherpa-onnx finds fine-grained stretches; joining and
			// dropping by MinSilence and MinSpeech is done afterwards (see
			// tidy), because sherpa's own minimum speech loses short words
			// such as «да» at the start of a turn.
			MinSilenceDuration: minSilence,
			MinSpeechDuration:  minSpeech,
			WindowSize:         window,
			MaxSpeechDuration:  float32(d.cfg.MaxSpeech),
		},
		SampleRate: SampleRate,
		NumThreads: d.cfg.Threads,
		Provider:   "cpu",
	}
	v := sherpa.NewVoiceActivityDetector(&c, float32(d.cfg.MaxSpeech)+30)
	if v == nil {
		return nil, fmt.Errorf("%w: sherpa-onnx could not load %s", ErrUnavailable, d.model)
	}
	return v, nil
}

// window is the Silero window at 16 kHz. The detector must be fed one
// window per call: sherpa-onnx dates a segment from the end of the last
// block it was given, so bigger blocks shift the boundaries by up to a
// block (measured: 0.5 s blocks moved them by up to 1 s).
const window = 512

// block is how much audio is resampled at once.
const block = SampleRate / 2

// resetAfter is the silence, in windows, after which the detector
// starts afresh (1 s).
const resetAfter = SampleRate / window

// What sherpa-onnx is asked for before tidy.
const (
	rawMinSilence = 0.05
	rawMinSpeech  = 0.05
)

// Detect returns the speech intervals of one channel (samples at rate Hz,
// -1..1), in seconds from its start, in time order.
func (d *Detector) Detect(ctx context.Context, samples []float32, rate int) ([]schemas.Interval, error) {
	return d.DetectSamples(ctx, wav.Floats(samples), rate)
}

// DetectSamples is Detect over samples read a block at a time, so that a
// long channel is never converted to float32 whole. A channel alone has
// no other side to compare with: DetectCall also takes the echo of the
// other channel out and finds holds.
func (d *Detector) DetectSamples(ctx context.Context, samples wav.Samples, rate int) ([]schemas.Interval, error) {
	raw, err := d.raw(ctx, samples, rate)
	if err != nil {
		return nil, err
	}
	speech, _ := refineCall([]*track{analyse(samples, rate)}, [][]schemas.Interval{raw}, d.cfg)
	return speech[0], nil
}

// DetectCall finds the speech of every channel of a call (samples at rate
// Hz) and the holds heard in it. With two channels, speech on one that is
// an attenuated, slightly delayed copy of the other is not counted (the
// other party's voice leaking through the telephone hybrid). The channels
// run in parallel.
func (d *Detector) DetectCall(ctx context.Context, channels []wav.Samples, rate int) (CallSpeech, error) {
	raw := make([][]schemas.Interval, len(channels))
	tracks := make([]*track, len(channels))
	errs := make([]error, len(channels))
	var wg sync.WaitGroup
	for i, ch := range channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			raw[i], errs[i] = d.raw(ctx, ch, rate)
			tracks[i] = analyse(ch, rate)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return CallSpeech{}, fmt.Errorf("channel %d: %w", i, err)
		}
	}
	speech, holds := refineCall(tracks, raw, d.cfg)
	return CallSpeech{Speech: speech, Holds: holds}, nil
}

// raw runs Silero VAD over one channel: its fine-grained stretches, before
// refinement.
func (d *Detector) raw(ctx context.Context, samples wav.Samples, rate int) ([]schemas.Interval, error) {
	v, err := d.newVAD()
	if err != nil {
		return nil, err
	}
	defer sherpa.DeleteVoiceActivityDetector(v)
	var rs *resample.Resampler
	if rate != SampleRate {
		if rs, err = resample.New(rate, SampleRate); err != nil {
			return nil, fmt.Errorf("vad: %w", err)
		}
	}
	var out []schemas.Interval
	// offset counts the samples fed before the last Reset: sherpa numbers
	// samples from its last reset.
	var offset, sinceReset, silentWindows int
	collect := func() {
		for !v.IsEmpty() {
			seg := v.Front()
			start := float64(offset+seg.Start) / SampleRate
			out = append(out, schemas.Interval{Start: round3(start), End: round3(start + float64(len(seg.Samples))/SampleRate)})
			v.Pop()
		}
	}
	// Input per block so that a resampled block is about `block` long.
	inBlock := block
	if rs != nil {
		inBlock = max(1, int(float64(block)/rs.Ratio()))
	}
	in := make([]float32, inBlock)
	buf := make([]float32, 0, block+resample.TapsPerPhase*2)
	// accept feeds one window. After a long silence the detector is reset:
	// Silero's recurrent state drifts over silence and then misses a short
	// reply such as «жду» (on the shipped calls 4 short turns near the end
	// were lost without the reset, none with it).
	accept := func(w []float32) {
		v.AcceptWaveform(w)
		sinceReset += len(w)
		collect()
		if v.IsSpeech() {
			silentWindows = 0
			return
		}
		silentWindows++
		if silentWindows >= resetAfter && v.IsEmpty() {
			v.Reset()
			offset += sinceReset
			sinceReset, silentWindows = 0, 0
		}
	}
	var pending []float32 // less than a window, waiting for more
	feed := func(x []float32) {
		if len(pending) > 0 {
			n := min(window-len(pending), len(x))
			pending = append(pending, x[:n]...)
			x = x[n:]
			if len(pending) < window {
				return
			}
			accept(pending)
			pending = pending[:0]
		}
		for len(x) >= window {
			accept(x[:window])
			x = x[window:]
		}
		pending = append(pending, x...)
	}
	total := samples.Len()
	for i := 0; i < total; i += inBlock {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		piece := in[:samples.Read(in, i)]
		if rs == nil {
			feed(piece)
			continue
		}
		buf = rs.Process(buf[:0], piece)
		feed(buf)
	}
	if rs != nil {
		feed(rs.Flush(buf[:0]))
	}
	if len(pending) > 0 {
		feed(make([]float32, window-len(pending)))
	}
	v.Flush()
	collect()
	// Intervals may run past the end by the resampler's flush.
	dur := float64(total) / float64(rate)
	for i := range out {
		out[i].End = math.Min(out[i].End, round3(dur))
	}
	return merge(out), nil
}
