package filter

import (
	"strings"
	"testing"
	"time"
)

// FuzzParse feeds the parser arbitrary text: it must never panic, errors
// must carry a column inside the text, and every accepted expression must
// compile with one argument per placeholder and print a canonical form
// that parses back to itself.
//
//	go test ./report/filter -run '^$' -fuzz FuzzParse -fuzztime 15s
func FuzzParse(f *testing.F) {
	for _, s := range goldenExprs {
		f.Add(s)
	}
	for _, s := range backendExprs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			perr, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q): error %T, want *Error", src, err)
			}
			if perr.Offset < 0 || perr.Offset > len(src) || perr.Column < 1 {
				t.Fatalf("Parse(%q): bad position %d/%d", src, perr.Offset, perr.Column)
			}
			return
		}
		where, args, err := CompileIn(e, time.UTC)
		if err != nil {
			t.Fatalf("Compile(%q): %v", src, err)
		}
		// Placeholders are the only ? in the SQL: values never reach it.
		if n := strings.Count(where, "?"); n != len(args) {
			t.Fatalf("Compile(%q): %d placeholders, %d args: %s", src, n, len(args), where)
		}
		again, err := Parse(e.String())
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", e, src, err)
		}
		if again.String() != e.String() {
			t.Fatalf("canonical %q reparses as %q", e, again)
		}
		if _, err := Eval(e, func(string) (any, bool) { return nil, false }); err != nil {
			t.Fatalf("Eval(%q): %v", src, err)
		}
	})
}
