//go:build !linux

package analyze

import "time"

var start = time.Now()

// threadCPU falls back to the wall clock where the thread's CPU clock is
// not read.
func threadCPU() time.Duration { return time.Since(start) }

// processCPU falls back to the wall clock too.
func processCPU() time.Duration { return time.Since(start) }
