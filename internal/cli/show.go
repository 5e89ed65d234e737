package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/report"
)

func init() { registerCommand(newShowCmd) }

type showOptions struct {
	g      *globals
	format string
	color  string
	tz     string
}

func newShowCmd(g *globals) *cobra.Command {
	opts := &showOptions{g: g}
	cmd := &cobra.Command{
		Use:   "show CALL_ID [--format text|json] [--color auto|always|never]",
		Short: "Print one call: transcript with hits, parameters, score explained",
		Long: `show prints everything stored about a call's latest analysis: its metadata,
the transcript by channel in time order with the dictionary hits marked
(coloured on a terminal, [in brackets] otherwise) and their categories,
the measured parameters, and the score with every criterion's result and
its evidence.`,
		Example: `  callscope show --data .callscope 2026-11-18-000102
  callscope show 2026-11-18-000102 --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(cmd.Context(), opts, args[0])
		},
	}
	g.bindStore(cmd.Flags())
	cmd.Flags().StringVar(&opts.format, "format", "text", "output: text or json")
	cmd.Flags().StringVar(&opts.tz, "tz", "UTC", "time zone of the times shown (IANA name, e.g. Europe/Moscow)")
	cmd.Flags().StringVar(&opts.color, "color", "auto", "highlight hits with colour: auto (on a terminal), always or never")
	return cmd
}

func runShow(ctx context.Context, opts *showOptions, callID string) error {
	if opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("--format: want text or json, got %q", opts.format)
	}
	color, err := wantColor(opts.color, opts.g.out)
	if err != nil {
		return err
	}
	if _, err := time.LoadLocation(opts.tz); err != nil {
		return fmt.Errorf("--tz: unknown time zone %q: want an IANA name such as Europe/Moscow", opts.tz)
	}
	db, err := openDrillDB(ctx, opts.g)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := report.Show(ctx, db, callID, opts.tz)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return report.WriteCallDetailJSON(opts.g.out, d)
	}
	return report.WriteCallDetail(opts.g.out, d, report.ShowOptions{Color: color})
}

// wantColor decides on ANSI colour: auto means w is a terminal and
// NO_COLOR is not set.
func wantColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return colorTerminal(w), nil
	}
	return false, fmt.Errorf("--color: want auto, always or never, got %q", mode)
}
