package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/analyze/dicteval"
	"github.com/callscope/callscope/analyze/match"
)

// ErrBelowMinF1 is returned by `dict eval --min-f1` when a category scores
// under the minimum.
var ErrBelowMinF1 = errors.New("a category is below the minimum F1")

type dictEvalOptions struct {
	g           *globals
	dir         string
	labels      string
	format      string
	minF1       float64
	categories  []string
	strictMixed bool
	errorsLimit int
	noModels    bool
}

func newDictEvalCmd(g *globals) *cobra.Command {
	opts := &dictEvalOptions{g: g}
	cmd := &cobra.Command{
		Use:   "eval [--dir DICTS] LABELS",
		Short: "Measure a dictionary set on labelled calls: precision, recall and F1 per category",
		Long: `eval runs a dictionary set over labelled calls and scores each category:
calls flagged rightly (TP) and wrongly (FP), calls missed (FN), precision,
recall and F1, per language, with the set's trained models where the
phrases find nothing (--no-models: the phrases alone). Every false positive is listed with the call,
channel, time and the phrase that fired; every false negative with the
wording of the category that came nearest and the words it lacked.

LABELS is a labels.jsonl file or a directory in which every labels.jsonl is
read (docs/dictionaries.md, "Measuring a dictionary"). With --min-f1 the
command exits non-zero when a category scores under it, so a dictionary can
be tested before it is published.`,
		Example: `  callscope dict eval testdata/labelled
  callscope dict eval --dir my-dictionaries --min-f1 0.9 testdata/labelled/ru/dev
  callscope dict eval --format json testdata/labelled/en`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.labels = args[0]
			return runDictEval(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dir, "dir", "", "dictionary directory (default: dictionaries.dir, else the built-in ones)")
	f.StringVar(&opts.format, "format", "text", "output: text or json")
	f.Float64Var(&opts.minF1, "min-f1", 0, "exit non-zero when a category's F1 is under this (0..1)")
	f.StringSliceVar(&opts.categories, "category", nil, "score only these categories (default: every labelled one)")
	f.BoolVar(&opts.strictMixed, "strict-mixed", false, "a mixed channel matches only channel-any phrases")
	f.BoolVar(&opts.noModels, "no-models", false, "measure the phrases alone, without the set's trained models")
	f.IntVar(&opts.errorsLimit, "errors", 50, "text output: list at most this many errors per category (0: none, -1: all)")
	return cmd
}

func runDictEval(opts *dictEvalOptions) error {
	g := opts.g
	if opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("dict eval: --format: want text or json, got %q", opts.format)
	}
	if opts.minF1 < 0 || opts.minF1 > 1 {
		return fmt.Errorf("dict eval: --min-f1: want a number from 0 to 1, got %g", opts.minF1)
	}
	m, err := loadOrReport(dictOf(g, opts.dir), g.errOut)
	if err != nil {
		return err
	}
	if opts.noModels {
		if m, err = phrasesOnly(dictOf(g, opts.dir), g); err != nil {
			return err
		}
	}
	calls, err := dicteval.Load(opts.labels)
	if err != nil {
		return fmt.Errorf("dict eval: %w", err)
	}
	rep := dicteval.Evaluate(m, calls, dicteval.Options{Categories: opts.categories,
		Call: match.CallOptions{StrictMixed: opts.strictMixed}})
	if opts.format == "json" {
		enc := json.NewEncoder(g.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		writeEvalReport(g.out, rep, opts.errorsLimit)
	}
	if opts.minF1 > 0 {
		if below := rep.Below(opts.minF1); len(below) > 0 {
			var names []string
			for _, s := range below {
				names = append(names, fmt.Sprintf("%s/%s %.3f", s.Language, s.Category, s.F1))
			}
			return fmt.Errorf("dict eval: %s: %w %.3f", strings.Join(names, ", "), ErrBelowMinF1, opts.minF1)
		}
	}
	return nil
}

func writeEvalReport(w io.Writer, rep dicteval.Report, limit int) {
	fmt.Fprintf(w, "dictionaries %s, %d labelled calls\n\n", rep.Version, rep.Calls)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "LANG\tCATEGORY\tCALLS\tTP\tFP\tFN\tTN\tPRECISION\tRECALL\tF1\t")
	lang := ""
	for _, s := range rep.Scores {
		if lang != "" && s.Language != lang {
			fmt.Fprintf(tw, "%s\tmacro F1\t\t\t\t\t\t\t\t%.3f\t\n", lang, rep.MacroF1[lang])
		}
		lang = s.Language
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.Language, s.Category, s.Calls,
			s.TP, s.FP, s.FN, s.TN, s.Precision, s.Recall, s.F1)
	}
	if lang != "" {
		fmt.Fprintf(tw, "%s\tmacro F1\t\t\t\t\t\t\t\t%.3f\t\n", lang, rep.MacroF1[lang])
	}
	tw.Flush()
	if limit == 0 || len(rep.Errors) == 0 {
		return
	}
	fmt.Fprintln(w)
	shown := map[string]int{}
	for _, e := range rep.Errors {
		k := e.Language + "/" + e.Category
		shown[k]++
		if limit > 0 && shown[k] > limit {
			if shown[k] == limit+1 {
				fmt.Fprintf(w, "%s: more errors left out (--errors -1 lists all)\n", k)
			}
			continue
		}
		switch e.Kind {
		case "false_positive":
			if e.Probability > 0 {
				fmt.Fprintf(w, "FP %s %s: %s %s %.2fs p %.2f (flags from %.2f), weighed most «%s»\n", k, e.Call, e.Channel, e.PhraseID, e.Start,
					e.Probability, e.Threshold, e.Text)
				continue
			}
			fmt.Fprintf(w, "FP %s %s: %s %s %.2fs fired on «%s» in «%s»\n", k, e.Call, e.Channel, e.PhraseID, e.Start, e.Text, e.Utterance)
		default:
			model := ""
			if e.Threshold > 0 {
				model = fmt.Sprintf("; model p %.2f (flags from %.2f)", e.Probability, e.Threshold)
				if e.ModelUtterance != "" {
					model += fmt.Sprintf(", weighed most «%s»", e.ModelUtterance)
				}
			}
			if e.Nearest == "" {
				fmt.Fprintf(w, "FN %s %s: nothing of the category comes close%s\n", k, e.Call, model)
				continue
			}
			lacks := "lacks " + strings.Join(e.Missing, " ")
			switch {
			case len(e.Missing) > 0:
			case e.Cancelled != "":
				lacks = "has its words, " + e.Cancelled
			default:
				lacks = "has its words' stems, not in its order, span or exact forms"
			}
			fmt.Fprintf(w, "FN %s %s: %s %.2fs «%s»: nearest %s «%s», %s%s\n", k, e.Call, e.Channel, e.Start, e.Text,
				e.PhraseID, e.Nearest, lacks, model)
		}
	}
}
