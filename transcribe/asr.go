// Package transcribe turns a recording into a transcript: it fetches the
// audio, decodes it, splits the channels by the call's channel map and hands
// them to an ASR adapter chosen by name. The transcript is stored in object
// storage and an analyze job is published.
package transcribe

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/wav"
)

// Channel is one party's audio: mono samples in -1..1.
type Channel struct {
	Role       string // schemas.RoleOperator, RoleClient or RoleMixed
	SampleRate int
	// Samples are read a piece at a time: the stage gives a view of the
	// recording's bytes (wav.Raw), so that a long call is never held as
	// float32 whole; wav.Floats wraps samples already decoded.
	Samples wav.Samples
	// Speech holds the channel's speech as the VAD found it, when VADRan;
	// recognizers decode only these stretches.
	Speech []schemas.Interval
	// VADRan tells an empty Speech (silence) from an unknown one (no VAD).
	VADRan bool
}

// Call is what an adapter transcribes.
type Call struct {
	ID       string
	Language string
	// Duration of the recording in seconds.
	Duration float64
	Channels []Channel
	// Sibling reads an object stored beside the recording, by the suffix
	// that replaces the recording's extension (".transcript.json"); found is
	// false when there is none. Adapters that read provider output use it.
	Sibling func(ctx context.Context, suffix string) (data []byte, found bool, err error)
}

// Adapter is an ASR engine, or any other source of transcripts. It returns
// the segments of each channel; the stage fills the call's identity, its
// duration and the ASR info.
type Adapter interface {
	Transcribe(ctx context.Context, call Call) (schemas.Transcript, error)
}

// Closer is implemented by adapters that hold an engine to free.
type Closer interface{ Close() error }

// Recognizer is a speech-to-text engine: mono PCM in, segments with words,
// times and confidences out. RecognizerAdapter turns one into an Adapter.
type Recognizer interface {
	// SampleRate is the rate Recognize wants its input at; 0 takes any.
	SampleRate() int
	// Recognize transcribes one stretch of speech: samples in -1..1 at
	// sampleRate. Times in the segments are seconds from the start of pcm.
	// It is called from several goroutines at once (one per channel). pcm
	// is reused for the next stretch: keep no reference to it.
	Recognize(ctx context.Context, pcm []float32, sampleRate int) ([]schemas.Segment, error)
	// Close frees the engine.
	Close() error
}

// Factory builds an adapter from its configuration section.
type Factory func(cfg map[string]any) (Adapter, error)

// ErrUnknownAdapter is returned by NewAdapter for a name nobody registered.
var ErrUnknownAdapter = errors.New("unknown ASR adapter")

var (
	registryMu sync.RWMutex
	registry   = map[string]Factory{}
)

// Register makes an adapter available by name. Adapters register themselves
// in an init function of their own file.
func Register(name string, f Factory) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic("transcribe: adapter registered twice: " + name)
	}
	registry[name] = f
}

// Adapters lists the registered adapter names.
func Adapters() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ModelsDirOption is the option through which the caller passes the
// models directory (config asr.models_dir) to adapters that find a model by
// name.
const ModelsDirOption = "models_dir"

// NewAdapter builds the adapter registered under name. cfg is the config's
// asr.options: the adapter's own settings, either directly or in a section
// named after the adapter (asr.options.sherpa.model_dir), so that several
// adapters can be configured side by side. A models_dir key at the top is
// passed on to the section.
func NewAdapter(name string, cfg map[string]any) (Adapter, error) {
	registryMu.RLock()
	f, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownAdapter, name, Adapters())
	}
	cfg = adapterSection(name, cfg)
	a, err := f(cfg)
	if err != nil {
		return nil, fmt.Errorf("transcribe: adapter %s: %w", name, err)
	}
	return a, nil
}

// adapterSection picks the adapter's own section out of asr.options.
func adapterSection(name string, cfg map[string]any) map[string]any {
	sec, ok := cfg[name].(map[string]any)
	if !ok {
		// Flat options; drop the other adapters' sections.
		out := make(map[string]any, len(cfg))
		for k, v := range cfg {
			if _, isMap := v.(map[string]any); isMap && registered(k) {
				continue
			}
			out[k] = v
		}
		return out
	}
	out := make(map[string]any, len(sec)+1)
	for k, v := range sec {
		out[k] = v
	}
	if md, ok := cfg[ModelsDirOption]; ok {
		if _, set := out[ModelsDirOption]; !set {
			out[ModelsDirOption] = md
		}
	}
	return out
}

func registered(name string) bool {
	registryMu.RLock()
	defer registryMu.RUnlock()
	_, ok := registry[name]
	return ok
}

// ErrOption wraps every bad adapter option.
var ErrOption = errors.New("bad ASR option")

// Options reads an adapter's settings (asr.options) with their types
// checked; every error names the option.
type Options map[string]any

// Check fails on an option the adapter does not know, a typo most often.
func (o Options) Check(known ...string) error {
	for k := range o {
		if k == ModelsDirOption {
			continue
		}
		found := false
		for _, kk := range known {
			found = found || k == kk
		}
		if !found {
			sort.Strings(known)
			return fmt.Errorf("%w: asr.options.%s: unknown option (known: %v)", ErrOption, k, known)
		}
	}
	return nil
}

// String returns a text option, or def when it is not set.
func (o Options) String(key, def string) (string, error) {
	v, ok := o[key]
	if !ok || v == nil {
		return def, nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%w: asr.options.%s: want text, got %v", ErrOption, key, v)
	}
	return s, nil
}

// Int returns a whole-number option, or def when it is not set.
func (o Options) Int(key string, def int) (int, error) {
	v, ok := o[key]
	if !ok || v == nil {
		return def, nil
	}
	switch n := v.(type) {
	case int:
		return n, nil
	case int64:
		return int(n), nil
	case float64:
		if n == float64(int(n)) {
			return int(n), nil
		}
	case string:
		if i, err := strconv.Atoi(n); err == nil {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w: asr.options.%s: want a whole number, got %v", ErrOption, key, v)
}

// Float returns a number option, or def when it is not set.
func (o Options) Float(key string, def float64) (float64, error) {
	v, ok := o[key]
	if !ok || v == nil {
		return def, nil
	}
	switch n := v.(type) {
	case int:
		return float64(n), nil
	case int64:
		return float64(n), nil
	case float64:
		return n, nil
	case string:
		if f, err := strconv.ParseFloat(n, 64); err == nil {
			return f, nil
		}
	}
	return 0, fmt.Errorf("%w: asr.options.%s: want a number, got %v", ErrOption, key, v)
}

// Duration returns a duration option (30s, 1m), or def when it is not set.
// A bare number is seconds.
func (o Options) Duration(key string, def time.Duration) (time.Duration, error) {
	v, ok := o[key]
	if !ok || v == nil {
		return def, nil
	}
	switch n := v.(type) {
	case string:
		if d, err := time.ParseDuration(n); err == nil {
			return d, nil
		}
	case int:
		return time.Duration(n) * time.Second, nil
	case float64:
		return time.Duration(n * float64(time.Second)), nil
	}
	return 0, fmt.Errorf("%w: asr.options.%s: want a duration such as 30s, got %v", ErrOption, key, v)
}
