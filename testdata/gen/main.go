// Command gen synthesizes the test calls under testdata/calls and the
// hostile inputs under testdata/bad. Run it from the repository root:
//
//	go run ./testdata/gen      (or: make testdata)
//
// Each call in scripts.go is spoken turn by turn with espeak-ng, resampled
// to 8 kHz by sox, and laid out on a timeline with the pauses, holds and
// overtalk the script gives. For every call it writes NAME.wav, the sidecar
// NAME.json (schemas.Metadata) and NAME.transcript.json (schemas.Transcript)
// whose segment times are where the speech really is in the audio.
//
// The output is deterministic: the same scripts and the same espeak-ng and
// sox give byte-identical files. docs/testdata.md explains the data.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	dir := flag.String("dir", "testdata", "directory that receives calls/ and bad/")
	only := flag.String("only", "", "generate only the calls whose name contains this (bad/ is skipped)")
	sounds := flag.String("sounds", defaultSoundsDir, "asterisk-core-sounds-ru-wav directory, for calls with real speech")
	pii := flag.Bool("pii", false, "generate only the calls that dictate personal data, into pii-calls/")
	flag.Parse()
	if *pii {
		calls = piiCalls
		*dir = filepath.Join(*dir, "pii-calls")
	}
	if err := run(*dir, *only, *sounds, *pii); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// defaultSoundsDir is where Debian's asterisk-core-sounds-ru-wav installs.
const defaultSoundsDir = "/usr/share/asterisk/sounds/ru_RU_f_IvrvoiceRU"

func run(dir, only, sounds string, flat bool) error {
	for _, tool := range []string{"espeak-ng", "sox"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not installed (sudo scripts/setup.sh apt): %w", tool, err)
		}
	}
	tmp, err := os.MkdirTemp("", "callscope-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	syn := &synth{tmp: tmp, sounds: sounds}

	callsDir := filepath.Join(dir, "calls")
	if flat {
		callsDir = dir
	}
	if err := os.MkdirAll(callsDir, 0o755); err != nil {
		return err
	}
	var total int64
	var written []file
	fmt.Printf("%-22s %-8s %-7s %8s %9s\n", "call", "format", "layout", "seconds", "bytes")
	for _, cl := range calls {
		if only != "" && !strings.Contains(cl.Name, only) {
			continue
		}
		files, err := renderCall(syn, cl)
		if err != nil {
			return fmt.Errorf("call %s: %w", cl.Name, err)
		}
		written = append(written, files.list()...)
		total += int64(len(files.wav))
		fmt.Printf("%-22s %-8s %-7s %8.3f %9d\n", cl.Name, cl.Encoding.orDefault(), cl.Layout.orDefault(), files.duration, len(files.wav))
	}
	fmt.Printf("%-22s %-8s %-7s %8s %9d\n", "total audio", "", "", "", total)
	if only != "" {
		for _, f := range written {
			if err := os.WriteFile(filepath.Join(callsDir, f.name), f.data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	if err := replaceFiles(callsDir, written); err != nil {
		return err
	}
	if flat {
		return nil
	}
	if err := writeBad(filepath.Join(dir, "bad"), syn); err != nil {
		return fmt.Errorf("bad inputs: %w", err)
	}
	return nil
}

// errScript marks a mistake in a call script (not in the tools).
var errScript = errors.New("bad call script")
