// Package vosk is the `vosk` ASR adapter: Kaldi models (such as
// vosk-model-small-ru-0.22) run by libvosk, with word times and
// confidences.
//
// libvosk.so comes from the npm package vosk@0.3.39 (scripts/setup.sh vosk
// puts it in ~/.cache/callscope/vosk/0.3.39/). It is loaded when the
// adapter is built, through purego (as the embedded ClickHouse is), not
// linked at build time: the cgo binding github.com/alphacep/vosk-api/go
// needs vosk_api.h and libvosk at every build (CGO_CFLAGS/CGO_LDFLAGS and
// an rpath), which would make every build of callscope depend on a library
// only Vosk users need. The C API it calls is the same ten functions.
//
// Configuration (config asr.options, or asr.options.vosk):
//
//	model_dir: /path/to/vosk-model-small-ru-0.22
//	model: NAME          # or a catalogue name, looked up in asr.models_dir
//	library: /path/to/libvosk.so   # default: $CALLSCOPE_VOSK_LIB, then the setup cache
//	sample_rate: 16000   # the model's rate
//	max_chunk: 20        # seconds of speech decoded at once
package vosk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/ebitengine/purego"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/models"

	"github.com/callscope/callscope/internal/cachedir"
)

// Version is the libvosk release the adapter is written against.
const Version = "0.3.39"

// Errors of the adapter.
var (
	// ErrLibrary: libvosk.so cannot be found or loaded.
	ErrLibrary = errors.New("vosk: library")
	// ErrModel: the model is missing or libvosk cannot load it.
	ErrModel = errors.New("vosk: model")
)

func init() {
	transcribe.Register("vosk", func(raw map[string]any) (transcribe.Adapter, error) {
		c, err := ParseOptions(raw)
		if err != nil {
			return nil, err
		}
		rec, err := New(c)
		if err != nil {
			return nil, err
		}
		return transcribe.NewRecognizerAdapter(schemas.ASRInfo{Adapter: "vosk", Model: c.ModelName}, rec, transcribe.ChunkConfig{MaxChunk: c.MaxChunk}), nil
	})
}

// Config configures the adapter.
type Config struct {
	ModelDir   string
	ModelName  string
	Library    string
	SampleRate int
	MaxChunk   float64
}

// ParseOptions reads and checks the adapter's options.
func ParseOptions(raw map[string]any) (Config, error) {
	o := transcribe.Options(raw)
	if err := o.Check("model_dir", "model", "library", "sample_rate", "max_chunk"); err != nil {
		return Config{}, err
	}
	var c Config
	var modelsDir string
	var err error
	for _, f := range []func() error{
		func() (e error) { c.ModelDir, e = o.String("model_dir", ""); return },
		func() (e error) { c.ModelName, e = o.String("model", ""); return },
		func() (e error) { c.Library, e = o.String("library", ""); return },
		func() (e error) { c.SampleRate, e = o.Int("sample_rate", 16000); return },
		func() (e error) { c.MaxChunk, e = o.Float("max_chunk", 20); return },
		func() (e error) { modelsDir, e = o.String(transcribe.ModelsDirOption, ""); return },
	} {
		if err = f(); err != nil {
			return Config{}, err
		}
	}
	if c.SampleRate < 8000 || c.SampleRate > 48000 {
		return Config{}, fmt.Errorf("%w: asr.options.sample_rate: want 8000-48000, got %d", transcribe.ErrOption, c.SampleRate)
	}
	if c.ModelDir == "" && c.ModelName != "" {
		c.ModelDir = models.Path(modelsDir, c.ModelName)
	}
	if c.ModelDir == "" {
		// Nothing configured: take an installed catalogue model.
		for _, name := range models.Suggest("vosk", "") {
			if models.Installed(modelsDir, name) {
				c.ModelDir, c.ModelName = models.Path(modelsDir, name), name
				break
			}
		}
	}
	if c.ModelDir == "" {
		dir := modelsDir
		if dir == "" {
			dir = models.DefaultDir()
		}
		return Config{}, fmt.Errorf("%w: none configured or installed: set asr.options.model to a model installed in %s (callscope models pull vosk-model-small-ru-0.22) or asr.options.model_dir to a Vosk model directory", ErrModel, dir)
	}
	if c.ModelName == "" {
		c.ModelName = filepath.Base(c.ModelDir)
	}
	return c, nil
}

// LibraryPaths lists where libvosk.so is looked for when no library is
// configured: $CALLSCOPE_VOSK_LIB, then CACHE/vosk/0.3.39/libvosk.so.
func LibraryPaths() []string {
	var out []string
	if p := os.Getenv("CALLSCOPE_VOSK_LIB"); p != "" {
		out = append(out, p)
	}
	return append(out, filepath.Join(cachedir.Dir(), "vosk", Version, "libvosk.so"))
}

// api is libvosk's C API.
type api struct {
	setLogLevel      func(level int32)
	modelNew         func(path string) uintptr
	modelFree        func(model uintptr)
	recognizerNew    func(model uintptr, rate float32) uintptr
	recognizerFree   func(rec uintptr)
	setWords         func(rec uintptr, words int32)
	acceptWaveformS  func(rec uintptr, data *int16, length int32) int32
	recognizerResult func(rec uintptr) string
	recognizerFinal  func(rec uintptr) string
}

var (
	libOnce sync.Once
	lib     *api
	libErr  error
	libPath string
)

// load opens libvosk once per process.
func load(configured string) (*api, error) {
	libOnce.Do(func() {
		paths := LibraryPaths()
		if configured != "" {
			paths = []string{configured}
		}
		var handle uintptr
		var errs []string
		for _, p := range paths {
			if _, err := os.Stat(p); err != nil {
				errs = append(errs, p+": not found")
				continue
			}
			h, err := purego.Dlopen(p, purego.RTLD_NOW|purego.RTLD_LOCAL)
			if err != nil {
				errs = append(errs, p+": "+err.Error())
				continue
			}
			handle, libPath = h, p
			break
		}
		if handle == 0 {
			libErr = fmt.Errorf("%w: libvosk.so not loaded (%s); run scripts/setup.sh vosk or set asr.options.library", ErrLibrary, strings.Join(errs, "; "))
			return
		}
		a := &api{}
		defer func() {
			if r := recover(); r != nil {
				libErr = fmt.Errorf("%w: %s: %v", ErrLibrary, libPath, r)
			}
		}()
		purego.RegisterLibFunc(&a.setLogLevel, handle, "vosk_set_log_level")
		purego.RegisterLibFunc(&a.modelNew, handle, "vosk_model_new")
		purego.RegisterLibFunc(&a.modelFree, handle, "vosk_model_free")
		purego.RegisterLibFunc(&a.recognizerNew, handle, "vosk_recognizer_new")
		purego.RegisterLibFunc(&a.recognizerFree, handle, "vosk_recognizer_free")
		purego.RegisterLibFunc(&a.setWords, handle, "vosk_recognizer_set_words")
		purego.RegisterLibFunc(&a.acceptWaveformS, handle, "vosk_recognizer_accept_waveform_s")
		purego.RegisterLibFunc(&a.recognizerResult, handle, "vosk_recognizer_result")
		purego.RegisterLibFunc(&a.recognizerFinal, handle, "vosk_recognizer_final_result")
		a.setLogLevel(-1) // Kaldi's logging goes to stderr otherwise
		lib = a
	})
	return lib, libErr
}

// Recognizer runs one Vosk model; each Recognize call has its own Kaldi
// recognizer, so channels decode in parallel.
type Recognizer struct {
	api   *api
	model uintptr
	rate  int
	once  sync.Once
}

// New loads libvosk and the model.
func New(c Config) (*Recognizer, error) {
	a, err := load(c.Library)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(filepath.Join(c.ModelDir, "am")); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("%w directory %s: not a Vosk model (no am/ inside); get one with: callscope models pull vosk-model-small-ru-0.22", ErrModel, c.ModelDir)
	}
	m := a.modelNew(c.ModelDir)
	if m == 0 {
		return nil, fmt.Errorf("%w directory %s: libvosk could not load it", ErrModel, c.ModelDir)
	}
	return &Recognizer{api: a, model: m, rate: c.SampleRate}, nil
}

// SampleRate is the model's rate.
func (r *Recognizer) SampleRate() int { return r.rate }

// block is the audio handed to libvosk per call (0.2 s at 16 kHz).
const block = 3200

// Recognize decodes one piece of speech.
func (r *Recognizer) Recognize(ctx context.Context, pcm []float32, rate int) ([]schemas.Segment, error) {
	rec := r.api.recognizerNew(r.model, float32(rate))
	if rec == 0 {
		return nil, fmt.Errorf("%w: libvosk could not make a recognizer at %d Hz", ErrModel, rate)
	}
	defer r.api.recognizerFree(rec)
	r.api.setWords(rec, 1)
	buf := make([]int16, block)
	var segs []schemas.Segment
	for i := 0; i < len(pcm); i += block {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in := pcm[i:min(i+block, len(pcm))]
		for k, v := range in {
			buf[k] = int16(math.Max(-32768, math.Min(32767, float64(v)*32767)))
		}
		if r.api.acceptWaveformS(rec, &buf[0], int32(len(in))) == 1 {
			s, err := parseResult(r.api.recognizerResult(rec))
			if err != nil {
				return nil, err
			}
			segs = append(segs, s...)
		}
	}
	s, err := parseResult(r.api.recognizerFinal(rec))
	if err != nil {
		return nil, err
	}
	return append(segs, s...), nil
}

// Close frees the model.
func (r *Recognizer) Close() error {
	r.once.Do(func() { r.api.modelFree(r.model) })
	return nil
}

// voskResult is libvosk's JSON with words on.
type voskResult struct {
	Text   string `json:"text"`
	Result []struct {
		Word  string  `json:"word"`
		Start float64 `json:"start"`
		End   float64 `json:"end"`
		Conf  float64 `json:"conf"`
	} `json:"result"`
}

// parseResult turns one utterance's JSON into a segment.
func parseResult(js string) ([]schemas.Segment, error) {
	var vr voskResult
	if err := json.Unmarshal([]byte(js), &vr); err != nil {
		return nil, fmt.Errorf("vosk: result %q: %w", js, err)
	}
	text := strings.TrimSpace(vr.Text)
	if text == "" || len(vr.Result) == 0 {
		return nil, nil
	}
	seg := schemas.Segment{Text: text, Start: vr.Result[0].Start, End: vr.Result[len(vr.Result)-1].End}
	for _, w := range vr.Result {
		seg.Words = append(seg.Words, schemas.Word{W: w.Word, Start: w.Start, End: w.End, Conf: w.Conf})
	}
	return []schemas.Segment{seg}, nil
}
