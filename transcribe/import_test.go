package transcribe

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTranscript(t *testing.T) {
	tests := []struct {
		name, doc string
		wantErr   string // "" = valid
	}{
		{"valid", `{"duration":3,"asr":{"adapter":"pbx"},"channels":[{"role":"operator","segments":[{"start":0.5,"end":1.5,"text":"Здравствуйте"}]},{"role":"client","segments":[]}]}`, ""},
		{"mixed", `{"duration":3,"asr":{"adapter":"pbx"},"channels":[{"role":"mixed","segments":[{"start":0,"end":1,"text":"алло"}]}]}`, ""},
		{"not json", `{"channels": [`, "not valid transcript JSON"},
		{"no channels", `{"duration":3,"asr":{"adapter":"x"},"channels":[]}`, "no channels"},
		{"unknown role", `{"channels":[{"role":"agent","segments":[]}]}`, `channel 0: unknown role "agent"`},
		{"end before start", `{"channels":[{"role":"client","segments":[{"start":2,"end":1,"text":"a"}]}]}`, "channel 0 (client) segment 0: bad times"},
		{"negative time", `{"channels":[{"role":"client","segments":[{"start":-1,"end":1,"text":"a"}]}]}`, "bad times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTranscript([]byte(tt.doc))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseTranscript: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrBadTranscript) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ParseTranscript: %v; want ErrBadTranscript containing %q", err, tt.wantErr)
			}
		})
	}
}

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
		{"bad_transcript", ErrBadTranscript},
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
