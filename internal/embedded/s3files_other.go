//go:build !linux

package embedded

import (
	"os"
	"sync/atomic"
	"time"
)

// noOpenat2: there is no openat2 here (see s3files_linux.go).
var noOpenat2 atomic.Bool

// readBeneath is the Linux fast path (s3files_linux.go); elsewhere every
// read goes through os.Root.
func readBeneath(dir *os.File, bucket, key string, maxBytes int64) (data []byte, found, ok bool, err error) {
	return nil, false, false, nil
}

// regularBeneath is the Linux fast path (s3files_linux.go); elsewhere
// os.Root decides.
func regularBeneath(dir *os.File, name string) (regular bool, modified time.Time, found, ok bool) {
	return false, time.Time{}, false, false
}
