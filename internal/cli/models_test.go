package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func testArchive(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range map[string]string{"vosk-model-small-ru-0.22/am/final.mdl": "model", "vosk-model-small-ru-0.22/conf/model.conf": "conf"} {
		tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(body))})
		tw.Write([]byte(body))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func TestModelsPullListVerify(t *testing.T) {
	data := testArchive(t)
	h := sha256.Sum256(data)
	sum := hex.EncodeToString(h[:])
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "m.tar.gz", time.Time{}, bytes.NewReader(data))
	}))
	defer srv.Close()
	dir := t.TempDir()
	run := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		code := Execute(context.Background(), append(args, "--models-dir", dir), &out, &errOut)
		return out.String(), errOut.String(), code
	}

	// The catalogue has no checksum for this model: pull refuses without one.
	if _, errOut, code := run("models", "pull", "vosk-model-small-ru-0.22", "--url", srv.URL); code == 0 || !strings.Contains(errOut, "--sha256") {
		t.Fatalf("pull without a checksum: code %d, %q", code, errOut)
	}
	out, errOut, code := run("models", "pull", "vosk-model-small-ru-0.22", "--url", srv.URL, "--sha256", sum)
	if code != 0 || !strings.Contains(out, "installed in "+filepath.Join(dir, "vosk-model-small-ru-0.22")) || !strings.Contains(errOut, "100%") {
		t.Fatalf("pull: code %d\nstdout %q\nstderr %q", code, out, errOut)
	}
	out, _, code = run("models", "list")
	if code != 0 || !regexpLine(out, "vosk-model-small-ru-0.22", "vosk", "ru", "Apache-2.0", "yes") || !regexpLine(out, "silero-vad-v5", "vad", "MIT", "known", "no") {
		t.Errorf("list: code %d\n%s", code, out)
	}
	out, _, code = run("models", "list", "--format", "json")
	var rows []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) < 5 {
		t.Errorf("list --format json: code %d\n%s", code, out)
	}
	if out, _, code = run("models", "verify"); code != 0 || !strings.Contains(out, "ok    vosk-model-small-ru-0.22") {
		t.Errorf("verify: code %d\n%s", code, out)
	}
	os.WriteFile(filepath.Join(dir, "vosk-model-small-ru-0.22", "am", "final.mdl"), []byte("damaged"), 0o644)
	if out, errOut, code = run("models", "verify", "vosk-model-small-ru-0.22"); code == 0 || !strings.Contains(out, "am/final.mdl") || !strings.Contains(errOut, "failed verification") {
		t.Errorf("verify after damage: code %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code = run("models", "pull", "no-such-model"); code == 0 || !strings.Contains(errOut, "unknown model") {
		t.Errorf("unknown model: code %d, %q", code, errOut)
	}
}

// regexpLine reports whether a line of out holds every field in order.
func regexpLine(out string, fields ...string) bool {
	for _, line := range strings.Split(out, "\n") {
		rest, ok := line, true
		for _, f := range fields {
			i := strings.Index(rest, f)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(f):]
		}
		if ok {
			return true
		}
	}
	return false
}
