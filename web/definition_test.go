package web_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/callscope/callscope/report"
)

// TestSavedDefinitionIsWhatTheCLIReads: the slice builder saves report
// definitions as YAML (web/src/lib/definition.ts, whose Vitest test writes
// testdata/definition.yaml); `callscope report --def` must read them.
func TestSavedDefinitionIsWhatTheCLIReads(t *testing.T) {
	data, err := os.ReadFile("testdata/definition.yaml")
	if err != nil {
		t.Fatal(err)
	}
	def, err := report.ParseDefinition("testdata/definition.yaml", data)
	if err != nil {
		t.Fatalf("the CLI refuses the UI's definition: %v", err)
	}
	want := report.Definition{Name: "weekly", By: []string{"operator", "week"}, Measures: []string{"calls", "pct:complaint"},
		Filter: `department = "Поддержка"`, Period: "last-week", Compare: true, Sort: "avg_score", Bottom: 10}
	if !reflect.DeepEqual(def, want) {
		t.Errorf("parsed %+v\nwant %+v", def, want)
	}
}
