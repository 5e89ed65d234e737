// Package golden compares what a test wrote with a golden file under
// testdata/, or rewrites the file when the test runs with its update flag.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the golden file at path; with update it writes
// got there instead (making the folder). rewrite is the command that
// rewrites the file (say "go test ./report -update"): the failures name it.
func Check(t testing.TB, path string, got []byte, update bool, rewrite string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s writes it)", err, rewrite)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (%s rewrites it):\n--- got\n%s\n--- want\n%s", path, rewrite, got, want)
	}
}
