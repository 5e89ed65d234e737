package sherpa

import (
	"errors"
	"fmt"
	"strings"

	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/models"
)

// Config is the adapter's configuration, read from asr.options.
type Config struct {
	ModelDir       string
	ModelName      string // for the transcript's asr.model
	Type           string
	Threads        int
	Int8           bool
	Language       string
	DecodingMethod string
	MaxChunk       float64
}

var knownOptions = []string{"model_dir", "model", "type", "threads", "precision", "language", "decoding_method", "max_chunk", "provider"}

// ParseOptions reads and checks the adapter's options. A missing model is
// reported with the catalogue's models and how to install one.
func ParseOptions(raw map[string]any) (Config, error) {
	o := transcribe.Options(raw)
	if err := o.Check(knownOptions...); err != nil {
		return Config{}, err
	}
	var c Config
	var err error
	get := func(f func() error) {
		if err == nil {
			err = f()
		}
	}
	get(func() (e error) { c.ModelDir, e = o.String("model_dir", ""); return })
	get(func() (e error) { c.ModelName, e = o.String("model", ""); return })
	get(func() (e error) { c.Type, e = o.String("type", ""); return })
	get(func() (e error) { c.Threads, e = o.Int("threads", 2); return })
	get(func() (e error) { c.Language, e = o.String("language", ""); return })
	get(func() (e error) { c.DecodingMethod, e = o.String("decoding_method", "greedy_search"); return })
	get(func() (e error) { c.MaxChunk, e = o.Float("max_chunk", 20); return })
	var precision, modelsDir string
	get(func() (e error) { precision, e = o.String("precision", "int8"); return })
	get(func() (e error) { modelsDir, e = o.String(transcribe.ModelsDirOption, ""); return })
	if err != nil {
		return Config{}, err
	}
	switch precision {
	case "int8":
		c.Int8 = true
	case "fp32":
	default:
		return Config{}, fmt.Errorf("%w: asr.options.precision: want int8 or fp32, got %q", transcribe.ErrOption, precision)
	}
	if c.Threads < 1 {
		return Config{}, fmt.Errorf("%w: asr.options.threads: want at least 1, got %d", transcribe.ErrOption, c.Threads)
	}
	if c.ModelDir == "" && c.ModelName != "" {
		c.ModelDir = models.Path(modelsDir, c.ModelName)
	}
	if c.ModelDir == "" {
		// Nothing configured: take an installed catalogue model, Russian
		// ones first, so that `models pull` is all a first run needs.
		for _, name := range append(models.Suggest("sherpa", "ru"), models.Suggest("sherpa", "")...) {
			if models.Installed(modelsDir, name) {
				c.ModelDir, c.ModelName = models.Path(modelsDir, name), name
				break
			}
		}
	}
	if c.ModelDir == "" {
		return Config{}, fmt.Errorf("%w: no model configured or installed: %s", ErrModel, howToGet(modelsDir))
	}
	if c.ModelName == "" {
		c.ModelName = lastElem(c.ModelDir)
	}
	return c, nil
}

// howToGet tells the user how to install a Russian model.
func howToGet(modelsDir string) string {
	names := models.Suggest("sherpa", "ru")
	first := "sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19"
	if len(names) > 0 {
		first = names[0]
	}
	dir := modelsDir
	if dir == "" {
		dir = models.DefaultDir()
	}
	return fmt.Sprintf("set asr.options.model to a model installed in %s (callscope models pull %s; known: %s) or asr.options.model_dir to a sherpa-onnx model directory",
		dir, first, strings.Join(names, ", "))
}

func lastElem(p string) string {
	p = strings.TrimRight(p, "/")
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// modelError adds the way out to a model that is missing.
func modelError(err error) error {
	if errors.Is(err, ErrModel) {
		return fmt.Errorf("%w; %s", err, howToGet(""))
	}
	return err
}
