package filter

import (
	"testing"
	"time"
)

const benchExpr = "department = 'Поддержка' and (has complaint or csat <= 2) and started >= 2026-11-01 and silence_longest > 10s and operator in (op-11, op-12, op-13)"

// BenchmarkParseCompile is the cost a query pays for its filter.
func BenchmarkParseCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e, err := Parse(benchExpr)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := CompileIn(e, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEval is the in-memory test of one analysis.
func BenchmarkEval(b *testing.B) {
	e, err := Parse(benchExpr)
	if err != nil {
		b.Fatal(err)
	}
	calls := sampleCalls()
	values := ValuesOf(&calls[1])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Eval(e, values); err != nil {
			b.Fatal(err)
		}
	}
}
