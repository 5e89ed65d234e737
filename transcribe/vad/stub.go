//go:build !cgo || nosherpa

package vad

import (
	"context"
	"fmt"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/wav"
)

// Detector is unavailable in a build without cgo or with the nosherpa tag.
type Detector struct{}

// New reports that this build has no sherpa-onnx (or, first, that the
// model is missing or not a Silero VAD model).
func New(cfg Config) (*Detector, error) {
	model, err := findModel(cfg.Model)
	if err != nil {
		return nil, err
	}
	if err := checkModel(model); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%w: this callscope was built without sherpa-onnx (CGO_ENABLED=0 or -tags nosherpa)", ErrUnavailable)
}

// Model is empty: there is none.
func (d *Detector) Model() string { return "" }

// Detect always fails with ErrUnavailable.
func (d *Detector) Detect(context.Context, []float32, int) ([]schemas.Interval, error) {
	return nil, ErrUnavailable
}

// DetectSamples always fails with ErrUnavailable.
func (d *Detector) DetectSamples(context.Context, wav.Samples, int) ([]schemas.Interval, error) {
	return nil, ErrUnavailable
}

// DetectCall always fails with ErrUnavailable.
func (d *Detector) DetectCall(context.Context, []wav.Samples, int) (CallSpeech, error) {
	return CallSpeech{}, ErrUnavailable
}
