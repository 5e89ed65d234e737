package sherpa

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/wav"
)

func mkModel(t *testing.T, name string, files ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	os.MkdirAll(dir, 0o755)
	for _, f := range files {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	return dir
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name    string
		dir     string
		files   []string
		typ     string
		int8    bool
		want    Layout // file names only
		wantErr string
	}{
		{"GigaAM CTC prefers int8", "sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19", []string{"model.onnx", "model.int8.onnx", "tokens.txt"}, "", true,
			Layout{Type: NemoCTC, Model: "model.int8.onnx", Tokens: "tokens.txt"}, ""},
		{"fp32 asked for", "giga-am-ctc", []string{"model.onnx", "model.int8.onnx", "tokens.txt"}, "", false,
			Layout{Type: NemoCTC, Model: "model.onnx", Tokens: "tokens.txt"}, ""},
		{"GigaAM transducer", "sherpa-onnx-nemo-transducer-giga-am-v2-russian-2025-04-19", []string{"encoder.int8.onnx", "decoder.onnx", "joiner.onnx", "tokens.txt"}, "", true,
			Layout{Type: NemoTransducer, Encoder: "encoder.int8.onnx", Decoder: "decoder.onnx", Joiner: "joiner.onnx", Tokens: "tokens.txt"}, ""},
		{"zipformer transducer", "sherpa-onnx-zipformer-ru-2024-09-18", []string{"encoder.onnx", "decoder.onnx", "joiner.onnx", "tokens.txt"}, "", true,
			Layout{Type: Transducer, Encoder: "encoder.onnx", Decoder: "decoder.onnx", Joiner: "joiner.onnx", Tokens: "tokens.txt"}, ""},
		{"T-one", "sherpa-onnx-streaming-t-one-russian-2025-09-08", []string{"model.onnx", "tokens.txt"}, "", true,
			Layout{Type: ToneCTC, Model: "model.onnx", Tokens: "tokens.txt"}, ""},
		{"Whisper", "sherpa-onnx-whisper-small", []string{"small-encoder.int8.onnx", "small-decoder.int8.onnx", "small-encoder.onnx", "small-decoder.onnx", "small-tokens.txt"}, "", true,
			Layout{Type: Whisper, Encoder: "small-encoder.int8.onnx", Decoder: "small-decoder.int8.onnx", Tokens: "small-tokens.txt"}, ""},
		{"type forced", "my-model", []string{"model.onnx", "tokens.txt"}, ToneCTC, true,
			Layout{Type: ToneCTC, Model: "model.onnx", Tokens: "tokens.txt"}, ""},
		{"no tokens", "giga", []string{"model.onnx"}, "", true, Layout{}, "needs tokens.txt"},
		{"transducer without joiner", "x", []string{"encoder.onnx", "decoder.onnx", "tokens.txt"}, Transducer, true, Layout{}, "needs joiner*.onnx"},
		{"unknown type", "x", []string{"model.onnx", "tokens.txt"}, "paraformer", true, Layout{}, `type "paraformer"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mkModel(t, tt.dir, tt.files...)
			got, err := Detect(dir, tt.typ, tt.int8)
			if tt.wantErr != "" {
				if !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Detect: %v, want ErrModel with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			base := func(p string) string {
				if p == "" {
					return ""
				}
				return filepath.Base(p)
			}
			g := Layout{Type: got.Type, Model: base(got.Model), Encoder: base(got.Encoder), Decoder: base(got.Decoder), Joiner: base(got.Joiner), Tokens: base(got.Tokens)}
			if g != tt.want {
				t.Errorf("Detect = %+v, want %+v", g, tt.want)
			}
		})
	}
	if _, err := Detect(filepath.Join(t.TempDir(), "absent"), "", true); !errors.Is(err, ErrModel) {
		t.Errorf("absent dir: %v", err)
	}
}

func TestSegmentsFromTokens(t *testing.T) {
	tests := []struct {
		name string
		r    result
		dur  float64
		want []schemas.Segment
	}{
		{"empty", result{Text: " "}, 2, nil},
		{"no timing", result{Text: "алло"}, 1.5, []schemas.Segment{{Start: 0, End: 1.5, Text: "алло"}}},
		{"sentencepiece words, one segment", result{
			Text:       "добрый день",
			Tokens:     []string{"▁до", "бр", "ый", "▁день"},
			Timestamps: []float32{0.2, 0.28, 0.36, 0.6},
			LogProbs:   []float32{-0.1, -0.1, -0.1, -0.5},
		}, 2, []schemas.Segment{{Start: 0.2, End: 0.68, Text: "добрый день", Words: []schemas.Word{
			{W: "добрый", Start: 0.2, End: 0.44, Conf: 0.905}, {W: "день", Start: 0.6, End: 0.68, Conf: 0.607}}}}},
		{"split at a pause, durations given", result{
			Text:       "да нет",
			Tokens:     []string{"▁да", "▁нет"},
			Timestamps: []float32{0.1, 2.0},
			Durations:  []float32{0.3, 0.25},
		}, 3, []schemas.Segment{
			{Start: 0.1, End: 0.4, Text: "да", Words: []schemas.Word{{W: "да", Start: 0.1, End: 0.4}}},
			{Start: 2, End: 2.25, Text: "нет", Words: []schemas.Word{{W: "нет", Start: 2, End: 2.25}}}}},
		{"whisper byte-BPE with leading spaces", result{
			Text:       " Алло, да.",
			Tokens:     []string{" Ал", "ло", ",", " да", "."},
			Timestamps: []float32{0, 0.1, 0.2, 0.3, 0.4},
		}, 1, []schemas.Segment{{Start: 0, End: 0.48, Text: "Алло, да.", Words: []schemas.Word{
			{W: "Алло,", Start: 0, End: 0.28}, {W: "да.", Start: 0.3, End: 0.48}}}}},
		{"bare separators (character CTC)", result{
			Text:       "да да",
			Tokens:     []string{"д", "а", "▁", "д", "а"},
			Timestamps: []float32{0, 0.04, 0.2, 0.3, 0.34},
		}, 1, []schemas.Segment{{Start: 0, End: 0.42, Text: "да да", Words: []schemas.Word{
			{W: "да", Start: 0, End: 0.12}, {W: "да", Start: 0.2, End: 0.42}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segments(tt.r, tt.dur)
			if !equalSegs(got, tt.want) {
				t.Errorf("segments =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func equalSegs(a, b []schemas.Segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Start != b[i].Start || a[i].End != b[i].End || a[i].Text != b[i].Text || len(a[i].Words) != len(b[i].Words) {
			return false
		}
		for k := range a[i].Words {
			if a[i].Words[k] != b[i].Words[k] {
				return false
			}
		}
	}
	return true
}

func TestOptionsAndMissingModel(t *testing.T) {
	tests := []struct {
		name    string
		opts    map[string]any
		wantErr string
	}{
		{"nothing configured", map[string]any{"models_dir": "/nonexistent/models"}, "callscope models pull sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19"},
		{"typo", map[string]any{"modeldir": "/x"}, "asr.options.modeldir: unknown option"},
		{"bad precision", map[string]any{"model_dir": "/x", "precision": "fp16"}, "asr.options.precision"},
		{"bad threads", map[string]any{"model_dir": "/x", "threads": 0}, "asr.options.threads"},
		{"catalogue name not installed", map[string]any{"model": "sherpa-onnx-streaming-t-one-russian-2025-09-08", "models_dir": "/nonexistent/models"},
			"/nonexistent/models/sherpa-onnx-streaming-t-one-russian-2025-09-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !Built && strings.HasPrefix(tt.name, "catalogue") {
				t.Skip("built without sherpa-onnx: the model is not looked at")
			}
			_, err := transcribe.NewAdapter("sherpa", tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("NewAdapter: %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

// testModel returns the model directory of the integration tests, or skips.
func testModel(t testing.TB) string {
	dir := os.Getenv("CALLSCOPE_TEST_SHERPA_MODEL")
	if dir == "" {
		t.Skip("set CALLSCOPE_TEST_SHERPA_MODEL to a sherpa-onnx Russian model directory (e.g. sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19, `callscope models pull` it) to run this test")
	}
	return dir
}

func loadCall(t testing.TB, name string) transcribe.Call {
	f, err := os.Open(filepath.Join("../../testdata/calls", name+".wav"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := wav.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return transcribe.Call{Duration: a.Duration(), Channels: []transcribe.Channel{
		{Role: schemas.RoleOperator, SampleRate: a.SampleRate, Samples: wav.Floats(a.Channels[0])},
		{Role: schemas.RoleClient, SampleRate: a.SampleRate, Samples: wav.Floats(a.Channels[1])},
	}}
}

// With a real Russian model the shipped calls are transcribed: the
// operator's greeting names the company.
func TestIntegrationTranscribesShippedCall(t *testing.T) {
	if testing.Short() {
		t.Skip("integration")
	}
	dir := testModel(t)
	a, err := transcribe.NewAdapter("sherpa", map[string]any{"model_dir": dir})
	if err != nil {
		t.Fatal(err)
	}
	defer a.(transcribe.Closer).Close()
	tr, err := a.Transcribe(context.Background(), loadCall(t, "01_polite_model"))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, s := range tr.Channels[0].Segments {
		text = append(text, strings.ToLower(s.Text))
	}
	if all := strings.Join(text, " "); !strings.Contains(all, "ромашк") {
		t.Errorf("operator channel %q does not name «Ромашка»", all)
	}
	t.Logf("operator: %v", text)
}

// BenchmarkOverhead reports the share of time spent outside the model
// (resampling, cutting, copying): the bar is under 5%.
func BenchmarkOverhead(b *testing.B) {
	dir := testModel(b)
	a, err := transcribe.NewAdapter("sherpa", map[string]any{"model_dir": dir})
	if err != nil {
		b.Fatal(err)
	}
	ra := a.(*transcribe.RecognizerAdapter)
	defer ra.Close()
	call := loadCall(b, "01_polite_model")
	for b.Loop() {
		if _, err := ra.Transcribe(context.Background(), call); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100*(1-ra.ModelShare()), "%outside-model")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/call.Duration, "RTF")
}

// With nothing configured, an installed catalogue model is taken.
func TestInstalledModelIsTakenByDefault(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sherpa-onnx-streaming-t-one-russian-2025-09-08"), 0o755)
	c, err := ParseOptions(map[string]any{"models_dir": dir})
	if err != nil || c.ModelName != "sherpa-onnx-streaming-t-one-russian-2025-09-08" || c.ModelDir != filepath.Join(dir, c.ModelName) {
		t.Errorf("ParseOptions = %+v, %v", c, err)
	}
}
