package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
)

// copyCall copies a shipped call (WAV, sidecar, transcript) into dir under
// the name as, editing the sidecar with edit when it is not nil.
func copyCall(t *testing.T, dir, from, as string, edit func(map[string]any)) {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "calls", from)
	for _, suffix := range []string{".wav", ".json", ".transcript.json"} {
		data, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if suffix == ".json" && edit != nil {
			var doc map[string]any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			edit(doc)
			if data, err = json.Marshal(doc); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, as+suffix), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// padTranscript puts n bytes of JSON white space before a transcript: still
// a valid document, now too large (cut at the limit it would end early).
func padTranscript(t *testing.T, path string, n int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(bytes.Repeat([]byte(" "), n), data...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAnalyzeLimits: `callscope analyze` refuses a transcript or a sidecar
// over the limits ingest applies, saying so.
func TestAnalyzeLimits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{"transcript over 64 MiB", func(t *testing.T, dir string) {
			padTranscript(t, filepath.Join(dir, "c.transcript.json"), schemas.MaxTranscriptBytes)
		}, "bad transcript: too large: more than 67108864 bytes (64 MiB)"},
		{"sidecar over 1 MiB", func(t *testing.T, dir string) {
			path := filepath.Join(dir, "c.json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, append(bytes.Repeat([]byte(" "), ingest.MaxSidecarBytes), data...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "bad metadata: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyCall(t, dir, "03_repeat_first", "c", nil)
			tc.setup(t, dir)
			_, errOut, code := execute(t, "analyze", "--audio", filepath.Join(dir, "c.wav"))
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("analyze: exit %d, want an error with %q:\n%s", code, tc.want, errOut)
			}
			if tc.name == "sidecar over 1 MiB" && !strings.Contains(errOut, "larger than 1048576 bytes") {
				t.Errorf("the sidecar error should give the limit:\n%s", errOut)
			}
		})
	}
}

// TestRunHostileInputs runs `callscope run` on inputs from the adversarial
// probe of issue 12: each must end with every recording analysed or failed
// with a reason, in bounded time, with no silent loss and no personal data
// in the output or the stored tables.
func TestRunHostileInputs(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	const phone = "9161234567" // the digits of +79161234567, in any form
	for _, tc := range []struct {
		name string
		// setup fills the input directory (and may seed the data dir).
		setup func(t *testing.T, in, data string)
		// summary is the line "N calls: A analysed, F failed"; reasons
		// must each be in the output.
		summary string
		reasons []string
		// private must appear in neither the output nor ClickHouse.
		private []string
		// raw must not appear in the output.
		raw []string
	}{
		{
			name: "reused call_id",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "01_polite_model", "01_polite_model", nil)
				copyCall(t, in, "02_complaint", "02_complaint", func(m map[string]any) { m["call_id"] = "2026-11-18-000101" })
			},
			summary: "2 calls: 1 analysed, 1 failed",
			// Whichever is stored first keeps the id; the reason names both.
			reasons: []string{`[store] call_id already used by another recording: call_id "2026-11-18-000101" is the id of recording in/0`,
				"in/01_polite_model.wav, stored first; this recording in/02_complaint.wav is not stored|in/02_complaint.wav, stored first; this recording in/01_polite_model.wav is not stored"},
		},
		{
			name: "client with extra fields and phone tags",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "02_complaint", "02_complaint", func(m map[string]any) {
					m["client"] = map[string]any{"id": "+79161234567", "name": "Иван Телефонов"}
					m["ani"] = "+7 916 123-45-67"
					m["tags"] = map[string]any{"msisdn": "79161234567", "callback": "8 916 123 45 67"}
				})
			},
			summary: "1 calls: 1 analysed, 0 failed",
			private: []string{phone, "916 123", "Телефонов"},
		},
		{
			name: "phone number in a field that fails",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "02_complaint", "02_complaint", func(m map[string]any) {
					m["started_at"] = "+79161234567 Иван Телефонов"
				})
			},
			summary: "1 calls: 0 analysed, 1 failed",
			reasons: []string{`failed  in/02_complaint.wav  [ingest] bad metadata: s3://calls/in/02_complaint.json: field "started_at": want an RFC 3339 time`},
			private: []string{phone},
		},
		{
			name: "control character in a file name",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "01_polite_model", "esc\x1b[31mred", nil)
				copyCall(t, in, "03_repeat_first", "03_repeat_first", nil)
			},
			summary: "2 calls: 1 analysed, 1 failed",
			reasons: []string{`failed  in/esc\x1b[31mred.wav  [ingest] refused at upload: object key cannot be stored: in/esc\x1b[31mred.wav: control character U+001B at byte 6`},
			raw:     []string{"\x1b"},
		},
		{
			name: "file name not UTF-8",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "01_polite_model", "bad\xffname", nil)
				copyCall(t, in, "03_repeat_first", "03_repeat_first", nil)
				copyCall(t, in, "04_repeat_second", "04_repeat_second", nil)
			},
			summary: "3 calls: 2 analysed, 1 failed",
			reasons: []string{`failed  in/bad\xffname.wav  [ingest] refused at upload: object key cannot be stored: in/bad\xffname.wav: not valid UTF-8 (byte 0xff at 6)`},
		},
		{
			name: "transcript over the size limit",
			setup: func(t *testing.T, in, _ string) {
				copyCall(t, in, "03_repeat_first", "03_repeat_first", nil)
				padTranscript(t, filepath.Join(in, "03_repeat_first.transcript.json"), schemas.MaxTranscriptBytes)
			},
			summary: "1 calls: 0 analysed, 1 failed",
			reasons: []string{"import: read .transcript.json: bad transcript: too large: more than 67108864 bytes (64 MiB), the limit for a transcript"},
		},
		{
			name: "control character in a name already in the bucket",
			setup: func(t *testing.T, in, data string) {
				copyCall(t, in, "03_repeat_first", "03_repeat_first", nil)
				bucket := filepath.Join(data, "objects", "buckets", "calls", "in")
				if err := os.MkdirAll(bucket, 0o755); err != nil {
					t.Fatal(err)
				}
				copyCall(t, bucket, "01_polite_model", "esc\x1bx", nil)
			},
			summary: "2 calls: 1 analysed, 1 failed",
			reasons: []string{"listed in the bucket but not found when read: the listing replaced characters of its name by U+FFFD"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, data := t.TempDir(), t.TempDir()
			in := filepath.Join(root, "in")
			if err := os.Mkdir(in, 0o755); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, in, data)
			out, errOut, code := execute(t, "run", "--data", data, "--timeout", "90s", in)
			if code != 0 {
				t.Fatalf("run: exit %d\nstderr:\n%s\nstdout:\n%s", code, errOut, out)
			}
			if !strings.Contains(out, tc.summary) {
				t.Errorf("summary: want %q in\n%s", tc.summary, out)
			}
			for _, r := range tc.reasons {
				if !slices.ContainsFunc(strings.Split(r, "|"), func(alt string) bool { return strings.Contains(out, alt) }) {
					t.Errorf("want the reason %q in\n%s", r, out)
				}
			}
			if !utf8.ValidString(out) || !utf8.ValidString(errOut) {
				t.Errorf("output is not valid UTF-8:\n%q\n%q", out, errOut)
			}
			for _, p := range append(tc.raw, tc.private...) {
				if strings.Contains(out, p) || strings.Contains(errOut, p) {
					t.Errorf("output shows %q:\n%s\n%s", p, out, errOut)
				}
			}
			for _, p := range tc.private {
				// The tables: chDB keeps short strings uncompressed
				// enough to find them in its files.
				_ = filepath.WalkDir(filepath.Join(data, "clickhouse"), func(path string, d os.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return nil
					}
					b, _ := os.ReadFile(path)
					if strings.Contains(string(b), p) {
						t.Errorf("%q stored in %s", p, path)
					}
					return nil
				})
			}
		})
	}
}

// TestSecretsMasked: no password or token of a NATS URL or ClickHouse DSN
// is printed, by `callscope config` or by any connection error.
func TestSecretsMasked(t *testing.T) {
	clearServerEnv(t)
	t.Setenv("CALLSCOPE_PRIVACY_CLIENT_ID_KEY", "k")
	const natsPW, natsToken, chPW, queryPW = "natsPassw0rd", "natsT0ken", "chPassw0rd", "queryPassw0rd"
	dsn := "clickhouse://bob:" + chPW + "@127.0.0.1:1/db?password=" + queryPW
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string // what the output must still say
	}{
		{"config", map[string]string{"CALLSCOPE_NATS_URL": "nats://alice:" + natsPW + "@n1:4222,nats://" + natsToken + "@n2:4222", "CALLSCOPE_CLICKHOUSE_DSN": dsn},
			[]string{"config"}, "nats://alice:***@n1:4222,nats://***@n2:4222"},
		{"nats refused", nil, []string{"worker", "--nats", "nats://alice:" + natsPW + "@127.0.0.1:1", "--s3", "127.0.0.1:1", "--clickhouse", dsn}, "nats://alice:***@127.0.0.1:1"},
		{"nats token refused", nil, []string{"worker", "--nats", "nats://" + natsToken + "@127.0.0.1:1", "--s3", "127.0.0.1:1", "--clickhouse", dsn}, "nats://***@127.0.0.1:1"},
		{"nats URL unparsable", nil, []string{"worker", "--nats", "nats://alice:" + natsPW + "@127.0.0.1:bad", "--s3", "127.0.0.1:1", "--clickhouse", dsn}, "invalid port"},
		{"clickhouse refused", nil, []string{"report", "--clickhouse", dsn}, "clickhouse://bob:***@127.0.0.1:1/db?password=***: "},
		{"clickhouse DSN unparsable", nil, []string{"migrate", "--clickhouse", "clickhouse://bob:" + chPW + "@127.0.0.1:bad/db"}, "invalid port"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			out, errOut, _ := execute(t, tc.args...)
			all := out + errOut
			for _, secret := range []string{natsPW, natsToken, chPW, queryPW} {
				if strings.Contains(all, secret) {
					t.Errorf("output shows the secret %q:\n%s", secret, all)
				}
			}
			if !strings.Contains(all, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, all)
			}
		})
	}
}

// TestIngestFailuresDeadLettered: a recording whose sidecar is broken is
// dead-lettered like a broken recording at any other stage (as
// docs/operations.md says), so `dead list` shows every failure, and after
// the sidecar is fixed `dead replay --stage ingest` analyses it.
func TestIngestFailuresDeadLettered(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data := filepath.Join(t.TempDir(), "data")
	src := filepath.Join(t.TempDir(), "broken")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bad_sidecar_types", "bad_channel_map", "empty"} {
		for _, suffix := range []string{".wav", ".json", ".transcript.json"} {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "bad", name+suffix))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(src, name+suffix), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if out, errOut, _ := execute(t, "run", "--data", data, src); !strings.Contains(out, "3 calls: 0 analysed, 3 failed") {
		t.Fatalf("run:\n%s%s", out, errOut)
	}
	out, errOut, code := execute(t, "dead", "list", "--data", data, "--format", "json")
	var letters []struct {
		Stage, Recording, Reason string
	}
	if err := json.Unmarshal([]byte(out), &letters); code != 0 || err != nil {
		t.Fatalf("dead list: exit %d, %v\n%s%s", code, err, out, errOut)
	}
	stages := map[string]string{}
	for _, l := range letters {
		stages[l.Recording] = l.Stage + ": " + l.Reason
	}
	for rec, want := range map[string]string{
		"broken/bad_sidecar_types.wav": `ingest: bad metadata: s3://calls/broken/bad_sidecar_types.json: field "started_at"`,
		"broken/bad_channel_map.wav":   `ingest: bad metadata: s3://calls/broken/bad_channel_map.json: field "channels"`,
		"broken/empty.wav":             "transcribe: ",
	} {
		if !strings.HasPrefix(stages[rec], want) {
			t.Errorf("dead letter of %s: %q, want %q...", rec, stages[rec], want)
		}
	}
	if len(letters) != 3 {
		t.Errorf("%d dead letters for 3 failed recordings: %+v", len(letters), letters)
	}

	// The uploader fixes one sidecar; replaying the ingest letters
	// analyses it and dead-letters the other again.
	sidecar := filepath.Join(data, "objects", "buckets", "calls", "broken", "bad_sidecar_types.json")
	if err := os.WriteFile(sidecar, []byte(`{"call_id": "fixed-types", "operator": {"id": "op-1"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = execute(t, "dead", "replay", "--data", data, "--stage", "ingest")
	if code != 0 || !strings.Contains(out, "2 dead letters replayed") || !strings.Contains(out, "1 analysed, 1 failed") {
		t.Fatalf("dead replay: exit %d\n%s%s", code, out, errOut)
	}

	// The two still failed, one at ingest (its sidecar) and one at
	// transcribe (its audio), are fixed in place; `reprocess --status
	// failed` without --stage goes through transcribe and analyses both.
	// (At analyze, its old default, both failed again: no transcript had
	// been stored for either.)
	fixes := map[string]string{
		filepath.Join("broken", "bad_channel_map.json"):  "",
		filepath.Join("broken", "empty.wav"):             filepath.Join("..", "..", "testdata", "calls", "01_polite_model.wav"),
		filepath.Join("broken", "empty.transcript.json"): filepath.Join("..", "..", "testdata", "calls", "01_polite_model.transcript.json"),
	}
	for dst, src := range fixes {
		b := []byte(`{"call_id": "fixed-channels", "channels": {"left": "operator", "right": "client"}}`)
		if src != "" {
			var err error
			if b, err = os.ReadFile(src); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(data, "objects", "buckets", "calls", dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code = execute(t, "reprocess", "--data", data, "--status", "failed", "--dry-run")
	if code != 0 || !strings.Contains(out, "2 failed recordings selected") || !strings.Contains(out, "stage transcribe") {
		t.Fatalf("reprocess --status failed --dry-run: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = execute(t, "reprocess", "--data", data, "--status", "failed")
	if code != 0 || !strings.Contains(out, "2 calls reprocessed") || !strings.Contains(out, "2 analysed, 0 failed") {
		t.Fatalf("reprocess --status failed: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = execute(t, "calls", "--data", data, "--filter", "call_id in (fixed-channels, bad-empty)", "--format", "json")
	var list struct{ Total int }
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || list.Total != 2 {
		t.Errorf("calls after the fix: exit %d, %v, total %d\n%s%s", code, err, list.Total, out, errOut)
	}
}

// makeReadOnly makes dir unwritable for this process: chmod for a user,
// the immutable attribute for root (whom permissions do not stop).
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make %s read-only as root (chattr +i: %v %s)", dir, err, out)
	}
	t.Cleanup(func() { _ = exec.Command("chattr", "-i", dir).Run() })
}

// TestDataDirProblems: a read-only data directory is said to be one at
// once (no 30 s wait for NATS, no "is another process using it?"), and the
// read-only commands never create a data directory that is not there.
func TestDataDirProblems(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	for _, tc := range []struct {
		name string
		args func(dir string) []string
		// setup prepares dir; missing is a path that must not appear.
		readOnly bool
		missing  string
		want     string
	}{
		{"run on a read-only data dir", func(dir string) []string { return []string{"run", "--data", dir} }, true, "",
			"data dir: directory is not writable: "},
		{"report on a read-only data dir", func(dir string) []string { return []string{"report", "--data", dir} }, true, "",
			"directory is not writable: "},
		{"report on a chdb DSN that does not exist", func(dir string) []string {
			return []string{"report", "--clickhouse", "chdb://" + filepath.Join(dir, "nonexistent", "dir")}
		}, false, "nonexistent", "no callscope data there: "},
		{"calls on a data dir that does not exist", func(dir string) []string {
			return []string{"calls", "--data", filepath.Join(dir, "nothing-here")}
		}, false, "nothing-here", "no callscope data there: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.readOnly {
				if err := os.MkdirAll(filepath.Join(dir, "clickhouse"), 0o755); err != nil {
					t.Fatal(err)
				}
				makeReadOnly(t, filepath.Join(dir, "clickhouse"))
				makeReadOnly(t, dir)
			}
			start := time.Now()
			_, errOut, code := execute(t, tc.args(dir)...)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, want an error with %q:\n%s", code, tc.want, errOut)
			}
			if tc.readOnly && !strings.Contains(errOut, "read-only") {
				t.Errorf("the error should say read-only:\n%s", errOut)
			}
			if strings.Contains(errOut, "another process") {
				t.Errorf("misleading cause:\n%s", errOut)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d.Round(time.Second))
			}
			if tc.missing != "" {
				if _, err := os.Stat(filepath.Join(dir, tc.missing)); err == nil {
					t.Errorf("%s was created", tc.missing)
				}
			}
		})
	}
}
