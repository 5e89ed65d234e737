package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestWorkersShareTheWork starts two `callscope worker` commands against a
// nats-server, a MinIO that publishes its bucket notifications to NATS, and
// a ClickHouse server. The first worker sets the bucket's notification rule
// (s3.notify_arn); recordings PUT into the bucket must end as rows in
// ClickHouse, and both workers must stop cleanly when told to.
func TestWorkersShareTheWork(t *testing.T) {
	testenv.SkipIfShort(t)
	clearServerEnv(t)
	natsURL := testenv.NATSServer(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	dsn := testenv.ClickHouse(t)
	t.Setenv("CALLSCOPE_S3_ACCESS_KEY", minio.AccessKey)
	t.Setenv("CALLSCOPE_S3_SECRET_KEY", minio.SecretKey)
	t.Setenv("CALLSCOPE_S3_NOTIFY_ARN", minio.ARN)
	t.Setenv("CALLSCOPE_PRIVACY_CLIENT_ID_KEY", "worker-test")
	t.Setenv("CALLSCOPE_WORKERS_FLUSH", "100ms")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	workCtx, stop := context.WithCancel(ctx)
	args := []string{"worker", "--nats", natsURL, "--s3", minio.Endpoint, "--clickhouse", dsn}
	type result struct {
		code   int
		errOut *testenv.SyncBuffer
	}
	results := make(chan result, 2)
	var started []*testenv.SyncBuffer
	for range 2 {
		var out, errOut testenv.SyncBuffer
		started = append(started, &errOut)
		go func() { results <- result{Execute(workCtx, args, &out, &errOut), &errOut} }()
	}
	defer func() {
		if t.Failed() {
			t.Logf("worker 1:\n%s\nworker 2:\n%s", started[0], started[1])
		}
	}()
	waitFor(t, 60*time.Second, "both workers to start", func() bool {
		return strings.Contains(started[0].String(), "callscope worker:") && strings.Contains(started[1].String(), "callscope worker:")
	})

	objects, err := objstore.New(objstore.Config{Endpoint: minio.Endpoint, AccessKey: minio.AccessKey, SecretKey: minio.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	calls := []string{"01_polite_model", "05_third_time", "07_rude_operator", "09_long_hold"}
	upload := func(suffixes ...string) {
		for _, name := range calls {
			for _, suffix := range suffixes {
				data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "calls", name+suffix))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := objects.Put(ctx, "calls", "2026/11/"+name+suffix, data, "application/octet-stream", nil); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	upload(".json", ".transcript.json", ".wav")
	// MinIO may miss the events of uploads made just after a rule is set:
	// upload the recordings again until all four are stored.
	deadline := time.Now().Add(90 * time.Second)
	for {
		latest, err := store.LatestStatuses(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		analysed := 0
		for _, st := range latest {
			if st.State == schemas.StateAnalysed {
				analysed++
			} else if st.State == schemas.StateFailed {
				t.Fatalf("%s failed: %s", st.ObjectKey, st.Error)
			}
		}
		if analysed == len(calls) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d calls analysed after 90 s; workers said:\n%s\n%s", analysed, len(calls), started[0], started[1])
		}
		time.Sleep(5 * time.Second)
		if analysed == 0 {
			upload(".wav")
		}
	}

	rows, err := report.ByOperator(ctx, db, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][4]uint64{}
	for _, r := range rows {
		got[r.OperatorID] = [4]uint64{r.Calls, r.Complaints, r.RepeatContacts, r.Incompetence}
	}
	want := map[string][4]uint64{ // testdata/README.md
		"op-11": {2, 0, 0, 0},
		"op-13": {1, 1, 1, 0},
		"op-22": {1, 1, 0, 1},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: calls/complaint/repeat/incompetence = %v, want %v", id, got[id], w)
		}
	}

	stop()
	for range 2 {
		select {
		case r := <-results:
			if r.code != 0 {
				t.Errorf("worker exited with %d:\n%s", r.code, r.errOut)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a worker did not stop within 30 s of being told to")
		}
	}
}

func waitFor(t *testing.T, timeout time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServerErrorsAreOneLine: a server that is not there or a DSN that
// makes no sense gives one line naming it, not a stack trace.
func TestServerErrorsAreOneLine(t *testing.T) {
	clearServerEnv(t)
	t.Setenv("CALLSCOPE_PRIVACY_CLIENT_ID_KEY", "k")
	port := testenv.FreePort(t)
	closed := "127.0.0.1:" + itoa(port)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no client id key", []string{"worker", "--nats", "nats://" + closed, "--s3", closed, "--clickhouse", "clickhouse://" + closed}, "CALLSCOPE_PRIVACY_CLIENT_ID_KEY"},
		{"nats down", []string{"worker", "--nats", "nats://" + closed, "--s3", closed, "--clickhouse", "clickhouse://default@" + closed + "/default"}, "nats://" + closed},
		{"unknown dsn scheme", []string{"migrate", "--clickhouse", "mysql://root@" + closed + "/x"}, "mysql"},
		{"clickhouse down", []string{"migrate", "--clickhouse", "clickhouse://default@" + closed + "/default"}, closed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "no client id key" {
				t.Setenv("CALLSCOPE_PRIVACY_CLIENT_ID_KEY", "")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			code := Execute(ctx, tt.args, &out, &errOut)
			msg := errOut.String()
			if code == 0 || !strings.Contains(msg, tt.want) {
				t.Fatalf("exit %d, stderr %q; want an error naming %q", code, msg, tt.want)
			}
			if lines := strings.Count(strings.TrimSpace(msg), "\n"); lines > 0 || strings.Contains(msg, "goroutine") {
				t.Errorf("error is %d lines, want one:\n%s", lines+1, msg)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
