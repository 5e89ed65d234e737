package wav

import (
	"bytes"
	"encoding/binary"
	"math"
)

// Samples is one channel of audio read a piece at a time, as float32 in
// -1..1. It lets a long recording reach the VAD and the recognizers
// without being converted to float32 whole: a one-hour stereo 8 kHz call
// is 115 MB as 16-bit PCM and would be 230 MB more as float32.
type Samples interface {
	// Len is the number of samples.
	Len() int
	// Read converts the samples from index off on into dst and returns how
	// many it wrote: len(dst), or fewer at the end of the channel.
	Read(dst []float32, off int) int
}

// Floats is Samples over samples already decoded.
type Floats []float32

// Len is the number of samples.
func (f Floats) Len() int { return len(f) }

// Read copies the samples from off on into dst.
func (f Floats) Read(dst []float32, off int) int {
	if off >= len(f) {
		return 0
	}
	return copy(dst, f[off:])
}

// Raw is a WAV file held in memory with its samples left in the file's
// own encoding: each channel is decoded piece by piece when it is read,
// to the same values Decode gives. It costs no memory beyond the file's
// bytes, which it shares.
type Raw struct {
	// SampleRate in Hz.
	SampleRate int
	// Format is the encoding, as in Audio.Format.
	Format string

	channels   int
	blockAlign int
	data       []byte // the data chunk's whole frames
	dataOff    int    // where data starts in the file
}

// Parse reads the header of a WAV file held in memory and returns a view
// of its samples. It accepts what Decode accepts and fails the same way;
// a data chunk that claims more bytes than the file holds, or 0xFFFFFFFF,
// runs to the end of the file, and a trailing partial frame is dropped.
// The Raw keeps file: do not change it while the Raw is in use.
func Parse(file []byte) (*Raw, error) {
	in := &countingReader{r: bytes.NewReader(file)}
	f, size, _, err := readHeader(in)
	if err != nil {
		return nil, err
	}
	start := in.off
	n := int64(len(file)) - start
	if size != 0xFFFFFFFF {
		n = min(n, size)
	}
	n -= n % int64(f.blockAlign)
	return &Raw{SampleRate: f.sampleRate, Format: f.name, channels: f.channels, blockAlign: f.blockAlign,
		data: file[start : start+n], dataOff: int(start)}, nil
}

// NumChannels is the number of channels.
func (r *Raw) NumChannels() int { return r.channels }

// Frames is the number of samples in each channel.
func (r *Raw) Frames() int { return len(r.data) / r.blockAlign }

// Duration is the length of the recording in seconds.
func (r *Raw) Duration() float64 { return float64(r.Frames()) / float64(r.SampleRate) }

// Channel returns channel c (0 is the left channel of a stereo file).
// It panics when c is out of range, as an index would.
func (r *Raw) Channel(c int) Samples {
	if c < 0 || c >= r.channels {
		panic("wav: channel index out of range")
	}
	return rawChannel{r: r, c: c}
}

// rawChannel decodes one channel of a Raw on demand.
type rawChannel struct {
	r *Raw
	c int
}

func (ch rawChannel) Len() int { return ch.r.Frames() }

// Read converts frames [off, off+len(dst)) of the channel. Each encoding
// has its own loop, scaled exactly as Decode scales it, so that both give
// the same float32 values.
func (ch rawChannel) Read(dst []float32, off int) int {
	r := ch.r
	if off >= r.Frames() {
		return 0
	}
	n := min(len(dst), r.Frames()-off)
	dst = dst[:n]
	step := r.blockAlign
	bps := step / r.channels // bytes per sample
	src := r.data[off*step+ch.c*bps:]
	switch r.Format {
	case "pcm8":
		const scale = 1.0 / 128
		for i := range dst {
			dst[i] = float32(int(src[i*step])-128) * scale
		}
	case "pcm16":
		const scale = 1.0 / 32768
		for i := range dst {
			dst[i] = float32(int16(binary.LittleEndian.Uint16(src[i*step:]))) * scale
		}
	case "pcm24":
		const scale = 1.0 / (1 << 23)
		for i := range dst {
			s := src[i*step:]
			v := int32(uint32(s[0])<<8|uint32(s[1])<<16|uint32(s[2])<<24) >> 8
			dst[i] = float32(v) * scale
		}
	case "pcm32":
		const scale = 1.0 / (1 << 31)
		for i := range dst {
			dst[i] = float32(float64(int32(binary.LittleEndian.Uint32(src[i*step:]))) * scale)
		}
	case "float32":
		for i := range dst {
			dst[i] = clamp(math.Float32frombits(binary.LittleEndian.Uint32(src[i*step:])))
		}
	case "float64":
		for i := range dst {
			dst[i] = clamp(float32(math.Float64frombits(binary.LittleEndian.Uint64(src[i*step:]))))
		}
	case "mulaw", "alaw":
		table := &muLawTable
		if r.Format == "alaw" {
			table = &aLawTable
		}
		for i := range dst {
			dst[i] = table[src[i*step]]
		}
	}
	return n
}
