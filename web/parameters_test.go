package web_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/callscope/callscope/analyze"
)

var update = flag.Bool("update", false, "rewrite src/generated/parameters.json")

// TestParameterCatalogueIsAnalyzes: the call card groups parameters and
// shows their units from src/generated/parameters.json, a copy of
// analyze.Parameters() (one source of truth: this test fails when the copy
// drifts; go test ./web -update rewrites it).
func TestParameterCatalogueIsAnalyzes(t *testing.T) {
	want, err := json.MarshalIndent(analyze.Parameters(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	const path = "src/generated/parameters.json"
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from analyze.Parameters(): run go test ./web -run TestParameterCatalogue -update", path)
	}
}
