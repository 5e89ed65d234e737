// Package embedded runs the servers of the one-machine default (`callscope
// run`, and `callscope serve` without external servers) inside the callscope
// process: NATS with JetStream, and an S3 server (versitygw with its posix
// backend). Stages talk to them over loopback with the same clients they use
// against external servers, so the default runs the production code path;
// the one shortcut is a stage's read of a whole object, which S3.ReadObject
// answers from the object's file.
package embedded

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// NATSConfig configures the embedded NATS server.
type NATSConfig struct {
	// Dir is JetStream's store directory (created if missing). Required:
	// streams outlive the process.
	Dir string
	// Port is the client port on 127.0.0.1; 0 picks a free one.
	Port int
}

// NATS is a running in-process NATS server with JetStream.
type NATS struct {
	srv *server.Server
}

// natsReadyTimeout bounds the wait for the client listener; the server is
// ready in a few milliseconds, JetStream recovery of a large store may take
// longer.
const natsReadyTimeout = 30 * time.Second

// StartNATS starts NATS with JetStream on 127.0.0.1, storing streams under
// cfg.Dir, and returns when it accepts client connections.
func StartNATS(cfg NATSConfig) (*NATS, error) {
	if cfg.Dir == "" {
		return nil, errors.New("embedded nats: store directory is required")
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: store directory %s: %w", cfg.Dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("embedded nats: store directory: %w", err)
	}
	port := cfg.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	opts := &server.Options{
		ServerName: "callscope-embedded",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoLog:      true,
		NoSigs:     true, // the host process owns signal handling
		// No HTTP monitoring, cluster or leafnode listeners: loopback
		// clients only.
		HTTPPort: 0,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(natsReadyTimeout) {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("embedded nats: not ready for connections on 127.0.0.1:%d within %s (store %s)", cfg.Port, natsReadyTimeout, dir)
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("embedded nats: JetStream did not start (store %s)", dir)
	}
	return &NATS{srv: srv}, nil
}

// ClientURL is the nats:// URL clients connect to.
func (n *NATS) ClientURL() string { return n.srv.ClientURL() }

// Shutdown stops the server gracefully and waits until it has stopped, so
// the store directory can be reopened right after.
func (n *NATS) Shutdown() {
	n.srv.Shutdown()
	n.srv.WaitForShutdown()
}
