package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files")

// clearServerEnv keeps the developer's CALLSCOPE_* settings from turning
// the embedded default into something else.
func clearServerEnv(t *testing.T) {
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "CALLSCOPE_") && name != "CALLSCOPE_CACHE" && name != "CALLSCOPE_CHDB_LIB" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
}

// TestRunEndToEnd is the walking skeleton: the shipped calls and the
// hostile inputs go through embedded NATS, S3 and chDB, and the report and
// summary match the ground truth in testdata/README.md. A second run on the
// same data directory must print the same report and analyse nothing again.
func TestRunEndToEnd(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t) // skips when libchdb.so is not installed
	clearServerEnv(t)
	data := t.TempDir()
	calls, bad := filepath.Join("..", "..", "testdata", "calls"), filepath.Join("..", "..", "testdata", "bad")

	out, errOut, code := execute(t, "run", "--data", data, calls, bad)
	if code != 0 {
		t.Fatalf("run: exit %d\nstderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	golden(t, filepath.Join("testdata", "run.golden"), out)
	for _, want := range []string{
		"30 recordings, 0 already analysed, 30 queued",
		"30/30 done (18 analysed, 12 failed)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("first run: stderr lacks %q:\n%s", want, errOut)
		}
	}

	again, errOut, code := execute(t, "run", "--data", data)
	if code != 0 {
		t.Fatalf("second run: exit %d\nstderr:\n%s", code, errOut)
	}
	if again != out {
		t.Errorf("second run changed the output:\n--- first\n%s\n--- second\n%s", out, again)
	}
	if want := "30 recordings, 18 already analysed, 12 queued"; !strings.Contains(errOut, want) {
		t.Errorf("second run: stderr lacks %q:\n%s", want, errOut)
	}

	rep, errOut, code := execute(t, "report", "--data", data, "--format", "csv")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	golden(t, filepath.Join("testdata", "report.csv.golden"), rep)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
