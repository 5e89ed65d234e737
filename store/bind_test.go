package store

import (
	"strings"
	"testing"
	"time"
)

func TestBind(t *testing.T) {
	for _, tc := range []struct {
		query string
		args  []any
		want  string
		err   string
	}{
		{"SELECT 1", nil, "SELECT 1", ""},
		{"SELECT ?", []any{"it's"}, `SELECT 'it\'s'`, ""},
		{"SELECT ?", []any{`a\'b`}, `SELECT 'a\\\'b'`, ""},
		{"SELECT ?", []any{"x\x00y"}, `SELECT 'x\0y'`, ""},
		{"SELECT ?, ?, ?", []any{int8(-3), uint64(1 << 63), true}, "SELECT -3, 9223372036854775808, 1", ""},
		{"SELECT ?", []any{-1.5}, "SELECT (-1.5)", ""},
		{"SELECT ?", []any{[]string{"a", "b'"}}, `SELECT ['a', 'b\'']`, ""},
		{"SELECT ?", []any{(*float64)(nil)}, "SELECT NULL", ""},
		{"SELECT ?", []any{time.Unix(1700000000, 0)}, "SELECT toDateTime(1700000000)", ""},
		{"SELECT '?', `a?`, \"b?\", ? -- ?\n", []any{1}, "SELECT '?', `a?`, \"b?\", 1 -- ?\n", ""},
		{"SELECT 'it''s ?', ? /* ? */", []any{2}, "SELECT 'it''s ?', 2 /* ? */", ""},
		{"SELECT 'a\\'?', ?", []any{3}, "SELECT 'a\\'?', 3", ""},
		{"SELECT ?, ?", []any{1}, "", "more ?"},
		{"SELECT ?", []any{1, 2}, "", "2 arguments for 1"},
		{"SELECT ?", []any{struct{}{}}, "", "no ClickHouse literal"},
	} {
		got, err := bind(tc.query, tc.args...)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("bind(%q): err = %v, want %q", tc.query, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("bind(%q, %v) = %q, %v; want %q", tc.query, tc.args, got, err, tc.want)
		}
	}
}
