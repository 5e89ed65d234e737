package vad

import (
	"math"
	"sort"

	"github.com/callscope/callscope/transcribe/wav"
)

// frameSec is the hop of the frame features: 10 ms.
const frameSec = 0.01

// track holds one channel's frame features.
type track struct {
	// db is each 10 ms frame's energy in dBFS after a 250 Hz high-pass
	// (4th order: mains hum and its harmonics are not speech, and the
	// telephone band starts at 300 Hz).
	db []float32
	// low is each frame's energy in the 250-1000 Hz band, in dBFS: the
	// band a telephone hybrid's echo keeps best, where the echo test
	// compares the channels.
	low []float32
	// periodic is each frame's normalized autocorrelation peak at a pitch
	// lag (60-400 Hz) over 30 ms: near 1 for voiced speech, music and
	// tones, low for noise, coughs and clicks. 0 for frames under -65 dBFS.
	periodic []float32
	// pitch is the frequency, in Hz, of the lag where periodic peaks (0
	// where periodic is 0).
	pitch []float32
	// floor is the channel's noise floor: the 10th percentile of db, not
	// under -80 dBFS.
	floor float32
	// lowFloor is the floor of low.
	lowFloor float32
	// bands holds each frame's power in nBands bands of 250 Hz from 250
	// Hz and then in the fundamental's band, 156-250 Hz (a Hann-windowed
	// 30 ms spectrum of the signal at about 8 kHz, not high-passed), nAll
	// values a frame, linear: where the line noise is weak, a word's quiet
	// end stands out of it (see tails.go).
	bands []float32
	// sub is each frame's power in the band under the fundamental's,
	// 62.5-156 Hz (bins subLo to subHi of the same spectrum), linear: a
	// low voice's fundamental, and all that is left of a voice at a
	// voiced stop's closure (the voice bar) or in a creaky last syllable
	// (see murmur and subHeard).
	sub []float32
}

// The spectrum's bands: nBands of bandBins FFT bins (fftSize points at 8
// kHz: 31.25 Hz a bin) from bin firstBin (250 Hz) to 3750 Hz.
const (
	fftSize  = 256
	bandBins = 8
	firstBin = 8
	nBands   = 14
	// fundBand is an extra band after the nBands: bins 5-7 (156-250
	// Hz), where a low voice's fundamental is (mains hum at 50 and 150 Hz
	// is below it, and steady).
	fundLo, fundHi = 5, 8
	nAll           = nBands + 1
	// subLo-subHi are bins 2-4 (62.5-156 Hz), under the fundamental's
	// band (not in bands: the echo canceller and the noise's whitened
	// power keep their 15 bands); bins 0-1 hold a DC offset's leak and
	// 50 Hz hum.
	subLo, subHi = 2, 5
)

const (
	minFloorDB    = -80
	periodicMinDB = -65
)

// biquad is a second-order IIR section.
type biquad struct {
	b0, b1, b2, a1, a2 float64
	x1, x2, y1, y2     float64
}

// highPass returns a Butterworth high-pass at fc Hz.
func highPass(fc float64, rate int) *biquad {
	w := 2 * math.Pi * fc / float64(rate)
	q := 1 / math.Sqrt2
	alpha := math.Sin(w) / (2 * q)
	cw := math.Cos(w)
	a0 := 1 + alpha
	return &biquad{
		b0: (1 + cw) / 2 / a0, b1: -(1 + cw) / a0, b2: (1 + cw) / 2 / a0,
		a1: -2 * cw / a0, a2: (1 - alpha) / a0,
	}
}

func (f *biquad) step(x float64) float64 {
	y := f.b0*x + f.b1*f.x1 + f.b2*f.x2 - f.a1*f.y1 - f.a2*f.y2
	f.x2, f.x1 = f.x1, x
	f.y2, f.y1 = f.y1, y
	return y
}

// lowPass returns a Butterworth low-pass at fc Hz.
func lowPass(fc float64, rate int) *biquad {
	w := 2 * math.Pi * fc / float64(rate)
	alpha := math.Sin(w) / math.Sqrt2
	cw := math.Cos(w)
	a0 := 1 + alpha
	return &biquad{
		b0: (1 - cw) / 2 / a0, b1: (1 - cw) / a0, b2: (1 - cw) / 2 / a0,
		a1: -2 * cw / a0, a2: (1 - alpha) / a0,
	}
}

// analyse computes a channel's frame features, reading the samples a
// block at a time. Periodicity is measured on the signal taken down to
// about 8 kHz (every rate/8000-th sample), where pitch lags are 20-133.
func analyse(samples wav.Samples, rate int) *track {
	n := max(1, int(frameSec*float64(rate)))
	total := samples.Len()
	frames := (total + n - 1) / n
	t := &track{db: make([]float32, 0, frames), low: make([]float32, 0, frames), periodic: make([]float32, 0, frames), pitch: make([]float32, 0, frames), bands: make([]float32, 0, frames*nAll), sub: make([]float32, 0, frames)}
	sp := newSpectrum()
	lp1, lp2 := lowPass(1000, rate), lowPass(1000, rate)
	lowFrame := make([]float32, 0, n)
	hp1, hp2 := highPass(250, rate), highPass(250, rate)
	step := max(1, rate/8000)
	// hist keeps the last 3 frames of the filtered, decimated signal: the
	// 30 ms the periodicity of the frame before the newest is taken over.
	dn := n / step
	hist := make([]float32, 0, 3*dn)
	// rawHist is the same without the high-pass: the spectrum's bands
	// (the fundamental of a voice's last murmur is under 250 Hz).
	rawHist := make([]float32, 0, 3*dn)
	rawFrame := make([]float32, 0, n)
	var pending float32 = -1 // periodicity is known one frame late
	buf := make([]float32, 1024*n)
	frame := make([]float32, 0, n)
	flushFrame := func() {
		var e float64
		for _, v := range frame {
			e += float64(v) * float64(v)
		}
		db := float32(10 * math.Log10(e/float64(len(frame))+1e-12))
		t.db = append(t.db, db)
		e = 0
		for _, v := range lowFrame {
			e += float64(v) * float64(v)
		}
		t.low = append(t.low, float32(10*math.Log10(e/float64(len(lowFrame))+1e-12)))
		lowFrame = lowFrame[:0]
		for i := 0; i < len(frame); i += step {
			hist = append(hist, frame[i])
		}
		if len(hist) > 3*dn {
			hist = append(hist[:0], hist[len(hist)-3*dn:]...)
		}
		for i := 0; i < len(rawFrame); i += step {
			rawHist = append(rawHist, rawFrame[i])
		}
		if len(rawHist) > 3*dn {
			rawHist = append(rawHist[:0], rawHist[len(rawHist)-3*dn:]...)
		}
		rawFrame = rawFrame[:0]
		// The frame before this one, now that its neighbours are known.
		if pending >= 0 {
			var p, hz float32
			if t.db[len(t.db)-2] > periodicMinDB {
				p, hz = periodicity(hist, rate/step)
			}
			t.periodic, t.pitch = append(t.periodic, p), append(t.pitch, hz)
			t.bands = sp.bandPowers(t.bands, rawHist)
			t.sub = append(t.sub, sp.binPower(subLo, subHi))
		}
		pending = 0
		frame = frame[:0]
	}
	for off := 0; off < total; off += len(buf) {
		got := buf[:samples.Read(buf, off)]
		for _, v := range got {
			h := hp2.step(hp1.step(float64(v)))
			frame = append(frame, float32(h))
			rawFrame = append(rawFrame, v)
			lowFrame = append(lowFrame, float32(lp2.step(lp1.step(h))))
			if len(frame) == n {
				flushFrame()
			}
		}
	}
	if len(frame) > 0 {
		flushFrame()
	}
	if len(t.db) > 0 {
		var p, hz float32
		if t.db[len(t.db)-1] > periodicMinDB {
			p, hz = periodicity(hist, rate/step)
		}
		t.periodic, t.pitch = append(t.periodic, p), append(t.pitch, hz)
		t.bands = sp.bandPowers(t.bands, rawHist)
		t.sub = append(t.sub, sp.binPower(subLo, subHi))
	}
	if len(t.db) == 0 {
		t.floor, t.lowFloor = minFloorDB, minFloorDB
		return t
	}
	sorted := append([]float32(nil), t.db...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	t.floor = max(sorted[len(sorted)/10], minFloorDB)
	copy(sorted, t.low)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	t.lowFloor = max(sorted[len(sorted)/10], minFloorDB)
	return t
}

// periodicity is the largest normalized autocorrelation of x at a lag of
// a 60-400 Hz pitch period (x at rate Hz), and the frequency of that lag.
func periodicity(x []float32, rate int) (float32, float32) {
	lo, hi := rate/400, rate/60
	if len(x) < 2*lo {
		return 0, 0
	}
	hi = min(hi, len(x)/2)
	var best float64
	lag := 0
	for l := lo; l <= hi; l++ {
		var xy, xx, yy float64
		for i := 0; i+l < len(x); i++ {
			a, b := float64(x[i]), float64(x[i+l])
			xy += a * b
			xx += a * a
			yy += b * b
		}
		if xx > 0 && yy > 0 {
			if r := xy / math.Sqrt(xx*yy); r > best {
				best, lag = r, l
			}
		}
	}
	if lag == 0 {
		return 0, 0
	}
	return float32(best), float32(rate) / float32(lag)
}

// spectrum computes band powers with a radix-2 FFT of fftSize points.
type spectrum struct {
	win        []float64
	re, im     []float64
	cos, sin   []float64
	bitReverse []int
}

func newSpectrum() *spectrum {
	s := &spectrum{re: make([]float64, fftSize), im: make([]float64, fftSize),
		cos: make([]float64, fftSize/2), sin: make([]float64, fftSize/2), bitReverse: make([]int, fftSize)}
	for i := range s.cos {
		s.cos[i], s.sin[i] = math.Cos(2*math.Pi*float64(i)/fftSize), -math.Sin(2*math.Pi*float64(i)/fftSize)
	}
	bits := 0
	for 1<<bits < fftSize {
		bits++
	}
	for i := range s.bitReverse {
		r := 0
		for b := range bits {
			if i&(1<<b) != 0 {
				r |= 1 << (bits - 1 - b)
			}
		}
		s.bitReverse[i] = r
	}
	return s
}

// bandPowers appends the nBands band powers of x (Hann-windowed, at most
// fftSize samples, zero-padded) to out.
func (s *spectrum) bandPowers(out []float32, x []float32) []float32 {
	n := min(len(x), fftSize)
	if len(s.win) != n {
		s.win = make([]float64, n)
		for i := range s.win {
			s.win[i] = 0.5 - 0.5*math.Cos(2*math.Pi*(float64(i)+0.5)/float64(n))
		}
	}
	clear(s.re)
	clear(s.im)
	for i := range n {
		s.re[s.bitReverse[i]] = float64(x[len(x)-n+i]) * s.win[i]
	}
	for size := 2; size <= fftSize; size <<= 1 {
		half, step := size/2, fftSize/size
		for start := 0; start < fftSize; start += size {
			for k := range half {
				c, sn := s.cos[k*step], s.sin[k*step]
				i, j := start+k, start+k+half
				tr := s.re[j]*c - s.im[j]*sn
				ti := s.re[j]*sn + s.im[j]*c
				s.re[j], s.im[j] = s.re[i]-tr, s.im[i]-ti
				s.re[i], s.im[i] = s.re[i]+tr, s.im[i]+ti
			}
		}
	}
	for b := range nBands {
		var p float64
		for k := firstBin + b*bandBins; k < firstBin+(b+1)*bandBins; k++ {
			p += s.re[k]*s.re[k] + s.im[k]*s.im[k]
		}
		out = append(out, float32(p/float64(n)))
	}
	return append(out, s.binPower(fundLo, fundHi))
}

// binPower is the power in bins [lo, hi) of the spectrum bandPowers took
// last.
func (s *spectrum) binPower(lo, hi int) float32 {
	var p float64
	for k := lo; k < hi; k++ {
		p += s.re[k]*s.re[k] + s.im[k]*s.im[k]
	}
	return float32(p / float64(len(s.win)))
}
