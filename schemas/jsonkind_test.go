package schemas_test

import (
	"testing"

	"github.com/callscope/callscope/schemas"
)

func TestJSONRawKind(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"", "nothing"},
		{"  ", "nothing"},
		{`"+79161234567"`, "a string"},
		{`{"id": 1}`, "an object"},
		{` [1, 2]`, "a list"},
		{"true", "true or false"},
		{"false", "true or false"},
		{"null", "null"},
		{"-5.5", "a number"},
	} {
		if got := schemas.JSONRawKind([]byte(c.raw)); got != c.want {
			t.Errorf("JSONRawKind(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}
