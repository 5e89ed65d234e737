package report

import (
	"errors"
	"fmt"
	"testing"
)

// TestParamErrorMessage: the API shows a parameter's error beside its name,
// so the message drops what names the command-line flag and the package;
// the command line keeps the whole error.
func TestParamErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err      *ParamError
		cli, api string
	}{
		{&ParamError{Param: "by", Err: fmt.Errorf("%w: unknown dimension %q in --by (want operator)", ErrBadSpec, "bogus")},
			`report: unknown dimension "bogus" in --by (want operator)`, `unknown dimension "bogus" (want operator)`},
		{&ParamError{Param: "measures", Err: fmt.Errorf("%w: unknown measure %q", ErrBadSpec, "nosuch")},
			`report: unknown measure "nosuch"`, `unknown measure "nosuch"`},
		{&ParamError{Param: "period", Err: errors.New(`--period: unknown period "someday"`)},
			`--period: unknown period "someday"`, `unknown period "someday"`},
		{&ParamError{Param: "tz", Err: errors.New(`--tz unknown time zone "Mars"`)},
			`--tz unknown time zone "Mars"`, `unknown time zone "Mars"`},
	} {
		if got := tc.err.Error(); got != tc.cli {
			t.Errorf("Error() %q, want %q", got, tc.cli)
		}
		if got := tc.err.Message(); got != tc.api {
			t.Errorf("Message() %q, want %q", got, tc.api)
		}
	}
}

// TestSliceNamesItsParameter: an unknown dimension or measure is a
// ParamError naming by or measures, found before any query is made.
func TestSliceNamesItsParameter(t *testing.T) {
	for _, tc := range []struct {
		spec  Spec
		param string
	}{
		{Spec{By: []string{"operator", "bogus"}}, "by"},
		{Spec{By: []string{"operator"}, Measures: []string{"calls", "nosuch"}}, "measures"},
		{Spec{By: []string{"operator"}, Measures: []string{"param:no such"}}, "measures"},
	} {
		_, err := Slice(t.Context(), nil, tc.spec)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != tc.param || !errors.Is(err, ErrBadSpec) {
			t.Errorf("%+v: %v, want a ParamError naming %s that is ErrBadSpec", tc.spec, err, tc.param)
		}
	}
}
