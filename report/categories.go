package report

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// A filter naming a category that no call can have (has complant) selects
// no call, and an empty report reads as an answer. So the reports, call
// lists and searches refuse it, naming the category at its column, when
// the caller says which categories exist: those of the dictionaries in use
// (WithCategories) and those of the stored calls the reader may see, so
// that a category of older dictionaries stays reachable.

type categoriesKey struct{}

// CategoryLister lists the categories of the dictionaries in use.
type CategoryLister func(ctx context.Context) ([]string, error)

// WithCategories returns a context whose filters may name only the
// categories dictionaries lists or a stored call in the reader's scope
// has. dictionaries is called only when a filter names a category. A
// context without it (a library caller, a test) takes every name.
func WithCategories(ctx context.Context, dictionaries CategoryLister) context.Context {
	return context.WithValue(ctx, categoriesKey{}, dictionaries)
}

// CheckFilterCategories refuses a filter src that names a category
// unknown in ctx (see WithCategories): a *ParamError of the filter
// parameter whose *filter.Error names it at its column and lists the known
// ones. A filter that does not parse is the caller's to report; the names
// a slice adds (category=X) are CheckSliceCategories'.
func CheckFilterCategories(ctx context.Context, db store.Querier, src string) error {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	e, err := filter.Parse(src)
	if err != nil {
		return nil
	}
	known, ok, err := knownCategories(ctx, db, filter.CategoryNames(e))
	if ok || err != nil {
		return err
	}
	if _, err := filter.ParseWith(src, filter.Options{Categories: known}); err != nil {
		return &ParamError{Param: "filter", Err: fmt.Errorf("--filter: %w", err)}
	}
	return nil
}

// CheckSliceCategories refuses a category=X slice (NAME=VALUE, as
// CallsRequest.Slices) whose category is unknown in ctx, as
// CheckFilterCategories does a filter's.
func CheckSliceCategories(ctx context.Context, db store.Querier, cells []string) error {
	var names []string
	for _, c := range cells {
		name, value, _ := strings.Cut(c, "=")
		if value = strings.TrimSpace(value); strings.TrimSpace(name) == "category" && value != "(none)" {
			names = append(names, value)
		}
	}
	return checkNames(ctx, db, names, "slice", "--slice category=")
}

// CheckCategoryFlag refuses a name of a flag that lists categories
// (reprocess --category) that is unknown in ctx, as CheckFilterCategories
// does a filter's.
func CheckCategoryFlag(ctx context.Context, db store.Querier, flag string, names []string) error {
	return checkNames(ctx, db, names, flag, "--"+flag+" ")
}

// checkNames refuses the first of names that is unknown in ctx, as the
// parameter param written prefix+name.
func checkNames(ctx context.Context, db store.Querier, names []string, param, prefix string) error {
	known, ok, err := knownCategories(ctx, db, names)
	if ok || err != nil {
		return err
	}
	for _, n := range names {
		if !slices.Contains(known, n) {
			return paramErr(param, "%s%s: %s", prefix, n, filter.UnknownCategory(n, known))
		}
	}
	return nil
}

// knownCategories says whether every name is a known category in ctx (or
// ctx knows none: WithCategories was not called); when one is not, it
// returns the known ones, sorted. The stored categories are read only when
// the dictionaries lack a name, so a right filter costs no query.
// Dictionaries that do not load are no mistake of the filter: the stored
// categories decide alone then.
func knownCategories(ctx context.Context, db store.Querier, names []string) (known []string, ok bool, err error) {
	dictionaries, _ := ctx.Value(categoriesKey{}).(CategoryLister)
	if dictionaries == nil || len(names) == 0 {
		return nil, true, nil
	}
	if known, err = dictionaries(ctx); err != nil {
		known = nil
	}
	allKnown := func() bool {
		for _, n := range names {
			if !slices.Contains(known, n) {
				return false
			}
		}
		return true
	}
	if allKnown() {
		return nil, true, nil
	}
	stored, err := storedCategories(ctx, db)
	if err != nil {
		return nil, false, err
	}
	known = append(known, stored...)
	if allKnown() {
		return nil, true, nil
	}
	slices.Sort(known)
	return slices.Compact(known), false, nil
}

// storedCategories are the categories the stored calls in the scope of ctx
// have, every analysis row counted (no FINAL: a category an older
// analysis had stays a name one may ask for).
func storedCategories(ctx context.Context, db store.Querier) ([]string, error) {
	where, args := andScope(ctx, "1 = 1", nil)
	return store.QueryAll(ctx, db, "report: stored categories", func(c *string) []any { return []any{c} },
		"SELECT DISTINCT toString(arrayJoin(category_names)) FROM calls WHERE "+where, args...)
}
