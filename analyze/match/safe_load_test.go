package match

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/callscope/callscope/dictionaries"
	"github.com/callscope/callscope/internal/safefile"
)

// TestLoadDirRefusesIrregularFiles: a FIFO or a symlink to /dev/zero named
// *.yaml in a dictionary folder makes LoadDir and Fingerprint (the
// watcher) fail at once with an error naming the file, instead of hanging
// or running out of memory; so does a file over MaxFileBytes.
func TestLoadDirRefusesIrregularFiles(t *testing.T) {
	good, err := dictionaries.FS.ReadFile("ru/complaint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		make func(path string) error
		want error
	}{
		{"fifo.yaml", func(p string) error { return syscall.Mkfifo(p, 0o644) }, safefile.ErrNotRegular},
		{"zero.yaml", func(p string) error { return os.Symlink("/dev/zero", p) }, safefile.ErrNotRegular},
		{"huge.yaml", func(p string) error {
			return os.WriteFile(p, append([]byte("# "), make([]byte, MaxFileBytes)...), 0o644)
		}, safefile.ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "complaint.yaml"), good, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(filepath.Join(dir, tt.name)); err != nil {
				t.Fatal(err)
			}
			for what, load := range map[string]func() error{
				"LoadDir":     func() error { _, err := LoadDir(dir); return err },
				"Fingerprint": func() error { _, err := Fingerprint(dir); return err },
			} {
				done := make(chan error, 1)
				go func() { done <- load() }()
				select {
				case err := <-done:
					if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.name) {
						t.Errorf("%s: %v, want %v naming %s", what, err, tt.want, tt.name)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("%s: still loading after 10 s", what)
				}
			}
		})
	}
}
