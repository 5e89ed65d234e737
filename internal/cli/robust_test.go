package cli

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// workerEnv switches the test binary into a `callscope worker` process
// (TestMain), so tests can kill -9 a real worker.
const workerEnv = "CALLSCOPE_TEST_WORKER_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(workerEnv); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Execute(ctx, strings.Split(args, "\x1f"), os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// cluster is the servers of a robustness test and how a worker reaches them.
type cluster struct {
	natsURL string
	minio   testenv.MinIOServer
	dsn     string
	objects *objstore.Store
	db      store.DB
}

func (c cluster) workerEnv(extra ...string) []string {
	return append([]string{
		"CALLSCOPE_NATS_URL=" + c.natsURL, "CALLSCOPE_S3_ENDPOINT=" + c.minio.Endpoint,
		"CALLSCOPE_CLICKHOUSE_DSN=" + c.dsn, "CALLSCOPE_S3_ACCESS_KEY=" + c.minio.AccessKey,
		"CALLSCOPE_S3_SECRET_KEY=" + c.minio.SecretKey, "CALLSCOPE_S3_NOTIFY_ARN=" + c.minio.ARN,
		"CALLSCOPE_PRIVACY_CLIENT_ID_KEY=robust", "CALLSCOPE_WORKERS_ACK_WAIT=3s",
		"CALLSCOPE_WORKERS_FLUSH=300ms", "CALLSCOPE_WORKERS_MAX_BATCH=5", "CALLSCOPE_LOG_LEVEL=warn",
	}, extra...)
}

// workerProc is a `callscope worker` process.
type workerProc struct {
	cmd    *exec.Cmd
	out    *testenv.SyncBuffer
	exited chan struct{}
	code   int
}

func startWorkerProc(t *testing.T, env []string, args ...string) *workerProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), env...), workerEnv+"="+strings.Join(append([]string{"worker"}, args...), "\x1f"))
	w := &workerProc{cmd: cmd, out: &testenv.SyncBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = w.out, w.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		_ = cmd.Wait()
		w.code = cmd.ProcessState.ExitCode()
		close(w.exited)
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-w.exited })
	waitFor(t, 60*time.Second, "the worker to start", func() bool {
		select {
		case <-w.exited:
			t.Fatalf("worker exited with %d:\n%s", w.code, w.out)
		default:
		}
		return strings.Contains(w.out.String(), "callscope worker:")
	})
	return w
}

func (w *workerProc) alive() bool {
	select {
	case <-w.exited:
		return false
	default:
		return true
	}
}

// term stops the worker with SIGTERM and returns its exit code.
func (w *workerProc) term(t *testing.T) int {
	t.Helper()
	_ = w.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-w.exited:
		return w.code
	case <-time.After(30 * time.Second):
		t.Fatalf("worker did not stop within 30 s of SIGTERM:\n%s", w.out)
		return -1
	}
}

// callFiles is one shipped test call.
type callFiles struct {
	name            string
	wav, transcript []byte
	sidecar         map[string]any
}

func shippedCalls(t *testing.T) []callFiles {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "calls")
	matches, err := filepath.Glob(filepath.Join(dir, "*.wav"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no test calls in %s: %v", dir, err)
	}
	var out []callFiles
	for _, m := range matches {
		base := strings.TrimSuffix(m, ".wav")
		c := callFiles{name: filepath.Base(base)}
		var err error
		if c.wav, err = os.ReadFile(m); err != nil {
			t.Fatal(err)
		}
		if c.transcript, err = os.ReadFile(base + ".transcript.json"); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(base + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &c.sidecar); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// uploadCopy puts one copy of every shipped call under prefix, each with
// its own call id, companions first; it returns the recordings' keys.
func uploadCopy(t *testing.T, ctx context.Context, objects *objstore.Store, calls []callFiles, prefix string) []string {
	t.Helper()
	var keys []string
	for _, c := range calls {
		side := map[string]any{}
		for k, v := range c.sidecar {
			side[k] = v
		}
		side["call_id"] = fmt.Sprintf("%v/%s", c.sidecar["call_id"], strings.Trim(prefix, "/"))
		sideJSON, _ := json.Marshal(side)
		key := prefix + c.name + ".wav"
		for _, o := range []struct {
			key  string
			data []byte
		}{{prefix + c.name + ".json", sideJSON}, {prefix + c.name + ".transcript.json", c.transcript}, {key, c.wav}} {
			if _, err := objects.Put(ctx, "calls", o.key, o.data, "application/octet-stream", nil); err != nil {
				t.Fatal(err)
			}
		}
		keys = append(keys, key)
	}
	return keys
}

// waitFinal waits until every key's latest status is analysed or failed.
func waitFinal(t *testing.T, ctx context.Context, db store.DB, keys []string, timeout time.Duration, what string) map[string]schemas.Status {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		st, err := store.Statuses(ctx, db, keys)
		if err == nil {
			done := 0
			for _, k := range keys {
				if s, ok := st[k]; ok && (s.State == schemas.StateAnalysed || s.State == schemas.StateFailed) {
					done++
				}
			}
			if done == len(keys) {
				return st
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d of %d recordings finished after %s", what, done, len(keys), timeout)
			}
		} else if time.Now().After(deadline) {
			t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func queryCount(t *testing.T, ctx context.Context, db store.DB, q string) uint64 {
	t.Helper()
	rows, err := db.Query(ctx, q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var n uint64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return n
}

// checkExactlyOnce: every key is analysed, and ClickHouse holds exactly one
// call per key both through FINAL and, after merging, without it; the
// report counts each call once.
func checkExactlyOnce(t *testing.T, ctx context.Context, db store.DB, st map[string]schemas.Status, keys []string) {
	t.Helper()
	for _, k := range keys {
		if s := st[k]; s.State != schemas.StateAnalysed {
			t.Errorf("%s: %s at %s: %s", k, s.State, s.Stage, s.Error)
		}
	}
	n := uint64(len(keys))
	versions := queryCount(t, ctx, db, "SELECT toUInt64(count()) FROM (SELECT call_id, row_version FROM calls GROUP BY call_id, row_version)")
	if got := queryCount(t, ctx, db, "SELECT toUInt64(count()) FROM calls FINAL"); got != n {
		t.Errorf("calls FINAL: %d rows, want %d", got, n)
	}
	if got := queryCount(t, ctx, db, "SELECT toUInt64(uniqExact(call_id)) FROM calls"); got != n {
		t.Errorf("calls: %d distinct call ids, want %d", got, n)
	}
	// OPTIMIZE returns without merging when a background merge holds the
	// parts (optimize_throw_if_noop is off), which a loaded machine makes
	// likely: ask again until the parts are merged or the time is up.
	var merged uint64
	for deadline := time.Now().Add(30 * time.Second); ; {
		if err := db.Exec(ctx, "OPTIMIZE TABLE calls FINAL"); err != nil {
			t.Fatal(err)
		}
		if merged = queryCount(t, ctx, db, "SELECT toUInt64(count()) FROM calls"); merged == n || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Second)
	}
	if merged != n {
		t.Errorf("calls without FINAL after merging: %d rows, want %d", merged, n)
	}
	rows, err := report.ByOperator(ctx, db, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var total uint64
	for _, r := range rows {
		total += r.Calls
	}
	if total != n {
		t.Errorf("report counts %d calls, want %d", total, n)
	}
	t.Logf("%d calls, %d analyses written (a redelivered analysis is a newer version of the same call)", n, versions)
}

func newCluster(t *testing.T, ctx context.Context, natsURL string, minio testenv.MinIOServer, dsn string) cluster {
	t.Helper()
	objects, err := objstore.New(objstore.Config{Endpoint: minio.Endpoint, AccessKey: minio.AccessKey, SecretKey: minio.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return cluster{natsURL: natsURL, minio: minio, dsn: dsn, objects: objects, db: db}
}

// awaitEvents uploads a canary (a key ingest ignores) until its bucket
// notification reaches NATS: MinIO may miss the first events after start.
func awaitEvents(t *testing.T, ctx context.Context, c cluster) {
	t.Helper()
	nc, err := nats.Connect(c.natsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sub, err := nc.SubscribeSync(pipeline.SubjectIngestS3)
	if err != nil {
		t.Fatal(err)
	}
	// The workers' rules cover recordings only: add one for the canary.
	if err := c.objects.NotifyNATS(ctx, "calls", c.minio.ARN, ".canary"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		if _, err := c.objects.Put(ctx, "calls", "canary/events.canary", []byte("canary"), "text/plain", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := sub.NextMsg(time.Second); err == nil {
			return
		}
	}
	t.Fatal("no bucket notification from MinIO after 40 s")
}

// inFlight is how many jobs the stages hold unacknowledged.
func inFlight(ctx context.Context, natsURL string) uint64 {
	nc, err := nats.Connect(natsURL)
	if err != nil {
		return 0
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	d, _ := pipeline.QueueDepths(ctx, js, pipeline.Stages...)
	var n uint64
	for _, q := range d {
		n += q.InFlight
	}
	return n
}

// TestKillWorkerMidBatch: a worker is killed with SIGKILL while it holds
// jobs (a store batch among them); a second worker takes over and every
// call ends analysed exactly once.
func TestKillWorkerMidBatch(t *testing.T) {
	testenv.SkipIfShort(t)
	clearServerEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	natsURL := testenv.NATSServer(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	c := newCluster(t, ctx, natsURL, minio, testenv.ClickHouse(t))

	first := startWorkerProc(t, c.workerEnv("CALLSCOPE_WORKERS_ANALYZE=1", "CALLSCOPE_WORKERS_TRANSCRIBE=1"))
	awaitEvents(t, ctx, c)
	calls := shippedCalls(t)
	var keys []string
	var mu sync.Mutex
	uploaded := make(chan struct{})
	go func() {
		defer close(uploaded)
		for i := range 4 {
			k := uploadCopy(t, ctx, c.objects, calls, fmt.Sprintf("kill/%d/", i))
			mu.Lock()
			keys = append(keys, k...)
			mu.Unlock()
		}
	}()
	// Kill when some calls are stored and the stages hold jobs.
	var held uint64
	waitFor(t, 90*time.Second, "calls in flight", func() bool {
		latest, err := store.LatestStatuses(ctx, c.db)
		if err != nil {
			return false
		}
		analysed := 0
		for _, s := range latest {
			if s.State == schemas.StateAnalysed {
				analysed++
			}
		}
		if analysed < 5 {
			return false
		}
		held = inFlight(ctx, natsURL)
		return held > 0
	})
	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-first.exited
	t.Logf("killed the worker holding %d jobs", held)
	second := startWorkerProc(t, c.workerEnv())
	<-uploaded
	st := waitFinal(t, ctx, c.db, keys, 4*time.Minute, "after the kill") // a bound, not a target: under load (CI at 2be2ae7, load 6-9) 64 calls took over 90 s
	checkExactlyOnce(t, ctx, c.db, st, keys)
	if code := second.term(t); code != 0 {
		t.Errorf("worker exit code %d after SIGTERM:\n%s", code, second.out)
	}
}

// TestOutages: NATS restarted, ClickHouse stopped for 30 s, object storage
// stopped for 30 s, each while calls are in the pipeline: the backlog
// drains afterwards and nothing is lost or doubled. After the object-store
// outage the operator's recovery step (`ingest scan`) runs, as
// docs/operations.md says.
func TestOutages(t *testing.T) {
	testenv.SkipIfShort(t)
	clearServerEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	natsSrv, natsURL := testenv.RestartableNATSServer(t)
	minioSrv, minio := testenv.RestartableMinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	chSrv, dsn := testenv.RestartableClickHouse(t)
	c := newCluster(t, ctx, natsURL, minio, dsn)
	w := startWorkerProc(t, c.workerEnv())
	awaitEvents(t, ctx, c)
	calls := shippedCalls(t)
	const outage = 30 * time.Second

	// NATS restarted (killed) right after a batch of uploads.
	keysA := uploadCopy(t, ctx, c.objects, calls, "outage/nats/")
	natsSrv.Stop(true)
	time.Sleep(2 * time.Second)
	natsSrv.Start()
	waitFinal(t, ctx, c.db, keysA, 60*time.Second, "after the NATS restart")

	// ClickHouse away while calls arrive.
	chSrv.Stop(false)
	keysB := uploadCopy(t, ctx, c.objects, calls, "outage/clickhouse/")
	time.Sleep(outage)
	chSrv.Start()
	waitFinal(t, ctx, c.db, append(keysA, keysB...), 60*time.Second, "after the ClickHouse outage")

	// Object storage away with calls in the pipeline.
	keysC := uploadCopy(t, ctx, c.objects, calls, "outage/s3/")
	time.Sleep(300 * time.Millisecond)
	minioSrv.Stop(true)
	time.Sleep(outage)
	minioSrv.Start()
	time.Sleep(10 * time.Second) // queued events and held jobs first
	var out, errOut bytes.Buffer
	scanArgs := []string{"ingest", "scan", "--nats", natsURL, "--s3", minio.Endpoint, "--clickhouse", dsn}
	t.Setenv("CALLSCOPE_S3_ACCESS_KEY", minio.AccessKey)
	t.Setenv("CALLSCOPE_S3_SECRET_KEY", minio.SecretKey)
	t.Setenv("CALLSCOPE_PRIVACY_CLIENT_ID_KEY", "robust")
	if code := Execute(ctx, scanArgs, &out, &errOut); code != 0 {
		t.Fatalf("ingest scan: %s", errOut.String())
	}
	t.Logf("ingest scan after the outage: %s", strings.TrimSpace(out.String()))
	all := append(append(keysA, keysB...), keysC...)
	st := waitFinal(t, ctx, c.db, all, 90*time.Second, "after the object storage outage")
	checkExactlyOnce(t, ctx, c.db, st, all)
	if !w.alive() {
		t.Fatalf("the worker died:\n%s", w.out)
	}
	if code := w.term(t); code != 0 {
		t.Errorf("worker exit code %d after SIGTERM:\n%s", code, w.out)
	}
}

// hostile is one corrupt or hostile input.
type hostile struct {
	key      string
	audio    []byte
	sidecar  []byte // nil: none
	userMeta map[string]string
	noTrans  bool
}

// wavHeader is a RIFF/WAVE header with the given fields, and no data.
func wavHeader(channels uint16, rate uint32, bits uint16, dataSize uint32, fmtSize uint32) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, uint32(0xFFFFFFFF))
	b.WriteString("WAVEfmt ")
	_ = binary.Write(&b, binary.LittleEndian, fmtSize)
	_ = binary.Write(&b, binary.LittleEndian, uint16(1))
	_ = binary.Write(&b, binary.LittleEndian, channels)
	_ = binary.Write(&b, binary.LittleEndian, rate)
	_ = binary.Write(&b, binary.LittleEndian, rate*uint32(channels)*uint32(bits/8))
	_ = binary.Write(&b, binary.LittleEndian, channels*bits/8)
	_ = binary.Write(&b, binary.LittleEndian, bits)
	b.WriteString("data")
	_ = binary.Write(&b, binary.LittleEndian, dataSize)
	b.Write(make([]byte, 64))
	return b.Bytes()
}

func hostileInputs(good []byte) []hostile {
	long := strings.Repeat("очень-длинное-имя-", 6) // 2 bytes a letter: about 200 bytes a segment
	names := []string{
		"plain-%d", "пробел и кириллица %d", " leading-space %d", "plus+and&amp %d", "quote'\"%d",
		long + "/" + long + "/" + long + "/%d", "percent%%2F..%%2Fetc %d", "dots..up..%d", "~/home..%d", "tab\tname %d",
	}
	contents := []struct {
		name string
		h    func() hostile
	}{
		{"text", func() hostile { return hostile{audio: []byte("this is not audio at all\n")} }},
		{"empty", func() hostile { return hostile{audio: []byte{}} }},
		{"truncated", func() hostile { return hostile{audio: good[:20]} }},
		{"huge channels", func() hostile { return hostile{audio: wavHeader(65535, 8000, 16, 0xFFFFFFF0, 16)} }},
		{"huge rate", func() hostile { return hostile{audio: wavHeader(2, 0xFFFFFFFF, 16, 0xFFFFFFF0, 16)} }},
		{"huge fmt", func() hostile { return hostile{audio: wavHeader(2, 8000, 16, 100, 0xFFFFFFF0)} }},
		{"mp3", func() hostile {
			return hostile{audio: append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), make([]byte, 500)...)}
		}},
		{"sidecar types", func() hostile {
			return hostile{audio: good, sidecar: []byte(`{"started_at": 5, "operator": "x", "wait_seconds": "long"}`)}
		}},
		{"sidecar not json", func() hostile { return hostile{audio: good, sidecar: []byte("{\"call_id\": \x00\xff")} }},
		{"user meta types", func() hostile {
			return hostile{audio: good, userMeta: map[string]string{"wait-seconds": "abc", "started-at": "yesterday"}, noTrans: true}
		}},
	}
	var out []hostile
	for i := 0; len(out) < 100; i++ {
		h := contents[i%len(contents)].h()
		h.key = "hostile/" + fmt.Sprintf(names[(i/len(contents))%len(names)], i) + ".wav"
		out = append(out, h)
	}
	return out
}

// TestHostileInputs: 100 corrupt or hostile recordings among good ones each
// end failed with a reason; the good ones are analysed; no worker crashes.
func TestHostileInputs(t *testing.T) {
	testenv.SkipIfShort(t)
	clearServerEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	natsURL := testenv.NATSServer(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	c := newCluster(t, ctx, natsURL, minio, testenv.ClickHouse(t))
	w := startWorkerProc(t, c.workerEnv("CALLSCOPE_WORKERS_HEALTH_ADDR=127.0.0.1:0"))
	awaitEvents(t, ctx, c)
	calls := shippedCalls(t)

	var bad []string
	for _, h := range hostileInputs(calls[0].wav) {
		base := strings.TrimSuffix(h.key, ".wav")
		if h.sidecar != nil {
			if _, err := c.objects.Put(ctx, "calls", base+".json", h.sidecar, "application/json", nil); err != nil {
				t.Logf("store refused %q: %v", base+".json", err)
				continue
			}
		}
		if !h.noTrans {
			if _, err := c.objects.Put(ctx, "calls", base+".transcript.json", calls[0].transcript, "application/json", nil); err != nil {
				t.Logf("store refused %q: %v", base+".transcript.json", err)
				continue
			}
		}
		if _, err := c.objects.Put(ctx, "calls", h.key, h.audio, "audio/wav", h.userMeta); err != nil {
			t.Logf("store refused %q: %v", h.key, err)
			continue
		}
		bad = append(bad, h.key)
	}
	// MinIO refuses keys with "." or ".." components outright, so those
	// never reach callscope; the names above are the tricks it accepts.
	if len(bad) != 100 {
		t.Fatalf("%d of 100 hostile recordings were stored", len(bad))
	}
	good := uploadCopy(t, ctx, c.objects, calls, "hostile-good/звонки с пробелами/")
	st := waitFinal(t, ctx, c.db, append(append([]string{}, bad...), good...), 120*time.Second, "hostile inputs")
	for _, k := range bad {
		if s := st[k]; s.State != schemas.StateFailed || s.Error == "" {
			t.Errorf("%q: %s (%q), want failed with a reason", k, s.State, s.Error)
		}
	}
	checkExactlyOnce(t, ctx, c.db, st, good)
	if !w.alive() {
		t.Fatalf("the worker died:\n%s", w.out)
	}
	checkHealth(t, w.out.String())
	if code := w.term(t); code != 0 {
		t.Errorf("worker exit code %d after SIGTERM:\n%s", code, w.out)
	}
}

var healthRe = regexp.MustCompile(`health and metrics on (http://[0-9.:]+)`)

// checkHealth reads the worker's /healthz and /metrics.
func checkHealth(t *testing.T, workerOut string) {
	t.Helper()
	m := healthRe.FindStringSubmatch(workerOut)
	if m == nil {
		t.Fatalf("worker did not print its health address:\n%s", workerOut)
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(m[1] + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	code, body := get("/metrics")
	for _, want := range []string{
		`callscope_queue_waiting{stage="transcribe"} 0`,
		`callscope_jobs_processed_total{stage="analyze"} 16`,
		`# TYPE callscope_stage_duration_seconds histogram`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics (%d) lacks %q:\n%s", code, want, body)
		}
	}
	if !regexp.MustCompile(`callscope_jobs_failed_total\{stage="transcribe"\} [1-9]`).MatchString(body) {
		t.Errorf("/metrics counts no transcribe failure:\n%s", body)
	}
}
