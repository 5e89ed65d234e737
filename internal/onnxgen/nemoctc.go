package onnxgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// NemoCTC describes a tiny model shaped like a NeMo CTC export (such as
// GigaAM's), which sherpa-onnx's OfflineRecognizer loads as nemo_ctc
// (sherpa-onnx/csrc/offline-nemo-enc-dec-ctc-model.cc) and decodes with
// its CTC greedy search. It recognizes nothing: it is a crude voice
// detector that says Word for every stretch of loud frames, so that what
// comes out of sherpa-onnx can be checked against where the speech is.
//
// What sherpa-onnx requires of it, and how the model meets it:
//   - inputs audio_signal [N, FeatureDim, T] float (the fbank features,
//     transposed by sherpa-onnx from [N, T, C]) and length [N] int64 (the
//     number of feature frames);
//   - output 0, logprobs [N, T', vocab] float: log-probabilities per
//     output frame. sherpa-onnx computes the decoded length itself, as
//     length / subsampling_factor, and reads that many frames, so T' must
//     be at least that: an AveragePool of kernel and stride
//     SubsamplingFactor gives exactly floor(T / SubsamplingFactor);
//   - metadata vocab_size and subsampling_factor (missing, sherpa-onnx
//     exits the process); normalize_type is left out, so the features
//     reach the model as plain log-mel energies, without per-feature
//     normalization, and a fixed threshold means a fixed loudness;
//   - tokens.txt with a blank, "<blk>", whose id the greedy search skips.
//     It is the last token, as in NeMo's vocabularies.
//
// Per output frame (SubsamplingFactor feature frames of 10 ms averaged),
// the logit of Word is Gain·(mean log-mel − Threshold) and the blank's is
// 0: frames louder than Threshold on average say Word, quieter ones say
// blank. CTC greedy search merges repeats, so each stretch of loud frames
// gives one Word, timed at its first frame (frame × 10 ms ×
// SubsamplingFactor).
type NemoCTC struct {
	// FeatureDim is the number of mel bins sherpa-onnx is configured with
	// (default 80, what the sherpa adapter asks for).
	FeatureDim int
	// SubsamplingFactor is the number of 10 ms feature frames per output
	// frame (default 4, as in NeMo's conformers: 40 ms).
	SubsamplingFactor int
	// Threshold is the mean log-mel energy (natural log, samples in -1..1)
	// above which a frame is speech; 0 takes the default, -11. Calibrated
	// on testdata/calls: their line noise (-62 dBFS, telephone band, so
	// most mel bins sit at sherpa-onnx's log floor of -15.9) averages
	// about -15.5 and crosses -15 now and then; speech reaches -14 to -8.
	// At -11 no noise frame and at least one frame of every turn passes.
	Threshold float32
	// Gain is the logit per unit of log energy above Threshold (default 2).
	Gain float32
	// Word is what the model says (default "да"). It is written with
	// SentencePiece's word-boundary mark "▁" so that each emission is a
	// word.
	Word string
}

func (c NemoCTC) withDefaults() NemoCTC {
	if c.FeatureDim == 0 {
		c.FeatureDim = 80
	}
	if c.SubsamplingFactor == 0 {
		c.SubsamplingFactor = 4
	}
	if c.Threshold == 0 {
		c.Threshold = -11
	}
	if c.Gain == 0 {
		c.Gain = 2
	}
	if c.Word == "" {
		c.Word = "да"
	}
	return c
}

// BlankToken is the CTC blank symbol in tokens.txt.
const BlankToken = "<blk>"

// Tokens lists the vocabulary by id: the word, then the blank.
func (c NemoCTC) Tokens() []string {
	c = c.withDefaults()
	return []string{"▁" + c.Word, BlankToken}
}

// TokensFile is tokens.txt as sherpa-onnx's SymbolTable reads it: one
// "symbol id" per line.
func (c NemoCTC) TokensFile() string {
	var b strings.Builder
	for id, tok := range c.Tokens() {
		fmt.Fprintf(&b, "%s %d\n", tok, id)
	}
	return b.String()
}

// Model builds the ONNX model.
func (c NemoCTC) Model() *Model {
	c = c.withDefaults()
	vocab := len(c.Tokens())
	dim, sub := int64(c.FeatureDim), int64(c.SubsamplingFactor)
	// W[d][v]: the Word column averages the mel bins and scales by Gain;
	// the blank's column is zero. The bias puts the threshold at logit 0.
	w := make([]float32, c.FeatureDim*vocab)
	for d := range c.FeatureDim {
		w[d*vocab] = c.Gain / float32(c.FeatureDim)
	}
	bias := make([]float32, vocab)
	bias[0] = -c.Gain * c.Threshold
	return &Model{
		Producer: "callscope onnxgen",
		Graph: Graph{
			Name: "tiny_nemo_ctc",
			Inputs: []Value{
				{Name: "audio_signal", Type: Float, Dims: []Dim{Sym("N"), Fixed(dim), Sym("T")}},
				{Name: "length", Type: Int64, Dims: []Dim{Sym("N")}},
			},
			Outputs: []Value{
				{Name: "logprobs", Type: Float, Dims: []Dim{Sym("N"), Sym("T_sub"), Fixed(int64(vocab))}},
				{Name: "encoded_lengths", Type: Int64, Dims: []Dim{Sym("N")}},
			},
			Initializers: []Tensor{
				{Name: "weight", Dims: []int64{dim, int64(vocab)}, Floats: w},
				{Name: "bias", Dims: []int64{int64(vocab)}, Floats: bias},
				{Name: "subsampling", Int64s: []int64{sub}}, // a scalar
			},
			Nodes: []Node{
				// [N, C, T] -> [N, C, T/sub]: NeMo's subsampling, here a plain average.
				{Op: "AveragePool", Inputs: []string{"audio_signal"}, Outputs: []string{"pooled"},
					Attrs: []Attr{IntsAttr("kernel_shape", sub), IntsAttr("strides", sub)}},
				{Op: "Transpose", Inputs: []string{"pooled"}, Outputs: []string{"frames"},
					Attrs: []Attr{IntsAttr("perm", 0, 2, 1)}},
				{Op: "MatMul", Inputs: []string{"frames", "weight"}, Outputs: []string{"scores"}},
				{Op: "Add", Inputs: []string{"scores", "bias"}, Outputs: []string{"logits"}},
				{Op: "LogSoftmax", Inputs: []string{"logits"}, Outputs: []string{"logprobs"},
					Attrs: []Attr{IntAttr("axis", -1)}},
				// Not read by sherpa-onnx, but NeMo exports have it, and it
				// keeps the length input in use.
				{Op: "Div", Inputs: []string{"length", "subsampling"}, Outputs: []string{"encoded_lengths"}},
			},
		},
		Metadata: map[string]string{
			"model_type":         "EncDecCTCModelBPE",
			"vocab_size":         strconv.Itoa(vocab),
			"subsampling_factor": strconv.Itoa(c.SubsamplingFactor),
			"is_giga_am":         "0",
			"comment":            "tiny voice-activity model written by callscope's internal/onnxgen for tests; recognizes nothing",
		},
	}
}

// Write puts model.onnx and tokens.txt into dir, a model directory the
// sherpa adapter takes as type nemo_ctc.
func (c NemoCTC) Write(dir string) error {
	if err := c.Model().WriteFile(filepath.Join(dir, "model.onnx")); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "tokens.txt"), []byte(c.TokensFile()), 0o644); err != nil {
		return fmt.Errorf("onnxgen: %w", err)
	}
	return nil
}
