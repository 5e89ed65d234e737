package dicteval_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/dicteval"
)

// TestLoadLabelErrorsSayWhatIsWanted: a labels line of the wrong shape is
// refused with the file and line, the call, the field or label, and what
// is wanted, never encoding/json's words about Go types.
func TestLoadLabelErrorsSayWhatIsWanted(t *testing.T) {
	dir := t.TempDir()
	tr := `{"language": "ru", "duration": 2, "channels": [{"role": "client", "segments": [{"start": 0, "end": 2, "text": "жалоба"}]}]}`
	if err := os.WriteFile(filepath.Join(dir, "c.json"), []byte(tr), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, line string
		want       []string // in the error
	}{
		{"a label as a string", `{"call":"x","transcript":"c.json","language":"ru","labels":{"complaint":"yes"}}`,
			[]string{"labels.jsonl:2: bad labels: ", `call "x": label "complaint": want true`, `or false, got a string "yes"`}},
		{"a label as a number", `{"call":"x","transcript":"c.json","labels":{"apology":true,"complaint":1}}`,
			[]string{"labels.jsonl:2:", `call "x": label "complaint":`, "or false, got a number 1"}},
		{"a label null", `{"call":"x","transcript":"c.json","labels":{"complaint":null}}`,
			[]string{`call "x": label "complaint":`, "got null"}},
		{"labels as a list", `{"call":"x","transcript":"c.json","labels":["complaint"]}`,
			[]string{`call "x": field "labels": want an object {"category": true or false}, got a list`}},
		{"call as a number", `{"call":17,"transcript":"c.json","labels":{"complaint":true}}`,
			[]string{`field "call": want a string, got a number 17`}},
		{"transcript as an object", `{"call":"x","transcript":{"path":"c.json"},"labels":{"complaint":true}}`,
			[]string{`call "x": field "transcript": want a string, got an object`}},
		{"a misspelt field", `{"call":"x","transcrpt":"c.json","labels":{"complaint":true}}`,
			[]string{`call "x": unknown field "transcrpt": a line has "call", "transcript", "labels" and "language"`}},
		{"not an object", `["x", "c.json"]`, []string{`want a JSON object with "call", "transcript", "labels" and "language", got a list`}},
		{"not JSON", `{"call": "x",`, []string{"labels.jsonl:2: bad labels: not JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := `{"call":"ok","transcript":"c.json","labels":{"complaint":true}}`
			path := filepath.Join(dir, "labels.jsonl")
			if err := os.WriteFile(path, []byte(good+"\n"+tt.line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := dicteval.Load(path)
			if !errors.Is(err, dicteval.ErrBadLabels) {
				t.Fatalf("Load: %v; want ErrBadLabels", err)
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q: want %q in it", msg, w)
				}
			}
			for _, goWords := range []string{"Go struct", "unmarshal", "of type"} {
				if strings.Contains(msg, goWords) {
					t.Errorf("error %q speaks of Go (%q)", msg, goWords)
				}
			}
		})
	}
	// A good line still reads as before.
	path := filepath.Join(dir, "labels.jsonl")
	if err := os.WriteFile(path, []byte(`{"call":"ok","transcript":"c.json","labels":{"complaint":true,"apology":false}}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls, err := dicteval.Load(path)
	if err != nil || len(calls) != 1 || calls[0].ID != "ok" || calls[0].Language != "ru" || !calls[0].Labels["complaint"] || calls[0].Labels["apology"] {
		t.Fatalf("good line: %+v, %v", calls, err)
	}
}
