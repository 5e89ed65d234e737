// Package testenv starts the real servers that integration tests need
// (ClickHouse, MinIO, NATS) from the binaries scripts/setup.sh installs into
// the cache, each on a free loopback port with its own temporary directory.
// A test whose server is not installed is skipped with the command that
// installs it.
package testenv

import (
	"net"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/cachedir"
)

// CacheDir is where scripts/setup.sh puts what is not an apt package.
func CacheDir() string { return cachedir.Dir() }

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("testenv: no free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// WaitTCP waits until addr accepts connections or the timeout passes.
func WaitTCP(t testing.TB, addr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("testenv: %s did not accept connections within %s: %v", addr, timeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// SkipIfShort skips integration tests under `go test -short`.
func SkipIfShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: skipped with -short")
	}
}
