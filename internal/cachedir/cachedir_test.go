package cachedir_test

import (
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/internal/cachedir"
)

func TestDir(t *testing.T) {
	t.Setenv("CALLSCOPE_CACHE", "/srv/cache")
	if got := cachedir.Dir(); got != "/srv/cache" {
		t.Errorf("with $CALLSCOPE_CACHE: %q", got)
	}
	t.Setenv("CALLSCOPE_CACHE", "")
	t.Setenv("HOME", "/home/op")
	if got, want := cachedir.Dir(), filepath.Join("/home/op", ".cache", "callscope"); got != want {
		t.Errorf("without it: %q, want %q", got, want)
	}
}
