// Package cachedir names the one directory where scripts/setup.sh puts
// what is not an apt package (chDB, libvosk, models, nats-server, MinIO,
// decoded test music), so every package that looks there looks in the
// same place.
package cachedir

import (
	"os"
	"path/filepath"
)

// Dir is $CALLSCOPE_CACHE, else ~/.cache/callscope, else (no home
// directory) callscope-cache in the temporary directory.
func Dir() string {
	if d := os.Getenv("CALLSCOPE_CACHE"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "callscope-cache")
	}
	return filepath.Join(home, ".cache", "callscope")
}
