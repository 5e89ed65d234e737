package cli

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

type reportOptions struct {
	g        *globals
	def      string
	by       string
	measures string
	filter   string
	from, to string
	period   string
	tz       string
	compare  bool
	sort     string
	top      int
	bottom   int
	format   string
}

func newReportCmd(g *globals) *cobra.Command {
	opts := &reportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "report [--by DIMS] [--filter EXPR] [--from DATE --to DATE | --period NAME] [--def FILE]",
		Short: "Print a slice report: any dimensions, filter and period",
		Long: `report slices the analysed calls by one or more dimensions and prints, per
slice, the measures a quality manager follows: calls, the share of calls
with a complaint, repeat contact or incompetence, the average score, the
CSAT index (% of ratings 4 or 5 of 5), talk time and duration.

Dimensions (--by, comma-separated): operator, department, queue, direction,
language, day, week, month, year, hour, weekday, category, score_band,
client (first-time or repeat caller), profile, channels.

Measures (--measures): calls, avg_duration, avg_talk, avg_wait, avg_score,
csat_index, csat_responses, scored, cat:CATEGORY (calls with a hit),
pct:CATEGORY (their share), param:NAME (a parameter's average).

--from and --to are dates, both included; --period names a period relative
to today (last-week, this-month, last-30-days...). Dates and time slices are
in --tz. --compare adds the change against the previous period of the same
length (or, when slicing by day/week/month/year, the previous bucket).
--def reads a named report definition (YAML); flags given on the command
line override it. See docs/reports.md.

It only reads: a ClickHouse user with read-only rights is enough.`,
		Example: `  callscope report --data .callscope
  callscope report --by operator,month --filter 'department = "Поддержка" and direction = inbound and duration > 2m'
  callscope report --by department --period last-week --compare --format markdown
  callscope report --by operator --sort avg_score --bottom 10 --from 2026-11-01 --to 2026-11-30
  callscope report --def weekly.yaml --clickhouse clickhouse://reader:pw@ch:9000/callscope`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReport(cmd.Context(), opts, cmd.Flags().Changed)
		},
	}
	g.bindStore(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&opts.def, "def", "", "report definition file (YAML)")
	f.StringVar(&opts.by, "by", strings.Join(report.DefaultBy, ","), "dimensions, comma-separated")
	f.StringVar(&opts.measures, "measures", "", "measures, comma-separated (default: "+strings.Join(report.DefaultMeasures, ",")+")")
	f.StringVar(&opts.filter, "filter", "", "filter expression, e.g. 'department = \"Продажи\" and duration > 2m'")
	f.StringVar(&opts.from, "from", "", "first day, YYYY-MM-DD (included)")
	f.StringVar(&opts.to, "to", "", "last day, YYYY-MM-DD (included)")
	f.StringVar(&opts.period, "period", "", "named period: "+strings.Join(report.Periods, ", "))
	f.StringVar(&opts.tz, "tz", "UTC", "time zone of dates and time slices, e.g. Europe/Moscow")
	f.BoolVar(&opts.compare, "compare", false, "add the change against the previous period")
	f.StringVar(&opts.sort, "sort", "", "order rows by this measure, largest first")
	f.IntVar(&opts.top, "top", 0, "keep the N largest rows (by --sort, default calls)")
	f.IntVar(&opts.bottom, "bottom", 0, "keep the N smallest rows (by --sort, default calls)")
	f.StringVar(&opts.format, "format", "table", "output: table, csv, json or markdown")
	return cmd
}

// reportDefinition merges the definition file and the flags set on the
// command line into a report definition and an output format.
func reportDefinition(opts *reportOptions, changed func(string) bool) (report.Definition, string, error) {
	var def report.Definition
	if opts.def != "" {
		d, err := report.LoadDefinition(opts.def)
		if err != nil {
			return report.Definition{}, "", err
		}
		def = d
	}
	set := func(flag string, dst *string, v string) {
		if changed(flag) || opts.def == "" {
			*dst = v
		}
	}
	if changed("by") || opts.def == "" {
		def.By = report.SplitList(opts.by)
	}
	if changed("measures") || opts.def == "" {
		def.Measures = report.SplitList(opts.measures)
	}
	set("filter", &def.Filter, opts.filter)
	set("tz", &def.Timezone, opts.tz)
	set("sort", &def.Sort, opts.sort)
	set("format", &def.Format, opts.format)
	if changed("from") || changed("to") || changed("period") {
		def.From, def.To, def.Period = opts.from, opts.to, opts.period
	}
	if changed("compare") || opts.def == "" {
		def.Compare = opts.compare
	}
	if changed("top") || changed("bottom") || opts.def == "" {
		def.Top, def.Bottom = opts.top, opts.bottom
	}
	if def.Format == "" {
		def.Format = "table"
	}
	return def, def.Format, nil
}

func runReport(ctx context.Context, opts *reportOptions, changed func(string) bool) error {
	def, format, err := reportDefinition(opts, changed)
	if err != nil {
		return err
	}
	// The spec is checked before the database is opened: a wrong flag is
	// reported without one.
	if _, err := def.Spec(time.Now()); err != nil {
		return err
	}
	db, err := openDB(ctx, opts.g, store.OpenExisting)
	if err != nil {
		return err
	}
	defer db.Close()
	// Reports only read: check the schema instead of migrating, so a
	// read-only user gets a clear message.
	if err := store.CheckSchema(ctx, db); err != nil {
		return err
	}
	res, err := report.Run(withDictionaryCategories(ctx, opts.g), db, def, time.Now())
	if err != nil {
		return err
	}
	return res.Write(opts.g.out, format)
}
