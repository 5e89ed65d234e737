package wav

import (
	"math"
	"os"
	"testing"
)

// TestMask: in every encoding the masked span is silent (or the tone) in
// its channel, and every other byte is the original's.
func TestMask(t *testing.T) {
	// The shipped calls: PCM16, A-law and mu-law, 8 kHz stereo.
	for _, name := range []string{"01_polite_model", "02_complaint", "08_negated_complaint"} {
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile("../../testdata/calls/" + name + ".wav")
			if err != nil {
				t.Fatal(err)
			}
			spans := []Span{{Channel: 1, Start: 0.25, End: 0.5}}
			for _, mode := range []MaskMode{MaskSilence, MaskTone} {
				if r, _ := Parse(orig); r.SampleRate != 8000 {
					t.Fatalf("%d Hz", r.SampleRate)
				}
				out, err := Mask(orig, spans, mode)
				if err != nil {
					t.Fatal(err)
				}
				if len(out) != len(orig) {
					t.Fatalf("length %d, want %d", len(out), len(orig))
				}
				r, _ := Parse(orig)
				m, err := Parse(out)
				if err != nil {
					t.Fatal(err)
				}
				got := make([]float32, m.Frames())
				m.Channel(1).Read(got, 0)
				want := make([]float32, r.Frames())
				r.Channel(1).Read(want, 0)
				for i := range got {
					in := i >= 2000 && i < 4000
					switch {
					case in && mode == MaskSilence && math.Abs(float64(got[i])) > 0.001:
						t.Fatalf("%v: sample %d is %v, want silence", mode, i, got[i])
					case in && mode == MaskTone && math.Abs(float64(got[i])) > 0.11:
						t.Fatalf("%v: sample %d is %v, want the tone", mode, i, got[i])
					case !in && got[i] != want[i]:
						t.Fatalf("%v: sample %d outside the span changed", mode, i)
					}
				}
				// Byte-equal outside the span's bytes.
				bps := r.blockAlign / r.channels
				for off := range orig {
					rel := off - r.dataOff
					inSpan := rel >= 0 && rel/r.blockAlign >= 2000 && rel/r.blockAlign < 4000 && rel%r.blockAlign/bps == 1
					if !inSpan && out[off] != orig[off] {
						t.Fatalf("byte %d outside the span changed", off)
					}
				}
			}
		})
	}
	if _, err := Mask([]byte("not a wav"), nil, MaskSilence); err == nil {
		t.Error("not a WAV: no error")
	}
}
