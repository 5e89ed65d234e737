package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/dicteval"
)

// TestDictEval: the table, the errors with their evidence, JSON, and the
// exit status under --min-f1.
func TestDictEval(t *testing.T) {
	clearServerEnv(t)
	labels := filepath.Join("..", "..", "testdata", "labelled", "ru", "dev")
	out, errOut, code := execute(t, "dict", "eval", "--errors", "-1", labels)
	if code != 0 {
		t.Fatalf("eval: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"CATEGORY", "PRECISION", "complaint", "churn_threat", "macro F1"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval lacks %q:\n%s", want, out)
		}
	}
	out, _, code = execute(t, "dict", "eval", "--format", "json", labels)
	if code != 0 {
		t.Fatalf("eval json: exit %d", code)
	}
	var rep dicteval.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if rep.Calls < 100 || len(rep.Scores) != 7 || !strings.HasPrefix(rep.Version, "sha256:") {
		t.Errorf("report: %d calls, %d scores, version %q", rep.Calls, len(rep.Scores), rep.Version)
	}
	// A set that knows one complaint phrase scores low: --min-f1 fails.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ru"), 0o755)
	os.WriteFile(filepath.Join(dir, "ru", "complaint.yaml"), []byte(
		"category: complaint\nlanguage: ru\nchannel: client\nphrases:\n  - id: zhaloba\n    text: жалоба\n"), 0o644)
	out, errOut, code = execute(t, "dict", "eval", "--dir", dir, "--category", "complaint", "--min-f1", "0.9", labels)
	if code == 0 || !strings.Contains(errOut, "ru/complaint") || !strings.Contains(errOut, "below the minimum F1") {
		t.Errorf("min-f1: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "FN ru/complaint") {
		t.Errorf("no false negatives listed:\n%s", out)
	}
	_, errOut, code = execute(t, "dict", "eval", t.TempDir())
	if code == 0 || !strings.Contains(errOut, "no labelled calls") {
		t.Errorf("empty labels: exit %d %s", code, errOut)
	}
}
