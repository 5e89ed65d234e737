//go:build linux

package embedded

import (
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// noOpenat2 is set once openat2 proved unavailable (a kernel before 5.6,
// a seccomp filter): every read then goes through os.Root.
var noOpenat2 atomic.Bool

// openBeneath opens name (a plain path) below dir with flags, in one
// openat2 call that the kernel keeps beneath dir, symbolic links included
// (RESOLVE_BENEATH). found is false when nothing is there; ok is false when
// it cannot tell (openat2 unavailable, which is remembered in noOpenat2; a
// path the kernel refuses to resolve beneath dir, as a link out of it):
// the caller then asks os.Root, which decides.
func openBeneath(dir *os.File, name string, flags uint64) (fd int, found, ok bool) {
	if dir == nil || noOpenat2.Load() {
		return -1, false, false
	}
	how := unix.OpenHow{Flags: flags, Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS}
	fd, err := unix.Openat2(int(dir.Fd()), name, &how)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Openat2(int(dir.Fd()), name, &how)
	}
	switch {
	case err == nil:
		return fd, true, true
	case errors.Is(err, unix.ENOENT) || errors.Is(err, unix.ENOTDIR):
		return -1, false, true
	case errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EPERM):
		noOpenat2.Store(true)
		return -1, false, false
	default: // EXDEV (a link out of the directory), ELOOP...
		return -1, false, false
	}
}

// readBeneath reads name (a plain path, see plainPath) below the directory
// dir, opened with openBeneath (what os.Root guarantees, in one system
// call instead of one per path element), with plain system calls on the
// descriptor (no os.File: no poller registration). ok is false when it
// cannot tell: the caller then reads through os.Root, which decides.
func readBeneath(dir *os.File, bucket, key string, maxBytes int64) (data []byte, found, ok bool, err error) {
	fd, found, ok := openBeneath(dir, bucket+"/"+key, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOCTTY)
	if !found {
		return nil, false, ok, nil
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, false, false, nil
	}
	size := st.Size
	if maxBytes > 0 {
		size = min(size, maxBytes)
	}
	// The backend publishes an object by linking a complete file into
	// place, so the size fstat gives is the object's; a file that ends
	// sooner is left to os.Root's path.
	buf := make([]byte, size)
	n := 0
	for int64(n) < size {
		m, err := unix.Read(fd, buf[n:])
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return nil, false, true, fmt.Errorf("embedded s3: read s3://%s/%s: %w", bucket, key, err)
		}
		if m == 0 {
			return nil, false, false, nil
		}
		n += m
	}
	return buf, true, true, nil
}

// regularBeneath reports whether name (a plain path) below dir is a
// regular file, and its modification time, with openBeneath (O_PATH:
// nothing is read) and an fstat; ok is false when it cannot tell.
func regularBeneath(dir *os.File, name string) (regular bool, modified time.Time, found, ok bool) {
	fd, found, ok := openBeneath(dir, name, unix.O_PATH|unix.O_CLOEXEC)
	if !found {
		return false, time.Time{}, false, ok
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return false, time.Time{}, false, false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFREG, time.Unix(st.Mtim.Unix()), true, true
}
