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
	"sync"

	"github.com/callscope/callscope/schemas"
)

// Channel is one party's audio: mono samples in -1..1.
type Channel struct {
	Role       string // schemas.RoleOperator, RoleClient or RoleMixed
	SampleRate int
	Samples    []float32
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

// NewAdapter builds the adapter registered under name.
func NewAdapter(name string, cfg map[string]any) (Adapter, error) {
	registryMu.RLock()
	f, ok := registry[name]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownAdapter, name, Adapters())
	}
	a, err := f(cfg)
	if err != nil {
		return nil, fmt.Errorf("transcribe: adapter %s: %w", name, err)
	}
	return a, nil
}
