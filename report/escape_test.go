package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestTerminalText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Анна Петрова", "Анна Петрова"},
		{"evil\x1b[2J\x1b]0;owned\x07", `evil\x1b[2J\x1b]0;owned\x07`},
		{"line\nbreak\ttab", `line\x0abreak\x09tab`},
		{"c1\u009bcsi", `c1\x9bcsi`},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"bad\xffutf8", `bad\xffutf8`},
	} {
		if got := TerminalText(tt.in); got != tt.want {
			t.Errorf("TerminalText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Анна", "Анна"},
		{`=HYPERLINK("http://evil","x")`, `'=HYPERLINK("http://evil","x")`},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"+7 916", "'+7 916"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"\t=1", "'\t=1"},
		{"＝1+1", "'＝1+1"},
		{"-3.5", "-3.5"},
		{"+12", "+12"},
		{"", ""},
		{"a\x1bb", `a\x1bb`},
		{"multi\nline", "multi\nline"},
	} {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWritersEscape: every writer of stored text (the operator table, the
// slice report, the call list and the call detail) escapes control
// characters on a terminal and formulas in CSV.
func TestWritersEscape(t *testing.T) {
	const name, formula = "Ann\x1b]0;pwned\x07\x1b[2J", "=HYPERLINK(\"http://evil\",\"x\")"
	ops := []OperatorRow{{OperatorID: formula, OperatorName: name, Department: "@SUM(1)", Calls: 1}}
	list := CallList{Calls: []CallRow{{CallID: formula, OperatorID: "op", OperatorName: name, Department: "-x"}}, Total: 1}
	detail := &CallDetail{CallRow: CallRow{CallID: "c1", OperatorName: name}, Tags: map[string]string{"k": name},
		Segments: []TranscriptSegment{{Channel: "client", Text: "hello " + name}}}
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
		csv   bool
	}{
		{"operator table", func(b *bytes.Buffer) error { return WriteTable(b, ops) }, false},
		{"operator csv", func(b *bytes.Buffer) error { return WriteCSV(b, ops) }, true},
		{"calls table", func(b *bytes.Buffer) error { return WriteCalls(b, list, FormatTable) }, false},
		{"calls csv", func(b *bytes.Buffer) error { return WriteCalls(b, list, FormatCSV) }, true},
		{"show", func(b *bytes.Buffer) error { return WriteCallDetail(b, detail, ShowOptions{}) }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.ContainsAny(out, "\x1b\x07") {
				t.Errorf("raw control characters in the output:\n%q", out)
			}
			if !tt.csv {
				return
			}
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, rec := range recs[1:] {
				for _, cell := range rec {
					if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
						t.Errorf("cell %q would be a formula", cell)
					}
				}
			}
		})
	}
}
