package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

type reportOptions struct {
	g        *globals
	from, to string
	format   string
}

func newReportCmd(g *globals) *cobra.Command {
	opts := &reportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "report [--from DATE] [--to DATE] [--format table|csv|json]",
		Short: "Print the slice report per operator",
		Long: `report prints, per operator: the number of calls, how many had a complaint,
a repeat contact or operator incompetence, the average talk time and the
average call duration, over the calls started in [--from, --to).

It reads the embedded engine in the data directory, or the ClickHouse
server named by --clickhouse (a read-only user is enough).`,
		Example: `  callscope report --data .callscope
  callscope report --clickhouse clickhouse://reader:pw@ch:9000/callscope --from 2026-11-01 --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReport(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded engine")
	cmd.Flags().StringVar(&opts.from, "from", "", "first day, YYYY-MM-DD (inclusive)")
	cmd.Flags().StringVar(&opts.to, "to", "", "last day, YYYY-MM-DD (exclusive)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output: table, csv or json")
	return cmd
}

func runReport(ctx context.Context, opts *reportOptions) error {
	var ro report.Options
	for _, p := range []struct {
		flag, value string
		dst         *time.Time
	}{{"--from", opts.from, &ro.From}, {"--to", opts.to, &ro.To}} {
		if p.value == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", p.value)
		if err != nil {
			return fmt.Errorf("%s: want a date such as 2026-11-01, got %q", p.flag, p.value)
		}
		*p.dst = t
	}
	dsn, err := dsnOf(opts.g)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := report.ByOperator(ctx, db, ro)
	if err != nil {
		return err
	}
	switch opts.format {
	case "table":
		return report.WriteTable(opts.g.out, rows)
	case "csv":
		return report.WriteCSV(opts.g.out, rows)
	case "json":
		return report.WriteJSON(opts.g.out, rows)
	default:
		return fmt.Errorf("--format: want table, csv or json, got %q", opts.format)
	}
}
