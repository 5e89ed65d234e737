package score

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

func TestBuiltin(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if set.Profile("default") == nil || !set.Profile("default").AppliesTo.empty() {
		t.Fatalf("built-in set has no fallback default profile: %+v", set.Profiles)
	}
	if !strings.HasPrefix(set.Version, "sha256:") || !strings.HasPrefix(set.Profile("default").Version, "sha256:") {
		t.Errorf("versions %q %q", set.Version, set.Profile("default").Version)
	}
	if p := set.For("Продажи", "", "outbound"); p == nil || p.Name != "sales" {
		t.Errorf("Продажи: %v", p)
	}
	if p := set.For("Поддержка", "internet", "inbound"); p == nil || p.Name != "default" {
		t.Errorf("Поддержка: %v", p)
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "bad"))
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	want := []string{
		"testdata/bad/mistakes.yaml:1:10: profile: \"Bad Name\": want lower-case letters, digits and _",
		"testdata/bad/mistakes.yaml:2:26: applies_to.direction: \"sideways\": want inbound or outbound",
		"testdata/bad/mistakes.yaml:4:5: criterion \"one\": want exactly one of require, forbid, limit; got 2",
		"testdata/bad/mistakes.yaml:9:13: weight: want a number above 0, got -1",
		"testdata/bad/mistakes.yaml:10:44: require.channel: \"agent\": want operator, client or any",
		"testdata/bad/mistakes.yaml:10:65: require.within_first: want a duration such as 15s or 2m, got \"soon\"",
		"testdata/bad/mistakes.yaml:8:5: criterion \"two\": text: missing: the manager reads it",
		"testdata/bad/mistakes.yaml:11:5: criterion \"one\": id already used at line 4",
		"testdata/bad/mistakes.yaml:16:12: limit: min 10 is above max 5",
		"testdata/bad/mistakes.yaml:18:5: criterion: unknown field \"colour\"",
		"testdata/bad/mistakes.yaml:19:14: require: category: missing",
		"testdata/bad/mistakes.yaml:17:5: criterion: id: missing",
		"testdata/bad/syntax.yaml:3:1: not valid YAML",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in:\n%v", w, err)
		}
	}
}

func TestLoadDir(t *testing.T) {
	set, err := Load(filepath.Join("testdata", "good"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ department, queue, direction, want string }{
		{"Поддержка", "internet", "inbound", "support_internet"}, // the most specific
		{"поддержка", "tv", "inbound", "support"},                // case does not matter
		{"Продажи", "internet", "", "fallback"},
		{"", "", "", "fallback"},
	}
	for _, tt := range tests {
		if p := set.For(tt.department, tt.queue, tt.direction); p == nil || p.Name != tt.want {
			t.Errorf("For(%q, %q, %q) = %v, want %s", tt.department, tt.queue, tt.direction, p, tt.want)
		}
	}
	err = set.CheckParameters(func(name string) error {
		if name == "silence_longest" {
			return fmt.Errorf("unknown parameter %q", name)
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), `support.yaml:8:5: criterion "quiet": unknown parameter "silence_longest"`) {
		t.Errorf("CheckParameters: %v", err)
	}
	if _, err := Load(filepath.Join("testdata", "nonexistent")); err == nil || !strings.Contains(err.Error(), "nonexistent") {
		t.Errorf("missing dir: %v", err)
	}
	if _, err := Load(t.TempDir()); !errors.Is(err, ErrNoProfiles) {
		t.Errorf("empty dir: %v", err)
	}
}

// TestVersion: the version follows the content.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		set, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return set.Version
	}
	a := write("profile: p\ncriteria:\n  - {id: a, text: A, limit: {parameter: duration, max: 5}}\n")
	b := write("profile: p\ncriteria:\n  - {id: a, text: A, limit: {parameter: duration, max: 6}}\n")
	if a == b {
		t.Error("a changed threshold kept the version")
	}
}

func f(v float64) *float64 { return &v }

func TestScore(t *testing.T) {
	prof, err := Parse("p.yaml", []byte(`profile: p
criteria:
  - {id: greeting, text: G, weight: 2, require: {category: greeting, channel: operator, within_first: 15s}}
  - {id: farewell, text: F, require: {category: farewell, within_last: 10s}}
  - {id: apology, text: A, weight: 2, if: {category: complaint, channel: client}, require: {category: apology, channel: operator}}
  - {id: hold, text: H, if: {parameter: hold_count, min: 1}, require: {category: hold_announcement}}
  - {id: refusal, text: R, forbid: {category: refusal, phrase: [bare_net]}}
  - {id: quiet, text: Q, limit: {parameter: silence_longest, max: 10}}
  - {id: fillers, text: FW, require: {category: filler_words, min_count: 2}}
  - {id: missing, text: M, require: {category: not_in_dictionaries}}
`))
	if err != nil {
		t.Fatal(err)
	}
	cats := []string{"apology", "complaint", "farewell", "filler_words", "greeting", "hold_announcement", "refusal"}
	hit := func(cat, id, ch string, start float64) schemas.Hit {
		return schemas.Hit{Category: cat, PhraseID: id, Channel: ch, Start: start, End: start + 1, Text: id}
	}
	tests := []struct {
		name  string
		call  Call
		value float64
		want  map[string]string // criterion -> outcome: evidence
	}{
		{
			name: "model call",
			call: Call{Duration: 60, Categories: cats, Parameters: map[string]float64{"silence_longest": 2.5, "hold_count": 0},
				Hits: []schemas.Hit{hit("greeting", "hello", "operator", 0.5), hit("refusal", "ne_mogu", "operator", 20),
					hit("filler_words", "nu", "operator", 30), hit("filler_words", "nu", "operator", 31), hit("farewell", "bye", "operator", 55)}},
			value: 5,
			want: map[string]string{
				"greeting": `passed: greeting/hello "hello" at 0.5 s (operator)`,
				"farewell": `passed: farewell/bye "bye" at 55 s (operator)`,
				"apology":  "n/a: does not apply: no complaint phrase on the client channel",
				"hold":     "n/a: does not apply: hold_count 0 < min 1",
				"refusal":  "passed: no refusal phrase (bare_net)",
				"quiet":    "passed: silence_longest 2.5 s ≤ max 10 s",
				"fillers":  `passed: 2 found, 2 needed: filler_words/nu "nu" at 30 s (operator)`,
				"missing":  "n/a: category not_in_dictionaries is not in the dictionaries of this call's language",
			},
		},
		{
			name: "bad call",
			call: Call{Duration: 60, Categories: cats, Parameters: map[string]float64{"silence_longest": 12, "hold_count": 1},
				Hits: []schemas.Hit{hit("greeting", "hello", "operator", 16), hit("greeting", "hello", "client", 1),
					hit("complaint", "zhaloba", "client", 10), hit("refusal", "bare_net", "operator", 20), hit("refusal", "bare_net", "operator", 25),
					hit("filler_words", "nu", "operator", 30), hit("farewell", "bye", "operator", 40)}},
			// passed: nothing; judged: greeting 2, farewell 1, apology 2, hold 1, refusal 1, quiet 1, fillers 1.
			value: 1,
			want: map[string]string{
				"greeting": "failed: no greeting phrase on the operator channel in the first 15 s",
				"farewell": "failed: no farewell phrase in the last 10 s",
				"apology":  `failed: complaint/zhaloba "zhaloba" at 10 s (client); no apology phrase on the operator channel`,
				"hold":     "failed: hold_count 1 ≥ min 1; no hold_announcement phrase",
				"refusal":  `failed: refusal/bare_net "bare_net" at 20 s (operator) (and 1 more)`,
				"quiet":    "failed: silence_longest 12 s > max 10 s",
				"fillers":  `failed: 1 of 2 needed: filler_words/nu "nu" at 30 s (operator)`,
			},
		},
		{
			name: "mono: a mixed hit counts for any channel; unknown parameter is n/a",
			call: Call{Duration: 60, Categories: cats, Parameters: map[string]float64{},
				Hits: []schemas.Hit{hit("greeting", "hello", "mixed", 1), hit("complaint", "z", "mixed", 5), hit("apology", "a", "mixed", 6)}},
			// passed greeting 2 + apology 2 + refusal 1; failed farewell 1 + fillers 1.
			value: 1 + 4*5.0/7,
			want: map[string]string{
				"greeting": `passed: greeting/hello "hello" at 1 s (mixed)`,
				"apology":  `passed: complaint/z "z" at 5 s (mixed); apology/a "a" at 6 s (mixed)`,
				"hold":     "n/a: does not apply: hold_count is unknown for this call",
				"quiet":    "n/a: silence_longest is unknown for this call",
			},
		},
		{
			name:  "no transcript (timing only): phrase criteria n/a, timing judged",
			call:  Call{Duration: 60, Categories: cats, NoText: true, Parameters: map[string]float64{"silence_longest": 12}},
			value: 1,
			want: map[string]string{
				"greeting": "n/a: what was said is unknown: the call has no transcript",
				"apology":  "n/a: does not apply: what was said is unknown: the call has no transcript",
				"quiet":    "failed: silence_longest 12 s > max 10 s",
			},
		},
		{
			name:  "no dictionaries for the language: nothing judged",
			call:  Call{Duration: 60, Parameters: map[string]float64{}},
			value: 0,
			want:  map[string]string{"quiet": "n/a: silence_longest is unknown for this call"},
		},
	}
	units := func(name string) string {
		if strings.HasSuffix(name, "_count") {
			return "count"
		}
		return "s"
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.call.Unit = units
			s := prof.Score(tt.call)
			if want := float64(int(tt.value*100+0.5)) / 100; s.Value != want {
				t.Errorf("value %g, want %g", s.Value, want)
			}
			if s.Max != 5 || s.Profile != "p" || len(s.Criteria) != len(prof.Criteria) {
				t.Errorf("score %+v", s)
			}
			for _, c := range s.Criteria {
				want, ok := tt.want[c.ID]
				if !ok {
					continue
				}
				if got := c.Outcome + ": " + c.Evidence; got != want {
					t.Errorf("%s:\n got  %s\n want %s", c.ID, got, want)
				}
				if c.Outcome == schemas.CriterionFailed && strings.Contains(c.Evidence, " at ") && c.Start == nil {
					t.Errorf("%s: evidence with a time but no start", c.ID)
				}
			}
		})
	}
}
