package resample

import (
	"errors"
	"math"
	"testing"
)

func sine(freq float64, rate, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(0.5 * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return s
}

// snr compares got with an ideal sine at rate, skipping the edges where the
// filter sees silence outside the signal.
func snr(got []float32, freq float64, rate int) float64 {
	ideal := sine(freq, rate, len(got))
	var sig, noise float64
	for i := 64; i < len(got)-64; i++ {
		sig += float64(ideal[i]) * float64(ideal[i])
		d := float64(got[i] - ideal[i])
		noise += d * d
	}
	return 10 * math.Log10(sig/noise)
}

func rms(s []float32) float64 {
	var e float64
	for _, v := range s[64 : len(s)-64] {
		e += float64(v) * float64(v)
	}
	return math.Sqrt(e / float64(len(s)-128))
}

func TestResampleSineQuality(t *testing.T) {
	tests := []struct {
		from, to int
		freq     float64
		minSNR   float64
	}{
		{8000, 16000, 300, 60},
		{8000, 16000, 1000, 60},
		{8000, 16000, 3400, 50}, // top of the telephone band
		{16000, 8000, 1000, 60},
		{44100, 16000, 1000, 60},
		{48000, 16000, 2500, 60},
		{11025, 16000, 1500, 60},
	}
	for _, tt := range tests {
		in := sine(tt.freq, tt.from, tt.from) // one second
		out, err := Resample(in, tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) != tt.to {
			t.Errorf("%d->%d: %d samples, want %d", tt.from, tt.to, len(out), tt.to)
		}
		if got := snr(out, tt.freq, tt.to); got < tt.minSNR {
			t.Errorf("%d->%d %.0f Hz: SNR %.1f dB, want >= %.0f", tt.from, tt.to, tt.freq, got, tt.minSNR)
		}
	}
}

// Downsampling must remove what the lower rate cannot carry instead of
// folding it into the speech band.
func TestResampleRejectsAliases(t *testing.T) {
	in := sine(6000, 16000, 16000) // above 4 kHz, the Nyquist of 8 kHz
	out, err := Resample(in, 16000, 8000)
	if err != nil {
		t.Fatal(err)
	}
	if db := 20 * math.Log10(rms(out)/rms(in)); db > -60 {
		t.Errorf("6 kHz tone after 16->8 kHz: %.1f dB, want below -60 dB", db)
	}
}

// Converting a stream block by block gives exactly what converting it at
// once gives: the blocks join without a seam.
func TestStreamingMatchesOneShot(t *testing.T) {
	in := sine(440, 8000, 8000)
	whole, _ := Resample(in, 8000, 16000)
	r, _ := New(8000, 16000)
	var out []float32
	for i, sizes := 0, []int{1, 7, 31, 32, 33, 100, 1000}; i < len(in); {
		n := min(sizes[i%len(sizes)], len(in)-i)
		out = r.Process(out, in[i:i+n])
		i += n
	}
	out = r.Flush(out)[:len(whole)]
	for i := range whole {
		if out[i] != whole[i] {
			t.Fatalf("sample %d: streamed %g, one-shot %g", i, out[i], whole[i])
		}
	}
}

func TestSameRateIsCopy(t *testing.T) {
	in := []float32{0.1, -0.2, 0.3}
	out, err := Resample(in, 8000, 8000)
	if err != nil || len(out) != 3 || out[1] != -0.2 {
		t.Fatalf("got %v, %v", out, err)
	}
}

func TestBadRate(t *testing.T) {
	for _, r := range [][2]int{{0, 16000}, {8000, -1}} {
		if _, err := New(r[0], r[1]); !errors.Is(err, ErrRate) {
			t.Errorf("New(%d, %d): %v, want ErrRate", r[0], r[1], err)
		}
	}
}

func BenchmarkResample8to16(b *testing.B) {
	in := sine(1000, 8000, 8000*60) // one minute
	r, _ := New(8000, 16000)
	out := make([]float32, 0, 2*len(in)+64)
	b.SetBytes(int64(len(in) * 4))
	b.ResetTimer()
	for b.Loop() {
		out = r.Process(out[:0], in)
	}
	b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N)/60, "s/audio-s")
}
