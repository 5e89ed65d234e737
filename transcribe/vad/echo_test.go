package vad

import (
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
