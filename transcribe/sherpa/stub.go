//go:build !cgo || nosherpa

package sherpa

import (
	"fmt"

	"github.com/callscope/callscope/transcribe"
)

// Built tells whether this build runs sherpa-onnx.
const Built = false

func init() {
	transcribe.Register("sherpa", func(raw map[string]any) (transcribe.Adapter, error) {
		if _, err := ParseOptions(raw); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: this callscope was built without sherpa-onnx (CGO_ENABLED=0 or -tags nosherpa); build it with cgo", ErrModel)
	})
}
