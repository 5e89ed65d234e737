package match

import "testing"

func builtinMatcher(t testing.TB) *Matcher {
	t.Helper()
	m, err := CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return m
}
