package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/analyze/dicteval"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/model"
)

type dictTrainOptions struct {
	g          *globals
	dir        string
	lang       string
	category   string
	channel    string
	threshold  float64
	l2         float64
	maxDF      float64
	minAuthors int
	neutral    string
	neutShare  float64
	windowQ    float64
	neighW     float64
	out        string
	cv         bool
	cvL2       []float64
	thresholds []float64
	minPrec    float64
	minFlags   float64
	rule       string
	maxLoss    int
	minOwn     float64
	neighOdds  float64
	measure    []string
	listFlags  bool
	veto       []float64
	labels     []string
}

func newDictTrainCmd(g *globals) *cobra.Command {
	opts := &dictTrainOptions{g: g}
	cmd := &cobra.Command{
		Use:   "train --lang LANG --category CATEGORY [--out FILE] LABELS...",
		Short: "Train a category model on labelled calls, or cross-validate one by author",
		Long: `train fits the trained model of one category (docs/models.md): a
logistic model over the stems and stem pairs of the
category's channel, trained on every call of LABELS (labels.jsonl files or
directories of them) labelled for the category. It writes the model as JSON
to --out (or prints it); put it in DICTS/models/LANG/CATEGORY.json next to
the dictionaries and the analyzer uses it where the phrases find nothing.

With --cv each LABELS argument is one author: its parts joined by commas,
and optionally =DICTS, the dictionary folder to measure that author's calls
with (the dictionaries as they were before they saw that author; default
--dir, else the built-ins, without their models). The cross-validation is
nested: each author is held out in turn, --l2 and --threshold are chosen
among --cv-l2 and --cv-thresholds by a cross-validation on the other
authors alone, a model with them is trained on those authors, and the
held-out calls are scored by the phrases alone and by the phrases or the
model. The rule (--cv-rule authors) counts, for each author, the labels the
model's own flags (the calls it flags where the phrases found nothing) made
right less those they made wrong: a setting passes when the F1 of all the
authors' calls added up rises over the phrases', more authors gain labels
net than lose them, no author loses more than --cv-max-author-loss, and the
model's own flags, all authors' added up, are right at least
--cv-min-own-precision of the time (0.75), and the share of the neighbour
calls (no instance, but one of another category of the channel: a
complaint without a threat, for churn_threat) the model flags, times
--cv-neighbour-odds (4), is at most the share of the instances its own
flags find; of those, the best pooled F1 is chosen, and when none passes, the model is off
and that author is counted with the phrases alone. Under the table, the
held-out verdict: the same rule on the held-out authors, "ship" or "model
OFF": ship no model of that category. --cv-rule worst-author is the older
rule: the model's own flags right at least --cv-min-flag-precision of the
time on EVERY author and no author's F1 lowered. category. The last line gives the settings the same search chooses on every
author: the ones to train the shipped model with. --cv-flags lists the
model's own flags on the held-out authors, right or WRONG. An author named in
--cv-measure-only is held out and counted like the others, but no model
learns from it (the built-in en complaint model leaves out the generator's
dev and heldout that way). --cv-veto LEVELS tries the model as a veto on its
phrases instead: a phrase hit dropped where the model, trained without that
author, scores under a level.`,
		Example: `  callscope dict train --lang ru --category complaint --out dictionaries/models/ru/complaint.json \
      testdata/labelled/ru/dev testdata/labelled/ru/heldout testdata/labelled/ru/blind testdata/labelled/ru/blind2 testdata/labelled/ru/blind3 testdata/labelled/ru/blind4 testdata/labelled/ru/blind5
  callscope dict train --cv --lang ru --category complaint testdata/labelled/ru/dev,testdata/labelled/ru/heldout \
      testdata/labelled/ru/blind=/tmp/d2e28247/dictionaries testdata/labelled/ru/blind2 testdata/labelled/ru/blind3`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.labels = args
			f := cmd.Flags()
			if !f.Changed("threshold") {
				opts.threshold = 0
			}
			if !f.Changed("l2") {
				opts.l2 = 0
			}
			return runDictTrain(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dir, "dir", "", "dictionaries whose phrases --cv measures (default: dictionaries.dir, else the built-in ones)")
	f.StringVar(&opts.lang, "lang", "", "language of the calls (required)")
	f.StringVar(&opts.category, "category", "", "category to train (required)")
	f.StringVar(&opts.channel, "channel", "", "role whose utterances the model reads (default: the built-in model's, client)")
	f.Float64Var(&opts.threshold, "threshold", 0, "probability the model flags from (default: the built-in model's)")
	f.Float64Var(&opts.l2, "l2", 0, "L2 regularisation (default: the built-in model's)")
	f.Float64Var(&opts.maxDF, "max-df", 0, "drop features in more than this share of the calls (default: the built-in model's)")
	f.IntVar(&opts.minAuthors, "min-authors", 0, "drop features found in the calls of fewer authors (LABELS arguments; default: the built-in model's)")
	f.StringVar(&opts.neutral, "neutral", "", "neutral client utterances, one a line, to train against as negatives (default: the built-in dictionaries/models/neutral/LANG.txt and LANG.CATEGORY.txt; none: no neutral calls)")
	f.Float64Var(&opts.neutShare, "neutral-share", 0, "neutral calls made per labelled call (default: the built-in model's; 0.5 with --neutral FILE for a category without one)")
	f.Float64Var(&opts.windowQ, "window-quantile", 0, "share of the training calls whose channel fits in the model's window (default: the built-in model's, 0.75)")
	f.Float64Var(&opts.neighW, "neighbour-weight", 0, "weight in training of a neighbour call (no instance, but one of another category of the channel: a complaint without a threat, for churn_threat) against another call (default: the built-in model's, else 1)")
	f.StringVar(&opts.out, "out", "", "write the model to this file (default: print it)")
	f.BoolVar(&opts.cv, "cv", false, "cross-validate, leaving out one author (one argument) at a time")
	f.Float64SliceVar(&opts.cvL2, "cv-l2", model.DefaultGrid.L2, "--cv: the L2 strengths to choose from")
	f.Float64SliceVar(&opts.thresholds, "cv-thresholds", model.DefaultGrid.Thresholds, "--cv: the thresholds to choose from")
	f.StringSliceVar(&opts.measure, "cv-measure-only", nil, "--cv: authors (their LABELS argument's first part) held out and counted but never trained on")
	f.Float64SliceVar(&opts.veto, "cv-veto", nil, "--cv: instead of the cross-validation, try the model as a veto on its phrases: drop a phrase hit on a channel the model, trained without that author at --l2, scores under each of these probabilities (docs/models.md)")
	f.BoolVar(&opts.listFlags, "cv-flags", false, "--cv: list the model's own flags on the held-out authors, each call right or WRONG")
	f.StringVar(&opts.rule, "cv-rule", "authors", "--cv: the rule that chooses a setting and gives the verdict: authors (the pooled F1 rises, more authors gain labels net than lose them, none loses more than --cv-max-author-loss) or worst-author (--cv-min-flag-precision)")
	f.IntVar(&opts.maxLoss, "cv-max-author-loss", model.DefaultGrid.MaxAuthorLoss, "--cv, --cv-rule authors: the most labels net (the model's wrong flags less its right ones) one author may lose")
	f.Float64Var(&opts.minOwn, "cv-min-own-precision", model.DefaultGrid.MinOwnPrecision, "--cv, --cv-rule authors: the precision the model's own flags (where the phrases found nothing), all authors' added up, must reach (0: no guard)")
	f.Float64Var(&opts.neighOdds, "cv-neighbour-odds", model.DefaultGrid.NeighbourOdds, "--cv, --cv-rule authors: neighbour calls (no instance, but one of another category of the channel: a complaint without a threat, for churn_threat) per instance in traffic; the share of them the model flags, times this, must be at most the share of the instances its own flags find, all authors added up (0: no check)")
	f.Float64Var(&opts.minFlags, "cv-min-flag-precision", model.DefaultGrid.MinFlagPrecision, "--cv, --cv-rule worst-author: the precision the model's own flags must reach on every author, the worst deciding, for a setting to be chosen; when none does, the model is off (0: the rule of --cv-min-precision)")
	f.Float64Var(&opts.minPrec, "cv-min-precision", model.DefaultGrid.MinPrecision, "--cv, --cv-rule worst-author with --cv-min-flag-precision 0: the precision of the phrases or the model, all authors' calls added up, a setting must reach to be chosen (0: none; when no setting reaches it, the best F1)")
	_ = cmd.MarkFlagRequired("lang")
	_ = cmd.MarkFlagRequired("category")
	return cmd
}

func runDictTrain(opts *dictTrainOptions) error {
	g := opts.g
	mopt, err := model.Resolve(model.Options{Language: opts.lang, Category: opts.category, Channel: opts.channel,
		Threshold: opts.threshold, L2: opts.l2, MaxDF: opts.maxDF, MinAuthors: opts.minAuthors, NeutralShare: opts.neutShare, WindowQuantile: opts.windowQ, NeighbourWeight: opts.neighW})
	if err != nil {
		return fmt.Errorf("dict train: %w", err)
	}
	switch opts.neutral {
	case "":
		mopt.Neutral = dicteval.BuiltinNeutral(opts.lang, opts.category)
	case "none":
	default:
		data, err := os.ReadFile(opts.neutral)
		if err != nil {
			return fmt.Errorf("dict train: --neutral: %w", err)
		}
		if mopt.Neutral = model.ParseNeutral(data); len(mopt.Neutral) == 0 {
			return fmt.Errorf("dict train: --neutral %s: no utterance in it", opts.neutral)
		}
		// A file named on the command line is meant to be used, also for a
		// category whose built-in settings have no neutral calls.
		if mopt.NeutralShare == 0 {
			mopt.NeutralShare = model.DefaultNeutralShare
		}
	}
	phrases, err := phrasesOnly(dictOf(g, opts.dir), g)
	if err != nil {
		return err
	}
	if len(opts.measure) > 0 && !opts.cv {
		return fmt.Errorf("dict train: --cv-measure-only needs --cv (to train without an author, leave it out of LABELS)")
	}
	if !opts.cv {
		var calls []dicteval.Call
		for _, l := range opts.labels {
			cs, err := dicteval.Load(l)
			if err != nil {
				return fmt.Errorf("dict train: %w", err)
			}
			calls = append(calls, cs...)
		}
		m, err := dicteval.TrainModel(phrases, calls, mopt)
		if err != nil {
			return fmt.Errorf("dict train: %w", err)
		}
		if why := model.HeldOutOff(m.Language, m.Category); why != "" {
			fmt.Fprintf(g.errOut, "dict train: note: the built-ins ship no %s/%s model: %s; measure yours with --cv before using it (docs/models.md)\n",
				m.Language, m.Category, why)
		}
		data, err := m.Marshal()
		if err != nil {
			return err
		}
		if opts.out == "" {
			_, err = g.out.Write(data)
			return err
		}
		if err := os.WriteFile(opts.out, data, 0o644); err != nil {
			return fmt.Errorf("dict train: %w", err)
		}
		fmt.Fprintf(g.errOut, "dict train: %s/%s: %d calls (%d positive) and %d neutral, %d features, threshold %g: %s\n",
			m.Language, m.Category, m.Training.Calls, m.Training.Positives, m.Training.Neutral, len(m.Weights), m.Threshold, opts.out)
		return nil
	}
	var authors []dicteval.Author
	var firsts []string
	for _, arg := range opts.labels {
		parts, dir, _ := strings.Cut(arg, "=")
		first, _, _ := strings.Cut(parts, ",")
		firsts = append(firsts, first)
		a := dicteval.Author{Name: parts, Phrases: phrases, MeasureOnly: slices.Contains(opts.measure, first)}
		if dir != "" {
			if a.Phrases, err = phrasesOnly(dictSource{path: dir}, g); err != nil {
				return err
			}
			a.Name += " @" + dir
		}
		if a.MeasureOnly {
			a.Name += " (not learnt)"
		}
		for _, p := range strings.Split(parts, ",") {
			cs, err := dicteval.Load(p)
			if err != nil {
				return fmt.Errorf("dict train: %w", err)
			}
			a.Calls = append(a.Calls, cs...)
		}
		authors = append(authors, a)
	}
	// A name that matches no author would silently be learnt from.
	for _, m := range opts.measure {
		if !slices.Contains(firsts, m) {
			return fmt.Errorf("dict train: --cv-measure-only %s is no author's first part (%s)", m, strings.Join(firsts, ", "))
		}
	}
	grid := model.Grid{L2: opts.cvL2, Thresholds: opts.thresholds, MinPrecision: opts.minPrec, MinFlagPrecision: opts.minFlags, MaxAuthorLoss: opts.maxLoss, MinOwnPrecision: opts.minOwn, NeighbourOdds: opts.neighOdds}
	switch opts.rule {
	case "authors":
		grid.ByAuthor = true
		if opts.maxLoss < 0 {
			return fmt.Errorf("dict train: --cv-max-author-loss %d: want 0 or more", opts.maxLoss)
		}
		if !(opts.minOwn >= 0 && opts.minOwn <= 1) {
			return fmt.Errorf("dict train: --cv-min-own-precision %g: want a share from 0 to 1", opts.minOwn)
		}
		if !(opts.neighOdds >= 0) {
			return fmt.Errorf("dict train: --cv-neighbour-odds %g: want 0 or more", opts.neighOdds)
		}
	case "worst-author":
	default:
		return fmt.Errorf("dict train: --cv-rule %q: want authors or worst-author", opts.rule)
	}
	if len(opts.veto) > 0 {
		t, err := dicteval.TrialVeto(authors, mopt, opts.veto)
		if err != nil {
			return fmt.Errorf("dict train: %w", err)
		}
		_, err = fmt.Fprint(g.out, t)
		return err
	}
	res, err := dicteval.CrossValidate(authors, mopt, grid)
	if err != nil {
		return fmt.Errorf("dict train: %w", err)
	}
	if _, err = fmt.Fprint(g.out, res); err != nil || !opts.listFlags {
		return err
	}
	_, err = fmt.Fprint(g.out, res.FlagList())
	return err
}

// phrasesOnly loads a set and compiles it without its models.
func phrasesOnly(src dictSource, g *globals) (*match.Matcher, error) {
	m, err := loadOrReport(src, g.errOut)
	if err != nil {
		return nil, err
	}
	if len(m.Set().Models) == 0 {
		return m, nil
	}
	return match.Compile(m.Set().WithoutModels())
}
