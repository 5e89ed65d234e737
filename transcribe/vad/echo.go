package vad

import (
	"math"
	"slices"
)

// The echo test's constants (see echoPath and echoMask), chosen on the
// tune half of testdata/realspeech.
const (
	// echoMaxLag is the longest echo delay looked for, in frames (300
	// ms: a hybrid's echo behind a long network path).
	echoMaxLag = 30
	// A frame estimates the path where the other channel is echoLoud dB
	// over its floor and this one at least echoMinDiff under it but
	// lowOverFloor over its own floor; at least echoMinFrames such frames.
	// echoMinDiff 10 and not 6 (the echoes of the set are 14-30 dB
	// down): with the echo under line noise (an echo 25 dB down, noise 20
	// dB down), the echo's frames sit only 0-9 dB over this side's floor
	// and spread little, and a dozen frames of this side's own speech
	// 6-10 dB under the other's (overtalk) outweighed a thousand echo
	// frames in the correlation: es_ru-blind7s27-dialogue-snr20_xtalk25's
	// client, r 0.45 at the true delay with 6 dB, 0.66 with 10, and 2.1 s
	// of the operator's echo taken for the client's talk.
	echoLoud      = 20
	echoMinDiff   = 10
	echoMinFrames = 50
	// echoNoiseDiff: a path that the levels show only without this side's
	// frames echoNoiseDiff to echoMinDiff dB under the other's is an echo
	// near the line noise (see echoLine.underNoise).
	echoNoiseDiff = 6
	// echoMinCorr is the correlation of the two channels' levels over
	// those frames that makes an echo path: an echo's level follows the
	// other side's, line noise does not.
	echoMinCorr = 0.5
	// The loss is taken as constant over ±echoSpan frames (it is
	// estimated every echoStep frames from at least echoMinLocal frames,
	// else from the nearest estimate), and the frames must scatter around
	// it by under echoMAD dB (median absolute deviation).
	echoSpan     = 100
	echoStep     = 25
	echoMinLocal = 15
	echoMAD      = 3
	// A frame is echo where the other channel is echoAbove dB over its
	// floor, the echo it makes here is echoAudible dB over this channel's
	// floor, and this channel is no louder than echo plus floor by more
	// than echoTol dB (3 dB: of 2, 3 and 4 dB, the one with the smallest
	// overtalk error on the tune calls that keeps every other figure; 2 dB
	// lets echo peaks through on xtalk20).
	echoAbove   = 10
	echoAudible = 3
	echoTol     = 3
	// A frame that would be echo is this side's own voice when both
	// sides are at least echoOwnPeriodic periodic there and the pitches
	// differ by more than echoPitchTol (see ownPitch). 0.8: of 0.6, 0.7
	// and 0.8, the only one that keeps every tune figure (under 0.8 an
	// echo's pitch estimate is not always its source's).
	echoOwnPeriodic = 0.8
	echoPitchTol    = 0.1
	// pitchMultiples: the most periods a pitch estimate spans (see
	// samePitch): periodicity's longest lag, 120 samples, over the period
	// of a 400 Hz voice, 20.
	pitchMultiples = 6
	// ownQuantile and ownRun: see calibrate and mask. A run of 5 frames
	// (50 ms, the shortest quiet syllable, quietMin) and not less: 3 or
	// 4 took the echo's spectral detail on clean lines with echo for
	// speech (3: blind xtalk30 and blind2 echo_vary lost values; 4:
	// blind2 echo_vary), 5 lost none.
	ownQuantile = 0.99
	ownRun      = 5
	// ownLowQuantile: the comparison's hysteresis (see keepOwn). A word's
	// end during the other side's speech decays into the echo: its first
	// frames stand out of noise plus echo by more than the echo alone
	// ever does (ownThr), the rest by less, but by more than most of the
	// echo's frames do (its 90th percentile), and more than 1 (over the
	// prediction at all). On the eight development splits any quantile
	// from 0.6 to 0.9 gave the same figures; without the floor of 1, an
	// echo whose level wanders on a digitally silent line (where the
	// echo's own comparison sits at 0.7-0.9) was kept as speech.
	ownLowQuantile = 0.9
	// soundingPct: each band's noise for the comparison is at least this
	// percentile of the band over the frames with sound (see calibrate):
	// the codec's quantization noise, which sounds only with a signal.
	soundingPct = 2
	// echoNearSpan: the comparison follows the echo's loss over ±this
	// many frames (0.3 s; see nearLoss).
	echoNearSpan = 30
	// echoHeardDB and echoHeardShare: an echo path is heard where it
	// predicts the echo echoHeardDB or more over this channel's floor
	// (see heardEcho): in at least echoHeardShare of those frames this
	// channel must be over its floor. On the eight development splits the
	// paths of lines with echo came out at 0.36 and more (under 0.5 four,
	// all under every impairment at once, `all`: music, bursts, echo
	// under noise), nearly all over 0.8; the 26 paths found on lines
	// without any echo, from the levels of overtalk alone, at 0.03-0.38,
	// 20 of them under 0.3. 0.5 also dropped those four real paths and
	// lost a value.
	echoHeardDB    = 6
	echoHeardShare = 0.3
	// echoBandAudible: see markBandEcho; 2 is 3 dB, echoAudible's
	// margin over the floor.
	echoBandAudible = 2
	// subOwn and subOverEcho: see lowVoice (6 and 10 dB).
	subOwn      = 4
	subOverEcho = 10
)

// echoPath estimates the telephone hybrid's echo of b in a: its delay in
// frames (0 to echoMaxLag) and its loss in dB in the 250-1000 Hz band, one
// value per echoStep frames of a. Where b is loud and a is quieter but
// over its floor, a's level follows b's at the echo's delay (the levels
// correlate) with a loss that is nearly the same frame after frame, or
// changes slowly; when a's sound there is its own or line noise, it does
// not follow. ok is false when no delay gives at least echoMinFrames such
// frames with a correlation of at least echoMinCorr and a scatter around
// the local loss under echoMAD dB: then the line has no audible echo and
// nothing is taken out.
func echoPath(a, b *track) (lag int, loss []float32, ok bool) {
	return echoPathDiff(a, b, echoMinDiff)
}

// echoPathDiff is echoPath taking the frames of a at least minDiff dB
// under b.
func echoPathDiff(a, b *track, minDiff float32) (lag int, loss []float32, ok bool) {
	type pair struct {
		f int
		d float32
	}
	var best, cur []pair
	bestR := echoMinCorr
	for k := 0; k <= echoMaxLag; k++ {
		cur = cur[:0]
		var sx, sy, sxx, syy, sxy float64
		for f := k; f < len(a.low) && f-k < len(b.low); f++ {
			x, y := a.low[f], b.low[f-k]
			if y < b.lowFloor+echoLoud || x < a.lowFloor+lowOverFloor || x > y-minDiff {
				continue
			}
			cur = append(cur, pair{f, y - x})
			fx, fy := float64(x), float64(y)
			sx, sy, sxx, syy, sxy = sx+fx, sy+fy, sxx+fx*fx, syy+fy*fy, sxy+fx*fy
		}
		n := float64(len(cur))
		if len(cur) < echoMinFrames {
			continue
		}
		vx, vy := sxx-sx*sx/n, syy-sy*sy/n
		if vx <= 0 || vy <= 0 {
			continue
		}
		if r := (sxy - sx*sy/n) / math.Sqrt(vx*vy); r > bestR {
			bestR, lag, best = r, k, slices.Clone(cur)
		}
	}
	if best == nil {
		return 0, nil, false
	}
	// The loss around each step, from the frames within ±echoSpan (best
	// is in frame order); steps without enough frames take the nearest
	// estimate.
	nseg := (len(a.low) + echoStep - 1) / echoStep
	loss = make([]float32, nseg)
	have := make([]bool, nseg)
	var local []float32
	lo := 0
	for s := range nseg {
		c := s*echoStep + echoStep/2
		for lo < len(best) && best[lo].f < c-echoSpan {
			lo++
		}
		local = local[:0]
		for i := lo; i < len(best) && best[i].f <= c+echoSpan; i++ {
			local = append(local, best[i].d)
		}
		if len(local) >= echoMinLocal {
			loss[s], have[s] = median(local), true
		}
	}
	if !fillNearest(loss, have) {
		return 0, nil, false
	}
	dev := make([]float32, len(best))
	for i, p := range best {
		l := loss[p.f/echoStep]
		dev[i] = max(p.d-l, l-p.d)
	}
	if median(dev) >= echoMAD {
		return 0, nil, false
	}
	if !heardEcho(a, b, lag, loss) {
		return 0, nil, false
	}
	return lag, loss, true
}

// heardEcho tells whether a path (lag and loss, as echoPath estimates
// them) is heard in a: where b is echoLoud over its floor and the echo it
// predicts in a is echoHeardDB or more over a's floor, a is over its
// floor (lowOverFloor) in at least echoHeardShare of the frames. An echo
// sounds whenever the other side speaks, and this side's silence is
// where it shows; the levels of overtalk alone (both sides speaking, the
// only frames with both channels over their floors on a line without
// echo) can correlate at some delay by chance, and a path found from
// them took en_es-blind3s14-hold-bursts's client's speech in overtalk for
// echo (a turn split, 0.64 s of talk lost, on a line with no echo at
// all). With fewer than echoMinFrames such frames (an echo near the
// floor, under line noise) the path is not tested.
func heardEcho(a, b *track, lag int, loss []float32) bool {
	expected, heard := 0, 0
	for f := lag; f < len(a.low) && f-lag < len(b.low); f++ {
		y := b.low[f-lag]
		if y < b.lowFloor+echoLoud || y-loss[min(f/echoStep, len(loss)-1)] < a.lowFloor+echoHeardDB {
			continue
		}
		expected++
		if a.low[f] >= a.lowFloor+lowOverFloor {
			heard++
		}
	}
	return expected < echoMinFrames || float64(heard) >= echoHeardShare*float64(expected)
}

// fillNearest gives every value without an estimate (have false) the
// nearest estimated one; false when there is none.
func fillNearest(x []float32, have []bool) bool {
	last := -1
	for i := range x {
		if !have[i] {
			continue
		}
		if last < 0 {
			for j := range i {
				x[j] = x[i]
			}
		} else {
			for j := last + 1; j < i; j++ {
				if j-last <= i-j {
					x[j] = x[last]
				} else {
					x[j] = x[i]
				}
			}
		}
		last = i
	}
	if last < 0 {
		return false
	}
	for j := last + 1; j < len(x); j++ {
		x[j] = x[last]
	}
	return true
}

func median(x []float32) float32 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}

// powSum adds two levels in dB as powers.
func powSum(x, y float32) float32 {
	return float32(10 * math.Log10(math.Pow(10, float64(x)/10)+math.Pow(10, float64(y)/10)))
}

// echoLine is one direction's echo path (see echoPath).
type echoLine struct {
	lag  int
	loss []float32
	ok   bool
	// underNoise: the path is found (ok) but not with the frames of a
	// echoNoiseDiff to echoMinDiff dB under b counted, which outweigh an
	// echo near a's floor: an echo near or under the line noise. Its
	// frames are masked as any echo's, but the line's noise model stays
	// the one of a line with no path found (see channelSpeech): that
	// model, measured with the echo inside the noise (hiddenEcho), was
	// set for such lines, and measured on the path's echo-free frames
	// instead, the word ends of ru-tune1-rapid-snr20_xtalk25's client
	// walked 0.14 s further into the noise (talk 0.31 s long).
	underNoise bool
	// gain, noise, ownThr: see calibrate.
	gain, noise    []float64
	ownThr, ownLow float64
	// near is the loss at each frame as a power ratio, followed closely
	// (see nearLoss); nil: loss's.
	near []float64
	// subEcho is the median power of a's band under the fundamental's
	// (sub, 62.5-156 Hz) over the frames the first pass marks as echo:
	// that band's level where only the noise and the echo sound (see
	// lowVoice); 0: not measured.
	subEcho float64
}

func pathOf(a, b *track) echoLine {
	lag, loss, ok := echoPath(a, b)
	p := echoLine{lag: lag, loss: loss, ok: ok}
	if ok {
		_, _, plain := echoPathDiff(a, b, echoNoiseDiff)
		p.underNoise = !plain
	}
	return p
}

// echoMasks is both channels' echo masks (echoMask), each without the
// frames of the other channel that are themselves echo: where b only
// carries a's echo, a is not hearing b but its own voice twice over (with
// a long echo path, the end of a's word comes back from b while a's word
// still decays, and was taken for echo).
func echoMasks(a, b *track) (ma, mb []bool) {
	ma, mb, _, _ = echoMasksPaths(a, b)
	return ma, mb
}

// echoMasksPaths is echoMasks and the two echo paths: pa is b's echo in
// a, pb a's echo in b.
func echoMasksPaths(a, b *track) (ma, mb []bool, pa, pb echoLine) {
	pa, pb = pathOf(a, b), pathOf(b, a)
	ea, eb := pa.mask(a, b, nil), pb.mask(b, a, nil)
	// The echo's own spectrum, from the frames the first pass marks.
	pa.calibrate(a, b, ea)
	pb.calibrate(b, a, eb)
	return pa.mask(a, b, eb), pb.mask(b, a, ea), pa, pb
}

// calibrate measures, for the echo canceller's test in mask, the echo's
// transfer in each band relative to the path's loss in the 250-1000 Hz
// band (the hybrid dulls the highs: a one-pole low-pass on the set's
// lines), as the median over the frames the first pass marks as echo
// where b is echoLoud over its floor; a's noise in each band (its 10th
// percentile); and ownThr, the ownQuantile of over on the frames marked
// as echo (with both neighbours): how far over noise plus predicted echo
// the echo alone reaches. Without echoMinFrames such frames, gain stays
// nil and mask leaves the first pass's rule alone.
func (p *echoLine) calibrate(a, b *track, marked []bool) {
	n := len(a.db)
	if !p.ok || len(a.bands) < n*nAll || len(b.bands) < len(b.db)*nAll {
		return
	}
	p.noise = make([]float64, nAll)
	// The noise is at least the soundingPct percentile over the frames
	// with sound (over minFloorDB): between the words of a clean digital
	// line the samples are zero, and the 10th percentile of every frame
	// was that zero, but wherever the echo sounds the codec's quantization
	// noise sounds with it (PCM16: flat, about 10-20 dB over the dulled
	// echo's top bands at a quiet onset), and a plain echo then stood
	// over noise plus echo in ten bands and was taken for this side's own
	// sound (blind4 es_fr-blind4s19-rapid-echo_vary: 0.5 s of the client's
	// echo as operator talk). On a line with line noise the 10th
	// percentile is the line noise, over the quantization.
	sounding := make([]float64, 0, n)
	col := make([]float64, n)
	for k := range nAll {
		sounding = sounding[:0]
		for f := range n {
			col[f] = float64(a.bands[f*nAll+k])
			if a.db[f] > minFloorDB {
				sounding = append(sounding, col[f])
			}
		}
		slices.Sort(col)
		p.noise[k] = max(col[n/10], 1e-15)
		if len(sounding) > 0 {
			slices.Sort(sounding)
			p.noise[k] = max(p.noise[k], sounding[len(sounding)*soundingPct/100])
		}
	}
	p.near = p.nearLoss(a, b, marked)
	if len(a.sub) >= n && len(b.sub) >= len(b.db) {
		var sub []float64
		for f := range n {
			if marked[f] {
				sub = append(sub, float64(a.sub[f]))
			}
		}
		if len(sub) >= echoMinFrames {
			slices.Sort(sub)
			p.subEcho = sub[len(sub)/2]
		}
	}
	p.gain = make([]float64, nAll)
	var r []float64
	for k := range nAll {
		r = r[:0]
		for f := range n {
			g := f - p.lag
			if !marked[f] || g < 0 || g >= len(b.db) || b.low[g] < b.lowFloor+echoLoud {
				continue
			}
			if q := float64(b.bands[g*nAll+k]); q > 0 {
				r = append(r, float64(a.bands[f*nAll+k])/q*p.lossAt(f))
			}
		}
		if len(r) < echoMinFrames {
			p.gain = nil
			return
		}
		slices.Sort(r)
		p.gain[k] = r[len(r)/2]
	}
	var w []float64
	for f := 1; f+1 < n; f++ {
		if marked[f-1] && marked[f] && marked[f+1] {
			w = append(w, p.over(a, b, f))
		}
	}
	if len(w) < echoMinFrames {
		p.gain = nil
		return
	}
	p.ownThr, p.ownLow = ownBars(w)
}

// ownBars is keepOwn's two bars from the comparison (over) on the frames
// marked as echo: thr, the ownQuantile of them (more than the echo alone
// reaches), and low, their ownLowQuantile; each at least 1. A sound no
// louder than the noise plus the echo predicted is not this side's own,
// however low the echo's own comparison sits: on a digitally silent line
// the codec's quantization noise is in both the prediction and the
// echo's bands, and the echo's frames come out at 0.7-0.9. Without the
// floor on thr, en_ru-blind10s36-rapid-xtalk20's operator line (thr
// 0.85) kept 6 frames of the client's echo at 0.86-0.91 as the operator's
// own sound, joined to her next word 0.3 s on (0.43 s of talk invented;
// it_ru-blind9s33-rapid-echo_vary's operator, 0.62 s); of the 282
// channels of the 14 splits whose thr was under 1 (xtalk30, xtalk20,
// echo_vary, echo_long, all), those two calls changed, 6 values won.
func ownBars(w []float64) (thr, low float64) {
	slices.Sort(w)
	return max(1, w[int(ownQuantile*float64(len(w)-1))]), max(1, w[int(ownLowQuantile*float64(len(w)-1))])
}

// lossAt is the path's loss at frame f as a power ratio (over 1).
func (p *echoLine) lossAt(f int) float64 {
	if p.near != nil {
		return p.near[f]
	}
	return math.Pow(10, float64(p.loss[min(f/echoStep, len(p.loss)-1)])/10)
}

// nearLoss follows the echo path's loss frame by frame for the
// canceller's comparison: at each frame, the median loss of the frames
// the first pass marks as echo within ±echoNearSpan where b is echoLoud
// over its floor (at least echoMinLocal of them; else the path's loss
// there). The path's own estimate (echoPath) takes ±echoSpan frames
// (±1 s), right for the first rule's 3 dB tolerance but not for the
// comparison, whose threshold the echo itself sets (ownThr, near 1 once
// the noise includes the quantization): where the echo's level wanders
// (echo_vary: ±6 dB over 8-16 s, up to 4.7 dB/s), the echo stood 0.8 dB
// over its prediction for 70 ms and was taken for this side's own sound
// (es_fr-blind4s19-hold-echo_vary: an overtalk and an interruption
// invented). The median of the marked frames is the echo's and not a's
// own sound, which is ownRun to a few tens of frames, a minority of the
// ±echoNearSpan frames around it.
//
// Limits: the delay is still one value for the call (echoPath's lag),
// and the band shape (gain) too; an echo whose delay drifts by more than
// a frame, or whose spectrum changes within the call, is not followed.
// Where fewer than echoMinLocal marked frames are near (b quiet, or a
// speaking over it), the loss is echoPath's.
func (p *echoLine) nearLoss(a, b *track, marked []bool) []float64 {
	n := len(a.db)
	type pt struct {
		f int
		d float32
	}
	var pts []pt
	for f := range n {
		g := f - p.lag
		if marked[f] && g >= 0 && g < len(b.low) && b.low[g] >= b.lowFloor+echoLoud {
			pts = append(pts, pt{f, b.low[g] - a.low[f]})
		}
	}
	out := make([]float64, n)
	var w []float32
	lo, hi := 0, 0
	for f := range n {
		for lo < len(pts) && pts[lo].f < f-echoNearSpan {
			lo++
		}
		for hi < len(pts) && pts[hi].f <= f+echoNearSpan {
			hi++
		}
		l := p.loss[min(f/echoStep, len(p.loss)-1)]
		if hi-lo >= echoMinLocal {
			w = w[:0]
			for _, q := range pts[lo:hi] {
				w = append(w, q.d)
			}
			slices.Sort(w)
			l = w[len(w)/2]
		}
		out[f] = math.Pow(10, float64(l)/10)
	}
	return out
}

// over is how far a's sound around frame f (3 frames, the bands from
// 250 Hz) is over the noise plus the echo predicted from b.
func (p *echoLine) over(a, b *track, f int) float64 {
	var s float64
	cnt := 0
	for x := f - 1; x <= f+1; x++ {
		if x < 0 || x >= len(a.db) {
			continue
		}
		for k := range nBands {
			var e float64
			for g := x - p.lag - 1; g <= x-p.lag+1; g++ {
				if g >= 0 && g < len(b.db) {
					e = max(e, float64(b.bands[g*nAll+k]))
				}
			}
			s += float64(a.bands[x*nAll+k]) / (p.noise[k] + p.gain[k]*e/p.lossAt(x))
			cnt++
		}
	}
	return s / float64(max(cnt, 1))
}

// mask marks the frames of a that may be b's echo: the echo b makes
// through the line's echo path (echoPath) at the path's delay (±1 frame)
// is audible over a's floor, and a is no louder than that echo plus the
// floor, within echoTol dB, where b is echoAbove dB over its floor. Speech
// of a's own louder than the echo (overtalk) is kept, however the
// envelopes move; so is a's quiet speech where the echo is lost under the
// line noise; on a line without echo nothing is marked.
// b's frames marked in bEcho (nil: none) are left out.
func (p echoLine) mask(a, b *track, bEcho []bool) []bool {
	out := make([]bool, len(a.low))
	lag, loss, ok := p.lag, p.loss, p.ok
	if !ok {
		return out
	}
	for f := range a.low {
		l := loss[f/echoStep]
		for k := max(0, lag-1); k <= lag+1; k++ {
			g := f - k
			if g < 0 || g >= len(b.low) || b.low[g] < b.lowFloor+echoAbove || (bEcho != nil && bEcho[g]) {
				continue
			}
			e := b.low[g] - l
			if e < a.lowFloor+echoAudible {
				continue
			}
			if a.low[f] <= powSum(e, a.lowFloor)+echoTol && !ownPitch(a, b, f, g) {
				out[f] = true
				break
			}
		}
	}
	if p.gain != nil {
		// The echo canceller's comparison: a run of ownRun frames or more
		// that stand out of the noise plus the echo b makes here, band by
		// band, by more than the echo alone does (ownThr), is a's own
		// sound over the echo (a word's end during overtalk, as loud as
		// the echo in the 250-1000 Hz band but with its own spectrum).
		ov := make([]float64, len(out))
		for f := range ov {
			ov[f] = p.over(a, b, f)
		}
		p.markBandEcho(out, ov, a, b, bEcho)
		keepOwn(out, ov, p.ownThr, p.ownLow)
		p.keepLowVoice(out, a, b)
	}
	return out
}

// keepLowVoice clears, in the echo mask out, a run of ownRun marked
// frames or more where a's band under the fundamental's (62.5-156 Hz)
// holds a low voice of its own (lowVoice). An echo is the other side's
// sound less the path's loss, band by band, and can be no louder in a
// band than its source there less that loss; a low voice's fundamental
// is there, while a higher voice has next to nothing in it. A low
// voice's word end under a higher voice's echo in overtalk is 10 dB and
// more under the echo in 250-1000 Hz, no louder than noise plus echo in
// every band from 250 Hz (over, 0.5-1.2) and with the echo's pitch (an
// octave under it: the pitch estimate of the echo's sum), and only its
// fundamental shows it (es_en-blind9s34-rapid-snr20_xtalk25, the
// client, 125-136 Hz under the operator's 242-258 Hz echo: on the 17
// frames the echo mask took, its band under the fundamental 7-12 dB over
// the echo frames' median there and 21-29 dB over the echo the
// operator's band makes; 0.2 s of talk lost).
// Limits: a low voice whose own fundamental is over 156 Hz, or a line
// that cuts under 300 Hz, is not heard here.
func (p *echoLine) keepLowVoice(out []bool, a, b *track) {
	if p.subEcho <= 0 {
		return
	}
	n := len(out)
	for f := 0; f < n; {
		if !(out[f] && p.lowVoice(a, b, f)) {
			f++
			continue
		}
		g := f
		for g < n && out[g] && p.lowVoice(a, b, g) {
			g++
		}
		if g-f >= ownRun {
			clear(out[f:g])
		}
		f = g
	}
}

// lowVoice tells whether a's band under the fundamental's at frame f is
// subOwn times (6 dB) over its level where the echo alone sounds
// (subEcho) and subOverEcho times (10 dB) over the echo b makes there at
// the path's delay (±1 frame) and loss.
func (p *echoLine) lowVoice(a, b *track, f int) bool {
	s := float64(a.sub[f])
	if s < subOwn*p.subEcho {
		return false
	}
	var e float64
	for g := f - p.lag - 1; g <= f-p.lag+1; g++ {
		if g >= 0 && g < len(b.sub) {
			e = max(e, float64(b.sub[g]))
		}
	}
	return s >= subOverEcho*e/p.lossAt(f)
}

// markBandEcho marks, in the echo mask out, the frames of a that the
// first rule cannot judge and the canceller's comparison explains as b's
// echo in every band. The first rule hears the echo in the 250-1000 Hz
// band alone, where a vowel's echo is; a fricative's or a stop's burst's
// echo has its power over 1 kHz, and on a digitally silent line the echo
// of en_ru-blind6s23-rapid-echo_vary's operator's last «s» was 15-25 dB
// under the floor in 250-1000 Hz and 20 dB over it in the highs: left
// unmarked, its frames were the client's "talk", joined to the client's
// next word 0.4 s later (0.43 s of talk invented). A frame is marked
// where, in 250-1000 Hz, the echo b makes is under a's floor plus
// echoAudible and so is a (the first rule's band has nothing to say);
// a's sound is over its floor (lowOverFloor: a sound that could make a
// run); ov is at most 1 (a's sound no louder than the noise plus the
// echo predicted band by band); that predicted echo is echoBandAudible
// times the noise over the bands from 250 Hz; and b's frames that make
// it are not themselves echo (bEcho). Without the first two conditions,
// under line noise, the comparison's band transfer (measured with the
// noise in it) over-predicted the dulled echo's highs, and a's own
// speech in overtalk was marked (fr-fresh5-hold-snr20_xtalk25's client:
// 0.38 s of its 0.76 s overtalk lost), and the word-end walk crossed
// the newly marked noise frames (ru-holdout3-rapid-snr20_xtalk25's client
// 0.13 s longer).
// Limits: a's own sound under the echo in every band and silent in
// 250-1000 Hz (a whispered «s» in overtalk) is taken for echo; with
// fewer than echoMinFrames marked frames to calibrate the comparison
// (gain nil) the rule is off.
func (p *echoLine) markBandEcho(out []bool, ov []float64, a, b *track, bEcho []bool) {
	l := func(f int) float32 { return p.loss[min(f/echoStep, len(p.loss)-1)] }
	for f := range out {
		if out[f] || ov[f] > 1 {
			continue
		}
		// Only where the first rule cannot hear the echo: in 250-1000 Hz
		// it is under this channel's floor, and so is this channel.
		var low float32 = -200
		for g := f - p.lag - 1; g <= f-p.lag+1; g++ {
			if g >= 0 && g < len(b.low) && (bEcho == nil || !bEcho[g]) {
				low = max(low, b.low[g]-l(f))
			}
		}
		if low >= a.lowFloor+echoAudible || a.low[f] > a.lowFloor+echoAudible || a.db[f] < a.floor+lowOverFloor {
			continue
		}
		var e, noise float64
		for k := range nBands {
			var x float64
			for g := f - p.lag - 1; g <= f-p.lag+1; g++ {
				if g >= 0 && g < len(b.db) && (bEcho == nil || !bEcho[g]) {
					x = max(x, float64(b.bands[g*nAll+k]))
				}
			}
			e += p.gain[k] * x / p.lossAt(f)
			noise += p.noise[k]
		}
		if e >= echoBandAudible*noise {
			out[f] = true
		}
	}
}

// keepOwn clears, in the echo mask out, the frames the canceller's
// comparison ov (see over) shows to be a's own sound: a run of ownRun
// marked frames or more over thr (more than the echo alone reaches), and,
// by hysteresis as for the levels of speech, every frame of a run over
// low (more than most of the echo's frames reach) that holds ownRun
// frames or more over thr, marked or not. A word's end during the other
// side's speech is the second kind: its loud frames are over thr, and
// its end decays into the echo, with its own spectrum over the echo's
// but by less than the echo's rarest frames. Frame by frame that end is
// not told from the echo; run by run, after the word, it is
// (fr_ru-blind3s15-rapid, the client's fricative after a vowel while the
// operator speaks: 14 frames 1.8-4.8 times over noise plus echo, 4 of
// them over thr, which is 4.0 there; taken for echo, the pause looked
// 0.63 s long and split the turn under every echo condition).
// Limits: a run whose loud part is under ownRun frames over thr (a short
// syllable in overtalk) is not kept, and an echo frame next to a's own
// speech and over low goes with it (under 10% of the echo's frames).
func keepOwn(out []bool, ov []float64, thr, low float64) {
	n := len(out)
	for f := 0; f < n; {
		if !(out[f] && ov[f] > thr) {
			f++
			continue
		}
		g := f
		for g < n && out[g] && ov[g] > thr {
			g++
		}
		if g-f >= ownRun {
			clear(out[f:g])
		}
		f = g
	}
	for f := 0; f < n; {
		if ov[f] <= low {
			f++
			continue
		}
		g, strong := f, 0
		for g < n && ov[g] > low {
			if ov[g] > thr {
				strong++
			}
			g++
		}
		if strong >= ownRun {
			clear(out[f:g])
		}
		f = g
	}
}

// ownPitch tells whether frame f of a, where b's echo (b's frame g) is
// about as loud as a, is a's own voice: a is voiced, b is voiced at g
// (±1 frame), and a's pitch is none of b's there (within echoPitchTol, or
// in a small-integer ratio to it: a pitch estimate may land on a multiple
// of the period). An echo is a copy of b and has its pitch; a voice of its
// own over the echo (a word's quiet end during overtalk) has another.
func ownPitch(a, b *track, f, g int) bool {
	if a.periodic[f] < echoOwnPeriodic {
		return false
	}
	for h := max(0, g-1); h <= min(len(b.pitch)-1, g+1); h++ {
		if b.periodic[h] < echoOwnPeriodic || samePitch(a.pitch[f], b.pitch[h], echoPitchTol) {
			return false
		}
	}
	return true
}

// samePitch tells whether p is within tol of q times 1 to pitchMultiples,
// 3/2, or their inverses. A pitch estimate may land on a multiple of the
// period: the autocorrelation of a steady vowel peaks at every multiple,
// and periodicity searches lags up to 120 samples (a 240-sample frame:
// 66.7 Hz), four periods of a 276 Hz voice and six of a 400 Hz one. An
// estimate four periods long (69 Hz against the echo's source at 286 Hz)
// read as another voice, left one frame of ru_it-blind7s26-rapid-xtalk20's
// operator channel out of the client's echo, and that frame, 0.51 s after
// the operator's word, was joined to it as talk (0.56 s long, an overtalk
// and an interruption invented). Ratios from pitchMultiples*(1-tol) up are
// all "the same": two voices 3.6 times apart in pitch do not talk.
func samePitch(p, q, tol float32) bool {
	if q <= 0 {
		return false
	}
	r := p / q
	near := func(m float32) bool { return r >= m*(1-tol) && r <= m*(1+tol) }
	if near(1.5) || near(1/1.5) {
		return true
	}
	for m := float32(1); m <= pitchMultiples; m++ {
		if near(m) || near(1/m) {
			return true
		}
	}
	return false
}
