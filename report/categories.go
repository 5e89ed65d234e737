package report

import (
	"context"
	"fmt"
	"slices"

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

// CheckFilterCategories refuses a filter e (parsed from src) that names a
// category unknown in ctx (see WithCategories): a *ParamError of the
// filter parameter whose *filter.Error names it at its column and lists the
// known ones. The stored categories are read
// only when the dictionaries lack a name, so a right filter costs no query.
// Dictionaries that do not load are no mistake of the filter: the stored
// categories decide alone then.
func CheckFilterCategories(ctx context.Context, db store.Querier, src string, e filter.Expr) error {
	dictionaries, _ := ctx.Value(categoriesKey{}).(CategoryLister)
	if dictionaries == nil || e == nil {
		return nil
	}
	names := filter.CategoryNames(e)
	if len(names) == 0 {
		return nil
	}
	known, err := dictionaries(ctx)
	if err != nil {
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
		return nil
	}
	stored, err := storedCategories(ctx, db)
	if err != nil {
		return err
	}
	known = append(known, stored...)
	if allKnown() {
		return nil
	}
	if _, err := filter.ParseWith(src, filter.Options{Categories: known}); err != nil {
		return &ParamError{Param: "filter", Err: fmt.Errorf("--filter: %w", err)}
	}
	return nil
}

// storedCategories are the categories the stored calls in the scope of ctx
// have, every analysis row counted (no FINAL: a category an older
// analysis had stays a name one may ask for).
func storedCategories(ctx context.Context, db store.Querier) ([]string, error) {
	where, args := andScope(ctx, "1 = 1", nil)
	rows, err := db.Query(ctx, "SELECT DISTINCT toString(arrayJoin(category_names)) FROM calls WHERE "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("report: stored categories: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("report: stored categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
