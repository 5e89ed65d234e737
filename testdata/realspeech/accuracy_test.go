package realspeech_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/testdata/realspeech"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// detect runs vad.DetectCall over the tune and held-out calls of the set
// with the given impairments and scores them against the truth.
func detect(t *testing.T, impairments ...string) []realspeech.Score {
	t.Helper()
	return detectSplits(t, []string{realspeech.SplitTune, realspeech.SplitHoldout}, impairments...)
}

// detectSplits is detect over the calls of the given splits.
func detectSplits(t *testing.T, splits []string, impairments ...string) []realspeech.Score {
	t.Helper()
	if err := realspeech.Available(); err != nil {
		t.Skip(err)
	}
	d, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		t.Skipf("Silero VAD not available (scripts/setup.sh vad): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var scores []realspeech.Score
	for _, sp := range realspeech.Set() {
		if !slices.Contains(impairments, sp.Impairment) || !slices.Contains(splits, sp.Split) {
			continue
		}
		c, err := realspeech.Build(sp)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := d.DetectCall(t.Context(), []wav.Samples{wav.Floats(c.Channels[0]), wav.Floats(c.Channels[1])}, realspeech.Rate)
		if err != nil {
			t.Fatal(err)
		}
		scores = append(scores, realspeech.Compare(c.Truth, realspeech.Detected{Operator: cs.Speech[0], Client: cs.Speech[1], HoldDetected: cs.Holds}))
	}
	return scores
}

// The targets of issue 17 on real speech: talk per channel and total
// silence within 0.3 s of the truth, boundaries within 0.1 s (median),
// overtalk and interruption counts exact. On clean audio they hold on
// every call, tuned and held out, and at SNR 20 dB with echo 25 dB down
// too, since the word-end walk goes through the other side's echo (the
// seventh round: the held-out calls had been held within 0.5 s, an
// English client's word end during the operator's speech 0.32 s short;
// before the word-end test up to 0.9 s); the counts are exact (an English
// overtalk was missed until the echo canceller's comparison).
// Echo 60-250 ms late (echo_long) and echo whose level wanders by ±6 dB
// (echo_vary) never become overtalk; their talk values hold the clean
// targets on tuned and held-out calls alike (held out: 0.5 s until the
// hangover was capped at the run's low threshold; now at most 0.21 s off).
func TestTimingOnRealSpeech(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 48 calls")
	}
	tests := []struct {
		impairment   string
		holdoutTol   float64
		holdoutExact bool
		// minWithin03 of the 36 values (3 a call) are within 0.3 s.
		minWithin03 int
	}{
		{"clean", 0.3, true, 36},
		// 36 since the word-end walk goes through the echo (35 since the
		// word-end threshold is the noise's mean and spread, 32 before:
		// en-holdout4-dialogue and -rapid, client and silence). Counts
		// exact since the echo canceller's comparison (echo.go): the
		// client's word end during the operator's speech was taken for
		// echo and its overtalk missed.
		{"snr20_xtalk25", 0.3, true, 36},
		{"echo_long", 0.3, true, 36},
		{"echo_vary", 0.3, true, 36},
	}
	for _, tt := range tests {
		t.Run(tt.impairment, func(t *testing.T) {
			scores := detect(t, tt.impairment)
			var within03, values int
			for _, s := range scores {
				tol, exact := 0.3, true
				if s.Spec.Split == realspeech.SplitHoldout {
					tol, exact = tt.holdoutTol, tt.holdoutExact
				}
				for _, name := range []string{"talk_operator", "talk_client", "silence_total"} {
					e := math.Abs(s.Got[name] - s.Truth[name])
					values++
					if e <= 0.3 {
						within03++
					}
					if e > tol {
						t.Errorf("%s: %s = %.3f, truth %.3f (want within %.2f s)", s.Spec.Name, name, s.Got[name], s.Truth[name], tol)
					}
				}
				for _, name := range []string{"overtalk_count", "interruptions_operator", "interruptions_client"} {
					if exact && s.Got[name] != s.Truth[name] {
						t.Errorf("%s: %s = %g, truth %g", s.Spec.Name, name, s.Got[name], s.Truth[name])
					}
				}
			}
			if within03 < tt.minWithin03 {
				t.Errorf("%d of %d talk and silence values within 0.3 s, want at least %d", within03, values, tt.minWithin03)
			}
			rows := realspeech.Summarize(scores, realspeech.ByImpairment)
			if len(rows) != 1 || rows[0].Calls != 12 {
				t.Fatalf("rows %+v, want 12 calls", rows)
			}
			if m := rows[0].BoundaryMedian; m > 0.1 {
				t.Errorf("boundary error median %.3f s, want at most 0.1", m)
			}
			t.Logf("%s: %d of %d talk and silence values within 0.3 s; boundary error median %.3f s, p90 %.3f s",
				tt.impairment, within03, values, rows[0].BoundaryMedian, rows[0].BoundaryP90)
		})
	}
}

// Music on hold, ringback, IVR beeps and DTMF are never talk, and mark the
// hold they play in; coughs, clicks and line crackle are never talk; no
// hold is heard where there is none.
func TestNonSpeechOnRealCalls(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 20 calls")
	}
	scores := detect(t, "moh", "tones", "bursts")
	if len(scores) != 20 {
		t.Fatalf("%d calls, want 20", len(scores))
	}
	for _, s := range scores {
		if s.HoldTalk > 0.05 {
			t.Errorf("%s: %.2f s of hold audio counted as operator talk", s.Spec.Name, s.HoldTalk)
		}
		if s.HoldsFound != s.HoldsWithAudio {
			t.Errorf("%s: %d of %d holds heard", s.Spec.Name, s.HoldsFound, s.HoldsWithAudio)
		}
		// A detected hold may run a frame or two past the music.
		if s.FalseHold > 0.2 {
			t.Errorf("%s: %.2f s of hold heard where there is none", s.Spec.Name, s.FalseHold)
		}
		if strings.HasSuffix(s.Spec.Name, "-bursts") && s.CountErrors != 0 {
			t.Errorf("%s: noises changed the counts: %v, truth %v", s.Spec.Name, s.Got, s.Truth)
		}
	}
}

// Music on hold under everything at once (SNR 20 dB, echo 25 dB down,
// coughs and clicks, A-law): the music tests miss a track's quiet passages
// and its first notes there; what the hold's music sounds like (vad's
// holdMusic) and that music plays on without a breath (breathless) take
// them out. Every hold is heard and no music is talk (before holdMusic a
// held-out call counted 2.7 s, a tune call 0.8 s).
func TestMusicOnHoldUnderNoise(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 12 calls")
	}
	var holds int
	for _, s := range detect(t, "all") {
		if s.Spec.Scenario != realspeech.Hold {
			if s.FalseHold > 0.2 {
				t.Errorf("%s: %.2f s of hold heard where there is none", s.Spec.Name, s.FalseHold)
			}
			continue
		}
		holds++
		if s.HoldTalk > 0.1 {
			t.Errorf("%s: %.2f s of music counted as operator talk", s.Spec.Name, s.HoldTalk)
		}
		if s.HoldsFound != s.HoldsWithAudio {
			t.Errorf("%s: %d of %d holds heard", s.Spec.Name, s.HoldsFound, s.HoldsWithAudio)
		}
	}
	if holds != 4 {
		t.Fatalf("%d hold calls, want 4", holds)
	}
}

// splitFloor is what a split must reach under one impairment: its
// number of calls, values within 0.3 s of the truth (5 a call: talk per
// side and in all, silence, overtalk) and at most errs count errors.
type splitFloor struct {
	split                 string
	calls, within03, errs int
}

// holdEverySplit runs the detector over the calls of every split in
// floors with one impairment and holds each split to its floor and to a
// boundary median of 0.01 s.
func holdEverySplit(t *testing.T, impairment string, floors []splitFloor) {
	t.Helper()
	var splits []string
	for _, f := range floors {
		splits = append(splits, f.split)
	}
	rows := realspeech.Summarize(detectSplits(t, splits, impairment), realspeech.BySplit)
	for _, f := range floors {
		i := slices.IndexFunc(rows, func(r realspeech.Row) bool { return r.Name == f.split })
		if i < 0 {
			t.Errorf("%s: no calls", f.split)
			continue
		}
		r := rows[i]
		if r.Calls != f.calls {
			t.Errorf("%s: %d calls, want %d", f.split, r.Calls, f.calls)
		}
		if r.Within03 < f.within03 {
			t.Errorf("%s %s: %d of %d values within 0.3 s, want at least %d", f.split, impairment, r.Within03, r.Values, f.within03)
		}
		if r.CountErrors > f.errs {
			t.Errorf("%s %s: %d count errors, want at most %d", f.split, impairment, r.CountErrors, f.errs)
		}
		if r.BoundaryMedian > 0.01 {
			t.Errorf("%s %s: boundary error median %.3f s, want at most 0.01", f.split, impairment, r.BoundaryMedian)
		}
		t.Logf("%s %s: %d of %d within 0.3 s, %d count errors, boundary median %.3f s", f.split, impairment, r.Within03, r.Values, r.CountErrors, r.BoundaryMedian)
	}
}

// The target condition (SNR 20 dB, echo 25 dB down, mu-law) on every
// development split, held at what the detector reaches (docs/parameters.md,
// the seventh round): values within 0.3 s of the truth (5 a call: talk per
// side and in all, silence, overtalk), count errors, boundary median.
// es_en-blind9s34-rapid's English client (a word end under the operator's
// echo in overtalk taken for echo: talk 0.31 s short) went when a low
// voice's own band under the fundamental's was kept (keepLowVoice: 0.14 s
// short). blind7's and blind11's (word ends walked 0.08-0.15
// s into the noise, across a gap to the noise's chance windows) went
// when the walk past a dip took burst's test (tailDip). (fr_ru-blind3s15-rapid's client turn split by a word end taken
// for echo, 2 count errors until the canceller's hysteresis, keepOwn.)
func TestTargetConditionOnEverySplit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 120 calls")
	}
	holdEverySplit(t, "snr20_xtalk25", []splitFloor{
		{realspeech.SplitTune, 6, 30, 0},
		{realspeech.SplitHoldout, 6, 30, 0},
		{realspeech.SplitFresh, 9, 45, 0},
		{realspeech.SplitBlind, 9, 45, 0},  // 40 until the band under the fundamental's (subHeard), 42 until an onset under the noise was followed back by its power over the whole spectrum (onset: it-blind9-rapid's Italian voice bars)
		{realspeech.SplitBlind2, 9, 45, 0}, // 42 until subHeard, 44 until a low voice's onset was followed by its voice bar (voiceBar)
		{realspeech.SplitBlind3, 9, 45, 0},
		{realspeech.SplitBlind4, 9, 45, 0},
		{realspeech.SplitBlind5, 9, 45, 0},  // measured blind by the lead: 45 before and after the sixth round
		{realspeech.SplitBlind6, 9, 45, 0},  // measured blind by the lead: 45 before and after the seventh round
		{realspeech.SplitBlind7, 9, 45, 0},  // measured blind by the lead: 43 before and after the eighth round (es_ru-blind7s27-dialogue: echo as the client's talk); 44 since echoMinDiff 10 (ninth round, in-sample), 45 since tailDip
		{realspeech.SplitBlind8, 9, 45, 0},  // measured blind by the lead: 45 before (019f113) and after the tenth round (fba90be)
		{realspeech.SplitBlind9, 9, 45, 0},  // measured blind by the lead: 44 before (fba90be) and after session 10's second round (2be5486): es_en-blind9s34-rapid, the client's talk 0.31 s short; 45 since keepLowVoice (0.14 s)
		{realspeech.SplitBlind10, 9, 45, 0}, // measured blind by the lead: 45 at b45d428 and after session 11's onset rule (f1bbea11)
		{realspeech.SplitBlind11, 9, 45, 0}, // measured blind by the lead: 44 at b45d428 and at 13b170d (after session 11's rules): ru_en-blind11s38-dialogue, the operator's talk 0.35 s long; 45 since tailDip (0.22 s)
		{realspeech.SplitBlind12, 9, 45, 0}, // measured blind by the lead: 45 at 29ac2b3 (session 12's start), after tailDip (a22fc4c8) and with keepLowVoice (64598b4e)
		{realspeech.SplitBlind13, 9, 45, 0}, // measured blind by the lead: 45 at 29ac2b3, a22fc4c8 and with keepLowVoice
	})
}

// Clean audio (PCM16, nothing mixed in) meets the target on every call
// of every development split: every value within 0.3 s of the truth,
// counts exact. blind6 was 44 of 45 until a breath and the recording's
// room tone at a turn's edge stopped counting as talk (breathEdges:
// en_ru-blind6s23-rapid's talk total 0.31 s long). blind10, measured
// blind by the lead at b45d428 and after session 11's onset rule
// (f1bbea11), was 39 of 45 with 2 count errors, the first split whose
// clean audio missed, until a stretch's periodic share was measured over
// its loud frames near its peak (voiced: es_it-blind10s37-rapid's Italian
// client's short reply lost) and the cover test was of a run's own
// frames, not of the quiet consonants its walk takes in (coverMin:
// en_ru-blind10s36-dialogue's Russian client 0.75 s short).
func TestCleanOnEverySplit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Silero VAD over 120 calls")
	}
	var floors []splitFloor
	for _, split := range []string{realspeech.SplitTune, realspeech.SplitHoldout, realspeech.SplitFresh, realspeech.SplitBlind,
		realspeech.SplitBlind2, realspeech.SplitBlind3, realspeech.SplitBlind4, realspeech.SplitBlind5, realspeech.SplitBlind6,
		realspeech.SplitBlind7, realspeech.SplitBlind8, realspeech.SplitBlind9, realspeech.SplitBlind10, realspeech.SplitBlind11,
		realspeech.SplitBlind12, realspeech.SplitBlind13} {
		calls := 9
		if split == realspeech.SplitTune || split == realspeech.SplitHoldout {
			calls = 6
		}
		floors = append(floors, splitFloor{split, calls, 5 * calls, 0})
	}
	holdEverySplit(t, "clean", floors)
}
