package model

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/text"
)

func TestParse(t *testing.T) {
	good := `{"bias": -1, "category": "complaint", "channel": "client", "language": "ru", "threshold": 0.5,
  "training": {"calls": 2, "l2": 0.001, "min_df": 2, "positives": 1, "steps": 10},
  "weights": {"безобраз": 2.5, "не работа": 1}}`
	tests := []struct {
		name, data string
		err        string // "" parses
	}{
		{"good", good, ""},
		{"no training record", strings.Replace(good, `"training": {"calls": 2, "l2": 0.001, "min_df": 2, "positives": 1, "steps": 10},`, "", 1), ""},
		{"unknown field", strings.Replace(good, `"bias"`, `"bais": 1, "bias"`, 1), `unknown field "bais"`},
		{"threshold 1", strings.Replace(good, `"threshold": 0.5`, `"threshold": 1`, 1), "threshold 1 is not between 0 and 1"},
		{"no threshold", strings.Replace(good, `"threshold": 0.5,`, "", 1), "threshold 0 is not between 0 and 1"},
		{"no category", strings.Replace(good, `"category": "complaint",`, "", 1), "category, language and channel are required"},
		{"three stems", strings.Replace(good, `"не работа"`, `"не работа совсем"`, 1), `feature "не работа совсем" is neither a stem nor two`},
		{"not JSON", "{", "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("m.json", []byte(tt.data))
			if tt.err == "" {
				if err != nil || m.Weights["безобраз"] != 2.5 || m.Threshold != 0.5 {
					t.Fatalf("Parse: %+v, %v", m, err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "model m.json: ") {
				t.Errorf("error %v, want ErrInvalid with %q", err, tt.err)
			}
		})
	}
}

func TestScoreExplain(t *testing.T) {
	m := &Model{Language: "ru", Category: "complaint", Channel: "client", Threshold: 0.5, Bias: -1,
		Weights: map[string]float64{"безобраз": 3, "не работа": 1, "спасиб": -2, "интернет": 0}}
	sigma := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	tests := []struct {
		name       string
		utterances []string
		p          float64
		utterance  int
		features   []string
	}{
		{"nothing of the model: not scored", []string{"добрый день", "до свидания"}, 0, -1, nil},
		// безобраз, «не работа» (работает → работа) and интернет: 3+1+0 over √3.
		{"one utterance", []string{"Это безобразие, интернет не работает"}, sigma(-1 + 4/math.Sqrt(3)), 0, []string{"безобраз", "не работа"}},
		// A feature counts once per channel however often it is said.
		{"said twice", []string{"безобразие", "безобразие!", "спасибо"}, sigma(-1 + 1/math.Sqrt(2)), 0, []string{"безобраз"}},
		{"the heavier utterance", []string{"спасибо, интернет", "не работает"}, sigma(-1 + -1/math.Sqrt(3)), 1, []string{"не работа"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := m.Score(tt.utterances); math.Abs(p-tt.p) > 1e-12 {
				t.Errorf("Score %.6f, want %.6f", p, tt.p)
			}
			ev := m.Explain(tt.utterances)
			var names []string
			for _, f := range ev.Features {
				names = append(names, f.Name)
			}
			if math.Abs(ev.Probability-tt.p) > 1e-12 || ev.Utterance != tt.utterance || !slices.Equal(names, tt.features) {
				t.Errorf("Explain %+v, want utterance %d, features %v", ev, tt.utterance, tt.features)
			}
		})
	}
}

// examples are calls of two kinds: the complaints say one of a few words
// of grievance among everyday words, the others only everyday words.
func examples(n int, seed int) []Example {
	grievance := []string{"безобразие", "возмутительно", "издевательство", "кошмар"}
	everyday := []string{"здравствуйте", "договор", "интернет", "тариф", "адрес", "спасибо", "номер", "завтра"}
	var out []Example
	for i := range n {
		k := i + seed
		e := Example{ID: string(rune('a' + i%26)), Label: i%3 == 0}
		e.Utterances = append(e.Utterances, everyday[k%len(everyday)]+" "+everyday[(k*5+1)%len(everyday)])
		if e.Label {
			e.Utterances = append(e.Utterances, "это "+grievance[k%len(grievance)])
		}
		e.Utterances = append(e.Utterances, everyday[(k*3+2)%len(everyday)])
		out = append(out, e)
	}
	return out
}

func TestTrain(t *testing.T) {
	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	m, err := Train(examples(60, 0), opt)
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold != DefaultThreshold || m.Training != (Training{Calls: 60, Positives: 20, L2: DefaultL2, MinDF: DefaultMinDF, MaxDF: DefaultMaxDF, Steps: DefaultSteps, WindowQuantile: DefaultWindowQuantile}) {
		t.Errorf("settings %g %+v", m.Threshold, m.Training)
	}
	// The window: what three quarters of the calls fit (the 45th of 60
	// once sorted: a third are positives, one sentence longer); what half
	// of them fit with WindowQuantile 0.5.
	var words []int
	for _, e := range examples(60, 0) {
		n := 0
		for _, u := range e.Utterances {
			n += len(text.Tokenize(u))
		}
		words = append(words, n)
	}
	slices.Sort(words)
	half, err := Train(examples(60, 0), Options{Language: "ru", Category: "complaint", Channel: "client", WindowQuantile: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if m.Window != words[44] || half.Window != words[29] || half.Window >= m.Window || half.Training.WindowQuantile != 0.5 {
		t.Errorf("window %d (quantile 0.5: %d), want %d and %d", m.Window, half.Window, words[44], words[29])
	}
	// Calls it did not see: the grievance words decide.
	for _, e := range examples(30, 7) {
		if p := m.Score(e.Utterances); (p >= m.Threshold) != e.Label {
			t.Errorf("%v (label %v): p %.3f", e.Utterances, e.Label, p)
		}
	}
	// The same calls give the same file, byte for byte.
	a, _ := m.Marshal()
	m2, err := Train(examples(60, 0), opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := m2.Marshal()
	if !bytes.Equal(a, b) {
		t.Error("two trainings on the same calls differ")
	}
	// The file reads back as the same model.
	back, err := Parse("m.json", a)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := back.Marshal(); !bytes.Equal(a, c) {
		t.Error("Parse(Marshal(m)) is not m")
	}
	if _, err := Train(examples(60, 0)[:1], opt); !errors.Is(err, ErrNoExamples) {
		t.Errorf("one class: %v, want ErrNoExamples", err)
	}
}

func TestCounts(t *testing.T) {
	var c Counts
	for _, x := range [][2]bool{{true, true}, {true, true}, {true, false}, {false, true}, {false, false}} {
		c.Add(x[0], x[1])
	}
	if c != (Counts{TP: 2, FP: 1, FN: 1, TN: 1}) || c.Precision() != 2.0/3 || c.Recall() != 2.0/3 || math.Abs(c.F1()-2.0/3) > 1e-12 {
		t.Errorf("%+v P %g R %g F1 %g", c, c.Precision(), c.Recall(), c.F1())
	}
	if (Counts{TN: 3}).F1() != 1 || (Counts{FN: 1}).F1() != 0 {
		t.Error("nothing to find and nothing flagged is F1 1; a miss alone is 0")
	}
}

func TestNestedCV(t *testing.T) {
	folds := []Fold{{Name: "a", Examples: examples(30, 0)}, {Name: "b", Examples: examples(30, 1)}, {Name: "c", Examples: examples(30, 2)}}
	// The phrases of fold c know the grievance word «кошмар».
	for i, e := range folds[2].Examples {
		folds[2].Examples[i].Phrase = slices.ContainsFunc(e.Utterances, func(u string) bool { return strings.Contains(u, "кошмар") })
	}
	grid := Grid{L2: []float64{0.001, 0.01}, Thresholds: []float64{0.5, 0.7}}
	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	res, err := NestedCV(folds, opt, grid)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("%d folds", len(res))
	}
	for _, r := range res {
		if !slices.Contains(grid.L2, r.Chosen.L2) || !slices.Contains(grid.Thresholds, r.Chosen.Threshold) {
			t.Errorf("%s: chose %+v, not in the grid", r.Name, r.Chosen)
		}
		if r.Combined.F1() != 1 || len(r.Probabilities) != 30 {
			t.Errorf("%s: combined %+v", r.Name, r.Combined)
		}
	}
	if d := res[2].Dictionary; d.TP == 0 || d.FN == 0 || d.FP != 0 {
		t.Errorf("fold c's phrases: %+v, want some found and some missed", d)
	}
	again, _ := NestedCV(folds, opt, grid)
	for i := range res {
		if !reflect.DeepEqual(again[i].Chosen, res[i].Chosen) || !slices.Equal(again[i].Probabilities, res[i].Probabilities) {
			t.Errorf("fold %d: a second run differs", i)
		}
	}
	if _, err := Select(folds[:1], opt, grid); err == nil {
		t.Error("Select on one fold: no error")
	}
}

// TestMeasureOnly: a MeasureOnly fold is held out and counted, and no
// model learns from it. With its labels turned over, the other folds'
// held-out probabilities are those of a cross-validation without it.
func TestMeasureOnly(t *testing.T) {
	flipped := examples(30, 2)
	for i := range flipped {
		flipped[i].Label = !flipped[i].Label
	}
	with := []Fold{{Name: "a", Examples: examples(30, 0)}, {Name: "b", Examples: examples(30, 1)}, {Name: "d", Examples: examples(30, 3)},
		{Name: "c", Examples: flipped, MeasureOnly: true}}
	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	got, err := CrossValidate(with, opt)
	if err != nil {
		t.Fatal(err)
	}
	want, err := CrossValidate(with[:3], opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || len(got[3].Probabilities) != 30 {
		t.Fatalf("%d folds; the measure-only fold is not counted", len(got))
	}
	for i := range want {
		if !slices.Equal(got[i].Probabilities, want[i].Probabilities) {
			t.Errorf("fold %s: the measure-only fold changed its model", want[i].Name)
		}
	}
	// Scored by a model of the others, the turned-over labels are all
	// wrong.
	if c := got[3].Combined; c.TP+c.TN != 0 {
		t.Errorf("measure-only fold: %+v, want every call wrong", c)
	}
	// One setting in the grid: the nested models are those of the plain
	// cross-validation without the measure-only fold.
	nested, err := NestedCV(with, opt, Grid{L2: []float64{DefaultL2}, Thresholds: []float64{0.5}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !slices.Equal(nested[i].Probabilities, want[i].Probabilities) {
			t.Errorf("nested, fold %s: the measure-only fold changed its model", want[i].Name)
		}
	}
}

func TestWindows(t *testing.T) {
	sigma := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	talk := []string{"спасибо большое вам", "это безобразие", "до свидания"}
	tests := []struct {
		name                string
		window, minFeatures int
		utterances          []string
		p                   float64
		from, to, utterance int
	}{
		// One window: спасиб (-2) and безобраз (3) over √2.
		{"the whole channel", 0, 0, talk, sigma(-1 + 1/math.Sqrt2), 0, 2, 1},
		{"a window as long as the channel", 7, 0, talk, sigma(-1 + 1/math.Sqrt2), 0, 2, 1},
		// Three words a window: «спасибо большое вам» alone, then «это
		// безобразие до» cannot be: «это безобразие» (2 words) and «до
		// свидания» (2) do not fit together, so the complaint is alone.
		{"windows of three words", 3, 0, talk, sigma(-1 + 3), 1, 1, 1},
		{"windows of four words", 4, 0, talk, sigma(-1 + 3), 1, 2, 1},
		{"too few features", 0, 3, talk, 0, -1, -1, -1},
		{"just enough features", 0, 2, talk, sigma(-1 + 1/math.Sqrt2), 0, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{Language: "ru", Category: "complaint", Channel: "client", Threshold: 0.5, Bias: -1,
				Window: tt.window, MinFeatures: tt.minFeatures, Weights: map[string]float64{"безобраз": 3, "спасиб": -2}}
			ev := m.Explain(tt.utterances)
			if math.Abs(ev.Probability-tt.p) > 1e-12 || ev.From != tt.from || ev.To != tt.to || ev.Utterance != tt.utterance {
				t.Errorf("Explain %+v, want p %.6f in [%d, %d] on %d", ev, tt.p, tt.from, tt.to, tt.utterance)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	rec := Recommended("ru", "complaint")
	tests := []struct {
		name string
		over Options
		want Options
		err  string
	}{
		{"the built-in model's", Options{Language: "ru", Category: "complaint"}, rec, ""},
		{"overridden", Options{Language: "ru", Category: "complaint", Threshold: 0.7, L2: 0.01, Channel: "operator"},
			Options{Language: "ru", Category: "complaint", Channel: "operator", Threshold: 0.7, L2: 0.01, MinDF: rec.MinDF, MaxDF: rec.MaxDF, Steps: rec.Steps, NeutralShare: rec.NeutralShare, WindowQuantile: rec.WindowQuantile}, ""},
		{"the window overridden", Options{Language: "ru", Category: "churn_threat", WindowQuantile: 0.5},
			func() Options { o := Recommended("ru", "churn_threat"); o.WindowQuantile = 0.5; return o }(), ""},
		{"another category: the defaults", Options{Language: "en", Category: "repeat_contact"},
			Options{Language: "en", Category: "repeat_contact", Channel: "client", Threshold: DefaultThreshold, L2: DefaultL2, MinDF: DefaultMinDF, MaxDF: DefaultMaxDF, Steps: DefaultSteps, WindowQuantile: DefaultWindowQuantile}, ""},
		{"out of range", Options{Language: "ru", Category: "complaint", Threshold: 1.5, L2: -1, MaxDF: 2, MinDF: -1, NeutralShare: -1, WindowQuantile: 1.5, MinAuthors: -2, NeighbourWeight: -0.5, Steps: -3},
			Options{}, "l2: want a positive number, got -1; max-df: want a share from 0 to 1, got 2; min-df: want at least 1, got -1; neutral-share: want a positive number, got -1; window-quantile: want a share above 0 and at most 1, got 1.5; min-authors: want at least 1, got -2; neighbour-weight: want a positive number, got -0.5; steps: want at least 1, got -3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.over)
			if tt.err != "" {
				if !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "threshold: want a probability") {
					t.Errorf("error %v, want ErrBadOption with %q", err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

// TestNeutralCalls: the neutral file's lines, the calls made of them (the
// same on every run), and what they teach: «это», said by every complaint
// of the examples and by nothing else there, weighs less once calls that
// say «это» without complaining are negatives.
func TestNeutralCalls(t *testing.T) {
	lines := ParseNeutral([]byte("# a comment\nэто мой номер договора\n\n  это адрес доставки  \nэто всё, спасибо\n"))
	if !slices.Equal(lines, []string{"это мой номер договора", "это адрес доставки", "это всё, спасибо"}) {
		t.Fatalf("ParseNeutral: %q", lines)
	}
	calls := NeutralCalls(lines, 5)
	if len(calls) != 5 || NeutralCalls(nil, 5) != nil {
		t.Fatalf("%d calls", len(calls))
	}
	for k, c := range calls {
		if len(c.Utterances) != 4+k%3 || c.Label {
			t.Errorf("call %d: %d lines, label %v; want %d, false", k, len(c.Utterances), c.Label, 4+k%3)
		}
		for _, u := range c.Utterances {
			if !slices.Contains(lines, u) {
				t.Errorf("call %d: %q is not a line of the file", k, u)
			}
		}
	}
	if !reflect.DeepEqual(calls, NeutralCalls(lines, 5)) {
		t.Error("two runs made different calls")
	}

	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	plain, err := Train(examples(60, 0), opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Neutral, opt.NeutralShare = lines, 0.5
	neutral, err := Train(examples(60, 0), opt)
	if err != nil {
		t.Fatal(err)
	}
	if neutral.Training.Calls != 60 || neutral.Training.Neutral != 30 || neutral.Window != plain.Window || neutral.MinFeatures != plain.MinFeatures {
		t.Errorf("training %+v, window %d, min_features %d; want 60 labelled and 30 neutral calls, the labelled calls' window %d and min_features %d",
			neutral.Training, neutral.Window, neutral.MinFeatures, plain.Window, plain.MinFeatures)
	}
	if w0, w1 := plain.Weights["эт"], neutral.Weights["эт"]; !(w1 < w0-0.5) {
		t.Errorf("«это» weighs %.3f without neutral calls, %.3f with them: want much less", w0, w1)
	}
	for _, e := range examples(30, 7) {
		if p := neutral.Score(e.Utterances); (p >= neutral.Threshold) != e.Label {
			t.Errorf("%v (label %v): p %.3f", e.Utterances, e.Label, p)
		}
	}
}

// TestChoose: Select's rule. A precision target rules out the settings
// below it while one reaches it; when none does, the best F1 wins as
// without a target; a tie keeps the first (the smaller L2, the lower
// threshold).
func TestChoose(t *testing.T) {
	cands := []candidate{
		{l2: 0.001, threshold: 0.5, f1: 0.80, precision: 0.75},
		{l2: 0.001, threshold: 0.7, f1: 0.78, precision: 0.88},
		{l2: 0.001, threshold: 0.9, f1: 0.70, precision: 0.93},
		{l2: 0.01, threshold: 0.5, f1: 0.79, precision: 0.90},
		{l2: 0.01, threshold: 0.7, f1: 0.79, precision: 0.95},
	}
	tests := []struct {
		min        float64
		l2, th, f1 float64
	}{
		{0, 0.001, 0.5, 0.80},    // no target: the best F1
		{0.85, 0.01, 0.5, 0.79},  // 0.5 at 0.001 is ruled out; a tie keeps the first
		{0.92, 0.01, 0.7, 0.79},  // the better F1 of the two that reach it
		{0.94, 0.01, 0.7, 0.79},  // one reaches it
		{0.99, 0.001, 0.5, 0.80}, // none: the best F1 of all
	}
	for _, tt := range tests {
		if c := choose(cands, tt.min); c.l2 != tt.l2 || c.threshold != tt.th || c.f1 != tt.f1 {
			t.Errorf("target %g: chose %+v, want l2 %g threshold %g", tt.min, c, tt.l2, tt.th)
		}
	}
}

// TestChooseTrusted: Select's rule with a target for the model's own flags
// on the worst author. A setting whose flags fall under it on any author,
// or that lowers an author's F1 below the phrases', is never chosen, however
// good its mean F1, nor one that adds nothing to the phrases' F1; when none
// is left, the model is off.
func TestChooseTrusted(t *testing.T) {
	cands := []candidate{
		{l2: 0.001, threshold: 0.5, f1: 0.85, dictF1: 0.6, worstFlags: 0.20, keepsF1: true},  // one author's flags right 1 in 5
		{l2: 0.001, threshold: 0.7, f1: 0.80, dictF1: 0.6, worstFlags: 0.86, keepsF1: false}, // an author loses F1
		{l2: 0.001, threshold: 0.9, f1: 0.78, dictF1: 0.6, worstFlags: 0.90, keepsF1: true},
		{l2: 0.01, threshold: 0.7, f1: 0.78, dictF1: 0.6, worstFlags: 1, keepsF1: true}, // a tie with the one before
		{l2: 0.01, threshold: 0.9, f1: 0.70, dictF1: 0.6, worstFlags: 1, keepsF1: true},
		{l2: 0.01, threshold: 0.95, f1: 0.60, dictF1: 0.6, worstFlags: 1, keepsF1: true}, // flags nothing
	}
	tests := []struct {
		min     float64
		off     bool
		l2, th  float64
		comment string
	}{
		{0.85, false, 0.001, 0.9, "the best of those that reach it; a tie keeps the first"},
		{0.95, false, 0.01, 0.7, "only the flags right on every author"},
		{0.20, false, 0.001, 0.5, "the worst author's 0.20 reaches a target of 0.20"},
	}
	for _, tt := range tests {
		c, off := chooseTrusted(cands, tt.min)
		if off != tt.off || c.l2 != tt.l2 || c.threshold != tt.th {
			t.Errorf("target %g (%s): chose %+v, off %v", tt.min, tt.comment, c, off)
		}
	}
	if _, off := chooseTrusted(cands[:2], 0.85); !off {
		t.Error("no setting reaches the target and keeps F1: want the model off")
	}
	if _, off := chooseTrusted(cands[5:], 0.85); !off {
		t.Error("the one setting left adds nothing to the phrases: want the model off")
	}
}

// TestTallyAuthors: each fold's net labels are the model's right flags
// less its wrong ones (where the phrases found nothing), and the folds
// add up.
func TestTallyAuthors(t *testing.T) {
	res := []FoldResult{
		{Name: "gains", Dictionary: Counts{TP: 5, FN: 5, TN: 10}, Combined: Counts{TP: 8, FP: 1, FN: 2, TN: 9}},  // +3 -1
		{Name: "loses", Dictionary: Counts{TP: 5, FN: 5, TN: 10}, Combined: Counts{TP: 6, FP: 3, FN: 4, TN: 7}},  // +1 -3
		{Name: "even", Dictionary: Counts{TP: 5, FN: 5, TN: 10}, Combined: Counts{TP: 6, FP: 1, FN: 4, TN: 9}},   // +1 -1
		{Name: "loses2", Dictionary: Counts{TP: 5, FN: 5, TN: 10}, Combined: Counts{TP: 5, FP: 2, FN: 5, TN: 8}}, // -2
	}
	got := TallyAuthors(res)
	want := AuthorTally{Dictionary: Counts{TP: 20, FN: 20, TN: 40}, Combined: Counts{TP: 25, FP: 7, FN: 15, TN: 33},
		Improved: 1, Worsened: 2, MostLost: 2, MostLostFold: "loses"}
	if got != want {
		t.Errorf("tally %+v, want %+v", got, want)
	}
	if n := Net(res[0].Dictionary, res[0].Combined); n != 2 {
		t.Errorf("net of gains %d, want 2", n)
	}
}

// TestAuthorRule: a setting passes when the pooled F1 rises, more folds
// gain labels than lose them, no fold loses more than the limit, and the
// model's own flags, all folds' added up, are right often enough; of
// those the best pooled F1 is chosen, the first of equal ones; none
// passing is the model off.
func TestAuthorRule(t *testing.T) {
	up := Counts{TP: 30, FP: 2, FN: 10, TN: 58}      // F1 above base; own flags 5 right, 2 wrong (0.714)
	precise := Counts{TP: 30, FP: 1, FN: 10, TN: 59} // own flags 5 right, 1 wrong (0.833)
	base := Counts{TP: 25, FN: 15, TN: 60}
	tests := []struct {
		name   string
		tally  AuthorTally
		max    int
		minOwn float64
		pass   bool
	}{
		{"gains on most, loses two on one", AuthorTally{Dictionary: base, Combined: up, Improved: 5, Worsened: 1, MostLost: 2}, 2, 0, true},
		{"one author loses three", AuthorTally{Dictionary: base, Combined: up, Improved: 5, Worsened: 1, MostLost: 3}, 2, 0, false},
		{"as many worsened as improved", AuthorTally{Dictionary: base, Combined: up, Improved: 2, Worsened: 2, MostLost: 1}, 2, 0, false},
		{"pooled F1 no higher", AuthorTally{Dictionary: base, Combined: base, Improved: 1}, 2, 0, false},
		{"no loss allowed, none lost", AuthorTally{Dictionary: base, Combined: up, Improved: 1}, 0, 0, true},
		{"own flags right 5 of 7, under the guard", AuthorTally{Dictionary: base, Combined: up, Improved: 5}, 2, 0.75, false},
		{"own flags right 5 of 7, a lower guard", AuthorTally{Dictionary: base, Combined: up, Improved: 5}, 2, 0.7, true},
		{"own flags right 5 of 6, over the guard", AuthorTally{Dictionary: base, Combined: precise, Improved: 5}, 2, 0.75, true},
		{"own flags right 5 of 6, a guard of exactly that", AuthorTally{Dictionary: base, Combined: precise, Improved: 5}, 2, 5.0 / 6, true},
	}
	for _, tt := range tests {
		if got := tt.tally.Passes(Grid{MaxAuthorLoss: tt.max, MinOwnPrecision: tt.minOwn}); got != tt.pass {
			t.Errorf("%s: passes %v, want %v", tt.name, got, tt.pass)
		}
	}
	pass := AuthorTally{Dictionary: base, Combined: up, Improved: 3}
	fail := AuthorTally{Dictionary: base, Combined: up, Improved: 3, Worsened: 1, MostLost: 4}
	cands := []candidate{
		{l2: 0.001, threshold: 0.5, f1: 0.90, authors: fail}, // the best F1, but one author loses four
		{l2: 0.001, threshold: 0.7, f1: 0.80, authors: pass},
		{l2: 0.01, threshold: 0.7, f1: 0.80, authors: pass}, // a tie keeps the first
		{l2: 0.01, threshold: 0.9, f1: 0.75, authors: pass},
	}
	if c, off := chooseByAuthor(cands, Grid{MaxAuthorLoss: 2}); off || c.l2 != 0.001 || c.threshold != 0.7 {
		t.Errorf("chose %+v off %v, want l2 0.001 threshold 0.7", c, off)
	}
	if c, off := chooseByAuthor(cands, Grid{MaxAuthorLoss: 4}); off || c.threshold != 0.5 {
		t.Errorf("a loss of four allowed: chose %+v off %v, want threshold 0.5", c, off)
	}
	if _, off := chooseByAuthor(cands[:1], Grid{MaxAuthorLoss: 2}); !off {
		t.Error("no setting passes: want the model off")
	}
	// The guard on the own flags: the settings above flag 5 right, 2 wrong;
	// a setting of lower F1 whose own flags are right 5 of 6 is chosen.
	guarded := append(cands, candidate{l2: 0.01, threshold: 0.95, f1: 0.7, authors: AuthorTally{Dictionary: base, Combined: precise, Improved: 3}})
	if c, off := chooseByAuthor(guarded, Grid{MaxAuthorLoss: 2, MinOwnPrecision: 0.75}); off || c.threshold != 0.95 {
		t.Errorf("own flags at least 0.75: chose %+v off %v, want threshold 0.95", c, off)
	}
	if _, off := chooseByAuthor(cands, Grid{MaxAuthorLoss: 2, MinOwnPrecision: 0.75}); !off {
		t.Error("no setting's own flags right 0.75 of the time: want the model off")
	}
}

// TestNeighbourRule: a model's own flags on the neighbour calls (no
// instance, but an instance of another category of the channel) are
// counted per fold whatever the threshold, added up over the folds, and a
// setting that flags more of them, times the neighbour calls an instance
// in traffic, than the share of the instances its own flags find does
// not pass, however well it does on the labels.
func TestNeighbourRule(t *testing.T) {
	f := Fold{Name: "a", Examples: []Example{
		{ID: "threat", Label: true},
		{ID: "complaint1", Neighbour: true},
		{ID: "complaint2", Neighbour: true},
		{ID: "complaint3", Neighbour: true, Phrase: true}, // the phrases' false flag, not the model's
		{ID: "calm"},
	}}
	res := []FoldResult{{Name: "a", Probabilities: []float64{0.9, 0.8, 0.4, 0.95, 0.7}}}
	tests := []struct {
		threshold float64
		flags     int
	}{
		{0.5, 1}, // complaint1; complaint3 is flagged by its phrases
		{0.85, 0},
		{0.3, 2},
	}
	for _, tt := range tests {
		got := Rethreshold([]Fold{f}, res, tt.threshold)[0]
		if got.Neighbours != 3 || got.NeighbourFlags != tt.flags {
			t.Errorf("threshold %g: neighbour flags %d of %d, want %d of 3", tt.threshold, got.NeighbourFlags, got.Neighbours, tt.flags)
		}
	}
	if r := phrasesAlone(f); r.Neighbours != 3 || r.NeighbourFlags != 0 {
		t.Errorf("phrases alone: neighbour flags %d of %d, want 0 of 3", r.NeighbourFlags, r.Neighbours)
	}
	tally := TallyAuthors([]FoldResult{{Neighbours: 30, NeighbourFlags: 2}, {Neighbours: 10, NeighbourFlags: 1}})
	if tally.Neighbours != 40 || tally.NeighbourFlags != 3 || tally.NeighbourRate() != 0.075 {
		t.Errorf("tally: %d of %d (%g), want 3 of 40 (0.075)", tally.NeighbourFlags, tally.Neighbours, tally.NeighbourRate())
	}
	// The phrases find 25 of 40 instances; the model's own flags 5 more
	// (0.125 of the instances) and 1 wrong. With four neighbour calls an
	// instance in traffic, it may flag at most 0.125/4 of the 40 neighbour
	// calls: 1.25, so one.
	base := Counts{TP: 25, FN: 15, TN: 60}
	up := Counts{TP: 30, FP: 1, FN: 10, TN: 59}
	for _, tt := range []struct {
		flags int
		odds  float64
		pass  bool
	}{
		{1, 4, true},
		{2, 4, false}, // 4 x 0.05 = 0.2 > 0.125
		{2, 2, true},  // 2 x 0.05 = 0.1
		{3, 0, true},  // no check
		{0, 4, true},
	} {
		a := AuthorTally{Dictionary: base, Combined: up, Improved: 3, Neighbours: 40, NeighbourFlags: tt.flags}
		if got := a.Passes(Grid{MaxAuthorLoss: 5, NeighbourOdds: tt.odds}); got != tt.pass {
			t.Errorf("%d of 40 neighbour calls flagged, %g neighbour calls an instance, own recall %.3f: passes %v, want %v", tt.flags, tt.odds, a.OwnRecall(), got, tt.pass)
		}
	}
}

// TestSelectOff: one author labels the grievance words the other way. A
// model learnt from the others flags that author's calls wrongly, so with
// a target for the worst author's flags it is off, and the nested
// cross-validation counts the held-out authors with their phrases alone;
// the mean-precision rule (no target for the flags) keeps a model.
func TestSelectOff(t *testing.T) {
	flipped := examples(30, 2)
	for i := range flipped {
		flipped[i].Label = !flipped[i].Label
	}
	folds := []Fold{{Name: "a", Examples: examples(30, 0)}, {Name: "b", Examples: examples(30, 1)}, {Name: "c", Examples: flipped}}
	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	trusted := Grid{L2: []float64{0.001, 0.01}, Thresholds: []float64{0.5, 0.7, 0.9}, MinFlagPrecision: 0.85}
	sel, err := Select(folds, opt, trusted)
	if err != nil {
		t.Fatal(err)
	}
	if !sel.Off {
		t.Errorf("Select with a flag target: %+v, want the model off", sel)
	}
	var dict []FoldResult
	for _, f := range folds {
		dict = append(dict, phrasesAlone(f))
	}
	if want := MeanF1(dict, true); sel.F1 != want {
		t.Errorf("off: F1 %.3f, want the phrases' %.3f", sel.F1, want)
	}
	mean := trusted
	mean.MinFlagPrecision = 0
	if sel, err := Select(folds, opt, mean); err != nil || sel.Off || sel.Worst != "c" || sel.WorstFlags.TP != 0 {
		t.Errorf("Select by the mean: %+v, %v; want a model, the worst author c with no flag right", sel, err)
	}
	res, err := NestedCV(folds, opt, trusted)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Chosen.Off && (r.Combined != r.Dictionary || r.Probabilities != nil) {
			t.Errorf("%s: model off, but combined %+v, phrases %+v", r.Name, r.Combined, r.Dictionary)
		}
	}
	if !res[0].Chosen.Off {
		t.Errorf("held out a, b and c disagree: want the model off, chose %+v", res[0].Chosen)
	}
	// The author rule: author c loses far more than two labels net.
	byAuthor := Grid{L2: trusted.L2, Thresholds: trusted.Thresholds, ByAuthor: true, MaxAuthorLoss: 2}
	if sel, err := Select(folds, opt, byAuthor); err != nil || !sel.Off || sel.Authors.Combined != sel.Authors.Dictionary {
		t.Errorf("Select by the author rule: %+v, %v; want the model off, counted with the phrases alone", sel, err)
	}
}

// TestMinAuthors: a feature said by the calls of fewer authors than
// MinAuthors is not learnt, whatever it says about the label; one that
// enough authors say is.
func TestMinAuthors(t *testing.T) {
	var calls []Example
	for i, author := range []string{"a", "b", "c"} {
		for _, e := range examples(30, i) {
			e.Author = author
			if author == "a" && e.Label {
				// Only author a's complaints talk about the pension.
				e.Utterances = append(e.Utterances, "пенсия")
			}
			calls = append(calls, e)
		}
	}
	opt := Options{Language: "ru", Category: "complaint", Channel: "client"}
	pension, grievance := Stemmer("ru")("пенсия"), Stemmer("ru")("безобразие")
	tests := []struct {
		minAuthors     int
		pension, grief bool
	}{
		{0, true, true},
		{1, true, true},
		{2, false, true},
		{3, false, true},
	}
	for _, tt := range tests {
		opt.MinAuthors = tt.minAuthors
		m, err := Train(calls, opt)
		if err != nil {
			t.Fatal(err)
		}
		_, p := m.Weights[pension]
		_, g := m.Weights[grievance]
		if p != tt.pension || g != tt.grief || m.Training.MinAuthors != tt.minAuthors {
			t.Errorf("min authors %d: «%s» learnt %v, «%s» %v (training %+v)", tt.minAuthors, pension, p, grievance, g, m.Training)
		}
	}
	opt.MinAuthors = 4
	if _, err := Train(calls, opt); !errors.Is(err, ErrBadOption) {
		t.Errorf("min authors 4 of 3 authors: %v, want ErrBadOption", err)
	}
}
