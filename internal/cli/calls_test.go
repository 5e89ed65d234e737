package cli

import (
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
)

// drillData analyses the shipped calls into a fresh data directory with
// `callscope run` and returns it: the drill-down end-to-end tests read it.
func drillData(t *testing.T) string {
	t.Helper()
	testenv.SkipIfShort(t)
	testenv.ChDB(t) // skips when libchdb.so is not installed
	clearServerEnv(t)
	data := t.TempDir()
	out, errOut, code := execute(t, "run", "--data", data, filepath.Join("..", "..", "testdata", "calls"))
	if code != 0 {
		t.Fatalf("run: exit %d\nstderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	return data
}

// csvIDs is the first column of a CSV output, header dropped.
func csvIDs(t *testing.T, out string) []string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	var ids []string
	for _, r := range recs[1:] {
		ids = append(ids, r[0])
	}
	slices.Sort(ids)
	return ids
}

// TestDrillDownEndToEnd runs calls, show and search on the demo data after
// `callscope run`, against the ground truth of testdata/README.md. The
// transcript and search checks need the analyze stage to hand the
// transcript to the store (Analysis.Transcript) so that segments exist.
func TestDrillDownEndToEnd(t *testing.T) {
	data := drillData(t)

	t.Run("calls", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want string // call ids, sorted
		}{
			{[]string{"--slice", "operator=op-12"}, "2026-11-18-000102 2026-11-18-000103 2026-11-20-000302"},
			{[]string{"--filter", "has complaint"}, "2026-11-18-000102 2026-11-18-000104 2026-11-19-000201 2026-11-20-000301 2026-11-20-000302 2026-11-20-000307"},
			{[]string{"--slice", "department=Продажи", "--filter", "not has complaint and not has incompetence"}, "2026-11-18-000105 2026-11-19-000203"},
			{[]string{"--slice", "client=repeat"}, "2026-11-19-000201 2026-11-20-000305 2026-11-20-000306 2026-11-20-000307"},
			{[]string{"--slice", "day=2026-11-19", "--tz", "Europe/Moscow"}, "2026-11-19-000201 2026-11-19-000202 2026-11-19-000203 2026-11-19-000204"},
			{[]string{"--from", "2026-11-20", "--filter", "channels = 1"}, "2026-11-20-000303"},
			{[]string{"--filter", "wait > 1m or transfers >= 1"}, "2026-11-18-000104 2026-11-19-000201"},
			{[]string{"--filter", "csat <= 1"}, "2026-11-18-000104 2026-11-20-000301"},
			{[]string{"--filter", "tag.scenario ~ refund"}, "2026-11-20-000307"},
		} {
			args := append([]string{"calls", "--data", data, "--format", "csv"}, tc.args...)
			out, errOut, code := execute(t, args...)
			if code != 0 {
				t.Errorf("%v: exit %d: %s", tc.args, code, errOut)
				continue
			}
			if got := strings.Join(csvIDs(t, out), " "); got != tc.want {
				t.Errorf("%v:\n got %s\nwant %s", tc.args, got, tc.want)
			}
		}
		out, errOut, code := execute(t, "calls", "--data", data, "--limit", "2")
		if code != 0 || !strings.Contains(out, "2 of 16 calls") {
			t.Errorf("calls --limit 2: exit %d, output:\n%s%s", code, out, errOut)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"--filter", "duration > 5m and silense_longest > 3"}, "--filter: column 19: unknown field \"silense_longest\" (did you mean \"silence_longest\"?)\n  duration > 5m and silense_longest > 3\n                    ^"},
			{[]string{"--slice", "operatr=op-12"}, "unknown slice \"operatr\""},
			{[]string{"--slice", "op-12"}, "want NAME=VALUE"},
			{[]string{"--tz", "Mars/Olympus"}, "unknown time zone"},
			{[]string{"--format", "xml"}, "--format: want table, csv or json"},
			// A category of neither the built-in dictionaries nor a stored
			// call would list no call.
			{[]string{"--filter", "has complant"}, "--filter: column 5: unknown category \"complant\" (did you mean complaint?): the known categories are apology, churn_threat, "},
			{[]string{"--slice", "category=complant"}, "--slice category=complant: unknown category \"complant\" (did you mean complaint?): the known categories are apology, "},
		} {
			_, errOut, code := execute(t, append([]string{"calls", "--data", data}, tc.args...)...)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("%v: exit %d, stderr %q, want it to contain %q", tc.args, code, errOut, tc.want)
			}
		}
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"report", "--data", data, "--filter", "category.nosuch > 0"}, "report: --filter: column 10: unknown category \"nosuch\": the known categories are apology, "},
			{[]string{"search", "--data", data, "--filter", "has greting", "пожаловаться"}, "--filter: column 5: unknown category \"greting\" (did you mean greeting?)"},
		} {
			_, errOut, code := execute(t, tc.args...)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Errorf("%v: exit %d, stderr %q, want it to contain %q", tc.args, code, errOut, tc.want)
			}
		}
	})

	t.Run("show", func(t *testing.T) {
		out, errOut, code := execute(t, "show", "--data", data, "--tz", "Europe/Moscow", "2026-11-18-000102")
		if code != 0 {
			t.Fatalf("show: exit %d: %s", code, errOut)
		}
		for _, want := range []string{
			"Call 2026-11-18-000102",
			"started      2026-11-18 10:40:00 MSK",
			"op-12 Дмитрий Соколов (Поддержка)",
			"CSAT 2/5",
			"[пожаловаться]", "[безобразие]", "[недоволен]", // the complaint hits, bracketed: not a terminal
		} {
			if !strings.Contains(out, want) {
				t.Errorf("show lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "\x1b[") {
			t.Errorf("show wrote ANSI escapes to a non-terminal:\n%s", out)
		}
		if strings.Contains(out, "no transcript stored") {
			t.Errorf("show has no transcript (segments not stored by the pipeline yet?):\n%s", out)
		}
		_, errOut, code = execute(t, "show", "--data", data, "no-such-call")
		if code == 0 || !strings.Contains(errOut, `call not found: "no-such-call"`) {
			t.Errorf("show of a missing call: exit %d, %q", code, errOut)
		}
	})

	t.Run("search", func(t *testing.T) {
		// «я хочу пожаловаться» in 02, found by another form of the verb.
		out, errOut, code := execute(t, "search", "--data", data, "--format", "csv", "пожалуюсь")
		if code != 0 {
			t.Fatalf("search: exit %d: %s", code, errOut)
		}
		if got := strings.Join(csvIDs(t, out), " "); got != "2026-11-18-000102" {
			t.Errorf("search пожалуюсь: calls %q, want 2026-11-18-000102\n%s", got, out)
		}
		// «позовите руководителя» in 05, asked as «руководитель»; the
		// client said it, so the operator channel has none.
		out, _, code = execute(t, "search", "--data", data, "--format", "csv", "руководитель")
		if got := strings.Join(csvIDs(t, out), " "); code != 0 || got != "2026-11-18-000104" {
			t.Errorf("search руководитель: exit %d, calls %q, want 2026-11-18-000104", code, got)
		}
		out, _, code = execute(t, "search", "--data", data, "--format", "csv", "--channel", "operator", "руководитель")
		if got := csvIDs(t, out); code != 0 || len(got) != 0 {
			t.Errorf("search --channel operator руководитель: exit %d, calls %v, want none", code, got)
		}
	})
}

// TestCallsFields prints the filter fields (golden): the list users see.
func TestCallsFields(t *testing.T) {
	out, errOut, code := execute(t, "calls", "--fields")
	if code != 0 {
		t.Fatalf("calls --fields: exit %d: %s", code, errOut)
	}
	matchGolden(t, filepath.Join("testdata", "drill", "fields.golden"), out)
}
