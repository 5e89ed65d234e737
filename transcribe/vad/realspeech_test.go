package vad_test

import (
	"errors"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/testdata/realspeech"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// BenchmarkDetectCall reports the cost of VAD plus refinement (echo,
// music, holds) on a two-channel call of real speech with line noise and
// echo (testdata/realspeech ru-tune1-dialogue-snr20_xtalk25, 45 s, 8 kHz
// mu-law): RTF is wall time per second of audio, cpu-RTF/channel the
// process's CPU time per second of one channel (the channels run in
// parallel, so wall time hides half the work).
func BenchmarkDetectCall(b *testing.B) {
	d, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		b.Skipf("Silero VAD not available: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	if err := realspeech.Available(); err != nil {
		b.Skip(err)
	}
	sp, _ := realspeech.Find("ru-tune1-dialogue-snr20_xtalk25")
	c, err := realspeech.Build(sp)
	if err != nil {
		b.Fatal(err)
	}
	chans := []wav.Samples{wav.Floats(c.Channels[0]), wav.Floats(c.Channels[1])}
	audio := time.Duration(c.Truth.Duration * float64(time.Second))
	cpu0 := testenv.ProcessCPU()
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.DetectCall(b.Context(), chans, realspeech.Rate); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu := testenv.ProcessCPU() - cpu0
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(audio), "RTF")
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(audio)/2, "cpu-RTF/channel")
}
