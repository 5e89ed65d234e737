package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// NATSServerVersion is the nats-server that scripts/setup.sh installs.
const NATSServerVersion = "v2.15.2"

// NATSServerBinary is where scripts/setup.sh puts nats-server.
func NATSServerBinary() string {
	return filepath.Join(CacheDir(), "nats-server", NATSServerVersion, "nats-server")
}

// NATSServer starts the cached nats-server binary as a separate process
// with JetStream, on a free loopback port, as production runs it, and
// returns its client URL. It is killed when the test ends. Skipped when the
// binary is missing or under -short; NATS runs the same server in-process
// without a binary.
func NATSServer(t testing.TB) (url string) {
	t.Helper()
	bin, dir := prepareNATSServer(t)
	port := FreePort(t)
	logPath := filepath.Join(dir, "nats.log")
	cmd := exec.Command(bin, "-a", "127.0.0.1", "-p", fmt.Sprint(port), "-js", "-sd", filepath.Join(dir, "js"), "-l", logPath)
	if err := cmd.Start(); err != nil {
		t.Fatalf("testenv: start %s: %v", bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	if err := waitTCP(addr, 20*time.Second, exited); err != nil {
		if b, _ := os.ReadFile(logPath); len(b) > 0 {
			t.Logf("nats.log:\n%s", tail(b, 4000))
		}
		t.Fatalf("testenv: nats-server: %v", err)
	}
	return "nats://" + addr
}

// prepareNATSServer is what NATSServer and RestartableNATSServer share:
// the binary (skipped when it is missing or under -short) and a directory
// of the test's for the server's files.
func prepareNATSServer(t testing.TB) (bin, dir string) {
	t.Helper()
	SkipIfShort(t)
	bin = NATSServerBinary()
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("nats-server not installed at %s: run scripts/setup.sh nats", bin)
	}
	return bin, t.TempDir()
}
