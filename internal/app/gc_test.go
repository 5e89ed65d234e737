package app

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercent is the current GOGC.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestTuneGC: the embedded default raises GOGC to embeddedGCPercent, and
// leaves a GOGC set in the environment alone.
func TestTuneGC(t *testing.T) {
	was := gcPercent()
	t.Cleanup(func() { debug.SetGCPercent(was) })

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	tuneGC()
	if p := gcPercent(); p != 150 {
		t.Errorf("GOGC=150 in the environment: GC percent %d after tuneGC, want 150", p)
	}

	os.Unsetenv("GOGC") // restored by t.Setenv's cleanup
	debug.SetGCPercent(100)
	tuneGC()
	if p := gcPercent(); p != embeddedGCPercent {
		t.Errorf("GOGC unset: GC percent %d after tuneGC, want %d", p, embeddedGCPercent)
	}
}
