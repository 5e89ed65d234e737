package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// execute runs the command line as main does and returns stdout, stderr and
// the exit code.
func execute(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Execute(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestVersion(t *testing.T) {
	out, _, code := execute(t, "version")
	if code != 0 || !strings.HasPrefix(out, "callscope ") {
		t.Fatalf("version: code %d, output %q", code, out)
	}
}

// configValue returns the VALUE column of a setting in `callscope config`.
func configValue(t *testing.T, out, setting string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == setting {
			return f[2]
		}
	}
	t.Fatalf("setting %s not in config output:\n%s", setting, out)
	return ""
}

// TestConfigPrecedence checks the documented order: defaults < file <
// environment < flags.
func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "callscope.yaml")
	if err := os.WriteFile(file, []byte("log:\n  level: warn\ns3:\n  bucket: from-file\n  secret_key: hidden\nworkers:\n  analyze: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CALLSCOPE_S3_BUCKET", "from-env")

	out, errOut, code := execute(t, "--config", file, "--log-level", "error", "config")
	if code != 0 {
		t.Fatalf("config: code %d: %s", code, errOut)
	}
	for setting, want := range map[string]string{
		"log.level":             "error",                 // flag beats file
		"s3.bucket":             "from-env",              // environment beats file
		"workers.analyze":       "3",                     // file beats default
		"s3.secret_key":         "***",                   // secrets are not printed
		"s3.transcripts_bucket": "callscope-transcripts", // default
	} {
		if got := configValue(t, out, setting); got != want {
			t.Errorf("%s = %q, want %q", setting, got, want)
		}
	}
	if strings.Contains(out, "hidden") {
		t.Error("config printed the secret key")
	}
}

func TestConfigErrorsNameTheirPlace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(file, []byte("workers:\n  analyze: many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := execute(t, "--config", file, "config")
	if code == 0 || !strings.Contains(errOut, "bad.yaml:2") {
		t.Fatalf("bad config: code %d, stderr %q; want an error naming bad.yaml:2", code, errOut)
	}

	t.Setenv("CALLSCOPE_WORKERS_ANALYZE", "lots")
	_, errOut, code = execute(t, "config")
	if code == 0 || !strings.Contains(errOut, "CALLSCOPE_WORKERS_ANALYZE") {
		t.Fatalf("bad env: code %d, stderr %q; want an error naming the variable", code, errOut)
	}
}

func TestWorkerNeedsServers(t *testing.T) {
	for _, v := range []string{"CALLSCOPE_NATS_URL", "CALLSCOPE_S3_ENDPOINT", "CALLSCOPE_CLICKHOUSE_DSN"} {
		t.Setenv(v, "")
	}
	_, errOut, code := execute(t, "worker")
	if code == 0 {
		t.Fatal("worker without servers succeeded")
	}
	for _, want := range []string{"--nats", "--s3", "--clickhouse"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("worker error %q does not name %s", errOut, want)
		}
	}
}
