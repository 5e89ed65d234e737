package vad

import (
	"cmp"
	"math"
	"slices"

	"github.com/callscope/callscope/schemas"
)

// The refinement's constants. They were chosen on the tune half of
// testdata/realspeech and are reported on the held-out half
// (docs/parameters.md#accuracy-on-real-speech).
const (
	// A stretch's speech frames are those over the low threshold, in runs
	// that reach the high one (hysteresis). Each threshold is the higher
	// of a margin over the channel's noise floor and a depth under the
	// loudest frame of the Silero stretch.
	lowOverFloor  = 3
	highOverFloor = 12
	lowUnderPeak  = 35
	highUnderPeak = 25
	// maxExtend is how far from Silero's stretch speech frames are looked
	// for (at least MinSilence): Silero's probability rises late on quiet
	// onsets and misses short words next to speech. nearVoiced is the
	// share of periodic frames a run outside the stretch needs.
	maxExtend  = 0.6
	nearVoiced = 0.5
	// A run of at least coverMinLen frames is speech only where Silero's
	// stretches cover at least coverMin of it. The runs reach beyond
	// Silero's stretches (maxExtend) for the short first words Silero
	// misses; a long run that Silero mostly leaves out is a sound that
	// only now and then sounded like speech to it: the notes of music on
	// hold under line noise, whose steadiness the music tests no longer
	// see (Silero took 0-40% of such runs for speech, 33% of the longest,
	// 6.4 s; every run of 1 s or more of speech on the tune, held-out,
	// fresh and blind splits was covered 83% or more). The run is its
	// own frames over its low threshold, not what the steps after it
	// take in (the quiet consonants of satellite, the word ends): on
	// digital silence a word's consonants carry a run far beyond
	// Silero's stretch, and a Russian client's first 0.8 s of a turn on
	// clean audio (en_ru-blind10s36-dialogue: a short word Silero
	// missed, then one it took, 0.23 s of loud frames, 1.02 s with
	// their consonants) was covered 58% and lost. Not applying the test
	// on digital silence at all let the first 3.2 s of a hold's music
	// through on fr_ru-blind3s15-hold-moh.
	coverMinLen = 100
	coverMin    = 0.6
	// A run inside Silero's stretch that never reaches the high threshold
	// is a quiet syllable when it is at least quietMin frames, its loudest
	// quietOverFloor dB over the floor, at least quietVoiced of its frames
	// quietPeriodic periodic or quietMin such frames in a row (a vowel
	// after a consonant that is under the noise), and the other side is
	// loud and voiced in under quietOther of its frames. Periodic is a
	// voice's pitch: line noise has none, and hum is under the 250 Hz
	// high-pass; a few dB over the noise, the noise lowers a vowel's
	// autocorrelation peak to 0.5-0.6 while the noise's own frames stay
	// under 0.4. A quiet periodic run while the other side speaks may be
	// its echo: the echo test does not mark every frame of it, and on
	// `all` the rapid calls' client channels gained up to 4 s of the
	// operator's echo without the quietOther test (a cough on the other
	// side is not voiced and does not count: it-fresh6-dialogue-all lost
	// a turn's pause to one). On a noisy line the last syllables of a word
	// sink to a few dB over the noise (an Italian speaker's, 5-10 dB), the
	// pause before the next word looks longer than MinSilence and the turn
	// is split. A quiet syllable is not speech alone: it only bridges the
	// pause between two stretches that are speech by themselves (see
	// bridge), never an edge: at a hold's end the music's last quiet notes
	// are periodic too.
	quietMin       = 5
	quietOverFloor = 6
	quietVoiced    = 0.5
	quietPeriodic  = 0.5
	quietOther     = 0.5
	// satelliteGap: quiet consonants up to this many frames from a run
	// belong to it (see satellite); closureGap: up to this many where the
	// other side's voice is not heard between them. A word-final stop is
	// a closure of silence and then a burst: careful, read speech holds
	// the closure up to 0.15-0.2 s (the French «huit» of
	// ru_fr-blind2s11-dialogue: vowel, 0.16 s of closure, the «t»'s burst,
	// which under line noise of 20 dB is a few dB over the floor, never
	// reaches the high threshold and is aperiodic; the pause after the
	// word then looked 0.6 s long and split the turn). Over the other
	// side's voice the far frames may be its echo (at 20 frames for all,
	// held-out calls with echo gained up to 0.9 s of overtalk). 25 (0.25
	// s), not 20: on the seven development splits 22, 25 and 30 each
	// found bursts 0.21-0.24 s after a vowel (ru_fr-blind2s11-dialogue's
	// «huit» under SNR 20 dB with echo, 0.22 s; an Italian client's on
	// fr_it-blind4s18-hold, whose 0.8 s pause the truth bridges) and lost
	// no value at 22 and 25 (8 and 13 values won of 3610); 30 lost two
	// calls (a closure that long ended an Italian client's walk at a
	// burst before the rest of the word: 1.2 s of talk lost on ulaw).
	satelliteGap = 15
	closureGap   = 25
	// breathUnderPeak: at a turn's edge, on a line whose noise cannot be
	// measured (digital silence between the words: clean and G.711
	// lines), a frame that is not periodic (under quietPeriodic) and this
	// many dB or more under the run's loudest frame is a breath or the
	// recording's room tone, not speech (see breathEdges). A voiced decay
	// loses most of its power to the 250 Hz high-pass of the levels, so
	// the run's own threshold (lowUnderPeak) is deeper; a breath keeps
	// its power over 250 Hz. On the eleven development splits 24-30 dB
	// gave the same values (8 won, none lost), 32 won 6, 20 lost 10.
	breathUnderPeak = 28
	// noisyBreathUnderPeak: the same on a line with line noise (its floor
	// over lineNoiseFloor), at the end of everything that lengthens a
	// run there (the hangover, the word-end walk): what they carried the
	// edge over that is aperiodic and this deep under the peak is the
	// noise's. At SNR 30 dB the rapid calls' talk total had come out
	// 0.16-0.41 s long (0.27 on average, 16 turns each). On the eleven
	// development splits 32-34 dB lost no value (14, 12 and 6 won), 30
	// won 14 and lost 2, 28 (without lineNoiseFloor) lost 54.
	noisyBreathUnderPeak = 33
	// lineNoiseFloor: a floor over this (dBFS) is line noise. The lines
	// whose noise is measured without any (A-law's idle code, the other
	// side's echo, coughs) are left alone: without this bound three such
	// lines of an Italian voice lost 5 values; -65 and -75 gave the same.
	lineNoiseFloor = -70
	// minVoiced: a stretch of speech has at least this share of periodic
	// frames (pitch 60-400 Hz); coughs, clicks and line noise do not.
	minVoiced = 0.2
	// periodicMin is the autocorrelation peak that makes a frame periodic.
	periodicMin = 0.6
	// Music (see musicMask).
	musicWindow  = 100
	musicSteady  = 0.7
	musicDipDB   = 10
	musicVoiced  = 0.6
	musicTiltStd = 1.6
	// musicMaxDips: a window with this many dips to the floor (see
	// dipStarts) is not music by steadiness. Under line noise the
	// consonants sink into the noise, the vowels alone are loud and a
	// steady speaker's syllables pass the steadiness test, but the pauses
	// between them reach the noise floor several times a second; music
	// plays on. On the tune, held-out, fresh and blind splits at SNR 20
	// dB, 96-97% of the windows of ±musicWindow inside speech have 3 dips
	// or more; inside the holds' music 95% have 2 or fewer (those with
	// more are under `all`, in a track's quiet passages, where the notes,
	// breathless and holdMusic find the music).
	musicMaxDips = 3
	// Music plays on: marks less than musicGap frames apart are one piece
	// of music, and a piece with under musicMinMarks marked frames (as
	// long as a hold must be, holdMinSpan) is a stretch of steady speech,
	// not music. On the tune calls every piece of music has over 8 s of
	// marks; steady speech under line noise has had 0.5 s on the tune
	// calls and 2.7 s on the fresh split (a Spanish operator's even
	// sentence; 1.5 s before that was seen). Music that the steadiness
	// test marks only in short pieces is found by its notes or by
	// breathless.
	musicGap      = 200
	musicMinMarks = 400
	// Breath (see breathless): a pause is breathPause frames within
	// breathDB of the floor (or echo); speech has one at least every
	// breathMax frames.
	breathDB    = 6
	breathPause = 15
	breathMax   = 800
	// Notes (see findNotes): music holds a pitch, speech glides. A note
	// is at least noteMin frames, each noteOverFloor dB over the floor,
	// not echo, and at least notePeriodic periodic, whose pitch stays
	// within noteTol of the first frame's (or an octave from it: the
	// autocorrelation peak may jump an octave). musicNotes notes starting
	// within ±musicWindow frames, or one note of at least noteLong
	// frames, are music however deep the gaps between the notes are (a
	// track of short notes with silence between them is not steady).
	// Speech has such notes too, but short and alone: on the whole set
	// (tune: none; held out: 45, up to 0.47 s, never two within 2 s).
	noteMin       = 25
	noteTol       = 0.05
	notePeriodic  = 0.8
	noteOverFloor = 3
	musicNotes    = 2
	noteLong      = 80
	// The hangover under line noise (see hang and noiseLevel): the end
	// of a run whose low threshold is set by the noise floor goes on for
	// up to hangMax frames while the hangWindow frames from it are, on
	// average, louder than the same average over the channel's noise
	// (frames hangClear from any Silero candidate) is hangQuantile of the
	// time.
	hangWindow   = 5
	hangClear    = 30
	hangQuantile = 0.95
	hangMax      = 30
	// echoQuiet: the noise is measured where the other side's echo, by
	// the line's echo path, is at least this many dB under the floor.
	echoQuiet = 6
	// hiddenEchoDB: see echoHeard. On the tune, held-out and blind4
	// dialogue and rapid calls with line noise and no echo (snr20, snr30)
	// the noise where the other side sounds came out -0.2 to +0.3 dB of
	// the noise where it is silent, in the 250-1000 Hz band; with an echo
	// 25 dB down that no path was found for (snr20_xtalk25, all), +0.55
	// to +4.5 dB.
	hiddenEchoDB = 0.4
	// lowBands: the spectrum's bands of 250-1000 Hz.
	lowBands = 3
	// Holds (see holdsHeard): tones are frames this periodic; a hold is
	// at least holdMinSpan seconds of music or tones with gaps under
	// holdGap (ringback: 0.8 s on, 3.2 s off), holdMinSound seconds of it
	// sounding, holdMargin seconds clear of speech.
	tonePeriodic = 0.8
	holdMinSpan  = 4.0
	holdGap      = 4.5
	holdMinSound = 1.5
	holdMargin   = 0.3
)

// CallSpeech is what DetectCall finds in a call.
type CallSpeech struct {
	// Speech holds each channel's speech intervals, in the order of the
	// channels given, in time order.
	Speech [][]schemas.Interval
	// Holds are stretches of music or tones without speech (music on hold,
	// ringback, IVR tones), heard on any channel: holds found in the
	// audio, whatever the metadata declares.
	Holds []schemas.Interval
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// fspan is a run of frames [a, b).
type fspan struct{ a, b int }

// refineCall turns Silero's raw stretches of each channel into speech
// intervals: trimmed to where the channel's own energy says speech starts
// and ends, the other channel's echo taken out, pauses under cfg.MinSilence
// bridged, and stretches that are not voice (too few periodic frames)
// dropped. It also returns the holds heard in the audio.
func refineCall(tracks []*track, raw [][]schemas.Interval, cfg Config) ([][]schemas.Interval, []schemas.Interval) {
	echo := make([][]bool, len(tracks))
	paths := make([]echoLine, len(tracks))
	if len(tracks) == 2 {
		echo[0], echo[1], paths[0], paths[1] = echoMasksPaths(tracks[0], tracks[1])
	}
	speech := make([][]fspan, len(tracks))
	music := make([][]bool, len(tracks))
	out := make([][]schemas.Interval, len(tracks))
	for c, t := range tracks {
		music[c] = musicMask(t, echo[c])
		var other *track
		if len(tracks) == 2 {
			other = tracks[1-c]
		}
		speech[c] = channelSpeech(t, other, paths[c], echo[c], music[c], raw[c], cfg)
		out[c] = toIntervals(speech[c])
	}
	var holds []fspan
	minLen := int(math.Round(cfg.MinSpeech / frameSec))
	for c, t := range tracks {
		h := holdsHeard(t, echo[c], music[c], speech[c])
		if len(h) > 0 {
			// The hold's music that the music tests missed (holdMusic,
			// afterHold); the hold is then heard again without that
			// "speech".
			kept := speech[c][:0:0]
			var others [][]fspan
			for o := range tracks {
				if o != c {
					others = append(others, speech[o])
				}
			}
			for _, s := range afterHold(t, echo[c], music[c], holdMusic(t, echo[c], music[c], speech[c], h), h, others) {
				if s.b-s.a >= minLen {
					kept = append(kept, s)
				}
			}
			speech[c] = kept
			out[c] = toIntervals(kept)
			h = holdsHeard(t, echo[c], music[c], speech[c])
		}
		holds = append(holds, h...)
	}
	slices.SortFunc(holds, func(x, y fspan) int { return cmp.Compare(x.a, y.a) })
	var joined []fspan
	for _, h := range holds {
		if n := len(joined); n > 0 && h.a <= joined[n-1].b {
			joined[n-1].b = max(joined[n-1].b, h.b)
			continue
		}
		joined = append(joined, h)
	}
	return out, toIntervals(joined)
}

func toIntervals(spans []fspan) []schemas.Interval {
	out := make([]schemas.Interval, 0, len(spans))
	for _, s := range spans {
		out = append(out, schemas.Interval{Start: round3(float64(s.a) * frameSec), End: round3(float64(s.b) * frameSec)})
	}
	return out
}

// channelSpeech is the refined speech of one channel (other is the
// other channel of the call, nil when there is none; path is the other
// channel's echo path into this one).
func channelSpeech(t, other *track, path echoLine, echo, music []bool, raw []schemas.Interval, cfg Config) []fspan {
	nf := len(t.db)
	// The noise model of a line whose echo is near the noise is that of
	// a line without a path (see echoLine.underNoise).
	npath := path
	if path.underNoise {
		npath.ok = false
	}
	own := func(f int) bool { return (echo == nil || !echo[f]) && !music[f] }
	ext := int(max(maxExtend, cfg.MinSilence) / frameSec)
	// The line's noise (for the hangover and the word ends) is measured
	// where no audible echo of the other side can be: an echo under the
	// echo mask's test (within echoTol of the floor) still raises the
	// noise's spread, and the word ends were held to that.
	silent := echoFree(t, other, npath)
	lineOnly := func(f int) bool { return own(f) && silent[f] }
	hangThr := noiseLevel(t, lineOnly, raw)
	if hangThr == 0 {
		hangThr = noiseLevel(t, own, raw)
	}
	noise := lineNoise(t, lineOnly, raw)
	if !noise.ok {
		noise = lineNoise(t, own, raw)
	}
	// Where no echo path is found, the other side's echo may still be
	// there, under the line noise (see hiddenEcho): the noise of the
	// voice's fundamental band is then measured where the other side is
	// silent too, for the word ends there.
	if sounding := hiddenEcho(other, npath, nf); sounding != nil && noise.ok {
		inQuiet := func(f int) bool { return lineOnly(f) && !sounding[f] }
		inSound := func(f int) bool { return lineOnly(f) && sounding[f] }
		if nq, ns := lineNoise(t, inQuiet, raw), lineNoise(t, inSound, raw); nq.ok && ns.ok && echoHeard(nq, ns) {
			noise.quiet, noise.sounding = &nq, sounding
		}
	}
	// A word's end decays through the other side's echo (see follow).
	if echo != nil {
		noise.echo = func(f int) bool { return echo[f] && !music[f] }
		noise.clear = func(f int) bool { return silent[f] }
	}
	inRaw := rawMask(nf, raw)
	var runs []edgedRun
	var quiet []fspan
	for _, cand := range raw {
		a := min(nf, max(0, int(cand.Start/frameSec)))
		b := min(nf, max(a, int(math.Ceil(cand.End/frameSec))))
		var peak float32 = -200
		for f := a; f < b; f++ {
			if own(f) {
				peak = max(peak, t.db[f])
			}
		}
		if peak == -200 {
			continue
		}
		low := max(t.floor+lowOverFloor, peak-lowUnderPeak)
		high := max(t.floor+highOverFloor, peak-highUnderPeak)
		lo, hi := max(0, a-ext), min(nf, b+ext)
		// A run that crosses the window's edges is taken whole.
		for lo > 0 && t.db[lo-1] >= low && own(lo-1) {
			lo--
		}
		for hi < nf && t.db[hi] >= low && own(hi) {
			hi++
		}
		for f := lo; f < hi; {
			if t.db[f] < low || !own(f) {
				f++
				continue
			}
			g, reached := f, false
			for g < hi && t.db[g] >= low && own(g) {
				reached = reached || t.db[g] >= high
				g++
			}
			// A run beside Silero's stretch counts when it is voice:
			// Silero misses a first short word or syllable (measured on
			// the tune calls: up to 0.8 s of speech before its stretch).
			next := g
			// The run's edges are held to its own loudest frame: a quiet
			// stretch's thresholds do not reach into a loud neighbour.
			var runPeak float32 = -200
			for x := f; x < g; x++ {
				runPeak = max(runPeak, t.db[x])
			}
			rlow := max(low, runPeak-lowUnderPeak)
			for f < g && t.db[f] < rlow {
				f++
			}
			for g > f && t.db[g-1] < rlow {
				g--
			}
			v := voiced(t, echo, fspan{f, g}, periodicMin)
			if noise.ok && rlow <= t.floor+lowOverFloor && !(g > a && f < b) {
				// Beside Silero's stretch, a run whose threshold the line
				// noise sets is voice by the periodicity of a vowel a few
				// dB over the noise (quietPeriodic): a short syllable
				// between two phrases of a turn has two or three loud
				// frames, and the noise pulls their periodicity under
				// periodicMin (it-fresh6-dialogue-snr20_xtalk25: 0.32 and
				// just under 0.6, and the turn was split).
				v = max(v, voiced(t, echo, fspan{f, g}, quietPeriodic))
			}
			if !reached && g-f >= quietMin && g > a && f < b && runPeak >= t.floor+quietOverFloor &&
				(periodicShare(t, fspan{f, g}) >= quietVoiced || vowel(t, fspan{f, g}) >= quietMin) && voicedShare(other, fspan{f, g}) < quietOther {
				quiet = append(quiet, fspan{f, g})
				f = next
				continue
			}
			if reached && g > f && v >= minVoiced && (g > a && f < b || v >= nearVoiced) {
				r := fspan{satellite(t, other, own, rlow, f, -1), satellite(t, other, own, rlow, g-1, +1) + 1}
				// The run's edges without a breath or room tone, on a line
				// without measurable noise, before the steps below lengthen
				// it (the murmur beside them is taken in as for the run);
				// under line noise, after those steps (below).
				edges := r
				if !noise.ok {
					edges = breathEdges(t, r, runPeak, breathUnderPeak)
				}
				trimmed := edges != r
				if rlow <= t.floor+lowOverFloor {
					r.b = hang(t, own, hangThr, runPeak-lowUnderPeak, r.b)
				}
				// A word's end decaying into the line noise (tails.go),
				// and where the noise sets the run's threshold (the level
				// walk of satellite does not hear it), a final consonant
				// after a long closure.
				var closure func(a, b int) bool
				if other != nil && rlow <= t.floor+lowOverFloor {
					closure = func(a, b int) bool { return voicedShare(other, fspan{a, b + 1}) == 0 }
				}
				r.b = max(r.b, noise.tail(t, own, runPeak-lowUnderPeak, r.b, closure))
				// A word's onset under line noise that carries its power
				// under 250 Hz (tails.go), and a low voice's under strong
				// line noise, by its voice bar.
				if noise.ok && rlow <= t.floor+lowOverFloor {
					r.a = noise.onset(t, own, runPeak-lowUnderPeak, r)
				}
				if noise.ok && rlow <= t.floor+lowOverFloor && runPeak-t.floor < voiceBarSNR {
					r.a = noise.voiceBar(t, own, runPeak-lowUnderPeak, r.a)
				}
				// A voiced murmur at either end, on a line without noise.
				r = noise.murmur(t, own, rlow, r)
				if run := (fspan{f, g}); run.b-run.a >= coverMinLen && covered(inRaw, run) < coverMin {
					f = next
					continue
				}
				switch {
				case trimmed:
					edges = noise.murmur(t, own, rlow, edges)
				case noise.ok && t.floor > lineNoiseFloor:
					edges = breathEdges(t, r, runPeak, noisyBreathUnderPeak)
				default:
					edges = r
				}
				runs = append(runs, edgedRun{r, edges})
			}
			f = next
		}
	}
	gap := int(math.Round(cfg.MinSilence / frameSec))
	joined := joinRuns(runs, gap)
	minLen := int(math.Round(cfg.MinSpeech / frameSec))
	kept := joined[:0]
	for _, s := range joined {
		if s.b-s.a < minLen || ownFrames(echo, s) < minLen || voiced(t, echo, s, periodicMin) < minVoiced {
			continue
		}
		kept = append(kept, s)
	}
	return bridge(kept, quiet, gap)
}

// edgedRun is a run of speech frames (span) and where its speech starts
// and ends (edges: the span without a breath at either end, see
// breathEdges; the span itself where there is none).
type edgedRun struct{ span, edges fspan }

// joinRuns joins runs whose spans overlap or are less than gap frames
// apart into stretches of speech, each from the first edge to the last
// of its runs. The pauses are judged on the spans, so a breath taken
// off an edge never splits a turn (at 28 dB under the peak it split
// two, en_es-blind3s14-dialogue's operator and es_fr-blind4s19-hold's
// client, when the edges were trimmed before joining): the truth counts
// the quiet sound between two words of a turn.
func joinRuns(runs []edgedRun, gap int) []fspan {
	slices.SortStableFunc(runs, func(x, y edgedRun) int { return cmp.Compare(x.span.a, y.span.a) })
	var spans, edges []fspan
	for _, r := range runs {
		n := len(spans)
		if n == 0 || r.span.a-spans[n-1].b >= gap {
			spans, edges = append(spans, r.span), append(edges, r.edges)
			continue
		}
		spans[n-1].b = max(spans[n-1].b, r.span.b)
		switch e := &edges[n-1]; {
		case r.edges.b <= r.edges.a: // all breath: no edge
		case e.b <= e.a:
			*e = r.edges
		default:
			*e = fspan{min(e.a, r.edges.a), max(e.b, r.edges.b)}
		}
	}
	for i, e := range edges {
		if e.b > e.a {
			spans[i] = e
		}
	}
	return spans
}

// breathEdges takes off run r's ends the frames that are not periodic
// (under quietPeriodic) and depth dB or more under peak, the run's
// loudest frame (breathUnderPeak without line noise, noisyBreathUnderPeak
// with it): a breath before a word or after it, or the room
// tone of the recording around the words. en_ru-blind6s23-rapid's
// English operator breathes for up to 60 ms before a turn and her words end
// in up to 60 ms of room tone, aperiodic (0.2-0.5) and 30-41 dB under the
// run's loudest frame; the truth counts neither, and over 16 turns the
// call's talk came out 0.31 s long. A quiet periodic frame (a vowel's
// decay, a murmur) is left to the run's own threshold.
func breathEdges(t *track, r fspan, peak, depth float32) fspan {
	breath := func(f int) bool { return t.periodic[f] < quietPeriodic && t.db[f] < peak-depth }
	for r.a < r.b && breath(r.a) {
		r.a++
	}
	for r.b > r.a && breath(r.b-1) {
		r.b--
	}
	return r
}

// bridge joins consecutive stretches of speech whose pause is spanned by
// quiet syllables (see quietMin), each less than gap frames from the
// last: the pause is then inside the turn.
func bridge(kept, quiet []fspan, gap int) []fspan {
	if len(quiet) == 0 || len(kept) < 2 {
		return kept
	}
	slices.SortFunc(quiet, func(x, y fspan) int { return cmp.Compare(x.a, y.a) })
	out := kept[:1]
	q := 0
	for _, s := range kept[1:] {
		last := &out[len(out)-1]
		end := last.b
		for ; q < len(quiet) && quiet[q].a < s.a; q++ {
			if quiet[q].b > end && quiet[q].a-end < gap {
				end = quiet[q].b
			}
		}
		if s.a-end < gap {
			last.b = max(last.b, s.b)
			continue
		}
		out = append(out, s)
	}
	return out
}

// echoFree marks the frames of t that carry no audible echo of the other
// channel: on a line with an echo path (echoPath), where the echo the
// other channel makes here at the path's delay (±1 frame) and loss is at
// least echoQuiet dB under this channel's floor in the 250-1000 Hz band
// (it adds under 1 dB to the noise); every frame on a line without one.
func echoFree(t, other *track, p echoLine) []bool {
	out := make([]bool, len(t.db))
	for f := range out {
		out[f] = true
	}
	if other == nil || !p.ok {
		return out
	}
	for f := range out {
		l := p.loss[min(f/echoStep, len(p.loss)-1)]
		for g := max(0, f-p.lag-1); g <= f-p.lag+1 && g < len(other.low); g++ {
			if other.low[g]-l >= t.lowFloor-echoQuiet {
				out[f] = false
				break
			}
		}
	}
	return out
}

// hiddenEcho marks, on a line where no echo path of the other channel
// is found (path not ok), the frames up to echoMaxLag+1 after the other
// channel is echoQuiet dB over its floor in the 250-1000 Hz band: where
// its echo would be. nil with a path (echoFree and the echo mask take
// its echo out) or without the other channel. An echo 25 dB down under
// line noise 20 dB down is about as loud as the noise, and the level test
// of echoPath does not find it; but measured with the noise it makes the
// noise louder wherever the other side speaks, and in the voice's
// fundamental band most (it_en-blind2s12-rapid-snr20_xtalk25, the client:
// that band's word-end threshold, thrFund, 4.8 against 2.1 on the same line
// without echo), and the word ends were cut 0.06-0.14 s short. So where
// echoHeard finds the echo in the noise, the fundamental's test of a
// frame where the other side is silent takes the noise measured there
// (noiseModel.quiet); the frames near the other side's speech keep the
// noise with its echo. Taking the whole noise model (every band's test,
// and the hangover's level) from the silent frames was tried: the
// quieter model's whitened threshold (1.19 against 1.24 elsewhere) let
// ru-tune1-rapid-snr20_xtalk25's client's word decay, under the truth's
// -45 dBFS, through for 0.2 s, and that call's talk came out 0.5 s long.
func hiddenEcho(other *track, path echoLine, n int) []bool {
	if other == nil || path.ok {
		return nil
	}
	out := make([]bool, n)
	last := -1 << 30 // the last frame the other side sounded
	for f := range out {
		if f < len(other.low) && other.low[f] >= other.lowFloor+echoQuiet {
			last = f
		}
		out[f] = f-last <= echoMaxLag+1
	}
	return out
}

// echoHeard tells whether the noise measured where the other side sounds
// (ns) is louder in the 250-1000 Hz band, where an echo is, than where it
// is silent (nq) by hiddenEchoDB or more: then the other side's echo is
// in it.
func echoHeard(nq, ns noiseModel) bool {
	var pq, ps float64
	for k := range lowBands {
		pq += nq.band[k]
		ps += ns.band[k]
	}
	return 10*math.Log10(ps/pq) >= hiddenEchoDB
}

// rawMask marks the frames inside Silero's stretches.
func rawMask(n int, raw []schemas.Interval) []bool {
	m := make([]bool, n)
	for _, c := range raw {
		for f := max(0, int(c.Start/frameSec)); f < min(n, int(math.Ceil(c.End/frameSec))); f++ {
			m[f] = true
		}
	}
	return m
}

// covered is the share of a run's frames inside Silero's stretches.
func covered(inRaw []bool, r fspan) float64 {
	k := 0
	for f := r.a; f < r.b; f++ {
		if inRaw[f] {
			k++
		}
	}
	return float64(k) / float64(r.b-r.a)
}

// noiseLevel is the level that the channel's line noise alone, averaged
// over hangWindow frames, exceeds hangQuantile of the time: measured
// over the frames at least hangClear frames from every Silero candidate,
// neither echo nor music.
func noiseLevel(t *track, own func(int) bool, raw []schemas.Interval) float32 {
	n := len(t.db)
	near := make([]bool, n)
	for _, c := range raw {
		for f := max(0, int(c.Start/frameSec)-hangClear); f < min(n, int(c.End/frameSec)+hangClear); f++ {
			near[f] = true
		}
	}
	var lv []float32
	for f := 0; f+hangWindow <= n; f++ {
		if near[f] || near[f+hangWindow-1] || !own(f) || !own(f+hangWindow-1) {
			continue
		}
		lv = append(lv, meanLevel(t.db[f:f+hangWindow]))
	}
	if len(lv) < 50 {
		return 0 // no measure: no hangover
	}
	slices.Sort(lv)
	return lv[int(hangQuantile*float64(len(lv)-1))]
}

// meanLevel is the level of the mean power of frames in dB.
func meanLevel(db []float32) float32 {
	var p float64
	for _, x := range db {
		p += math.Pow(10, float64(x)/10)
	}
	return float32(10 * math.Log10(p/float64(len(db))))
}

// hang extends a run's end b (exclusive) while the hangWindow frames from
// it are, on average, over thr and the channel's own, by up to hangMax
// frames: under line noise the last, quiet part of a word is below the
// low threshold frame by frame but not on average. It stops where that
// average, less the power of the channel's floor, is under low (the run's
// peak less lowUnderPeak, as for the run's own frames and for tail):
// without it the hangover carried a word's end past that point where the
// noise is quiet, by 20-40 ms an end at SNR 30 dB (0.3-0.5 s of talk on
// a call of 16 turns) and by up to the whole hangMax on four channels
// with echo and no noise. The floor (the quietest tenth of the frames) is under the
// noise's mean, so the test errs on the side of the hangover.
func hang(t *track, own func(int) bool, thr, low float32, b int) int {
	end := b
	floor := math.Pow(10, float64(t.floor)/10)
	for f := b; f < b+hangMax && f+hangWindow <= len(t.db) && own(f); f++ {
		m := meanLevel(t.db[f : f+hangWindow])
		if m < thr {
			break
		}
		if p := math.Pow(10, float64(m)/10) - floor; p <= 0 || 10*math.Log10(p) < float64(low) {
			break
		}
		end = f + 1
	}
	return end
}

// satellite follows a run from its edge frame in direction dir (-1: back,
// +1: forward) to the farthest pair of loud frames (over low) that is
// less than satelliteGap frames from the last one: a consonant at the
// start or end of a word (a fricative, a released stop) is quieter than
// the vowel and, on a noisy line, only a little over the floor. Forward,
// the last step may be up to closureGap frames (a word-final stop's
// closure and its burst) where the other channel is there and its voice
// not heard in the step. The burst ends the word, so the walk stops
// there: walking on, it went from one digit into the next and over the
// pauses between them (testdata/calls 14_real_voice's Russian digits
// became one run that Silero covered too little, and were lost).
// Without the other channel (Detect on one channel, a mono mix of both
// sides) the far frames may be the other speaker's.
func satellite(t, other *track, own func(int) bool, low float32, edge, dir int) int {
	last := edge
	closure := dir > 0 && other != nil
	for f := edge + dir; f >= 0 && f+dir >= 0 && f+dir < len(t.db) && (f-last)*dir <= closureGap; f += dir {
		if t.db[f] >= low && t.db[f+dir] >= low && own(f) && own(f+dir) {
			if (f-last)*dir > satelliteGap {
				if !closure || voicedShare(other, fspan{last, f + 1}) > 0 {
					continue
				}
				// The burst ends the word: no step from it.
				return f + dir
			}
			last = f + dir
			f += dir
		}
	}
	return last
}

// musicMask marks the frames of music (music on hold): sound that goes on
// without the pauses and dips of speech, periodic throughout, with a
// steady spectral balance. A frame is music when, over ±musicWindow
// frames around it, at least musicSteady of the frames are loud
// (highOverFloor over the floor, not echo) and within musicDipDB of the
// loudest frame within ±25 frames, over musicVoiced of the loud ones are
// periodic, and their spectral tilt varies by less than musicTiltStd dB
// (standard deviation); or, whatever the gaps between them, where it holds
// notes (findNotes). The marks are then
// widened to the loud frames around them (at most musicWindow), so that
// the music's edges go with it.
func musicMask(t *track, echo []bool) []bool {
	n := len(t.db)
	out := make([]bool, n)
	if n == 0 {
		return out
	}
	loud := func(f int) bool { return t.db[f] >= t.floor+highOverFloor && (echo == nil || !echo[f]) }
	// Prefix sums of steady (loud and within musicDipDB of the loudest
	// frame around), loud, loud and periodic, and of the spectral tilt
	// (the level over 1 kHz against the 250-1000 Hz band) of loud frames
	// and its square.
	steady, act, per := make([]int, n+1), make([]int, n+1), make([]int, n+1)
	tilt, tilt2 := make([]float64, n+1), make([]float64, n+1)
	peak := slidingMax(t.db, 25)
	dips := dipStarts(t, echo)
	for f := range n {
		st, a, p := 0, 0, 0
		var x float64
		if loud(f) {
			a = 1
			if t.periodic[f] >= periodicMin {
				p = 1
			}
			if t.db[f] >= peak[f]-musicDipDB {
				st = 1
			}
			x = float64(t.db[f] - t.low[f])
		}
		steady[f+1], act[f+1], per[f+1] = steady[f]+st, act[f]+a, per[f]+p
		tilt[f+1], tilt2[f+1] = tilt[f]+x, tilt2[f]+x*x
	}
	// Prefix sums of note starts.
	notes := findNotes(t, echo)
	starts := make([]int, n+1)
	for _, nt := range notes {
		starts[nt.a+1]++
	}
	for f := range n {
		starts[f+1] += starts[f]
	}
	// Marks by notes: where musicNotes notes start within ±musicWindow,
	// and on a note of at least noteLong frames.
	byNotes := make([]bool, n)
	for _, nt := range notes {
		if nt.b-nt.a >= noteLong {
			for f := nt.a; f < nt.b; f++ {
				byNotes[f] = true
			}
		}
	}
	w := musicWindow
	for f := range n {
		lo, hi := max(0, f-w), min(n, f+w+1)
		if starts[hi]-starts[lo] >= musicNotes {
			byNotes[f] = true
			continue
		}
		na := act[hi] - act[lo]
		if na == 0 {
			continue
		}
		if float64(steady[hi]-steady[lo]) < musicSteady*float64(2*w+1) || float64(per[hi]-per[lo]) <= musicVoiced*float64(na) {
			continue
		}
		// Speech parts its syllables with dips to the floor; music plays on.
		if dips[hi]-dips[lo] >= musicMaxDips {
			continue
		}
		// Speech alternates vowels and consonants, so its tilt swings;
		// music's stays.
		m := (tilt[hi] - tilt[lo]) / float64(na)
		if v := (tilt2[hi]-tilt2[lo])/float64(na) - m*m; v < musicTiltStd*musicTiltStd {
			out[f] = true
		}
	}
	// The minimum piece is for the marks by steadiness (steady speech
	// under line noise makes short ones); notes have their own test, so
	// their marks count to a piece and are kept.
	for f, m := range byNotes {
		out[f] = out[f] || m
	}
	dropBrief(out, musicGap, musicMinMarks)
	for f, m := range byNotes {
		out[f] = out[f] || m
	}
	breathless(t, echo, out)
	// Widen each run of marks over the loud frames next to it.
	wide := slices.Clone(out)
	for f := 0; f < n; f++ {
		if !out[f] {
			continue
		}
		g := f
		for g < n && out[g] {
			g++
		}
		for k, x := 1, f-1; k <= w && x >= 0 && t.db[x] >= t.floor+lowOverFloor; k, x = k+1, x-1 {
			wide[x] = true
		}
		for k, x := 0, g; k < w && x < n && t.db[x] >= t.floor+lowOverFloor; k, x = k+1, x+1 {
			wide[x] = true
		}
		f = g
	}
	return wide
}

// dipStarts is the prefix sum of the dips' starts: a dip is two frames
// or more within breathDB of the floor (or echo) after a louder frame.
func dipStarts(t *track, echo []bool) []int {
	n := len(t.db)
	quiet := func(f int) bool { return t.db[f] < t.floor+breathDB || (echo != nil && echo[f]) }
	out := make([]int, n+1)
	for f := range n {
		d := 0
		if f > 0 && f+1 < n && !quiet(f-1) && quiet(f) && quiet(f+1) {
			d = 1
		}
		out[f+1] = out[f] + d
	}
	return out
}

// breathless marks as music the stretches of a channel's own sound (over
// breathDB above the floor, not echo) that go on for breathMax frames or
// more without a pause of breathPause frames: no one speaks that long
// without taking a breath, music plays on (its quiet passages and the
// decay of its notes stay over the floor, so a track whose notes are
// short and whose spectrum swings like speech is still told apart).
func breathless(t *track, echo []bool, marks []bool) {
	n := len(t.db)
	sounding := func(f int) bool { return t.db[f] >= t.floor+breathDB && (echo == nil || !echo[f]) }
	start, quiet := -1, 0
	flush := func(end int) {
		if start >= 0 && end-start >= breathMax {
			for f := start; f < end; f++ {
				marks[f] = true
			}
		}
		start = -1
	}
	for f := range n {
		if sounding(f) {
			if start < 0 {
				start = f
			}
			quiet = 0
			continue
		}
		quiet++
		if quiet >= breathPause && start >= 0 {
			flush(f - quiet + 1)
		}
	}
	if start >= 0 {
		flush(n - quiet)
	}
}

// findNotes finds the notes of a channel: runs of at least noteMin
// frames, each at least noteOverFloor over the floor, not echo and
// notePeriodic periodic, whose pitch stays within noteTol of the run's first frame (or
// of an octave above or below it). A singer or an instrument holds a
// note's pitch; a speaker's pitch glides through a syllable, so speech
// has few such runs, short, and not in a row.
func findNotes(t *track, echo []bool) []fspan {
	n := len(t.db)
	var out []fspan
	ok := func(f int) bool {
		return t.db[f] >= t.floor+noteOverFloor && t.periodic[f] >= notePeriodic && t.pitch[f] > 0 && (echo == nil || !echo[f])
	}
	same := func(p, q float32) bool {
		for _, m := range [...]float32{1, 2, 0.5} {
			if r := p / q; r >= m*(1-noteTol) && r <= m*(1+noteTol) {
				return true
			}
		}
		return false
	}
	for f := 0; f < n; {
		if !ok(f) {
			f++
			continue
		}
		g := f + 1
		for g < n && ok(g) && same(t.pitch[g], t.pitch[f]) {
			g++
		}
		if g-f >= noteMin {
			out = append(out, fspan{f, g})
		}
		f = g
	}
	return out
}

// dropBrief clears the clusters of marks (gaps under gap frames) that
// have fewer than minMarks marked frames.
func dropBrief(marks []bool, gap, minMarks int) {
	start, last, n := -1, -1, 0
	flush := func() {
		if start >= 0 && n < minMarks {
			for f := start; f <= last; f++ {
				marks[f] = false
			}
		}
		start, n = -1, 0
	}
	for f, m := range marks {
		if !m {
			continue
		}
		if start >= 0 && f-last >= gap {
			flush()
		}
		if start < 0 {
			start = f
		}
		last = f
		n++
	}
	flush()
}

// holdsHeard finds the holds in one channel: music (musicMask) or tones
// (frames periodic over tonePeriodic: ringback, IVR beeps, DTMF) that are
// loud, the channel's own (not echo) and clear of its speech, in clusters
// of at least holdMinSpan with gaps under holdGap and holdMinSound of
// sound. Silence on hold is not heard: only the metadata can tell it from
// a pause.
func holdsHeard(t *track, echo, music []bool, speech []fspan) []fspan {
	n := len(t.db)
	near := make([]bool, n)
	m := int(holdMargin / frameSec)
	for _, s := range speech {
		for f := max(0, s.a-m); f < min(n, s.b+m); f++ {
			near[f] = true
		}
	}
	var out []fspan
	start, last, sound := -1, -1, 0
	flush := func() {
		if start >= 0 && float64(last+1-start)*frameSec >= holdMinSpan && float64(sound)*frameSec >= holdMinSound {
			out = append(out, fspan{start, last + 1})
		}
		start, last, sound = -1, -1, 0
	}
	gap := int(holdGap / frameSec)
	for f := range n {
		if near[f] || t.db[f] < t.floor+highOverFloor || (echo != nil && echo[f]) || !(music[f] || t.periodic[f] >= tonePeriodic) {
			continue
		}
		if start >= 0 && f-last > gap {
			flush()
		}
		if start < 0 {
			start = f
		}
		last = f
		sound++
	}
	flush()
	return out
}

// slidingMax is the largest of x over ±r around each index.
func slidingMax(x []float32, r int) []float32 {
	out := make([]float32, len(x))
	for i := range x {
		m := x[i]
		for j := max(0, i-r); j < min(len(x), i+r+1); j++ {
			m = max(m, x[j])
		}
		out[i] = m
	}
	return out
}

// periodicShare is the share of a span's frames at least quietPeriodic
// periodic.
func periodicShare(t *track, s fspan) float64 {
	k := 0
	for f := s.a; f < s.b; f++ {
		if t.periodic[f] >= quietPeriodic {
			k++
		}
	}
	return float64(k) / float64(s.b-s.a)
}

// vowel is the longest run of a span's frames at least quietPeriodic
// periodic.
func vowel(t *track, s fspan) int {
	best, cur := 0, 0
	for f := s.a; f < s.b; f++ {
		if t.periodic[f] < quietPeriodic {
			cur = 0
			continue
		}
		cur++
		best = max(best, cur)
	}
	return best
}

// voicedShare is the share of a span's frames in which a channel is
// highOverFloor over its floor and quietPeriodic periodic: a voice, whose
// echo is periodic too (a cough's or a click's is not; 0 without the
// channel).
func voicedShare(t *track, s fspan) float64 {
	if t == nil {
		return 0
	}
	k := 0
	for f := s.a; f < s.b; f++ {
		if t.db[f] >= t.floor+highOverFloor && t.periodic[f] >= quietPeriodic {
			k++
		}
	}
	return float64(k) / float64(s.b-s.a)
}

// ownFrames counts the frames of a span that are not the other side's
// echo. MinSpeech is of the channel's own sound: a stretch made of a few
// frames at the edges of the other side's echo (where the echo's level
// is off the path's estimate for a moment: a fricative, whose echo the
// 250-1000 Hz band does not see, or a level that wanders), bridged over
// the echo by satellite, is no speech of this side.
func ownFrames(echo []bool, s fspan) int {
	if echo == nil {
		return s.b - s.a
	}
	k := 0
	for f := s.a; f < s.b; f++ {
		if !echo[f] {
			k++
		}
	}
	return k
}

// voiced is the share of a span's own loud frames that are at least
// periodic periodic. Loud is highOverFloor over the channel's floor and
// no more than highUnderPeak under the span's loudest own frame: the
// frames a run must reach to be speech (see the high threshold). A
// voice's periodicity is in its vowels; its quiet consonants, a breath
// and the decay of a word are aperiodic. Under line noise they sink
// under floor+highOverFloor and do not count, but on a line of digital
// silence (a floor of -80 dBFS) every frame over -68 dBFS did: an Italian
// client's short reply on clean audio (es_it-blind10s37-rapid), a vowel
// and 0.2 s of a quiet fricative under -50 dBFS, came out 17-19%
// periodic, under minVoiced, and was dropped, while under line noise of
// 20-30 dB the same reply was kept.
func voiced(t *track, echo []bool, s fspan, periodic float32) float64 {
	own := func(f int) bool { return echo == nil || !echo[f] }
	var peak float32 = -200
	for f := s.a; f < s.b; f++ {
		if own(f) {
			peak = max(peak, t.db[f])
		}
	}
	loud := max(t.floor+highOverFloor, peak-highUnderPeak)
	n, v := 0, 0
	for f := s.a; f < s.b; f++ {
		if t.db[f] < loud || !own(f) {
			continue
		}
		n++
		if t.periodic[f] >= periodic {
			v++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(v) / float64(n)
}
