package report

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// TestUnknownCategory: with WithCategories, the call list, the report and
// the search refuse a filter naming a category that neither the
// dictionaries nor a stored call in the reader's scope has, at its column;
// the stored calls (drillCalls: complaint and greeting on d1) are read only
// when the dictionaries lack a name.
func TestUnknownCategory(t *testing.T) {
	drillBackends(t, func(t *testing.T, db store.DB) {
		farewellOnly := func(context.Context) ([]string, error) { return []string{"farewell"}, nil }
		broken := func(context.Context) ([]string, error) { return nil, errors.New("dictionaries do not load") }
		sales := WithScope(context.Background(), Scope{Departments: []string{"Продажи"}})
		for _, tc := range []struct {
			name   string
			ctx    context.Context
			lister CategoryLister
			filter string
			column int    // 0: accepted
			msg    string // part of the message
		}{
			{"no known set: any name", context.Background(), nil, "has nosuch", 0, ""},
			{"a dictionary's", context.Background(), farewellOnly, "has farewell", 0, ""},
			{"a stored call's", context.Background(), farewellOnly, "has complaint and category.greeting > 0", 0, ""},
			{"no category named", context.Background(), broken, "duration > 1s", 0, ""},
			{"mistyped", context.Background(), farewellOnly, "has complant", 5,
				`unknown category "complant" (did you mean complaint?): the known categories are complaint, farewell, greeting`},
			{"in a list", context.Background(), farewellOnly, "category not in (farewell, nosuch)", 28, `unknown category "nosuch"`},
			{"dictionaries broken: the stored decide", context.Background(), broken, "has greeting or has farewell", 21,
				`unknown category "farewell": the known categories are complaint, greeting`},
			{"the reader's scope has none stored", sales, farewellOnly, "has complaint", 5,
				`unknown category "complaint": the known categories are farewell`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				ctx := tc.ctx
				if tc.lister != nil {
					ctx = WithCategories(ctx, tc.lister)
				}
				_, callsErr := Calls(ctx, db, CallsRequest{Filter: tc.filter})
				_, searchErr := Search(ctx, db, SearchRequest{Phrase: "пожаловаться", Filter: tc.filter})
				_, reportErr := Run(ctx, db, Definition{Filter: tc.filter, By: []string{"operator"}}, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
				for what, err := range map[string]error{"calls": callsErr, "search": searchErr, "report": reportErr} {
					if tc.column == 0 {
						if err != nil {
							t.Errorf("%s %q: %v, want no error", what, tc.filter, err)
						}
						continue
					}
					var fe *filter.Error
					if !errors.As(err, &fe) || fe.Column != tc.column || !strings.Contains(fe.Msg, tc.msg) {
						t.Errorf("%s %q: %v\nwant column %d: ...%s...", what, tc.filter, err, tc.column, tc.msg)
					}
				}
				var pe *ParamError
				if tc.column != 0 && (!errors.As(callsErr, &pe) || pe.Param != "filter") {
					t.Errorf("calls %q: %v is not the filter parameter's error", tc.filter, callsErr)
				}
			})
		}
	})
}

// TestUnknownSliceCategory: a report cell's category (--slice
// category=X, as the report printed it) is checked like a filter's, and
// the filter is checked as written, without the slices' names.
func TestUnknownSliceCategory(t *testing.T) {
	drillBackends(t, func(t *testing.T, db store.DB) {
		ctx := WithCategories(context.Background(), func(context.Context) ([]string, error) { return []string{"farewell"}, nil })
		for _, tc := range []struct {
			filter string
			slices []string
			want   string // "": accepted; else the *ParamError's parameter and message
		}{
			{"", []string{"category=complaint"}, ""},
			{"", []string{"category=(none)"}, ""},
			{"has farewell", []string{"category=greeting", "operator=op-12"}, ""},
			{"", []string{"category=complant"}, `slice: --slice category=complant: unknown category "complant" (did you mean complaint?): the known categories are complaint, farewell, greeting`},
			{"has complaint", []string{"operator=op-12", "category = nosuch"}, `slice: --slice category=nosuch: unknown category "nosuch"`},
			{"has nosuch", []string{"category=complaint"}, `filter: --filter: column 5: unknown category "nosuch"`},
		} {
			_, err := Calls(ctx, db, CallsRequest{Filter: tc.filter, Slices: tc.slices})
			if tc.want == "" {
				if err != nil {
					t.Errorf("%q %v: %v, want no error", tc.filter, tc.slices, err)
				}
				continue
			}
			var pe *ParamError
			if !errors.As(err, &pe) || !strings.HasPrefix(pe.Param+": "+err.Error(), tc.want) {
				t.Errorf("%q %v: %v\nwant %s...", tc.filter, tc.slices, err, tc.want)
			}
		}
	})
}

// TestCategoriesListedOnlyWhenNamed: a filter without a category does not
// read the dictionaries.
func TestCategoriesListedOnlyWhenNamed(t *testing.T) {
	calls := 0
	ctx := WithCategories(context.Background(), func(context.Context) ([]string, error) {
		calls++
		return []string{"complaint"}, nil
	})
	for _, tc := range []struct {
		filter string
		want   int
	}{{"duration > 1m", 0}, {"categories > 0 and not tag.scenario = complaint", 0}, {"has complaint", 1}} {
		calls = 0
		if err := CheckFilterCategories(ctx, nil, tc.filter); err != nil {
			t.Fatalf("%q: %v", tc.filter, err)
		}
		if calls != tc.want {
			t.Errorf("%q read the dictionaries %d times, want %d", tc.filter, calls, tc.want)
		}
	}
}
