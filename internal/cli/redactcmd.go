package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

func init() { registerCommand(newRedactCmd) }

type redactOptions struct {
	g       *globals
	types   string
	explain bool
	in      io.Reader
	file    string
}

func newRedactCmd(g *globals) *cobra.Command {
	opts := &redactOptions{g: g}
	cmd := &cobra.Command{
		Use:   "redact [--types T,...] [--explain] FILE|-",
		Short: "Print a transcript with its personal data masked, as the transcribe stage stores it",
		Long: `redact reads a transcript JSON (the format of NAME.transcript.json, see
docs/ARCHITECTURE.md) from FILE or standard input and prints it in the same
format with personal data masked by the rules the transcribe stage applies
(docs/privacy.md): each masked word becomes its typed mask ("[phone]",
"[card]"...), keeping its times, and the transcript's "pii" field lists
what was masked (type, channel, times and rule, never the value).

A site can redact transcripts made elsewhere; an analyst can check the
rules. --explain prints, instead of the JSON, one line per masked span:
channel, times, type and the rule that fired.

--types limits the masking to some types (default: privacy.redact, which
defaults to all): phone, card, cvv, code, passport, snils, inn, account,
email, birthdate, address, name, number.`,
		Example: `  callscope redact call.transcript.json > call.redacted.json
  callscope redact --explain call.transcript.json
  cat t.json | callscope redact --types phone,card -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			opts.in = cmd.InOrStdin()
			if !cmd.Flags().Changed("types") {
				opts.types = g.cfg.Privacy.Redact
			}
			return runRedact(opts)
		},
	}
	cmd.Flags().StringVar(&opts.types, "types", "all", "types to mask, comma-separated, or all")
	cmd.Flags().BoolVar(&opts.explain, "explain", false, "list the masked spans (channel, times, type, rule) instead of printing the transcript")
	return cmd
}

func runRedact(opts *redactOptions) error {
	var data []byte
	var err error
	if opts.file == "-" {
		data, err = io.ReadAll(io.LimitReader(opts.in, 256<<20))
	} else {
		data, err = os.ReadFile(opts.file)
	}
	if err != nil {
		return fmt.Errorf("redact: %w", err)
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		return fmt.Errorf("redact: %s: %w", opts.file, err)
	}
	r, err := app.NewRedactor(opts.types)
	if err != nil {
		return fmt.Errorf("redact: --types: %w", err)
	}
	if r == nil {
		return fmt.Errorf("redact: --types %s masks nothing; name the types (%v) or all", opts.types, redact.Types())
	}
	out, rerr := r.Apply(tr)
	if rerr != nil {
		// Failed closed: the output is masked more, and says so.
		fmt.Fprintln(opts.g.errOut, "redact:", rerr)
	}
	w := opts.g.out
	if opts.explain {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CHANNEL\tSTART\tEND\tTYPE\tRULE")
		for _, s := range out.PII.Spans {
			fmt.Fprintf(tw, "%d %s\t%.2f\t%.2f\t%s\t%s\n", s.Channel, s.Role, s.Start, s.End, s.Type, s.Rule)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "%d spans\n", len(out.PII.Spans))
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
