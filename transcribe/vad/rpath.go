//go:build cgo && !nosherpa && linux

package vad

// The sherpa-onnx module links its bundled libsherpa-onnx-c-api.so and
// libonnxruntime.so with an rpath into the Go module cache, which is where
// they are on the machine that built callscope. This second rpath lets an
// installed copy find them beside it instead: PREFIX/bin/callscope with
// the two libraries in PREFIX/lib (see docs/asr.md, "Installing on a
// server").

// #cgo LDFLAGS: -Wl,-rpath,$ORIGIN/../lib
import "C"
