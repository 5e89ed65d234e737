package wav_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/callscope/callscope/transcribe/wav"
)

// BenchmarkDecode decodes a 5-minute two-channel 8 kHz call, the typical
// contact-center recording, in the encodings PBXes write.
func BenchmarkDecode(b *testing.B) {
	const frames = 5 * 60 * 8000
	pcm16 := make([]byte, 0, frames*4)
	mulaw := make([]byte, 0, frames*2)
	alaw := make([]byte, 0, frames*2)
	for i := range frames {
		// Two speakers at different pitches; the values do not change the
		// cost, but realistic data keeps the benchmark honest.
		left := int(8000 * math.Sin(float64(i)*2*math.Pi*300/8000))
		right := int(8000 * math.Sin(float64(i)*2*math.Pi*450/8000))
		pcm16 = append(pcm16, le16(left, right)...)
		mulaw = append(mulaw, byte(i), byte(i>>3))
		alaw = append(alaw, byte(i>>1), byte(i>>4))
	}
	inputs := []struct {
		name string
		in   []byte
	}{
		{"pcm16_stereo_8k_5min", simple(1, 2, 8000, 16, pcm16)},
		{"mulaw_stereo_8k_5min", simple(7, 2, 8000, 8, mulaw)},
		{"alaw_stereo_8k_5min", simple(6, 2, 8000, 8, alaw)},
	}
	for _, input := range inputs {
		b.Run(input.name, func(b *testing.B) {
			b.SetBytes(int64(len(input.in)))
			b.ReportAllocs()
			for b.Loop() {
				a, err := wav.Decode(bytes.NewReader(input.in))
				if err != nil {
					b.Fatal(err)
				}
				if a.Frames() != frames {
					b.Fatalf("%d frames, want %d", a.Frames(), frames)
				}
			}
		})
	}
}
