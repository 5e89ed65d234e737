package onnxcheck_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/callscope/callscope/transcribe/onnxcheck"
)

// A Silero VAD model configured where a NeMo CTC model belongs:
// sherpa-onnx would exit the process on it («'vocab_size' does not exist
// in the metadata»); the check says what is wrong instead.
func ExampleModel_Check() {
	// What silero_vad_v5.onnx declares (ReadFile reads it from a file).
	file := onnxcheck.Encode(&onnxcheck.Model{
		Inputs:  []onnxcheck.Value{{Name: "input", Rank: 2}, {Name: "state", Rank: 3}, {Name: "sr", Rank: 0}},
		Outputs: []onnxcheck.Value{{Name: "output", Rank: 2}, {Name: "stateN", Rank: 3}},
	})
	m, err := onnxcheck.Read(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		panic(err)
	}
	fmt.Println(m.InputNames(), m.OutputNames())

	err = m.Check(onnxcheck.Want{
		Kind:        "a NeMo CTC model",
		NumInputs:   2,
		IntMetadata: []string{"vocab_size", "subsampling_factor"},
	})
	fmt.Println(errors.Is(err, onnxcheck.ErrWrongModel))
	fmt.Println(err)

	// A file that is not ONNX at all.
	page := []byte("<html>404 Not Found</html>")
	_, err = onnxcheck.Read(bytes.NewReader(page), int64(len(page)))
	fmt.Println(errors.Is(err, onnxcheck.ErrNotONNX))
	// Output:
	// [input state sr] [output stateN]
	// true
	// model is not a NeMo CTC model: 3 inputs [input state sr], want 2; metadata lacks vocab_size, subsampling_factor (it has none)
	// true
}
