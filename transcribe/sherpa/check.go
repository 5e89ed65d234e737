package sherpa

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/onnxcheck"
)

// What sherpa-onnx reads from each kind of model file as it loads it
// (sherpa-onnx/csrc: offline-nemo-enc-dec-ctc-model.cc,
// offline-zipformer-ctc-model.cc, online-t-one-ctc-model.cc,
// offline-transducer-model.cc, offline-transducer-nemo-model.cc,
// offline-whisper-model.cc, offline-recognizer-impl.cc). A metadata key it
// reads with SHERPA_ONNX_READ_META_DATA must be there and not negative, or
// it exits; the number of inputs is the number of tensors it feeds on
// every run, and ONNX Runtime throws, uncaught, when the model wants
// another.
var (
	nemoCTCModel = onnxcheck.Want{Kind: "a NeMo CTC model (nemo_ctc)", NumInputs: 2,
		IntMetadata: []string{"vocab_size", "subsampling_factor"}}
	zipformerCTCModel = onnxcheck.Want{Kind: "a zipformer CTC model (zipformer_ctc)", NumInputs: 2,
		OutputRank: map[int]int{0: 3}} // its vocabulary size is output 0's third dimension
	toneCTCModel = onnxcheck.Want{Kind: "a T-one CTC model (tone_ctc)", NumInputs: 2,
		IntMetadata: []string{"frame_length_ms", "state_dim", "sample_rate"}}

	// An encoder without a model type given (type transducer) is
	// dispatched on its model_type metadata.
	transducerEncoder = onnxcheck.Want{Kind: "a transducer encoder (transducer)", NumInputs: 2,
		Values: map[string][]string{"model_type": append(slices.Clone(icefallTypes), nemoTypes...)}}
	icefallTypes      = []string{"conformer", "zipformer", "zipformer2"}
	nemoTypes         = []string{"EncDecRNNTBPEModel", "EncDecHybridRNNTCTCBPEModel"}
	transducerDecoder = onnxcheck.Want{Kind: "a transducer decoder", NumInputs: 1,
		IntMetadata: []string{"vocab_size", "context_size"}}
	transducerJoiner = onnxcheck.Want{Kind: "a transducer joiner", NumInputs: 2}

	nemoEncoder = onnxcheck.Want{Kind: "a NeMo transducer encoder (nemo_transducer)", NumInputs: 2,
		IntMetadata: []string{"vocab_size", "subsampling_factor", "pred_rnn_layers", "pred_hidden"}}
	// targets, their lengths and the two LSTM states.
	nemoDecoder = onnxcheck.Want{Kind: "a NeMo transducer decoder (nemo_transducer)", NumInputs: 4}

	whisperEncoder = onnxcheck.Want{Kind: "a Whisper encoder (whisper)", NumInputs: 1,
		IntMetadata: []string{"n_mels", "n_text_layer", "n_text_ctx", "n_text_state", "n_vocab", "sot", "eot",
			"blank_id", "translate", "transcribe", "is_multilingual", "no_timestamps", "no_speech"},
		IntListMetadata: []string{"sot_sequence"}}
	whisperMultilingual = onnxcheck.Want{Kind: "a multilingual Whisper encoder (whisper)",
		IntListMetadata: []string{"all_language_tokens"}, Metadata: []string{"all_language_codes"}}
	// tokens, self-attention key and value caches, cross-attention key and
	// value, offset.
	whisperDecoder = onnxcheck.Want{Kind: "a Whisper decoder (whisper)", NumInputs: 6}
)

// Check looks at the model and the options before sherpa-onnx sees them.
// sherpa-onnx ends the whole process on a model it cannot use (a file that
// is not ONNX, a Silero VAD model given as a NeMo CTC one, a tokens.txt
// from another model, a decoding method or Whisper language the model
// does not have): each such case is an error here instead, wrapping
// ErrModel (the files) or transcribe.ErrOption (the options) and saying
// what was expected and what was found.
func (l Layout) Check(c Config) error {
	files := map[string]onnxcheck.Want{}
	methods := []string{"greedy_search"}
	// What tokens.txt must hold: CTC decoding looks up a blank symbol;
	// every decoder looks up each id it emits (an unknown one throws, and
	// the process aborts), so the ids must cover the vocabulary the model
	// declares in the metadata of vocabFrom.
	var ctcBlank, nemoBlank bool
	var vocabFrom string
	switch l.Type {
	case NemoCTC:
		files[l.Model], ctcBlank, vocabFrom = nemoCTCModel, true, l.Model
	case ZipformerCTC:
		files[l.Model], ctcBlank = zipformerCTCModel, true
	case ToneCTC:
		files[l.Model] = toneCTCModel
		methods = nil // the adapter always asks for greedy_search
	case NemoTransducer:
		files[l.Encoder], files[l.Decoder], files[l.Joiner] = nemoEncoder, nemoDecoder, transducerJoiner
		nemoBlank, vocabFrom = true, l.Encoder
	case Transducer:
		enc, err := readModel(l.Encoder)
		if err != nil {
			return err
		}
		if err := enc.Check(transducerEncoder); err != nil {
			return fmt.Errorf("%w: %w", ErrModel, err)
		}
		if slices.Contains(nemoTypes, enc.Metadata["model_type"]) {
			// sherpa-onnx runs it as a NeMo transducer.
			files[l.Encoder], files[l.Decoder], files[l.Joiner] = nemoEncoder, nemoDecoder, transducerJoiner
			nemoBlank, vocabFrom = true, l.Encoder
		} else {
			files[l.Decoder], files[l.Joiner] = transducerDecoder, transducerJoiner
			methods = append(methods, "modified_beam_search")
			vocabFrom = l.Decoder
		}
	case Whisper:
		files[l.Encoder], files[l.Decoder] = whisperEncoder, whisperDecoder
	}
	read := map[string]*onnxcheck.Model{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		m, err := readModel(p)
		if err != nil {
			return err
		}
		if err := m.Check(files[p]); err != nil {
			return fmt.Errorf("%w: %w", ErrModel, err)
		}
		read[p] = m
	}
	if l.Type == Whisper {
		if err := checkWhisperLanguages(read[l.Encoder], c.Language); err != nil {
			return err
		}
	}
	if methods != nil && !slices.Contains(methods, c.DecodingMethod) {
		return fmt.Errorf("%w: asr.options.decoding_method: a %s model decodes with %s, got %q",
			transcribe.ErrOption, l.Type, strings.Join(methods, " or "), c.DecodingMethod)
	}
	tokens, err := readTokens(l.Tokens)
	if err != nil {
		return err
	}
	if ctcBlank && !tokens.has("<blk>") && !tokens.has("<eps>") && !tokens.has("<blank>") {
		return fmt.Errorf("%w: %s has no blank token (<blk>, <eps> or <blank>), which CTC decoding needs: tokens of another model?", ErrModel, l.Tokens)
	}
	if vocabFrom == "" {
		return nil
	}
	// Checked above: a whole number.
	vocab, _ := strconv.Atoi(strings.TrimSpace(read[vocabFrom].Metadata["vocab_size"]))
	if nemoBlank {
		// A NeMo transducer's vocab_size leaves the blank out; it is the
		// last token, and sherpa-onnx checks the count.
		if id, ok := tokens.ids["<blk>"]; !ok || id != vocab || tokens.lines != vocab+1 {
			return fmt.Errorf("%w: %s has %d tokens, <blk> %s; the encoder %s wants %d tokens with <blk> last (id %d): tokens of another model?",
				ErrModel, l.Tokens, tokens.lines, idText(id, ok), l.Encoder, vocab+1, vocab)
		}
		return nil
	}
	if missing := tokens.missing(vocab); missing >= 0 {
		return fmt.Errorf("%w: %s has no token with id %d, but %s has a vocabulary of %d: tokens of another model?",
			ErrModel, l.Tokens, missing, vocabFrom, vocab)
	}
	return nil
}

func idText(id int, ok bool) string {
	if !ok {
		return "missing"
	}
	return "at id " + strconv.Itoa(id)
}

// readModel reads a model file's declarations; a file that is not ONNX
// is ErrModel.
func readModel(path string) (*onnxcheck.Model, error) {
	m, err := onnxcheck.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	return m, nil
}

// checkWhisperLanguages checks a multilingual Whisper encoder's language
// lists, and that the configured language is one of them: sherpa-onnx
// exits on the first call otherwise («Invalid language»).
func checkWhisperLanguages(m *onnxcheck.Model, language string) error {
	if m.Metadata["is_multilingual"] == "0" {
		return nil // an English-only model ignores the language
	}
	if err := m.Check(whisperMultilingual); err != nil {
		return fmt.Errorf("%w: %w", ErrModel, err)
	}
	codes := strings.Split(m.Metadata["all_language_codes"], ",")
	if n := len(strings.Split(m.Metadata["all_language_tokens"], ",")); n != len(codes) {
		return fmt.Errorf("%w: %s: %d language tokens but %d language codes", ErrModel, m.Path, n, len(codes))
	}
	if language != "" && !slices.Contains(codes, language) {
		return fmt.Errorf("%w: asr.options.language: %q is not a language of %s (it has %s)",
			transcribe.ErrOption, language, m.Path, strings.Join(codes, ", "))
	}
	return nil
}

// tokenTable is what tokens.txt holds, as sherpa-onnx reads it.
type tokenTable struct {
	ids   map[string]int // by symbol
	byID  map[int]bool
	lines int
}

func (t tokenTable) has(sym string) bool {
	_, ok := t.ids[sym]
	return ok
}

// missing is the first id below n with no token, or -1.
func (t tokenTable) missing(n int) int {
	for id := range n {
		if !t.byID[id] {
			return id
		}
	}
	return -1
}

// readTokens reads tokens.txt the way sherpa-onnx's SymbolTable does:
// each line is "symbol id", or a lone id (the symbol is a space). A line
// with more fields, or an id that is not a whole number, makes it exit.
func readTokens(path string) (tokenTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return tokenTable{}, fmt.Errorf("%w: %w", ErrModel, err)
	}
	defer f.Close()
	t := tokenTable{ids: map[string]int{}, byID: map[int]bool{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		switch len(fields) {
		case 0:
			continue
		case 1:
			id := atoiPrefix(fields[0])
			t.ids[" "], t.byID[id] = id, true
		case 2:
			id, err := strconv.ParseInt(fields[1], 10, 32)
			if err != nil {
				return tokenTable{}, fmt.Errorf("%w: %s line %d: %q: want \"symbol id\" with a whole-number id", ErrModel, path, n, sc.Text())
			}
			if _, dup := t.ids[fields[0]]; !dup {
				t.ids[fields[0]] = int(id)
			}
			t.byID[int(id)] = true
		default:
			return tokenTable{}, fmt.Errorf("%w: %s line %d: %q: want \"symbol id\", got %d fields: not a tokens.txt?", ErrModel, path, n, sc.Text(), len(fields))
		}
		t.lines++
	}
	if err := sc.Err(); err != nil {
		return tokenTable{}, fmt.Errorf("%w: %s: %w", ErrModel, path, err)
	}
	if t.lines == 0 {
		return tokenTable{}, fmt.Errorf("%w: %s is empty", ErrModel, path)
	}
	return t, nil
}

// atoiPrefix is C's atoi: the leading whole number, 0 when there is none.
func atoiPrefix(s string) int {
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || end == 0 && (s[end] == '-' || s[end] == '+')) {
		end++
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}
