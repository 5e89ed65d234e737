package vad

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// noiseTrack is n frames of line noise: each band's power the mean of
// bandBins exponential bins around 1e-6 (a band of the spectrum of white
// noise), the frames' level -60 dB; loud marks frames whose bands' power
// is loud times that.
func noiseTrack(n int, loud map[int]float64, seed uint64) *track {
	r := rand.New(rand.NewPCG(seed, 1))
	t := &track{db: make([]float32, n), bands: make([]float32, n*nAll), floor: -60}
	for f := range n {
		t.db[f] = -60
		k := 1.0
		if x, ok := loud[f]; ok {
			k = x
		}
		for b := range nAll {
			var p float64
			for range bandBins {
				p += r.ExpFloat64()
			}
			t.bands[f*nAll+b] = float32(1e-6 * k * p / bandBins)
		}
	}
	return t
}

// The word-end threshold is the noise's mean and spread (tailZ), so that
// the noise's rarest windows (the other side's echo left in it, a breath)
// do not set it: with 2% of the noise frames' bands 3 times as loud (their
// level left as it is, so tailOutlier keeps them in the measure) it moves
// about half as far as the windows' 99th percentile, which lands on those
// frames (1.14 to 1.40, against 1.66); and on noise alone about 0.5% of
// the windows are over it.
func TestLineNoiseThreshold(t *testing.T) {
	const n = 3000
	all := func(int) bool { return true }
	clean := lineNoise(noiseTrack(n, nil, 1), all, nil)
	if !clean.ok {
		t.Fatal("no noise model on 30 s of noise")
	}
	loud := map[int]float64{}
	for f := 10; f < n; f += 50 {
		loud[f] = 3
	}
	pt := noiseTrack(n, loud, 1)
	peaky := lineNoise(pt, all, nil)
	if !peaky.ok {
		t.Fatal("no noise model with the peaks")
	}
	var ws []float64
	for f := 0; f+tailWindow <= n; f++ {
		ws = append(ws, peaky.white(pt, f, f+tailWindow))
	}
	slices.Sort(ws)
	p99 := ws[len(ws)*99/100]
	if peaky.thr-clean.thr > 0.6*(p99-clean.thr) {
		t.Errorf("threshold %.3f with 2%% of loud frames, %.3f without: moved more than 0.6 times as far as the 99th percentile (%.3f)", peaky.thr, clean.thr, p99)
	}
	// On fresh noise of the same kind, the share of windows over the
	// threshold is near the normal tail's 0.5%.
	fresh := noiseTrack(n, nil, 2)
	over := 0
	for f := 0; f+tailWindow <= n; f++ {
		if clean.white(fresh, f, f+tailWindow) > clean.thr {
			over++
		}
	}
	if share := float64(over) / float64(n-tailWindow+1); share < 0.001 || share > 0.015 {
		t.Errorf("%.2f%% of noise windows over the threshold, want 0.1-1.5%%", 100*share)
	}
}

// A word's end is followed over the frames the echo mask takes for the
// other side's echo, as over a gap, to frames heard over the noise where
// no echo is; not to heard frames that carry the echo, and not over echo
// on a line without the other side (no echo to cross).
func TestFollowCrossesTheEcho(t *testing.T) {
	const n, end = 200, 100 // the run's last frame
	loud := map[int]float64{}
	for f := 90; f <= end; f++ {
		loud[f] = 30
	}
	for f := 109; f <= 112; f++ { // the word's murmur after the echo
		loud[f] = 30
	}
	tr := noiseTrack(n, loud, 5)
	isEcho := func(f int) bool { return f > end && f < 109 }
	tests := []struct {
		name        string
		echo, clear func(int) bool
		want        int
	}{
		// 113: the window centred there (3 frames) holds the murmur's last.
		{"over the echo to frames clear of it", isEcho, func(int) bool { return true }, 113},
		{"not to frames with the echo in them", isEcho, func(f int) bool { return f < 109 }, end},
		{"no echo to cross", nil, nil, end},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := lineNoise(tr, func(f int) bool { return f < 80 || f > 130 }, nil)
			if !m.ok {
				t.Fatal("no noise model")
			}
			m.echo, m.clear = tt.echo, tt.clear
			own := func(f int) bool { return !isEcho(f) }
			if got := m.follow(tr, own, -100, end, +1); got != tt.want {
				t.Errorf("walk ends at %d, want %d", got, tt.want)
			}
		})
	}
}

// A word-final consonant after a closure longer than the walk's gap (up
// to closureGap frames) ends the word when it is burstMin frames of
// sound far over the noise (burstZ), the other side's voice not heard
// in the closure and nothing but this side's own frames in it; a fainter
// or later sound, or one past the other side's voice or echo, is not
// taken.
func TestTailFindsTheBurstAfterAClosure(t *testing.T) {
	const n, end = 200, 100 // the run's last frame
	always := func(a, b int) bool { return true }
	consonant := []int{116, 117, 118, 119}
	tests := []struct {
		name    string
		burst   []int   // frames of the consonant
		power   float64 // its power over the noise's
		closure func(a, b int) bool
		echoAt  int // a frame marked as the other side's echo (0: none)
		want    int // the run's end, exclusive
	}{
		// end+2 where no consonant is taken: the window centred on end+1
		// holds the run's last frame.
		// 121: the window centred on 120 holds the consonant's last frame.
		{"a consonant 0.16 s after the vowel", consonant, 30, always, 0, 121},
		{"too faint to be told from the noise", consonant, 1.1, always, 0, end + 2},
		{"past the closure's reach", []int{128, 129, 130, 131}, 30, always, 0, end + 2},
		{"the other side's voice in the closure", consonant, 30, func(a, b int) bool { return false }, 0, end + 2},
		{"echo in the closure", consonant, 30, always, 110, end + 2},
		{"no other side", consonant, 30, nil, 0, end + 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loud := map[int]float64{}
			for f := 90; f <= end; f++ {
				loud[f] = 30
			}
			for _, f := range tt.burst {
				loud[f] = tt.power
			}
			tr := noiseTrack(n, loud, 7)
			m := lineNoise(tr, func(f int) bool { return f < 80 || f > 140 }, nil)
			if !m.ok {
				t.Fatal("no noise model")
			}
			// The whitened test alone: the fundamental band's single band
			// passes 0.5% of the noise's windows by chance.
			m.thrFund = math.Inf(1)
			own := func(f int) bool { return f != tt.echoAt }
			if got := m.tail(tr, own, -100, end+1, tt.closure); got != tt.want {
				t.Errorf("run ends at %d, want %d", got, tt.want)
			}
		})
	}
}

// murmurs hears a frame by the band under the fundamental's (62.5-156
// Hz) only where that band holds subDominance times the power of all the
// bands over it: a voice bar, not a vowel's decay or a breath.
func TestMurmurs(t *testing.T) {
	// One frame: -70 dB over 250 Hz, each of the 14 bands 1e-6 (so the
	// bands over 250 Hz hold 14e-6); the fundamental's band and the one
	// under it as the rows say.
	tests := []struct {
		name      string
		fund, sub float32 // multiples of the bands' 14e-6
		low       float32
		want      bool
	}{
		{"silent low bands", 0, 0, -60, false},
		{"the fundamental's band alone", 100, 0, -60, true},
		{"a voice bar, 100 times the rest", 0, 100, -60, true},
		{"a voice bar under the low threshold", 0, 100, -45, false},
		{"the band under as loud as the rest: not heard by it", 0, 3, -66, false},
		{"4 times the rest and the fundamental's band", 1, 8, -61, true},
		{"under 4 times the rest and the fundamental's band", 1, 7, -61, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &track{db: []float32{-70}, bands: make([]float32, nAll), sub: []float32{tt.sub * nBands * 1e-6}}
			for k := range nBands {
				tr.bands[k] = 1e-6
			}
			tr.bands[nBands] = tt.fund * nBands * 1e-6
			if got := murmurs(tr, tt.low, 0); got != tt.want {
				t.Errorf("murmurs = %v, want %v", got, tt.want)
			}
		})
	}
	// A track without the band (older features) hears as before.
	tr := &track{db: []float32{-70}, bands: make([]float32, nAll)}
	for k := range nBands {
		tr.bands[k] = 1e-6
	}
	if murmurs(tr, -60, 0) {
		t.Error("murmurs without the sub band heard a silent fundamental")
	}
}

// humTrack is n frames of line noise at -50 dB: hiss in every band and,
// in the band under the fundamental's, sub(f, r); r draws both, frame by
// frame (the bands' hiss first).
func humTrack(n int, r *rand.Rand, sub func(f int, r *rand.Rand) float32) *track {
	tr := &track{db: make([]float32, n), bands: make([]float32, n*nAll), sub: make([]float32, n), floor: -50}
	for f := range n {
		tr.db[f] = -50
		for k := range nAll {
			tr.bands[f*nAll+k] = float32(1e-6 * r.ExpFloat64()) // hiss
		}
		tr.sub[f] = sub(f, r)
	}
	return tr
}

// steadyHum is mains hum in the band under the fundamental's: 20e-6
// within ±5 %.
func steadyHum(_ int, r *rand.Rand) float32 { return float32(20e-6 * (0.95 + 0.1*r.Float64())) }

// subHeard: under line noise whose band under the fundamental's is
// steady (mains hum), a voice bar a few dB over it is heard; the same
// rise with as much power in the bands over it, or under the noise's own
// spread, is not.
func TestSubHeard(t *testing.T) {
	const n = 400
	r := rand.New(rand.NewPCG(7, 7))
	tr := humTrack(n, r, steadyHum)
	m := lineNoise(tr, func(int) bool { return true }, nil)
	if !m.ok || m.thrSub <= 1 || m.thrSub > 1.1 {
		t.Fatalf("noise: ok %v, thrSub %.3f; want a steady band's threshold just over 1", m.ok, m.thrSub)
	}
	tests := []struct {
		name      string
		sub, over float64 // added to each of 3 frames: the band under, each band over it
		low       float32
		want      bool
	}{
		{"nothing added", 0, 0, -90, false},
		{"a voice bar 3 dB over the hum", 20e-6, 0, -90, true},
		{"a voice bar under the low threshold", 20e-6, 0, -40, false},
		{"within the hum's spread", 0.2e-6, 0, -90, false},
		{"as much added over it: not the band's alone", 20e-6, 20e-6 / nAll * 2, -90, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &track{db: slices.Clone(tr.db), bands: slices.Clone(tr.bands), sub: slices.Clone(tr.sub), floor: tr.floor}
			for f := 200; f < 203; f++ {
				x.sub[f] = float32(m.sub + tt.sub)
				for k := range nAll {
					x.bands[f*nAll+k] = float32(m.band[k] + tt.over)
				}
			}
			if got := m.subHeard(x, tt.low, 200, 203); got != tt.want {
				t.Errorf("subHeard = %v, want %v", got, tt.want)
			}
		})
	}
}

// lineNoise leaves the band under the fundamental's out where its noise
// is no line noise: a constant (A-law's idle code) or windows as uneven
// as the other side's echo left in it.
func TestSubSteady(t *testing.T) {
	tests := []struct {
		name   string
		sub    func(f int, r *rand.Rand) float32
		useSub bool
	}{
		{"steady hum", steadyHum, true},
		{"a constant", func(int, *rand.Rand) float32 { return 20e-6 }, false},
		{"echo bursts in it", func(f int, r *rand.Rand) float32 {
			if f%50 < 3 {
				return 400e-6
			}
			return steadyHum(f, r)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const n = 400
			r := rand.New(rand.NewPCG(3, 3))
			tr := humTrack(n, r, tt.sub)
			m := lineNoise(tr, func(int) bool { return true }, nil)
			if !m.ok {
				t.Fatal("no noise measured")
			}
			if got := m.sub > 0; got != tt.useSub {
				t.Errorf("band used %v (thrSub %.3f), want %v", got, m.thrSub, tt.useSub)
			}
		})
	}
}

// voiceBar follows an onset back over frames heard in the band under
// the fundamental's alone, by at most voiceBarMax frames, over the
// channel's own frames only; the 3-frame window hears a bar one frame
// before its first.
func TestVoiceBar(t *testing.T) {
	const n, onset = 400, 200
	r := rand.New(rand.NewPCG(9, 9))
	tr := humTrack(n, r, steadyHum)
	m := lineNoise(tr, func(int) bool { return true }, nil)
	if !m.ok || m.sub <= 0 {
		t.Fatalf("noise: ok %v, sub %.3g; want the band measured", m.ok, m.sub)
	}
	all := func(int) bool { return true }
	tests := []struct {
		name        string
		from        int     // the bar (or breath) is on frames [from, onset)
		sub, over   float64 // added to each of those frames: the band under, each band over it
		own         func(int) bool
		withoutBand bool
		want        int
	}{
		{"no voice bar", onset, 0, 0, all, false, onset},
		{"a voice bar before the onset", onset - 5, 40e-6, 0, all, false, onset - 6},
		{"a voice bar longer than voiceBarMax", onset - 20, 40e-6, 0, all, false, onset - voiceBarMax},
		{"a breath: as much over the band", onset - 5, 40e-6, 40e-6 / nAll * 2, all, false, onset},
		{"the other side's echo before", onset - 5, 40e-6, 0, func(f int) bool { return f >= onset-2 }, false, onset - 2},
		{"a line without the band", onset - 5, 40e-6, 0, all, true, onset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &track{db: slices.Clone(tr.db), bands: slices.Clone(tr.bands), sub: slices.Clone(tr.sub), floor: tr.floor}
			for f := tt.from; f < onset; f++ {
				x.sub[f] += float32(tt.sub)
				for k := range nAll {
					x.bands[f*nAll+k] += float32(tt.over)
				}
			}
			mm := m
			if tt.withoutBand {
				mm.sub, mm.thrSub = 0, 0
			}
			if got := mm.voiceBar(x, tt.own, -90, onset); got != tt.want {
				t.Errorf("voiceBar = %d, want %d", got, tt.want)
			}
		})
	}
}

// onset follows a run's start back over frames that stand out of the
// noise and are within onsetUnderPeak dB of the run's loudest frame over
// the whole spectrum, the band under the fundamental's included: a low
// voice's voice bar, whose power is under 250 Hz, is taken in; a breath
// as far over the noise but 30 dB under the peak is not, nor more than
// onsetMax frames, nor the other side's echo.
func TestOnset(t *testing.T) {
	const n, start, end = 400, 200, 230
	r := rand.New(rand.NewPCG(11, 3))
	tr := humTrack(n, r, steadyHum)
	m := lineNoise(tr, func(int) bool { return true }, nil)
	if !m.ok {
		t.Fatal("no noise measured")
	}
	// The run: a vowel whose loudest frame holds 1e-2 over the spectrum
	// (about 1000 times the noise's 35e-6).
	for f := start; f < end; f++ {
		for k := range nAll {
			tr.bands[f*nAll+k] += 1e-2 / nAll
		}
	}
	all := func(int) bool { return true }
	tests := []struct {
		name      string
		from      int     // the sound before the run is on frames [from, start)
		sub, over float64 // added to each of those frames: the band under the fundamental's, each band over it
		own       func(int) bool
		want      int
	}{
		{"nothing before the run", start, 0, 0, all, start},
		{"a voice bar 15 dB under the peak", start - 6, 3e-4, 0, all, start - 6},
		{"a voice bar longer than onsetMax", start - 20, 3e-4, 0, all, start - onsetMax},
		{"a breath 30 dB under the peak, over the noise", start - 6, 0, 1e-5 / nAll, all, start},
		{"a breath 15 dB under the peak", start - 6, 0, 3e-4 / nAll, all, start - 6},
		{"the other side's echo before", start - 6, 3e-4, 0, func(f int) bool { return f >= start-2 }, start - 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &track{db: slices.Clone(tr.db), bands: slices.Clone(tr.bands), sub: slices.Clone(tr.sub), floor: tr.floor}
			for f := tt.from; f < start; f++ {
				x.sub[f] += float32(tt.sub)
				for k := range nAll {
					x.bands[f*nAll+k] += float32(tt.over)
				}
			}
			if got := m.onset(x, tt.own, -90, fspan{start, end}); got != tt.want {
				t.Errorf("onset = %d, want %d", got, tt.want)
			}
		})
	}
}

// Past a dip of tailDip frames the walk lands only on sound burstZ
// standard deviations over the noise (heardPastDip): a faint sound over
// tailZ's threshold but under that is taken after a short dip (a word's
// decay flickering about the noise) and not after a longer gap, where a
// search over that many windows finds the noise's own rare ones; a
// strong sound (a consonant's release) is taken after either.
func TestFollowPastADip(t *testing.T) {
	const n, end = 200, 100 // the run's last frame
	// Steady noise (every band at the noise's mean power) and a model
	// whose whitened windows spread by sd: tailZ's threshold is 1.129,
	// burstZ's 1.2.
	const sd = 0.05
	m := noiseModel{mean: 1, sd: sd, thr: 1 + tailZ*sd, thrFund: 2, ok: true}
	for k := range nAll {
		m.band[k] = 1e-6
	}
	tests := []struct {
		name  string
		gap   int     // frames between the run and the sound
		power float64 // the sound's power over the noise's, 6 frames
		want  int     // the walk's last frame
	}{
		// end+1: the window centred there holds the word's last frame.
		// A faint sound is heard where its window is all sound, from its
		// second frame to its fifth; a strong one also where two of the
		// window's three frames are sound, to the frame after its last.
		{"faint sound after a dip", tailDip - 1, 1.15, end + tailDip - 1 + 5},
		{"faint sound after a longer gap", tailDip + 3, 1.15, end + 1},
		{"strong sound after a longer gap", tailDip + 3, 1.5, end + tailDip + 3 + 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &track{db: make([]float32, n), bands: make([]float32, n*nAll), floor: -60}
			for f := range n {
				tr.db[f] = -60
				k := 1.0
				switch {
				case f > end-10 && f <= end:
					k = 30 // the word
				case f > end+tt.gap && f <= end+tt.gap+6:
					k = tt.power
				}
				for b := range nBands {
					tr.bands[f*nAll+b] = float32(1e-6 * k)
				}
				tr.bands[f*nAll+nBands] = 1e-6
			}
			own := func(int) bool { return true }
			if got := m.follow(tr, own, -100, end, +1); got != tt.want {
				t.Errorf("walk ends at %d, want %d", got, tt.want)
			}
		})
	}
}
