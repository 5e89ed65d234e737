package filter_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
)

// A filter compiles to a condition over `calls FINAL` with every value
// bound to a placeholder.
func ExampleCompileIn() {
	e, err := filter.Parse("has complaint and (wait > 1m or silence_longest >= 10s) and operator in (op-11, op-12)")
	if err != nil {
		panic(err)
	}
	where, args, err := filter.CompileIn(e, time.UTC)
	if err != nil {
		panic(err)
	}
	fmt.Println(where)
	fmt.Println(args...)
	// Output:
	// (has(category_names, ?) AND (wait_seconds > ? OR if(has(param_names, ?), param_values[indexOf(param_names, ?)], NULL) >= ?) AND operator_id IN (?, ?))
	// complaint 60 silence_longest silence_longest 10 op-11 op-12
}

// A mistake is reported with its column and a caret.
func ExampleParse_error() {
	_, err := filter.Parse("csat < 3 and operater = op-12")
	fmt.Println(err)
	var perr *filter.Error
	fmt.Println(errors.As(err, &perr), perr.Column)
	// Output:
	// column 14: unknown field "operater" (did you mean "operator"?)
	//   csat < 3 and operater = op-12
	//                ^
	// true 14
}

// Eval applies a filter to one analysis in memory, with the meaning of the
// SQL: an unknown value matches neither a comparison nor its negation.
func ExampleEval() {
	e, _ := filter.Parse("not wait > 30s")
	var a schemas.Analysis // no waiting time in its metadata
	ok, _ := filter.Eval(e, filter.ValuesOf(&a))
	fmt.Println(ok)
	wait := 12.0
	a.Meta.WaitSeconds = &wait
	ok, _ = filter.Eval(e, filter.ValuesOf(&a))
	fmt.Println(ok)
	// Output:
	// false
	// true
}
