package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// reportFixture writes a few analysed calls for the report command tests.
func reportFixture(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	var calls []schemas.Analysis
	for i, c := range []struct {
		op, dept string
		day      int
		cats     map[string]int
		score    float64
	}{
		{"op-1", "Поддержка", 2, map[string]int{"complaint": 1}, 2},
		{"op-1", "Поддержка", 3, nil, 4},
		{"op-2", "Продажи", 3, nil, 5},
		{"op-2", "Продажи", 12, map[string]int{"complaint": 1}, 3}, // outside the week
	} {
		id := "c" + string(rune('1'+i))
		calls = append(calls, schemas.Analysis{
			CallID: id, ObjectKey: id + ".wav", AnalyzedAt: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, c.day, 10, 0, 0, 0, time.UTC), Direction: "inbound",
				Operator: schemas.Operator{ID: c.op, Name: "Name " + c.op, Department: c.dept}},
			Metrics:    schemas.Metrics{Duration: 120, Channels: 2, TotalTalk: 100},
			Categories: c.cats,
			Score:      &schemas.Score{Profile: "default", Value: c.score, Max: 5},
		})
		if c.cats["complaint"] > 0 {
			calls[i].Segments = analyze.IndexSegments(schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
				{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 3, End: 6, Text: "Хочу оставить жалобу"}}},
			}}, "ru")
		}
	}
	if err := store.WriteAnalyses(ctx, db, calls); err != nil {
		t.Fatal(err)
	}
}

func TestReportCommand(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			dsn := b.DSN(t)
			reportFixture(t, dsn)
			def := filepath.Join(t.TempDir(), "weekly.yaml")
			err := os.WriteFile(def, []byte(`name: weekly
by: [department, operator]
measures: [calls, pct:complaint, avg_score]
from: 2026-11-02
to: 2026-11-08
format: markdown
`), 0o644)
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				golden string
				args   []string
			}{
				{"report_def.golden", []string{"--def", def}},
				// Flags override the definition.
				{"report_def_override.golden", []string{"--def", def, "--by", "operator", "--format", "csv", "--filter", "has complaint"}},
				{"report_flags.golden", []string{"--by", "day", "--measures", "calls,avg_score", "--from", "2026-11-03", "--to", "2026-11-03"}},
			} {
				out, errOut, code := execute(t, append([]string{"report", "--clickhouse", dsn}, tc.args...)...)
				if code != 0 {
					t.Fatalf("%v: code %d: %s", tc.args, code, errOut)
				}
				checkGolden(t, filepath.Join("testdata", tc.golden), out)
			}
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, []byte(got), os.Getenv("UPDATE_GOLDEN") != "", "UPDATE_GOLDEN=1 go test ./internal/cli -run TestReport")
}

func TestReportErrors(t *testing.T) {
	dsn := testenv.ChDB(t)
	reportFixture(t, dsn)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("name: x\nby: [operator, colour]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--by", "colour"}, `unknown dimension "colour"`},
		{[]string{"--from", "2026-13-01"}, `--from: want a date`},
		{[]string{"--from", "2026-11-05", "--to", "2026-11-01"}, `is after --to`},
		{[]string{"--period", "last-fortnight"}, `unknown period "last-fortnight"`},
		{[]string{"--period", "last-week", "--from", "2026-11-01"}, `not both`},
		{[]string{"--format", "xml"}, `format must be one of`},
		{[]string{"--filter", "duration >"}, `--filter`},
		{[]string{"--def", bad}, bad + ":2:16: unknown dimension \"colour\""},
		{[]string{"--tz", "Mars/Olympus"}, `unknown time zone`},
	} {
		_, errOut, code := execute(t, append([]string{"report", "--clickhouse", dsn}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestReportReadOnly: with a DSN whose session is read-only, report works
// and nothing tries to write; on a database without the schema the error
// says what to do.
func TestReportReadOnly(t *testing.T) {
	server := testenv.ClickHouse(t)
	reportFixture(t, server)
	ro := server + "?readonly=1"
	out, errOut, code := execute(t, "report", "--clickhouse", ro, "--by", "department")
	if code != 0 || !strings.Contains(out, "Продажи") {
		t.Errorf("read-only report: code %d, out %q, err %q", code, out, errOut)
	}
	// The drill-down commands too: none may change a setting.
	out, errOut, code = execute(t, "calls", "--clickhouse", ro, "--format", "csv")
	if code != 0 || strings.Count(out, "\n") < 2 {
		t.Errorf("read-only calls: code %d, out %q, err %q", code, out, errOut)
	}
	if lines := strings.Split(out, "\n"); len(lines) > 1 {
		id, _, _ := strings.Cut(lines[1], ",")
		out, errOut, code = execute(t, "show", "--clickhouse", ro, id)
		if code != 0 || !strings.Contains(out, id) {
			t.Errorf("read-only show %s: code %d, out %q, err %q", id, code, out, errOut)
		}
	}
	out, errOut, code = execute(t, "search", "--clickhouse", ro, "жалоба")
	if code != 0 || !strings.Contains(out, "2 segments in 2 calls") {
		t.Errorf("read-only search: code %d, out %q, err %q", code, out, errOut)
	}
	out, errOut, code = execute(t, "calls", "--clickhouse", ro, "--slice", "client=first")
	if code != 0 {
		t.Errorf("read-only calls of first-time clients: code %d, out %q, err %q", code, out, errOut)
	}
	out, errOut, code = execute(t, "migrate", "status", "--clickhouse", ro)
	if code != 0 || !strings.Contains(out, "0001_calls.sql") || strings.Contains(out, "pending") {
		t.Errorf("read-only migrate status: code %d, out %q, err %q", code, out, errOut)
	}
	// An empty database of the same server.
	empty := strings.Replace(server, "/callscope", "/default", 1) + "?readonly=1"
	_, errOut, code = execute(t, "report", "--clickhouse", empty)
	if code == 0 || !strings.Contains(errOut, "no callscope schema") {
		t.Errorf("report on an empty database: code %d, err %q", code, errOut)
	}
}

func TestMigrateCommand(t *testing.T) {
	dsn := testenv.ChDB(t)
	out, errOut, code := execute(t, "migrate", "status", "--clickhouse", dsn)
	if code != 0 || !strings.Contains(out, "pending") {
		t.Fatalf("status before: code %d out %q err %q", code, out, errOut)
	}
	out, errOut, code = execute(t, "migrate", "--clickhouse", dsn)
	if code != 0 || !strings.Contains(out, "applied 0001_calls.sql") {
		t.Fatalf("migrate: code %d out %q err %q", code, out, errOut)
	}
	out, _, code = execute(t, "migrate", "up", "--clickhouse", dsn)
	if code != 0 || out != "schema is up to date\n" {
		t.Errorf("migrate again: code %d out %q", code, out)
	}
	out, _, code = execute(t, "migrate", "status", "--clickhouse", dsn)
	if code != 0 || strings.Contains(out, "pending") || !strings.Contains(out, "0007_terms_text_index.sql           applied") {
		t.Errorf("status after: code %d out %q", code, out)
	}
	_, errOut, code = execute(t, "migrate", "sideways", "--clickhouse", dsn)
	if code == 0 || !strings.Contains(errOut, `want up or status, got "sideways"`) {
		t.Errorf("bad action: code %d err %q", code, errOut)
	}
}

func TestBenchGenerateCommand(t *testing.T) {
	dir := t.TempDir()
	if err := testenvChDBAvailable(t); err != nil {
		t.Skip(err)
	}
	out, errOut, code := execute(t, "bench", "generate", "--calls", "3000", "--data", dir, "--end", "2026-11-22")
	if code != 0 || !strings.Contains(out, "generated 3000 calls") || !strings.Contains(out, "bytes per call") {
		t.Fatalf("generate: code %d out %q err %q", code, out, errOut)
	}
	out, errOut, code = execute(t, "report", "--data", dir, "--by", "department", "--filter", "has complaint")
	if code != 0 || !strings.Contains(out, "Поддержка") || !strings.Contains(out, "TOTAL") {
		t.Errorf("report on generated data: code %d out %q err %q", code, out, errOut)
	}
}

// testenvChDBAvailable skips when libchdb.so is missing (through
// testenv.ChDB's own check).
func testenvChDBAvailable(t *testing.T) error {
	_ = testenv.ChDB(t)
	return nil
}
