package wav_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/callscope/callscope/transcribe/wav"
)

// FuzzParse holds Parse to Decode: the same error for the same input, and
// on success the same samples, read back in pieces of awkward sizes.
func FuzzParse(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, decErr := wav.Decode(bytes.NewReader(in))
		r, err := wav.Parse(in)
		if (err == nil) != (decErr == nil) || err != nil && err.Error() != decErr.Error() {
			t.Fatalf("Parse error %v, Decode error %v", err, decErr)
		}
		if err != nil {
			return
		}
		if r.SampleRate != a.SampleRate || r.Format != a.Format || r.NumChannels() != len(a.Channels) || r.Frames() != a.Frames() {
			t.Fatalf("Parse: %d Hz %s %d channels %d frames; Decode: %d Hz %s %d channels %d frames",
				r.SampleRate, r.Format, r.NumChannels(), r.Frames(), a.SampleRate, a.Format, len(a.Channels), a.Frames())
		}
		for c, want := range a.Channels {
			assertSame(t, r.Channel(c), want, 7)
		}
	})
}

// assertSame reads s in pieces of the given size and compares it with
// want bit for bit.
func assertSame(t *testing.T, s wav.Samples, want []float32, piece int) {
	t.Helper()
	if s.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", s.Len(), len(want))
	}
	buf := make([]float32, piece)
	for off := 0; off < len(want); off += piece {
		n := s.Read(buf, off)
		if wantN := min(piece, len(want)-off); n != wantN {
			t.Fatalf("Read at %d: %d samples, want %d", off, n, wantN)
		}
		for i := range n {
			if math.Float32bits(buf[i]) != math.Float32bits(want[off+i]) {
				t.Fatalf("sample %d = %v, Decode gives %v", off+i, buf[i], want[off+i])
			}
		}
	}
	if n := s.Read(buf, len(want)); n != 0 {
		t.Errorf("Read at the end: %d samples, want 0", n)
	}
}

func TestParseChannelsAndEdges(t *testing.T) {
	tests := []struct {
		name   string
		file   []byte
		frames int
		want   [][]float32
	}{
		{"pcm16 stereo", simple(1, 2, 8000, 16, le16(16384, -16384, 1, -1, 32767, -32768)), 3,
			[][]float32{{0.5, 1.0 / 32768, 32767.0 / 32768}, {-0.5, -1.0 / 32768, -1}}},
		{"partial last frame dropped", simple(1, 2, 8000, 16, append(le16(16384, -16384), 0x01)), 1,
			[][]float32{{0.5}, {-0.5}}},
		{"data size past the end reads to the end",
			riff(chunk("fmt ", fmtBody(1, 1, 8000, 16)), chunkSized("data", 1000, le16(8192, -8192))), 2,
			[][]float32{{0.25, -0.25}}},
		{"streaming size 0xFFFFFFFF",
			riff(chunk("fmt ", fmtBody(1, 1, 8000, 16)), chunkSized("data", 0xFFFFFFFF, le16(8192))), 1,
			[][]float32{{0.25}}},
		{"data size shorter than the file stops there",
			riff(chunk("fmt ", fmtBody(1, 1, 8000, 16)), chunkSized("data", 2, le16(8192, 8192, 8192))), 1,
			[][]float32{{0.25}}},
		{"mu-law three channels", simple(7, 3, 8000, 8, []byte{0xFF, 0x7F, 0x80}), 1,
			[][]float32{{0}, {0}, {32124.0 / 32768}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := wav.Parse(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if r.Frames() != tt.frames || r.NumChannels() != len(tt.want) {
				t.Fatalf("%d frames %d channels, want %d and %d", r.Frames(), r.NumChannels(), tt.frames, len(tt.want))
			}
			if got, want := r.Duration(), float64(tt.frames)/8000; got != want {
				t.Errorf("Duration = %v, want %v", got, want)
			}
			for c, want := range tt.want {
				assertSame(t, r.Channel(c), want, 2)
			}
		})
	}
}

// The Raw shares the file's bytes: parsing a file of any length costs the
// same three small allocations (the reader, the chunk walker and the Raw),
// none of them for the samples.
func TestParseDoesNotCopySamples(t *testing.T) {
	for _, seconds := range []int{1, 600} {
		file := simple(1, 2, 8000, 16, make([]byte, 4*8000*seconds))
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := wav.Parse(file); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 3 {
			t.Errorf("%d s stereo: %v allocations per Parse, want at most 3", seconds, allocs)
		}
	}
}

func TestFloats(t *testing.T) {
	f := wav.Floats{0.1, 0.2, 0.3}
	buf := make([]float32, 2)
	tests := []struct {
		off  int
		want []float32
	}{{0, []float32{0.1, 0.2}}, {2, []float32{0.3}}, {3, nil}, {5, nil}}
	for _, tt := range tests {
		n := f.Read(buf, tt.off)
		if n != len(tt.want) || n > 0 && (buf[0] != tt.want[0] || buf[n-1] != tt.want[n-1]) {
			t.Errorf("Read at %d = %v, want %v", tt.off, buf[:n], tt.want)
		}
	}
	if f.Len() != 3 {
		t.Errorf("Len = %d", f.Len())
	}
}
