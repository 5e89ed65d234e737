package filter

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
)

// chain joins n conditions over several fields with and (or with or).
func chain(n int, join string) string {
	conds := []string{`duration > 1s`, `operator != "op-%d"`, `not has incompetence`, `tag.scenario != "s-%d"`, `silence_longest < 1h`}
	parts := make([]string, n)
	for i := range parts {
		c := conds[i%len(conds)]
		if strings.Contains(c, "%d") {
			c = fmt.Sprintf(c, i)
		}
		parts[i] = c
	}
	return strings.Join(parts, " "+join+" ")
}

// TestLimits: a filter over MaxLength bytes or with more than
// MaxConditions conditions gets our own error naming the limit, never the
// server's ("Maximum parse depth", "Max query size").
func TestLimits(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"1 MB", "operator = \"" + strings.Repeat("x", 1<<20) + "\"", "filter too long: 1048589 bytes, the limit is 16384"},
		{"and chain", chain(MaxConditions+1, "and"), "too many conditions: more than 256"},
		{"or chain", chain(MaxConditions+50, "or"), "too many conditions: more than 256"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.src)
			if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: %.300v, want %q", err, tt.want)
			}
			if err != nil && len(err.Error()) > 500 {
				t.Errorf("error of %d bytes: it should show an excerpt of the filter", len(err.Error()))
			}
		})
	}
}

// TestLongestFilterOnBackends: the largest filter Parse accepts
// (MaxConditions conditions in one and chain, in one or chain, and nested
// in parentheses) runs on both servers and selects what Eval selects.
func TestLongestFilterOnBackends(t *testing.T) {
	testenv.SkipIfShort(t)
	srcs := []string{
		chain(MaxConditions, "and"),
		chain(MaxConditions, "or"),
		"(" + chain(MaxConditions/2, "and") + ") or not (" + chain(MaxConditions/2, "or") + ")",
	}
	for _, backend := range testenv.Backends {
		t.Run(backend.Name, func(t *testing.T) {
			ctx := context.Background()
			calls := sampleCalls()
			db := contractDB(t, ctx, backend, "calls_limits", contractRows(calls))
			for _, src := range srcs {
				e, err := Parse(src)
				if err != nil {
					t.Fatalf("%.60s...: %v", src, err)
				}
				where, args, err := CompileIn(e, time.UTC)
				if err != nil {
					t.Fatal(err)
				}
				got, err := queryIDs(ctx, db, "SELECT call_id FROM calls_limits FINAL WHERE "+where+" ORDER BY call_id SETTINGS optimize_move_to_prewhere = 0", args...)
				if err != nil {
					t.Fatalf("%.60s...: %v", src, err)
				}
				want, err := evalIDs(e, time.UTC, calls)
				if err != nil {
					t.Fatal(err)
				}
				sort.Strings(want)
				if !slices.Equal(got, want) {
					t.Errorf("%.60s...: SQL selects %v, Eval %v", src, got, want)
				}
			}
		})
	}
}
