package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/dicttest"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/dictionaries"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/report/whatif"
	"github.com/callscope/callscope/store"
)

// TestDictValidateBroken: every mistake of a broken set is printed with its
// file:line:col, and the command fails.
func TestDictValidateBroken(t *testing.T) {
	clearServerEnv(t)
	out, errOut, code := execute(t, "dict", "validate", filepath.Join("testdata", "dict", "broken"))
	if code == 0 {
		t.Fatalf("validate of a broken set exited 0:\n%s", out)
	}
	matchGolden(t, filepath.Join("testdata", "dict", "validate_broken.golden"), out)
	if !strings.Contains(errOut, "dictionaries do not validate") {
		t.Errorf("stderr: %q", errOut)
	}
	// One file at a time works too.
	out, _, code = execute(t, "dict", "validate", filepath.Join("testdata", "dict", "broken", "ru", "repeat_contact.yaml"))
	if code == 0 || !strings.Contains(out, `testdata/dict/broken/ru/repeat_contact.yaml:7:11: phrase uzhe_zvonila "я уже звонила" has the same words as "я уже звонил" (line 5) after stemming`) {
		t.Errorf("validate one file: exit %d\n%s", code, out)
	}
}

func TestDictValidateAndList(t *testing.T) {
	clearServerEnv(t)
	out, errOut, code := execute(t, "dict", "validate")
	if code != 0 || !strings.Contains(out, "built-in dictionaries: ok, 30 categories") {
		t.Fatalf("validate built-ins: exit %d\n%s%s", code, out, errOut)
	}
	dir := copyBuiltins(t)
	out, _, code = execute(t, "dict", "validate", dir)
	if code != 0 || !strings.Contains(out, dir+": ok, 30 categories") {
		t.Errorf("validate a copy: exit %d\n%s", code, out)
	}
	out, _, code = execute(t, "dict", "list")
	if code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	// The trained model's threshold (docs/models.md) is the built-in
	// file's: it moves when the model is retrained.
	m, err := match.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	// The thresholds are the model files' (dict train sets them), read
	// here, not copied: a retrained model moves them.
	complaintThreshold := func(lang string) float64 {
		for _, md := range m.Models(lang) {
			if md.Category == "complaint" {
				return md.Threshold
			}
		}
		t.Fatalf("the built-in %s complaint model is gone: nothing to list", lang)
		return 0
	}
	threshold, enThreshold := complaintThreshold("ru"), complaintThreshold("en")
	// The phrase count is the built-in file's, read here, not copied: the
	// dictionary lanes add lines.
	greetingPhrases := 0
	for _, d := range m.Set().Dictionaries {
		if d.Language == "ru" && d.Category == "greeting" {
			greetingPhrases = len(d.Phrases)
		}
	}
	for _, want := range []string{
		"LANG  CATEGORY",
		fmt.Sprintf("ru    greeting            operator  first_utterance  -    %-8d", greetingPhrases),
		"ru    filler_words        operator  -                5",
		"ru    complaint           client",
		fmt.Sprintf("p>=%.2f  Клиент жалуется", threshold),
		// en complaint has a model since the twelve-author verdict by the
		// author rule (docs/models.md); apology never had one.
		fmt.Sprintf("p>=%.2f  The client complains", enThreshold),
		"-        The operator apologises.",
		"30 categories",
		"version sha256:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

func TestDictTest(t *testing.T) {
	clearServerEnv(t)
	tests := []struct {
		args []string
		want []string
	}{
		// Negation stops at the end of a sentence: «Нет, не жалуюсь» does not
		// cancel «пожаловаться!»; «не жалуюсь» itself is negated.
		{[]string{"--text", "Я звоню уже в 3-й раз, хочу пожаловаться! Нет, не жалуюсь."}, []string{
			"Я [звоню уже в 3-й раз], хочу [пожаловаться]! Нет, не жалуюсь.",
			"  repeat_contact/nth_raz (client, weight 2): звоню уже в 3-й раз",
			"  complaint/zhalovatsya (client, weight 2): пожаловаться",
		}},
		{[]string{"--text", "я не знаю", "--role", "client"}, []string{"я не знаю\n  no hits"}},
		{[]string{"--text", "I don't know, sorry", "--lang", "en", "--role", "operator"}, []string{"[I don't know], [sorry]"}},
		{[]string{"--text", "жалоба", "--color"}, []string{"\x1b[1mжалоба\x1b[0m"}},
		{[]string{"--transcript", filepath.Join("..", "..", "testdata", "calls", "05_third_time.transcript.json")}, []string{
			"   3.10s client   Здравствуйте. Я [звоню уже третий раз]! [Сколько можно] ждать? Роутер [так и не починили].",
			"    repeat_contact/nth_raz 3.79-5.17s: звоню уже третий раз",
			"categories: complaint ×2, hold_announcement ×1, politeness ×1, repeat_contact ×2",
		}},
	}
	for _, tt := range tests {
		out, errOut, code := execute(t, append([]string{"dict", "test"}, tt.args...)...)
		if code != 0 {
			t.Errorf("dict test %q: exit %d: %s", tt.args, code, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("dict test %q lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
	for _, args := range [][]string{{}, {"--text", "a", "--transcript", "b"}, {"--text", "a", "--role", "boss"}} {
		if _, errOut, code := execute(t, append([]string{"dict", "test"}, args...)...); code == 0 {
			t.Errorf("dict test %q succeeded", args)
		} else if !strings.Contains(errOut, "dict test:") {
			t.Errorf("dict test %q: %q", args, errOut)
		}
	}
}

// TestDictTestJSON: --format json says what the text output shows: the
// same hits with their times and words, the same categories.
func TestDictTestJSON(t *testing.T) {
	clearServerEnv(t)
	tr := filepath.Join("..", "..", "testdata", "calls", "05_third_time.transcript.json")
	text, errOut, code := execute(t, "dict", "test", "--transcript", tr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out, errOut, code := execute(t, "dict", "test", "--transcript", tr, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res dicttest.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res.Hits) == 0 || len(res.Segments) == 0 || res.Language != "ru" || !strings.HasPrefix(res.DictionaryVersion, "sha256:") {
		t.Fatalf("result %+v", res)
	}
	var cats []string
	for _, c := range res.CategoryNames() {
		cats = append(cats, fmt.Sprintf("%s ×%d", c, res.Categories[c]))
	}
	if want := fmt.Sprintf("%d hits; categories: %s", len(res.Hits), strings.Join(cats, ", ")); !strings.Contains(text, want) {
		t.Errorf("text output lacks %q:\n%s", want, text)
	}
	for _, h := range res.Hits {
		if want := fmt.Sprintf("    %s/%s %.2f-%.2fs: %s", h.Category, h.PhraseID, h.Start, h.End, h.Text); !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	for _, seg := range res.Segments {
		for _, i := range seg.Hits {
			if h := res.Hits[i]; h.Channel != seg.Channel || h.Start < seg.Start || h.End > seg.End+0.001 {
				t.Errorf("segment %+v lists hit %+v", seg, h)
			}
		}
	}

	out, errOut, code = execute(t, "dict", "test", "--text", "хочу пожаловаться", "--role", "client", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	res = dicttest.Result{}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) == 0 || res.Hits[0].Channel != "client" ||
		"хочу пожаловаться"[res.Hits[0].From:res.Hits[0].To] != res.Hits[0].Text {
		t.Errorf("--text --format json: %v\n%s", err, out)
	}
	if _, errOut, code := execute(t, "dict", "test", "--text", "a", "--format", "xml"); code == 0 || !strings.Contains(errOut, `--format "xml"`) {
		t.Errorf("--format xml: exit %d, %q", code, errOut)
	}
}

// copyBuiltins writes the built-in dictionaries into a new directory, as an
// analyst starts their own set.
func copyBuiltins(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	// Every file, the trained models (models/<lang>/) with the YAML: a
	// copy without them is another set.
	err := fs.WalkDir(dictionaries.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, p), 0o755)
		}
		data, err := dictionaries.FS.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDictWhatifEndToEnd analyses the shipped calls on the embedded default,
// then asks what a changed set would do: without the «жалоб нет»
// exclusions call 08 gains a complaint; without the refund and court
// phrases call 16 loses its. Nothing is written: no table gains a row.
// Not parallel: chDB allows one data directory per process.
func TestDictWhatifEndToEnd(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data := t.TempDir()
	if out, errOut, code := execute(t, "run", "--data", data, filepath.Join("..", "..", "testdata", "calls")); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, errOut, out)
	}
	// rows counts what is stored; whatif must not add a row anywhere.
	rows := func() string {
		db, err := store.Open(context.Background(), "chdb://"+filepath.Join(data, "clickhouse"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var parts []string
		for _, table := range []string{"calls", "hits", "call_status"} {
			r, err := db.Query(context.Background(), "SELECT count() FROM "+table)
			if err != nil {
				t.Fatal(err)
			}
			var n uint64
			for r.Next() {
				if err := r.Scan(&n); err != nil {
					t.Fatal(err)
				}
			}
			r.Close()
			parts = append(parts, fmt.Sprintf("%s=%d", table, n))
		}
		return strings.Join(parts, " ")
	}
	before := rows()

	// The same set: nothing changes.
	same := copyBuiltins(t)
	out, errOut, code := execute(t, "dict", "whatif", "--data", data, "--dir", same)
	if code != 0 {
		t.Fatalf("whatif: exit %d\n%s\n%s", code, errOut, out)
	}
	if !strings.Contains(out, "16 calls selected, 16 compared, 0 would change, 0 without a stored transcript; nothing was written") {
		t.Errorf("whatif of an unchanged set:\n%s", out)
	}
	// A filter naming a category no dictionary and no stored call has
	// would compare no call.
	_, errOut, code = execute(t, "dict", "whatif", "--data", data, "--dir", same, "--filter", "not has complant")
	if want := "--filter: column 9: unknown category \"complant\" (did you mean complaint?)"; code == 0 || !strings.Contains(errOut, want) {
		t.Errorf("whatif --filter 'not has complant': exit %d, stderr %q, want %q", code, errOut, want)
	}

	// complaint reduced to one phrase without exclusions: call 08 («у меня
	// нет претензий») gains it, call 16 («Верните деньги!») loses it.
	changed := copyBuiltins(t)
	// negatable: false, or the negation rule would cancel «нет претензий»;
	// model: false, or the trained complaint model would still flag call 16.
	if err := os.WriteFile(filepath.Join(changed, "ru", "complaint.yaml"), []byte(
		"category: complaint\nlanguage: ru\nchannel: client\nmodel: false\nphrases:\n  - id: pretenziya\n    text: претензия\n    negatable: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = execute(t, "dict", "whatif", "--data", data, "--dir", changed, "--examples", "20", "--progress", "lines")
	if code != 0 {
		t.Fatalf("whatif: exit %d\n%s\n%s", code, errOut, out)
	}
	gained := regexp.MustCompile(`(?s)\+complaint: gained by 1 call\(s\), e\.g\.\n  2026-11-19-000203 +2026-11-19 \d\d:\d\d +pretenziya +client +\d+\.\d\ds +«претензий»\n`)
	lost := regexp.MustCompile(`(?s)-complaint: lost by \d+ call\(s\), e\.g\.\n.*  2026-11-20-000307 +2026-11-20 \d\d:\d\d +was \w+ +client +\d+\.\d\ds +«[^»]+»\n`)
	for _, re := range []*regexp.Regexp{gained, lost, regexp.MustCompile(`16 calls selected, 16 compared, \d+ would change`)} {
		if !re.MatchString(out) {
			t.Errorf("whatif lacks %s:\n%s", re, out)
		}
	}
	if !strings.Contains(errOut, "callscope: what-if 16/16 calls (100%)") {
		t.Errorf("no progress on stderr: %q", errOut)
	}

	// --format json, and a filter that keeps one call.
	out, errOut, code = execute(t, "dict", "whatif", "--data", data, "--dir", changed, "--format", "json",
		"--filter", `call_id = "2026-11-20-000307"`)
	if code != 0 {
		t.Fatalf("whatif --format json: exit %d\n%s\n%s", code, errOut, out)
	}
	var res whatif.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("whatif --format json: %v\n%s", err, out)
	}
	var complaint *whatif.CategoryChange
	for i := range res.Categories {
		if res.Categories[i].Category == "complaint" {
			complaint = &res.Categories[i]
		}
	}
	if res.Calls != 1 || res.Compared != 1 || complaint == nil || complaint.Lost != 1 || complaint.Net != -1 ||
		len(complaint.LostExamples) != 1 || complaint.LostExamples[0].Hit == nil || complaint.LostExamples[0].Hit.Channel != "client" {
		t.Errorf("whatif --format json: %+v\n%s", res, out)
	}
	if after := rows(); after != before {
		t.Errorf("whatif wrote rows: before %s, after %s", before, after)
	}

	// dict test --call reads the stored call and its transcript.
	out, errOut, code = execute(t, "dict", "test", "--data", data, "--call", "2026-11-20-000307")
	if code != 0 {
		t.Fatalf("dict test --call: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{
		"call 2026-11-20-000307 (calls/16_refund_threat.wav), language ru",
		"[Верните деньги]",
		"stored analysis (dictionaries sha256:",
		"complaint/verni_dengi: Верните деньги",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dict test --call lacks %q:\n%s", want, out)
		}
	}
	out, errOut, code = execute(t, "dict", "test", "--data", data, "--call", "2026-11-20-000307", "--format", "json")
	if code != 0 {
		t.Fatalf("dict test --call --format json: exit %d\n%s", code, errOut)
	}
	var tested dicttest.Result
	if err := json.Unmarshal([]byte(out), &tested); err != nil || tested.CallID != "2026-11-20-000307" || tested.Stored == nil ||
		len(tested.Stored.Hits) == 0 || len(tested.Hits) == 0 || !strings.HasPrefix(tested.Stored.DictionaryVersion, "sha256:") {
		t.Errorf("dict test --call --format json: %v\n%s", err, out)
	}
	if _, errOut, code := execute(t, "dict", "test", "--data", data, "--call", "no-such-call"); code == 0 || !strings.Contains(errOut, `no stored call "no-such-call"`) {
		t.Errorf("unknown call: exit %d, %q", code, errOut)
	}
}
