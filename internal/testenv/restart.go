package testenv

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Server is a server process that a test can stop and start again on the
// same port with the same data, to prove that callscope rides out an outage.
type Server struct {
	t       testing.TB
	name    string
	argv    []string
	env     []string
	dir     string
	logPath string
	ready   func(exited <-chan error) error

	mu     sync.Mutex
	cmd    *exec.Cmd
	exited chan error
}

// Start starts the server and waits until it is ready. It fails the test if
// it does not come up.
func (s *Server) Start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return
	}
	cmd := exec.Command(s.argv[0], s.argv[1:]...)
	cmd.Env = s.env
	cmd.Dir = s.dir
	exited := startLogged(s.t, cmd, s.logPath)
	if err := s.ready(exited); err != nil {
		_ = cmd.Process.Kill()
		if b, _ := os.ReadFile(s.logPath); len(b) > 0 {
			s.t.Logf("%s log:\n%s", s.name, tail(b, 4000))
		}
		s.t.Fatalf("testenv: %s: %v", s.name, err)
	}
	s.cmd, s.exited = cmd, exited
}

// Stop stops the server: with SIGKILL when kill is set (a crash), else with
// SIGTERM and a 15 s grace.
func (s *Server) Stop(kill bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	if kill {
		_ = s.cmd.Process.Kill()
	} else {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
	}
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
	s.cmd = nil
}

// startLogged starts cmd with its output appended to the file at logPath
// and returns a channel that receives Wait's result when it exits (the
// file closed then). It fails the test if cmd does not start.
func startLogged(t testing.TB, cmd *exec.Cmd, logPath string) chan error {
	t.Helper()
	out, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		out.Close()
		t.Fatalf("testenv: start %s: %v", cmd.Args[0], err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); out.Close() }()
	return exited
}

func newServer(t testing.TB, name string, argv, env []string, dir string, ready func(<-chan error) error) *Server {
	s := &Server{t: t, name: name, argv: argv, env: env, dir: dir, logPath: filepath.Join(dir, name+".log"), ready: ready}
	t.Cleanup(func() { s.Stop(true) })
	s.Start()
	return s
}

// RestartableNATSServer is NATSServer as a Server: JetStream on disk, so
// streams survive a restart.
func RestartableNATSServer(t testing.TB) (*Server, string) {
	t.Helper()
	bin, dir := prepareNATSServer(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	_, port, _ := net.SplitHostPort(addr)
	s := newServer(t, "nats-server", []string{bin, "-a", "127.0.0.1", "-p", port, "-js", "-sd", filepath.Join(dir, "js")},
		os.Environ(), dir, func(exited <-chan error) error { return waitTCP(addr, 20*time.Second, exited) })
	return s, "nats://" + addr
}

// RestartableClickHouse is ClickHouse as a Server: the data directory and
// port stay across restarts.
func RestartableClickHouse(t testing.TB) (*Server, string) {
	t.Helper()
	argv, dir, cfgPath, addr := prepareClickHouse(t)
	s := newServer(t, "clickhouse-server", append(append([]string{}, argv...), "--config-file="+cfgPath), os.Environ(), dir,
		func(exited <-chan error) error { return waitTCP(addr, 30*time.Second, exited) })
	return s, fmt.Sprintf("clickhouse://default@%s/callscope", addr)
}

// RestartableMinIO is MinIO as a Server: data, queued events (QUEUE_DIR)
// and ports stay across restarts.
func RestartableMinIO(t testing.TB, opt MinIOOptions) (*Server, MinIOServer) {
	t.Helper()
	argv, env, dir, srv := prepareMinIO(t, opt)
	s := newServer(t, "minio", argv, env, dir, func(exited <-chan error) error {
		return waitHTTPReady("http://"+srv.Endpoint+"/minio/health/ready", 30*time.Second, exited)
	})
	return s, srv
}
