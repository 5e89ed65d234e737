package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/store"
)

func init() { registerCommand(newBenchCmd) }

type benchGenerateOptions struct {
	g         *globals
	calls     int
	operators int
	days      int
	end       string
	seed      uint64
	batch     int
	criteria  bool
	segments  bool
	optimize  bool
}

func newBenchCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Benchmark helpers: synthetic archives",
		Args:  cobra.NoArgs,
	}
	opts := &benchGenerateOptions{g: g}
	gen := &cobra.Command{
		Use:   "generate --calls N [--data DIR | --clickhouse DSN]",
		Short: "Load a synthetic archive of analysed calls",
		Long: `generate writes N synthetic analysed calls (calls, phrase hits, transcript
segments and, with --criteria, score criteria) into ClickHouse, for benchmarks and demos of the reports: operators
of varying skill in five departments, office-hours and weekday peaks,
log-normal durations, complaint rates, scores and CSAT that follow the
operator's skill, repeat clients. The same --seed gives the same archive.

It uses the bulk insert path and writes fresh calls: run it on an empty or
generated database, not over real calls. The schema is migrated first.`,
		Example: `  callscope bench generate --calls 10000000 --data /tmp/bench
  callscope report --data /tmp/bench --by operator,month --filter 'department = "Поддержка"'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBenchGenerate(cmd.Context(), opts)
		},
	}
	g.bindStore(gen.Flags())
	gen.Flags().IntVar(&opts.calls, "calls", 100000, "number of calls")
	gen.Flags().IntVar(&opts.operators, "operators", 0, "number of operators (default: calls/20000, 20..2000)")
	gen.Flags().IntVar(&opts.days, "days", 365, "days the calls spread over")
	gen.Flags().StringVar(&opts.end, "end", "", "last day of calls, YYYY-MM-DD (default: today)")
	gen.Flags().Uint64Var(&opts.seed, "seed", 1, "random seed")
	gen.Flags().IntVar(&opts.batch, "batch", 100000, "calls per INSERT")
	gen.Flags().BoolVar(&opts.optimize, "optimize", true, "merge the calls table afterwards (OPTIMIZE ... FINAL), as background merges would in time")
	gen.Flags().BoolVar(&opts.criteria, "criteria", false, "also write the criteria table (five rows a call)")
	gen.Flags().BoolVar(&opts.segments, "segments", true, "also write transcript segments (a few a call, saying what the hits say) for search and show")
	cmd.AddCommand(gen)
	return cmd
}

func runBenchGenerate(ctx context.Context, opts *benchGenerateOptions) error {
	cfg := store.GenerateConfig{Calls: opts.calls, Operators: opts.operators, Days: opts.days, Seed: opts.seed, Batch: opts.batch, Criteria: opts.criteria, Segments: opts.segments}
	if opts.calls <= 0 {
		return fmt.Errorf("--calls: want a positive number, got %d", opts.calls)
	}
	if opts.end != "" {
		t, err := time.Parse(time.DateOnly, opts.end)
		if err != nil {
			return fmt.Errorf("--end: want a date such as 2026-11-30, got %q", opts.end)
		}
		cfg.End = t.AddDate(0, 0, 1)
	}
	db, err := openDB(ctx, opts.g, store.Open)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		return err
	}
	last := time.Now()
	cfg.Progress = func(n int) {
		if time.Since(last) > 5*time.Second || n == opts.calls {
			fmt.Fprintf(opts.g.errOut, "callscope: %d/%d calls\n", n, opts.calls)
			last = time.Now()
		}
	}
	st, err := store.Generate(ctx, db, cfg)
	if err != nil {
		return err
	}
	secs := st.Elapsed.Seconds()
	fmt.Fprintf(opts.g.out, "generated %d calls, %d hits, %d criteria, %d segments in %.1f s (%.0f calls/s, %.0f rows/s in all)\n",
		st.Calls, st.Hits, st.Criteria, st.Segments, secs, float64(st.Calls)/secs, float64(st.Calls+st.Hits+st.Criteria+st.Segments)/secs)
	if opts.optimize {
		start := time.Now()
		if err := db.Exec(ctx, "OPTIMIZE TABLE calls FINAL"); err != nil {
			return fmt.Errorf("optimize calls: %w", err)
		}
		fmt.Fprintf(opts.g.out, "merged the calls table in %.1f s\n", time.Since(start).Seconds())
	}
	if size, err := store.TableSizes(ctx, db); err == nil {
		for _, s := range size {
			per := ""
			if st.Calls > 0 && s.Table == "calls" {
				per = fmt.Sprintf(" (%.0f bytes per call)", float64(s.Bytes)/float64(st.Calls))
			}
			fmt.Fprintf(opts.g.out, "  %-10s %12d rows %14d bytes on disk%s\n", s.Table, s.Rows, s.Bytes, per)
		}
	}
	return nil
}
