package match

import "testing"

func builtinMatcher(t testing.TB) *Matcher {
	t.Helper()
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
