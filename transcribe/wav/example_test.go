package wav_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/callscope/callscope/transcribe/wav"
)

// A two-channel call: left is the operator, right the client.
func ExampleDecode() {
	call := &wav.Audio{SampleRate: 8000, Channels: [][]float32{
		make([]float32, 12000), // operator
		make([]float32, 12000), // client
	}}
	for i := range call.Channels[0] {
		call.Channels[0][i] = float32(0.5 * math.Sin(float64(i)*2*math.Pi*440/8000))
	}
	var file bytes.Buffer
	if err := wav.Encode(&file, call); err != nil {
		panic(err)
	}

	audio, err := wav.Decode(&file)
	if err != nil {
		panic(err)
	}
	fmt.Println(audio.Format, audio.SampleRate, "Hz,", len(audio.Channels), "channels,", audio.Frames(), "frames,", audio.Duration(), "s")
	// Output: pcm16 8000 Hz, 2 channels, 12000 frames, 1.5 s
}

// Errors wrap a sentinel for the caller to branch on and say what the file is.
func ExampleDecode_unsupported() {
	mp3InWAV := "RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x55\x00\x01\x00\x40\x1f\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00data\x00\x00\x00\x00"
	_, err := wav.Decode(strings.NewReader(mp3InWAV))
	fmt.Println(err)
	fmt.Println(errors.Is(err, wav.ErrUnsupported))
	// Output:
	// wav: unsupported format tag 0x0055 (MPEG Layer 3) with 0 bits per sample
	// true
}
