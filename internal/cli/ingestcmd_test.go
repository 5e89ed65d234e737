package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
)

// TestIngestInit: init sets up streams, consumers and the bucket's rule;
// with a target MinIO does not know it prints the MinIO settings to use and
// fails.
func TestIngestInit(t *testing.T) {
	testenv.SkipIfShort(t)
	clearServerEnv(t)
	natsURL := testenv.NATS(t)
	withTarget := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	without := testenv.MinIO(t, testenv.MinIOOptions{})
	dsn := testenv.ClickHouse(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	t.Setenv("CALLSCOPE_S3_ACCESS_KEY", withTarget.AccessKey)
	t.Setenv("CALLSCOPE_S3_SECRET_KEY", withTarget.SecretKey)
	tests := []struct {
		name     string
		endpoint string
		arn      string
		wantCode int
		want     []string
	}{
		{"known target", withTarget.Endpoint, withTarget.ARN, 0, []string{
			"CALLSCOPE_JOBS, CALLSCOPE_DEAD", "callscope-ingest, callscope-transcribe, callscope-analyze, callscope-store",
			"s3://calls: s3:ObjectCreated:* of .wav, .WAV, .json -> arn:minio:sqs::CALLSCOPE:nats"}},
		{"unknown target", without.Endpoint, "arn:minio:sqs::CALLSCOPE:nats", 1, []string{
			"MINIO_NOTIFY_NATS_ENABLE_CALLSCOPE=on", "MINIO_NOTIFY_NATS_ADDRESS_CALLSCOPE=" + strings.TrimPrefix(natsURL, "nats://"),
			"MINIO_NOTIFY_NATS_SUBJECT_CALLSCOPE=callscope.jobs.ingest.s3", "MINIO_NOTIFY_NATS_QUEUE_DIR_CALLSCOPE="}},
		{"no target", withTarget.Endpoint, "", 1, []string{"MINIO_NOTIFY_NATS_JETSTREAM_CALLSCOPE=on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := []string{"ingest", "init", "--nats", natsURL, "--s3", tt.endpoint, "--clickhouse", dsn, "--notify-arn", tt.arn}
			code := Execute(ctx, args, &out, &errOut)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, out.String(), errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if code != 0 && !strings.Contains(errOut.String(), "notification target") {
				t.Errorf("error does not name the notification target: %s", errOut.String())
			}
		})
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"", time.Time{}, false},
		{"36h", now.Add(-36 * time.Hour), false},
		{"2026-11-01", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), false},
		{"2026-11-20T10:00:00+03:00", time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC), false},
		{"yesterday", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := parseSince(tt.in, now)
		if (err != nil) != tt.err || !got.Equal(tt.want) {
			t.Errorf("parseSince(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestBarLine(t *testing.T) {
	tests := []struct {
		done, total uint64
		elapsed     time.Duration
		want        string
	}{
		{0, 100, 0, "callscope: [..............................] 0/100 queued   0% 0/s ETA --:--"},
		{50, 100, 10 * time.Second, "callscope: [###############...............] 50/100 queued  50% 5/s ETA 0:10"},
		{100, 100, 20 * time.Second, "callscope: [##############################] 100/100 queued 100% 5/s ETA 0:00"},
	}
	for _, tt := range tests {
		if got := barLine("queued", tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("barLine(%d, %d, %s) =\n%q\nwant\n%q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}
