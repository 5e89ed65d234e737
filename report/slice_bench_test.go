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
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
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
	db := benchArchive(b, n)
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
	benchMedian(b, run)
	b.ReportMetric(float64(n), "calls")
}

// benchMedian runs f b.N times (at least five) after one warm-up run, as a
// manager's second report would be, and reports the median.
func benchMedian(b *testing.B, f func() time.Duration) {
	f()
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		times = append(times, f())
	}
	b.StopTimer()
	for len(times) < 5 {
		times = append(times, f())
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(times[len(times)/2].Seconds(), "median-s")
}

// BenchmarkDrill times the drill-down queries over the same archive as
// BenchmarkSlice: search for a frequent and a rare phrase, a search with a
// filter, the first-time / repeat client slice for a month, the calls
// behind a cell and one call's transcript.
//
//	CALLSCOPE_BENCH_CALLS=10000000 CALLSCOPE_BENCH_DIR=/tmp/bench10m \
//	    go test ./report -run '^$' -bench Drill -benchtime 5x
func BenchmarkDrill(b *testing.B) {
	ctx := context.Background()
	db := benchArchive(b, benchCalls(b))
	var newest time.Time
	rows, err := db.Query(ctx, "SELECT max(started_at) FROM calls")
	if err != nil {
		b.Fatal(err)
	}
	if rows.Next() {
		if err := rows.Scan(&newest); err != nil {
			b.Fatal(err)
		}
	}
	rows.Close()
	month := time.Date(newest.Year(), newest.Month(), 1, 0, 0, 0, 0, time.UTC)
	mustFilter := func(src string) filter.Expr {
		e, err := filter.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		return e
	}
	search := func(q report.SearchQuery, atLeast int) func() time.Duration {
		return func() time.Duration {
			start := time.Now()
			hits, err := report.SearchCalls(ctx, db, q)
			if err != nil {
				b.Fatal(err)
			}
			if len(hits) < atLeast {
				b.Fatalf("search %q: %d hits, want at least %d", q.Phrase, len(hits), atLeast)
			}
			return time.Since(start)
		}
	}
	var someCall string
	for _, c := range []struct {
		name string
		run  func() time.Duration
	}{
		{"search-frequent", search(report.SearchQuery{Phrase: "жалоба"}, 100)},
		{"search-rare", search(report.SearchQuery{Phrase: "черт возьми"}, 100)},
		{"search-absent", search(report.SearchQuery{Phrase: "абракадабра"}, 0)},
		{"search-filtered", search(report.SearchQuery{Phrase: "жалоба", Filter: mustFilter("operator = op-0015")}, 1)},
		{"search-month", search(report.SearchQuery{Phrase: "перезвоню", From: month.AddDate(0, -1, 0), To: month}, 0)},
		{"client-slice-month", func() time.Duration {
			start := time.Now()
			res, err := report.Slice(ctx, db, report.Spec{By: []string{"client"}, Measures: []string{"calls", "avg_score"}, From: month.AddDate(0, -1, 0), To: month})
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Rows) == 0 {
				b.Fatal("no rows")
			}
			return time.Since(start)
		}},
		{"calls-cell", func() time.Duration {
			start := time.Now()
			q := report.CallsQuery{Filter: mustFilter("has complaint"), From: month.AddDate(0, -1, 0), To: month}
			if err := q.AddSlice("operator", "op-0001"); err != nil {
				b.Fatal(err)
			}
			list, err := report.ListCalls(ctx, db, q)
			if err != nil {
				b.Fatal(err)
			}
			if len(list.Calls) > 0 {
				someCall = list.Calls[0].CallID
			}
			return time.Since(start)
		}},
		{"show", func() time.Duration {
			start := time.Now()
			if someCall == "" {
				return 0
			}
			d, err := report.ShowCall(ctx, db, someCall, nil)
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Segments) == 0 {
				b.Fatalf("call %s: no transcript", someCall)
			}
			return time.Since(start)
		}},
	} {
		b.Run(c.name, func(b *testing.B) { benchMedian(b, c.run) })
	}
}

// benchArchive opens the benchmark archive: CALLSCOPE_BENCH_DIR's, or n
// calls (with transcripts) generated into a fresh embedded engine.
func benchArchive(b *testing.B, n int) store.DB {
	ctx := context.Background()
	dsn := testenv.ChDB(b)
	if dir := os.Getenv("CALLSCOPE_BENCH_DIR"); dir != "" {
		abs, err := filepath.Abs(filepath.Join(dir, "clickhouse"))
		if err != nil {
			b.Fatal(err)
		}
		dsn = "chdb://" + abs
	}
	db := storetest.Migrated(b, dsn)
	if os.Getenv("CALLSCOPE_BENCH_DIR") == "" {
		st, err := store.Generate(ctx, db, store.GenerateConfig{Calls: n, Seed: 1, End: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Days: 730, Segments: true})
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
	var total uint64
	for _, s := range sizes {
		total += s.Bytes
		if s.Table == "calls" && s.Rows > 0 {
			b.ReportMetric(float64(s.Bytes)/float64(s.Rows), "calls-bytes/call")
		}
	}
	b.ReportMetric(float64(total)/float64(n), "all-bytes/call")
	return db
}
