package report

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestParseDefinitionShapes: a definition's settings are checked for their
// type with the place named, in words a person who wrote YAML reads; by and
// measures may be written as the command line writes them.
func TestParseDefinitionShapes(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       Definition
		err        string // "" = valid
	}{
		{name: "lists", yaml: "by: [operator, month]\nmeasures: [calls, avg_score]\n",
			want: Definition{By: []string{"operator", "month"}, Measures: []string{"calls", "avg_score"}}},
		{name: "comma-separated, as on the command line", yaml: "by: operator, month\nmeasures: calls\n",
			want: Definition{By: []string{"operator", "month"}, Measures: []string{"calls"}}},
		{name: "an empty setting", yaml: "by:\ncompare:\n", want: Definition{}},
		{name: "a bad name in a comma list keeps its line", yaml: "name: x\nby: operator, nonsense\n",
			err: `weekly.yaml:2:5: unknown dimension "nonsense"`},
		{name: "measures as a mapping", yaml: "measures:\n  calls: true\n", err: "weekly.yaml:2:3: measures: want a list such as [operator, month], got a mapping"},
		{name: "a list in a list", yaml: "by: [[operator]]\n", err: "weekly.yaml:1:6: by: want names such as [operator, month], got a list in the list"},
		{name: "top not a number", yaml: "top: many\n", err: `weekly.yaml:1:6: top: want a whole number, got "many"`},
		{name: "compare not a bool", yaml: "compare: sometimes\n", err: `weekly.yaml:1:10: compare: want true or false, got "sometimes"`},
		{name: "filter as a list", yaml: "filter: [has complaint]\n", err: "weekly.yaml:1:9: filter: want a string, got a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			def, err := ParseDefinition("weekly.yaml", []byte(tc.yaml))
			if tc.err == "" {
				if err != nil || !reflect.DeepEqual(def, tc.want) {
					t.Errorf("%+v %v, want %+v", def, err, tc.want)
				}
				return
			}
			if !errors.Is(err, ErrDefinition) || err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("error %v, want ErrDefinition containing %q", err, tc.err)
			}
		})
	}
}
