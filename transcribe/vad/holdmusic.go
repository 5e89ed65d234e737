package vad

import (
	"math"
	"slices"
)

// Music at a hold's edges and between its notes (see holdMusic). Under
// line noise the music tests (musicMask) miss a track's quiet passages and
// its first notes, which Silero and the energy runs take for speech. A
// heard hold says what this channel's music sounds like; the channel's
// speech away from the holds says what its speaker sounds like: speech
// found in or next to a hold is kept only where its spectrum is nearer to
// the speaker's than to the music's.
const (
	// holdReach: speech within this many frames of a heard hold is
	// looked at.
	holdReach = 100
	// profileMin: each profile needs at least this many loud frames.
	profileMin = 100
	// profileSmooth: a frame's spectrum is the mean over ±profileSmooth
	// loud frames.
	profileSmooth = 15
	// localMusic: the music within this many frames of a stretch, when
	// at least localMin frames of it are loud, is the music compared.
	localMusic = 200
	localMin   = 30
)

// shape is a frame's spectral shape: its bands in dB less their mean
// (the level does not count, only how the power is spread).
func shape(t *track, f int, out *[nBands]float64) {
	var m float64
	for b := range nBands {
		out[b] = 10 * math.Log10(float64(t.bands[f*nAll+b])+1e-12)
		m += out[b]
	}
	m /= nBands
	for b := range nBands {
		out[b] -= m
	}
}

// holdMusic takes out of one channel's speech what, in or within
// holdReach of a hold heard on it, sounds like the hold's music: a stretch
// inside the hold goes when it is on the whole nearer to the music's
// spectral shape than to the speaker's; a stretch that touches the hold
// loses its frames on the hold's side for as long as they are.
func holdMusic(t *track, echo, music []bool, speech, holds []fspan) []fspan {
	n := len(t.db)
	if len(holds) == 0 || len(speech) == 0 || len(t.bands) < n*nAll {
		return speech
	}
	loud := func(f int) bool { return t.db[f] >= t.floor+highOverFloor && (echo == nil || !echo[f]) }
	nearHold := make([]bool, n)
	for _, h := range holds {
		for f := max(0, h.a-2*holdReach); f < min(n, h.b+2*holdReach); f++ {
			nearHold[f] = true
		}
	}
	var mp, sp [nBands]float64
	var nm, ns int
	var x [nBands]float64
	for f := range n {
		if !loud(f) {
			continue
		}
		if music[f] && nearHold[f] {
			shape(t, f, &x)
			for b := range nBands {
				mp[b] += x[b]
			}
			nm++
		}
	}
	for _, s := range speech {
		for f := s.a; f < s.b; f++ {
			if loud(f) && !nearHold[f] && !music[f] {
				shape(t, f, &x)
				for b := range nBands {
					sp[b] += x[b]
				}
				ns++
			}
		}
	}
	if nm < profileMin || ns < profileMin {
		return speech
	}
	for b := range nBands {
		mp[b] /= float64(nm)
		sp[b] /= float64(ns)
	}
	// d[f]: how much nearer frame f's shape is to the music's than to the
	// speaker's (positive: the music's); only loud frames count. The
	// music's shape is the nearer of the whole holds' music and the music
	// within localMusic frames on the hold's side of the stretch (a track
	// changes over a hold).
	d := make([]float64, n)
	has := make([]bool, n)
	profile := func(a, b int) [nBands]float64 {
		var p [nBands]float64
		k := 0
		for f := max(0, a); f < min(n, b); f++ {
			if loud(f) && music[f] {
				shape(t, f, &x)
				for i := range nBands {
					p[i] += x[i]
				}
				k++
			}
		}
		if k < localMin {
			return mp
		}
		for i := range nBands {
			p[i] /= float64(k)
		}
		return p
	}
	score := func(a, b int, m [nBands]float64) {
		for f := max(0, a); f < min(n, b); f++ {
			if !loud(f) {
				continue
			}
			shape(t, f, &x)
			var ds, dm, dg float64
			for i := range nBands {
				ds += (x[i] - sp[i]) * (x[i] - sp[i])
				dm += (x[i] - m[i]) * (x[i] - m[i])
				dg += (x[i] - mp[i]) * (x[i] - mp[i])
			}
			dm = min(dm, dg)
			d[f], has[f] = ds-dm, true
		}
	}
	for _, s := range speech {
		for _, h := range holds {
			if s.b <= h.a-holdReach || s.a >= h.b+holdReach {
				continue
			}
			var m [nBands]float64
			switch {
			case s.a >= h.a && s.b <= h.b:
				m = profile(s.a-localMusic, s.b+localMusic)
			case s.a < h.a:
				m = profile(s.b, s.b+localMusic)
			default:
				m = profile(s.a-localMusic, s.a)
			}
			score(s.a, s.b, m)
		}
	}
	// smooth is the mean of d over the loud frames within ±profileSmooth
	// of f inside [a, b).
	smooth := func(f, a, b int) (float64, bool) {
		var s float64
		k := 0
		for g := max(a, f-profileSmooth); g < min(b, f+profileSmooth+1); g++ {
			if has[g] {
				s += d[g]
				k++
			}
		}
		if k == 0 {
			return 0, false
		}
		return s / float64(k), true
	}
	out := speech[:0:0]
	for _, s := range speech {
		for _, h := range holds {
			if s.b <= h.a-holdReach || s.a >= h.b+holdReach {
				continue
			}
			switch {
			case s.a >= h.a && s.b <= h.b: // inside the hold
				var sum float64
				k := 0
				for f := s.a; f < s.b; f++ {
					if has[f] {
						sum += d[f]
						k++
					}
				}
				if k > 0 && sum > 0 {
					s.b = s.a
				}
			case s.a < h.a: // before the hold (or across its start): its end
				if silentBetween(t, echo, s.b, h.a) {
					continue
				}
				for s.b > s.a {
					if v, ok := smooth(s.b-1, s.a, s.b); ok && v <= 0 {
						break
					}
					s.b--
				}
			default: // after the hold: its start
				if silentBetween(t, echo, h.b, s.a) {
					continue
				}
				for s.a < s.b {
					if v, ok := smooth(s.a, s.a, s.b); ok && v <= 0 {
						break
					}
					s.a++
				}
			}
		}
		if s.b > s.a {
			out = append(out, s)
		}
	}
	return out
}

// silentBetween tells whether frames [a, b) hold a pause: breathPause
// frames in a row within breathDB of the floor (or echo). Music that the
// music tests missed at a hold's edge sounds on into the stretch beside
// it; a stretch that a pause parts from the hold's music starts (or
// ends) with the speaker, and its edge is not trimmed by the music's
// spectrum (a short first syllable after a hold is too short to be told
// from the music by it).
func silentBetween(t *track, echo []bool, a, b int) bool {
	run := 0
	for f := max(0, a); f < min(len(t.db), b); f++ {
		if t.db[f] >= t.floor+breathDB && (echo == nil || !echo[f]) {
			run = 0
			continue
		}
		if run++; run >= breathPause {
			return true
		}
	}
	return false
}

// Pitch histograms (see afterHold): bins of a sixth of an octave from
// pitchBase Hz, pitchBins of them (50-800 Hz, the periodicity's 60-400 Hz
// and an octave's error either way).
const (
	pitchBase   = 50
	pitchPerOct = 6
	pitchBins   = 4 * pitchPerOct
)

func pitchBin(p float32) int {
	b := int(math.Floor(math.Log2(float64(p)/pitchBase) * pitchPerOct))
	return min(pitchBins-1, max(0, b))
}

// afterHold takes out of the start of a channel's first stretch after a
// heard hold what plays at the hold music's pitches rather than the
// speaker's. A track's quiet passage sinks under the line noise: the
// music tests lose the music there and the hold heard ends early, a rest
// in the track then looks like a pause, and the music's next phrase
// (holdMusic stops at such a pause) is taken for the operator's return.
// Until someone speaks the call is still on hold, so the first stretch
// after a hold, with no speech of either side between, may begin with
// the music; what tells them apart under the noise is the pitch: music
// holds the notes of its melody and bass (a bass line far under a voice),
// a voice keeps to its speaker's range. Each periodic frame scores the
// log-likelihood of its pitch under the hold music's pitch histogram
// against the speaker's (from the channel's speech away from holds); the
// stretch's leading pieces (parted by pauses) whose frames' sum says
// music are taken out, up to the first that says speaker. others are the
// other channels' speech.
func afterHold(t *track, echo, music []bool, speech, holds []fspan, others [][]fspan) []fspan {
	n := len(t.db)
	if len(holds) == 0 || len(speech) == 0 {
		return speech
	}
	scored := func(f int) bool {
		return t.db[f] >= t.floor+highOverFloor && (echo == nil || !echo[f]) && t.periodic[f] >= periodicMin && t.pitch[f] > 0
	}
	nearHold := make([]bool, n)
	inHold := make([]bool, n)
	for _, h := range holds {
		for f := max(0, h.a-2*holdReach); f < min(n, h.b+2*holdReach); f++ {
			nearHold[f] = true
		}
		for f := max(0, h.a); f < min(n, h.b); f++ {
			inHold[f] = true
		}
	}
	var mh, sh [pitchBins]float64
	var nm, ns float64
	for f := range n {
		if inHold[f] && music[f] && scored(f) {
			mh[pitchBin(t.pitch[f])]++
			nm++
		}
	}
	for _, s := range speech {
		for f := s.a; f < s.b; f++ {
			if !nearHold[f] && !music[f] && scored(f) {
				sh[pitchBin(t.pitch[f])]++
				ns++
			}
		}
	}
	if nm < profileMin || ns < profileMin {
		return speech
	}
	// Laplace's rule: a pitch neither histogram has scores 0.
	var llr [pitchBins]float64
	for b := range pitchBins {
		llr[b] = math.Log((mh[b]+1)/(nm+pitchBins)) - math.Log((sh[b]+1)/(ns+pitchBins))
	}
	out := slices.Clone(speech)
	for _, h := range holds {
		i := slices.IndexFunc(out, func(s fspan) bool { return s.a >= h.b })
		if i < 0 {
			continue
		}
		s := &out[i]
		spoken := false
		for _, o := range others {
			for _, x := range o {
				spoken = spoken || (x.b > h.b && x.a < s.a)
			}
		}
		if spoken {
			continue
		}
		// The stretch's pieces, parted by pauses (breathPause frames
		// within breathDB of the floor): the music's phrase and the
		// speaker's first words. A piece goes whole, judged on all its
		// scored frames: a word's first frames alone do not tell.
		quiet := func(f int) bool { return t.db[f] < t.floor+breathDB || (echo != nil && echo[f]) }
		for s.a < s.b {
			end, next, run := s.b, s.b, 0
			for f := s.a; f < s.b; f++ {
				if !quiet(f) {
					if run >= breathPause {
						end, next = f-run, f
						break
					}
					run = 0
					continue
				}
				run++
			}
			var sum float64
			for f := s.a; f < end; f++ {
				if scored(f) {
					sum += llr[pitchBin(t.pitch[f])]
				}
			}
			if sum <= 0 {
				break
			}
			s.a = next
		}
	}
	return slices.DeleteFunc(out, func(s fspan) bool { return s.b <= s.a })
}
