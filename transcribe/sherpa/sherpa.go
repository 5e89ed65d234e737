//go:build cgo && !nosherpa

package sherpa

import (
	"context"
	"fmt"
	"sync"

	sherpa "github.com/k2-fsa/sherpa-onnx-go/sherpa_onnx"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
)

// Built tells whether this build runs sherpa-onnx.
const Built = true

func init() {
	transcribe.Register("sherpa", func(raw map[string]any) (transcribe.Adapter, error) {
		c, err := ParseOptions(raw)
		if err != nil {
			return nil, err
		}
		rec, err := New(c)
		if err != nil {
			return nil, modelError(err)
		}
		return transcribe.NewRecognizerAdapter(schemas.ASRInfo{Adapter: "sherpa", Model: c.ModelName}, rec, transcribe.ChunkConfig{MaxChunk: c.MaxChunk}), nil
	})
}

// Recognizer runs one sherpa-onnx model. Decodes of different pieces run
// concurrently, each on its own stream.
type Recognizer struct {
	layout  Layout
	offline *sherpa.OfflineRecognizer
	online  *sherpa.OnlineRecognizer
	once    sync.Once
}

// New loads the model described by c.
func New(c Config) (*Recognizer, error) {
	l, err := Detect(c.ModelDir, c.Type, c.Int8)
	if err != nil {
		return nil, err
	}
	// sherpa-onnx exits the process on a model it cannot use: refuse it
	// here first.
	if err := l.Check(c); err != nil {
		return nil, err
	}
	r := &Recognizer{layout: l}
	feat := sherpa.FeatureConfig{SampleRate: l.SampleRate(), FeatureDim: 80}
	if l.Type == ToneCTC {
		oc := sherpa.OnlineRecognizerConfig{FeatConfig: feat, DecodingMethod: "greedy_search"}
		oc.ModelConfig.ToneCtc.Model = l.Model
		oc.ModelConfig.Tokens = l.Tokens
		oc.ModelConfig.NumThreads = c.Threads
		oc.ModelConfig.Provider = "cpu"
		if r.online = sherpa.NewOnlineRecognizer(&oc); r.online == nil {
			return nil, fmt.Errorf("%w directory %s: sherpa-onnx could not load it as %s (run with log level debug for its messages)", ErrModel, l.Dir, l.Type)
		}
		return r, nil
	}
	oc := sherpa.OfflineRecognizerConfig{FeatConfig: feat, DecodingMethod: c.DecodingMethod}
	mc := &oc.ModelConfig
	mc.Tokens, mc.NumThreads, mc.Provider = l.Tokens, c.Threads, "cpu"
	switch l.Type {
	case NemoCTC:
		mc.NemoCTC.Model = l.Model
	case ZipformerCTC:
		mc.ZipformerCtc.Model = l.Model
	case Transducer, NemoTransducer:
		mc.Transducer.Encoder, mc.Transducer.Decoder, mc.Transducer.Joiner = l.Encoder, l.Decoder, l.Joiner
		if l.Type == NemoTransducer {
			mc.ModelType = "nemo_transducer"
		}
	case Whisper:
		mc.Whisper.Encoder, mc.Whisper.Decoder = l.Encoder, l.Decoder
		mc.Whisper.Language, mc.Whisper.Task = c.Language, "transcribe"
		mc.Whisper.TailPaddings = -1
		mc.Whisper.EnableTokenTimestamps = 1
	}
	if r.offline = sherpa.NewOfflineRecognizer(&oc); r.offline == nil {
		return nil, fmt.Errorf("%w directory %s: sherpa-onnx could not load it as %s", ErrModel, l.Dir, l.Type)
	}
	return r, nil
}

// SampleRate is the model's input rate.
func (r *Recognizer) SampleRate() int { return r.layout.SampleRate() }

// Recognize decodes one piece of speech.
func (r *Recognizer) Recognize(ctx context.Context, pcm []float32, rate int) ([]schemas.Segment, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(pcm) == 0 {
		return nil, nil
	}
	dur := float64(len(pcm)) / float64(rate)
	if r.online != nil {
		s := sherpa.NewOnlineStream(r.online)
		defer sherpa.DeleteOnlineStream(s)
		s.AcceptWaveform(rate, pcm)
		// Trailing silence lets the streaming model emit its last tokens.
		s.AcceptWaveform(rate, make([]float32, rate/2))
		s.InputFinished()
		for r.online.IsReady(s) {
			r.online.Decode(s)
		}
		res := r.online.GetResult(s)
		return segments(result{Text: res.Text, Tokens: res.Tokens, Timestamps: res.Timestamps}, dur), nil
	}
	s := sherpa.NewOfflineStream(r.offline)
	defer sherpa.DeleteOfflineStream(s)
	s.AcceptWaveform(rate, pcm)
	r.offline.Decode(s)
	res := s.GetResult()
	return segments(result{Text: res.Text, Tokens: res.Tokens, Timestamps: res.Timestamps, Durations: res.Durations, LogProbs: res.YsLogProbs}, dur), nil
}

// Close frees the model.
func (r *Recognizer) Close() error {
	r.once.Do(func() {
		if r.offline != nil {
			sherpa.DeleteOfflineRecognizer(r.offline)
		}
		if r.online != nil {
			sherpa.DeleteOnlineRecognizer(r.online)
		}
	})
	return nil
}
