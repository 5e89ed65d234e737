package vad

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The echo canceller's comparison in the echo mask: a run of frames as
// loud as the other side's echo in the 250-1000 Hz band (the first rule
// takes them for echo) but with power of their own above it, where the
// hybrid's dulled echo has little, is this side's own sound; the echo
// around it stays echo, and a shorter run (under ownRun) stays echo too.
func TestEchoMaskKeepsOwnSoundOverEcho(t *testing.T) {
	const n, lag, loss = 1000, 2, 25
	r := rand.New(rand.NewPCG(3, 1))
	a := &track{db: make([]float32, n), low: make([]float32, n), periodic: make([]float32, n), pitch: make([]float32, n), bands: make([]float32, n*nAll), lowFloor: -70, floor: -70}
	b := &track{db: make([]float32, n), low: make([]float32, n), periodic: make([]float32, n), pitch: make([]float32, n), bands: make([]float32, n*nAll), lowFloor: -80, floor: -80}
	speaks := func(f int) bool { return f >= 20 && f < 980 }
	for f := range n {
		b.low[f], b.db[f] = -80, -80
		if speaks(f) {
			b.low[f], b.db[f] = -20, -20
		}
		for k := range nAll {
			p := 1e-12
			if speaks(f) {
				p = 1e-2 * r.ExpFloat64()
			}
			b.bands[f*nAll+k] = float32(p)
		}
	}
	// a carries b's echo, loss dB down and duller band by band, over
	// its line noise; own marks frames with a sound of a's own over 2 kHz.
	own := map[int]bool{}
	for f := 500; f < 510; f++ {
		own[f] = true
	}
	for f := 300; f < 303; f++ {
		own[f] = true
	}
	for f := range n {
		a.low[f], a.db[f] = -70, -70
		if g := f - lag; g >= 0 && speaks(g) {
			a.low[f], a.db[f] = b.low[g]-loss, b.low[g]-loss
		}
		for k := range nAll {
			p := 1e-7 * r.ExpFloat64()
			if g := f - lag; g >= 0 {
				p += float64(b.bands[g*nAll+k]) * 1e-3 / float64(k+1)
			}
			if own[f] && k >= 7 {
				p += 1e-4
			}
			a.bands[f*nAll+k] = float32(p)
		}
	}
	path := echoLine{lag: lag, loss: []float32{loss}, ok: true}
	for range n / echoStep {
		path.loss = append(path.loss, loss)
	}
	first := path.mask(a, b, nil)
	for f := 500; f < 510; f++ {
		if !first[f] {
			t.Fatalf("frame %d: the first rule does not take it for echo; the test is void", f)
		}
	}
	path.calibrate(a, b, first)
	if path.gain == nil {
		t.Fatal("no calibration")
	}
	got := path.mask(a, b, nil)
	for f := 30; f < 970; f++ {
		if f == 499 || f == 500 || f == 509 || f == 510 {
			continue // the edges of the 3-frame window
		}
		want := !(f > 500 && f < 509)
		if got[f] != want {
			t.Errorf("frame %d: echo %v, want %v", f, got[f], want)
		}
	}
}

// nearLoss follows an echo whose level wanders (±6 dB over 10 s, as
// echo_vary's) where the path's loss, estimated over ±1 s, is one value.
func TestNearLossFollowsAWanderingEcho(t *testing.T) {
	const n, lag = 3000, 2
	trueLoss := func(f int) float64 { return 20 + 6*math.Sin(2*math.Pi*float64(f)/1000) }
	a := &track{db: make([]float32, n), low: make([]float32, n)}
	b := &track{db: make([]float32, n), low: make([]float32, n), lowFloor: -80}
	marked := make([]bool, n)
	r := rand.New(rand.NewPCG(5, 2))
	for f := range n {
		// b speaks in syllables of 10 frames, 0-10 dB apart.
		b.low[f] = -20 - 10*float32(r.Float64())
		if (f/10)%4 == 3 {
			b.low[f] = -85 // a pause: no echo to measure
		}
		if g := f - lag; g >= 0 {
			a.low[f] = b.low[g] - float32(trueLoss(f))
			marked[f] = b.low[g] > -80
		}
	}
	p := echoLine{lag: lag, ok: true}
	for range n/echoStep + 1 {
		p.loss = append(p.loss, 20)
	}
	near := p.nearLoss(a, b, marked)
	worst := 0.0
	for f := echoNearSpan; f < n-echoNearSpan; f++ {
		worst = max(worst, math.Abs(10*math.Log10(near[f])-trueLoss(f)))
	}
	// Over ±0.3 s the loss moves by at most 6·2π·0.3/10 ≈ 1.1 dB; the
	// median sits near the middle.
	if worst > 0.6 {
		t.Errorf("nearLoss is up to %.2f dB off the echo's loss, want 0.6 or less (the path's one value is 6 dB off)", worst)
	}
}

// On a digitally silent line (PCM between words: zero), the echo's quiet
// onset brings the codec's quantization noise, flat over the bands and
// over the dulled echo's top bands: that is not this side's own sound.
// calibrate takes the noise over the frames with sound, so the quiet
// onset stays echo; a sound of this side's own over the echo is still
// found.
func TestEchoMaskOnADigitallySilentLine(t *testing.T) {
	const n, lag, loss = 2400, 2, 25
	const quant = 1e-10 // the quantization noise in each band while there is sound
	r := rand.New(rand.NewPCG(7, 3))
	a := &track{db: make([]float32, n), low: make([]float32, n), periodic: make([]float32, n), pitch: make([]float32, n), bands: make([]float32, n*nAll), lowFloor: minFloorDB, floor: minFloorDB}
	b := &track{db: make([]float32, n), low: make([]float32, n), periodic: make([]float32, n), pitch: make([]float32, n), bands: make([]float32, n*nAll), lowFloor: minFloorDB, floor: minFloorDB}
	// b speaks in two stretches, the second starting with a quiet onset
	// 25 dB under the rest (frames 1300-1308: rare, as onsets that quiet
	// are, under 1% of the echo); a is silent (zero) where b's echo is
	// not.
	level := func(f int) float32 {
		switch {
		case f >= 1300 && f < 1309:
			return -45
		case f >= 200 && f < 1100 || f >= 1309 && f < 2300:
			return -20
		}
		return -120
	}
	own := func(f int) bool { return f >= 2000 && f < 2010 }
	for f := range n {
		b.low[f] = level(f)
		b.db[f] = b.low[f]
		for k := range nAll {
			if b.low[f] > -100 {
				b.bands[f*nAll+k] = float32(math.Pow(10, float64(b.low[f])/10) * r.ExpFloat64())
			}
		}
	}
	for f := range n {
		a.low[f], a.db[f] = -120, -120
		g := f - lag
		if g < 0 || b.low[g] < -100 {
			continue
		}
		a.low[f], a.db[f] = b.low[g]-loss, b.low[g]-loss
		for k := range nAll {
			// The hybrid dulls the highs steeply (3 dB a band); the
			// quantization noise, a band of 8 bins, scatters little.
			p := float64(b.bands[g*nAll+k])*math.Pow(10, -loss/10)*math.Pow(10, -0.3*float64(k)) + quant*(0.8+0.4*r.Float64())
			if own(f) && k >= 7 {
				p += 1e-5
			}
			a.bands[f*nAll+k] = float32(p)
		}
	}
	p := echoLine{lag: lag, ok: true}
	for range n/echoStep + 1 {
		p.loss = append(p.loss, loss)
	}
	first := p.mask(a, b, nil)
	for _, f := range []int{1305, 2005} {
		if !first[f] {
			t.Fatalf("frame %d: the first rule does not take it for echo; the test is void", f)
		}
	}
	p.calibrate(a, b, first)
	if p.gain == nil {
		t.Fatal("no calibration")
	}
	got := p.mask(a, b, nil)
	for f := 1303; f < 1311; f++ {
		if !got[f] {
			t.Errorf("frame %d (the echo's quiet onset, over the quantization noise): not echo", f)
		}
	}
	for f := 2001; f < 2009; f++ {
		if got[f] {
			t.Errorf("frame %d (a's own sound over the echo): echo", f)
		}
	}
}

// keepOwn: a run of ownRun marked frames over the echo's reach (thr) is
// this side's own sound, and so, by hysteresis, is every frame of a run
// over the lower bar (low) that holds ownRun frames over thr, marked or
// not: a word's end decaying into the other side's echo after its loud
// part. A run whose loud part is shorter, or frames under low, stay echo.
func TestKeepOwn(t *testing.T) {
	const thr, low = 4.0, 1.5
	tests := []struct {
		name   string
		ov     []float64
		marked string // 'e': marked as echo by the level rule
		want   string // 'e': still echo after keepOwn
	}{
		{"five marked frames over thr are own", []float64{0.8, 5, 5, 5, 5, 5, 0.8}, "eeeeeee", "e.....e"},
		{"four are not", []float64{0.8, 5, 5, 5, 5, 0.8, 0.8}, "eeeeeee", "eeeeeee"},
		{"a word's end after its loud part is own", []float64{9, 9, 9, 9, 9, 3, 2.5, 2, 1.6, 1.2, 0.9}, ".....eeeeee", ".........ee"},
		{"under the lower bar it is echo", []float64{9, 9, 9, 9, 9, 1.4, 3, 3, 0.9}, ".....eeee", ".....eeee"},
		{"a short loud part does not carry its end", []float64{9, 9, 9, 9, 3, 3, 3, 0.9}, "....eeee", "....eeee"},
		{"a run of echo over low alone stays echo", []float64{0.8, 3, 3, 3, 3, 3, 3, 0.8}, "eeeeeeee", "eeeeeeee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := make([]bool, len(tt.marked))
			for i, c := range tt.marked {
				out[i] = c == 'e'
			}
			keepOwn(out, tt.ov, thr, low)
			got := make([]byte, len(out))
			for i, e := range out {
				got[i] = '.'
				if e {
					got[i] = 'e'
				}
			}
			if string(got) != tt.want {
				t.Errorf("echo after keepOwn %s, want %s", got, tt.want)
			}
		})
	}
}

// heardEcho: an echo path is this side's echo only if this side sounds
// where the path predicts the echo clearly over its floor; levels that
// follow the other side's in overtalk alone, with silence wherever the
// other side speaks alone, are a coincidence. An echo predicted under the
// floor's margin is not tested.
func TestHeardEcho(t *testing.T) {
	const n, lag = 1000, 3
	tests := []struct {
		name  string
		loss  float32
		heard func(f int) bool // where a sounds, among b's loud frames
		want  bool
	}{
		{"an echo wherever the other side speaks", 25, func(int) bool { return true }, true},
		{"sound only in overtalk, a tenth of the time", 25, func(f int) bool { return f%10 == 0 }, false},
		{"a third of the time", 25, func(f int) bool { return f%3 == 0 }, true},
		{"an echo predicted under the floor's margin", 56, func(f int) bool { return f%10 == 0 }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &track{low: make([]float32, n), lowFloor: -80}
			b := &track{low: make([]float32, n), lowFloor: -80}
			for f := range n {
				b.low[f] = -20 - float32(f%7) // loud, and its level moves
				a.low[f] = -80
				if g := f - lag; g >= 0 && tt.heard(f) {
					a.low[f] = b.low[g] - tt.loss
				}
			}
			loss := make([]float32, (n+echoStep-1)/echoStep)
			for i := range loss {
				loss[i] = tt.loss
			}
			if got := heardEcho(a, b, lag, loss); got != tt.want {
				t.Errorf("heardEcho = %v, want %v", got, tt.want)
			}
		})
	}
}

// Two pitch estimates are the same voice when one is the other's within
// the tolerance, or a multiple of it that the lag search can land on (up
// to pitchMultiples periods), or 3/2 of it; voices apart by other ratios
// are two voices.
func TestSamePitch(t *testing.T) {
	tests := []struct {
		name string
		p, q float32
		want bool
	}{
		{"equal", 200, 200, true},
		{"within the tolerance", 215, 200, true},
		{"an octave down", 100, 200, true},
		{"an octave up", 400, 200, true},
		{"three periods", 92, 276, true},
		{"four periods (the echo of ru_it-blind7s26-rapid-xtalk20)", 69, 286, true},
		{"four periods, the other side's estimate", 286, 69, true},
		{"six periods", 400, 66.7, true},
		{"3/2", 300, 200, true},
		{"2/3", 200, 300, true},
		{"a man and a woman", 120, 210, false},
		{"25% apart", 250, 200, false},
		{"between three and four periods", 70, 240, false},
		{"seven periods is past the search", 70, 490, false},
		{"no pitch on the other side", 200, 0, false},
	}
	for _, tt := range tests {
		if got := samePitch(tt.p, tt.q, echoPitchTol); got != tt.want {
			t.Errorf("%s: samePitch(%v, %v) = %v, want %v", tt.name, tt.p, tt.q, got, tt.want)
		}
	}
}

// markBandEcho: a frame that the 250-1000 Hz band's rule cannot judge
// (the echo there under this channel's floor, and this channel too) but
// whose sound the canceller explains as the other side's echo in every
// band (a fricative's echo, its power over 1 kHz) is echo where that
// echo is audible over the noise; a frame with a sound of its own over
// the echo, a frame where the echo is under the noise, a frame whose
// source is itself echo on the other channel, and frames where the
// 250-1000 Hz band hears the echo or this channel's own sound are not.
func TestMarkBandEcho(t *testing.T) {
	const n, lag = 12, 1
	noise := 1e-8
	p := echoLine{lag: lag, loss: []float32{0}, ok: true, gain: make([]float64, nAll), noise: make([]float64, nAll)}
	for k := range nAll {
		p.gain[k], p.noise[k] = 1, noise
	}
	// b's sound at frame g, the same in every band.
	src := []float64{0, 1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9, 1e-6, 1e-6, 1e-6, 0, 0}
	tests := []struct {
		name       string
		ov         float64
		f          int
		bEcho      []bool
		bLow, aLow float32 // b's 250-1000 Hz level (every frame), a's at f
		marked     bool    // by the first rule already
		want       bool
	}{
		{"the echo explains the frame and is audible", 0.8, 2, nil, -70, -62, false, true},
		{"the frame has a sound over the echo", 3, 2, nil, -70, -62, false, false},
		{"the echo is under the noise", 0.8, 6, nil, -70, -62, false, false},
		{"the source frames are the other channel's own echo", 0.8, 8, []bool{false, false, false, false, false, false, true, true, true, true, true, false}, -70, -62, false, false},
		{"the echo is audible in 250-1000 Hz: the first rule's", 0.8, 2, nil, -40, -62, false, false},
		{"this channel sounds in 250-1000 Hz", 0.8, 2, nil, -70, -45, false, false},
		{"this channel is at its floor", 0.8, 2, nil, -70, -62, false, false},
		{"already marked stays marked", 5, 2, nil, -70, -62, true, true},
	}
	for _, tt := range tests {
		a := &track{db: make([]float32, n), low: make([]float32, n), lowFloor: -60, floor: -70}
		b := &track{db: make([]float32, n), low: make([]float32, n), bands: make([]float32, n*nAll)}
		for g := range n {
			a.low[g], b.low[g] = -62, tt.bLow
			for k := range nAll {
				b.bands[g*nAll+k] = float32(src[g])
			}
		}
		a.low[tt.f] = tt.aLow
		for f := range n {
			a.db[f] = -70
		}
		if tt.name != "this channel is at its floor" {
			a.db[tt.f] = -50 // the echo's highs
		}
		out := make([]bool, n)
		out[tt.f] = tt.marked
		ov := make([]float64, n)
		for f := range ov {
			ov[f] = 10
		}
		ov[tt.f] = tt.ov
		p.markBandEcho(out, ov, a, b, tt.bEcho)
		if out[tt.f] != tt.want {
			t.Errorf("%s: frame %d marked %v, want %v", tt.name, tt.f, out[tt.f], tt.want)
		}
		for f := range out {
			if f != tt.f && out[f] {
				t.Errorf("%s: frame %d marked, its comparison is 10", tt.name, f)
			}
		}
	}
}

// ownBars: keepOwn's bars are the echo's own comparison's quantiles, but
// never under 1: where the echo's frames sit under their prediction (a
// digitally silent line, 0.7-0.9), a run of echo a little over the rest
// of it, still under the prediction, stays echo.
func TestOwnBars(t *testing.T) {
	spread := func(lo, hi float64) []float64 {
		w := make([]float64, 1000)
		for i := range w {
			w[i] = lo + (hi-lo)*float64(i)/float64(len(w)-1)
		}
		return w
	}
	tests := []struct {
		name             string
		echo             []float64 // the comparison on the echo's frames
		wantThr, wantLow float64
		run              []float64 // a run of 6 marked frames
		wantEcho         bool      // the run still echo after keepOwn
	}{
		{"echo under its prediction", spread(0.6, 0.9), 1, 1, []float64{0.92, 0.95, 0.93, 0.96, 0.94, 0.93}, true},
		{"echo around its prediction", spread(0.5, 2.5), 2.48, 2.3, []float64{3, 3, 3, 3, 3, 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			thr, low := ownBars(tt.echo)
			if math.Abs(thr-tt.wantThr) > 0.01 || math.Abs(low-tt.wantLow) > 0.01 {
				t.Errorf("bars %.3f and %.3f, want %.2f and %.2f", thr, low, tt.wantThr, tt.wantLow)
			}
			out := make([]bool, len(tt.run)+2)
			ov := append(append([]float64{0.5}, tt.run...), 0.5)
			for i := range out {
				out[i] = true
			}
			keepOwn(out, ov, thr, low)
			if echo := out[1] && out[len(out)-2]; echo != tt.wantEcho {
				t.Errorf("the run is echo: %v, want %v", echo, tt.wantEcho)
			}
		})
	}
}

func TestKeepLowVoice(t *testing.T) {
	// The path: 2 frames' delay, 20 dB of loss; the band under the
	// fundamental where only noise and echo sound: 1e-4.
	p := echoLine{lag: 2, loss: []float32{20}, ok: true, subEcho: 1e-4}
	tests := []struct {
		name   string
		aSub   float64 // a's band under the fundamental on the frames 2-8
		bSub   float64 // b's there, every frame
		marked string
		want   string
	}{
		{"a low voice under a high voice's echo is own", 1e-3, 1e-4, "eeeeeeeeee", "ee.......e"},
		{"at the echo frames' level it is echo", 1.5e-4, 1e-4, "eeeeeeeeee", "eeeeeeeeee"},
		{"the echo of a low voice stays echo", 1e-3, 1e0, "eeeeeeeeee", "eeeeeeeeee"},
		{"four frames are not a voice", 1e-3, 1e-4, "eeeeee....", "eeeeee...."},
		{"unmarked frames stay unmarked", 1e-3, 1e-4, "..........", ".........."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.marked)
			a, b := &track{sub: make([]float32, n)}, &track{sub: make([]float32, n)}
			for f := range n {
				a.sub[f], b.sub[f] = 1e-4, float32(tt.bSub)
				if f >= 2 && f <= 8 {
					a.sub[f] = float32(tt.aSub)
				}
			}
			out := make([]bool, n)
			for i, c := range tt.marked {
				out[i] = c == 'e'
			}
			p.keepLowVoice(out, a, b)
			got := make([]byte, n)
			for i, e := range out {
				got[i] = '.'
				if e {
					got[i] = 'e'
				}
			}
			if string(got) != tt.want {
				t.Errorf("echo after keepLowVoice %s, want %s", got, tt.want)
			}
		})
	}
}
