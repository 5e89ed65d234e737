package report

import (
	"context"
	"slices"
)

// Scope is the part of the archive a reader may see. The HTTP API puts the
// logged-in user's scope in the request's context and every query this
// package builds (reports, call lists, one call, search, field values)
// adds its condition where the SQL is built, so no endpoint can forget it.
// A context without a scope reads everything (the command line, whose user
// has the database's own rights).
type Scope struct {
	// All lets the reader see every department.
	All bool
	// Departments are the departments seen when All is false; none means
	// no call at all.
	Departments []string
}

type scopeKey struct{}

// WithScope returns a context whose queries see only s.
func WithScope(ctx context.Context, s Scope) context.Context {
	s.Departments = slices.Clone(s.Departments)
	return context.WithValue(ctx, scopeKey{}, s)
}

// ScopeFrom returns the scope of ctx and whether it has one.
func ScopeFrom(ctx context.Context) (Scope, bool) {
	s, ok := ctx.Value(scopeKey{}).(Scope)
	return s, ok
}

// Allows reports whether a call of the department is in the scope of ctx.
func Allows(ctx context.Context, department string) bool {
	s, ok := ScopeFrom(ctx)
	return !ok || s.All || slices.Contains(s.Departments, department)
}

// scopeCond is the SQL condition over calls of the scope of ctx, and its
// arguments; "" when the scope is everything.
func scopeCond(ctx context.Context) (string, []any) {
	s, ok := ScopeFrom(ctx)
	if !ok || s.All {
		return "", nil
	}
	if len(s.Departments) == 0 {
		return "0 = 1", nil
	}
	return "has(?, department)", []any{slices.Clone(s.Departments)}
}

// queryInScope adds the scope of ctx to query, which ends in a WHERE
// condition, as one more AND.
func queryInScope(ctx context.Context, query string, args []any) (string, []any) {
	if c, cargs := scopeCond(ctx); c != "" {
		return query + " AND " + c, append(args, cargs...)
	}
	return query, args
}

// andScope adds the scope of ctx to a WHERE condition.
func andScope(ctx context.Context, where string, args []any) (string, []any) {
	c, cargs := scopeCond(ctx)
	if c == "" {
		return where, args
	}
	if where == "" {
		return c, cargs
	}
	return "(" + where + ") AND " + c, append(append([]any(nil), args...), cargs...)
}
