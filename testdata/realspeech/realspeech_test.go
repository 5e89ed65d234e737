package realspeech

import (
	"bytes"
	"errors"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/callscope/callscope/schemas"
)

func needSounds(t testing.TB) {
	t.Helper()
	if err := Available(); errors.Is(err, ErrNoSounds) {
		t.Skip(err)
	}
}

// The committed truth.json is what the generator makes from the installed
// Debian packages: a change of either shows here (regenerate with
// `go run ./testdata/realspeech/gen`).
func TestTruthMatchesGenerator(t *testing.T) {
	needSounds(t)
	truths, err := BaseTruths()
	if err != nil {
		t.Fatal(err)
	}
	got, err := MarshalTruths(truths)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("truth.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("truth.json differs from what the generator makes now; run go run ./testdata/realspeech/gen and review the diff")
	}
}

// Every call of the set builds, twice the same; its impaired channels keep
// the clean call's length, and the truth holds what the scenario promises.
func TestSetBuildsDeterministically(t *testing.T) {
	needSounds(t)
	set := Set()
	if len(set) != 46*3*12+46*2 {
		t.Fatalf("%d calls in the set", len(set))
	}
	for _, name := range []string{"ru-tune1-dialogue-clean", "en-holdout4-hold-all", "ru-holdout3-rapid-snr20_xtalk25"} {
		sp, ok := Find(name)
		if !ok {
			t.Fatalf("%s not in the set", name)
		}
		a, err := Build(sp)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Build(sp)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.WAV, b.WAV) {
			t.Errorf("%s: two builds differ", name)
		}
		if n := len(a.Channels[0]); math.Abs(float64(n)/Rate-a.Truth.Duration) > 0.001 {
			t.Errorf("%s: %d samples, truth says %.3f s", name, n, a.Truth.Duration)
		}
	}
	for _, tr := range mustTruths(t) {
		p := tr.Parameters
		switch tr.Scenario {
		case Dialogue:
			if p["overtalk_count"] != 2 || p["interruptions_operator"] != 1 || p["interruptions_client"] != 1 {
				t.Errorf("%s: %v, want two overtalks, one by each side", tr.Name, p)
			}
		case Rapid, Hold:
			if p["overtalk_count"] != 1 || p["interruptions_operator"] != 1 {
				t.Errorf("%s: %v, want one overtalk by the operator", tr.Name, p)
			}
		}
		if tr.Scenario == Hold && len(tr.Holds) != 1 {
			t.Errorf("%s: holds %v", tr.Name, tr.Holds)
		}
		// Speech on a side is never closer than TurnPause to its next
		// speech: bridging is part of the truth.
		for _, side := range [][]schemas.Interval{tr.Operator, tr.Client} {
			for i := 1; i < len(side); i++ {
				if side[i].Start-side[i-1].End < TurnPause {
					t.Errorf("%s: spans %v and %v closer than %.1f s", tr.Name, side[i-1], side[i], TurnPause)
				}
			}
		}
	}
}

func mustTruths(t *testing.T) []Truth {
	truths, err := BaseTruths()
	if err != nil {
		t.Fatal(err)
	}
	return truths
}

// G.711 round trip: the encoders invert the decoder's tables within one
// quantization step, and the decoder (transcribe/wav) reads what they
// write.
func TestG711(t *testing.T) {
	for _, format := range []string{"mulaw", "alaw", "pcm16"} {
		var ch [2][]float32
		for c := range ch {
			ch[c] = make([]float32, Rate/10)
			for i := range ch[c] {
				ch[c][i] = float32(0.5 * math.Sin(float64(i*(c+1))/7))
			}
		}
		got, _ := encode(ch, format)
		for c := range ch {
			for i, v := range ch[c] {
				// G.711 steps are at most 1/32 of the magnitude (plus the
				// smallest step near zero).
				if d := math.Abs(float64(got[c][i] - v)); d > math.Abs(float64(v))/16+0.002 {
					t.Fatalf("%s: sample %d: %f became %f", format, i, v, got[c][i])
				}
			}
		}
	}
}

// Scoring: a detection equal to the truth scores perfectly.
func TestCompareTruthWithItself(t *testing.T) {
	needSounds(t)
	for _, tr := range mustTruths(t) {
		s := Compare(tr, Detected{Operator: tr.Operator, Client: tr.Client, HoldDetected: tr.Holds})
		if s.Within03 != len(Seconds) || s.CountErrors != 0 {
			t.Errorf("%s: %+v", tr.Name, s)
		}
		for _, b := range s.Boundaries {
			if b != 0 {
				t.Errorf("%s: boundary error %f", tr.Name, b)
			}
		}
	}
}

// The edge rule: a true pause within EdgeTol of TurnPause counts as the
// detection takes it; any other pause as the truth has it.
func TestEdgeRule(t *testing.T) {
	iv := func(a, b float64) schemas.Interval { return schemas.Interval{Start: a, End: b} }
	tr := Truth{Duration: 20,
		Operator:   []schemas.Interval{iv(1, 3), iv(3.65, 5), iv(10, 12)},
		Client:     []schemas.Interval{iv(6, 9.5)},
		EdgePauses: []EdgePause{{Role: "operator", Start: 3, End: 3.65}, {Role: "client", Start: 7, End: 7.55}},
	}
	tr.Parameters = Parameters(tr.Operator, tr.Client, tr.Duration)
	for _, tt := range []struct {
		name             string
		operator, client []schemas.Interval
		talk             float64 // the truth's talk_operator
	}{
		{"as the truth", tr.Operator, tr.Client, 5.35},
		{"operator bridged", []schemas.Interval{iv(1, 5), iv(10, 12)}, tr.Client, 6},
		{"client split", tr.Operator, []schemas.Interval{iv(6, 7), iv(7.55, 9.5)}, 5.35},
		{"both", []schemas.Interval{iv(1, 5), iv(10, 12)}, []schemas.Interval{iv(6, 7), iv(7.55, 9.5)}, 6},
	} {
		s := Compare(tr, Detected{Operator: tt.operator, Client: tt.client})
		if s.Within03 != len(Seconds) || s.CountErrors != 0 || math.Abs(s.Truth["talk_operator"]-tt.talk) > 1e-9 {
			t.Errorf("%s: truth %v, got %v", tt.name, s.Truth, s.Got)
		}
		for _, b := range s.Boundaries {
			if b != 0 {
				t.Errorf("%s: boundary error %f", tt.name, b)
			}
		}
	}
	// A pause outside the edge is not resolved: bridging 10 s of silence
	// costs it.
	s := Compare(tr, Detected{Operator: []schemas.Interval{iv(1, 12)}, Client: tr.Client})
	if s.Within03 == len(Seconds) {
		t.Errorf("a pause of 5 s bridged scores as right: %v", s.Got)
	}
}

// The blind4 music's decoding: raw 8-bit unsigned stereo, the mean of the
// two channels, 128 the zero.
func TestStereo8ToMono(t *testing.T) {
	got := stereo8ToMono([]byte{128, 128, 255, 1, 0, 0, 192, 192, 7})
	want := []float32{0, 0, -1, 0.5} // an odd last byte is half a frame
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// resample keeps the telephone band and does not fold what is above 4 kHz
// back into it: a tone at 22050 Hz (the xblast songs) or 44.1 kHz (the
// frozen-bubble songs) comes out at 8 kHz with its level, or, above the
// cut, as no alias of any level.
func TestResample(t *testing.T) {
	for _, from := range []int{xblastRate, 44100} {
		testResample(t, from)
	}
}

func testResample(t *testing.T, from int) {
	for _, tt := range []struct {
		hz           float64
		minDB, maxDB float64 // the output's RMS against the input's
	}{
		{300, -0.05, 0.05},
		{1000, -0.05, 0.05},
		{3000, -0.5, 0.05},
		{4600, -200, -60}, // would alias to 3400 Hz
		{6000, -200, -60}, // would alias to 2000 Hz
		{9000, -200, -60}, // would alias to 1000 Hz
	} {
		in := make([]float32, 2*from)
		for i := range in {
			in[i] = float32(0.5 * math.Sin(2*math.Pi*tt.hz*float64(i)/float64(from)))
		}
		out := resample(in, from)
		if len(out) != 2*Rate {
			t.Fatalf("from %d Hz: %.0f Hz: %d samples from 2 s, want %d", from, tt.hz, len(out), 2*Rate)
		}
		// The RMS away from the ends, where the kernel runs off the input.
		var e float64
		mid := out[Rate/10 : len(out)-Rate/10]
		for _, v := range mid {
			e += float64(v) * float64(v)
		}
		db := 10*math.Log10(e/float64(len(mid))+1e-30) - 10*math.Log10(0.125)
		if db < tt.minDB || db > tt.maxDB {
			t.Errorf("from %d Hz: %.0f Hz: %.2f dB, want %.2f to %.2f", from, tt.hz, db, tt.minDB, tt.maxDB)
		}
	}
}
