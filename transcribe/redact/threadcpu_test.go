package redact_test

import "github.com/callscope/callscope/internal/testenv"

// threadCPU is the calling thread's CPU clock (testenv.ThreadCPU), named
// here so that the benchmarks of this busy package stay as they are.
var threadCPU = testenv.ThreadCPU
