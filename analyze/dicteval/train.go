package dicteval

import (
	"cmp"
	"fmt"
	"io/fs"
	"strings"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/model"
	"github.com/callscope/callscope/dictionaries"
)

// BuiltinNeutral are the neutral client utterances the built-in model of
// a category is trained against (model.Options.Neutral): the language's
// (dictionaries/models/neutral/LANG.txt), then the category's own, if it
// has a file (LANG.CATEGORY.txt: lines that are no instance of this
// category though they are of another, such as a grievance without a
// threat for churn_threat; docs/models.md). None for a language without
// a file.
func BuiltinNeutral(lang, category string) []string {
	data, err := fs.ReadFile(dictionaries.FS, "models/neutral/"+lang+".txt")
	if err != nil {
		return nil
	}
	lines := model.ParseNeutral(data)
	if own, err := fs.ReadFile(dictionaries.FS, "models/neutral/"+lang+"."+category+".txt"); err == nil {
		lines = append(lines, model.ParseNeutral(own)...)
	}
	return lines
}

// TrainModel trains the model of one category and language on labelled
// calls (every call of that language labelled for the category; the
// channel's utterances, opt.Channel). m's phrases do not change the
// model; they are only reported in the examples.
func TrainModel(m *match.Matcher, calls []Call, opt model.Options) (*model.Model, error) {
	return model.Train(Examples(m, calls, opt.Language, opt.Category, opt.Channel), opt)
}

// Author is one fold of a cross-validation: the labelled calls of one
// author (one or more parts) and the phrases to measure on them: the
// dictionaries as they were before they were tuned on this author, for an
// honest figure, or the current ones.
type Author struct {
	Name    string
	Calls   []Call
	Phrases *match.Matcher
	// MeasureOnly: the author's calls are held out and counted, never
	// trained on (model.Fold.MeasureOnly).
	MeasureOnly bool
}

// CVResult is a nested leave-one-author-out cross-validation of one
// category (model.NestedCV), and the settings the same search chooses on
// every author (what the built-in model is trained with).
type CVResult struct {
	Language string               `json:"language"`
	Category string               `json:"category"`
	Folds    []model.NestedResult `json:"folds"`
	// Dictionary and Combined add up the folds' calls: the phrases alone,
	// and the phrases or the model.
	Dictionary model.Counts `json:"dictionary"`
	Combined   model.Counts `json:"combined"`
	// Selected is the setting chosen by cross-validation on all the
	// authors (or the model off), with its mean F1 there (not a measure:
	// it was chosen on these figures).
	Selected model.Selection `json:"selected"`
	// Grid is what was searched, and the target of the model's flags.
	Grid model.Grid `json:"grid"`
	// Flags are the model's own flags on the held-out authors (the calls
	// it flagged where the phrases found nothing), author by author: what
	// a manager would have been shown, right or wrong.
	Flags []CVFlag `json:"flags"`
	// Ship is the verdict of the held-out figures. With Grid.ByAuthor
	// (the default), the author rule on the held-out authors (Authors
	// passes: the pooled F1 of the phrases or the model above the
	// phrases' alone, more authors gaining labels net than losing them,
	// none losing more than Grid.MaxAuthorLoss, the model's own flags
	// right at least Grid.MinOwnPrecision of the time); otherwise the model's own
	// flags right at least Grid.MinFlagPrecision of the time on the worst
	// held-out author, and no held-out author's F1 under its phrases'
	// alone. Either way a setting must be chosen on all authors. Selected
	// is chosen on the same authors it is measured on; only the held-out
	// authors say what a new one gets, so a category whose model fails
	// here ships no model (docs/models.md).
	Ship bool `json:"ship"`
	// Authors is the author rule's tally of the held-out authors.
	Authors model.AuthorTally `json:"authors"`
	// Worst is the held-out author whose model flags were right least
	// often ("" when the model flagged nothing on any), WorstFlags those
	// flags; Lowered the held-out authors whose F1 the model lowered.
	Worst      string       `json:"worst,omitempty"`
	WorstFlags model.Counts `json:"worst_flags"`
	Lowered    []string     `json:"lowered,omitempty"`
}

// CVFlag is one call a model flagged on a held-out author where that
// author's phrases found nothing.
type CVFlag struct {
	Author      string  `json:"author"`
	Call        string  `json:"call"`
	Probability float64 `json:"probability"`
	Threshold   float64 `json:"threshold"`
	// Right: the call is labelled an instance of the category.
	Right bool `json:"right"`
	// Neighbour: a wrong flag on an instance of another category of the
	// channel (model.Example.Neighbour).
	Neighbour bool `json:"neighbour,omitempty"`
}

// CrossValidate runs a nested leave-one-author-out cross-validation of
// one category: each author is held out in turn, L2 and threshold are
// chosen from grid by cross-validation on the other authors, a model with
// them is trained on those authors, and the held-out author's calls are
// counted flagged by that author's phrases alone and by the phrases or the
// model.
func CrossValidate(authors []Author, opt model.Options, grid model.Grid) (CVResult, error) {
	var folds []model.Fold
	for _, a := range authors {
		folds = append(folds, model.Fold{Name: a.Name, Examples: Examples(a.Phrases, a.Calls, opt.Language, opt.Category, opt.Channel), MeasureOnly: a.MeasureOnly})
	}
	res, err := model.NestedCV(folds, opt, grid)
	if err != nil {
		return CVResult{}, err
	}
	out := CVResult{Language: opt.Language, Category: opt.Category, Folds: res, Grid: grid, Ship: true}
	for i, f := range res {
		out.Dictionary = out.Dictionary.Plus(f.Dictionary)
		out.Combined = out.Combined.Plus(f.Combined)
		if !f.Chosen.Off {
			for k, e := range folds[i].Examples {
				if p := f.Probabilities[k]; !e.Phrase && p >= f.Chosen.Threshold {
					out.Flags = append(out.Flags, CVFlag{Author: f.Name, Call: e.ID, Probability: p, Threshold: f.Chosen.Threshold, Right: e.Label, Neighbour: e.Neighbour})
				}
			}
		}
		a := model.Added(f.Dictionary, f.Combined)
		if n := a.TP + a.FP; n > 0 && (out.Worst == "" || a.Precision() < out.WorstFlags.Precision()) {
			out.Worst, out.WorstFlags = f.Name, a
		}
		if f.Combined.F1() < f.Dictionary.F1()-1e-12 {
			out.Lowered = append(out.Lowered, f.Name)
		}
	}
	fr := make([]model.FoldResult, len(res))
	for i, f := range res {
		fr[i] = f.FoldResult
	}
	out.Authors = model.TallyAuthors(fr)
	if out.Selected, err = model.Select(folds, opt, grid); err != nil {
		return CVResult{}, err
	}
	if grid.ByAuthor {
		out.Ship = !out.Selected.Off && out.Authors.Passes(grid)
	} else if out.Selected.Off || out.Worst != "" && out.WorstFlags.Precision() < grid.MinFlagPrecision-1e-12 || len(out.Lowered) > 0 {
		out.Ship = false
	}
	return out, nil
}

// String is the result as a table: a row per held-out author, then all
// authors' calls added up. The last columns are the precision of the
// model's own flags (model.Added) and how many there were, and what they
// did to the author's labels: right ones, wrong ones, net (model.Net).
func (r CVResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s/%s: nested leave-one-author-out cross-validation\n", r.Language, r.Category)
	fmt.Fprintf(&b, "  %-34s %-18s %-20s %-28s %-17s %-15s %s\n", "held out", "chosen without it", "dictionary P/R/F1", "dictionary or model P/R/F1", "model's flags P", "right wrong net", "neighbour calls flagged")
	row := func(name, chosen string, d, c model.Counts, neighbourFlags, neighbours int) {
		a := model.Added(d, c)
		fmt.Fprintf(&b, "  %-34s %-18s %.3f %.3f %.3f    %.3f %.3f %.3f          %-17s %-15s %d of %d\n", name, chosen,
			d.Precision(), d.Recall(), d.F1(), c.Precision(), c.Recall(), c.F1(), fmt.Sprintf("%.3f of %d", a.Precision(), a.TP+a.FP),
			fmt.Sprintf("+%d -%d %+d", a.TP, a.FP, a.TP-a.FP), neighbourFlags, neighbours)
	}
	for _, f := range r.Folds {
		chosen := "model off"
		if !f.Chosen.Off {
			chosen = fmt.Sprintf("l2 %g th %g", f.Chosen.L2, f.Chosen.Threshold)
		}
		row(f.Name, chosen, f.Dictionary, f.Combined, f.NeighbourFlags, f.Neighbours)
	}
	row("all held-out calls", "", r.Dictionary, r.Combined, r.Authors.NeighbourFlags, r.Authors.Neighbours)
	t := r.Authors
	verdict := "model OFF"
	if r.Ship {
		verdict = "ship"
	}
	switch {
	case r.Grid.ByAuthor && r.Selected.Off:
		fmt.Fprintf(&b, "  held out: model OFF (no setting passes the author rule on all authors, below)\n")
	case r.Grid.ByAuthor:
		lost := "none lost labels"
		if t.MostLost > 0 {
			lost = fmt.Sprintf("the most lost: %d net on %s", t.MostLost, t.MostLostFold)
		}
		own := t.Own()
		fmt.Fprintf(&b, "  held out: %s (F1 %.3f with the model, %.3f phrases alone; authors gaining labels %d, losing %d; %s, at most %d allowed; own flags right %.3f of %d, at least %.2f; %s)\n",
			verdict, t.Combined.F1(), t.Dictionary.F1(), t.Improved, t.Worsened, lost, r.Grid.MaxAuthorLoss, own.Precision(), own.TP+own.FP, r.Grid.MinOwnPrecision, neighbourNote(t, r.Grid))
	case r.Selected.Off:
		fmt.Fprintf(&b, "  held out: model OFF (no setting passes on all authors, below)\n")
	case r.Ship && r.Worst == "":
		fmt.Fprintf(&b, "  held out: ship (the model flagged nothing the phrases did not, on any author)\n")
	case r.Ship:
		fmt.Fprintf(&b, "  held out: ship (the worst author's own flags: %s %.3f of %d, at least %.2f; no author's F1 lowered)\n",
			r.Worst, r.WorstFlags.Precision(), r.WorstFlags.TP+r.WorstFlags.FP, r.Grid.MinFlagPrecision)
	default:
		fmt.Fprintf(&b, "  held out: model OFF (the worst author's own flags: %s %.3f of %d, want %.2f; F1 lowered on: %s)\n",
			r.Worst, r.WorstFlags.Precision(), r.WorstFlags.TP+r.WorstFlags.FP, r.Grid.MinFlagPrecision, cmp.Or(strings.Join(r.Lowered, ", "), "none"))
	}
	s := r.Selected
	switch {
	case s.Off && r.Grid.ByAuthor:
		fmt.Fprintf(&b, "  chosen on all authors: model off (no setting passes the author rule; the phrases' pooled F1 %.3f)\n", s.F1)
	case r.Grid.ByAuthor:
		own := s.Authors.Own()
		fmt.Fprintf(&b, "  chosen on all authors: --l2 %g --threshold %g (pooled F1 %.3f, in-sample; authors gaining labels %d, losing %d, the most lost %d; own flags right %.3f of %d; %s)\n",
			s.L2, s.Threshold, s.F1, s.Authors.Improved, s.Authors.Worsened, s.Authors.MostLost, own.Precision(), own.TP+own.FP, neighbourNote(s.Authors, r.Grid))
	case s.Off:
		fmt.Fprintf(&b, "  chosen on all authors: model off (no setting adds to the phrases with its own flags right %.2f of the time on every author; the phrases' mean F1 %.3f)\n",
			r.Grid.MinFlagPrecision, s.F1)
	case s.Worst != "":
		fmt.Fprintf(&b, "  chosen on all authors: --l2 %g --threshold %g (mean F1 %.3f, in-sample; the worst author's flags: %s %.3f of %d)\n",
			s.L2, s.Threshold, s.F1, s.Worst, s.WorstFlags.Precision(), s.WorstFlags.TP+s.WorstFlags.FP)
	default:
		fmt.Fprintf(&b, "  chosen on all authors: --l2 %g --threshold %g (mean F1 %.3f, in-sample; no flag of its own)\n", s.L2, s.Threshold, s.F1)
	}
	return b.String()
}

// neighbourNote says how many of the neighbour calls (model.Example.
// Neighbour) the model flagged, and the grid's bar.
func neighbourNote(t model.AuthorTally, g model.Grid) string {
	bar := "not checked"
	if g.NeighbourOdds > 0 {
		bar = fmt.Sprintf("times %g at most the %.3f of the instances its own flags found", g.NeighbourOdds, t.OwnRecall())
	}
	return fmt.Sprintf("neighbour calls flagged %d of %d, %.3f, %s", t.NeighbourFlags, t.Neighbours, t.NeighbourRate(), bar)
}

// FlagList is the model's own flags on the held-out authors, one a line:
// the author, the call, the probability and the threshold, and whether
// the call is an instance (right) or not (WRONG).
func (r CVResult) FlagList() string {
	var b strings.Builder
	for _, f := range r.Flags {
		verdict := "WRONG"
		switch {
		case f.Right:
			verdict = "right"
		case f.Neighbour:
			verdict = "WRONG (neighbour)"
		}
		fmt.Fprintf(&b, "  flag %s/%s %s %s: p %.2f (flags from %g)\n", r.Language, r.Category, verdict, f.Call, f.Probability, f.Threshold)
	}
	return b.String()
}

// VetoTrial is a trial of a model as a veto on its category's phrases:
// each author held out in turn, a model trained on the others (at fixed
// settings) scores the channels the phrases flagged, and a phrase hit on a
// channel scored under a veto level is dropped. A veto is right on a call
// the phrases flagged wrongly and wrong on an instance. Nothing is chosen
// on the held-out author: every level is reported.
type VetoTrial struct {
	Language string      `json:"language"`
	Category string      `json:"category"`
	Levels   []VetoLevel `json:"levels"`
}

// VetoLevel is what a veto at one probability does, author by author.
type VetoLevel struct {
	Level float64 `json:"level"`
	// Authors are the held-out authors' vetoes (Right: phrase flags
	// dropped on calls that are no instance; Wrong: on instances).
	Authors []VetoAuthor `json:"authors"`
	// Dictionary and Vetoed add up the authors' calls: the phrases alone
	// and the phrases less the vetoed hits.
	Dictionary model.Counts `json:"dictionary"`
	Vetoed     model.Counts `json:"vetoed"`
}

// VetoAuthor is one held-out author's vetoes.
type VetoAuthor struct {
	Name  string `json:"name"`
	Right int    `json:"right"`
	Wrong int    `json:"wrong"`
}

// Passes is the rule a veto must meet to ship: the pooled precision rises
// and no author loses an instance (a veto trades no recall for precision).
func (l VetoLevel) Passes() bool {
	if l.Vetoed.Precision() <= l.Dictionary.Precision()+1e-12 {
		return false
	}
	for _, a := range l.Authors {
		if a.Wrong > 0 {
			return false
		}
	}
	return true
}

// TrialVeto runs the veto trial of one category at opt's settings for
// each of levels.
func TrialVeto(authors []Author, opt model.Options, levels []float64) (VetoTrial, error) {
	out := VetoTrial{Language: opt.Language, Category: opt.Category}
	var folds []model.Fold
	for _, a := range authors {
		folds = append(folds, model.Fold{Name: a.Name, Examples: Examples(a.Phrases, a.Calls, opt.Language, opt.Category, opt.Channel), MeasureOnly: a.MeasureOnly})
	}
	res, err := model.CrossValidate(folds, opt)
	if err != nil {
		return out, err
	}
	for _, v := range levels {
		l := VetoLevel{Level: v}
		for i, f := range folds {
			a := VetoAuthor{Name: f.Name}
			for k, e := range f.Examples {
				// 0 is a channel too short for the model to score
				// (model.Model.Score): no evidence, no veto.
				p := res[i].Probabilities[k]
				veto := e.Phrase && p > 0 && p < v
				l.Dictionary.Add(e.Phrase, e.Label)
				l.Vetoed.Add(e.Phrase && !veto, e.Label)
				switch {
				case veto && e.Label:
					a.Wrong++
				case veto:
					a.Right++
				}
			}
			l.Authors = append(l.Authors, a)
		}
		out.Levels = append(out.Levels, l)
	}
	return out, nil
}

// String is the trial as a table: a line per level, the pooled figures
// and the authors who had vetoes.
func (t VetoTrial) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s/%s: the model as a veto on the phrases (held out author by author)\n", t.Language, t.Category)
	for _, l := range t.Levels {
		verdict := "fails"
		if l.Passes() {
			verdict = "passes"
		}
		var who []string
		for _, a := range l.Authors {
			if a.Right+a.Wrong > 0 {
				who = append(who, fmt.Sprintf("%s +%d -%d", a.Name, a.Right, a.Wrong))
			}
		}
		fmt.Fprintf(&b, "  veto under %g: P/R %.3f/%.3f -> %.3f/%.3f, %s; %s\n", l.Level, l.Dictionary.Precision(), l.Dictionary.Recall(),
			l.Vetoed.Precision(), l.Vetoed.Recall(), verdict, cmp.Or(strings.Join(who, ", "), "no veto"))
	}
	return b.String()
}
