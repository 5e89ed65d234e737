// Command genparams writes the call parameter catalogue (analyze.Parameters)
// as JSON for the web UI: make web and make web-test run it into
// web/src/generated/parameters.json, so the call card's groups and units
// come from the one definition in analyze and cannot drift from it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/callscope/callscope/analyze"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genparams OUT.json")
		os.Exit(2)
	}
	data, err := json.MarshalIndent(analyze.Parameters(), "", "  ")
	if err == nil {
		err = os.MkdirAll(filepath.Dir(os.Args[1]), 0o755)
	}
	if err == nil {
		err = os.WriteFile(os.Args[1], append(data, '\n'), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genparams:", err)
		os.Exit(1)
	}
}
