package filter

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/callscope/callscope/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenExprs are compiled into testdata/compile.golden: canonical form,
// SQL and bound arguments of each.
var goldenExprs = []string{
	"duration > 5m",
	"silence_longest > 10s",
	"param.overtalk_total >= 1.5",
	"talk_share_operator < 40%",
	"has complaint",
	"not has greeting",
	"category = complaint",
	"category != complaint",
	"category in (complaint, repeat_contact)",
	"category not in (complaint, incompetence)",
	"category.complaint >= 2",
	"operator = op-12",
	"operator in (op-11, 'op-12', \"op-13\")",
	"department != 'Продажи'",
	"operator_name ~ петров",
	"tag.scenario = complaint",
	"tag.'sales channel' !~ web",
	"started >= 2026-11-01",
	"started = 2026-11-20",
	"started < 2026-W47",
	"started <= 2026-11",
	"started != 2026",
	"started in (2026-11-18, 2026-11-20)",
	"started > '2026-11-20 10:15'",
	"started = 2026-11-20T10:15+03:00",
	"started is unknown",
	"score between",
	"score >= 4 and score < 4.5",
	"csat <= 2 or csat is unknown",
	"wait > 1:30",
	"transfers in (1, 2)",
	"transfers not in (0)",
	"criterion.greeting = failed",
	"not (has complaint or wait > 30s) and direction = inbound",
	"!(duration < 10 && csat is known) || hour >= 18",
	"weekday in (6, 7)",
	"NOT NOT duration > 1h",
}

func TestCompileGolden(t *testing.T) {
	var b strings.Builder
	for _, src := range goldenExprs {
		fmt.Fprintf(&b, "filter: %s\n", src)
		e, err := Parse(src)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n\n", err)
			continue
		}
		where, args, err := CompileIn(e, time.UTC)
		if err != nil {
			t.Fatalf("%s: compile: %v", src, err)
		}
		fmt.Fprintf(&b, "canonical: %s\nsql: %s\nargs:", e, where)
		for _, a := range args {
			if tm, ok := a.(time.Time); ok {
				fmt.Fprintf(&b, " %s", tm.Format(time.RFC3339))
				continue
			}
			fmt.Fprintf(&b, " %#v", a)
		}
		b.WriteString("\n\n")
		if n := strings.Count(where, "?"); n != len(args) {
			t.Errorf("%s: %d placeholders, %d args", src, n, len(args))
		}
		// The canonical form parses back to itself.
		again, err := Parse(e.String())
		if err != nil {
			t.Errorf("%s: canonical %q does not parse: %v", src, e, err)
		} else if again.String() != e.String() {
			t.Errorf("%s: canonical %q reparses as %q", src, e, again)
		}
	}
	checkGolden(t, "compile.golden", b.String())
}

// TestParseErrors checks the message and the column of bad expressions.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src    string
		column int
		msg    string
	}{
		{"", 1, "empty filter"},
		{"durtion > 5m", 1, `unknown field "durtion" (did you mean "duration"?)`},
		{"duration > 5m and silense_longest > 3", 19, `did you mean "silence_longest"?`},
		{"parm.silence_longest > 3", 1, "did you mean param.silence_longest?"},
		{"tga > 3", 1, "did you mean tag.KEY?"},
		{"xyzzy = 1", 1, `unknown field "xyzzy": see docs/filters.md`},
		{"duration > ", 12, "expected a duration value for duration, got end of expression"},
		{"duration > fast", 12, `duration: want a duration such as 90s`},
		{"csat > 4m", 8, "want a plain number, got \"4m\" (units apply to durations only)"},
		{"operator > op-12", 10, "operator > does not apply to operator, a string field"},
		{"operator = 5 and duration ~ 3", 27, "operator ~ does not apply to duration, a duration field"},
		{"started >= 2026-13-01", 12, "want a date or time such as 2026-11-20"},
		{"started = 2026-W54", 11, "want a date or time"},
		{"(duration > 5m", 15, "expected ')' to close the '(' at column 1, got end of expression"},
		{"duration > 5m)", 14, "')' without a matching '('"},
		{"duration > 5m csat < 3", 15, "unexpected \"csat\": join conditions with and / or"},
		{"has", 4, "expected a category after has"},
		{"category complaint", 10, "write category = complaint or has complaint"},
		{"duration", 9, "expected an operator after duration"},
		{"duration is maybe", 13, "expected known or unknown after is"},
		{"duration is unknown", 10, "duration always has a value"},
		{"operator = 'op-12", 12, "string is not closed: add a '"},
		{"duration > 5 & csat < 3", 14, `"&" is not an operator (did you mean "&&"?)`},
		{"operator in op-12", 13, "expected '(' after in"},
		{"operator in (op-1 op-2)", 19, "expected ',' or ')' in the list"},
		{"criterion.greeting = maybe", 22, "want passed, failed or n/a"},
		{"param. > 3", 1, "param. needs a name after the dot"},
		{"talk_share_operator > lots", 23, "want a percentage such as 40 or 40%"},
		// Names the analyzer never writes are refused with the one it does.
		{"first_response > 0s", 1, `renamed, write first_response_time`},
		{"holds_count > 0", 1, `renamed, write hold_count`},
		{"holds_total > 1m", 1, `renamed, write hold_total`},
		{"talk_ratio > 60%", 1, `renamed, write talk_share_operator (the operator's share of talk, 0-100%) or talk_listen_ratio`},
		{"param.talk_ratio > 1", 1, `param.talk_ratio: unknown parameter "talk_ratio": renamed, write talk_listen_ratio`},
		{"param.holds_count > 0", 1, `unknown parameter "holds_count": renamed, write hold_count`},
		{"param.silence_longst > 3", 1, `unknown parameter "silence_longst" (did you mean silence_longest?)`},
		{"param.first_response_time > 5 min", 31, `unexpected "min"`},
		{"Оператор = 1", 1, `unknown field "Оператор"`},
		{"duration > 5m and and", 19, "expected a condition"},
		{"operator = and", 12, `got keyword "and"`},
		{"5 > duration", 1, `expected a field name, got "5"`},
		{"duration # 3", 10, "unexpected character '#'"},
		{"duration not > 3", 10, "not is only allowed before in"},
		{strings.Repeat("(", 200) + "has x" + strings.Repeat(")", 200), 101, "nested deeper than 100"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := Parse(tc.src)
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("Parse(%q) = %v, want *Error", tc.src, err)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("error does not wrap ErrSyntax")
			}
			if perr.Column != tc.column || !strings.Contains(perr.Msg, tc.msg) {
				t.Errorf("Parse(%q):\n got column %d: %s\nwant column %d: ...%s...", tc.src, perr.Column, perr.Msg, tc.column, tc.msg)
			}
			// The caret points at the place in the expression (or in the
			// excerpt of a long one).
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != 3 || strings.TrimLeft(lines[2], " ") != "^" {
				t.Fatalf("caret line wrong:\n%s", err)
			}
			shown, caret := []rune(lines[1]), utf8.RuneCountInString(lines[2])-1
			src := []rune(tc.src)
			if tc.column-1 < len(src) && (caret >= len(shown) || shown[caret] != src[tc.column-1]) {
				t.Errorf("caret not under column %d:\n%s", tc.column, err)
			}
			if len(src) <= 100 && lines[1] != "  "+tc.src {
				t.Errorf("a short expression is shown whole:\n%s", err)
			}
		})
	}
}

// TestUnknownCategory: with the known categories given, a filter naming
// any other is refused at the name, listing the known ones; without them
// (nil) every name passes, as before.
func TestUnknownCategory(t *testing.T) {
	known := []string{"repeat_contact", "complaint", "churn_threat", "greeting"}
	many := make([]string, 40)
	for i := range many {
		many[i] = fmt.Sprintf("cat%02d", i)
	}
	for _, tc := range []struct {
		src    string
		known  []string
		column int    // 0: no error
		msg    string // part of the message
	}{
		{"has complaint", known, 0, ""},
		{"has complaint", nil, 0, ""},
		{"has nosuchcat", nil, 0, ""},
		{"category in (complaint, greeting) and category.churn_threat >= 2", known, 0, ""},
		{"has 'complaint'", known, 0, ""},
		{"has complant", known, 5, `unknown category "complant" (did you mean complaint?): the known categories are churn_threat, complaint, greeting, repeat_contact`},
		{"has Complaint", known, 5, `unknown category "Complaint" (did you mean complaint?)`},
		{"has nosuchcat", known, 5, `unknown category "nosuchcat": the known categories are churn_threat, complaint, greeting, repeat_contact`},
		{"duration > 1m and not has 'no such'", known, 27, `unknown category "no such": the known`},
		{"category = complaints", known, 12, `unknown category "complaints" (did you mean complaint?)`},
		{"category != nosuch", known, 13, `unknown category "nosuch"`},
		{"category in (complaint, repeat)", known, 25, `unknown category "repeat"`},
		{"category not in (greeting, churn)", known, 28, `unknown category "churn"`},
		{"category.complain > 0", known, 10, `unknown category "complain" (did you mean complaint?)`},
		{"category.'no such' > 0", known, 10, `unknown category "no such"`},
		{"has жалоба", known, 5, `unknown category "жалоба": the known categories are`},
		{"has complaint", []string{}, 5, `unknown category "complaint": no dictionary has a category and no stored call has one`},
		{"has cat99", many, 5, "the known categories are cat00, cat01, "},
		{"has cat99", many, 5, "cat28, cat29 and 10 more"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := ParseWith(tc.src, Options{Categories: tc.known})
			if tc.column == 0 {
				if err != nil {
					t.Fatalf("ParseWith(%q, %v) = %v, want no error", tc.src, tc.known, err)
				}
				return
			}
			var perr *Error
			if !errors.As(err, &perr) || !errors.Is(err, ErrSyntax) {
				t.Fatalf("ParseWith(%q) = %v, want *Error wrapping ErrSyntax", tc.src, err)
			}
			if perr.Column != tc.column || !strings.Contains(perr.Msg, tc.msg) {
				t.Errorf("ParseWith(%q):\n got column %d: %s\nwant column %d: ...%s...", tc.src, perr.Column, perr.Msg, tc.column, tc.msg)
			}
		})
	}
}

func TestCategoryNames(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"duration > 5m", ""},
		{"categories > 1", ""},
		{"has complaint", "complaint"},
		{"not (has a or category in (b, c)) and category.d > 1 and category != e", "a b c d e"},
		{"tag.scenario = complaint", ""},
	} {
		e, err := Parse(tc.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.src, err)
		}
		if got := strings.Join(CategoryNames(e), " "); got != tc.want {
			t.Errorf("CategoryNames(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestFieldsCount(t *testing.T) {
	if n := len(Fields()); n < 30 {
		t.Errorf("%d named filters, want at least 30", n)
	}
	seen := map[string]bool{}
	for _, f := range Fields() {
		if seen[f.Name] {
			t.Errorf("field %s twice", f.Name)
		}
		seen[f.Name] = true
		if f.Doc == "" || f.Type == 0 {
			t.Errorf("field %s lacks doc or type", f.Name)
		}
	}
}

// TestFieldsDocumented checks docs/filters.md lists every field in code,
// and no field that is not.
func TestFieldsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "filters.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		// Field rows of the tables: | `name` | type | ... |
		if cells := strings.Split(line, "|"); len(cells) > 3 && strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			documented[strings.Trim(strings.TrimSpace(cells[1]), "`")] = true
		}
	}
	for _, f := range Fields() {
		if !documented[f.Name] {
			t.Errorf("field %s is not documented in docs/filters.md", f.Name)
		}
		delete(documented, f.Name)
	}
	for name := range documented {
		t.Errorf("docs/filters.md documents %s, which is not a field", name)
	}
}

// checkGolden checks got against the golden file testdata/name.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got), *update, "go test ./report/filter -update")
}
