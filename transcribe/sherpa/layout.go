// Package sherpa is the `sherpa` ASR adapter: sherpa-onnx
// (github.com/k2-fsa/sherpa-onnx-go, ONNX Runtime inside) running an
// offline model from a model directory: NeMo CTC such as GigaAM, NeMo or
// zipformer transducers, Whisper, or the streaming T-one CTC model.
//
// Configuration (config asr.options, or asr.options.sherpa):
//
//	model_dir: /path/to/sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19
//	model: NAME              # or a catalogue name, looked up in asr.models_dir
//	type: nemo_ctc           # optional: nemo_ctc, nemo_transducer, transducer, zipformer_ctc, whisper, tone_ctc
//	threads: 2               # ONNX Runtime threads per decode
//	precision: int8          # int8 (default when present) or fp32
//	language: ru             # Whisper only
//	decoding_method: greedy_search  # or modified_beam_search (zipformer transducers)
//	max_chunk: 20            # seconds of speech decoded at once
package sherpa

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrModel means the model directory is missing, or holds files that are
// not a model of its type the adapter can run (see Layout.Check).
var ErrModel = errors.New("sherpa: model")

// Model types.
const (
	NemoCTC        = "nemo_ctc"
	NemoTransducer = "nemo_transducer"
	Transducer     = "transducer"
	ZipformerCTC   = "zipformer_ctc"
	Whisper        = "whisper"
	ToneCTC        = "tone_ctc"
)

// Layout is a model directory resolved to files.
type Layout struct {
	Dir     string
	Type    string
	Tokens  string
	Model   string // single-file models (CTC)
	Encoder string
	Decoder string
	Joiner  string
}

// Detect finds the files of a sherpa-onnx model in dir. typ forces the
// model type; empty guesses it from the files and the directory's name.
// int8 prefers quantized files when both are present.
func Detect(dir, typ string, int8 bool) (Layout, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return Layout{}, fmt.Errorf("%w directory %s: %w", ErrModel, dir, err)
	}
	if !fi.IsDir() {
		return Layout{}, fmt.Errorf("%w directory %s: not a directory", ErrModel, dir)
	}
	onnx, _ := filepath.Glob(filepath.Join(dir, "*.onnx"))
	pick := func(part string) string {
		var plain, quant string
		for _, f := range onnx {
			b := strings.ToLower(filepath.Base(f))
			if !strings.Contains(b, part) {
				continue
			}
			if strings.Contains(b, ".int8.") {
				if quant == "" {
					quant = f
				}
			} else if plain == "" {
				plain = f
			}
		}
		if int8 && quant != "" || plain == "" {
			return quant
		}
		return plain
	}
	l := Layout{Dir: dir, Type: typ}
	base := strings.ToLower(filepath.Base(dir))
	if l.Type == "" {
		switch {
		case strings.Contains(base, "whisper"):
			l.Type = Whisper
		case strings.Contains(base, "t-one") || strings.Contains(base, "tone"):
			l.Type = ToneCTC
		case pick("encoder") != "" && pick("joiner") != "":
			l.Type = Transducer
			if strings.Contains(base, "nemo") || strings.Contains(base, "giga") {
				l.Type = NemoTransducer
			}
		case strings.Contains(base, "zipformer") && strings.Contains(base, "ctc"):
			l.Type = ZipformerCTC
		default:
			l.Type = NemoCTC
		}
	}
	switch l.Type {
	case NemoCTC, ZipformerCTC, ToneCTC:
		l.Model = pick("model")
		if l.Model == "" && len(onnx) == 1 {
			l.Model = onnx[0]
		}
	case Transducer, NemoTransducer:
		l.Encoder, l.Decoder, l.Joiner = pick("encoder"), pick("decoder"), pick("joiner")
	case Whisper:
		l.Encoder, l.Decoder = pick("encoder"), pick("decoder")
	default:
		return Layout{}, fmt.Errorf("%w type %q: want %s, %s, %s, %s, %s or %s", ErrModel, l.Type, NemoCTC, NemoTransducer, Transducer, ZipformerCTC, Whisper, ToneCTC)
	}
	tokens, _ := filepath.Glob(filepath.Join(dir, "*tokens.txt"))
	sort.Strings(tokens)
	if len(tokens) > 0 {
		l.Tokens = tokens[0]
	}
	var missing []string
	need := map[string]string{"tokens.txt": l.Tokens}
	switch l.Type {
	case NemoCTC, ZipformerCTC, ToneCTC:
		need["model.onnx"] = l.Model
	case Transducer, NemoTransducer:
		need["encoder*.onnx"], need["decoder*.onnx"], need["joiner*.onnx"] = l.Encoder, l.Decoder, l.Joiner
	case Whisper:
		need["*-encoder.onnx"], need["*-decoder.onnx"] = l.Encoder, l.Decoder
	}
	for name, got := range need {
		if got == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return Layout{}, fmt.Errorf("%w directory %s: a %s model needs %s, not found", ErrModel, dir, l.Type, strings.Join(missing, ", "))
	}
	return l, nil
}

// SampleRate is the rate the model type is fed at: T-one is an 8 kHz
// telephony model, the others take 16 kHz.
func (l Layout) SampleRate() int {
	if l.Type == ToneCTC {
		return 8000
	}
	return 16000
}
