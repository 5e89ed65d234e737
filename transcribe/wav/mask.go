package wav

import (
	"encoding/binary"
	"fmt"
	"math"
)

// MaskMode is what replaces a masked stretch of a recording.
type MaskMode int

// Mask modes.
const (
	// MaskSilence writes digital silence.
	MaskSilence MaskMode = iota
	// MaskTone writes a 1 kHz tone at -20 dBFS: a listener hears that
	// something was cut.
	MaskTone
)

// ParseMaskMode reads "silence" or "tone".
func ParseMaskMode(s string) (MaskMode, error) {
	switch s {
	case "", "silence":
		return MaskSilence, nil
	case "tone":
		return MaskTone, nil
	}
	return 0, fmt.Errorf("wav: mask mode %q: want silence or tone", s)
}

// Span is a stretch of one channel, in seconds.
type Span struct {
	Channel    int
	Start, End float64
}

// Mask returns a copy of the WAV file in which each span's samples of its
// channel are replaced by silence or a tone, in the file's own encoding:
// the copy has the same format and length, and every byte outside the
// spans is equal to the original's. Spans are clipped to the recording; a
// span of a channel the file does not have is an error.
func Mask(file []byte, spans []Span, mode MaskMode) ([]byte, error) {
	r, err := Parse(file)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(file))
	copy(out, file)
	bps := r.blockAlign / r.channels
	enc, err := encoderFor(r.Format, bps)
	if err != nil {
		return nil, err
	}
	frames := r.Frames()
	for _, s := range spans {
		if s.Channel < 0 || s.Channel >= r.channels {
			return nil, fmt.Errorf("wav: mask: channel %d of a %d-channel file", s.Channel, r.channels)
		}
		from := max(0, int(math.Floor(s.Start*float64(r.SampleRate))))
		to := min(frames, int(math.Ceil(s.End*float64(r.SampleRate))))
		for f := from; f < to; f++ {
			v := 0.0
			if mode == MaskTone {
				v = 0.1 * math.Sin(2*math.Pi*1000*float64(f)/float64(r.SampleRate))
			}
			off := r.dataOff + f*r.blockAlign + s.Channel*bps
			enc(out[off:off+bps], v)
		}
	}
	return out, nil
}

// encoderFor writes one sample value in [-1, 1] in an encoding.
func encoderFor(format string, bps int) (func(dst []byte, v float64), error) {
	switch format {
	case "pcm8":
		return func(d []byte, v float64) { d[0] = byte(128 + int(math.Round(v*127))) }, nil
	case "pcm16":
		return func(d []byte, v float64) { binary.LittleEndian.PutUint16(d, uint16(int16(math.Round(v*32767)))) }, nil
	case "pcm24":
		return func(d []byte, v float64) {
			x := int32(math.Round(v * 8388607))
			d[0], d[1], d[2] = byte(x), byte(x>>8), byte(x>>16)
		}, nil
	case "pcm32":
		return func(d []byte, v float64) { binary.LittleEndian.PutUint32(d, uint32(int32(math.Round(v*2147483647)))) }, nil
	case "float32":
		return func(d []byte, v float64) { binary.LittleEndian.PutUint32(d, math.Float32bits(float32(v))) }, nil
	case "float64":
		return func(d []byte, v float64) { binary.LittleEndian.PutUint64(d, math.Float64bits(v)) }, nil
	case "mulaw":
		return func(d []byte, v float64) { d[0] = LinearToMuLaw(int16(math.Round(v * 32767))) }, nil
	case "alaw":
		return func(d []byte, v float64) { d[0] = LinearToALaw(int16(math.Round(v * 32767))) }, nil
	}
	return nil, fmt.Errorf("wav: mask: no encoder for %s (%d bytes a sample)", format, bps)
}

// LinearToMuLaw is the G.711 mu-law encoder (0 encodes as 0xFF), the
// inverse of what Decode reads from a mu-law WAV.
func LinearToMuLaw(s int16) byte {
	const bias, clip = 0x84, 32635
	x := int(s)
	sign := 0
	if x < 0 {
		x, sign = -x, 0x80
	}
	x = min(x, clip) + bias
	exp := 7
	for mask := 0x4000; x&mask == 0 && exp > 0; mask >>= 1 {
		exp--
	}
	mant := (x >> (exp + 3)) & 0x0F
	return ^byte(sign | exp<<4 | mant)
}

// LinearToALaw is the G.711 A-law encoder (0 encodes as 0xD5), the
// inverse of what Decode reads from an A-law WAV.
func LinearToALaw(s int16) byte {
	x := int(s) >> 3 // 13-bit
	sign := 0x80
	if x < 0 {
		x, sign = -x-1, 0
	}
	var v int
	if x < 32 {
		v = x >> 1
	} else {
		exp := 1
		for y := x >> 5; y > 1 && exp < 7; y >>= 1 {
			exp++
		}
		v = exp<<4 | (x>>exp)&0x0F
	}
	return byte(v|sign) ^ 0x55
}
