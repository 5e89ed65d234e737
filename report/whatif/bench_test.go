package whatif_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/report/whatif"
	"github.com/callscope/callscope/store"
)

// BenchmarkWhatif runs every built-in dictionary over the stored transcripts
// of a `callscope bench generate` archive in the embedded engine and
// compares with the stored categories: the whole of `dict whatif` but the
// printing. It reports calls/s, the CPU seconds of the process per run
// (chDB runs inside it, so this is the engine's and the matcher's), the
// peak Go heap during a run and the process's peak RSS.
//
// Without CALLSCOPE_BENCH_DIR it generates CALLSCOPE_BENCH_CALLS calls
// (default 50 000) first. The figure is over a million:
//
//	callscope bench generate --calls 1000000 --data /work/bench/b1m
//	CALLSCOPE_BENCH_DIR=/work/bench/b1m go test ./report/whatif -run '^$' -bench Whatif -benchtime 3x
func BenchmarkWhatif(b *testing.B) {
	testenv.SkipIfShort(b)
	ctx := context.Background()
	dsn := testenv.ChDB(b)
	dir := os.Getenv("CALLSCOPE_BENCH_DIR")
	if dir != "" {
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
	if dir == "" {
		n := 50000
		if s := os.Getenv("CALLSCOPE_BENCH_CALLS"); s != "" {
			if n, err = strconv.Atoi(s); err != nil || n <= 0 {
				b.Fatalf("CALLSCOPE_BENCH_CALLS=%q: want a positive number", s)
			}
		}
		if err := store.Migrate(ctx, db); err != nil {
			b.Fatal(err)
		}
		if _, err := store.Generate(ctx, db, store.GenerateConfig{Calls: n, Seed: 1, Days: 365,
			End: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Segments: true}); err != nil {
			b.Fatal(err)
		}
	}
	m, err := match.CompileBuiltin()
	if err != nil {
		b.Fatal(err)
	}
	var calls int
	var cpu, wall time.Duration
	var peakHeap uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		stop := sampleHeap(&peakHeap)
		cpu0 := testenv.ProcessCPU()
		start := time.Now()
		res, err := whatif.Run(ctx, db, m, whatif.Query{})
		wall += time.Since(start)
		cpu += testenv.ProcessCPU() - cpu0
		stop()
		if err != nil {
			b.Fatal(err)
		}
		if res.Compared == 0 {
			b.Fatal("no call compared")
		}
		calls = res.Calls
	}
	b.StopTimer()
	b.ReportMetric(float64(calls), "calls")
	b.ReportMetric(float64(calls)*float64(b.N)/wall.Seconds(), "calls/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MiB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "max-rss-MiB")
	}
}

// sampleHeap records the largest Go heap in use, sampled every 50 ms,
// until the returned stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			*peak = max(*peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
