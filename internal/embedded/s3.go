package embedded

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/versity/versitygw/auth"
	"github.com/versity/versitygw/backend/meta"
	"github.com/versity/versitygw/backend/posix"
	"github.com/versity/versitygw/embedgw"
	"github.com/versity/versitygw/s3api"
)

// ErrS3Running is returned by StartS3 while another embedded S3 server runs
// in this process: versitygw keeps package-level state (bucket-name
// validation, debug logging) and supports one gateway per process at a
// time. After Close returns, StartS3 may be called again.
var ErrS3Running = errors.New("embedded s3: a server is already running in this process (versitygw supports one per process)")

// S3Config configures the embedded S3 server.
type S3Config struct {
	// Dir holds everything the server stores (created if missing):
	// Dir/buckets/<bucket>/<key> are the objects as plain files, and
	// Dir/meta/<bucket>/<key>/meta/ their metadata (ETag, content type,
	// user metadata), one small file per attribute. Metadata lives in
	// sidecar files rather than extended attributes so that any filesystem
	// works (overlayfs and tmpfs often lack user xattrs).
	Dir string
	// AccessKey and SecretKey are the root credentials. Required.
	AccessKey, SecretKey string
	// Port is the port on Host; 0 picks a free one.
	Port int
	// Host is the address to listen on; empty is 127.0.0.1 (loopback
	// only). `serve --s3-listen` sets it so a PBX or uploader can PUT.
	Host string
	// Region reported to clients; default us-east-1.
	Region string
	// EventsNATSURL, when set, makes the server publish an S3 event
	// notification for every change in every bucket to EventsSubject on
	// that NATS server. versitygw's events carry no user metadata and
	// ignore bucket notification rules (no suffix filter); ingest stats the
	// object and filters by suffix itself.
	EventsNATSURL, EventsSubject string
	// Log receives what Close had to cut short; nil discards it.
	Log *slog.Logger
}

// S3 is a running in-process S3 server.
type S3 struct {
	endpoint string
	cancel   context.CancelFunc
	done     chan error // receives RunVersityGW's result once
	closed   sync.Once
	closeErr error
	// workDir is the process working directory before the posix backend
	// changed it (see StartS3); Close restores it.
	workDir string
	conns   *connTracker
	log     *slog.Logger
	// files is the buckets directory, for ReadObject; nil once closed.
	// dir is the same directory opened for readBeneath (nil if it could
	// not be opened: every read then goes through files).
	filesMu sync.RWMutex
	files   *os.Root
	dir     *os.File
	// meta is the metadata directory (Dir/meta), for ObjectVersion and
	// ReadObjectVersion; nil once closed or if it could not be opened.
	meta *os.Root
}

// s3Slot admits one embedded S3 server per process.
var s3Slot = make(chan struct{}, 1)

const (
	s3ReadyTimeout = 15 * time.Second
	s3MaxConns     = 1024
	// s3BindAttempts: with Port 0 a free port is picked by binding and
	// releasing it, and another process may take it before versitygw binds.
	s3BindAttempts = 3
)

// StartS3 starts versitygw with its posix backend rooted at cfg.Dir/buckets
// on 127.0.0.1 and returns when the server answers HTTP requests.
//
// The posix backend resolves buckets relative to the process working
// directory, so StartS3 changes the working directory to cfg.Dir/buckets
// for as long as the server runs (Close changes it back). Resolve relative
// paths before calling StartS3, and do not change the working directory
// while it runs.
func StartS3(cfg S3Config) (*S3, error) {
	if cfg.Dir == "" {
		return nil, errors.New("embedded s3: data directory is required")
	}
	if cfg.AccessKey == "" || cfg.SecretKey == "" {
		return nil, errors.New("embedded s3: access key and secret key are required")
	}
	if (cfg.EventsNATSURL == "") != (cfg.EventsSubject == "") {
		return nil, errors.New("embedded s3: events need both a NATS URL and a subject")
	}
	select {
	case s3Slot <- struct{}{}:
	default:
		return nil, ErrS3Running
	}
	s, err := startS3(cfg)
	if err != nil {
		<-s3Slot
		return nil, err
	}
	return s, nil
}

func startS3(cfg S3Config) (*S3, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("embedded s3: data directory %s: %w", cfg.Dir, err)
	}
	root, metaDir := filepath.Join(dir, "buckets"), filepath.Join(dir, "meta")
	for _, d := range []string{root, metaDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("embedded s3: data directory: %w", err)
		}
	}
	workDir, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("embedded s3: working directory: %w", err)
	}

	var lastErr error
	for attempt := 0; attempt < s3BindAttempts; attempt++ {
		port := cfg.Port
		if port == 0 {
			if port, err = freeLoopbackPort(); err != nil {
				return nil, fmt.Errorf("embedded s3: %w", err)
			}
		}
		s, err := runS3(cfg, root, metaDir, workDir, port)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if cfg.Port != 0 || !strings.Contains(err.Error(), "bind") {
			break
		}
	}
	return nil, lastErr
}

// runS3 starts one gateway on port and waits until it answers or fails.
func runS3(cfg S3Config, root, metaDir, workDir string, port int) (*S3, error) {
	metadata, err := meta.NewSideCar(metaDir)
	if err != nil {
		return nil, fmt.Errorf("embedded s3: metadata directory %s: %w", metaDir, err)
	}
	// posix.New changes the working directory to root.
	be, err := posix.New(root, metadata, posix.PosixOpts{
		ValidateBucketNames: true,
	})
	if err != nil {
		_ = os.Chdir(workDir)
		return nil, fmt.Errorf("embedded s3: posix backend at %s: %w", root, err)
	}
	host := cfg.Host
	if host == "" {
		host = "127.0.0.1"
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	listening := make(chan struct{})
	var listenOnce sync.Once
	conns := newConnTracker()
	gwCfg := &embedgw.Config{
		RootUserAccess:    cfg.AccessKey,
		RootUserSecret:    cfg.SecretKey,
		Region:            cfg.Region,
		Ports:             []string{addr},
		MaxConnections:    s3MaxConns,
		MaxRequests:       s3MaxConns,
		MultipartMaxParts: 10000,
		Quiet:             true,
		// Given explicitly: auth.New would print a banner line for
		// single-account mode.
		IAMService: auth.NewIAMServiceSingle(auth.Account{
			Access: cfg.AccessKey, Secret: cfg.SecretKey, Role: auth.RoleAdmin,
		}),
		// Keep-alive stays on (without it BenchmarkReprocessAnalyze
		// spent 15-55% more CPU per call). versitygw waits up to 10 s on
		// shutdown for a connection in the middle of a request; Close cuts
		// those after s3ShutdownGrace (see connTracker).
		KeepAlive: true,
		NatsURL:   cfg.EventsNATSURL,
		NatsTopic: cfg.EventsSubject,
		S3Options: []s3api.Option{
			s3api.WithOnListen(func() { listenOnce.Do(func() { close(listening) }) }),
			s3api.WithMiddleware("/", conns.middleware),
		},
	}
	files, err := os.OpenRoot(root)
	if err != nil {
		_ = os.Chdir(workDir)
		return nil, fmt.Errorf("embedded s3: buckets directory %s: %w", root, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- embedgw.RunVersityGW(ctx, be, gwCfg) }()

	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir, _ := os.Open(root)
	metaRoot, _ := os.OpenRoot(metaDir) // nil: ETags are asked of the gateway
	s := &S3{endpoint: addr, cancel: cancel, done: done, workDir: workDir, conns: conns, log: log, files: files, dir: dir, meta: metaRoot}
	if err := waitS3(addr, listening, done); err != nil {
		_ = files.Close()
		if dir != nil {
			_ = dir.Close()
		}
		if metaRoot != nil {
			_ = metaRoot.Close()
		}
		cancel()
		_ = os.Chdir(workDir)
		return nil, fmt.Errorf("embedded s3 at %s (data %s): %w", addr, filepath.Dir(root), err)
	}
	return s, nil
}

// waitS3 waits until the gateway has bound its port and answers an HTTP
// request, or until it stops with an error.
func waitS3(addr string, listening <-chan struct{}, done chan error) error {
	deadline := time.After(s3ReadyTimeout)
	select {
	case <-listening:
	case err := <-done:
		return exitErr(err)
	case <-deadline:
		return fmt.Errorf("not listening after %s", s3ReadyTimeout)
	}
	client := &http.Client{Timeout: time.Second}
	for {
		// Any HTTP answer (403 for an anonymous request) means the
		// router is serving.
		resp, err := client.Get("http://" + addr + "/")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case err := <-done:
			return exitErr(err)
		case <-deadline:
			return fmt.Errorf("not answering HTTP after %s: %w", s3ReadyTimeout, err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func exitErr(err error) error {
	if err == nil {
		return errors.New("stopped before it was ready")
	}
	return err
}

func freeLoopbackPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("no free loopback port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Endpoint is the server's "127.0.0.1:PORT", without a scheme (as minio-go
// and objstore.Config take it). It speaks plain HTTP.
func (s *S3) Endpoint() string { return s.endpoint }

// Close stops the server, lets requests in flight finish for up to
// s3ShutdownGrace, closes the connections of those that did not (and logs
// how many), and restores the process working directory. It is safe to
// call more than once.
func (s *S3) Close() error {
	s.closed.Do(func() {
		s.filesMu.Lock()
		_ = s.files.Close()
		s.files = nil
		if s.dir != nil {
			_ = s.dir.Close()
			s.dir = nil
		}
		if s.meta != nil {
			_ = s.meta.Close()
			s.meta = nil
		}
		s.filesMu.Unlock()
		s.cancel()
		var err error
		select {
		case err = <-s.done:
		case <-time.After(s3ShutdownGrace):
			n := s.conns.closeAll()
			err = <-s.done
			s.log.Warn("embedded s3: closed connections with a request still unfinished at shutdown; their clients must retry",
				"endpoint", s.endpoint, "connections", n, "grace", s3ShutdownGrace)
		}
		if err != nil {
			s.closeErr = fmt.Errorf("embedded s3 at %s: %w", s.endpoint, err)
		}
		if err := os.Chdir(s.workDir); err != nil && s.closeErr == nil {
			s.closeErr = fmt.Errorf("embedded s3: restore working directory %s: %w", s.workDir, err)
		}
		<-s3Slot
	})
	return s.closeErr
}
