package embedded

import (
	"bufio"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/ingest"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite ingest/testdata/s3event/versitygw.json from a captured event")

func startBoth(t *testing.T) (*NATS, *S3) {
	t.Helper()
	dir := t.TempDir()
	ns, err := StartNATS(NATSConfig{Dir: filepath.Join(dir, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	s3, err := StartS3(S3Config{
		Dir: filepath.Join(dir, "objects"), AccessKey: "test-access", SecretKey: "test-secret-key",
		EventsNATSURL: ns.ClientURL(), EventsSubject: "callscope.jobs.ingest.s3",
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s3.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return ns, s3
}

func TestEmbeddedS3WithMinioClient(t *testing.T) {
	ns, s3 := startBoth(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	events, err := nc.SubscribeSync("callscope.jobs.ingest.s3")
	if err != nil {
		t.Fatal(err)
	}

	mc, err := minio.New(s3.Endpoint(), &minio.Options{Creds: credentials.NewStaticV4("test-access", "test-secret-key", "")})
	if err != nil {
		t.Fatal(err)
	}
	const bucket = "calls"
	if err := mc.MakeBucket(ctx, bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatalf("make bucket: %v", err)
	}
	body := []byte("RIFF....WAVEfmt fake audio")
	sum := md5.Sum(body)
	wantETag := hex.EncodeToString(sum[:])
	const key = "2026/11/20/звонок 000123+1.wav"
	_, err = mc.PutObject(ctx, bucket, key, bytes.NewReader(body), int64(len(body)), minio.PutObjectOptions{
		ContentType:  "audio/wav",
		UserMetadata: map[string]string{"Call-Id": "2026-11-20-000123", "queue": "internet"},
	})
	if err != nil {
		t.Fatalf("put: %v", err)
	}

	st, err := mc.StatObject(ctx, bucket, key, minio.StatObjectOptions{})
	if err != nil {
		t.Fatalf("stat: %v", err)
	}
	if got := strings.Trim(st.ETag, `"`); got != wantETag {
		t.Errorf("etag = %q, want MD5 %q", got, wantETag)
	}
	if st.Size != int64(len(body)) || st.ContentType != "audio/wav" {
		t.Errorf("stat = size %d type %q", st.Size, st.ContentType)
	}
	meta := map[string]string{}
	for k, v := range st.UserMetadata {
		meta[strings.ToLower(k)] = v
	}
	if meta["call-id"] != "2026-11-20-000123" || meta["queue"] != "internet" {
		t.Errorf("user metadata = %v", st.UserMetadata)
	}

	obj, err := mc.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(obj)
	obj.Close()
	if err != nil || !bytes.Equal(got, body) {
		t.Errorf("get = %q, %v", got, err)
	}

	var keys []string
	for oi := range mc.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
		if oi.Err != nil {
			t.Fatal(oi.Err)
		}
		keys = append(keys, oi.Key)
	}
	if len(keys) != 1 || keys[0] != key {
		t.Errorf("list = %q", keys)
	}

	// versitygw publishes a test event on connect, then one per change.
	var created []ingest.ObjectEvent
	var raw []byte
	deadline := time.Now().Add(5 * time.Second)
	for len(created) == 0 && time.Now().Before(deadline) {
		msg, err := events.NextMsg(time.Until(deadline))
		if err != nil {
			break
		}
		evs, err := ingest.ParseS3Event(msg.Data)
		if err != nil {
			t.Fatalf("versitygw event does not parse: %v\n%s", err, msg.Data)
		}
		for _, ev := range evs {
			if strings.HasPrefix(ev.EventName, "s3:ObjectCreated") {
				created = append(created, ev)
				raw = msg.Data
			}
		}
	}
	if len(created) != 1 {
		t.Fatalf("object-created events = %v", created)
	}
	if ev := created[0]; ev.Bucket != bucket || ev.Key != key || ev.ETag != wantETag || ev.Size != int64(len(body)) {
		t.Errorf("event = %+v\n%s", ev, raw)
	}
	if *updateGolden {
		// The test runs with the working directory inside the S3 root;
		// the golden path is resolved from the package directory.
		if err := os.WriteFile(goldenPath, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if err := mc.RemoveObject(ctx, bucket, key, minio.RemoveObjectOptions{}); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if _, err := mc.StatObject(ctx, bucket, key, minio.StatObjectOptions{}); minio.ToErrorResponse(err).Code != minio.NoSuchKey {
		t.Errorf("stat after remove: %v", err)
	}
}

var goldenPath string

func TestMain(m *testing.M) {
	flag.Parse()
	if wd, err := os.Getwd(); err == nil {
		goldenPath = filepath.Join(wd, "..", "..", "ingest", "testdata", "s3event", "versitygw.json")
	}
	os.Exit(m.Run())
}

func TestEmbeddedNATSJetStream(t *testing.T) {
	ns, err := StartNATS(NATSConfig{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ns.Shutdown()
	if !strings.HasPrefix(ns.ClientURL(), "nats://127.0.0.1:") {
		t.Errorf("client URL %q", ns.ClientURL())
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "TEST", Subjects: []string{"test.>"}, Retention: jetstream.WorkQueuePolicy})
	if err != nil {
		t.Fatalf("create stream: %v", err)
	}
	if _, err := js.Publish(ctx, "test.one", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(ctx)
	if err != nil || info.State.Msgs != 1 {
		t.Fatalf("stream info = %+v, %v", info, err)
	}
}

// TestS3OnePerProcess: versitygw runs one gateway per process; a second
// StartS3 says so, and after Close a new one starts and sees the data of
// the first (metadata in sidecar files survives a restart).
func TestS3OnePerProcess(t *testing.T) {
	wd, _ := os.Getwd()
	dir := t.TempDir()
	cfg := S3Config{Dir: dir, AccessKey: "a-key", SecretKey: "a-secret"}
	first, err := StartS3(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := StartS3(S3Config{Dir: t.TempDir(), AccessKey: "a", SecretKey: "b"}); !errors.Is(err, ErrS3Running) {
		t.Errorf("second StartS3: %v, want ErrS3Running", err)
	}
	ctx := context.Background()
	mc := func(s *S3) *minio.Client {
		c, err := minio.New(s.Endpoint(), &minio.Options{Creds: credentials.NewStaticV4("a-key", "a-secret", "")})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if err := mc(first).MakeBucket(ctx, "keep", minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := mc(first).PutObject(ctx, "keep", "a.txt", strings.NewReader("x"), 1, minio.PutObjectOptions{UserMetadata: map[string]string{"k": "v"}}); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if now, _ := os.Getwd(); now != wd {
		t.Errorf("working directory after Close = %s, want %s", now, wd)
	}

	start := time.Now()
	second, err := StartS3(cfg)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	t.Logf("restart ready in %s", time.Since(start))
	defer second.Close()
	st, err := mc(second).StatObject(ctx, "keep", "a.txt", minio.StatObjectOptions{})
	if err != nil {
		t.Fatalf("stat after restart: %v", err)
	}
	if st.UserMetadata["K"] != "v" && st.UserMetadata["k"] != "v" {
		t.Errorf("user metadata after restart = %v", st.UserMetadata)
	}
}

func TestStartErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  S3Config
		want string
	}{
		{"no dir", S3Config{AccessKey: "a", SecretKey: "b"}, "data directory is required"},
		{"no keys", S3Config{Dir: t.TempDir()}, "access key and secret key are required"},
		{"half events", S3Config{Dir: t.TempDir(), AccessKey: "a", SecretKey: "b", EventsNATSURL: "nats://127.0.0.1:1"}, "both a NATS URL and a subject"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := StartS3(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := StartNATS(NATSConfig{}); err == nil || !strings.Contains(err.Error(), "store directory is required") {
		t.Errorf("StartNATS without dir: %v", err)
	}
}

// TestNATSRestartKeepsStreams: the store directory carries streams and
// their messages across a restart.
func TestNATSRestartKeepsStreams(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for round := range 2 {
		ns, err := StartNATS(NATSConfig{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		nc, err := nats.Connect(ns.ClientURL())
		if err != nil {
			t.Fatal(err)
		}
		js, _ := jetstream.New(nc)
		if round == 0 {
			if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "KEEP", Subjects: []string{"keep"}}); err != nil {
				t.Fatal(err)
			}
			if _, err := js.Publish(ctx, "keep", []byte("x")); err != nil {
				t.Fatal(err)
			}
		} else {
			s, err := js.Stream(ctx, "KEEP")
			if err != nil {
				t.Fatalf("stream after restart: %v", err)
			}
			if info, err := s.Info(ctx); err != nil || info.State.Msgs != 1 {
				t.Errorf("after restart: %+v, %v", info, err)
			}
		}
		nc.Close()
		ns.Shutdown()
	}
	if _, err := os.Stat(filepath.Join(dir, "jetstream")); err != nil {
		t.Errorf("JetStream store not under %s: %v", dir, err)
	}
}

// TestS3CloseQuietWithUnfinishedRequests: Close never leaves versitygw to
// time out. Its shutdown waits 10 s for a connection in the middle of a
// request and then prints "shutdown api server: context deadline
// exceeded" to the process's stderr (issue 12 item 11: every `run` that
// met such a connection ended with it). Close cuts those connections after
// its own grace and says so in the log instead.
//
// Not covered, because it cannot be: a connection that never sends a byte.
// fasthttp marks a new connection active before reading its first request,
// so the gateway still waits 10 s for it, and Close cannot see it (no
// request reaches a middleware). Our clients never open one.
func TestS3CloseQuietWithUnfinishedRequests(t *testing.T) {
	tests := []struct {
		name string
		// leave puts a request that never finishes on conn.
		leave func(t *testing.T, conn net.Conn, host string)
		cut   int // connections Close must cut
	}{
		{
			// The gateway answers 403 at once, then drains the body it
			// will never get.
			name: "upload cut short after a complete request",
			leave: afterAnsweredGET(func(host string) string {
				return "PUT /calls/x.wav HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 100\r\n\r\nabc"
			}),
			cut: 1,
		},
		{
			name:  "headers cut short on a kept-alive connection",
			leave: afterAnsweredGET(func(string) string { return "PUT /calls/x.wav HTTP/1.1\r\nHost: " }),
			cut:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logged bytes.Buffer
			s3, err := StartS3(S3Config{
				Dir: t.TempDir(), AccessKey: "a", SecretKey: "b",
				Log: slog.New(slog.NewTextHandler(&logged, nil)),
			})
			if err != nil {
				t.Fatal(err)
			}
			conn, err := net.Dial("tcp", s3.Endpoint())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			tt.leave(t, conn, s3.Endpoint())
			time.Sleep(200 * time.Millisecond) // the gateway reads what was sent

			stderr := captureStderr(t, func() {
				if err := s3.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			if strings.Contains(stderr, "shutdown") {
				t.Errorf("the gateway timed out on shutdown; stderr:\n%s", stderr)
			}
			if tt.cut > 0 && !strings.Contains(logged.String(), "connections="+strconv.Itoa(tt.cut)) {
				t.Errorf("log does not say %d connection(s) were cut:\n%s", tt.cut, logged.String())
			}
		})
	}
}

// afterAnsweredGET is a leave that sends a complete GET, reads its answer,
// then starts another request on the kept-alive connection (partial: its
// text for the host) and never finishes it.
func afterAnsweredGET(partial func(host string) string) func(t *testing.T, conn net.Conn, host string) {
	return func(t *testing.T, conn net.Conn, host string) {
		if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: "+host+"\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		_, _ = io.WriteString(conn, partial(host))
	}
}

// captureStderr runs f with the process's stderr (where versitygw prints)
// going to a pipe, and returns what was written.
func captureStderr(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	defer func() {
		os.Stderr = saved
		w.Close()
	}()
	f()
	os.Stderr = saved
	w.Close()
	return <-got
}
