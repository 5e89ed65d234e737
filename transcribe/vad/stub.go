//go:build !cgo || nosherpa

package vad

import (
	"context"
	"fmt"

	"github.com/callscope/callscope/schemas"
)

// Detector is unavailable in a build without cgo or with the nosherpa tag.
type Detector struct{}

// New reports that this build has no sherpa-onnx (or, first, that the
// model is missing).
func New(cfg Config) (*Detector, error) {
	if _, err := findModel(cfg.Model); err != nil {
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
