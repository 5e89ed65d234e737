package safefile_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/safefile"
)

// TestRead: regular files (and symlinks to them) are read; a FIFO, a
// device, a directory and a file over the limit are refused at once with
// an error that says which, never hanging or reading without end.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.yaml", "category: x\n")
	write("big.yaml", string(make([]byte, 200)))
	if err := os.Symlink(filepath.Join(dir, "ok.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "dir.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, want string
		err        error
	}{
		{"ok.yaml", "category: x\n", nil},
		{"link.yaml", "category: x\n", nil},
		{"fifo.yaml", "", safefile.ErrNotRegular},
		{"zero.yaml", "", safefile.ErrNotRegular},
		{"dir.yaml", "", safefile.ErrNotRegular},
		{"big.yaml", "", safefile.ErrTooLarge},
		{"missing.yaml", "", os.ErrNotExist},
	} {
		for _, via := range []string{"os", "fs"} {
			t.Run(via+"/"+tt.name, func(t *testing.T) {
				type result struct {
					data []byte
					err  error
				}
				done := make(chan result, 1)
				go func() {
					var r result
					if via == "os" {
						r.data, r.err = safefile.Read(filepath.Join(dir, tt.name), 100)
					} else {
						r.data, r.err = safefile.ReadFS(os.DirFS(dir), tt.name, 100)
					}
					done <- r
				}()
				select {
				case r := <-done:
					if tt.err == nil && (r.err != nil || string(r.data) != tt.want) {
						t.Errorf("got %q, %v; want %q", r.data, r.err, tt.want)
					}
					if tt.err != nil && !errors.Is(r.err, tt.err) {
						t.Errorf("got %q, %v; want %v", r.data, r.err, tt.err)
					}
				case <-time.After(5 * time.Second):
					t.Fatal("still reading after 5 s")
				}
			})
		}
	}
}
