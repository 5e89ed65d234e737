package testenv

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// MinIOVersion is the MinIO build scripts/setup.sh installs (the only
// version the Go module proxy serves).
const MinIOVersion = "v0.0.0-20260212201848-7aac2a2c5b7c"

// MinIONotifyID is the MinIO notification target ID MinIO is started with
// when MinIOOptions.NATSURL is set; its ARN is MinIOServer.ARN.
const MinIONotifyID = "CALLSCOPE"

// MinIOOptions configures MinIO.
type MinIOOptions struct {
	// NATSURL, when set, enables a NATS notification target (JetStream
	// publishing to subject callscope.jobs.ingest.s3, queued on disk while
	// NATS is unreachable). Buckets still need a rule pointing at ARN.
	NATSURL string
}

// MinIOServer is a running MinIO.
type MinIOServer struct {
	Endpoint             string // 127.0.0.1:PORT, plain HTTP
	AccessKey, SecretKey string
	// ARN of the NATS notification target (arn:minio:sqs::CALLSCOPE:nats);
	// empty without MinIOOptions.NATSURL.
	ARN string
	// Dir is MinIO's data directory.
	Dir string
}

// MinIOBinary is where scripts/setup.sh puts the MinIO server.
func MinIOBinary() string {
	return filepath.Join(CacheDir(), "minio", MinIOVersion, "minio")
}

// MinIO starts the cached MinIO server on free loopback ports with a
// temporary data directory and returns when /minio/health/ready answers.
// The server is killed when the test ends; its log is printed if it does
// not start. Skipped when the binary is missing or under -short.
func MinIO(t testing.TB, opt MinIOOptions) MinIOServer {
	t.Helper()
	argv, env, dir, srv := prepareMinIO(t, opt)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Dir = dir
	logPath := filepath.Join(dir, "minio.log")
	exited := startLogged(t, cmd, logPath)
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	if err := waitHTTPReady("http://"+srv.Endpoint+"/minio/health/ready", 30*time.Second, exited); err != nil {
		if b, _ := os.ReadFile(logPath); len(b) > 0 {
			t.Logf("minio.log:\n%s", tail(b, 4000))
		}
		t.Fatalf("testenv: minio: %v", err)
	}
	return srv
}

// waitHTTPReady polls url until it answers 200 with its object layer
// online, the process exits, or the timeout passes.
func waitHTTPReady(url string, timeout time.Duration, exited <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	client := &http.Client{Timeout: time.Second}
	var last error
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			// MinIO answers 200 before its object layer is up, marking
			// the answer with this header; S3 requests then fail with
			// "Server not initialized yet".
			offline := resp.Header.Get("X-Minio-Server-Status") == "offline"
			if resp.StatusCode == http.StatusOK && !offline {
				return nil
			}
			last = fmt.Errorf("%s answered %s (server status offline: %v)", url, resp.Status, offline)
		} else {
			last = err
		}
		select {
		case err := <-exited:
			return fmt.Errorf("exited before ready: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("%s not ready after %s: %v", url, timeout, last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// prepareMinIO finds the binary (skipping the test without it) and lays out
// a fresh server on free loopback ports: its command line, environment,
// directory and what clients need to reach it.
func prepareMinIO(t testing.TB, opt MinIOOptions) (argv, env []string, dir string, srv MinIOServer) {
	t.Helper()
	SkipIfShort(t)
	bin := MinIOBinary()
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("minio not installed at %s: run scripts/setup.sh minio", bin)
	}
	dir = t.TempDir()
	srv = MinIOServer{
		AccessKey: "callscope-test",
		SecretKey: "callscope-test-secret",
		Dir:       filepath.Join(dir, "data"),
	}
	port, consolePort := FreePort(t), FreePort(t)
	for consolePort == port {
		consolePort = FreePort(t)
	}
	srv.Endpoint = fmt.Sprintf("127.0.0.1:%d", port)

	env = append(os.Environ(),
		"MINIO_ROOT_USER="+srv.AccessKey,
		"MINIO_ROOT_PASSWORD="+srv.SecretKey,
		"MINIO_BROWSER=off",
		"MINIO_UPDATE=off",
	)
	if opt.NATSURL != "" {
		u, err := url.Parse(opt.NATSURL)
		if err != nil || u.Host == "" {
			t.Fatalf("testenv: minio: NATS URL %q is not nats://host:port", opt.NATSURL)
		}
		id := "_" + MinIONotifyID
		env = append(env,
			"MINIO_NOTIFY_NATS_ENABLE"+id+"=on",
			"MINIO_NOTIFY_NATS_ADDRESS"+id+"="+u.Host,
			"MINIO_NOTIFY_NATS_SUBJECT"+id+"=callscope.jobs.ingest.s3",
			"MINIO_NOTIFY_NATS_JETSTREAM"+id+"=on",
			"MINIO_NOTIFY_NATS_QUEUE_DIR"+id+"="+filepath.Join(dir, "events"),
		)
		srv.ARN = "arn:minio:sqs::" + MinIONotifyID + ":nats"
	}

	argv = []string{bin, "server", "--quiet", "--address", srv.Endpoint,
		"--console-address", fmt.Sprintf("127.0.0.1:%d", consolePort), srv.Dir}
	return argv, env, dir, srv
}
