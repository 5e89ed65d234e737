package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

func init() { registerCommand(newCallsCmd) }

type callsOptions struct {
	g        *globals
	filter   string
	slices   []string
	from, to string
	tz       string
	limit    int
	format   string
	fields   bool
}

func newCallsCmd(g *globals) *cobra.Command {
	opts := &callsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "calls [--filter EXPR] [--slice NAME=VALUE]... [--from DATE] [--to DATE] [--limit N] [--format table|csv|json]",
		Short: "List the calls behind a report cell",
		Long: `calls lists the calls that match a filter (docs/filters.md) and report
slices, oldest first: call id, start, operator, department, duration, score
and categories. --slice takes a report's dimension and the key it printed
(operator=op-12, day=2026-11-20, week=2026-11-16, month=2026-11,
category=complaint, score_band=2-3, client=repeat...), so a number in a
report leads to its calls. 'callscope show CALL_ID' then prints one call.

--fields lists every filter field with its type.`,
		Example: `  callscope calls --data .callscope --slice operator=op-12 --slice month=2026-11
  callscope calls --filter 'has complaint and wait > 1m' --format csv
  callscope calls --filter 'department = Поддержка and silence_longest > 10s' --tz Europe/Moscow`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCalls(cmd.Context(), opts)
		},
	}
	g.bindStore(cmd.Flags())
	cmd.Flags().StringVar(&opts.filter, "filter", "", "filter expression (docs/filters.md)")
	cmd.Flags().StringArrayVar(&opts.slices, "slice", nil, "report cell as NAME=VALUE (repeatable): "+strings.Join(report.SliceNames(), ", "))
	cmd.Flags().StringVar(&opts.from, "from", "", "first day, YYYY-MM-DD (inclusive)")
	cmd.Flags().StringVar(&opts.to, "to", "", "the day after the last, YYYY-MM-DD (excluded, unlike report's --to)")
	cmd.Flags().StringVar(&opts.tz, "tz", "UTC", "time zone of dates, days, hours (IANA name, e.g. Europe/Moscow)")
	cmd.Flags().IntVar(&opts.limit, "limit", report.DefaultCallsLimit, "most calls to list")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output: table, csv or json")
	cmd.Flags().BoolVar(&opts.fields, "fields", false, "list the filter fields and exit")
	return cmd
}

func runCalls(ctx context.Context, opts *callsOptions) error {
	if opts.fields {
		return writeFilterFields(opts.g)
	}
	if err := checkListFlags(opts.format, opts.limit); err != nil {
		return err
	}
	req := report.CallsRequest{Filter: opts.filter, Slices: opts.slices, From: opts.from, To: opts.to,
		TZ: opts.tz, Limit: opts.limit}
	if _, err := req.Query(); err != nil {
		return err
	}
	db, err := openDrillDB(ctx, opts.g)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := report.Calls(withDictionaryCategories(ctx, opts.g), db, req)
	if err != nil {
		return err
	}
	return report.WriteCalls(opts.g.out, list, opts.format)
}

// checkListFlags checks the --format and --limit of a command that lists
// drill-down rows (calls, search), before anything is opened.
func checkListFlags(format string, limit int) error {
	if format != report.FormatTable && format != report.FormatCSV && format != report.FormatJSON {
		return fmt.Errorf("--format: want table, csv or json, got %q", format)
	}
	if limit <= 0 {
		return fmt.Errorf("--limit: want a positive number, got %d", limit)
	}
	return nil
}

func openDrillDB(ctx context.Context, g *globals) (store.DB, error) {
	return openDB(ctx, g, store.OpenExisting) // only reads: never creates a data directory
}

// writeFilterFields prints the filter fields: name, type, meaning.
func writeFilterFields(g *globals) error {
	tw := tabwriter.NewWriter(g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FIELD\tTYPE\tMEANING")
	for _, f := range filter.Fields() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Name, f.Type, f.Doc)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(g.out, "\n%d fields; syntax and examples: docs/filters.md\n", len(filter.Fields()))
	return err
}
