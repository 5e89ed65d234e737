package cli

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
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
	goldenApprox(t, filepath.Join("testdata", "run.golden"), out)
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
	goldenApprox(t, filepath.Join("testdata", "report.csv.golden"), rep)
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

// goldenApprox is golden for outputs with talk times measured by the VAD:
// ONNX Runtime picks its kernels by CPU, so a speech boundary may move by a
// window on another machine. Words and counts must match exactly; times
// (m:ss) may differ by a second and fractional numbers by 0.5.
func goldenApprox(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		golden(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' })
	}
	g, w := split(got), split(string(want))
	if len(g) != len(w) {
		t.Fatalf("output differs from %s in shape:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
	for i := range g {
		if g[i] != w[i] && !closeValues(g[i], w[i]) {
			t.Fatalf("output differs from %s at %q (want %q):\n--- got\n%s\n--- want\n%s", path, g[i], w[i], got, want)
		}
	}
}

// closeValues reports whether two tokens are the same time (m:ss) within a
// second, or the same fractional number within 0.5.
func closeValues(a, b string) bool {
	if ma, ok := minSec(a); ok {
		mb, ok := minSec(b)
		return ok && math.Abs(ma-mb) <= 1
	}
	if !strings.Contains(a, ".") && !strings.Contains(b, ".") {
		return false // whole numbers are counts: exact
	}
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(fa-fb) <= 0.5
}

func minSec(s string) (float64, bool) {
	m, sec, ok := strings.Cut(s, ":")
	if !ok {
		return 0, false
	}
	mi, err1 := strconv.Atoi(m)
	se, err2 := strconv.Atoi(sec)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return float64(mi*60 + se), true
}
