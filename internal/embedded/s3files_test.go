package embedded

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/callscope/callscope/internal/objstore"
)

// startS3WithBucket starts an embedded S3 server on dir with bucket, and
// the client callscope uses (objstore: its Put works around the gateway's
// stray 400 after an empty body, TestEmptyPutLeavesConnectionClean). The
// server is closed when the test ends, if the test has not closed it
// (Close may be called twice).
func startS3WithBucket(t *testing.T, dir, bucket string) (*S3, *objstore.Store) {
	t.Helper()
	s3, err := StartS3(S3Config{Dir: dir, AccessKey: "test-access", SecretKey: "test-secret-key"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s3.Close() })
	objects, err := objstore.New(objstore.Config{Endpoint: s3.Endpoint(), AccessKey: "test-access", SecretKey: "test-secret-key"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(objects.Close) // before the server's Close: no idle connection for it to wait for
	if err := objects.EnsureBucket(context.Background(), bucket); err != nil {
		t.Fatal(err)
	}
	return s3, objects
}

// TestEmptyPutLeavesConnectionClean: over plain HTTP minio-go signs a PUT's
// body in aws-chunked form, and for an empty object it declares a length of
// 0 yet still sends the closing chunk, which versitygw 1.8.0 never reads:
// the gateway parses those bytes as the next request on the kept-alive
// connection, answers them 400 («An error occurred when parsing the HTTP
// request») and closes it. A request the client sent on that connection
// meanwhile takes the 400 as its answer: the rare failure of
// TestReadObjectFromFile («put a/b/c/d.bin: An error occurred when parsing
// the HTTP request»), whose puts, in map order, included an empty object
// through minio-go directly. objstore.Put sends an empty body unsigned. The
// stray answer shows in Go's transport log as «Unsolicited response
// received on idle HTTP channel»; minio-go's own put shows that this test
// sees it (when it no longer does, the gateway or minio-go is fixed and
// objstore.Put's workaround can go).
func TestEmptyPutLeavesConnectionClean(t *testing.T) {
	const bucket = "calls"
	s3, objects := startS3WithBucket(t, filepath.Join(t.TempDir(), "objects"), bucket)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	raw, err := minio.New(s3.Endpoint(), &minio.Options{Creds: credentials.NewStaticV4("test-access", "test-secret-key", "")})
	if err != nil {
		t.Fatal(err)
	}
	logged := make(logLines, 16)
	log.SetOutput(logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	tests := []struct {
		name  string
		put   func() error
		stray bool // whether the gateway answers bytes left after the PUT
	}{
		{"objstore.Put", func() error {
			_, err := objects.Put(ctx, bucket, "a.json", nil, "application/json", nil)
			return err
		}, false},
		{"minio-go's streaming signature", func() error {
			_, err := raw.PutObject(ctx, bucket, "b.json", bytes.NewReader(nil), 0, minio.PutObjectOptions{})
			return err
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for len(logged) > 0 {
				<-logged // lines from before this PUT
			}
			if err := tt.put(); err != nil {
				t.Fatal(err)
			}
			// The gateway answers stray bytes at once; a clean connection
			// is given a second to show none.
			wait := time.Second
			if tt.stray {
				wait = 20 * time.Second
			}
			if stray := logged.saw("Unsolicited response", wait); stray != tt.stray {
				t.Errorf("a stray answer after the empty PUT: %v, want %v", stray, tt.stray)
			}
		})
	}
}

// logLines is a log output that hands each line to the test (a line that
// finds the buffer full is dropped: the log never waits for the test).
type logLines chan string

func (l logLines) Write(p []byte) (int, error) {
	select {
	case l <- string(p):
	default:
	}
	return len(p), nil
}

// saw reports whether a line containing text is logged within wait.
func (l logLines) saw(text string, wait time.Duration) bool {
	timeout := time.After(wait)
	for {
		select {
		case line := <-l:
			if strings.Contains(line, text) {
				return true
			}
		case <-timeout:
			return false
		}
	}
}

// TestReadObjectFromFile: an object read from its file is the bytes a GET
// returns; a missing object or bucket is not found; a key a plain path
// cannot name, and any read after Close, is left to the S3 API.
func TestReadObjectFromFile(t *testing.T) {
	s3Dir := filepath.Join(t.TempDir(), "objects")
	const bucket = "transcripts"
	s3, objects := startS3WithBucket(t, s3Dir, bucket)
	mc := objects.Client()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	bodies := map[string][]byte{
		"2026/11/20/звонок 000123+1.wav.transcript.json": []byte(`{"channels":[]}`),
		"top.json":    []byte("x"),
		"empty.txt":   {},
		"a/b/c/d.bin": bytes.Repeat([]byte{0, 1, 2, 255}, 5000),
	}
	for k, body := range bodies {
		if _, err := objects.Put(ctx, bucket, k, body, "", nil); err != nil {
			t.Fatalf("put %s: %v", k, err)
		}
	}
	for k, body := range bodies {
		obj, err := mc.GetObject(ctx, bucket, k, minio.GetObjectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		viaHTTP, err := io.ReadAll(obj)
		obj.Close()
		if err != nil || !bytes.Equal(viaHTTP, body) {
			t.Fatalf("GET %s: %d bytes, %v", k, len(viaHTTP), err)
		}
		got, found, err := s3.ReadObject(bucket, k, 0)
		if err != nil || !found || !bytes.Equal(got, viaHTTP) {
			t.Errorf("ReadObject(%q) = %d bytes, found %v, %v; want the %d bytes of GET", k, len(got), found, err, len(viaHTTP))
		}
	}
	big := bodies["a/b/c/d.bin"]
	if got, found, err := s3.ReadObject(bucket, "a/b/c/d.bin", 100); err != nil || !found || !bytes.Equal(got, big[:100]) {
		t.Errorf("ReadObject with maxBytes 100 = %d bytes, %v, %v", len(got), found, err)
	}
	if got, _, _ := s3.ReadObject(bucket, "a/b/c/d.bin", int64(len(big))+1); len(got) != len(big) {
		t.Errorf("ReadObject with maxBytes above the size = %d bytes, want %d", len(got), len(big))
	}

	for _, tc := range []struct {
		name, bucket, key string
		found             bool
		err               error
	}{
		{"missing object", bucket, "nope.json", false, nil},
		{"missing under a file", bucket, "top.json/x", false, nil},
		{"missing bucket", "nobucket", "top.json", false, nil},
		{"directory", bucket, "a/b", false, ErrNotDirect},
		{"directory object", bucket, "a/b/", false, ErrNotDirect},
		{"dot dot", bucket, "../" + bucket + "/top.json", false, ErrNotDirect},
		{"absolute", bucket, "/etc/passwd", false, ErrNotDirect},
		{"empty element", bucket, "a//b/c/d.bin", false, ErrNotDirect},
		{"gateway temp dir", bucket, ".sgwtmp/x", false, ErrNotDirect},
		{"empty key", bucket, "", false, ErrNotDirect},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, found, err := s3.ReadObject(tc.bucket, tc.key, 0)
			if found != tc.found || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) || data != nil {
				t.Errorf("ReadObject(%q, %q) = %d bytes, found %v, err %v; want found %v, err %v", tc.bucket, tc.key, len(data), found, err, tc.found, tc.err)
			}
		})
	}

	// Symbolic links: one that stays inside the buckets directory is read
	// as os.Root reads it, one that leads out of it never is.
	objDir := filepath.Join(s3Dir, "buckets", bucket)
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(objDir, "out.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../"+bucket+"/top.json", filepath.Join(objDir, "in.json")); err != nil {
		t.Fatal(err)
	}
	if data, found, err := s3.ReadObject(bucket, "out.json", 0); found || bytes.Contains(data, []byte("secret")) {
		t.Errorf("a link out of the buckets directory was read: %q, found %v, %v", data, found, err)
	}
	if data, found, err := s3.ReadObject(bucket, "in.json", 0); !found || err != nil || string(data) != "x" {
		t.Errorf("a link inside the buckets directory: %q, found %v, %v", data, found, err)
	}
	// The one-call path serves plain objects (on Linux 5.6 and later).
	if runtime.GOOS == "linux" {
		data, found, ok, err := readBeneath(s3.dir, bucket, "a/b/c/d.bin", 0)
		if !ok && !noOpenat2.Load() {
			t.Errorf("readBeneath did not serve a plain object (err %v)", err)
		}
		if ok && (!found || err != nil || !bytes.Equal(data, big)) {
			t.Errorf("readBeneath = %d bytes, found %v, %v", len(data), found, err)
		}
	}

	if err := s3.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s3.ReadObject(bucket, "top.json", 0); !errors.Is(err, ErrNotDirect) {
		t.Errorf("ReadObject after Close: %v, want ErrNotDirect", err)
	}
}

// BenchmarkReadObject: a 1.6 KB transcript read from its file, with one
// openat2 call (Linux) and through os.Root alone.
func BenchmarkReadObject(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "objects")
	s3, err := StartS3(S3Config{Dir: dir, AccessKey: "test-access", SecretKey: "test-secret-key"})
	if err != nil {
		b.Fatal(err)
	}
	defer s3.Close()
	obj := filepath.Join(dir, "buckets", "transcripts", "archive", "0000001.wav.transcript.json")
	if err := os.MkdirAll(filepath.Dir(obj), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(obj, bytes.Repeat([]byte("x"), 1634), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		name := "openat2"
		if !fast {
			name = "os.Root"
		}
		b.Run(name, func(b *testing.B) {
			was := noOpenat2.Load()
			noOpenat2.Store(!fast || was)
			defer noOpenat2.Store(was)
			for b.Loop() {
				if _, found, err := s3.ReadObject("transcripts", "archive/0000001.wav.transcript.json", 0); !found || err != nil {
					b.Fatal(found, err)
				}
			}
		})
	}
}

// TestObjectVersionFromFile: the ETag read from the backend's metadata file
// and the file's time are the ones a HEAD gives, for ObjectVersion and with
// the bytes for ReadObjectVersion; a missing object is not found; an ETag file
// that does not go with the bytes (a PUT between writing the one and
// linking the other), or a server closed, is left to the S3 API.
func TestObjectVersionFromFile(t *testing.T) {
	s3Dir := filepath.Join(t.TempDir(), "objects")
	const bucket = "calls"
	s3, objects := startS3WithBucket(t, s3Dir, bucket)
	mc := objects.Client()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	put := func(key string, body []byte) {
		t.Helper()
		if _, err := objects.Put(ctx, bucket, key, body, "", nil); err != nil {
			t.Fatalf("put %s: %v", key, err)
		}
	}
	tests := []struct {
		name string
		key  string
		puts [][]byte // put in turn; the last one is current
	}{
		{"sidecar", "2026/11/20/звонок 000123+1.json", [][]byte{[]byte(`{"operator": {"id": "op-7"}}`)}},
		{"replaced", "a/b.transcript.json", [][]byte{[]byte(`{"channels":[]}`), []byte(`{"channels":[{}]}`)}},
		{"empty", "empty.json", [][]byte{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, body := range tt.puts {
				put(tt.key, body)
			}
			head, err := mc.StatObject(ctx, bucket, tt.key, minio.StatObjectOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := Version{ETag: head.ETag, Modified: head.LastModified.UTC()}
			if v, found, err := s3.ObjectVersion(bucket, tt.key); err != nil || !found || v != want {
				t.Errorf("ObjectVersion = %+v, found %v, %v; want the HEAD's %+v", v, found, err, want)
			}
			data, v, found, err := s3.ReadObjectVersion(bucket, tt.key, 1<<20)
			if err != nil || !found || v != want || !bytes.Equal(data, tt.puts[len(tt.puts)-1]) {
				t.Errorf("ReadObjectVersion = %q, %+v, found %v, %v; want the last bytes put and the HEAD's %+v", data, v, found, err, want)
			}
		})
	}
	for _, tc := range []struct {
		name, bucket, key string
		err               error
	}{
		{"missing object", bucket, "nope.json", nil},
		{"missing bucket", "nobucket", "nope.json", nil},
		{"under a file", bucket, "empty.json/x", nil},
		{"directory", bucket, "a", ErrNotDirect},
		{"dot dot", bucket, "../" + bucket + "/empty.json", ErrNotDirect},
	} {
		if v, found, err := s3.ObjectVersion(tc.bucket, tc.key); found || !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
			t.Errorf("ObjectVersion of %s: %+v, found %v, %v; want not found, %v", tc.name, v, found, err, tc.err)
		}
	}
	if _, _, found, err := s3.ReadObjectVersion(bucket, "nope.json", 0); found || err != nil {
		t.Errorf("ReadObjectVersion of a missing object: found %v, %v", found, err)
	}

	// The ETag file of another version than the bytes.
	put("race.json", []byte("new"))
	etagFile := filepath.Join(s3Dir, "meta", bucket, "race.json", "meta", "etag")
	if _, err := os.Stat(etagFile); err != nil {
		t.Fatalf("the backend's ETag file is not where ObjectVersion reads it: %v", err)
	}
	if err := os.WriteFile(etagFile, []byte(`"d41d8cd98f00b204e9800998ecf8427e"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, v, found, err := s3.ReadObjectVersion(bucket, "race.json", 0); !errors.Is(err, ErrNotDirect) {
		t.Errorf("ReadObjectVersion with an ETag of other bytes = %q, %+v, found %v, %v; want ErrNotDirect", data, v, found, err)
	}

	if err := s3.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s3.ObjectVersion(bucket, "empty.json"); !errors.Is(err, ErrNotDirect) {
		t.Errorf("ObjectVersion after Close: %v, want ErrNotDirect", err)
	}
}
