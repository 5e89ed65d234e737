//go:build !cgo || nosherpa

package sherpa

import "testing"

// The tiny-model tests (tiny_test.go) run the sherpa-onnx runtime; say so
// instead of leaving them out silently.
func TestTinyModel(t *testing.T) {
	t.Skip("built without sherpa-onnx (CGO_ENABLED=0 or -tags nosherpa): the end-to-end tests with the tiny model in tiny_test.go need its runtime")
}
