package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/report"
)

func init() { registerCommand(newSearchCmd) }

type searchOptions struct {
	g        *globals
	filter   string
	channel  string
	from, to string
	tz       string
	limit    int
	format   string
}

func newSearchCmd(g *globals) *cobra.Command {
	opts := &searchOptions{g: g}
	cmd := &cobra.Command{
		Use:   `search "PHRASE" [--filter EXPR] [--channel operator|client] [--from DATE] [--to DATE] [--limit N]`,
		Short: "Find calls by words in their transcripts",
		Long: `search finds the transcript segments that contain every word of PHRASE, in
any order and inflection: words are normalized and stemmed as the phrase
dictionaries are, so "жалоба" finds "жалобу" and "жалобы". It prints each
segment with its call, the time in the call and the side; --filter and the
period narrow the calls searched (docs/filters.md).`,
		Example: `  callscope search --data .callscope "позовите руководителя"
  callscope search "перезвонить" --channel operator --filter 'department = Поддержка'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSearch(cmd.Context(), opts, args[0])
		},
	}
	g.bindStore(cmd.Flags())
	cmd.Flags().StringVar(&opts.filter, "filter", "", "filter expression (docs/filters.md)")
	cmd.Flags().StringVar(&opts.channel, "channel", "", "search one side only: operator, client or mixed")
	cmd.Flags().StringVar(&opts.from, "from", "", "first day, YYYY-MM-DD (inclusive)")
	cmd.Flags().StringVar(&opts.to, "to", "", "the day after the last, YYYY-MM-DD (excluded, unlike report's --to)")
	cmd.Flags().StringVar(&opts.tz, "tz", "UTC", "time zone of dates (IANA name, e.g. Europe/Moscow)")
	cmd.Flags().IntVar(&opts.limit, "limit", report.DefaultCallsLimit, "most segments to print")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output: table, csv or json")
	return cmd
}

func runSearch(ctx context.Context, opts *searchOptions, phrase string) error {
	req := report.SearchRequest{Phrase: phrase, Filter: opts.filter, Channel: opts.channel,
		From: opts.from, To: opts.to, TZ: opts.tz, Limit: opts.limit}
	if opts.channel != "" {
		if _, err := (report.SearchRequest{Phrase: "x", Channel: opts.channel}).Query(); err != nil {
			return err
		}
	}
	if err := checkListFlags(opts.format, opts.limit); err != nil {
		return err
	}
	if _, err := req.Query(); err != nil {
		return err
	}
	db, err := openDrillDB(ctx, opts.g)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := report.Search(withDictionaryCategories(ctx, opts.g), db, req)
	if err != nil {
		return err
	}
	return report.WriteSearchHits(opts.g.out, hits, opts.format)
}
