package dicteval_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/dicteval"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/model"
)

// parts are the labelled parts a language's built-in models learnt from,
// one author each (dev and heldout were written by the same generator,
// held out from each other), but the dictionary author's: twenty-one
// authors since session 15, and the parts landed since for the models
// retrained since (notLearnt; docs/models.md).
var parts = map[string][]string{
	"ru": {"dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31"},
	"en": {"dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31"},
}

// notLearnt are the parts of parts[lang] a built-in model ("lang/category")
// has not learnt: landed after its last retraining, they are held-out
// calls for it, not a floor (floorCalls). The ru complaint model learnt
// the parts up to blind28 (session 19), the en complaint model up to
// blind26 (session 18); the churn_threat models learnt every part up to
// blind30 in session 20 (docs/models.md); blind31 landed at its end.
var notLearnt = map[string][]string{
	"ru/complaint":    {"blind29", "blind30", "blind31"},
	"en/complaint":    {"blind27", "blind28", "blind29", "blind30", "blind31"},
	"ru/churn_threat": {"blind31"},
	"en/churn_threat": {"blind31"},
}

// learnt reports whether the built-in model of a category learnt a part.
func learnt(lang, cat, part string) bool {
	if handWrittenOnly(lang, cat) && generator(part) {
		return false
	}
	return !slices.Contains(notLearnt[lang+"/"+cat], part)
}

// floorCalls are the calls of loaded (loadParts(lang)) that the in-sample
// checks of a built-in model count: the parts it learnt. The others are
// held-out calls, not a floor: the parts in notLearnt, and for en
// complaint the generator's dev and heldout (it flags their conditional
// threats, which the generator labels no complaint; docs/models.md).
func floorCalls(loaded [][]dicteval.Call, lang, cat string) []dicteval.Call {
	var calls []dicteval.Call
	for i, p := range loaded {
		if learnt(lang, cat, parts[lang][i]) {
			calls = append(calls, p...)
		}
	}
	return calls
}

// generator reports whether a part was written by the corpus generator
// (testdata/labelled/gen) rather than by a hand-writing author.
func generator(part string) bool { return part == "dev" || part == "heldout" }

// handWrittenOnly reports whether the built-in model of a category learns
// from the hand-written authors alone, the generator's calls measured but
// not learnt (docs/models.md: the en complaint model; the generator labels
// a conditional threat next to a problem no complaint, which the
// hand-written authors label one).
func handWrittenOnly(lang, cat string) bool { return lang == "en" && cat == "complaint" }

func loadParts(t *testing.T, lang string) [][]dicteval.Call {
	t.Helper()
	var out [][]dicteval.Call
	for _, p := range parts[lang] {
		calls, err := dicteval.Load(filepath.Join("..", "..", "testdata", "labelled", lang, p))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, calls)
	}
	return out
}

// TestBuiltinModelsReproduce: each built-in model is what `callscope dict
// train` makes of the labelled corpus with its recorded settings, byte for
// byte. A corpus or training change that is not retrained fails here; the
// message gives the command.
func TestBuiltinModelsReproduce(t *testing.T) {
	m := builtin(t)
	// The models the nineteen-author held-out verdict keeps, by the author
	// rule with its guards on the own flags and the neighbour calls
	// (docs/models.md); a file lost or added without it fails here.
	shipped := map[string][]string{"ru": {"churn_threat", "complaint"}, "en": {"churn_threat", "complaint"}}
	for _, lang := range []string{"ru", "en"} {
		var have []string
		for _, md := range m.Models(lang) {
			have = append(have, md.Category)
		}
		if slices.Sort(have); !slices.Equal(have, shipped[lang]) {
			t.Errorf("%s: built-in models of %v, want %v", lang, have, shipped[lang])
		}
		loaded := loadParts(t, lang)
		for _, md := range m.Models(lang) {
			cat := md.Category
			var calls []dicteval.Call
			var used []string
			for i, p := range loaded {
				if learnt(lang, cat, parts[lang][i]) {
					calls = append(calls, p...)
					used = append(used, parts[lang][i])
				}
			}
			file := filepath.Join("..", "..", "dictionaries", "models", lang, cat+".json")
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opt := model.Recommended(lang, cat)
			opt.Neutral = dicteval.BuiltinNeutral(lang, cat)
			md, err := dicteval.TrainModel(m, calls, opt)
			if err != nil {
				t.Fatal(err)
			}
			got, err := md.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is not what training makes of the corpus: callscope dict train --lang %s --category %s --out dictionaries/models/%s/%s.json testdata/labelled/%s/{%s}",
					file, lang, cat, lang, cat, lang, strings.Join(used, ","))
			}
		}
	}
}

// TestCrossValidate runs the nested cross-validation on the English
// authors with a small grid: the model must add recall to the phrases of
// the dictionaries as they were before these authors were tuned on (here
// a set that knows one wording), on calls it was not trained on.
func TestCrossValidate(t *testing.T) {
	one := compile(t, "category: complaint\nlanguage: en\nchannel: client\nphrases:\n  - id: complaint\n    text: complaint\n")
	var authors []dicteval.Author
	// The fifteen authors this test was written for, not every part: the
	// nested cross-validation's cost grows with the square of the authors,
	// and the test checks the rules, not the shipped models.
	for i, calls := range loadParts(t, "en")[:15] {
		authors = append(authors, dicteval.Author{Name: parts["en"][i], Calls: calls, Phrases: one})
	}
	opt := model.Recommended("en", "complaint")
	grid := model.Grid{L2: []float64{0.0003, 0.003}, Thresholds: []float64{0.5, 0.6}}
	res, err := dicteval.CrossValidate(authors, opt, grid)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Folds) != len(authors) {
		t.Fatalf("%d folds", len(res.Folds))
	}
	calls := 0
	for _, f := range res.Folds {
		calls += f.Combined.TP + f.Combined.FP + f.Combined.FN + f.Combined.TN
	}
	if d, c := res.Dictionary, res.Combined; calls != d.TP+d.FP+d.FN+d.TN || c.Recall() < d.Recall()+0.3 || c.F1() < d.F1()+0.2 {
		t.Errorf("phrases %+v (R %.3f F1 %.3f), or the model %+v (R %.3f F1 %.3f) on %d calls", d, d.Recall(), d.F1(), c, c.Recall(), c.F1(), calls)
	}
	t.Log(res)
	// The worst-author rule (docs/models.md): every setting chosen keeps
	// each held-out author's F1 at least the phrases' on the other authors,
	// and so it turned out on the held-out ones too; a flag of the model
	// is right at least 0.85 of the time, all authors added up. (Not
	// guaranteed by the rule on an author it never saw: a figure of these
	// calls, like the corpus floors.)
	grid.MinFlagPrecision = 0.85
	grid.Thresholds = []float64{0.5, 0.6, 0.7, 0.8, 0.9}
	trusted, err := dicteval.CrossValidate(authors, opt, grid)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range trusted.Folds {
		if f.Combined.F1() < f.Dictionary.F1() {
			t.Errorf("%s: phrases or model F1 %.3f, phrases alone %.3f (chose %+v)", f.Name, f.Combined.F1(), f.Dictionary.F1(), f.Chosen)
		}
	}
	if a := model.Added(trusted.Dictionary, trusted.Combined); a.Precision() < 0.85 || a.TP == 0 || trusted.Selected.Off {
		t.Errorf("the model's own flags %+v (P %.3f), chosen on all %+v", a, a.Precision(), trusted.Selected)
	}
	// The listing of the model's own flags is those flags, call by call,
	// and the verdict follows from the worst held-out author's.
	a := model.Added(trusted.Dictionary, trusted.Combined)
	right := 0
	for _, f := range trusted.Flags {
		if f.Right {
			right++
		}
		if f.Probability < f.Threshold {
			t.Errorf("flag %+v under its threshold", f)
		}
	}
	if right != a.TP || len(trusted.Flags)-right != a.FP {
		t.Errorf("%d flags listed, %d right; the counts say %+v", len(trusted.Flags), right, a)
	}
	worst := 1.0
	for _, f := range trusted.Folds {
		if d := model.Added(f.Dictionary, f.Combined); d.TP+d.FP > 0 {
			worst = min(worst, d.Precision())
		}
	}
	if want := worst >= 0.85 && len(trusted.Lowered) == 0 && !trusted.Selected.Off; trusted.Ship != want || trusted.WorstFlags.Precision() != worst {
		t.Errorf("ship %v (worst %s %+v), want %v: the worst held-out author's flags are right %.3f of the time", trusted.Ship, trusted.Worst, trusted.WorstFlags, want, worst)
	}
	if !strings.Contains(trusted.String(), "held out: ") || strings.Count(trusted.FlagList(), "\n") != len(trusted.Flags) {
		t.Errorf("table or flag list without the verdict or a flag a line:\n%s%s", trusted, trusted.FlagList())
	}
	t.Log(trusted)
	// The author rule (the default, docs/models.md): the verdict is ship
	// when the pooled F1 rises over the phrases', more held-out authors
	// gain labels net than lose them, none loses more than five, and the
	// model's own flags, all authors' added up, are right at least 0.75
	// of the time.
	grid.ByAuthor, grid.MaxAuthorLoss, grid.MinOwnPrecision = true, model.DefaultGrid.MaxAuthorLoss, model.DefaultGrid.MinOwnPrecision
	grid.NeighbourOdds = model.DefaultGrid.NeighbourOdds
	byAuthor, err := dicteval.CrossValidate(authors, opt, grid)
	if err != nil {
		t.Fatal(err)
	}
	improved, worsened, mostLost := 0, 0, 0
	for _, f := range byAuthor.Folds {
		a := model.Added(f.Dictionary, f.Combined)
		switch net := a.TP - a.FP; {
		case net > 0:
			improved++
		case net < 0:
			worsened++
			mostLost = max(mostLost, -net)
		}
	}
	d, c := byAuthor.Dictionary, byAuthor.Combined
	own := model.Added(d, c)
	// The neighbour calls: no complaint, but a threat or an earlier
	// contact, counted from the labels; the model's own flags on them.
	neighbours, neighbourFlags := 0, 0
	for _, a := range authors {
		for _, call := range a.Calls {
			if !call.Labels["complaint"] && (call.Labels["churn_threat"] || call.Labels["repeat_contact"]) {
				neighbours++
			}
		}
	}
	for _, f := range byAuthor.Flags {
		if f.Neighbour {
			neighbourFlags++
			if f.Right {
				t.Errorf("flag %+v: a neighbour call is no instance", f)
			}
		}
	}
	if neighbours == 0 || byAuthor.Authors.Neighbours != neighbours || byAuthor.Authors.NeighbourFlags != neighbourFlags {
		t.Errorf("neighbour calls flagged %d of %d, want %d of %d", byAuthor.Authors.NeighbourFlags, byAuthor.Authors.Neighbours, neighbourFlags, neighbours)
	}
	want := !byAuthor.Selected.Off && c.F1() > d.F1() && improved > worsened && mostLost <= grid.MaxAuthorLoss && own.Precision() >= grid.MinOwnPrecision &&
		grid.NeighbourOdds*float64(neighbourFlags)/float64(neighbours) <= float64(own.TP)/float64(c.TP+c.FN)
	if byAuthor.Ship != want || byAuthor.Authors.Improved != improved || byAuthor.Authors.Worsened != worsened || byAuthor.Authors.MostLost != mostLost {
		t.Errorf("ship %v, tally %+v; want ship %v: %d authors improved, %d worsened, the most lost %d, F1 %.3f -> %.3f, own flags %+v",
			byAuthor.Ship, byAuthor.Authors, want, improved, worsened, mostLost, d.F1(), c.F1(), own)
	}
	if !byAuthor.Ship || !strings.Contains(byAuthor.String(), "held out: ship (F1 ") {
		t.Errorf("a model that finds complaints a one-wording set misses, by the author rule: want ship\n%s", byAuthor)
	}
	t.Log(byAuthor)
}

func compile(t *testing.T, yaml string) *match.Matcher {
	t.Helper()
	d, err := match.Parse("d.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	m, err := match.Compile(&match.Set{Dictionaries: []match.Dictionary{d}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestEvaluateModelEvidence: a model's false positive names the model, the
// probability, its threshold and the utterance that weighed most; a false
// negative of a category with a model gives the score that stayed under.
func TestEvaluateModelEvidence(t *testing.T) {
	m := builtin(t)
	grievance := "я уже звонил вчера, интернет опять не работает, прошло два дня, никто не звонит"
	question := "добрый день, подскажите пожалуйста какой у меня сейчас баланс на счёте и когда нужно будет вносить следующий платёж по договору"
	calls := []dicteval.Call{
		dicteval.WithTranscript("fp", "ru", twoParty("слушаю вас", grievance), map[string]bool{"complaint": false}),
		dicteval.WithTranscript("fn", "ru", twoParty("слушаю вас", question), map[string]bool{"complaint": true}),
	}
	threshold := 0.0
	for _, md := range m.Models("ru") {
		if md.Category == "complaint" {
			threshold = md.Threshold
		}
	}
	if threshold == 0 {
		t.Fatal("no built-in ru complaint model")
	}
	rep := dicteval.Evaluate(m, calls, dicteval.Options{})
	if len(rep.Errors) != 2 {
		t.Fatalf("errors %+v, want an FP and an FN", rep.Errors)
	}
	for _, e := range rep.Errors {
		switch e.Call {
		case "fp":
			if e.Kind != "false_positive" || e.PhraseID != "model:complaint" || e.Threshold != threshold || e.Probability < e.Threshold ||
				e.Text != grievance || e.Channel != "client" || e.Start != 4 || e.End != 8 {
				t.Errorf("FP %+v", e)
			}
		case "fn":
			if e.Kind != "false_negative" || e.Threshold != threshold || e.Probability >= e.Threshold || e.Probability <= 0 ||
				e.ModelUtterance != question {
				t.Errorf("FN %+v", e)
			}
		}
	}
}

// TestModelsLongCalls: the corpus calls last about a minute, a contact
// center's five. A built-in model must find a complaint or a threat told
// in the middle of a long call as it finds it in the short one (the
// windows, model.Model.Window), and eight calls without either, joined,
// must not read as one. In-sample, on the parts the model learnt
// (floorCalls).
func TestModelsLongCalls(t *testing.T) {
	m := builtin(t)
	for _, lang := range []string{"ru", "en"} {
		loaded := loadParts(t, lang)
		for _, md := range m.Models(lang) {
			calls := floorCalls(loaded, lang, md.Category)
			var pos, neg [][]string
			for _, c := range calls {
				us := match.RoleUtterances(c.TranscriptData(), md.Channel)
				switch {
				case c.Labels[md.Category]:
					pos = append(pos, us)
				case !slices.ContainsFunc(m.Models(lang), func(o *model.Model) bool { return c.Labels[o.Category] }):
					// No category with a model: the talk around is none of them.
					neg = append(neg, us)
				}
			}
			alone, long := 0, 0
			for i, us := range pos {
				if md.Score(us) < md.Threshold {
					continue
				}
				alone++
				// Three calls' talk before, four after: about five minutes.
				var call []string
				for j := range 7 {
					if j == 3 {
						call = append(call, us...)
					}
					call = append(call, neg[(i*7+j)%len(neg)]...)
				}
				if md.Score(call) >= md.Threshold {
					long++
				}
			}
			flagged, groups := 0, 0
			for i := 0; i+8 <= len(neg); i += 8 {
				var call []string
				for _, us := range neg[i : i+8] {
					call = append(call, us...)
				}
				groups++
				if md.Score(call) >= md.Threshold {
					flagged++
				}
			}
			t.Logf("%s/%s: %d of %d flagged calls still flagged inside a long call; %d of %d long calls without it flagged",
				lang, md.Category, long, alone, flagged, groups)
			// 85%: the models trained against neutral calls (docs/models.md)
			// weigh the neutral talk around a complaint more against it; with
			// a window of 95% of the training calls en churn_threat found 41%
			// (24 of 58) once blind5's longer calls were in. With today's
			// window of 75%, fifteen parts: ru churn_threat 284 of 302, en
			// churn_threat 105 of 118, ru complaint (from 0.75) 486 of 520
			// and 4 of 103 long calls without a complaint flagged, en
			// complaint 190 of 214 and 2 of 36; over thirteen parts ru
			// complaint from 0.6 flagged 11 of 90 (docs/models.md).
			if float64(long) < 0.85*float64(alone) || float64(flagged) > 0.1*float64(groups) {
				t.Errorf("%s/%s: %d of %d found in long calls (want 85%%), %d of %d long calls flagged wrongly (want at most 10%%)",
					lang, md.Category, long, alone, flagged, groups)
			}
		}
	}
}

// TestModelsNeighbourCalls: on the corpus's neighbour calls (no instance,
// but an instance of another category of the channel: a complaint without
// a threat, for churn_threat), a built-in model must keep to the rule its
// verdict held out (model.Grid.NeighbourOdds): the share of them it flags
// where the phrases found nothing, times four, at most the share of the
// instances it finds there. In-sample (the models learnt these calls), so
// a floor, not a measure: a retraining or a threshold that breaks it here
// breaks it held out too.
func TestModelsNeighbourCalls(t *testing.T) {
	m := builtin(t)
	phrases, err := match.Compile(m.Set().WithoutModels())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ru", "en"} {
		loaded := loadParts(t, lang)
		for _, md := range m.Models(lang) {
			calls := floorCalls(loaded, lang, md.Category)
			var neighbours, neighbourFlags, positives, found int
			for _, e := range dicteval.Examples(phrases, calls, lang, md.Category, md.Channel) {
				flagged := !e.Phrase && md.Score(e.Utterances) >= md.Threshold
				switch {
				case e.Label:
					positives++
					if flagged {
						found++
					}
				case e.Neighbour:
					neighbours++
					if flagged {
						neighbourFlags++
					}
				}
			}
			t.Logf("%s/%s: %d of %d neighbour calls flagged, %d of %d instances found where the phrases found nothing",
				lang, md.Category, neighbourFlags, neighbours, found, positives)
			if neighbours == 0 || positives == 0 {
				t.Fatalf("%s/%s: %d neighbour calls, %d instances", lang, md.Category, neighbours, positives)
			}
			odds := model.DefaultGrid.NeighbourOdds
			if odds*float64(neighbourFlags)/float64(neighbours) > float64(found)/float64(positives) {
				t.Errorf("%s/%s: %d of %d neighbour calls flagged, times %g over the %d of %d instances the model found",
					lang, md.Category, neighbourFlags, neighbours, odds, found, positives)
			}
		}
	}
}
