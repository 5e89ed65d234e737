package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/model"
)

// TestDictTrain: a model file from labelled calls, the same file from the
// same calls, and the nested cross-validation table.
func TestDictTrain(t *testing.T) {
	clearServerEnv(t)
	en := filepath.Join("..", "..", "testdata", "labelled", "en")
	dir := t.TempDir()
	var files [2][]byte
	for i := range files {
		out := filepath.Join(dir, "m.json")
		_, errOut, code := execute(t, "dict", "train", "--lang", "en", "--category", "complaint", "--out", out,
			filepath.Join(en, "blind2"), filepath.Join(en, "blind3"))
		if code != 0 || !strings.Contains(errOut, "en/complaint: 65 calls") {
			t.Fatalf("train: exit %d\n%s", code, errOut)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = data
		os.Remove(out)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("the same calls gave two different files")
	}
	m, err := model.Parse("m.json", files[0])
	if err != nil {
		t.Fatal(err)
	}
	want := model.Recommended("en", "complaint")
	if m.Language != "en" || m.Category != "complaint" || m.Channel != "client" || m.Threshold != want.Threshold ||
		m.Training.Calls != 65 || m.Training.L2 != want.L2 || len(m.Weights) == 0 {
		t.Errorf("model %s/%s %s threshold %g training %+v, %d weights", m.Language, m.Category, m.Channel, m.Threshold, m.Training, len(m.Weights))
	}
	// Flags override the recorded settings.
	out, _, code := execute(t, "dict", "train", "--lang", "en", "--category", "complaint", "--threshold", "0.7", "--l2", "0.01",
		filepath.Join(en, "blind2"))
	if m, err := model.Parse("stdout", []byte(out)); code != 0 || err != nil || m.Threshold != 0.7 || m.Training.L2 != 0.01 {
		t.Errorf("--threshold 0.7 --l2 0.01: exit %d, %v\n%.300s", code, err, out)
	}
	// A category whose built-in model the held-out verdict turned off is
	// trained, with a note saying so; one that ships (ru and en complaint)
	// gets none.
	for _, tc := range []struct {
		lang, category, note string
	}{
		{"en", "repeat_contact", "the built-ins ship no en/repeat_contact model"},
		{"en", "complaint", ""},
		{"ru", "complaint", ""},
	} {
		labels := filepath.Join("..", "..", "testdata", "labelled", tc.lang, "blind2")
		_, errOut, code := execute(t, "dict", "train", "--lang", tc.lang, "--category", tc.category, labels)
		if code != 0 || (tc.note == "") == strings.Contains(errOut, "ship no") || !strings.Contains(errOut, tc.note) {
			t.Errorf("%s/%s: exit %d, want the note %q\n%s", tc.lang, tc.category, code, tc.note, errOut)
		}
	}
	// The window: what every training call fits with --window-quantile 1.
	out, _, code = execute(t, "dict", "train", "--lang", "en", "--category", "complaint", "--window-quantile", "1",
		filepath.Join(en, "blind2"), filepath.Join(en, "blind3"))
	if w, err := model.Parse("stdout", []byte(out)); code != 0 || err != nil || w.Training.WindowQuantile != 1 || w.Window <= m.Window {
		t.Errorf("--window-quantile 1: exit %d, %v, window %d (default %d)\n%.300s", code, err, w.Window, m.Window, out)
	}
	// Neutral calls: the built-in lines by default, a file of one's own
	// (used also for a category the built-ins train without them), none.
	neutral := filepath.Join(dir, "neutral.txt")
	if err := os.WriteFile(neutral, []byte("# calm requests\nI would like to check my balance\nwhat time do you open tomorrow\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args    []string
		neutral int
	}{
		{nil, 15}, // half of blind2's 30 calls
		{[]string{"--neutral", "none"}, 0},
		{[]string{"--neutral", neutral, "--neutral-share", "1"}, 30},
		{[]string{"--neutral", neutral, "--category", "repeat_contact"}, 15},
	} {
		args := append([]string{"dict", "train", "--lang", "en", "--category", "complaint"}, tc.args...)
		out, errOut, code := execute(t, append(args, filepath.Join(en, "blind2"))...)
		m, err := model.Parse("stdout", []byte(out))
		if code != 0 || err != nil || m.Training.Neutral != tc.neutral {
			t.Errorf("%v: exit %d, %v, training %+v; want %d neutral calls\n%s", tc.args, code, err, m, tc.neutral, errOut)
		}
	}
	// The mean-precision rule (--cv-rule worst-author
	// --cv-min-flag-precision 0) always chooses a setting.
	out, errOut, code := execute(t, "dict", "train", "--cv", "--lang", "en", "--category", "complaint", "--cv-l2", "0.001",
		"--cv-thresholds", "0.5,0.6", "--cv-rule", "worst-author", "--cv-min-flag-precision", "0", "--cv-flags",
		filepath.Join(en, "dev")+","+filepath.Join(en, "heldout"), filepath.Join(en, "blind2"), filepath.Join(en, "blind3"))
	if code != 0 {
		t.Fatalf("cv: exit %d\n%s%s", code, out, errOut)
	}
	for _, w := range []string{"en/complaint: nested leave-one-author-out cross-validation", "blind3", "l2 0.001 th 0.", "all held-out calls",
		"held out: ", "chosen on all authors: --l2 0.001 --threshold 0.", "  flag en/complaint "} {
		if !strings.Contains(out, w) {
			t.Errorf("cv output lacks %q:\n%s", w, out)
		}
	}
	// --cv-flags: one line a flag, each right or WRONG.
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  flag ") && !strings.Contains(l, " right ") && !strings.Contains(l, " WRONG ") {
			t.Errorf("flag line without its verdict: %q", l)
		}
	}
	// A model must add to the phrases, by the author rule (the default)
	// and by the worst-author one. The built-in phrases were tuned on
	// these authors and find every complaint: nothing is left to add.
	for _, rule := range []struct{ args []string }{
		{nil},
		{[]string{"--cv-rule", "worst-author"}},
	} {
		args := append([]string{"dict", "train", "--cv", "--lang", "en", "--category", "complaint", "--cv-l2", "0.001", "--cv-thresholds", "0.5"}, rule.args...)
		out, errOut, code = execute(t, append(args, filepath.Join(en, "blind2"), filepath.Join(en, "blind3"), filepath.Join(en, "blind4"))...)
		why := "no setting passes the author rule"
		if rule.args != nil {
			why = "right 0.85 of the time on every author"
		}
		if code != 0 || strings.Count(out, "model off") != 4 || !strings.Contains(out, why) || !strings.Contains(out, "held out: model OFF") {
			t.Errorf("%v: exit %d, want the model off for every author and on all (%q)\n%s%s", rule.args, code, why, out, errOut)
		}
	}
	// The neighbour calls (no complaint, but a threat or an earlier
	// contact) are counted for every author and added up under the table.
	if !strings.Contains(out, "neighbour calls flagged") || !regexp.MustCompile(`all held-out calls .* 0 of [1-9]\d*\n`).MatchString(out) {
		t.Errorf("the cv output lacks the neighbour calls and their bar:\n%s", out)
	}
	// The veto trial: one line a level, each with its verdict.
	out, errOut, code = execute(t, "dict", "train", "--cv", "--lang", "en", "--category", "complaint", "--l2", "0.001", "--cv-veto", "0.05,0.3",
		filepath.Join(en, "blind2"), filepath.Join(en, "blind3"), filepath.Join(en, "blind4"))
	if code != 0 || !strings.Contains(out, "en/complaint: the model as a veto on the phrases") || strings.Count(out, "  veto under ") != 2 {
		t.Errorf("--cv-veto: exit %d\n%s%s", code, out, errOut)
	}
	// An author held out and counted, never learnt from.
	gen := filepath.Join(en, "dev") + "," + filepath.Join(en, "heldout")
	out, errOut, code = execute(t, "dict", "train", "--cv", "--lang", "en", "--category", "complaint", "--cv-l2", "0.001",
		"--cv-thresholds", "0.5", "--cv-measure-only", filepath.Join(en, "dev"),
		gen, filepath.Join(en, "blind2"), filepath.Join(en, "blind3"), filepath.Join(en, "blind4"))
	if code != 0 || !strings.Contains(out, gen+" (not learnt)") || strings.Count(out, "(not learnt)") != 1 {
		t.Errorf("--cv-measure-only: exit %d\n%s%s", code, out, errOut)
	}
	for _, bad := range [][]string{
		{"--threshold", "1.5"},
		{"--window-quantile", "1.5"},
		{"--max-df", "2"},
		{"--neutral-share", "-1"},
		{"--neutral", filepath.Join(dir, "missing.txt")},
		{"--cv", "--lang", "en"}, // one author: nothing to hold out from
		// A measure-only author that is none of the LABELS (it would be
		// learnt from), or without --cv.
		{"--cv", "--cv-l2", "0.001", "--cv-thresholds", "0.5", "--cv-measure-only", filepath.Join(en, "dev"), filepath.Join(en, "blind3"), filepath.Join(en, "blind4")},
		{"--cv-measure-only", filepath.Join(en, "blind2")},
		{"--cv", "--cv-rule", "mean", filepath.Join(en, "blind3")},
		{"--cv", "--cv-max-author-loss", "-1", filepath.Join(en, "blind3")},
		{"--cv", "--cv-min-own-precision", "1.5", filepath.Join(en, "blind3")},
		{"--cv", "--cv-min-own-precision", "-0.1", filepath.Join(en, "blind3")},
		{"--cv", "--cv-neighbour-odds", "-1", filepath.Join(en, "blind3")},
		{"--neighbour-weight", "-1"},
	} {
		args := append([]string{"dict", "train", "--lang", "en", "--category", "complaint"}, bad...)
		if _, errOut, code := execute(t, append(args, filepath.Join(en, "blind2"))...); code == 0 {
			t.Errorf("%v: exit 0\n%s", bad, errOut)
		}
	}
}
