package transcribe

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/resample"
)

// ChunkConfig says how a channel's speech is cut for a recognizer.
type ChunkConfig struct {
	// MaxChunk is the longest piece given to the recognizer at once, in
	// seconds (default 20). It bounds memory: a one-hour call is never
	// resampled or decoded whole.
	MaxChunk float64
	// Pad is the audio kept around each stretch of speech, in seconds
	// (default 0.2), so that word edges are not clipped.
	Pad float64
	// MaxGap joins stretches of speech closer than this, in seconds
	// (default 1), into one piece: fewer, longer pieces give the
	// recognizer more context.
	MaxGap float64
}

func (c ChunkConfig) withDefaults() ChunkConfig {
	if c.MaxChunk <= 0 {
		c.MaxChunk = 20
	}
	if c.Pad <= 0 {
		c.Pad = 0.2
	}
	if c.MaxGap <= 0 {
		c.MaxGap = 1
	}
	return c
}

// RecognizerAdapter is the Adapter of every speech recognizer: it decodes
// the speech of each channel (the VAD's stretches, or the whole channel in
// MaxChunk pieces when no VAD ran), the channels in parallel, resampled
// piece by piece to the recognizer's rate.
type RecognizerAdapter struct {
	info schemas.ASRInfo
	rec  Recognizer
	cfg  ChunkConfig
	// Time spent inside the recognizer and in the channels' decoding in
	// all (summed over channels decoded in parallel), for the overhead
	// share (ModelShare).
	modelNanos, totalNanos atomic.Int64
}

// NewRecognizerAdapter wraps rec; info names the adapter and model in the
// transcripts.
func NewRecognizerAdapter(info schemas.ASRInfo, rec Recognizer, cfg ChunkConfig) *RecognizerAdapter {
	return &RecognizerAdapter{info: info, rec: rec, cfg: cfg.withDefaults()}
}

// Close frees the recognizer.
func (a *RecognizerAdapter) Close() error { return a.rec.Close() }

// ModelShare is the share of the channels' decoding time spent inside the
// recognizer so far (1 = no overhead: no cutting, resampling or copying).
func (a *RecognizerAdapter) ModelShare() float64 {
	total := a.totalNanos.Load()
	if total == 0 {
		return 0
	}
	return float64(a.modelNanos.Load()) / float64(total)
}

// Transcribe decodes every channel of the call.
func (a *RecognizerAdapter) Transcribe(ctx context.Context, call Call) (schemas.Transcript, error) {
	if call.Language != "" {
		ctx = context.WithValue(ctx, languageKey{}, call.Language)
	}
	tr := schemas.Transcript{ASR: a.info, Channels: make([]schemas.TranscriptChannel, len(call.Channels))}
	errs := make([]error, len(call.Channels))
	var wg sync.WaitGroup
	for i, ch := range call.Channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Channel time, not the call's wall time: the channels run in
			// parallel and their model times add up.
			began := time.Now()
			segs, err := a.channel(ctx, ch)
			a.totalNanos.Add(int64(time.Since(began)))
			if err != nil {
				errs[i] = fmt.Errorf("%s channel: %w", ch.Role, err)
				return
			}
			tr.Channels[i] = schemas.TranscriptChannel{Role: ch.Role, Segments: segs, Speech: ch.Speech}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return schemas.Transcript{}, fmt.Errorf("%s: %w", a.info.Adapter, err)
		}
	}
	return tr, nil
}

func (a *RecognizerAdapter) channel(ctx context.Context, ch Channel) ([]schemas.Segment, error) {
	if ch.SampleRate <= 0 {
		return nil, fmt.Errorf("sample rate %d", ch.SampleRate)
	}
	total := 0
	if ch.Samples != nil { // no audio, as an empty slice used to be
		total = ch.Samples.Len()
	}
	dur := float64(total) / float64(ch.SampleRate)
	var chunks []schemas.Interval
	if ch.VADRan {
		chunks = Chunks(ch.Speech, dur, a.cfg)
	} else {
		chunks = Chunks([]schemas.Interval{{Start: 0, End: dur}}, dur, a.cfg)
	}
	rate := a.rec.SampleRate()
	if rate == 0 {
		rate = ch.SampleRate
	}
	var rs *resample.Resampler
	if rate != ch.SampleRate {
		var err error
		if rs, err = resample.New(ch.SampleRate, rate); err != nil {
			return nil, err
		}
	}
	// in holds one chunk at the channel's rate, buf the chunk resampled:
	// both are reused, so a channel costs two chunks of float32 whatever
	// its length.
	var in, buf []float32
	var out []schemas.Segment
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lo := int(c.Start * float64(ch.SampleRate))
		hi := min(total, int(math.Ceil(c.End*float64(ch.SampleRate))))
		if hi <= lo {
			continue
		}
		in = slices.Grow(in[:0], hi-lo)[:hi-lo]
		pcm := in[:ch.Samples.Read(in, lo)]
		if rs != nil {
			want := int(math.Round(float64(len(pcm)) * float64(rate) / float64(ch.SampleRate)))
			buf = rs.Flush(rs.Process(buf[:0], pcm))
			pcm = buf[:min(want, len(buf))]
		}
		t0 := time.Now()
		segs, err := a.rec.Recognize(ctx, pcm, rate)
		a.modelNanos.Add(int64(time.Since(t0)))
		if err != nil {
			return nil, fmt.Errorf("%.2f-%.2f s: %w", c.Start, c.End, err)
		}
		offset := float64(lo) / float64(ch.SampleRate)
		for _, s := range segs {
			out = append(out, shift(s, offset, c.End))
		}
	}
	return out, nil
}

type languageKey struct{}

// Language is the call's language (metadata "language", e.g. "ru") inside
// Recognizer.Recognize, or "" when the metadata has none.
func Language(ctx context.Context) string {
	l, _ := ctx.Value(languageKey{}).(string)
	return l
}

// shift moves a segment's times from chunk time to call time, keeping
// them inside the chunk.
func shift(s schemas.Segment, offset, end float64) schemas.Segment {
	at := func(t float64) float64 { return math.Round(math.Min(offset+math.Max(t, 0), end)*1000) / 1000 }
	s.Start, s.End = at(s.Start), at(s.End)
	for i := range s.Words {
		s.Words[i].Start, s.Words[i].End = at(s.Words[i].Start), at(s.Words[i].End)
	}
	return s
}

// Chunks cuts speech (in time order) into the pieces a recognizer gets:
// each stretch widened by cfg.Pad, stretches closer than cfg.MaxGap
// joined, none longer than cfg.MaxChunk.
func Chunks(speech []schemas.Interval, dur float64, cfg ChunkConfig) []schemas.Interval {
	cfg = cfg.withDefaults()
	var out []schemas.Interval
	for _, iv := range speech {
		s, e := math.Max(0, iv.Start-cfg.Pad), math.Min(dur, iv.End+cfg.Pad)
		if e <= s {
			continue
		}
		if n := len(out); n > 0 && s-out[n-1].End < cfg.MaxGap && e-out[n-1].Start <= cfg.MaxChunk {
			out[n-1].End = math.Max(out[n-1].End, e)
			continue
		}
		if n := len(out); n > 0 {
			s = math.Max(s, out[n-1].End) // padding must not decode audio twice
		}
		// A stretch longer than MaxChunk is cut into equal pieces.
		pieces := int(math.Ceil((e - s) / cfg.MaxChunk))
		step := (e - s) / float64(pieces)
		for p := 0; p < pieces; p++ {
			out = append(out, schemas.Interval{Start: s + float64(p)*step, End: math.Min(e, s+float64(p+1)*step)})
		}
	}
	return out
}
