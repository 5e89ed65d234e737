package testenv

import (
	"syscall"
	"time"
	"unsafe"
)

// ThreadCPU is the CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID):
// what a piece of work cost, whatever else the machine runs. The caller
// keeps to one thread between two readings (runtime.LockOSThread).
func ThreadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}
