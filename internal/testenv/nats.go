package testenv

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// NATS runs an in-process NATS server with JetStream, storing streams in a
// temporary directory of the test, on a free loopback port, and returns its
// client URL. It needs no binary. The server shuts down when the test ends.
func NATS(t testing.TB) (url string) {
	t.Helper()
	srv, err := server.NewServer(&server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoLog:     true,
		NoSigs:    true,
	})
	if err != nil {
		t.Fatalf("testenv: nats server: %v", err)
	}
	srv.Start()
	t.Cleanup(func() {
		srv.Shutdown()
		srv.WaitForShutdown()
	})
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatalf("testenv: nats server not ready within 10s")
	}
	return srv.ClientURL()
}
