package report_test

import (
	"context"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

// dashboardTiles is the report the dashboard draws first (web/src/pages/
// Dashboard.tsx KPIS): ten measures by operator.
var dashboardTiles = report.Spec{By: []string{"operator"}, Measures: []string{"calls", "avg_score", "csat_index",
	"pct:complaint", "pct:repeat_contact", "pct:incompetence", "pct:churn_threat", "avg_wait", "avg_talk", "param:silence_total"}}

// BenchmarkDashboardTiles times the dashboard's first report over all time
// three ways: over calls (no rollup), from the monthly rollup, and from the
// rollup with the newest full month changed since its build (read from
// calls until the next refresh). It reports each one's median wall time and
// CPU time (the process's, so the embedded engine's threads included), and
// what building the rollup cost. Over the 10-million-call archive:
//
//	CALLSCOPE_BENCH_CALLS=10000000 CALLSCOPE_BENCH_DIR=/tmp/bench10m \
//	    go test ./report -run '^$' -bench DashboardTiles -benchtime 5x
func BenchmarkDashboardTiles(b *testing.B) {
	ctx := context.Background()
	db := benchArchive(b, benchCalls(b))
	c0, t0 := testenv.ProcessCPU(), time.Now()
	st, err := store.RefreshRollup(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	buildWall, buildCPU := time.Since(t0), testenv.ProcessCPU()-c0
	measure := func(ctx context.Context, unit string) {
		var walls, cpus []time.Duration
		for i := 0; i < b.N || len(walls) < 3; i++ {
			c0, t0 := testenv.ProcessCPU(), time.Now()
			if _, err := report.Slice(ctx, db, dashboardTiles); err != nil {
				b.Fatal(err)
			}
			walls, cpus = append(walls, time.Since(t0)), append(cpus, testenv.ProcessCPU()-c0)
		}
		med := func(d []time.Duration) float64 {
			sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
			return d[len(d)/2].Seconds() * 1000
		}
		b.ReportMetric(med(walls), unit+"-ms")
		b.ReportMetric(med(cpus), unit+"-cpu-ms")
	}
	b.ResetTimer()
	measure(report.WithoutRollup(ctx), "calls")
	measure(ctx, "rollup")
	// the newest full month changes (a merge gives it new parts)
	months, err := store.RollupState(ctx, db)
	if err != nil || len(months) < 2 {
		b.Fatalf("months %v: %v", months, err)
	}
	stale := months[len(months)-2].Month
	if err := db.Exec(ctx, "OPTIMIZE TABLE calls PARTITION ID ? FINAL", strconv.FormatUint(uint64(stale), 10)); err != nil {
		b.Fatal(err)
	}
	if months, err = store.RollupState(ctx, db); err != nil || months[len(months)-2].Build != "" {
		b.Fatalf("month %d is not stale after OPTIMIZE: %v %v", stale, months, err)
	}
	measure(ctx, "rollup-1-stale")
	// after ResetTimer, which drops the metrics reported before it
	b.ReportMetric(buildWall.Seconds(), "build-s")
	b.ReportMetric(buildCPU.Seconds(), "build-cpu-s")
	b.ReportMetric(float64(st.Built), "built-months")
}
