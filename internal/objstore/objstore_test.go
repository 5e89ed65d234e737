package objstore_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/embedded"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite ingest/testdata/s3event/minio.json from a captured MinIO event")

// goldenDir is resolved before any test runs: the embedded S3 server
// changes the working directory while it runs.
var goldenDir string

func TestMain(m *testing.M) {
	flag.Parse()
	if wd, err := os.Getwd(); err == nil {
		goldenDir = filepath.Join(wd, "..", "..", "ingest", "testdata", "s3event")
	}
	os.Exit(m.Run())
}

// backend starts one S3 server for a test and returns a Store on it.
type backend struct {
	name  string
	start func(t *testing.T) *objstore.Store
}

var backends = []backend{
	{"versitygw", func(t *testing.T) *objstore.Store {
		s3, err := embedded.StartS3(embedded.S3Config{Dir: t.TempDir(), AccessKey: "test-access", SecretKey: "test-secret"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s3.Close() })
		return newStore(t, objstore.Config{Endpoint: s3.Endpoint(), AccessKey: "test-access", SecretKey: "test-secret"})
	}},
	{"minio", func(t *testing.T) *objstore.Store {
		m := testenv.MinIO(t, testenv.MinIOOptions{})
		return newStore(t, objstore.Config{Endpoint: "http://" + m.Endpoint, AccessKey: m.AccessKey, SecretKey: m.SecretKey})
	}},
}

func newStore(t *testing.T, cfg objstore.Config) *objstore.Store {
	t.Helper()
	s, err := objstore.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func md5hex(b []byte) string {
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}

func TestStore(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.start(t)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			const bucket = "calls"

			t.Run("EnsureBucketRace", func(t *testing.T) {
				var wg sync.WaitGroup
				errs := make([]error, 4)
				for i := range errs {
					wg.Go(func() { errs[i] = s.EnsureBucket(ctx, bucket) })
				}
				wg.Wait()
				for i, err := range errs {
					if err != nil {
						t.Errorf("EnsureBucket #%d: %v", i, err)
					}
				}
				if err := s.EnsureBucket(ctx, bucket); err != nil {
					t.Errorf("EnsureBucket again: %v", err)
				}
			})

			audio := []byte("RIFF\x24\x00\x00\x00WAVEfmt two channels of silence")
			const key = "2026/11/20/звонок 000123+1.wav"
			t.Run("PutStatGet", func(t *testing.T) {
				info, err := s.Put(ctx, bucket, key, audio, "audio/wav", map[string]string{"Call-Id": "2026-11-20-000123", "queue": "internet"})
				if err != nil {
					t.Fatal(err)
				}
				if info.ETag != md5hex(audio) || info.Size != int64(len(audio)) || info.Key != key {
					t.Errorf("put info = %+v, want etag %s", info, md5hex(audio))
				}
				st, err := s.Stat(ctx, bucket, key)
				if err != nil {
					t.Fatal(err)
				}
				if st.ETag != md5hex(audio) || st.Size != int64(len(audio)) || st.LastModified.IsZero() {
					t.Errorf("stat = %+v", st)
				}
				want := map[string]string{"call-id": "2026-11-20-000123", "queue": "internet"}
				if fmt.Sprint(st.UserMetadata) != fmt.Sprint(want) {
					t.Errorf("user metadata = %v, want %v", st.UserMetadata, want)
				}
				got, err := s.Get(ctx, bucket, key, 1<<20)
				if err != nil || string(got) != string(audio) {
					t.Errorf("get = %q, %v", got, err)
				}
				got, err = s.Get(ctx, bucket, key, 4)
				if err != nil || string(got) != "RIFF" {
					t.Errorf("get 4 bytes = %q, %v", got, err)
				}
				empty, err := s.Put(ctx, bucket, "empty.json", nil, "application/json", nil)
				if err != nil || empty.ETag != md5hex(nil) {
					t.Errorf("put empty = %+v, %v", empty, err)
				}
				if got, err := s.Get(ctx, bucket, "empty.json", 10); err != nil || len(got) != 0 {
					t.Errorf("get empty = %q, %v", got, err)
				}
			})

			t.Run("NotFound", func(t *testing.T) {
				for _, tc := range []struct {
					name, bucket, key string
					call              func(bucket, key string) error
				}{
					{"get missing key", bucket, "nope.wav", func(b, k string) error { _, err := s.Get(ctx, b, k, 10); return err }},
					{"stat missing key", bucket, "nope.wav", func(b, k string) error { _, err := s.Stat(ctx, b, k); return err }},
					{"get missing bucket", "no-such-bucket", "a.wav", func(b, k string) error { _, err := s.Get(ctx, b, k, 10); return err }},
					{"stat missing bucket", "no-such-bucket", "a.wav", func(b, k string) error { _, err := s.Stat(ctx, b, k); return err }},
					{"remove in missing bucket", "no-such-bucket", "a.wav", func(b, k string) error { return s.Remove(ctx, b, k) }},
					{"list missing bucket", "no-such-bucket", "pre/", func(b, k string) error {
						for _, err := range s.List(ctx, b, k) {
							return err
						}
						return nil
					}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						err := tc.call(tc.bucket, tc.key)
						if !errors.Is(err, objstore.ErrNotFound) {
							t.Fatalf("err = %v, want ErrNotFound", err)
						}
						if url := "s3://" + tc.bucket + "/" + tc.key; !strings.Contains(err.Error(), url) {
							t.Errorf("error %q does not name %s", err, url)
						}
					})
				}
			})

			t.Run("List", func(t *testing.T) {
				keys := []string{"list/a.wav", "list/a.json", "list/sub/b.wav", "list/sub/deeper/c.wav", "listing-not-under-prefix.wav"}
				for _, k := range keys {
					if _, err := s.Put(ctx, bucket, k, []byte(k), "", nil); err != nil {
						t.Fatal(err)
					}
				}
				var got []string
				for info, err := range s.List(ctx, bucket, "list/") {
					if err != nil {
						t.Fatal(err)
					}
					if info.ETag != md5hex([]byte(info.Key)) || info.Size != int64(len(info.Key)) {
						t.Errorf("list info = %+v", info)
					}
					got = append(got, info.Key)
				}
				want := []string{"list/a.json", "list/a.wav", "list/sub/b.wav", "list/sub/deeper/c.wav"}
				if !slices.Equal(got, want) {
					t.Errorf("list = %q, want %q", got, want)
				}
				n := 0
				for range s.List(ctx, bucket, "list/") {
					n++
					break
				}
				if n != 1 {
					t.Errorf("break after one: %d", n)
				}
			})

			t.Run("Remove", func(t *testing.T) {
				if err := s.Remove(ctx, bucket, key); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Stat(ctx, bucket, key); !errors.Is(err, objstore.ErrNotFound) {
					t.Errorf("stat after remove: %v", err)
				}
				if err := s.Remove(ctx, bucket, key); err != nil {
					t.Errorf("remove again: %v", err)
				}
			})
		})
	}
}

func TestNewEndpoint(t *testing.T) {
	for _, tc := range []struct {
		endpoint   string
		secure     bool
		wantErr    string
		wantSecure bool
	}{
		{endpoint: "127.0.0.1:9000"},
		{endpoint: "s3.example.com:443", secure: true, wantSecure: true},
		{endpoint: "http://127.0.0.1:9000"},
		{endpoint: "http://127.0.0.1:9000/"},
		{endpoint: "https://storage.yandexcloud.net", wantSecure: true},
		{endpoint: "http://minio:9000", secure: true, wantSecure: false},
		{endpoint: "", wantErr: "empty"},
		{endpoint: "ftp://host:21", wantErr: "scheme ftp"},
		{endpoint: "http://host:9000/calls", wantErr: "path /calls"},
		{endpoint: "host:9000/calls", wantErr: "not a host:port"},
		{endpoint: "http://user:pw@host:9000", wantErr: "credentials"},
		{endpoint: ":9000", wantErr: "no host"},
	} {
		t.Run(tc.endpoint, func(t *testing.T) {
			s, err := objstore.New(objstore.Config{Endpoint: tc.endpoint, Secure: tc.secure, AccessKey: "a", SecretKey: "b"})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), fmt.Sprintf("%q", tc.endpoint)) {
					t.Fatalf("err = %v, want one naming %q and saying %q", err, tc.endpoint, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Client().EndpointURL().Scheme == "https"; got != tc.wantSecure {
				t.Errorf("secure = %v, want %v", got, tc.wantSecure)
			}
		})
	}
}

// TestNotifyNATSMinIO: MinIO publishes object-created events of .wav keys
// to JetStream, and they parse with ingest.ParseS3Event.
func TestNotifyNATSMinIO(t *testing.T) {
	natsURL := testenv.NATS(t)
	m := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	js := testenv.JetStream(t, natsURL)
	// The stream must exist before uploads: MinIO publishes with JetStream
	// acks and queues (QUEUE_DIR) what finds no stream.
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "INGEST_TEST", Subjects: []string{"callscope.jobs.ingest.>"}})
	if err != nil {
		t.Fatal(err)
	}
	cons, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "test", AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		t.Fatal(err)
	}

	s := newStore(t, objstore.Config{Endpoint: m.Endpoint, AccessKey: m.AccessKey, SecretKey: m.SecretKey})
	const bucket = "calls"
	if err := s.EnsureBucket(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second call must find the rules in place
		if err := s.NotifyNATS(ctx, bucket, m.ARN, ".wav", ".WAV"); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := s.Client().GetBucketNotification(ctx, bucket)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules.QueueConfigs) != 2 {
		t.Errorf("queue rules = %+v, want 2 (one per suffix)", rules.QueueConfigs)
	}
	if err := s.NotifyNATS(ctx, bucket, "not-an-arn", ".wav"); err == nil || !strings.Contains(err.Error(), "s3://calls") {
		t.Errorf("bad ARN: %v", err)
	}
	// A well-formed ARN of a target the server does not have is waited for
	// (MinIO connects its targets after it reports ready), then refused
	// with a hint at the server's settings.
	restore := objstore.SetTargetWait(time.Second)
	err = s.NotifyNATS(ctx, bucket, "arn:minio:sqs::NOSUCHTARGET:nats", ".wav")
	restore()
	if err == nil || !strings.Contains(err.Error(), "no notification target arn:minio:sqs::NOSUCHTARGET:nats") {
		t.Errorf("unknown target: %v", err)
	}

	// The first uploads right after MinIO is ready may get no event:
	// upload canaries until one arrives.
	start := time.Now()
	gotCanary := false
	for i := 0; !gotCanary && time.Since(start) < 20*time.Second; i++ {
		if _, err := s.Put(ctx, bucket, fmt.Sprintf("canary/%d.wav", i), []byte("canary"), "audio/wav", nil); err != nil {
			t.Fatal(err)
		}
		batch, err := cons.Fetch(10, jetstream.FetchMaxWait(500*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		for msg := range batch.Messages() {
			gotCanary = true
			_ = msg.Ack()
		}
	}
	if !gotCanary {
		t.Fatalf("no event from MinIO within %s", time.Since(start))
	}
	t.Logf("first event after %s", time.Since(start))

	audio := []byte("RIFF real recording")
	const key = "2026/11/20/звонок 000123+1.wav"
	if _, err := s.Put(ctx, bucket, "2026/11/20/звонок 000123+1.json", []byte(`{}`), "application/json", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, bucket, key, audio, "audio/wav", map[string]string{"Call-Id": "2026-11-20-000123", "Operator-Id": "op-17"}); err != nil {
		t.Fatal(err)
	}
	uploaded := time.Now()
	var found *ingest.ObjectEvent
	var raw []byte
	deadline := time.Now().Add(15 * time.Second)
	for found == nil && time.Now().Before(deadline) {
		batch, err := cons.Fetch(10, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for msg := range batch.Messages() {
			_ = msg.Ack()
			if msg.Subject() != "callscope.jobs.ingest.s3" {
				t.Errorf("subject = %q", msg.Subject())
			}
			evs, err := ingest.ParseS3Event(msg.Data())
			if err != nil {
				t.Fatalf("MinIO event does not parse: %v\n%s", err, msg.Data())
			}
			for _, ev := range evs {
				if strings.HasSuffix(ev.Key, ".json") {
					t.Errorf("event for %q despite the .wav rule", ev.Key)
				}
				if ev.Key == key {
					found, raw = &ev, msg.Data()
				}
			}
		}
	}
	if found == nil {
		t.Fatalf("no event for %s", key)
	}
	t.Logf("event for the recording after %s", time.Since(uploaded))
	want := ingest.ObjectEvent{
		EventName: "s3:ObjectCreated:Put", Bucket: bucket, Key: key, ETag: md5hex(audio), Size: int64(len(audio)),
		Sequencer:    found.Sequencer,
		UserMetadata: map[string]string{"call-id": "2026-11-20-000123", "operator-id": "op-17"},
	}
	if fmt.Sprintf("%+v", *found) != fmt.Sprintf("%+v", want) || found.Sequencer == "" {
		t.Errorf("event = %+v\nwant    %+v", *found, want)
	}
	if *updateGolden {
		if err := os.WriteFile(filepath.Join(goldenDir, "minio.json"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckKey(t *testing.T) {
	for _, tt := range []struct {
		key, want, printable string
	}{
		{"calls/01.wav", "", "calls/01.wav"},
		{"звонки/Иван 01.wav", "", "звонки/Иван 01.wav"},
		{"e/esc\x1b[31mred.wav", "control character U+001B at byte 5", `e/esc\x1b[31mred.wav`},
		{"bad\xffname.wav", "not valid UTF-8 (byte 0xff at 3)", `bad\xffname.wav`},
		{"tab\there.wav", "", `tab\x09here.wav`}, // XML writes it as &#x9;
		{"c1\u0085.wav", "", `c1\x85.wav`},
		{"nul\x00.wav", "control character U+0000", `nul\x00.wav`},
		{"bs\x08.wav", "control character U+0008", `bs\x08.wav`},
		{strings.Repeat("a", objstore.MaxKeyBytes+1), "longer than S3's 1024", strings.Repeat("a", objstore.MaxKeyBytes+1)},
		{"", "empty key", ""},
	} {
		err := objstore.CheckKey(tt.key)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckKey(%q) = %v, want nil", tt.key, err)
		case tt.want != "" && (!errors.Is(err, objstore.ErrBadKey) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckKey(%q) = %v, want ErrBadKey with %q", tt.key, err, tt.want)
		}
		if got := objstore.PrintableKey(tt.key); got != tt.printable {
			t.Errorf("PrintableKey(%q) = %q, want %q", tt.key, got, tt.printable)
		}
	}
}
