package all

import (
	"context"
	"errors"
	"testing"

	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/vosk"
)

func TestEveryAdapterRegistered(t *testing.T) {
	got := map[string]bool{}
	for _, n := range transcribe.Adapters() {
		got[n] = true
	}
	for _, want := range []string{"import", "none", "openai", "sherpa", "vosk"} {
		if !got[want] {
			t.Errorf("adapter %q not registered (have %v)", want, transcribe.Adapters())
		}
	}
}

// libvosk (loaded at run time) and sherpa-onnx with ONNX Runtime (linked)
// live in one process: VAD still works after libvosk is loaded.
func TestVoskAndSherpaInOneProcess(t *testing.T) {
	d, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		t.Skipf("no VAD: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	_, err = vosk.New(vosk.Config{ModelDir: t.TempDir(), SampleRate: 16000})
	if errors.Is(err, vosk.ErrLibrary) {
		t.Skipf("libvosk not installed: %v", err)
	}
	if !errors.Is(err, vosk.ErrModel) {
		t.Fatalf("vosk with an empty model dir: %v", err)
	}
	tone := make([]float32, 16000)
	if _, err := d.Detect(context.Background(), tone, 16000); err != nil {
		t.Fatalf("VAD after loading libvosk: %v", err)
	}
}
