package vosk

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

func TestParseResult(t *testing.T) {
	tests := []struct {
		name string
		js   string
		want []schemas.Segment
		err  bool
	}{
		{"empty", `{"text" : ""}`, nil, false},
		{"words", `{"result":[{"conf":0.93,"end":1.4,"start":0.8,"word":"здравствуйте"},{"conf":1.0,"end":2.0,"start":1.5,"word":"анна"}],"text":"здравствуйте анна"}`,
			[]schemas.Segment{{Start: 0.8, End: 2.0, Text: "здравствуйте анна", Words: []schemas.Word{
				{W: "здравствуйте", Start: 0.8, End: 1.4, Conf: 0.93}, {W: "анна", Start: 1.5, End: 2.0, Conf: 1}}}}, false},
		{"not json", `{`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseResult(tt.js)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i].Text != tt.want[i].Text || got[i].Start != tt.want[i].Start || got[i].End != tt.want[i].End || len(got[i].Words) != len(tt.want[i].Words) {
					t.Fatalf("got %+v, want %+v", got, tt.want)
				}
				for k := range got[i].Words {
					if got[i].Words[k] != tt.want[i].Words[k] {
						t.Fatalf("word %d: %+v, want %+v", k, got[i].Words[k], tt.want[i].Words[k])
					}
				}
			}
		})
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    map[string]any
		wantErr string
	}{
		{"nothing configured", map[string]any{"models_dir": "/nonexistent/models"}, "callscope models pull vosk-model-small-ru-0.22"},
		{"typo", map[string]any{"model_dri": "/x"}, "asr.options.model_dri: unknown option"},
		{"bad rate", map[string]any{"model_dir": "/x", "sample_rate": 100}, "asr.options.sample_rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := transcribe.NewAdapter("vosk", tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("NewAdapter: %v, want %q", err, tt.wantErr)
			}
		})
	}
	c, err := ParseOptions(map[string]any{"model": "vosk-model-small-ru-0.22", "models_dir": "/srv/models"})
	if err != nil || c.ModelDir != "/srv/models/vosk-model-small-ru-0.22" || c.ModelName != "vosk-model-small-ru-0.22" {
		t.Errorf("ParseOptions = %+v, %v", c, err)
	}
}

// libvosk from scripts/setup.sh loads through purego, and a directory that
// is not a model is refused with an error, not a crash.
func TestLibraryLoadsAndRefusesNonModel(t *testing.T) {
	found := false
	for _, p := range LibraryPaths() {
		if _, err := os.Stat(p); err == nil {
			found = true
		}
	}
	if !found {
		t.Skipf("libvosk.so not installed (scripts/setup.sh vosk); looked in %v", LibraryPaths())
	}
	if _, err := load(""); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, err := New(Config{ModelDir: dir, SampleRate: 16000})
	if !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), "no am/") {
		t.Errorf("empty dir: %v", err)
	}
	os.MkdirAll(filepath.Join(dir, "am"), 0o755)
	os.WriteFile(filepath.Join(dir, "am", "final.mdl"), []byte("garbage"), 0o644)
	_, err = New(Config{ModelDir: dir, SampleRate: 16000})
	if !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), "could not load") {
		t.Errorf("broken model: %v", err)
	}
}

func TestIntegrationTranscribesShippedCall(t *testing.T) {
	if testing.Short() {
		t.Skip("integration")
	}
	dir := os.Getenv("CALLSCOPE_TEST_VOSK_MODEL")
	if dir == "" {
		t.Skip("set CALLSCOPE_TEST_VOSK_MODEL to a Vosk Russian model directory (vosk-model-small-ru-0.22: `callscope models pull vosk-model-small-ru-0.22`) to run this test")
	}
	a, err := transcribe.NewAdapter("vosk", map[string]any{"model_dir": dir})
	if err != nil {
		t.Fatal(err)
	}
	defer a.(transcribe.Closer).Close()
	f, err := os.Open("../../testdata/calls/01_polite_model.wav")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	au, err := wav.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := a.Transcribe(context.Background(), transcribe.Call{Duration: au.Duration(), Channels: []transcribe.Channel{
		{Role: schemas.RoleOperator, SampleRate: au.SampleRate, Samples: wav.Floats(au.Channels[0])},
		{Role: schemas.RoleClient, SampleRate: au.SampleRate, Samples: wav.Floats(au.Channels[1])},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	words := 0
	for _, s := range tr.Channels[0].Segments {
		text = append(text, s.Text)
		words += len(s.Words)
	}
	if all := strings.Join(text, " "); !strings.Contains(all, "ромашк") || words == 0 {
		t.Errorf("operator channel %q (%d words) does not name «Ромашка»", all, words)
	}
}
