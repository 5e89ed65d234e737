package transcribe

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// sibling serves the transcript files of a testdata directory the way the
// stage serves objects beside a recording.
func sibling(dir, name string) func(context.Context, string) ([]byte, bool, error) {
	return func(_ context.Context, suffix string) ([]byte, bool, error) {
		data, err := os.ReadFile(filepath.Join(dir, name+suffix))
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		return data, err == nil, err
	}
}

func TestImportAdapter(t *testing.T) {
	a, err := NewAdapter("import", nil)
	if err != nil {
		t.Fatal(err)
	}
	calls, bad := filepath.Join("..", "testdata", "calls"), filepath.Join("..", "testdata", "bad")

	tr, err := a.Transcribe(context.Background(), Call{ID: "c", Sibling: sibling(calls, "02_complaint")})
	if err != nil {
		t.Fatal(err)
	}
	if tr.ASR.Adapter != "import" || len(tr.Channels) != 2 || len(tr.Channels[1].Segments) == 0 {
		t.Fatalf("transcript = %+v", tr)
	}

	for _, tt := range []struct {
		name string
		want error
	}{
		{"no_transcript", ErrNoTranscript},
		{"bad_transcript", schemas.ErrBadTranscript},
	} {
		_, err := a.Transcribe(context.Background(), Call{ID: tt.name, Sibling: sibling(bad, tt.name)})
		if !errors.Is(err, tt.want) || !isPermanentASR(err) {
			t.Errorf("%s: %v; want %v (permanent)", tt.name, err, tt.want)
		}
	}
}

func TestNewAdapterUnknown(t *testing.T) {
	_, err := NewAdapter("whisper-magic", nil)
	if !errors.Is(err, ErrUnknownAdapter) || !strings.Contains(err.Error(), "import") {
		t.Fatalf("NewAdapter: %v; want ErrUnknownAdapter listing the known adapters", err)
	}
}
