//go:build !unix

package testenv

import "time"

// ProcessCPU is not measured here.
func ProcessCPU() time.Duration { return 0 }
