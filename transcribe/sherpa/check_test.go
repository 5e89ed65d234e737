package sherpa

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/onnxcheck"
)

// Model files as the exporters write them, as far as sherpa-onnx looks:
// inputs, outputs and metadata (onnxcheck.Encode; no graph to run, so
// these are only ever given to Check, never to sherpa-onnx).
type fake = onnxcheck.Model

func val(name string, rank int) onnxcheck.Value { return onnxcheck.Value{Name: name, Rank: rank} }

var (
	gigaCTC = &fake{
		Inputs:   []onnxcheck.Value{val("features", 3), val("feature_lengths", 1)},
		Outputs:  []onnxcheck.Value{val("log_probs", 3)},
		Metadata: map[string]string{"vocab_size": "4", "subsampling_factor": "4", "model_type": "EncDecCTCModel", "is_giga_am": "1"},
	}
	ctcTokens     = "▁ 0\nа 1\nб 2\n<blk> 3\n"
	zipformerCTCM = &fake{Inputs: []onnxcheck.Value{val("x", 3), val("x_lens", 1)}, Outputs: []onnxcheck.Value{val("log_probs", 3), val("log_probs_len", 1)}}
	toneM         = &fake{
		Inputs:   []onnxcheck.Value{val("signal", 3), val("state", 2)},
		Outputs:  []onnxcheck.Value{val("logprobs", 3), val("state_next", 2)},
		Metadata: map[string]string{"frame_length_ms": "300", "state_dim": "219729", "sample_rate": "8000"},
	}
	nemoEnc = &fake{
		Inputs:  []onnxcheck.Value{val("audio_signal", 3), val("length", 1)},
		Outputs: []onnxcheck.Value{val("outputs", 3), val("encoded_lengths", 1)},
		Metadata: map[string]string{"vocab_size": "3", "subsampling_factor": "4", "pred_rnn_layers": "1", "pred_hidden": "320",
			"model_type": "EncDecRNNTBPEModel", "normalize_type": ""},
	}
	nemoDec     = &fake{Inputs: []onnxcheck.Value{val("targets", 2), val("target_length", 1), val("states.1", 3), val("onnx::Slice_3", 3)}}
	joinerM     = &fake{Inputs: []onnxcheck.Value{val("encoder_outputs", 3), val("decoder_outputs", 3)}, Outputs: []onnxcheck.Value{val("outputs", 4)}}
	nemoTokens  = "а 0\nб 1\nв 2\n<blk> 3\n"
	zipEnc      = &fake{Inputs: []onnxcheck.Value{val("x", 3), val("x_lens", 1)}, Metadata: map[string]string{"model_type": "zipformer2"}}
	zipDec      = &fake{Inputs: []onnxcheck.Value{val("y", 2)}, Metadata: map[string]string{"vocab_size": "4", "context_size": "2"}}
	zipTokens   = "<blk> 0\n<sos/eos> 1\n▁а 2\nб 3\n"
	whisperEnc  = &fake{Inputs: []onnxcheck.Value{val("mel", 3)}, Metadata: whisperMeta("1")}
	whisperDec  = &fake{Inputs: []onnxcheck.Value{val("tokens", 2), val("in_n_layer_self_k_cache", 4), val("in_n_layer_self_v_cache", 4), val("n_layer_cross_k", 4), val("n_layer_cross_v", 4), val("offset", 1)}}
	sileroLike  = &fake{Inputs: []onnxcheck.Value{val("input", 2), val("state", 3), val("sr", 0)}, Outputs: []onnxcheck.Value{val("output", 2), val("stateN", 3)}}
	whisperToks = "IQ== 0\nIg== 1\n"
)

func whisperMeta(multilingual string) map[string]string {
	m := map[string]string{"n_mels": "80", "n_text_layer": "4", "n_text_ctx": "448", "n_text_state": "384", "n_vocab": "51865",
		"sot": "50258", "eot": "50257", "blank_id": "220", "translate": "50358", "transcribe": "50359", "is_multilingual": multilingual,
		"no_timestamps": "50363", "no_speech": "50362", "sot_sequence": "50258,50259,50359"}
	if multilingual == "1" {
		m["all_language_tokens"], m["all_language_codes"] = "50259,50263", "en,ru"
	}
	return m
}

// with returns a copy of m with metadata changed (an empty value deletes
// the key).
func with(m *fake, kv ...string) *fake {
	c := *m
	c.Metadata = map[string]string{}
	for k, v := range m.Metadata {
		c.Metadata[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(c.Metadata, kv[i])
		} else {
			c.Metadata[kv[i]] = kv[i+1]
		}
	}
	return &c
}

// modelDir writes files (an *onnxcheck.Model is encoded, a string or
// []byte written as is) into a directory named name.
func modelDir(t *testing.T, name string, files map[string]any) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for f, content := range files {
		var data []byte
		switch c := content.(type) {
		case *fake:
			data = onnxcheck.Encode(c)
		case string:
			data = []byte(c)
		case []byte:
			data = c
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheck(t *testing.T) {
	ctc := func(model any, tokens string) map[string]any {
		return map[string]any{"model.onnx": model, "tokens.txt": tokens}
	}
	trans := func(enc, dec, join *fake, tokens string) map[string]any {
		return map[string]any{"encoder.onnx": enc, "decoder.onnx": dec, "joiner.onnx": join, "tokens.txt": tokens}
	}
	whisper := func(enc, dec *fake) map[string]any {
		return map[string]any{"tiny-encoder.onnx": enc, "tiny-decoder.onnx": dec, "tiny-tokens.txt": whisperToks}
	}
	tests := []struct {
		name     string
		typ      string
		files    map[string]any
		method   string // decoding_method (default greedy_search)
		language string
		kind     error // nil: passes
		wantErr  string
	}{
		{"GigaAM CTC", NemoCTC, ctc(gigaCTC, ctcTokens), "", "", nil, ""},
		{"Silero VAD as NeMo CTC", NemoCTC, ctc(sileroLike, ctcTokens), "", "", ErrModel,
			"model.onnx is not a NeMo CTC model (nemo_ctc): 3 inputs [input state sr], want 2; metadata lacks vocab_size, subsampling_factor (it has none)"},
		{"HTML page as the model", NemoCTC, ctc("<html><head><title>404 Not Found</title></head></html>", ctcTokens), "", "", ErrModel,
			`model.onnx: not an ONNX model: field 7 at byte 0 has wire type 4, which ONNX does not use (the file starts with "<html><head><tit")`},
		{"empty model", NemoCTC, ctc("", ctcTokens), "", "", ErrModel, "model.onnx: not an ONNX model: empty file"},
		{"truncated download", NemoCTC, ctc(onnxcheck.Encode(gigaCTC)[:50], ctcTokens), "", "", ErrModel, "(truncated?)"},
		{"negative vocabulary", NemoCTC, ctc(with(gigaCTC, "vocab_size", "-1"), ctcTokens), "", "", ErrModel, `metadata vocab_size is "-1", want a whole number >= 0`},
		{"CTC with beam search", NemoCTC, ctc(gigaCTC, ctcTokens), "modified_beam_search", "", transcribe.ErrOption,
			`asr.options.decoding_method: a nemo_ctc model decodes with greedy_search, got "modified_beam_search"`},
		{"tokens without a blank", NemoCTC, ctc(gigaCTC, "▁ 0\nа 1\nб 2\nв 3\n"), "", "", ErrModel, "tokens.txt has no blank token"},
		{"tokens short of the vocabulary", NemoCTC, ctc(gigaCTC, "<blk> 0\nа 1\n"), "", "", ErrModel, "tokens.txt has no token with id 2, but"},
		{"tokens with three fields", NemoCTC, ctc(gigaCTC, ctcTokens+"a b 4\n"), "", "", ErrModel, `tokens.txt line 5: "a b 4": want "symbol id", got 3 fields`},
		{"tokens with a word for an id", NemoCTC, ctc(gigaCTC, "<blk> zero\n"), "", "", ErrModel, `line 1: "<blk> zero": want "symbol id" with a whole-number id`},
		{"empty tokens", NemoCTC, ctc(gigaCTC, "\n"), "", "", ErrModel, "tokens.txt is empty"},
		{"lone ids are spaces", NemoCTC, ctc(gigaCTC, "<blk> 0\n1\nа 2\nб 3\n"), "", "", nil, ""},

		{"zipformer CTC", ZipformerCTC, ctc(zipformerCTCM, ctcTokens), "", "", nil, ""},
		{"zipformer CTC with a 2-D output", ZipformerCTC, ctc(&fake{Inputs: zipformerCTCM.Inputs, Outputs: []onnxcheck.Value{val("y", 2)}}, ctcTokens), "", "", ErrModel,
			"output y has 2 dimensions, want 3"},

		{"T-one", ToneCTC, ctc(toneM, ctcTokens), "modified_beam_search", "", nil, ""},
		{"T-one without its sample rate", ToneCTC, ctc(with(toneM, "sample_rate", ""), ctcTokens), "", "", ErrModel,
			"metadata lacks sample_rate (it has [frame_length_ms state_dim])"},

		{"GigaAM RNN-T", NemoTransducer, trans(nemoEnc, nemoDec, joinerM, nemoTokens), "", "", nil, ""},
		{"NeMo transducer with beam search", NemoTransducer, trans(nemoEnc, nemoDec, joinerM, nemoTokens), "modified_beam_search", "", transcribe.ErrOption,
			"a nemo_transducer model decodes with greedy_search"},
		{"NeMo <blk> not last", NemoTransducer, trans(nemoEnc, nemoDec, joinerM, "<blk> 0\nа 1\nб 2\nв 3\n"), "", "", ErrModel,
			"tokens.txt has 4 tokens, <blk> at id 0; the encoder"},
		{"NeMo decoder of an icefall model", NemoTransducer, trans(nemoEnc, zipDec, joinerM, nemoTokens), "", "", ErrModel,
			"decoder.onnx is not a NeMo transducer decoder (nemo_transducer): 1 inputs [y], want 4"},
		{"NeMo encoder without pred_hidden", NemoTransducer, trans(with(nemoEnc, "pred_hidden", ""), nemoDec, joinerM, nemoTokens), "", "", ErrModel,
			"metadata lacks pred_hidden"},

		{"zipformer transducer", Transducer, trans(zipEnc, zipDec, joinerM, zipTokens), "modified_beam_search", "", nil, ""},
		{"encoder without model_type", Transducer, trans(with(zipEnc, "model_type", ""), zipDec, joinerM, zipTokens), "", "", ErrModel,
			"encoder.onnx is not a transducer encoder (transducer): metadata lacks model_type (it has none)"},
		{"encoder of another kind", Transducer, trans(with(zipEnc, "model_type", "EncDecCTCModelBPE"), zipDec, joinerM, zipTokens), "", "", ErrModel,
			`metadata model_type is "EncDecCTCModelBPE", want conformer or zipformer or zipformer2 or EncDecRNNTBPEModel or EncDecHybridRNNTCTCBPEModel`},
		{"decoder without context_size", Transducer, trans(zipEnc, with(zipDec, "context_size", ""), joinerM, zipTokens), "", "", ErrModel,
			"decoder.onnx is not a transducer decoder: metadata lacks context_size"},
		{"joiner with one input", Transducer, trans(zipEnc, zipDec, &fake{Inputs: []onnxcheck.Value{val("x", 2)}}, zipTokens), "", "", ErrModel,
			"joiner.onnx is not a transducer joiner: 1 inputs [x], want 2"},
		{"NeMo model named transducer", Transducer, trans(nemoEnc, nemoDec, joinerM, nemoTokens), "modified_beam_search", "", transcribe.ErrOption,
			"a transducer model decodes with greedy_search, got"},
		{"unknown decoding method", Transducer, trans(zipEnc, zipDec, joinerM, zipTokens), "beam", "", transcribe.ErrOption,
			`decodes with greedy_search or modified_beam_search, got "beam"`},

		{"Whisper multilingual in Russian", Whisper, whisper(whisperEnc, whisperDec), "", "ru", nil, ""},
		{"Whisper detecting the language", Whisper, whisper(whisperEnc, whisperDec), "", "", nil, ""},
		{"Whisper in a language it lacks", Whisper, whisper(whisperEnc, whisperDec), "", "xx", transcribe.ErrOption,
			`asr.options.language: "xx" is not a language of`},
		{"English-only Whisper ignores the language", Whisper, whisper(with(whisperEnc, "is_multilingual", "0", "all_language_tokens", "", "all_language_codes", ""), whisperDec), "", "xx", nil, ""},
		{"Whisper language lists differ", Whisper, whisper(with(whisperEnc, "all_language_codes", "en"), whisperDec), "", "", ErrModel,
			"2 language tokens but 1 language codes"},
		{"Whisper sot_sequence not numbers", Whisper, whisper(with(whisperEnc, "sot_sequence", "sot,en"), whisperDec), "", "", ErrModel,
			`metadata sot_sequence is "sot,en", want comma-separated integers`},
		{"Whisper encoder and decoder swapped", Whisper, whisper(whisperDec, whisperEnc), "", "", ErrModel,
			"tiny-decoder.onnx is not a Whisper decoder (whisper): 1 inputs [mel], want 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := modelDir(t, "m", tt.files)
			l, err := Detect(dir, tt.typ, false)
			if err != nil {
				t.Fatal(err)
			}
			c := Config{DecodingMethod: "greedy_search", Language: tt.language}
			if tt.method != "" {
				c.DecodingMethod = tt.method
			}
			err = l.Check(c)
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Check: %v\nwant %v with %q", err, tt.kind, tt.wantErr)
			}
			if errors.Is(err, ErrModel) && !strings.Contains(err.Error(), dir) {
				t.Errorf("Check: %v does not name the file", err)
			}
		})
	}
}

// The Silero VAD model configured as a NeMo CTC model: sherpa-onnx would
// exit the process («'vocab_size' does not exist in the metadata»); the
// adapter returns an error instead. Were the check to let it through, this
// test binary would die here.
func TestSileroAsNeMoCTCIsAnError(t *testing.T) {
	if !Built {
		t.Skip("built without sherpa-onnx: the model is not looked at")
	}
	home, _ := os.UserHomeDir()
	silero := filepath.Join(home, ".cache/callscope/silero-vad/1.0.10/silero_vad_v5.onnx")
	data, err := os.ReadFile(silero)
	if err != nil {
		t.Skipf("no Silero VAD model to misconfigure (scripts/setup.sh vad installs it): %v", err)
	}
	dir := modelDir(t, "sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19", map[string]any{"model.onnx": data, "tokens.txt": ctcTokens})
	_, err = transcribe.NewAdapter("sherpa", map[string]any{"model_dir": dir, "type": "nemo_ctc"})
	if !errors.Is(err, ErrModel) {
		t.Fatalf("NewAdapter: %v, want ErrModel", err)
	}
	for _, want := range []string{filepath.Join(dir, "model.onnx") + " is not a NeMo CTC model", "3 inputs [input state sr], want 2", "metadata lacks vocab_size, subsampling_factor"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("NewAdapter: %v\nwant it to say %q", err, want)
		}
	}
}
