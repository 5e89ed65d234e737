package wav_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/transcribe/wav"
)

// FuzzDecode feeds arbitrary bytes to Decode: it must not panic, must fail
// only with one of the sentinels, and on success must return consistent
// audio no larger than the input warrants.
func FuzzDecode(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := wav.Decode(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, wav.ErrNotWAV) && !errors.Is(err, wav.ErrUnsupported) && !errors.Is(err, wav.ErrCorrupt) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if a != nil {
				t.Fatalf("non-nil audio with error %v", err)
			}
			return
		}
		if a.SampleRate < wav.MinSampleRate || a.SampleRate > wav.MaxSampleRate {
			t.Fatalf("sample rate %d", a.SampleRate)
		}
		if len(a.Channels) < 1 || len(a.Channels) > wav.MaxChannels {
			t.Fatalf("%d channels", len(a.Channels))
		}
		if a.Format == "" {
			t.Fatal("empty format")
		}
		frames := a.Frames()
		// Every sample takes at least one byte of input.
		if frames*len(a.Channels) > len(in) {
			t.Fatalf("%d frames × %d channels from %d bytes", frames, len(a.Channels), len(in))
		}
		for c, samples := range a.Channels {
			if len(samples) != frames {
				t.Fatalf("channel %d has %d samples, channel 0 has %d", c, len(samples), frames)
			}
			for i, s := range samples {
				if !(s >= -1 && s <= 1) || math.IsNaN(float64(s)) {
					t.Fatalf("channel %d sample %d = %v, outside -1..1", c, i, s)
				}
			}
		}
	})
}

// fuzzSeeds are valid files in every format plus the sox fixtures, so the
// fuzzer starts from deep inside the decoder.
func fuzzSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		nil,
		[]byte("RIFF"),
		riff(),
		simple(1, 1, 8000, 8, []byte{0, 0x80, 0xFF}),
		simple(1, 2, 8000, 16, le16(1, -1, 2, -2)),
		simple(1, 1, 8000, 24, le24(1, -1)),
		simple(1, 1, 8000, 32, le32(1, -1)),
		simple(3, 1, 8000, 32, f32s(0.5, -0.5)),
		simple(3, 1, 8000, 64, f64s(0.5, -0.5)),
		simple(6, 2, 8000, 8, []byte{0xD5, 0x55}),
		simple(7, 2, 8000, 8, []byte{0xFF, 0x00}),
		simple(0x55, 1, 8000, 0, []byte{0xFF, 0xFB}),
		riff(chunk("fmt ", extensibleBody(1, 2, 8000, 16, 16)), chunk("data", le16(1, 2))),
		riff(chunk("LIST", []byte("INFOx")), chunk("fmt ", fmtBody(1, 1, 8000, 16)), chunkSized("data", 0xFFFFFFFF, le16(1, 2, 3))),
	}
	fixtures, err := filepath.Glob(filepath.Join("testdata", "sox", "*.wav"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range fixtures {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	return seeds
}
