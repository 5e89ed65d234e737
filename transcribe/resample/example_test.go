package resample_test

import (
	"fmt"

	"github.com/callscope/callscope/transcribe/resample"
)

// Telephony audio at 8 kHz for a model that wants 16 kHz.
func ExampleResample() {
	in := make([]float32, 8000) // one second at 8 kHz
	out, err := resample.Resample(in, 8000, 16000)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(out))
	// Output: 16000
}

// A long recording converted piece by piece, in bounded memory.
func ExampleResampler() {
	r, _ := resample.New(8000, 16000)
	var out []float32
	for range 10 {
		block := make([]float32, 800) // 0.1 s
		out = r.Process(out, block)
	}
	out = r.Flush(out)
	fmt.Println(len(out) >= 16000)
	// Output: true
}
