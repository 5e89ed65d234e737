package wav_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/callscope/callscope/transcribe/wav"
)

var update = flag.Bool("update", false, "regenerate testdata/ golden files with sox")

// --- a small WAV writer: enough to build any header, well-formed or not ---

// chunk returns a RIFF chunk: id, little-endian size, body and the pad byte
// an odd size needs.
func chunk(id string, body []byte) []byte {
	return chunkSized(id, uint32(len(body)), body)
}

// chunkSized is chunk with a declared size that need not match the body.
func chunkSized(id string, size uint32, body []byte) []byte {
	out := append([]byte(id), le32(int64(size))...)
	out = append(out, body...)
	if len(body)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// riff wraps chunks in a RIFF/WAVE header.
func riff(chunks ...[]byte) []byte {
	body := []byte("WAVE")
	for _, c := range chunks {
		body = append(body, c...)
	}
	return append(append([]byte("RIFF"), le32(int64(len(body)))...), body...)
}

// fmtBody is a 16-byte fmt chunk body with a consistent block align.
func fmtBody(tag uint16, channels, rate, bits int) []byte {
	return fmtBodyAlign(tag, channels, rate, channels*bits/8, bits)
}

func fmtBodyAlign(tag uint16, channels, rate, blockAlign, bits int) []byte {
	b := le16(int(tag), channels)
	b = append(b, le32(int64(rate))...)
	b = append(b, le32(int64(rate*blockAlign))...)
	return append(b, le16(blockAlign, bits)...)
}

// extensibleBody is a 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose
// subformat GUID carries subTag.
func extensibleBody(subTag uint16, channels, rate, bits, validBits int) []byte {
	b := fmtBody(0xFFFE, channels, rate, bits)
	b = append(b, le16(22, validBits)...)
	b = append(b, le32(3)...) // channel mask: front left | front right
	b = append(b, le16(int(subTag))...)
	return append(b, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71)
}

func le16(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

func le24(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = append(b, byte(x), byte(x>>8), byte(x>>16))
	}
	return b
}

func le32(v ...int64) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, uint32(x))
	}
	return b
}

func f32s(v ...float32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return b
}

func f64s(v ...float64) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// simple is a well-formed file: fmt then data.
func simple(tag uint16, channels, rate, bits int, data []byte) []byte {
	return riff(chunk("fmt ", fmtBody(tag, channels, rate, bits)), chunk("data", data))
}

// div gives the expected samples for integer codes: each v divided by den
// (the full-scale value), as float32.
func div(den float64, v ...float64) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x / den)
	}
	return out
}

// --- decoding ---

func TestDecode(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	fmtPCM16Mono := chunk("fmt ", fmtBody(1, 1, 8000, 16))
	tests := []struct {
		name     string
		in       []byte
		format   string
		rate     int
		channels [][]float32
	}{
		{"pcm8 unsigned", simple(1, 1, 8000, 8, []byte{0x00, 0x80, 0xFF, 0x40}),
			"pcm8", 8000, [][]float32{div(128, -128, 0, 127, -64)}},
		{"pcm16", simple(1, 1, 8000, 16, le16(-32768, 0, 32767, 1, -1)),
			"pcm16", 8000, [][]float32{div(32768, -32768, 0, 32767, 1, -1)}},
		{"pcm24", simple(1, 1, 16000, 24, le24(-8388608, 0, 8388607, 1, -2)),
			"pcm24", 16000, [][]float32{div(1<<23, -8388608, 0, 8388607, 1, -2)}},
		{"pcm32", simple(1, 1, 48000, 32, le32(math.MinInt32, 0, math.MaxInt32, 1<<16, -1)),
			"pcm32", 48000, [][]float32{div(1<<31, math.MinInt32, 0, math.MaxInt32, 1<<16, -1)}},
		{"float32 clamped, NaN silenced", simple(3, 1, 8000, 32, f32s(0.5, -0.25, 1.5, -2, nan, inf)),
			"float32", 8000, [][]float32{{0.5, -0.25, 1, -1, 0, 1}}},
		{"float64", simple(3, 1, 8000, 64, f64s(0.125, -1, 3, math.NaN(), 1e-3)),
			"float64", 8000, [][]float32{{0.125, -1, 1, 0, float32(1e-3)}}},
		{"mu-law G.711 values", simple(7, 1, 8000, 8, []byte{0xFF, 0x00, 0x80, 0x7F, 0xFE}),
			"mulaw", 8000, [][]float32{div(32768, 0, -32124, 32124, 0, 8)}},
		{"A-law G.711 values", simple(6, 1, 8000, 8, []byte{0xD5, 0x55, 0xAA, 0x2A}),
			"alaw", 8000, [][]float32{div(32768, 8, -8, 32256, -32256)}},
		{"stereo pcm16 left is channel 0", simple(1, 2, 8000, 16, le16(8192, -8192, 16384, -16384, 1, 2)),
			"pcm16", 8000, [][]float32{div(32768, 8192, 16384, 1), div(32768, -8192, -16384, 2)}},
		{"stereo mu-law left is channel 0", simple(7, 2, 8000, 8, []byte{0xFF, 0x00, 0x80, 0xFF}),
			"mulaw", 8000, [][]float32{div(32768, 0, 32124), div(32768, -32124, 0)}},
		{"stereo A-law", simple(6, 2, 8000, 8, []byte{0xD5, 0x55}),
			"alaw", 8000, [][]float32{div(32768, 8), div(32768, -8)}},
		{"stereo pcm8", simple(1, 2, 8000, 8, []byte{0x00, 0xFF, 0x80, 0x81}),
			"pcm8", 8000, [][]float32{div(128, -128, 0), div(128, 127, 1)}},
		{"stereo pcm24", simple(1, 2, 8000, 24, le24(1, -1, 2, -2)),
			"pcm24", 8000, [][]float32{div(1<<23, 1, 2), div(1<<23, -1, -2)}},
		{"stereo float32", simple(3, 2, 8000, 32, f32s(0.5, -0.5, 0.25, -0.25)),
			"float32", 8000, [][]float32{{0.5, 0.25}, {-0.5, -0.25}}},
		{"three channels pcm16", simple(1, 3, 8000, 16, le16(1, 2, 3, 4, 5, 6)),
			"pcm16", 8000, [][]float32{div(32768, 1, 4), div(32768, 2, 5), div(32768, 3, 6)}},
		{"three channels mu-law", simple(7, 3, 8000, 8, []byte{0xFF, 0x00, 0x80, 0x80, 0xFF, 0x00}),
			"mulaw", 8000, [][]float32{div(32768, 0, 32124), div(32768, -32124, 0), div(32768, 32124, -32124)}},
		{"eight channels", simple(1, 8, 8000, 8, []byte{0, 16, 32, 48, 64, 80, 96, 112}),
			"pcm8", 8000, [][]float32{div(128, -128), div(128, -112), div(128, -96), div(128, -80), div(128, -64), div(128, -48), div(128, -32), div(128, -16)}},

		{"extensible pcm16", riff(chunk("fmt ", extensibleBody(1, 2, 8000, 16, 16)), chunk("data", le16(100, -100))),
			"pcm16", 8000, [][]float32{div(32768, 100), div(32768, -100)}},
		{"extensible pcm24 with 20 valid bits", riff(chunk("fmt ", extensibleBody(1, 1, 8000, 24, 20)), chunk("data", le24(16, -16))),
			"pcm24", 8000, [][]float32{div(1<<23, 16, -16)}},
		{"extensible float32", riff(chunk("fmt ", extensibleBody(3, 1, 8000, 32, 32)), chunk("data", f32s(0.75))),
			"float32", 8000, [][]float32{{0.75}}},
		{"extensible mu-law", riff(chunk("fmt ", extensibleBody(7, 1, 8000, 8, 8)), chunk("data", []byte{0x00})),
			"mulaw", 8000, [][]float32{div(32768, -32124)}},
		{"extensible A-law", riff(chunk("fmt ", extensibleBody(6, 1, 8000, 8, 8)), chunk("data", []byte{0xD5})),
			"alaw", 8000, [][]float32{div(32768, 8)}},

		{"odd-size LIST before fmt and odd junk after it skipped with padding",
			riff(chunk("LIST", []byte("INFOx")), fmtPCM16Mono, chunk("junk", []byte{1, 2, 3}), chunk("data", le16(7))),
			"pcm16", 8000, [][]float32{div(32768, 7)}},
		{"fact chunk and 18-byte fmt (cbSize 0)",
			riff(chunk("fmt ", append(fmtBody(7, 1, 8000, 8), 0, 0)), chunk("fact", le32(2)), chunk("data", []byte{0xFF, 0x00})),
			"mulaw", 8000, [][]float32{div(32768, 0, -32124)}},
		{"long fmt chunk, extra bytes skipped",
			riff(chunk("fmt ", append(fmtBody(1, 1, 8000, 16), make([]byte, 37)...)), chunk("data", le16(3))),
			"pcm16", 8000, [][]float32{div(32768, 3)}},
		{"odd-size pcm8 data followed by its pad byte and a LIST",
			riff(chunk("fmt ", fmtBody(1, 1, 8000, 8)), chunk("data", []byte{0x80, 0x81, 0x82}), chunk("LIST", []byte("INFO"))),
			"pcm8", 8000, [][]float32{div(128, 0, 1, 2)}},
		{"declared data size shorter than the bytes there: the rest is another chunk",
			riff(fmtPCM16Mono, chunkSized("data", 2, le16(5, 6, 7))),
			"pcm16", 8000, [][]float32{div(32768, 5)}},
		{"streaming writer: data size 0xFFFFFFFF, partial frame dropped",
			riff(chunk("fmt ", fmtBody(1, 2, 8000, 16)), chunkSized("data", 0xFFFFFFFF, append(le16(1, 2, 3, 4), 9))),
			"pcm16", 8000, [][]float32{div(32768, 1, 3), div(32768, 2, 4)}},
		{"data size past the end of the input",
			riff(fmtPCM16Mono, chunkSized("data", 1000, le16(1, 2, 3))),
			"pcm16", 8000, [][]float32{div(32768, 1, 2, 3)}},
		{"RF64 header", append([]byte("RF64"), riff(fmtPCM16Mono, chunkSized("data", 0xFFFFFFFF, le16(11)))[4:]...),
			"pcm16", 8000, [][]float32{div(32768, 11)}},
		{"empty data chunk", simple(1, 2, 8000, 16, nil),
			"pcm16", 8000, [][]float32{{}, {}}},
		{"lowest sample rate", simple(1, 1, 4000, 16, le16(1)), "pcm16", 4000, [][]float32{div(32768, 1)}},
		{"highest sample rate", simple(1, 1, 192000, 16, le16(1)), "pcm16", 192000, [][]float32{div(32768, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, reader := range readers(tt.in) {
				a, err := wav.Decode(reader.r)
				if err != nil {
					t.Fatalf("%s: Decode: %v", reader.name, err)
				}
				if a.Format != tt.format || a.SampleRate != tt.rate {
					t.Errorf("%s: format %q at %d Hz, want %q at %d Hz", reader.name, a.Format, a.SampleRate, tt.format, tt.rate)
				}
				assertSamples(t, reader.name, a.Channels, tt.channels)
			}
		})
	}
}

type namedReader struct {
	name string
	r    io.Reader
}

// readers gives the same bytes through a reader that can tell its length
// (the transcribe stage's bytes.Reader), one that cannot, and one that
// returns a byte at a time.
func readers(in []byte) []namedReader {
	return []namedReader{
		{"bytes.Reader", bytes.NewReader(in)},
		{"plain reader", struct{ io.Reader }{bytes.NewReader(in)}},
		{"one byte at a time", iotest.OneByteReader(bytes.NewReader(in))},
	}
}

func assertSamples(t *testing.T, context string, got, want [][]float32) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d channels, want %d", context, len(got), len(want))
	}
	for c := range want {
		if len(got[c]) != len(want[c]) {
			t.Fatalf("%s: channel %d has %d samples, want %d: %v", context, c, len(got[c]), len(want[c]), got[c])
		}
		for i := range want[c] {
			if got[c][i] != want[c][i] {
				t.Errorf("%s: channel %d sample %d = %v (%v × 32768), want %v", context, c, i, got[c][i], got[c][i]*32768, want[c][i])
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	fmtPCM16Mono := chunk("fmt ", fmtBody(1, 1, 8000, 16))
	data := chunk("data", le16(1, 2))
	tests := []struct {
		name string
		in   []byte
		want error
		msg  string // a substring of the message
	}{
		{"empty input", nil, wav.ErrNotWAV, "empty input"},
		{"text", []byte("hello, world"), wav.ErrNotWAV, `starts with "hello, world"`},
		{"short garbage", []byte{1, 2, 3}, wav.ErrNotWAV, "not a RIFF/WAVE file"},
		{"MP3 upload", []byte("ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00"), wav.ErrNotWAV, "looks like MP3"},
		{"Ogg upload", []byte("OggS\x00\x02\x00\x00\x00\x00\x00\x00"), wav.ErrNotWAV, "looks like Ogg"},
		{"FLAC upload", []byte("fLaC\x00\x00\x00\x22\x10\x00\x10\x00"), wav.ErrNotWAV, "looks like FLAC"},
		{"AIFF upload", []byte("FORM\x00\x00\x10\x00AIFFCOMM"), wav.ErrNotWAV, "looks like AIFF"},
		{"MP3 frame sync", []byte{0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0}, wav.ErrNotWAV, "looks like MP3"},
		{"RIFF but AVI", append([]byte("RIFF\x04\x00\x00\x00AVI "), make([]byte, 8)...), wav.ErrNotWAV, `RIFF form "AVI "`},
		{"RIFF header cut off", []byte("RIFF\x10\x00\x00"), wav.ErrCorrupt, "RIFF header truncated at 7 bytes"},
		{"RIFX but not WAVE", append([]byte("RIFX\x04\x00\x00\x00AVI "), make([]byte, 8)...), wav.ErrNotWAV, "not a RIFF/WAVE file"},
		{"big-endian RIFX", append([]byte("RIFX"), riff(fmtPCM16Mono, data)[4:]...), wav.ErrUnsupported, "RIFX"},
		{"nothing after the header", riff(), wav.ErrCorrupt, "no fmt chunk"},
		{"fmt but no data", riff(fmtPCM16Mono, chunk("LIST", []byte("INFO"))), wav.ErrCorrupt, "no data chunk"},
		{"data before fmt", riff(data, fmtPCM16Mono), wav.ErrCorrupt, "data chunk at offset 12 comes before the fmt chunk"},
		{"fmt too short", riff(chunk("fmt ", fmtBody(1, 1, 8000, 16)[:14]), data), wav.ErrCorrupt, "fmt chunk at offset 12 is 14 bytes, want at least 16"},
		{"fmt truncated", riff(chunkSized("fmt ", 16, fmtBody(1, 1, 8000, 16)[:10])), wav.ErrCorrupt, "fmt chunk at offset 12 (16 bytes) truncated"},
		{"chunk header truncated", append(riff(fmtPCM16Mono), 'd', 'a', 't'), wav.ErrCorrupt, "chunk header at offset 36 truncated at 3 bytes"},
		{"skipped chunk truncated", riff(chunkSized("LIST", 100, []byte("INFO"))), wav.ErrCorrupt, `"LIST" chunk at offset 12 (100 bytes) truncated`},
		{"zero channels", riff(chunk("fmt ", fmtBodyAlign(1, 0, 8000, 2, 16)), data), wav.ErrCorrupt, "0 channels"},
		{"block align mismatch", riff(chunk("fmt ", fmtBodyAlign(1, 2, 8000, 2, 16)), data), wav.ErrCorrupt, "block align 2, want 4 (2 channels × 16 bits)"},
		{"second fmt chunk", riff(fmtPCM16Mono, fmtPCM16Mono, data), wav.ErrCorrupt, "second fmt chunk at offset 36"},
		{"extensible fmt too short", riff(chunk("fmt ", append(fmtBody(0xFFFE, 1, 8000, 16), 0, 0)), data), wav.ErrCorrupt, "WAVE_FORMAT_EXTENSIBLE fmt chunk at offset 12 is 18 bytes, want 40"},

		{"MP3 in WAV", simple(0x55, 1, 8000, 0, data), wav.ErrUnsupported, "wav: unsupported format tag 0x0055 (MPEG Layer 3) with 0 bits per sample"},
		{"GSM 6.10", riff(chunk("fmt ", fmtBodyAlign(0x31, 1, 8000, 65, 0)), data), wav.ErrUnsupported, "format tag 0x0031 (GSM 6.10)"},
		{"IMA ADPCM", riff(chunk("fmt ", fmtBodyAlign(0x11, 1, 8000, 256, 4)), data), wav.ErrUnsupported, "format tag 0x0011 (IMA ADPCM) with 4 bits"},
		{"Microsoft ADPCM", riff(chunk("fmt ", fmtBodyAlign(0x02, 1, 8000, 256, 4)), data), wav.ErrUnsupported, "0x0002 (Microsoft ADPCM)"},
		{"unknown tag", simple(0x1234, 1, 8000, 16, data), wav.ErrUnsupported, "format tag 0x1234 (not a known codec)"},
		{"12-bit PCM", riff(chunk("fmt ", fmtBodyAlign(1, 1, 8000, 2, 12)), data), wav.ErrUnsupported, "0x0001 (PCM) with 12 bits per sample"},
		{"16-bit float", simple(3, 1, 8000, 16, data), wav.ErrUnsupported, "0x0003 (IEEE float) with 16 bits"},
		{"16-bit mu-law", simple(7, 1, 8000, 16, data), wav.ErrUnsupported, "0x0007 (mu-law) with 16 bits"},
		{"16-bit A-law", simple(6, 1, 8000, 16, data), wav.ErrUnsupported, "0x0006 (A-law) with 16 bits"},
		{"sample rate too low", simple(1, 1, 2000, 16, data), wav.ErrUnsupported, "sample rate 2000 Hz, want 4000..192000"},
		{"sample rate too high", simple(1, 1, 384000, 16, data), wav.ErrUnsupported, "sample rate 384000 Hz"},
		{"sample rate 0xFFFFFFFF", riff(chunk("fmt ", append(le16(1, 1), append(le32(0xFFFFFFFF, 0), le16(2, 16)...)...)), data), wav.ErrUnsupported, "sample rate 4294967295 Hz"},
		{"nine channels", simple(1, 9, 8000, 16, data), wav.ErrUnsupported, "channel count 9, want 1..8"},
		{"extensible with a non-PCM GUID", riff(chunk("fmt ", append(extensibleBody(1, 1, 8000, 16, 16)[:24], bytes.Repeat([]byte{0xAB}, 16)...)), data),
			wav.ErrUnsupported, "subformat {ABABABAB-ABAB-ABAB-ABAB-ABABABABABAB}"},
		{"extensible MP3", riff(chunk("fmt ", extensibleBody(0x55, 1, 8000, 16, 16)), data), wav.ErrUnsupported, "0x0055 (MPEG Layer 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, reader := range readers(tt.in) {
				a, err := wav.Decode(reader.r)
				if !errors.Is(err, tt.want) {
					t.Fatalf("%s: Decode = %v, %v; want %v", reader.name, a, err, tt.want)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("%s: error %q does not mention %q", reader.name, err, tt.msg)
				}
				if !strings.HasPrefix(err.Error(), "wav: ") {
					t.Errorf("%s: error %q does not start with the package name", reader.name, err)
				}
			}
		})
	}
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("connection reset")
	// RIFF header 0-12, LIST 12-26, fmt 26-50, data header 50-58.
	in := riff(chunk("LIST", []byte("INFOab")), chunk("fmt ", fmtBody(1, 1, 8000, 16)), chunk("data", le16(1, 2, 3)))
	for _, cut := range []int{0, 8, 16, 22, 30, 40, 54, len(in) - 2} {
		r := io.MultiReader(bytes.NewReader(in[:cut]), iotest.ErrReader(boom))
		_, err := wav.Decode(r)
		if !errors.Is(err, boom) {
			t.Errorf("read error after %d bytes: got %v, want it wrapped", cut, err)
		}
		if errors.Is(err, wav.ErrCorrupt) || errors.Is(err, wav.ErrNotWAV) {
			t.Errorf("read error after %d bytes reported as bad input: %v", cut, err)
		}
	}
}

// TestDecodeTruncated cuts a valid stereo file at every length: each prefix
// either decodes to a prefix of the samples or fails with a sentinel.
func TestDecodeTruncated(t *testing.T) {
	in := riff(chunk("LIST", []byte("INFOabc")), chunk("fmt ", fmtBody(1, 2, 8000, 16)), chunk("data", le16(1, -1, 2, -2, 3, -3)))
	dataStart := len(in) - 12
	for n := range len(in) {
		a, err := wav.Decode(bytes.NewReader(in[:n]))
		if n < dataStart {
			if !errors.Is(err, wav.ErrCorrupt) && !errors.Is(err, wav.ErrNotWAV) {
				t.Errorf("cut at %d: got %v, want ErrCorrupt or ErrNotWAV", n, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("cut at %d inside the data: %v", n, err)
		}
		if frames := (n - dataStart) / 4; a.Frames() != frames {
			t.Errorf("cut at %d: %d frames, want %d", n, a.Frames(), frames)
		}
	}
}

// TestHugeDeclaredSizes: header sizes near 4 GiB over a few bytes of input
// must cost memory in proportion to the input, not the header.
func TestHugeDeclaredSizes(t *testing.T) {
	fmtPCM16Mono := chunk("fmt ", fmtBody(1, 1, 8000, 16))
	tests := []struct {
		name   string
		in     []byte
		frames int
		err    error
	}{
		{"data", riff(fmtPCM16Mono, chunkSized("data", 0xFFFFFFF0, le16(1, 2, 3, 4))), 4, nil},
		{"data, eight channels", riff(chunk("fmt ", fmtBody(1, 8, 8000, 8)), chunkSized("data", 0xFFFFFFF8, make([]byte, 16))), 2, nil},
		{"fmt", riff(chunkSized("fmt ", 0xFFFFFFFF, fmtBody(1, 1, 8000, 16))), 0, wav.ErrCorrupt},
		{"LIST", riff(chunkSized("LIST", 0xFFFFFFFE, []byte("INFO")), fmtPCM16Mono), 0, wav.ErrCorrupt},
		{"RIFF size", append(append([]byte("RIFF"), le32(0xFFFFFFFF)...), riff(fmtPCM16Mono, chunk("data", le16(1)))[8:]...), 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, reader := range readers(tt.in) {
				var a *wav.Audio
				var err error
				allocated := bytesAllocated(func() { a, err = wav.Decode(reader.r) })
				if !errors.Is(err, tt.err) {
					t.Fatalf("%s: Decode: %v, want %v", reader.name, err, tt.err)
				}
				if err == nil && a.Frames() != tt.frames {
					t.Errorf("%s: %d frames, want %d", reader.name, a.Frames(), tt.frames)
				}
				// The read buffer (64 KiB) plus, for a reader of unknown
				// length, 16 Ki frames per channel to start with.
				if limit := uint64(1 << 20); allocated > limit {
					t.Errorf("%s: Decode of %d bytes allocated %d bytes, want under %d", reader.name, len(tt.in), allocated, limit)
				}
			}
		})
	}
}

func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDecodeAllocations: a file of known length is decoded with a fixed
// number of allocations whatever its size: the output is sized once.
func TestDecodeAllocations(t *testing.T) {
	for _, seconds := range []int{1, 60} {
		in := simple(1, 2, 8000, 16, make([]byte, seconds*8000*4))
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := wav.Decode(bytes.NewReader(in)); err != nil {
				t.Fatal(err)
			}
		})
		// The reader, the decoder, the channel list, two channels, the read
		// buffer and the Audio.
		if allocs > 7 {
			t.Errorf("%d s stereo: %v allocations per Decode, want at most 7", seconds, allocs)
		}
	}
}

// TestG711Tables checks all 256 codes of both laws against the expansion
// sox produced (testdata/g711_*.s16, 16-bit little-endian, code order).
func TestG711Tables(t *testing.T) {
	codes := make([]byte, 256)
	for i := range codes {
		codes[i] = byte(i)
	}
	for _, law := range []struct {
		name string
		tag  uint16
		sox  string
	}{{"mulaw", 7, "ul"}, {"alaw", 6, "al"}} {
		t.Run(law.name, func(t *testing.T) {
			golden := filepath.Join("testdata", "g711_"+law.name+".s16")
			if *update {
				raw := filepath.Join(t.TempDir(), "codes.raw")
				if err := os.WriteFile(raw, codes, 0o644); err != nil {
					t.Fatal(err)
				}
				runSox(t, "-t", law.sox, "-r", "8000", "-c", "1", raw, "-t", "s16", golden)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != 512 {
				t.Fatalf("%s: %d bytes, want 512", golden, len(want))
			}
			a, err := wav.Decode(bytes.NewReader(simple(law.tag, 1, 8000, 8, codes)))
			if err != nil {
				t.Fatal(err)
			}
			for code, got := range a.Channels[0] {
				if w := int16(binary.LittleEndian.Uint16(want[2*code:])); got*32768 != float32(w) {
					t.Errorf("code 0x%02X = %v, want %d", code, got*32768, w)
				}
			}
		})
	}
}

// --- files written by sox, a real-world writer (fact chunks, 18-byte and
// extensible fmt chunks), against sox's own decoding ---

type soxFixture struct {
	name     string
	encoding []string
	rate     int
	channels int
}

var soxFixtures = []soxFixture{
	{"pcm16_stereo_8k", []string{"-e", "signed", "-b", "16"}, 8000, 2},
	{"pcm8_stereo_8k", []string{"-e", "unsigned", "-b", "8"}, 8000, 2},
	{"pcm24_stereo_8k", []string{"-e", "signed", "-b", "24"}, 8000, 2},
	{"pcm32_stereo_8k", []string{"-e", "signed", "-b", "32"}, 8000, 2},
	{"float32_stereo_8k", []string{"-e", "float", "-b", "32"}, 8000, 2},
	{"float64_stereo_8k", []string{"-e", "float", "-b", "64"}, 8000, 2},
	{"mulaw_stereo_8k", []string{"-e", "mu-law"}, 8000, 2},
	{"alaw_stereo_8k", []string{"-e", "a-law"}, 8000, 2},
	{"pcm16_mono_16k", []string{"-e", "signed", "-b", "16"}, 16000, 1},
}

// makeSoxPair writes name.wav (a two-tone signal, a different tone per
// channel) and name.f32, sox's decoding of it as interleaved float32.
func makeSoxPair(t *testing.T, dir string, f soxFixture, seconds string) {
	t.Helper()
	wavPath := filepath.Join(dir, f.name+".wav")
	args := []string{"-n", "-r", fmt.Sprint(f.rate), "-c", fmt.Sprint(f.channels)}
	args = append(args, f.encoding...)
	args = append(args, wavPath, "synth", seconds)
	for c := range f.channels {
		args = append(args, "sine", fmt.Sprint(300+200*c))
	}
	runSox(t, append(args, "vol", "0.9")...)
	runSox(t, wavPath, "-t", "f32", filepath.Join(dir, f.name+".f32"))
}

func runSox(t *testing.T, args ...string) {
	t.Helper()
	out, err := exec.Command("sox", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("sox %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestSoxFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "sox")
	if *update {
		requireSox(t)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range soxFixtures {
			makeSoxPair(t, dir, f, "0.02")
		}
	}
	for _, f := range soxFixtures {
		t.Run(f.name, func(t *testing.T) {
			compareWithSox(t, dir, f)
		})
	}
}

// TestDecodeMatchesSox runs sox live over more encodings, channel counts
// and rates than the checked-in fixtures cover.
func TestDecodeMatchesSox(t *testing.T) {
	if testing.Short() {
		t.Skip("runs sox; skipped under -short")
	}
	requireSox(t)
	dir := t.TempDir()
	for _, base := range soxFixtures {
		for _, channels := range []int{1, 2, 3, 8} {
			for _, rate := range []int{8000, 44100} {
				f := base
				f.channels, f.rate = channels, rate
				f.name = fmt.Sprintf("%s_%dch_%d", strings.Split(base.name, "_")[0], channels, rate)
				t.Run(f.name, func(t *testing.T) {
					makeSoxPair(t, dir, f, "0.1")
					compareWithSox(t, dir, f)
				})
			}
		}
	}
}

func requireSox(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("sox"); err != nil {
		t.Skip("sox is not installed (Debian package sox)")
	}
}

func compareWithSox(t *testing.T, dir string, f soxFixture) {
	t.Helper()
	in, err := os.ReadFile(filepath.Join(dir, f.name+".wav"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, f.name+".f32"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := wav.Decode(bytes.NewReader(in))
	if err != nil {
		t.Fatalf("%s.wav: %v", f.name, err)
	}
	if a.SampleRate != f.rate || len(a.Channels) != f.channels || !strings.HasPrefix(f.name, a.Format) {
		t.Fatalf("%s.wav: %s %d Hz %d channels", f.name, a.Format, a.SampleRate, len(a.Channels))
	}
	if want := len(raw) / 4 / f.channels; a.Frames() != want || want == 0 {
		t.Fatalf("%s.wav: %d frames, sox decoded %d", f.name, a.Frames(), want)
	}
	// sox rounds its float output to multiples of 2^-24 (SOX_SAMPLE_TO_FLOAT_32BIT),
	// so formats finer than 24 bits agree to that step; the rest are exact.
	tolerance := 0.0
	switch a.Format {
	case "pcm32", "float32", "float64":
		tolerance = 1.0 / (1 << 24)
	}
	for i := range a.Frames() {
		for c := range a.Channels {
			want := math.Float32frombits(binary.LittleEndian.Uint32(raw[4*(i*f.channels+c):]))
			if got := a.Channels[c][i]; math.Abs(float64(got-want)) > tolerance {
				t.Fatalf("%s.wav: channel %d sample %d = %v, sox says %v", f.name, c, i, got, want)
			}
		}
	}
}

// --- encoding ---

func TestEncodeRoundTrip(t *testing.T) {
	a := &wav.Audio{SampleRate: 8000, Format: "pcm16", Channels: [][]float32{
		div(32768, -32768, -1, 0, 1, 32767),
		div(32768, 5, 4, 3, 2, 1),
	}}
	var buf bytes.Buffer
	if err := wav.Encode(&buf, a); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 44+5*4 {
		t.Errorf("encoded %d bytes, want %d", buf.Len(), 44+5*4)
	}
	got, err := wav.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.SampleRate != 8000 || got.Format != "pcm16" {
		t.Errorf("got %s at %d Hz", got.Format, got.SampleRate)
	}
	assertSamples(t, "round trip", got.Channels, a.Channels)
}

// TestEncodeMatchesSox: a PCM16 file written by sox, decoded and encoded
// again, comes back byte for byte.
func TestEncodeMatchesSox(t *testing.T) {
	for _, name := range []string{"pcm16_stereo_8k", "pcm16_mono_16k"} {
		in, err := os.ReadFile(filepath.Join("testdata", "sox", name+".wav"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := wav.Decode(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := wav.Encode(&out, a); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), in) {
			t.Errorf("%s: re-encoded file differs from sox's (%d vs %d bytes)", name, out.Len(), len(in))
		}
	}
}

func TestEncodeClips(t *testing.T) {
	a := &wav.Audio{SampleRate: 8000, Channels: [][]float32{{1, 1.5, -1, -2, float32(math.NaN()), float32(math.Inf(-1)), 0.5 / 32768}}}
	var buf bytes.Buffer
	if err := wav.Encode(&buf, a); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()[44:]
	want := le16(32767, 32767, -32768, -32768, 0, -32768, 1)
	if !bytes.Equal(got, want) {
		t.Errorf("samples % X, want % X", got, want)
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		a    *wav.Audio
		msg  string
	}{
		{"nil", nil, "no channels"},
		{"no channels", &wav.Audio{SampleRate: 8000}, "no channels"},
		{"nine channels", &wav.Audio{SampleRate: 8000, Channels: make([][]float32, 9)}, "9 channels"},
		{"rate", &wav.Audio{SampleRate: 100, Channels: [][]float32{{0}}}, "sample rate 100 Hz"},
		{"ragged", &wav.Audio{SampleRate: 8000, Channels: [][]float32{{0, 0}, {0}}}, "channel 1 has 1 samples, channel 0 has 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := wav.Encode(io.Discard, tt.a)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Encode = %v, want an error mentioning %q", err, tt.msg)
			}
		})
	}
}

func TestEncodeWriteError(t *testing.T) {
	boom := errors.New("disk full")
	a := &wav.Audio{SampleRate: 8000, Channels: [][]float32{make([]float32, 100000)}}
	if err := wav.Encode(failingWriter{boom}, a); !errors.Is(err, boom) {
		t.Errorf("Encode = %v, want %v wrapped", err, boom)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestFramesAndDuration(t *testing.T) {
	tests := []struct {
		name     string
		a        *wav.Audio
		frames   int
		duration float64
	}{
		{"nil", nil, 0, 0},
		{"no channels", &wav.Audio{SampleRate: 8000}, 0, 0},
		{"no sample rate", &wav.Audio{Channels: [][]float32{make([]float32, 10)}}, 10, 0},
		{"stereo", &wav.Audio{SampleRate: 8000, Channels: [][]float32{make([]float32, 12000), make([]float32, 12000)}}, 12000, 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Frames(); got != tt.frames {
				t.Errorf("Frames = %d, want %d", got, tt.frames)
			}
			if got := tt.a.Duration(); got != tt.duration {
				t.Errorf("Duration = %v, want %v", got, tt.duration)
			}
		})
	}
}

// TestDecodeLargeQuickly: a 5-minute stereo call decodes in well under a
// second even on a slow CI machine (the benchmark has the real figure).
func TestDecodeLargeQuickly(t *testing.T) {
	in := simple(1, 2, 8000, 16, make([]byte, 5*60*8000*4))
	start := time.Now()
	a, err := wav.Decode(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("5-minute call took %v", elapsed)
	}
	if a.Duration() != 300 {
		t.Errorf("duration %v, want 300", a.Duration())
	}
}
