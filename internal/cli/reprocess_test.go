package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
)

// TestReprocessInterruptResume: on the embedded default, a dry run counts
// the archive; a rate-limited run interrupted half-way saves a checkpoint
// and says how to resume; resuming queues exactly the rest.
func TestReprocessInterruptResume(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data := filepath.Join(t.TempDir(), "data")
	calls, err := filepath.Abs(filepath.Join("..", "..", "testdata", "calls"))
	if err != nil {
		t.Fatal(err)
	}
	exec := func(ctx context.Context, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := Execute(ctx, args, &out, &errOut)
		return code, out.String(), errOut.String()
	}
	ctx := context.Background()
	if code, _, errOut := exec(ctx, "run", "--data", data, calls); code != 0 {
		t.Fatalf("run: %s", errOut)
	}
	code, out, errOut := exec(ctx, "reprocess", "--data", data, "--dry-run", "--stage", "analyze")
	if code != 0 || !strings.Contains(out, "16 calls selected") || !strings.Contains(out, "stage analyze") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	// --filter selects what `calls --filter` lists.
	_, listed, _ := exec(ctx, "calls", "--data", data, "--filter", "has complaint", "--format", "json")
	var list struct{ Total int }
	if err := json.Unmarshal([]byte(listed), &list); err != nil || list.Total == 0 || list.Total >= 16 {
		t.Fatalf("calls --filter 'has complaint': %v, total %d\n%s", err, list.Total, listed)
	}
	code, out, errOut = exec(ctx, "reprocess", "--data", data, "--dry-run", "--filter", "has complaint")
	if want := fmt.Sprintf("%d calls selected", list.Total); code != 0 || !strings.Contains(out, want) {
		t.Errorf("dry run with --filter: exit %d, want %q in\n%s%s", code, want, out, errOut)
	}
	code, _, errOut = exec(ctx, "reprocess", "--data", data, "--dry-run", "--filter", "score >")
	if code == 0 || !strings.Contains(errOut, "--filter: column") {
		t.Errorf("bad --filter: exit %d, stderr %q", code, errOut)
	}
	// A category neither the dictionaries nor a stored call has would
	// select no call.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--filter", "has complant"}, "--filter: column 5: unknown category \"complant\" (did you mean complaint?)"},
		{[]string{"--category", "complaint,greting"}, "--category greting: unknown category \"greting\" (did you mean greeting?): the known categories are apology, "},
	} {
		code, out, errOut = exec(ctx, append([]string{"reprocess", "--data", data, "--dry-run"}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("reprocess %v: exit %d, stderr %q, want %q\n%s", tc.args, code, errOut, tc.want, out)
		}
	}
	code, out, errOut = exec(ctx, "reprocess", "--data", data, "--dry-run", "--category", "complaint")
	if want := fmt.Sprintf("%d calls selected", list.Total); code != 0 || !strings.Contains(out, want) {
		t.Errorf("dry run with --category complaint: exit %d, want %q in\n%s%s", code, want, out, errOut)
	}

	// Interrupt the run 1.5 s after it has started (its first checkpoint
	// written), not at a fixed time from now: on a loaded machine starting
	// the embedded servers alone can take longer than a fixed delay. At
	// --rate 4 a few of the 16 calls are published by then.
	interrupted, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		deadline := time.Now().Add(2 * time.Minute)
		for time.Now().Before(deadline) && interrupted.Err() == nil {
			if _, found, _ := app.LoadCheckpoint(filepath.Join(data, "reprocess"), "rp-test"); found {
				time.AfterFunc(1500*time.Millisecond, stop)
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		stop()
	}()
	code, _, errOut = exec(interrupted, "reprocess", "--data", data, "--rate", "4", "--run", "rp-test")
	if code == 0 || !strings.Contains(errOut, "resume with: callscope reprocess --run rp-test") {
		t.Fatalf("interrupted run: exit %d, stderr:\n%s", code, errOut)
	}
	cp, found, err := app.LoadCheckpoint(filepath.Join(data, "reprocess"), "rp-test")
	if err != nil || !found || cp.Done || cp.Published == 0 || cp.Published >= 16 || cp.Total != 16 {
		t.Fatalf("checkpoint after the interruption: %+v, found %v, %v", cp, found, err)
	}
	before := cp.Published

	code, out, errOut = exec(ctx, "reprocess", "--data", data, "--run", "rp-test")
	if code != 0 {
		t.Fatalf("resumed run: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "resumed run rp-test") || !strings.Contains(out, "calls reprocessed") {
		t.Errorf("resumed run output:\n%s%s", out, errOut)
	}
	cp, _, err = app.LoadCheckpoint(filepath.Join(data, "reprocess"), "rp-test")
	if err != nil || !cp.Done || cp.Published != 16 {
		t.Fatalf("checkpoint after resuming: %+v, %v (had %d before)", cp, err, before)
	}
	code, out, _ = exec(ctx, "report", "--data", data, "--format", "csv")
	if code != 0 || strings.Count(out, "\n") < 5 {
		t.Errorf("report after reprocessing:\n%s", out)
	}
}

// TestReprocessStage: failed recordings default to transcribe (their
// failure came before a transcript was stored, as a rule), archived calls
// to analyze; an explicit --stage is kept either way.
func TestReprocessStage(t *testing.T) {
	for _, tc := range []struct{ stage, status, want string }{
		{"", "analysed", app.ReprocessAnalyze},
		{"", "failed", app.ReprocessTranscribe},
		{app.ReprocessAnalyze, "failed", app.ReprocessAnalyze},
		{app.ReprocessTranscribe, "analysed", app.ReprocessTranscribe},
	} {
		if got := reprocessStage(tc.stage, tc.status); got != tc.want {
			t.Errorf("--stage %q --status %s: %s, want %s", tc.stage, tc.status, got, tc.want)
		}
	}
}

// TestFailureReasonsListed: a dry run of --status failed lists what failed
// and why under its count, most frequent first as given, at most
// maxFailureReasons lines, with what a terminal would act on escaped.
func TestFailureReasonsListed(t *testing.T) {
	reason := func(n uint64, stage, err string) store.FailureReason {
		return store.FailureReason{Stage: stage, Error: err, Calls: n}
	}
	var many []store.FailureReason
	for i := range maxFailureReasons + 2 {
		many = append(many, reason(1, "ingest", fmt.Sprintf("reason %02d", i)))
	}
	for _, tc := range []struct {
		name          string
		reasons       []store.FailureReason
		want, wantNot []string
	}{
		{name: "none", want: []string{"0 failed recordings selected\n"}, wantNot: []string{"by stage and reason", "  ["}},
		{name: "each with its count and stage",
			reasons: []store.FailureReason{reason(7, "ingest", `bad metadata: s3://calls/a.json: field "csat": score 9 is outside the scale 0..5`), reason(2, "transcribe", "wav: not a RIFF/WAVE file: empty input")},
			want: []string{"9 failed recordings selected, by stage and reason:\n" +
				"       7  [ingest] bad metadata: s3://calls/a.json: field \"csat\": score 9 is outside the scale 0..5\n" +
				"       2  [transcribe] wav: not a RIFF/WAVE file: empty input\nstage transcribe"}},
		{name: "cut after maxFailureReasons", reasons: many,
			want:    []string{"[ingest] reason 00\n", fmt.Sprintf("[ingest] reason %02d\n  … 2 more reasons\n", maxFailureReasons-1)},
			wantNot: []string{fmt.Sprintf("reason %02d", maxFailureReasons)}},
		{name: "a terminal escape in a reason is shown, not obeyed", reasons: []store.FailureReason{reason(1, "ingest", "key \x1b[2Jx.wav")},
			want: []string{"[ingest] key "}, wantNot: []string{"\x1b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n uint64
			for _, r := range tc.reasons {
				n += r.Calls
			}
			var out bytes.Buffer
			writeEstimate(&out, n, 0, app.ReprocessTranscribe, true, tc.reasons)
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q:\n%s", w, out.String())
				}
			}
		})
	}
}
