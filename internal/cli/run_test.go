package cli

import (
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/embedded"
	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
	"github.com/callscope/callscope/transcribe/vad"
)

var update = flag.Bool("update", false, "rewrite golden files")

// clearServerEnv keeps the developer's CALLSCOPE_* settings from turning
// the embedded default into something else.
func clearServerEnv(t *testing.T) {
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "CALLSCOPE_") && name != "CALLSCOPE_CACHE" && name != "CALLSCOPE_CHDB_LIB" {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
}

// TestRunEndToEnd is the walking skeleton: the shipped calls and the
// hostile inputs go through embedded NATS, S3 and chDB, and the report and
// summary match the ground truth in testdata/README.md. A second run on the
// same data directory must print the same report and analyse nothing again.
func TestRunEndToEnd(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t) // skips when libchdb.so is not installed
	clearServerEnv(t)
	data := t.TempDir()
	calls, bad := filepath.Join("..", "..", "testdata", "calls"), filepath.Join("..", "..", "testdata", "bad")

	out, errOut, code := execute(t, "run", "--data", data, calls, bad)
	if code != 0 {
		t.Fatalf("run: exit %d\nstderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	goldenApprox(t, filepath.Join("testdata", "run.golden"), out)
	for _, want := range []string{
		"30 recordings, 0 already analysed, 30 queued",
		"30/30 done (18 analysed, 12 failed)",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("first run: stderr lacks %q:\n%s", want, errOut)
		}
	}

	again, errOut, code := execute(t, "run", "--data", data)
	if code != 0 {
		t.Fatalf("second run: exit %d\nstderr:\n%s", code, errOut)
	}
	if again != out {
		t.Errorf("second run changed the output:\n--- first\n%s\n--- second\n%s", out, again)
	}
	if want := "30 recordings, 18 already analysed, 12 queued"; !strings.Contains(errOut, want) {
		t.Errorf("second run: stderr lacks %q:\n%s", want, errOut)
	}

	rep, errOut, code := execute(t, "report", "--data", data, "--format", "csv")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	goldenApprox(t, filepath.Join("testdata", "report.csv.golden"), rep)
}

// matchGolden checks got against the golden file at path (-update
// rewrites it).
func matchGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, []byte(got), *update, "go test ./internal/cli -update")
}

// goldenApprox is golden for outputs with talk times measured by the VAD:
// ONNX Runtime picks its kernels by CPU, so a speech boundary may move by a
// window on another machine. Words and counts must match exactly; times
// (m:ss) may differ by a second and fractional numbers by 0.5.
func goldenApprox(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		matchGolden(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' })
	}
	g, w := split(got), split(string(want))
	if len(g) != len(w) {
		t.Fatalf("output differs from %s in shape:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
	for i := range g {
		if g[i] != w[i] && !closeValues(g[i], w[i]) {
			t.Fatalf("output differs from %s at %q (want %q):\n--- got\n%s\n--- want\n%s", path, g[i], w[i], got, want)
		}
	}
}

// closeValues reports whether two tokens are the same time (m:ss) within a
// second, or the same fractional number within 0.5.
func closeValues(a, b string) bool {
	if ma, ok := minSec(a); ok {
		mb, ok := minSec(b)
		return ok && math.Abs(ma-mb) <= 1
	}
	if !strings.Contains(a, ".") && !strings.Contains(b, ".") {
		return false // whole numbers are counts: exact
	}
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(fa-fb) <= 0.5
}

func minSec(s string) (float64, bool) {
	m, sec, ok := strings.Cut(s, ":")
	if !ok {
		return 0, false
	}
	mi, err1 := strconv.Atoi(m)
	se, err2 := strconv.Atoi(sec)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return float64(mi*60 + se), true
}

// TestRunASRNone: a site without a speech model (asr.adapter none) gets the
// timing of every call from the VAD through the whole pipeline: recordings
// without transcripts are analysed and stored with talk, silence, overtalk
// and interruptions per side, and no words, hits or categories: those are
// unknown, not zero.
func TestRunASRNone(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	if _, err := vad.New(vad.Config{}); err != nil {
		t.Skipf("no VAD here: %v", err)
	}
	clearServerEnv(t)
	t.Setenv("CALLSCOPE_ASR_ADAPTER", "none")
	// Recordings and sidecars only: no transcript beside them.
	in := t.TempDir()
	calls := filepath.Join("..", "..", "testdata", "calls")
	names := []string{"10_interrupt", "09_long_hold", "12_mono_mixed"}
	for _, n := range names {
		for _, ext := range []string{".wav", ".json"} {
			data, err := os.ReadFile(filepath.Join(calls, n+ext))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(in, n+ext), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := t.TempDir()
	out, errOut, code := execute(t, "run", "--data", data, in)
	if code != 0 {
		t.Fatalf("run: exit %d\nstderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	if !strings.Contains(errOut, "3/3 done (3 analysed, 0 failed)") {
		t.Errorf("stderr:\n%s", errOut)
	}

	db, err := store.Open(t.Context(), "chdb://"+filepath.Join(data, "clickhouse"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(t.Context(), `SELECT object_key, asr_adapter, channels, operator_talk, client_talk, total_talk,
       length(category_names), param_names, param_values FROM calls FINAL ORDER BY object_key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var key, adapter string
		var channels uint8
		var opTalk, clTalk *float64
		var total float64
		var cats uint64
		var names []string
		var values []float64
		if err := rows.Scan(&key, &adapter, &channels, &opTalk, &clTalk, &total, &cats, &names, &values); err != nil {
			t.Fatal(err)
		}
		n++
		p := map[string]float64{}
		for i, name := range names {
			p[name] = values[i]
		}
		if adapter != "none" || cats != 0 || total <= 0 {
			t.Errorf("%s: adapter %q, %d categories, talk %g", key, adapter, cats, total)
		}
		for _, prm := range analyze.Parameters() {
			_, ok := p[prm.Name]
			if (prm.Source == analyze.SourceTranscript || prm.Source == analyze.SourceDictionaries) && ok {
				t.Errorf("%s: %s = %g without a transcript, want absent", key, prm.Name, p[prm.Name])
			}
		}
		for name := range p {
			if strings.HasPrefix(name, analyze.HitsPrefix) {
				t.Errorf("%s: %s stored without a transcript", key, name)
			}
		}
		want := []string{"duration", "talk_total", "silence_total", "silence_longest"}
		if channels == 2 {
			want = append(want, "talk_operator", "talk_client", "overtalk_count", "interruptions_operator",
				"interruptions_client", "monologue_longest_operator", "turns", "first_response_time", "response_time_avg")
			if opTalk == nil || clTalk == nil || *opTalk <= 0 || *clTalk <= 0 {
				t.Errorf("%s: operator talk %v, client talk %v", key, opTalk, clTalk)
			}
		} else if opTalk != nil || clTalk != nil {
			t.Errorf("%s: a mono call has per-side talk", key)
		}
		for _, w := range want {
			if _, ok := p[w]; !ok {
				t.Errorf("%s: %s absent", key, w)
			}
		}
		switch {
		case strings.HasSuffix(key, "10_interrupt.wav"):
			if p["overtalk_count"] != 2 || p["interruptions_client"] != 1 {
				t.Errorf("%s: overtalk %g, client interruptions %g; want 2 and 1 (testdata/README.md)", key, p["overtalk_count"], p["interruptions_client"])
			}
		case strings.HasSuffix(key, "09_long_hold.wav"):
			if p["silence_longest"] < 11 || p["silence_longest"] > 13 {
				t.Errorf("%s: longest silence %g, want the 12 s hold", key, p["silence_longest"])
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(names) {
		t.Errorf("%d calls stored, want %d", n, len(names))
	}
}

// TestRunLateSidecar: a sidecar added or fixed after a recording was
// analysed is taken by the next `run` (the call is analysed again with
// it), one already read is not. The sidecar is put into the bucket listed
// at a time before the previous analysis ended, as the embedded S3 (and
// other servers that list times to the second) lists one put in the same
// second as the analysis, or one put while the recording was being
// analysed: the analysis records the ETag of the sidecar it read, and
// `run` compares ETags, not times.
func TestRunLateSidecar(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data, dir := t.TempDir(), filepath.Join(t.TempDir(), "in")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	calls := filepath.Join("..", "..", "testdata", "calls")
	for _, suffix := range []string{".wav", ".transcript.json"} {
		b, err := os.ReadFile(filepath.Join(calls, "02_complaint"+suffix))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "02"+suffix), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name, sidecar string // sidecar put before the run; "" none
		queued        string // in stderr
		call          string // the one call `calls` lists
		operator      string // of the call in `show`
	}{
		{"recording alone", "", "1 recordings, 0 already analysed, 1 queued", "in/02", "(none)"},
		{"sidecar added", `{"operator": {"id": "op-7", "department": "Поддержка"}}`, "1 recordings, 0 already analysed, 1 queued", "in/02", "op-7"},
		{"nothing new", "", "1 recordings, 1 already analysed, 0 queued", "in/02", "op-7"},
		{"sidecar fixed", `{"operator": {"id": "op-8", "department": "Поддержка"}}`, "1 recordings, 0 already analysed, 1 queued", "in/02", "op-8"},
		// The call made under the key's id is replaced, not kept beside.
		{"sidecar gives a call_id", `{"call_id": "2026-12-06-0001", "operator": {"id": "op-9", "department": "Поддержка"}}`, "1 recordings, 0 already analysed, 1 queued", "2026-12-06-0001", "op-9"},
	}
	var lastRun time.Time // when the run before this step started
	for _, s := range steps {
		if s.sidecar != "" {
			// In the bucket before the run (which finds it there, the
			// same bytes, and does not put it again), listed at a time
			// before the last analysis.
			if err := os.WriteFile(filepath.Join(dir, "02.json"), []byte(s.sidecar), 0o644); err != nil {
				t.Fatal(err)
			}
			putListedAt(t, data, "in/02.json", []byte(s.sidecar), lastRun.Truncate(time.Second))
		}
		lastRun = time.Now()
		out, errOut, code := execute(t, "run", "--data", data, dir)
		if code != 0 {
			t.Fatalf("%s: run: exit %d\n%s", s.name, code, errOut)
		}
		if !strings.Contains(errOut, s.queued) {
			t.Errorf("%s: stderr lacks %q:\n%s", s.name, s.queued, errOut)
		}
		if !strings.Contains(out, "\n1 calls: 1 analysed, 0 failed") {
			t.Errorf("%s: want one call, analysed:\n%s", s.name, out)
		}
		rep, errOut, code := execute(t, "calls", "--data", data, "--format", "csv")
		if code != 0 {
			t.Fatalf("%s: calls: exit %d: %s", s.name, code, errOut)
		}
		if lines := strings.Split(strings.TrimSpace(rep), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], s.call+",") {
			t.Errorf("%s: calls: want the one call %s:\n%s", s.name, s.call, rep)
		}
		op := "(none)"
		if strings.Contains(rep, ",op-") {
			op = rep[strings.Index(rep, ",op-")+1:][:4]
		}
		if op != s.operator {
			t.Errorf("%s: operator %s, want %s:\n%s", s.name, op, s.operator, rep)
		}
	}
}

// putListedAt puts an object into the bucket of the embedded S3 server of
// data (as `run` uploads it) and gives its file the modification time at,
// the time that server lists for it.
func putListedAt(t *testing.T, data, key string, body []byte, at time.Time) {
	t.Helper()
	cfg := config.Default()
	s3, err := embedded.StartS3(embedded.S3Config{Dir: filepath.Join(data, "objects"), AccessKey: cfg.S3.AccessKey, SecretKey: cfg.S3.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	objects, err := objstore.New(objstore.Config{Endpoint: s3.Endpoint(), AccessKey: cfg.S3.AccessKey, SecretKey: cfg.S3.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	defer objects.Close()
	if _, err := objects.Put(context.Background(), cfg.S3.Bucket, key, body, "application/json", nil); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(data, "objects", "buckets", cfg.S3.Bucket, key), at, at); err != nil {
		t.Fatal(err)
	}
	for info, err := range objects.List(context.Background(), cfg.S3.Bucket, key) {
		if err != nil {
			t.Fatal(err)
		}
		if !info.LastModified.Equal(at) {
			t.Fatalf("%s listed at %s, want %s", key, info.LastModified, at)
		}
	}
}
