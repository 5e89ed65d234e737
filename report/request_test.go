package report

import (
	"errors"
	"fmt"
	"testing"
	"time"
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
		// The other flags a message names are the API's parameters.
		{&ParamError{Param: "from", Err: errors.New(`--from 2026-11-30 is after --to 2026-11-01`)},
			`--from 2026-11-30 is after --to 2026-11-01`, `2026-11-30 is after to 2026-11-01`},
		{&ParamError{Param: "period", Err: errors.New(`--period: give a period or --from/--to, not both`)},
			`--period: give a period or --from/--to, not both`, `give a period or from/to, not both`},
		// A value the user sent is quoted and stays as sent.
		{&ParamError{Param: "limit", Err: fmt.Errorf("--limit: want a positive number, got %q", `--to "x"`)},
			`--limit: want a positive number, got "--to \"x\""`, `want a positive number, got "--to \"x\""`},
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

// TestAPIText: the messages the API passes on as they are (a bad spec, an
// unknown slice) name the API's parameters, not the command line's flags;
// what is quoted, and dashes that are no flag, stay.
func TestAPIText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"report: give one of --top N or --bottom N, N > 0", "give one of top N or bottom N, N > 0"},
		{"report: a comparison needs both --from and --to (or a day, week, month or year dimension)",
			"a comparison needs both from and to (or a day, week, month or year dimension)"},
		{`report: --sort "x" is not one of the report's measures`, `sort "x" is not one of the report's measures`},
		{`unknown slice "a --b": want one of category`, `unknown slice "a --b": want one of category`},
		{"a range 1--2 and a dash -- alone", "a range 1--2 and a dash -- alone"},
		{`got "\"--to\"" then --to`, `got "\"--to\"" then to`},
	} {
		if got := APIText(tc.in); got != tc.want {
			t.Errorf("APIText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDayRange: the drill-down commands' days, from included, to
// excluded; the same day twice or a from after to would select nothing
// and is refused, naming the parameter and, for the same day, the --to
// that selects it.
func TestDayRange(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	for _, tc := range []struct {
		name, tz, from, to string
		wantFrom, wantTo   time.Time
		param, message     string
	}{
		{name: "no days"},
		{name: "a week in UTC", from: "2026-11-16", to: "2026-11-23",
			wantFrom: time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC), wantTo: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
		{name: "one day in Moscow", tz: "Europe/Moscow", from: "2026-11-18", to: "2026-11-19",
			wantFrom: time.Date(2026, 11, 18, 0, 0, 0, 0, msk), wantTo: time.Date(2026, 11, 19, 0, 0, 0, 0, msk)},
		{name: "from alone", from: "2026-11-18", wantFrom: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)},
		{name: "the same day twice", from: "2026-11-18", to: "2026-11-18", param: "to",
			message: "--to 2026-11-18 is excluded here, so --from 2026-11-18 --to 2026-11-18 selects no day: give --to 2026-11-19 for that day"},
		{name: "from after to", from: "2026-11-20", to: "2026-11-18", param: "from", message: "--from 2026-11-20 is after --to 2026-11-18"},
		{name: "not a date", to: "2026-11-31", param: "to", message: `--to: want a date such as 2026-11-01, got "2026-11-31"`},
		{name: "unknown zone", tz: "Mars/Olympus", param: "tz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, from, to, err := DayRange(tc.tz, tc.from, tc.to)
			if tc.param == "" {
				if err != nil || !from.Equal(tc.wantFrom) || !to.Equal(tc.wantTo) {
					t.Errorf("%v %v %v, want %v %v", from, to, err, tc.wantFrom, tc.wantTo)
				}
				return
			}
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != tc.param || tc.message != "" && err.Error() != tc.message {
				t.Errorf("error %v, want a ParamError of %s saying %q", err, tc.param, tc.message)
			}
		})
	}
}
