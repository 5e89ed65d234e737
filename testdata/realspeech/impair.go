package realspeech

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/wav"
)

// impair mixes the impairments into the clean channels, in the order a
// line adds them: hold audio and noises at the source, the other side's
// echo through the hybrid, line noise and hum, then the codec (encode).
func impair(clean [2][]float32, tr Truth, im impairment, r *rand.Rand) [2][]float32 {
	var src [2][]float32
	for c := range src {
		src[c] = append([]float32(nil), clean[c]...)
	}
	if im.hold != "" {
		for _, h := range tr.Holds {
			a, b := int(h.Start*Rate), min(int(h.End*Rate), len(src[0]))
			switch im.hold {
			case "moh":
				music, _ := loadMOH(tr.Split) // loaded: Build checked
				m := music[r.IntN(len(music))]
				off := r.IntN(len(m) - (b - a))
				mixFaded(src[0][a:b], m[off:off+b-a])
			case "tones":
				mixFaded(src[0][a:b], holdTones(b-a))
			}
		}
	}
	if im.bursts {
		speech := [2][]schemas.Interval{tr.Operator, tr.Client}
		for c := range src {
			for k := range 4 {
				at, ok := quietSpot(speech[c], tr.Holds, tr.Duration, r)
				if !ok {
					continue
				}
				var b []float32
				switch k % 3 {
				case 0:
					b = cough(r)
				case 1:
					b = clicks(r)
				default:
					b = noiseBurst(r)
				}
				mix(src[c][int(at*Rate):], b)
			}
		}
	}
	out := [2][]float32{append([]float32(nil), src[0]...), append([]float32(nil), src[1]...)}
	if im.xtalk != 0 {
		late := im.xtalkLate
		if late == [2]float64{} {
			late = [2]float64{0.010, 0.040}
		}
		for c := range out {
			// The hybrid: 10-40 ms late (or as the impairment says), a
			// little duller; with a swing, the loss wanders by up to
			// ±xtalkSwing dB over 8-16 s, as a line's echo path changes.
			d := int((late[0] + (late[1]-late[0])*r.Float64()) * Rate)
			var period, phase float64
			if im.xtalkSwing != 0 { // drawn only then: the other impairments keep their noise
				period, phase = (8+8*r.Float64())*Rate, 2*math.Pi*r.Float64()
			}
			other := src[1-c]
			var lp float32
			for i := d; i < len(out[c]); i++ {
				db := im.xtalk
				if im.xtalkSwing != 0 {
					db += im.xtalkSwing * math.Sin(2*math.Pi*float64(i)/period+phase)
				}
				lp += 0.6 * (other[i-d] - lp)
				out[c][i] += float32(math.Pow(10, db/20)) * lp
			}
		}
	}
	if im.snr != 0 {
		speech := [2][]schemas.Interval{tr.Operator, tr.Client}
		for c := range out {
			p := power(clean[c], speech[c])
			addLineNoise(out[c], p/math.Pow(10, im.snr/10), r)
		}
	}
	return out
}

// power is the mean power of s inside the spans.
func power(s []float32, spans []schemas.Interval) float64 {
	var e float64
	var n int
	for _, sp := range spans {
		for i := int(sp.Start * Rate); i < min(int(sp.End*Rate), len(s)); i++ {
			e += float64(s[i]) * float64(s[i])
			n++
		}
	}
	if n == 0 {
		return 1e-4
	}
	return e / float64(n)
}

// addLineNoise adds hiss (band-limited, tilted noise) and mains hum (50 Hz
// and its third harmonic) of total power p; the hum is 30% of it.
func addLineNoise(s []float32, p float64, r *rand.Rand) {
	noise := make([]float64, len(s))
	var lp, hpIn, hpOut, e float64
	for i := range noise {
		x := r.NormFloat64()
		lp += 0.5 * (x - lp)
		hpOut = 0.95 * (hpOut + lp - hpIn) // high-pass at about 200 Hz
		hpIn = lp
		noise[i] = hpOut
		e += hpOut * hpOut
	}
	g := math.Sqrt(0.7 * p / (e / float64(len(noise))))
	hum := math.Sqrt(0.3 * p) // RMS of the hum
	phase := r.Float64() * 2 * math.Pi
	for i := range s {
		t := float64(i) / Rate
		h := hum * math.Sqrt2 * (0.8*math.Sin(2*math.Pi*50*t+phase) + 0.6*math.Sin(2*math.Pi*150*t+2*phase))
		s[i] += float32(g*noise[i] + h)
	}
}

// quietSpot finds a time where the channel has no speech for 0.5 s either
// side and there is no hold.
func quietSpot(speech, holds []schemas.Interval, dur float64, r *rand.Rand) (float64, bool) {
	for range 500 {
		t := 0.5 + r.Float64()*(dur-1.5)
		free := true
		for _, s := range append(append([]schemas.Interval(nil), speech...), holds...) {
			if t+1.0 > s.Start && t-0.5 < s.End {
				free = false
				break
			}
		}
		if free {
			return t, true
		}
	}
	return 0, false
}

func mix(dst, src []float32) {
	for i := range min(len(dst), len(src)) {
		dst[i] += src[i]
	}
}

// mixFaded mixes src into dst with 50 ms fades.
func mixFaded(dst, src []float32) {
	n := min(len(dst), len(src))
	fade := Rate / 20
	for i := range n {
		g := float32(1)
		if i < fade {
			g = float32(i) / float32(fade)
		}
		if n-i < fade {
			g = float32(n-i) / float32(fade)
		}
		dst[i] += g * src[i]
	}
}

func tone(dst []float32, amp float64, freqs ...float64) {
	for i := range dst {
		t := float64(i) / Rate
		var v float64
		for _, f := range freqs {
			v += math.Sin(2 * math.Pi * f * t)
		}
		dst[i] += float32(amp * v / float64(len(freqs)))
	}
}

// holdTones: an IVR beep, DTMF digits, then Russian ringback (425 Hz, 0.8 s
// on, 3.2 s off) to the end.
func holdTones(n int) []float32 {
	out := make([]float32, n)
	tone(out[Rate/4:Rate/4+Rate/4], 0.2, 1000)                  // beep
	dtmf := [][2]float64{{770, 1336}, {697, 1336}, {941, 1477}} // 5 2 #
	at := Rate
	for _, d := range dtmf {
		tone(out[at:at+Rate/12], 0.25, d[0], d[1])
		at += Rate / 6
	}
	for at = 2 * Rate; at+Rate*4/5 < n; at += 4 * Rate {
		tone(out[at:at+Rate*4/5], 0.15, 425)
	}
	return out
}

// cough: one or two bursts of dull noise, 20 ms attack, 80 ms decay.
func cough(r *rand.Rand) []float32 {
	n := int(0.35 * Rate)
	out := make([]float32, 2*n)
	bursts := 1 + r.IntN(2)
	for b := range bursts {
		var lp float64
		for i := range n {
			t := float64(i) / Rate
			env := math.Min(t/0.02, 1) * math.Exp(-t/0.08)
			lp += 0.4 * (r.NormFloat64() - lp)
			out[b*n+i] += float32(0.5 * env * lp)
		}
	}
	return out
}

// clicks: keyboard typing, 6 clicks 0.08-0.16 s apart.
func clicks(r *rand.Rand) []float32 {
	out := make([]float32, Rate)
	at := 0
	for range 6 {
		for i := range Rate / 200 { // 5 ms
			if at+i < len(out) {
				out[at+i] += float32(0.3 * r.NormFloat64() * math.Exp(-float64(i)/8))
			}
		}
		at += int((0.08 + 0.08*r.Float64()) * Rate)
	}
	return out
}

// noiseBurst: 0.25 s of line crackle.
func noiseBurst(r *rand.Rand) []float32 {
	out := make([]float32, Rate/4)
	for i := range out {
		out[i] = float32(0.06 * r.NormFloat64())
	}
	return out
}

// encode writes the channels as a stereo WAV in the format (pcm16, mulaw,
// alaw) and returns the channels as a decoder reads them back.
func encode(ch [2][]float32, format string) ([2][]float32, []byte) {
	n := len(ch[0])
	var tag, bits uint16 = 1, 16
	switch format {
	case "mulaw":
		tag, bits = 7, 8
	case "alaw":
		tag, bits = 6, 8
	}
	block := 2 * bits / 8
	var b bytes.Buffer
	put := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	data := n * int(block)
	fmtSize := uint32(16)
	extra := 0
	if tag != 1 {
		fmtSize = 18
		extra = 2 + 12 // cbSize, fact chunk
	}
	b.WriteString("RIFF")
	put(uint32(4 + 8 + int(fmtSize) + extra + 8 + data))
	b.WriteString("WAVEfmt ")
	put(fmtSize)
	put(tag)
	put(uint16(2))
	put(uint32(Rate))
	put(uint32(Rate * int(block)))
	put(block)
	put(bits)
	if tag != 1 {
		put(uint16(0))
		b.WriteString("fact")
		put(uint32(4))
		put(uint32(n))
	}
	b.WriteString("data")
	put(uint32(data))
	for i := range n {
		for c := range 2 {
			v := pcm16(ch[c][i])
			switch tag {
			case 7:
				b.WriteByte(wav.LinearToMuLaw(v))
			case 6:
				b.WriteByte(wav.LinearToALaw(v))
			default:
				put(v)
			}
		}
	}
	a, err := wav.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		panic(fmt.Sprintf("realspeech: own WAV does not decode: %v", err))
	}
	return [2][]float32{a.Channels[0], a.Channels[1]}, b.Bytes()
}

func pcm16(x float32) int16 {
	v := math.Round(float64(x) * 32768)
	return int16(max(math.MinInt16, min(math.MaxInt16, v)))
}
