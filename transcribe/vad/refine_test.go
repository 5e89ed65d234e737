package vad

import (
	"math"
	"slices"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// bridge joins two stretches of speech only where quiet syllables span
// the whole pause between them in steps under the gap; a quiet syllable
// never extends a stretch outward.
func TestBridge(t *testing.T) {
	const gap = 60
	tests := []struct {
		name        string
		kept, quiet []fspan
		want        []fspan
	}{
		{"no quiet runs", []fspan{{0, 100}, {200, 300}}, nil, []fspan{{0, 100}, {200, 300}}},
		{"one syllable spans the pause", []fspan{{0, 100}, {200, 300}}, []fspan{{140, 150}}, []fspan{{0, 300}}},
		{"two syllables step across", []fspan{{0, 100}, {210, 300}}, []fspan{{150, 160}, {130, 140}}, []fspan{{0, 300}}},
		{"a syllable too far from the first stretch", []fspan{{0, 100}, {200, 300}}, []fspan{{170, 180}}, []fspan{{0, 100}, {200, 300}}},
		{"a syllable too far from the second stretch", []fspan{{0, 100}, {200, 300}}, []fspan{{110, 120}}, []fspan{{0, 100}, {200, 300}}},
		{"syllables outside the pause extend nothing", []fspan{{100, 200}, {400, 500}}, []fspan{{50, 90}, {210, 220}, {520, 530}}, []fspan{{100, 200}, {400, 500}}},
		{"a syllable overlapping a stretch counts from its end", []fspan{{0, 100}, {200, 300}}, []fspan{{90, 150}}, []fspan{{0, 300}}},
		{"three stretches, one pause bridged", []fspan{{0, 100}, {200, 300}, {500, 600}}, []fspan{{150, 160}, {380, 390}}, []fspan{{0, 300}, {500, 600}}},
		{"a single stretch", []fspan{{0, 100}}, []fspan{{120, 130}}, []fspan{{0, 100}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bridge(slices.Clone(tt.kept), slices.Clone(tt.quiet), gap)
			if !slices.Equal(got, tt.want) {
				t.Errorf("bridge(%v, %v) = %v, want %v", tt.kept, tt.quiet, got, tt.want)
			}
		})
	}
}

// murmur takes in the frames beside a run whose level with the
// fundamental's band is over the low threshold, on a line without
// measured noise only, and not over another side's echo.
func TestMurmur(t *testing.T) {
	// 40 frames; a run at [15, 25). Frames 10-14 and 25-29 have little
	// over 250 Hz (-70 dB) and a strong fundamental (100 times the power
	// of the bands over 250 Hz: +20 dB, -50 dB in all); the rest is
	// silence.
	const n = 40
	tr := &track{db: make([]float32, n), bands: make([]float32, n*nAll), floor: -80}
	for f := range n {
		tr.db[f] = -100
		for k := range nBands {
			tr.bands[f*nAll+k] = 1e-6
		}
		switch {
		case f >= 15 && f < 25:
			tr.db[f] = -20
		case f >= 10 && f < 30:
			tr.db[f] = -70
			tr.bands[f*nAll+nBands] = 100 * nBands * 1e-6
		}
	}
	all := func(int) bool { return true }
	tests := []struct {
		name  string
		noisy bool
		own   func(int) bool
		low   float32
		want  fspan
	}{
		{"murmur on both sides", false, all, -55, fspan{10, 30}},
		{"murmur under the low threshold", false, all, -45, fspan{15, 25}},
		{"a line with measured noise", true, all, -55, fspan{15, 25}},
		{"echo before the run", false, func(f int) bool { return f >= 13 }, -55, fspan{13, 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := noiseModel{ok: tt.noisy}
			if got := m.murmur(tr, tt.own, tt.low, fspan{15, 25}); got != tt.want {
				t.Errorf("murmur = %v, want %v", got, tt.want)
			}
		})
	}
}

// hang carries a run's end over frames that are, on average, over the
// noise's level, and stops where that average less the floor's power is
// under the run's low threshold.
func TestHang(t *testing.T) {
	// Floor -60 dB; the run ends at frame 10; frames 10-19 decay from
	// -40 to -58 dB by 2 dB a frame, then the floor.
	const n = 40
	tr := &track{db: make([]float32, n), floor: -60}
	for f := range n {
		switch {
		case f < 10:
			tr.db[f] = -20
		case f < 20:
			tr.db[f] = -40 - 2*float32(f-10)
		default:
			tr.db[f] = -60
		}
	}
	all := func(int) bool { return true }
	tests := []struct {
		name     string
		own      func(int) bool
		thr, low float32
		want     int
	}{
		// Without a level cap the windows' mean stays over -56.5 dB up to
		// frame 16 (frame 16's window: -55.1 dB; frame 17's: -57.0).
		{"noise threshold only", all, -56.5, -200, 17},
		// Frame 12's window less the floor's power is -47.4 dB, frame
		// 13's -49.5.
		{"capped by the run's low threshold", all, -56.5, -48, 13},
		{"not over the line's noise", all, -30, -200, 10},
		{"not into the other side's echo", func(f int) bool { return f < 12 }, -56.5, -200, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hang(tr, tt.own, tt.thr, tt.low, 10); got != tt.want {
				t.Errorf("hang = %d, want %d", got, tt.want)
			}
		})
	}
}

// vowel is the longest run of periodic frames: a syllable's vowel after
// a consonant that is not.
func TestVowel(t *testing.T) {
	tests := []struct {
		name     string
		periodic []float32
		want     int
	}{
		{"none", []float32{0.2, 0.3, 0.1}, 0},
		{"consonant then vowel", []float32{0.2, 0.3, 0.4, 0.6, 0.8, 0.7, 0.6, 0.5, 0.3}, 5},
		{"two vowels", []float32{0.6, 0.7, 0.2, 0.6, 0.6, 0.6, 0.1}, 3},
		{"all periodic", []float32{0.9, 0.9, 0.9, 0.9}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &track{periodic: tt.periodic}
			if got := vowel(tr, fspan{0, len(tt.periodic)}); got != tt.want {
				t.Errorf("vowel = %d, want %d", got, tt.want)
			}
		})
	}
}

// dipStarts counts a dip where two frames in a row within breathDB of
// the floor (or echo) follow a louder frame.
func TestDipStarts(t *testing.T) {
	const L, Q = -20, -58 // loud; quiet (floor -60)
	tests := []struct {
		name string
		db   []float32
		echo []bool
		want int
	}{
		{"no dip", []float32{L, L, L, L}, nil, 0},
		{"a one-frame dip is no dip", []float32{L, Q, L, L}, nil, 0},
		{"one dip", []float32{L, Q, Q, L}, nil, 1},
		{"a long dip counts once", []float32{L, Q, Q, Q, Q, L}, nil, 1},
		{"two dips", []float32{L, Q, Q, L, L, Q, Q, L}, nil, 2},
		{"echo is a dip", []float32{L, L, L, L}, []bool{false, true, true, false}, 1},
		{"starting quiet is no dip", []float32{Q, Q, L, L}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &track{db: tt.db, floor: -60}
			got := dipStarts(tr, tt.echo)
			if len(got) != len(tt.db)+1 || got[len(tt.db)] != tt.want {
				t.Errorf("dipStarts = %v, want %d dips in all", got, tt.want)
			}
		})
	}
}

// covered is the share of a run inside Silero's stretches.
func TestCovered(t *testing.T) {
	raw := []schemas.Interval{{Start: 0.1, End: 0.3}, {Start: 0.5, End: 0.6}}
	in := rawMask(100, raw)
	tests := []struct {
		r    fspan
		want float64
	}{
		{fspan{10, 30}, 1},
		{fspan{0, 40}, 0.5},
		{fspan{30, 50}, 0},
		{fspan{20, 60}, 0.5},
	}
	for _, tt := range tests {
		if got := covered(in, tt.r); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("covered(%v) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

// silentBetween finds a pause of breathPause frames within breathDB of
// the floor, echo counting as pause; ownFrames counts a span's frames
// that are not echo.
func TestSilentBetweenAndOwnFrames(t *testing.T) {
	n := 60
	db := make([]float32, n)
	for f := range db {
		db[f] = -20
	}
	for f := 10; f < 10+breathPause; f++ { // a pause at [10, 25)
		db[f] = -58
	}
	echo := make([]bool, n)
	for f := 40; f < 40+breathPause; f++ { // echo at [40, 55)
		echo[f] = true
	}
	tr := &track{db: db, floor: -60}
	tests := []struct {
		name string
		a, b int
		echo []bool
		want bool
	}{
		{"the whole pause", 5, 30, nil, true},
		{"part of the pause", 12, 30, nil, false},
		{"loud only", 25, 40, echo, false},
		{"echo is a pause", 35, 60, echo, true},
		{"echo not given", 35, 60, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := silentBetween(tr, tt.echo, tt.a, tt.b); got != tt.want {
				t.Errorf("silentBetween(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
	if got := ownFrames(echo, fspan{30, 50}); got != 10 {
		t.Errorf("ownFrames = %d, want 10", got)
	}
	if got := ownFrames(nil, fspan{30, 50}); got != 20 {
		t.Errorf("ownFrames without echo = %d, want 20", got)
	}
}

// afterHold takes the leading pieces (parted by pauses) of the first
// stretch after a heard hold out when their pitch is the hold music's
// rather than the speaker's, and only while nobody has spoken since the
// hold.
func TestAfterHold(t *testing.T) {
	// 1000 frames, floor -60 dB. The speaker talks at 150 Hz in [0, 150)
	// (far from the hold); the hold [400, 600) plays a bass line at 80 Hz,
	// marked as music. After it: frames [650, 700) per case, a pause at
	// the floor [700, 740), then [740, 800) per case.
	const n = 1000
	build := func(first, second float32) (*track, []bool) {
		tr := &track{db: make([]float32, n), periodic: make([]float32, n), pitch: make([]float32, n), floor: -60}
		music := make([]bool, n)
		set := func(a, b int, pitch float32) {
			for f := a; f < b; f++ {
				tr.db[f], tr.periodic[f], tr.pitch[f] = -25, 0.9, pitch
			}
		}
		for f := range n {
			tr.db[f] = -60
		}
		set(0, 150, 150)
		set(400, 600, 80)
		for f := 400; f < 600; f++ {
			music[f] = true
		}
		set(650, 700, first)
		set(740, 800, second)
		return tr, music
	}
	holds := []fspan{{400, 600}}
	tests := []struct {
		name          string
		first, second float32
		others        [][]fspan
		want          []fspan
	}{
		{"the music's phrase, a rest, then the speaker", 80, 150, nil, []fspan{{0, 150}, {740, 800}}},
		{"the speaker from the start", 150, 150, nil, []fspan{{0, 150}, {650, 800}}},
		{"the speaker, then a note at the music's pitch", 150, 80, nil, []fspan{{0, 150}, {650, 800}}},
		{"music only", 80, 80, nil, []fspan{{0, 150}}},
		{"the other side spoke after the hold", 80, 150, [][]fspan{{{610, 640}}}, []fspan{{0, 150}, {650, 800}}},
		{"the other side spoke before the hold ended", 80, 150, [][]fspan{{{300, 420}}}, []fspan{{0, 150}, {740, 800}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, music := build(tt.first, tt.second)
			speech := []fspan{{0, 150}, {650, 800}}
			got := afterHold(tr, nil, music, speech, holds, tt.others)
			if !slices.Equal(got, tt.want) {
				t.Errorf("afterHold = %v, want %v", got, tt.want)
			}
			if !slices.Equal(speech, []fspan{{0, 150}, {650, 800}}) {
				t.Errorf("afterHold changed its argument: %v", speech)
			}
		})
	}
}

// satellite takes in a word's quiet end consonant up to satelliteGap
// frames from the run, and a burst up to closureGap frames after it (a
// stop's closure) only where there is another channel and its voice is
// not heard in between; the walk ends at that burst.
func TestSatellite(t *testing.T) {
	// A run ending at frame 49 (-20 dB), floor -60; a burst of two frames
	// at -40 dB at a distance per case; low is -45.
	const n = 100
	mk := func(at int) *track {
		tr := &track{db: make([]float32, n), floor: -60}
		for f := range n {
			tr.db[f] = -60
			if f >= 30 && f < 50 {
				tr.db[f] = -20
			}
		}
		if at > 0 {
			tr.db[at], tr.db[at+1] = -40, -40
		}
		return tr
	}
	// voice: the other side loud and periodic on frames [a, b).
	voice := func(a, b int) *track {
		o := &track{db: make([]float32, n), periodic: make([]float32, n), floor: -60}
		for f := range n {
			o.db[f] = -60
			if f >= a && f < b {
				o.db[f], o.periodic[f] = -20, 0.9
			}
		}
		return o
	}
	all := func(int) bool { return true }
	tests := []struct {
		name  string
		burst int
		other *track
		want  int
	}{
		{"no burst", 0, nil, 49},
		{"a burst within satelliteGap", 49 + 12, nil, 62},
		{"a burst after a closure, no other channel", 49 + 17, nil, 49},
		{"a burst after a closure, the other side silent", 49 + 17, voice(80, 90), 67},
		{"a burst after a closure, the other side speaking", 49 + 17, voice(55, 60), 49},
		{"a burst within satelliteGap, the other side speaking", 49 + 12, voice(55, 60), 62},
		{"a burst past closureGap", 49 + closureGap + 3, voice(90, 95), 49},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := satellite(mk(tt.burst), tt.other, all, -45, 49, +1); got != tt.want {
				t.Errorf("satellite = %d, want %d", got, tt.want)
			}
		})
	}
}

// echoFree keeps the frames where the other side's echo, by the line's
// echo path, is echoQuiet dB or more under this channel's floor; on a
// line without an echo path, every frame.
func TestEchoFree(t *testing.T) {
	// This channel's floor in the 250-1000 Hz band is -60 dB; the other
	// side speaks at -30 dB in frames 10-19 and is at -80 dB elsewhere.
	const n = 40
	a := &track{db: make([]float32, n), low: make([]float32, n), lowFloor: -60}
	b := &track{db: make([]float32, n), low: make([]float32, n), lowFloor: -80}
	for f := range n {
		b.low[f] = -80
		if f >= 10 && f < 20 {
			b.low[f] = -30
		}
	}
	loss := func(db float32) []float32 { return []float32{db, db} }
	tests := []struct {
		name   string
		path   echoLine
		echoAt fspan // the frames that carry echo; the others are free
	}{
		{"no echo path", echoLine{}, fspan{}},
		// Echo at -30-25 = -55 dB, over -60-6, 2 frames late (±1): frames
		// 10+2-1 to 19+2+1.
		{"echo 25 dB down, 2 frames late", echoLine{lag: 2, loss: loss(25), ok: true}, fspan{11, 23}},
		// Echo at -30-40 = -70 dB: under the floor by more than echoQuiet.
		{"echo 40 dB down", echoLine{lag: 2, loss: loss(40), ok: true}, fspan{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := echoFree(a, b, tt.path)
			for f := range n {
				want := f < tt.echoAt.a || f >= tt.echoAt.b
				if got[f] != want {
					t.Errorf("frame %d: free %v, want %v", f, got[f], want)
				}
			}
		})
	}
	if got := echoFree(a, nil, echoLine{}); slices.Contains(got, false) {
		t.Errorf("one channel alone: %v, want every frame free", got)
	}
}

// hiddenEcho marks where the other side's echo would be on a line with no
// echo path: from the other channel's sound to echoMaxLag+1 frames after;
// nothing with a path or without the other channel.
func TestHiddenEcho(t *testing.T) {
	const n = 100
	other := &track{low: make([]float32, n), lowFloor: -60}
	for f := range n {
		other.low[f] = -60
		if f >= 10 && f < 20 {
			other.low[f] = -30
		}
	}
	got := hiddenEcho(other, echoLine{}, n)
	for f := range n {
		want := f >= 10 && f <= 19+echoMaxLag+1
		if got[f] != want {
			t.Errorf("frame %d: sounding %v, want %v", f, got[f], want)
		}
	}
	if got := hiddenEcho(other, echoLine{ok: true}, n); got != nil {
		t.Errorf("with an echo path: %v, want nil", got)
	}
	if got := hiddenEcho(nil, echoLine{}, n); got != nil {
		t.Errorf("without the other channel: %v, want nil", got)
	}
}

// echoHeard: the noise where the other side sounds is hiddenEchoDB or more
// louder in the 250-1000 Hz band than where it is silent.
func TestEchoHeard(t *testing.T) {
	tests := []struct {
		name  string
		ratio float64 // sounding over silent, in the low bands
		want  bool
	}{
		{"no echo: the same noise", 1, false},
		{"sampling: 0.2 dB", math.Pow(10, 0.02), false},
		{"echo at the noise: 3 dB", 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var nq, ns noiseModel
			for k := range nAll {
				nq.band[k], ns.band[k] = 1e-6, 1e-6
				if k < lowBands {
					ns.band[k] *= tt.ratio
				}
			}
			if got := echoHeard(nq, ns); got != tt.want {
				t.Errorf("echoHeard = %v, want %v", got, tt.want)
			}
		})
	}
}

// heard takes the fundamental's test of a frame where the other side is
// silent from the quiet noise (noiseModel.quiet) and of a frame where it
// sounds from the noise with its echo.
func TestHeardTakesTheQuietNoiseWhereTheOtherSideIsSilent(t *testing.T) {
	const n = 20
	tr := &track{db: make([]float32, n), bands: make([]float32, n*nAll)}
	for f := range n {
		tr.db[f] = -40
		for k := range nAll {
			tr.bands[f*nAll+k] = 2e-6 // twice the noise in every band
		}
	}
	m := noiseModel{thr: 10, thrFund: 3, ok: true} // the noise with echo: 2 is not heard
	q := noiseModel{thr: 10, thrFund: 1.5, ok: true}
	for k := range nAll {
		m.band[k], q.band[k] = 1e-6, 1e-6
	}
	sounding := make([]bool, n)
	for f := 10; f < n; f++ {
		sounding[f] = true
	}
	m.quiet, m.sounding = &q, sounding
	if !m.heard(tr, -100, 5) {
		t.Error("frame 5, the other side silent: not heard against the quiet noise")
	}
	if m.heard(tr, -100, 15) {
		t.Error("frame 15, the other side sounding: heard, want the noise with its echo to hold it")
	}
	m.quiet = nil
	if m.heard(tr, -100, 5) {
		t.Error("frame 5 without a quiet noise: heard")
	}
}

// breathEdges takes off a run's ends only the frames that are both
// aperiodic and breathUnderPeak dB or more under the run's loudest
// frame; it stops at the first frame that is not, and a run of breath
// alone comes out empty.
func TestBreathEdges(t *testing.T) {
	const peak = -20
	// frame is one frame's level and periodicity.
	type frame struct {
		db, periodic float32
	}
	breath := frame{peak - breathUnderPeak - 3, 0.3} // aperiodic, 31 dB under
	vowel := frame{peak, 0.9}
	fricative := frame{peak - 15, 0.2}                  // aperiodic, loud
	decay := frame{peak - breathUnderPeak - 5, 0.8}     // quiet, periodic
	atDepth := frame{peak - breathUnderPeak + 0.5, 0.2} // aperiodic, just over the depth
	tests := []struct {
		name   string
		frames []frame
		depth  float32 // 0: breathUnderPeak
		want   fspan   // in frames of the run [0, len(frames))
	}{
		{"no breath", []frame{vowel, vowel, vowel}, 0, fspan{0, 3}},
		{"a breath before the word", []frame{breath, breath, breath, vowel, vowel}, 0, fspan{3, 5}},
		{"room tone after the word", []frame{vowel, vowel, breath, breath}, 0, fspan{0, 2}},
		{"both ends", []frame{breath, vowel, fricative, breath}, 0, fspan{1, 3}},
		{"a loud fricative stays", []frame{fricative, vowel, fricative}, 0, fspan{0, 3}},
		{"a quiet periodic decay stays", []frame{vowel, decay, decay}, 0, fspan{0, 3}},
		{"aperiodic but less deep stays", []frame{atDepth, vowel, atDepth}, 0, fspan{0, 3}},
		{"breath past a frame that stays is kept", []frame{breath, fricative, breath, vowel}, 0, fspan{1, 4}},
		{"breath alone", []frame{breath, breath}, 0, fspan{2, 2}},
		{"under line noise, a deeper depth keeps it", []frame{breath, vowel, breath}, breathUnderPeak + 5, fspan{0, 3}},
		{"under line noise, deeper still is taken off", []frame{decay, vowel, breath}, breathUnderPeak + 2, fspan{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The run sits at frame 10 of a track with silence around it.
			const at = 10
			n := at + len(tt.frames) + 10
			tr := &track{db: make([]float32, n), periodic: make([]float32, n), floor: -80}
			for f := range n {
				tr.db[f] = -100
			}
			for i, fr := range tt.frames {
				tr.db[at+i], tr.periodic[at+i] = fr.db, fr.periodic
			}
			depth := tt.depth
			if depth == 0 {
				depth = breathUnderPeak
			}
			got := breathEdges(tr, fspan{at, at + len(tt.frames)}, peak, depth)
			if want := (fspan{at + tt.want.a, at + tt.want.b}); got != want {
				t.Errorf("breathEdges = %v, want %v", got, want)
			}
		})
	}
}

// joinRuns judges the pauses on the runs' spans and takes each stretch's
// edges from its runs' edges, so that a breath taken off an edge never
// splits a turn.
func TestJoinRuns(t *testing.T) {
	const gap = 60
	run := func(a, b int) edgedRun { return edgedRun{fspan{a, b}, fspan{a, b}} }
	tests := []struct {
		name string
		runs []edgedRun
		want []fspan
	}{
		{"runs without breath join as spans do", []edgedRun{run(0, 100), run(150, 200), run(300, 400)}, []fspan{{0, 200}, {300, 400}}},
		{"the edges of a stretch are its runs' edges", []edgedRun{{fspan{0, 100}, fspan{5, 100}}, {fspan{150, 200}, fspan{150, 190}}}, []fspan{{5, 190}}},
		// The pause between the spans is 50 frames (one turn); between
		// the edges it would be 70.
		{"trimmed edges never split a turn", []edgedRun{{fspan{0, 100}, fspan{0, 90}}, {fspan{150, 200}, fspan{160, 200}}}, []fspan{{0, 200}}},
		{"a run of breath alone gives no edge", []edgedRun{{fspan{0, 20}, fspan{20, 20}}, run(40, 100)}, []fspan{{40, 100}}},
		{"an outer edge of an inner run counts", []edgedRun{{fspan{0, 100}, fspan{10, 60}}, run(50, 90)}, []fspan{{10, 90}}},
		{"a stretch of breath alone keeps its span", []edgedRun{{fspan{0, 20}, fspan{20, 20}}}, []fspan{{0, 20}}},
		{"runs out of order", []edgedRun{run(300, 400), {fspan{0, 100}, fspan{3, 97}}}, []fspan{{3, 97}, {300, 400}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinRuns(slices.Clone(tt.runs), gap); !slices.Equal(got, tt.want) {
				t.Errorf("joinRuns(%v) = %v, want %v", tt.runs, got, tt.want)
			}
		})
	}
}

// voiced counts a span's periodic frames among its own loud ones: over
// the floor by highOverFloor and within highUnderPeak of the span's
// loudest own frame, so that on a line of digital silence the quiet,
// aperiodic sounds around a vowel (a fricative, a breath) do not dilute
// it, and a loud aperiodic sound is not made a voice by a quiet periodic
// one beside it.
func TestVoiced(t *testing.T) {
	type part struct {
		n         int
		db, per   float32
		otherEcho bool
	}
	build := func(floor float32, parts []part) (*track, []bool) {
		tr := &track{floor: floor}
		var echo []bool
		for _, p := range parts {
			for range p.n {
				tr.db = append(tr.db, p.db)
				tr.periodic = append(tr.periodic, p.per)
				echo = append(echo, p.otherEcho)
			}
		}
		return tr, echo
	}
	tests := []struct {
		name  string
		floor float32
		parts []part
		want  float64
	}{
		// 5 vowel frames and 25 of a fricative 30 dB under them: 5 of 30
		// (0.17, under minVoiced) when every frame over -68 dB counted.
		{"a vowel and a long quiet fricative on digital silence", -80, []part{{5, -25, 0.8, false}, {25, -55, 0.3, false}}, 1},
		{"the same under line noise", -60, []part{{5, -25, 0.8, false}, {25, -55, 0.3, false}}, 1},
		{"a cough on digital silence", -80, []part{{20, -30, 0.3, false}}, 0},
		// A quiet hum after a cough: 20 of 30 periodic when the quiet
		// frames counted.
		{"a cough with a quiet periodic hum after it", -80, []part{{10, -25, 0.3, false}, {20, -60, 0.7, false}}, 0},
		{"half the vowels periodic", -80, []part{{4, -30, 0.8, false}, {4, -32, 0.4, false}, {10, -70, 0.1, false}}, 0.5},
		// The other side's echo is neither counted nor the peak the
		// frames are measured against.
		{"the loudest frames are the other side's echo", -80, []part{{10, -10, 0.9, true}, {10, -45, 0.8, false}}, 1},
		{"only echo", -80, []part{{10, -10, 0.9, true}}, 0},
		{"nothing over the floor's margin", -80, []part{{10, -75, 0.9, false}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, echo := build(tt.floor, tt.parts)
			if got := voiced(tr, echo, fspan{0, len(tr.db)}, periodicMin); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("voiced = %v, want %v", got, tt.want)
			}
		})
	}
}

// The cover test (coverMin) is of a run's own frames: a long run of
// sound that Silero mostly leaves out is dropped (music on hold), on
// digital silence and under line noise alike; a short run inside Silero's
// stretch is kept with the quiet consonants its walk (satellite) takes in
// beyond the stretch, however far (en_ru-blind10s36-dialogue: a client's
// first 0.8 s of a turn on clean audio, 58% covered with its consonants,
// lost when they counted).
func TestCoverIsOfTheRunItself(t *testing.T) {
	const n = 400
	// Silero's stretch: frames 100-129.
	raw := []schemas.Interval{{Start: 1.0, End: 1.3}}
	vowel := func(tr *track, a, b int) {
		for f := a; f < b; f++ {
			tr.db[f], tr.periodic[f], tr.pitch[f] = -20, 0.9, 150
		}
	}
	consonant := func(tr *track, a, b int) {
		for f := a; f < b; f++ {
			tr.db[f], tr.periodic[f] = -40, 0.3
		}
	}
	tests := []struct {
		name  string
		noisy bool
		sound func(tr *track)
		want  fspan // none kept when empty
	}{
		// A vowel inside the stretch and pairs of consonant frames 12
		// frames apart on either side (64-166: 102 frames, 29% covered).
		{"consonants walked beyond the stretch, digital silence", false, func(tr *track) {
			vowel(tr, 100, 130)
			for _, a := range []int{64, 76, 88, 140, 152, 164} {
				consonant(tr, a, a+2)
			}
		}, fspan{64, 166}},
		// 110 frames of periodic sound, 27% covered.
		{"a long run mostly outside the stretch, digital silence", false, func(tr *track) { vowel(tr, 60, 170) }, fspan{}},
		{"a long run mostly outside the stretch, line noise", true, func(tr *track) { vowel(tr, 60, 170) }, fspan{}},
		{"a run under coverMinLen, half beyond the stretch", false, func(tr *track) { vowel(tr, 100, 130); consonant(tr, 130, 160) }, fspan{100, 160}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &track{db: make([]float32, n), bands: make([]float32, n*nAll), floor: minFloorDB}
			for f := range n {
				tr.db[f] = -120
			}
			if tt.noisy {
				tr = noiseTrack(n, nil, 3)
			}
			tr.periodic, tr.pitch = make([]float32, n), make([]float32, n)
			tt.sound(tr)
			got := channelSpeech(tr, nil, echoLine{}, nil, make([]bool, n), raw, Config{}.withDefaults())
			if tt.want == (fspan{}) {
				if len(got) > 0 {
					t.Errorf("speech %v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("speech %v, want [%v]", got, tt.want)
			}
		})
	}
}
