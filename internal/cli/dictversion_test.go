package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/match"
)

// TestDictVersion: `dict version` prints the set's version alone, the
// value `dict validate` reports and the analyze stage stores, so that
// `reprocess --stale-dictionary $(callscope dict version)` works; a set
// with mistakes prints them and no version.
func TestDictVersion(t *testing.T) {
	m, err := match.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.yaml"), []byte("category: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		wantOut string
		code    int
	}{
		{"built-in", []string{"dict", "version"}, m.Version() + "\n", 0},
		{"directory", []string{"dict", "version", filepath.Join("..", "..", "dictionaries")}, m.Version() + "\n", 0},
		{"mistakes", []string{"dict", "version", bad}, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("CALLSCOPE_DICTIONARIES_DIR", "")
			t.Setenv("CALLSCOPE_DICTIONARIES_MODELS", "true")
			out, errOut, code := execute(t, tc.args...)
			if out != tc.wantOut || code != tc.code {
				t.Errorf("stdout %q, code %d; want %q, %d (stderr %q)", out, code, tc.wantOut, tc.code, errOut)
			}
			if tc.code != 0 && !strings.Contains(errOut, "x.yaml") {
				t.Errorf("stderr %q does not name the file with the mistake", errOut)
			}
		})
	}
}
