package report_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

// benchCalls is the archive size of BenchmarkSlice: CALLSCOPE_BENCH_CALLS
// (the figure is 10 000 000), else a short 200 000.
func benchCalls(b *testing.B) int {
	if s := os.Getenv("CALLSCOPE_BENCH_CALLS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("CALLSCOPE_BENCH_CALLS=%q: want a positive number", s)
		}
		return n
	}
	return 200000
}

// benchSpec is the benchmark report: by operator per month, three
// filters.
var benchSpec = report.Spec{
	By:       []string{"operator", "month"},
	Measures: []string{"calls", "pct:complaint", "avg_score", "csat_index", "avg_duration"},
	Filter:   `department = 'Поддержка' and direction = inbound and duration > 1m`,
}

// BenchmarkSlice runs the slice report by operator per month with three
// filters over a generated archive in the embedded engine, and reports the
// median of five runs, the bulk load rate and the bytes on disk per call.
//
// Set CALLSCOPE_BENCH_DIR to an existing `callscope bench generate` data
// directory to reuse a large archive instead of generating one:
//
//	callscope bench generate --calls 10000000 --data /tmp/bench10m
//	CALLSCOPE_BENCH_CALLS=10000000 CALLSCOPE_BENCH_DIR=/tmp/bench10m \
//	    go test ./report -run '^$' -bench Slice -benchtime 5x
func BenchmarkSlice(b *testing.B) {
	ctx := context.Background()
	n := benchCalls(b)
	dsn := testenv.ChDB(b)
	if dir := os.Getenv("CALLSCOPE_BENCH_DIR"); dir != "" {
		abs, err := filepath.Abs(filepath.Join(dir, "clickhouse"))
		if err != nil {
			b.Fatal(err)
		}
		dsn = "chdb://" + abs
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	if os.Getenv("CALLSCOPE_BENCH_DIR") == "" {
		st, err := store.Generate(ctx, db, store.GenerateConfig{Calls: n, Seed: 1, End: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Days: 730})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Calls)/st.Elapsed.Seconds(), "gen-calls/s")
		b.ReportMetric(float64(st.Hits)/st.Elapsed.Seconds(), "gen-hit-rows/s")
	}
	sizes, err := store.TableSizes(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sizes {
		if s.Table == "calls" && s.Rows > 0 {
			b.ReportMetric(float64(s.Bytes)/float64(s.Rows), "calls-bytes/call")
		}
	}
	var total uint64
	for _, s := range sizes {
		total += s.Bytes
	}
	b.ReportMetric(float64(total)/float64(n), "all-bytes/call")

	run := func() time.Duration {
		start := time.Now()
		res, err := report.Slice(ctx, db, benchSpec)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Rows) == 0 {
			b.Fatal("no rows")
		}
		return time.Since(start)
	}
	run() // warm the caches, as a manager's second report would be
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		times = append(times, run())
	}
	b.StopTimer()
	for len(times) < 5 {
		times = append(times, run())
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(times[len(times)/2].Seconds(), "median-s")
	b.ReportMetric(float64(n), "calls")
}
